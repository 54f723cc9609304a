import type { Anomaly } from '../core/anomaly.js';
import { tally } from './tally.js';

/**
 * "Which hosts never alerted?", "hosts without any alerts this week": the targets with no anomaly
 * (of the kind asked) in the window, then how many the others had. Pure.
 */
export function answerQuietTargets(list: readonly Anomaly[], names: readonly string[], kind: string, when: string): string {
  const hit = new Set(list.map((a) => a.target));
  const quiet = names.filter((n) => !hit.has(n));
  const others = `${tally(list, (a) => a.target)}`;
  if (quiet.length === 0) {
    // "Which api host is healthier?" when both alerted: the fewest is the answer nearest to it.
    const counts = names.map((n) => [n, list.filter((a) => a.target === n).length] as const).sort((x, y) => x[1] - y[1]);
    const fewest = counts.filter(([, k]) => k === counts[0]![1]).map(([n]) => n);
    const least = names.length > 1 && fewest.length < names.length ? ` The fewest: ${fewest.join(', ')} (${counts[0]![1]}).` : '';
    return `Every target had ${kind}anomalies${when}: ${others}.${least}`;
  }
  return [
    `Without ${kind}anomalies${when}: ${quiet.join(', ')} (${quiet.length} of ${names.length} target${names.length === 1 ? '' : 's'}).`,
    ...(hit.size ? [`The others had: ${others}.`] : []),
  ].join('\n');
}
