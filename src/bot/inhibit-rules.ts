import type { Anomaly } from '../core/anomaly.js';
import type { Target } from '../core/target.js';
import { INHIBITED } from './alert-outcome.js';
import { describeMatch, routeMatches, type RouteMatch, type RoutedAnomaly } from './alert-routes.js';
import type { Store } from '../core/ports.js';

/**
 * Alertmanager's inhibit_rules: while an anomaly matching `source` is open, a new alert matching
 * `target` whose `equal` fields have the same values is held, and announced late if it is still
 * open once no source is. "db-1 is down: hold the api latency alerts it causes."
 */
export interface InhibitRule {
  name?: string;
  source: RouteMatch;
  target: RouteMatch;
  /** `target`, `metric`, `role`, `severity`, `detector` or a target label's key. */
  equal: string[];
}

type Facts = Pick<Target, 'role' | 'labels'>;

export const inhibitName = (r: InhibitRule, i: number): string => r.name ?? `inhibit rule ${i + 1}`;

/** An `equal` field's value; absent on both sides counts as equal, as in Alertmanager. */
function valueOf(key: string, a: RoutedAnomaly, t: Facts | undefined): string | undefined {
  if (key === 'target') return a.target;
  if (key === 'metric') return a.feature ?? a.metric;
  if (key === 'severity') return a.severity;
  if (key === 'detector') return a.detector;
  if (key === 'role') return t?.role ?? undefined;
  return t?.labels[key];
}

/**
 * The first rule, and the open anomaly under it, that hold `a`. An anomaly that matches both sides
 * of a rule is not held by another that does too (nor by itself): two alike would hold each other
 * and neither would be announced. Pure.
 */
export function inhibitorOf(
  rules: readonly InhibitRule[],
  a: Anomaly,
  open: readonly Anomaly[],
  facts: (target: string) => Facts | undefined,
): { rule: string; by: Anomaly } | undefined {
  const ta = facts(a.target);
  for (const [i, r] of rules.entries()) {
    if (!routeMatches(r.target, a, ta)) continue;
    const both = routeMatches(r.source, a, ta);
    for (const s of open) {
      if (s.id === a.id || s.status !== 'open') continue;
      const ts = facts(s.target);
      if (!routeMatches(r.source, s, ts) || (both && routeMatches(r.target, s, ts))) continue;
      if (r.equal.every((k) => valueOf(k, s, ts) === valueOf(k, a, ta))) return { rule: inhibitName(r, i), by: s };
    }
  }
  return undefined;
}

/**
 * The notifier's hold for chat.inhibit: the reason `inhibited|<rule>|<anomaly id>`, or undefined.
 * The open anomalies are read once per tick (`now`), however many alerts are checked.
 */
export function inhibitChecker(
  rules: readonly InhibitRule[],
  targets: () => ReadonlyMap<string, Facts>,
  open: () => Anomaly[],
): ((a: Anomaly, now: number) => string | undefined) | undefined {
  if (rules.length === 0) return undefined;
  let read: { now: number; list: Anomaly[] } | undefined;
  return (a, now) => {
    if (read?.now !== now) read = { now, list: open() };
    const map = targets();
    const hit = inhibitorOf(rules, a, read.list, (t) => map.get(t));
    return hit && `${INHIBITED}${hit.rule}|${hit.by.id}`;
  };
}

/** The rule and anomaly of a recorded inhibit reason. */
export function parseInhibited(why: string): { rule: string; by: string } | undefined {
  if (!why.startsWith(INHIBITED)) return undefined;
  const rest = why.slice(INHIBITED.length);
  const cut = rest.lastIndexOf('|');
  return cut < 0 ? undefined : { rule: rest.slice(0, cut), by: rest.slice(cut + 1) };
}

/** "db causes api latency: while role db is open, hold role api with the same env". */
export const describeInhibit = (r: InhibitRule, i: number): string =>
  `${inhibitName(r, i)}: while ${describeMatch(r.source)} is open, hold ${describeMatch(r.target)}${r.equal.length ? ` with the same ${r.equal.join(', ')}` : ''}`;

/** chat.inhibit for a reply, with the open anomalies each holds now (not yet posted); nothing when there are none. */
export function inhibitLines(rules: readonly InhibitRule[], store: Pick<Store, 'openAnomalies' | 'getKv' | 'chat'>): string[] {
  if (rules.length === 0) return [];
  const held = store
    .openAnomalies()
    .filter((a) => !store.chat.alertKeyFor(a.id))
    .flatMap((a) => {
      const why = parseInhibited(store.getKv(`held:${a.id}`) ?? '');
      return why ? [{ a, ...why }] : [];
    });
  return [
    'Inhibit rules (while a source alert is open, matching alerts are held, and posted if they outlast it):',
    ...rules.map((r, i) => {
      const now = held.filter((h) => h.rule === inhibitName(r, i));
      const list = now.map((h) => `${h.a.id} (${h.a.target} ${h.a.metric}, by ${h.by})`).join(', ');
      return `• ${describeInhibit(r, i)}${now.length ? `; holding ${list}` : ''}`;
    }),
  ];
}

/** What held an alert, from its recorded reason: "a silence", "the inhibit rule … while an_… was open", "the maintenance window …". */
export function heldBy(why: string): string {
  if (why === 'silenced') return 'a silence';
  const inhibited = parseInhibited(why);
  return inhibited ? `the inhibit rule "${inhibited.rule}" while ${inhibited.by} was open` : `the maintenance window "${why}"`;
}

/** An alert's field saying what held it before it was posted (late), when anything did; read from the store. */
export function heldField(store: Pick<Store, 'getKv'>, members: readonly { id: string }[]): { label: string; value: string }[] {
  const why = members.map((m) => store.getKv(`held:${m.id}`)).find((w): w is string => Boolean(w));
  return why ? [{ label: 'held before posting by', value: heldBy(why) }] : [];
}
