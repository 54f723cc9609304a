import { routeMatches, type RouteMatch, type RoutedAnomaly } from './alert-routes.js';
import type { Target } from '../core/target.js';
import { inWindow, type TimeWindow } from './time-window.js';

/**
 * A recurring maintenance window (Alertmanager's mute_time_intervals): alerts that match and open
 * inside it are held, and announced only if still open once it ends.
 */
export interface MuteTime extends TimeWindow {
  name: string;
  match: RouteMatch;
}

/** The name of the maintenance window that holds this alert at `ts`, if any. Pure. */
export function muteTimeFor(
  muteTimes: readonly MuteTime[],
  a: RoutedAnomaly,
  t: Pick<Target, 'role' | 'labels'> | undefined,
  ts: number,
): string | undefined {
  return muteTimes.find((m) => inWindow(m, ts) && routeMatches(m.match, a, t))?.name;
}

/** The notifier's `muted`: which window holds an anomaly's alert now, with the targets' roles and labels. */
export function muteChecker(
  muteTimes: readonly MuteTime[],
  targets: () => ReadonlyMap<string, Pick<Target, 'role' | 'labels'>>,
): ((a: RoutedAnomaly, now: number) => string | undefined) | undefined {
  if (muteTimes.length === 0) return undefined;
  return (a, now) => muteTimeFor(muteTimes, a, targets().get(a.target), now);
}
