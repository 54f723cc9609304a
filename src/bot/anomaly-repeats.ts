import type { Anomaly } from '../core/anomaly.js';
import { METRIC_LABEL } from './format-reply.js';
import { rankKey, tally } from './tally.js';
import { groupEpisodes } from './episodes.js';

/**
 * "Which alerts fired more than once?", "how many per day?", "which hour had the most?": the same
 * target and metric opening again, the days the anomalies started on when they span more than one,
 * and the hours of the day that saw the most, on the asker's clock (UTC without a zone). Pure.
 */
export function repeatLines(list: readonly Anomaly[], zone?: string): string[] {
  const lines: string[] = [];
  const pair = (a: Anomaly) => `${a.target} ${METRIC_LABEL[a.metric] ?? a.metric}`;
  const counts = new Map<string, number>();
  for (const a of list) counts.set(pair(a), (counts.get(pair(a)) ?? 0) + 1);
  const again = list.filter((a) => counts.get(pair(a))! > 1);
  if (again.length) lines.push(`More than once (same target and metric): ${tally(again, pair)}`);
  const day = rankKey('day', String, undefined, zone);
  if (new Set(list.map(day)).size > 1) {
    const byDay = new Map<string, number>();
    for (const a of list) byDay.set(day(a), (byDay.get(day(a)) ?? 0) + 1);
    const days = [...byDay].sort(([a], [z]) => a.localeCompare(z));
    lines.push(
      `By day (${zone ?? 'UTC'}): ${days
        .slice(-14)
        .map(([d, n]) => `${d.slice(5)} ${n}`)
        .join(', ')}${days.length > 14 ? ` (the last 14 of ${days.length} days)` : ''}`,
    );
  }
  // "Which hour had the most alerts?": the hours of the day they started in, the busiest first.
  const hour = rankKey('hour', String, undefined, zone);
  const byHour = new Map<string, number>();
  for (const a of list) byHour.set(hour(a), (byHour.get(hour(a)) ?? 0) + 1);
  if (list.length >= 5 && byHour.size > 1) {
    const top = [...byHour].sort(([a, m], [z, n]) => n - m || a.localeCompare(z)).slice(0, 5);
    lines.push(`Busiest hours of the day (${zone ?? 'UTC'}, by start): ${top.map(([h, n]) => `${h} ${n}`).join(', ')}`);
  }
  return lines;
}

/**
 * "Which alerts fired more than 5 times today?": each target and metric with at least `least`
 * episodes (detectors on one episode count once), most first; or, with none, the most any had. Pure.
 */
export function oftenLine(list: readonly Anomaly[], least: number, now: number): string {
  const counts = new Map<string, number>();
  for (const e of groupEpisodes(list, now)) {
    const k = `${e.members[0]!.target} ${METRIC_LABEL[e.members[0]!.metric] ?? e.members[0]!.metric}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const rows = [...counts].sort(([a, m], [z, n]) => n - m || a.localeCompare(z));
  const hit = rows.filter(([, n]) => n >= least);
  const unit = 'episodes of one target and metric';
  if (!hit.length)
    return `Nothing fired ${least} times or more (${unit})${rows.length ? `; the most: ${rows[0]![0]} ${rows[0]![1]}` : ''}.`;
  return `Fired ${least} times or more (${unit}): ${hit.map(([k, n]) => `${k} ${n}`).join(', ')} (${hit.length} of the ${rows.length} that fired).`;
}
