import type { AnswerContext } from './answer-intent.js';
import { metricsOf, spanBounds, windowSpan } from './answer-metric-span.js';
import { clock, formatValue, METRIC_LABEL, table } from './format-reply.js';
import type { MetricKey } from './intent.js';
import { ADDITIVE } from './answer-total.js';
import type { TimeSpan } from './parse-time-span.js';
import { dayZone } from './day-start.js';
import { wallClock } from './wall-clock.js';

export interface HourQuestion {
  metric?: MetricKey;
  target?: string;
  group?: string[];
  span?: TimeSpan;
  /** "The quietest hour": the lowest first. */
  lowest?: boolean;
  /** "When is it highest?", "is there a pattern?": hours of the day, each the mean over the days of the window. */
  ofDay?: boolean;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const SHOWN = 5;

interface HourRow {
  start: number;
  value: number;
  /** The highest single reading in the hour, and whose. */
  peak: { target: string; value: number; ts: number };
  targets: number;
}

/**
 * "What was the busiest hour yesterday?", "the quietest hour for memory on db-1 today": each hour
 * of the window (on the asker's clock with a display zone, UTC otherwise), ranked by the metric's
 * hourly mean — across the targets asked about, summed for network rates and averaged otherwise
 * (CPU when no metric is named, as "busiest host" is).
 * Pure over the store: the figures are stored readings, each hour says how many targets it covers.
 */
export function answerByHour(q: HourQuestion, c: AnswerContext): string {
  const metric = q.metric ?? 'cpu';
  const series = metricsOf(metric) ?? [];
  const names = q.target ? [q.target] : (q.group ?? c.targets.map((t) => t.name));
  const b = spanBounds(windowSpan(q.span ?? { kind: 'day', daysBack: 0 }, 86_400_000), c);
  if (b.ahead) return b.ahead;
  // hour start → target → [sum, count] of each series, and the hour's highest reading.
  const sums = new Map<number, Map<string, number[]>>();
  const peaks = new Map<number, HourRow['peak']>();
  // Per bucket, the days it holds samples of (an hour of the day is the mean over them).
  const days = new Map<number, Set<number>>();
  // Buckets are hours on the asker's clock (UTC without a display zone), keyed by that wall time.
  const wall = wallClock(c.zone);
  for (const n of names)
    series.forEach((m, k) => {
      for (const s of c.store.series(n, m, b.from, b.until)) {
        const w = wall(s.ts);
        const h = q.ofDay ? (w % DAY) - (w % HOUR) : w - (w % HOUR);
        if (q.ofDay) (days.get(h) ?? days.set(h, new Set()).get(h)!).add(Math.floor(w / DAY));
        const byTarget = sums.get(h) ?? sums.set(h, new Map()).get(h)!;
        const acc = byTarget.get(n) ?? byTarget.set(n, new Array<number>(2 * series.length).fill(0)).get(n)!;
        acc[2 * k]! += s.value;
        acc[2 * k + 1]! += 1;
        const p = peaks.get(h);
        if (!p || s.value > p.value) peaks.set(h, { target: n, value: s.value, ts: s.ts });
      }
    });
  const label = METRIC_LABEL[series.length > 1 ? metric : series[0]!] ?? metric;
  const who = q.target ?? (q.group ? q.group.join(', ') : 'the fleet');
  if (sums.size === 0) return `No ${label} samples ${b.label} for ${who}.`;
  const additive = series.every((m) => ADDITIVE.has(m));
  const rows: HourRow[] = [...sums].map(([start, byTarget]) => {
    // Each target's mean over the hour, per series; summed over the series (network in + out).
    const means = [...byTarget.values()].map((acc) =>
      series.reduce((a, _, k) => a + (acc[2 * k + 1]! ? acc[2 * k]! / acc[2 * k + 1]! : 0), 0),
    );
    const total = means.reduce((a, v) => a + v, 0);
    return { start, value: additive ? total : total / means.length, peak: peaks.get(start)!, targets: means.length };
  });
  rows.sort((a, z) => (q.lowest ? a.value - z.value : z.value - a.value) || a.start - z.start);
  const fmt = (v: number) => formatValue(series[0]!, v);
  const hhmm = (ts: number) => new Date(ts).toISOString().slice(11, 16);
  // Hours of different days read the same on the clock: a window longer than a day dates them.
  const dated = !q.ofDay && b.until - b.from > DAY;
  const span = (r: HourRow) =>
    q.ofDay
      ? `${hhmm(r.start)}–${hhmm(r.start + HOUR)}`
      : `${dated ? `${new Date(r.start).toISOString().slice(0, 10)} ` : ''}${hhmm(r.start)}–${hhmm(r.start + HOUR)}${r.start + HOUR > wall(c.now) ? ' (so far)' : ''}`;
  const how = names.length === 1 ? 'hourly mean' : additive ? 'hourly mean, summed over targets' : 'hourly mean across targets';
  const best = rows[0]!;
  const dayCount = new Set([...days.values()].flatMap((d) => [...d])).size;
  const kind = q.ofDay
    ? `hour of the day (${dayZone(c.zone)}; each hour's mean over the ${dayCount === 1 ? 'one day' : `${dayCount} days`} with samples)`
    : 'hour';
  const head = `${q.lowest ? 'Quietest' : 'Busiest'} ${kind} for ${label} ${b.label}, ${who} (${how}): ${span(best)} at ${fmt(best.value)}${names.length > 1 ? `; its highest reading ${fmt(best.peak.value)} on ${best.peak.target} at ${clock(best.peak.ts)}` : ''}.`;
  // A target missing from some hours moves those hours' figures: name it and how often it reported.
  const hoursOf = new Map<string, number>();
  for (const byTarget of sums.values()) for (const n of byTarget.keys()) hoursOf.set(n, (hoursOf.get(n) ?? 0) + 1);
  const patchy = [...hoursOf].filter(([, h]) => h < rows.length).map(([n, h]) => `${n} (${h} of ${rows.length})`);
  return [
    head,
    table(
      [`hour (${dayZone(c.zone)})`, label, 'highest reading', ...(names.length > 1 ? ['targets'] : [])],
      rows
        .slice(0, SHOWN)
        .map((r) => [
          span(r),
          fmt(r.value),
          names.length > 1 ? `${fmt(r.peak.value)} ${r.peak.target}` : fmt(r.peak.value),
          ...(names.length > 1 ? [String(r.targets)] : []),
        ]),
    ),
    ...(rows.length > SHOWN ? [`${rows.length} hours with samples; the ${SHOWN} ${q.lowest ? 'lowest' : 'highest'} shown.`] : []),
    ...(q.ofDay && dayCount < 3
      ? [`Only ${dayCount === 1 ? 'one day' : `${dayCount} days`} of samples: a daily pattern shows once several days agree.`]
      : []),
    ...(names.length > 1 && patchy.length
      ? [`Not in every hour, so those hours ${additive ? 'add up' : 'average'} fewer targets: ${patchy.join(', ')}.`]
      : []),
  ].join('\n');
}
