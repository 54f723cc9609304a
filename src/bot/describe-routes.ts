import { describeInhibit, type InhibitRule } from './inhibit-rules.js';
import { ALERT_PLATFORMS, describeMatch, routeAlert, routeName, type AlertRoute, type Destinations } from './alert-routes.js';
import type { DetectorName, Severity } from '../core/anomaly.js';
import type { MuteTime } from './mute-times.js';
import { isPending, type PendingFor } from './pending-for.js';
import { describeWindow } from './time-window.js';
import type { Target } from '../core/target.js';

const channelsText = (list: readonly string[]): string => (list.length > 0 ? list.join(', ') : 'nowhere');

/** The routing table as `config routes` prints it: each route, then the defaults. */
export function renderRoutes(
  routes: readonly AlertRoute[],
  defaults: Destinations,
  muteTimes: readonly MuteTime[] = [],
  pendingFor: readonly PendingFor[] = [],
  inhibit: readonly InhibitRule[] = [],
): string {
  const lines = ['Alert routes (per platform, the first matching route that lists it decides; "continue" goes on to the next):'];
  if (routes.length === 0) lines.push('  (none: every alert goes to the default channels)');
  for (const [i, r] of routes.entries()) {
    const to = ALERT_PLATFORMS.filter((p) => r[p] !== undefined).map((p) => {
      const ping = p === 'web' ? undefined : r.mentions?.[p];
      return `${p}: ${channelsText(r[p]!)}${ping?.length ? ` pinging ${ping.join(' ')}` : ''}`;
    });
    const hours = [
      ...(r.during ?? []).map((w) => `during ${describeWindow(w)}`),
      ...(r.outside ?? []).map((w) => `outside ${describeWindow(w)}`),
    ];
    const when = hours.length > 0 ? ` [${hours.join('; ')}]` : '';
    lines.push(`  ${i + 1}. ${routeName(r, i)}: ${describeMatch(r.match)}${when} -> ${to.join('; ')}${r.continue ? ' (continue)' : ''}`);
  }
  lines.push(`Default channels: ${ALERT_PLATFORMS.map((p) => `${p}: ${channelsText(defaults[p] ?? [])}`).join('; ')}`);
  if (muteTimes.length > 0) lines.push('Maintenance windows (matching alerts are held until they end):');
  for (const m of muteTimes) lines.push(`  ${m.name}: ${describeWindow(m)}, ${describeMatch(m.match)}`);
  if (pendingFor.length > 0) lines.push('Pending periods (posted only once the anomaly has lasted this long; the first match decides):');
  for (const p of pendingFor) lines.push(`  ${p.minutes} min: ${describeMatch(p.match)}`);
  if (inhibit.length > 0)
    lines.push('Inhibit rules (while a source alert is open, matching alerts are held, and posted if they outlast it):');
  for (const [i, r] of inhibit.entries()) lines.push(`  ${describeInhibit(r, i)}`);
  return lines.join('\n');
}

export interface RouteQuery {
  target: string;
  metric: string;
  detector: DetectorName;
  severity: Severity;
  /** When the alert would be posted (routes with hours depend on it). */
  at: number;
}

/** Where an alert with these facts would go, per platform and by which routes: amtool's "routes test". */
export function renderRouteTest(
  routes: readonly AlertRoute[],
  defaults: Destinations,
  q: RouteQuery,
  target: Pick<Target, 'role' | 'labels'> | undefined,
  pendingFor: readonly PendingFor[] = [],
): string {
  const d = routeAlert(routes, defaults, q, target, q.at);
  const lines = [`${q.target} ${q.metric} (${q.detector}, ${q.severity}) at ${new Date(q.at).toISOString()}:`];
  if (!target) lines.push(`  (${q.target} is not a known target: role and label conditions cannot match)`);
  for (const p of ALERT_PLATFORMS) {
    const channels = d.destinations
      .filter((x) => x.platform === p)
      .map((x) => x.channel + (x.mentions ? ` pinging ${x.mentions.join(' ')}` : ''));
    lines.push(
      `  ${p}: ${channelsText(channels)} (${d.decidedBy[p] ? `route ${d.decidedBy[p]!.map((n) => `"${n}"`).join(', ')}` : 'default'})`,
    );
  }
  const pending = pendingFor.find((r) => isPending([r], { ...q, startTs: 0, updatedTs: 0 }, target));
  if (pending && pending.minutes > 0) lines.push(`  posted once the anomaly has lasted ${pending.minutes} min (pending period)`);
  return lines.join('\n');
}
