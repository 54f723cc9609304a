import type { AnswerContext } from './answer-context.js';
import { metricsOf, spanBounds, windowSpan } from './answer-metric-span.js';
import { ADDITIVE } from './answer-total.js';
import { dayDate, dayStart, dayZone } from './day-start.js';
import { formatValue, METRIC_LABEL, table } from './format-reply.js';
import { wallClock } from './wall-clock.js';
import { formatDuration } from './text-tools.js';
import { nearestRank } from './tally.js';
import type { MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
// Rows a chat reply carries: two days of hours, a month of days; the latest are kept.
const MAX_ROWS: Record<'hour' | 'day' | 'minutes', number> = { hour: 48, day: 31, minutes: 48 };

interface Bucket {
  start: number;
  /** Every reading, for a percentile asked of each row ("p95 cpu by hour"). */
  values: number[];
  /** Per target, per series: [sum, count]. */
  acc: Map<string, number[]>;
  high: { value: number; target: string };
  low: { value: number; target: string };
}

/**
 * "Hourly cpu for web-1", "daily average memory this week": the window in time order, an hour or a
 * day a row, on the asker's clock when they have a display zone (UTC otherwise): the mean (each target's mean, averaged across the
 * targets, or summed for network rates), the highest and lowest single reading. The last 24 h of
 * hours, or the last 7 days, unless a time is said. Pure over the store.
 */
export function answerBuckets(
  q: {
    metric: MetricKey;
    every: 'hour' | 'day' | 'minutes';
    stepMs?: number | undefined;
    target?: string | undefined;
    group?: string[] | undefined;
    span?: TimeSpan | undefined;
    /** "P95 cpu by hour": each row's nearest-rank percentile of the readings in it, beside the mean. */
    stat?: string | undefined;
  },
  c: AnswerContext,
): string {
  const rank = /^p(\d+(?:\.\d+)?)$/.exec(q.stat ?? '')?.[1];
  const series = metricsOf(q.metric) ?? [];
  const names = q.target ? [q.target] : (q.group ?? c.targets.map((t) => t.name));
  // "Every 10 minutes": rows that long, the last hour unless a time is said (as many rows as fit, the latest kept).
  const step = q.every === 'minutes' ? (q.stepMs ?? 10 * 60_000) : q.every === 'hour' ? HOUR : DAY;
  const fallback = q.every === 'minutes' ? Math.min(DAY, Math.max(HOUR, 12 * step)) : q.every === 'hour' ? DAY : 7 * DAY;
  const b = spanBounds(windowSpan(q.span ?? { kind: 'last', ms: fallback }, DAY), c);
  if (b.ahead) return b.ahead;
  // Hours on the asker's clock too: a zone half an hour off UTC cuts its hours at :30 UTC.
  const wall = wallClock(c.zone);
  const startOf = (ts: number) => {
    if (q.every === 'day') return dayStart(ts, c.zone);
    const w = wall(ts);
    return ts - (((w % step) + step) % step);
  };
  const buckets = new Map<number, Bucket>();
  for (const n of names)
    series.forEach((m, k) => {
      for (const s of c.store.series(n, m, b.from, b.until)) {
        const start = startOf(s.ts);
        const bk =
          buckets.get(start) ??
          buckets
            .set(start, { start, values: [], acc: new Map(), high: { value: -Infinity, target: n }, low: { value: Infinity, target: n } })
            .get(start)!;
        const acc = bk.acc.get(n) ?? bk.acc.set(n, new Array<number>(2 * series.length).fill(0)).get(n)!;
        acc[2 * k]! += s.value;
        acc[2 * k + 1]! += 1;
        if (rank) bk.values.push(s.value);
        if (s.value > bk.high.value) bk.high = { value: s.value, target: n };
        if (s.value < bk.low.value) bk.low = { value: s.value, target: n };
      }
    });
  const label = METRIC_LABEL[series.length > 1 ? q.metric : series[0]!] ?? q.metric;
  const who = q.target ?? (q.group ? q.group.join(', ') : 'the fleet');
  if (!buckets.size) return `No ${label} samples ${b.label} for ${who}.`;
  const additive = series.every((m) => ADDITIVE.has(m));
  const rows = [...buckets.values()].sort((x, z) => x.start - z.start);
  const shown = rows.slice(-MAX_ROWS[q.every]);
  const fmt = (v: number) => formatValue(series[0]!, v);
  const mean = (bk: Bucket) => {
    const means = [...bk.acc.values()].map((acc) =>
      series.reduce((a, _, k) => a + (acc[2 * k + 1]! ? acc[2 * k]! / acc[2 * k + 1]! : 0), 0),
    );
    const total = means.reduce((a, v) => a + v, 0);
    return additive ? total : total / means.length;
  };
  const several = names.length > 1;
  const when = (bk: Bucket) => {
    const open = bk.start + step > c.now ? ' (so far)' : '';
    if (q.every === 'day') return `${dayDate(bk.start, c.zone)}${open}`;
    const iso = new Date(wall(bk.start)).toISOString();
    return `${b.until - b.from > DAY || rows.length > 24 ? `${iso.slice(5, 10)} ` : ''}${iso.slice(11, 16)}${open}`;
  };
  const how = several ? (additive ? 'mean, summed over targets' : 'mean across targets') : 'mean';
  return [
    `${label.charAt(0).toUpperCase()}${label.slice(1)} ${b.label}, ${who}, ${q.every === 'hour' ? 'hour by hour' : q.every === 'day' ? 'day by day' : `every ${formatDuration(step)}`} (${dayZone(c.zone)}): the ${how}, ${rank ? `the p${rank} of the readings in it (all targets' together), ` : ''}and the highest and lowest reading.`,
    table(
      [q.every === 'day' ? 'day' : q.every === 'hour' ? 'hour' : 'from', label, ...(rank ? [`p${rank}`] : []), 'highest', 'lowest'],
      shown.map((bk) => [
        when(bk),
        fmt(mean(bk)),
        ...(rank
          ? [
              fmt(
                nearestRank(
                  [...bk.values].sort((x, z) => x - z),
                  Number(rank) / 100,
                ),
              ),
            ]
          : []),
        `${fmt(bk.high.value)}${several ? ` ${bk.high.target}` : ''}`,
        `${fmt(bk.low.value)}${several ? ` ${bk.low.target}` : ''}`,
      ]),
    ),
    ...(rows.length > shown.length
      ? [
          `The last ${shown.length} of ${rows.length} ${q.every === 'minutes' ? 'rows' : `${q.every}s`} shown; ask for a shorter time for the rest.`,
        ]
      : []),
  ].join('\n');
}
