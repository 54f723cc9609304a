import type { Anomaly } from '../core/anomaly.js';
import { countEpisodes } from './tally.js';

const pct = (n: number, of: number) => `${Math.round((100 * n) / of)} %`;

/**
 * "What percentage of alerts are critical?", "what share of alerts are on web-2?": the shares of
 * the anomalies counted, by severity or for one target against the rest (with its episodes, since
 * several detectors on one episode would otherwise weigh a host more). Pure; none for an empty list.
 */
export function shareLines(list: readonly Anomaly[], asked: { severity: boolean; target?: string | undefined }, now: number): string[] {
  if (!list.length) return [];
  const lines: string[] = [];
  if (asked.target) {
    const mine = list.filter((a) => a.target === asked.target);
    const [all, own] = [countEpisodes(list, now), countEpisodes(mine, now)];
    lines.push(
      `${asked.target}: ${mine.length} of ${list.length} anomalies (${pct(mine.length, list.length)}); ${own} of ${all} episodes (${pct(own, all)}).`,
    );
  }
  if (asked.severity)
    lines.push(
      `Of ${list.length} anomalies: ${(['critical', 'warning'] as const)
        .map(
          (v) => `${v} ${pct(list.filter((a) => a.severity === v).length, list.length)} (${list.filter((a) => a.severity === v).length})`,
        )
        .join(', ')}.`,
    );
  return lines;
}
