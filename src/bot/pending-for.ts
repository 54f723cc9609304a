import type { Anomaly } from '../core/anomaly.js';
import type { Target } from '../core/target.js';
import { routeMatches, type RouteMatch } from './alert-routes.js';

/**
 * A pending period (Prometheus's `for`, Grafana's pending period): an anomaly that matches is
 * announced only once it has stayed anomalous this long, so a one-sample blip is recorded and
 * answered about but posts nothing.
 */
export interface PendingFor {
  match: RouteMatch;
  minutes: number;
}

/** Whether an open anomaly is still within its pending period at `now`: first matching rule wins. Pure. */
export function isPending(
  rules: readonly PendingFor[],
  a: Pick<Anomaly, 'target' | 'metric' | 'detector' | 'severity' | 'startTs' | 'updatedTs'> & { feature?: string },
  t: Pick<Target, 'role' | 'labels'> | undefined,
): boolean {
  const rule = rules.find((r) => routeMatches(r.match, a, t));
  // Anomalous for the whole period: the latest anomalous finding is that far from the first.
  return rule !== undefined && a.updatedTs - a.startTs < rule.minutes * 60_000;
}

/** The notifier's `pending`, with the targets' roles and labels. */
export function pendingChecker(
  rules: readonly PendingFor[],
  targets: () => ReadonlyMap<string, Pick<Target, 'role' | 'labels'>>,
): ((a: Anomaly) => boolean) | undefined {
  if (rules.length === 0) return undefined;
  return (a) => isPending(rules, a, targets().get(a.target));
}
