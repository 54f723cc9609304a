import type { Anomaly, DetectorName, Severity } from '../core/anomaly.js';
import { withOnCall, type OnCall } from './on-call.js';
import type { Platform } from '../core/chat.js';
import type { Destination } from '../core/chat-store.js';
import type { Target } from '../core/target.js';
import { inWindow, type TimeWindow } from './time-window.js';

/** The platforms alerts can be sent to. */
export const ALERT_PLATFORMS = ['slack', 'discord', 'web'] as const;
export type AlertPlatform = (typeof ALERT_PLATFORMS)[number];

/** Channels per platform. */
export type Destinations = Partial<Record<AlertPlatform, string[]>>;

export type { Destination };

/** Every condition given must hold; a list matches when any of its entries does. */
export interface RouteMatch {
  severities?: Severity[];
  /** Target names; `*` matches any run of characters ("web-*"). */
  targets?: string[];
  roles?: string[];
  /** Target labels; values may use `*` too. */
  labels?: Record<string, string>;
  /** Matches the anomaly's metric or, for a host anomaly, the metric it blamed. */
  metrics?: string[];
  detectors?: DetectorName[];
}

export interface AlertRoute extends Destinations {
  name?: string;
  match: RouteMatch;
  /** The route applies only inside one of these windows ("office hours"). */
  during?: TimeWindow[];
  /** The route does not apply inside any of these windows ("page on-call outside office hours"). */
  outside?: TimeWindow[];
  /** Who its alerts ping, per platform (validated platform syntax), and whether the on-call person too. */
  mentions?: Partial<Record<'slack' | 'discord', string[]>> & { onCall?: boolean | string };
  /** Also try the routes after this one when it matches. */
  continue?: boolean;
}

export interface RouteDecision {
  destinations: Destination[];
  /** Names of the routes that decided for some platform; empty when the defaults applied everywhere. */
  matched: string[];
  /** Per platform, the routes that decided there; a platform not listed took its defaults. */
  decidedBy: Partial<Record<AlertPlatform, string[]>>;
}

export type RoutedAnomaly = Pick<Anomaly, 'target' | 'metric' | 'detector' | 'severity'> & { feature?: string };
type TargetFacts = Pick<Target, 'role' | 'labels'>;

const globCache = new Map<string, RegExp>();
/** A target pattern ("web-*") as an anchored expression; cached, as routes test one per alert. */
export function glob(pattern: string): RegExp {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(
      `^${pattern
        .split('*')
        .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    globCache.set(pattern, re);
  }
  return re;
}

/** "severity critical, target web-*": a match as people read it. */
export function describeMatch(m: RouteMatch): string {
  const parts = [
    m.severities && `severity ${m.severities.join('|')}`,
    m.targets && `target ${m.targets.join('|')}`,
    m.roles && `role ${m.roles.join('|')}`,
    ...Object.entries(m.labels ?? {}).map(([k, v]) => `${k}=${v}`),
    m.metrics && `metric ${m.metrics.join('|')}`,
    m.detectors && `detector ${m.detectors.join('|')}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'every alert';
}

export const routeName = (r: AlertRoute, i: number): string => r.name ?? `route ${i + 1}`;

/** Whether a route's hours allow it at `ts` (when it has none, always). */
export const routeActive = (r: Pick<AlertRoute, 'during' | 'outside'>, ts: number): boolean =>
  (!r.during || r.during.some((w) => inWindow(w, ts))) && !(r.outside ?? []).some((w) => inWindow(w, ts));

export function routeMatches(m: RouteMatch, a: RoutedAnomaly, t: TargetFacts | undefined): boolean {
  if (m.severities && !m.severities.includes(a.severity)) return false;
  if (m.detectors && !m.detectors.includes(a.detector)) return false;
  if (m.metrics && !m.metrics.includes(a.metric) && !(a.feature !== undefined && m.metrics.includes(a.feature))) return false;
  if (m.targets && !m.targets.some((p) => glob(p).test(a.target))) return false;
  if (m.roles && !(t?.role !== undefined && m.roles.includes(t.role))) return false;
  for (const [k, v] of Object.entries(m.labels ?? {})) {
    const have = t?.labels[k];
    if (have === undefined || !glob(v).test(have)) return false;
  }
  return true;
}

/**
 * Where one anomaly's alert goes, decided per platform: the first route that lists the platform
 * and matches (and the ones after it while matched routes say `continue`), or the default
 * channels when none does. A route says nothing about the platforms it does not list, so a
 * Slack-only route leaves Discord and the web console on their defaults; an empty list sends
 * that match nowhere on that platform.
 */
export function routeAlert(
  routes: readonly AlertRoute[],
  defaults: Destinations,
  a: RoutedAnomaly,
  t: TargetFacts | undefined,
  ts: number,
  onCall?: OnCall,
): RouteDecision {
  const found = new Map<string, Destination>();
  const decidedBy: RouteDecision['decidedBy'] = {};
  const hits = routes.map((r) => routeActive(r, ts) && routeMatches(r.match, a, t));
  for (const platform of ALERT_PLATFORMS) {
    const names: string[] = [];
    for (const [i, r] of routes.entries()) {
      const channels = r[platform];
      if (channels === undefined || !hits[i]) continue;
      names.push(routeName(r, i));
      // `mentions.onCall`: whoever is on call when the alert is routed.
      const mentions = platform === 'web' || !r.mentions ? undefined : withOnCall(r.mentions, onCall)[platform];
      for (const channel of channels) add(found, { platform, channel, mentions });
      if (!r.continue) break;
    }
    if (names.length > 0) decidedBy[platform] = names;
    else for (const channel of defaults[platform] ?? []) add(found, { platform, channel });
  }
  return { destinations: [...found.values()], matched: [...new Set(Object.values(decidedBy).flat())], decidedBy };
}

/** Adds a destination, merging the mentions of one already there. */
function add(into: Map<string, Destination>, d: Destination): void {
  const k = `${d.platform}\u0000${d.channel}`;
  const had = into.get(k);
  const mentions = [...new Set([...(had?.mentions ?? []), ...(d.mentions ?? [])])];
  into.set(k, { platform: d.platform, channel: d.channel, ...(mentions.length > 0 ? { mentions } : {}) });
}

/** The union of several alerts' destinations (a message that carries several anomalies goes wherever any of them would). */
export function unionDestinations(lists: Iterable<Destination[]>): Destination[] {
  const all = new Map<string, Destination>();
  for (const list of lists) for (const d of list) add(all, d);
  return [...all.values()];
}

/** The notifier's `route`: each anomaly's destinations, on the platforms that have a running adapter. */
export function alertRouter(
  routes: readonly AlertRoute[],
  defaults: Destinations,
  targets: () => ReadonlyMap<string, TargetFacts>,
  running: (p: Platform) => boolean,
  onCall?: OnCall,
): (anomalies: RoutedAnomaly[], now: number) => Destination[][] {
  return (anomalies, now) => {
    const byName = targets();
    return anomalies.map((a) =>
      routeAlert(routes, defaults, a, byName.get(a.target), now, onCall).destinations.filter((d) => running(d.platform)),
    );
  };
}

/** Platforms that routes send to but that have no adapter: their channels would get nothing. */
export const idlePlatforms = (routes: readonly AlertRoute[], running: (p: Platform) => boolean): AlertPlatform[] =>
  ALERT_PLATFORMS.filter((p) => !running(p) && routes.some((r) => (r[p]?.length ?? 0) > 0));

/**
 * The rotation whose on-call an alert pages ("page the on-call about db-1"): the one named by
 * `mentions.onCall` on the first active route that matches it and pings the on-call; undefined
 * for the first rotation (no such route, or `onCall: true`).
 */
export function onCallRotationFor(
  routes: readonly AlertRoute[],
  a: RoutedAnomaly,
  t: TargetFacts | undefined,
  ts: number,
): string | undefined {
  const r = routes.find((r) => r.mentions?.onCall && routeActive(r, ts) && routeMatches(r.match, a, t));
  return typeof r?.mentions?.onCall === 'string' ? r.mentions.onCall : undefined;
}
