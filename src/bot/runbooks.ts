import type { Target } from '../core/target.js';
import { routeMatches, type RouteMatch, type RoutedAnomaly } from './alert-routes.js';

export interface Runbook {
  match: RouteMatch;
  /** May hold {target}, {metric}, {detector}, {severity}. */
  url: string;
  label: string;
}

export interface Link {
  label: string;
  url: string;
}

/** Slack and Discord show five buttons a row: Silence and at most three runbooks leave room. */
const MAX_LINKS = 3;

/** The runbook links for a message's anomalies: their own, else the first configured match; no repeats. Pure. */
export function runbookLinks(
  runbooks: readonly Runbook[],
  anomalies: readonly (RoutedAnomaly & { runbookUrl?: string })[],
  targets: ReadonlyMap<string, Pick<Target, 'role' | 'labels'>>,
): Link[] {
  const links = new Map<string, Link & { metric: string }>();
  for (const a of anomalies) {
    // The alert's own runbook (Alertmanager's runbook_url) takes the place of a configured one.
    if (a.runbookUrl) {
      if (!links.has(a.runbookUrl)) links.set(a.runbookUrl, { label: 'Runbook', url: a.runbookUrl, metric: a.metric });
      continue;
    }
    const r = runbooks.find((x) => routeMatches(x.match, a, targets.get(a.target)));
    if (!r) continue;
    const fill: Record<string, string> = { target: a.target, metric: a.feature ?? a.metric, detector: a.detector, severity: a.severity };
    const url = r.url.replace(/\{(target|metric|detector|severity)\}/g, (_, k: string) => encodeURIComponent(fill[k]!));
    if (!links.has(url)) links.set(url, { label: r.label, url, metric: fill.metric! });
  }
  const list = [...links.values()].slice(0, MAX_LINKS);
  // Two buttons called "Runbook" say nothing: name the metric when labels repeat.
  const repeated = (label: string) => list.filter((l) => l.label === label).length > 1;
  return list.map((l) => ({ label: repeated(l.label) ? `${l.label} (${l.metric})` : l.label, url: l.url }));
}
