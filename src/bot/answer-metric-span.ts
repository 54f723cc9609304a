import { calendarLabel } from './parse-calendar.js';
import type { Sample } from '../core/sample.js';
import type { AnswerContext } from './answer-intent.js';
import { dayDate, dayStart, dayZone } from './day-start.js';
import { clock, formatValue, METRIC_LABEL, stamp, table } from './format-reply.js';
import type { MetricKey } from './parse-intent.js';
import { MAX_SPAN, type Stat, type TimeSpan } from './parse-time-span.js';
import { FREE_OF } from './free-figures.js';
import { clockTs } from './parse-clock.js';
import { rangeTs } from './range-ts.js';
import { nearestRank } from './tally.js';
import { anomaliesInWindow } from './anomalies-in-window.js';
import { formatDuration } from './text-tools.js';

export const METRICS_OF: Record<MetricKey, string[]> = {
  cpu: ['cpu'],
  memory: ['memory'],
  disk: ['disk'],
  network: ['net_in', 'net_out'],
  net_in: ['net_in'],
  net_out: ['net_out'],
  latency: ['latency_ms'],
};

/** The stored series a metric word stands for; its free share ("free disk") where asked and known. */
export function metricsOf(metric: MetricKey | undefined, free?: boolean): string[] | undefined {
  if (!metric) return undefined;
  const f = free ? FREE_OF[metric] : undefined;
  return f ? [f] : METRICS_OF[metric];
}

export const ALL_METRICS = ['cpu', 'memory', 'disk', 'net_in', 'net_out', 'latency_ms'];
// A fleet table with every metric for every statistic would be too wide for chat.
const FLEET = ['cpu', 'memory', 'disk'];
const DAY = 86_400_000;
const STAT_WORD: Record<'max' | 'min' | 'avg' | 'sd' | 'quantiles', string> = {
  max: 'peak',
  min: 'lowest',
  avg: 'average',
  sd: 'std dev',
  // Ranked or tabled, the percentiles are their p95.
  quantiles: 'p95',
};
const statWord = (st: Stat) => (isPercentile(st) ? st : STAT_WORD[st]);
export const isPercentile = (st: Stat | undefined): st is `p${number}` => st !== undefined && /^p\d/.test(st);
/** A statistic only a window of samples has (a percentile, a spread), never one reading. */
export const isWindowed = (st: Stat | undefined): boolean => isPercentile(st) || st === 'sd' || st === 'quantiles';
const QUANTILES = [50, 90, 95, 99];

export interface SpanQuestion {
  metric?: MetricKey;
  target?: string;
  group?: string[];
  span: TimeSpan;
  stat?: Stat;
  /** Rows of a fleet ranking to show. */
  limit?: number;
  /** A spread ranked least variable first ("the most stable host"). */
  lowFirst?: boolean;
  /** Averages ranked ("which host has the highest average?"); without it the fleet's average leads. */
  ranked?: boolean;
  /** The free share; the store given must read it (withFreeFigures). */
  free?: boolean;
}

export interface Summary {
  n: number;
  min: Sample;
  max: Sample;
  avg: number;
  first: number;
  last: number;
  values: number[];
}

export function summarise(points: Sample[]): Summary | undefined {
  if (points.length === 0) return undefined;
  let min = points[0]!;
  let max = points[0]!;
  let sum = 0;
  for (const p of points) {
    if (p.value < min.value) min = p;
    if (p.value > max.value) max = p;
    sum += p.value;
  }
  return {
    n: points.length,
    min,
    max,
    avg: sum / points.length,
    first: points[0]!.ts,
    last: points[points.length - 1]!.ts,
    values: points.map((p) => p.value),
  };
}

/** spanBounds with its label said of things that happened in it ("in the last 7 d", not "over the last 7 d"). */
export function spanIn(span: TimeSpan, c: Pick<AnswerContext, 'now' | 'staleAfterMs' | 'zone'>): ReturnType<typeof spanBounds> {
  const b = spanBounds(span, c);
  return { ...b, label: b.label.replace(/^over the last\b/, 'in the last') };
}

/**
 * The span as timestamps: a window [from, until], or one instant with how far off a sample may be.
 * `ahead` is set when the span has not begun yet ("today at 15:00" asked at 11:00).
 */
export function spanBounds(
  span: TimeSpan,
  c: Pick<AnswerContext, 'now' | 'staleAfterMs' | 'zone'>,
): { from: number; until: number; at?: number; label: string; ahead?: string } {
  if (span.kind === 'at' || span.kind === 'clock') {
    const at = span.kind === 'at' ? c.now - span.agoMs : clockTs(span.at, c.now);
    const ago = Math.abs(c.now - at);
    // Ticks are staleAfterMs apart at most; far back, a few minutes either side is still "then".
    const tol = Math.max(c.staleAfterMs, Math.min(ago * 0.05, 15 * 60_000));
    const label = span.kind === 'at' ? `${formatDuration(span.agoMs)} ago (${stamp(at)})` : `at ${stamp(at)}`;
    return { from: at - tol, until: at + tol, at, label, ...(at > c.now ? { ahead: aheadOf(at, c.now) } : {}) };
  }
  if (span.kind === 'range') {
    const r = rangeTs(span.from, span.until, c.now);
    const wholeDay = span.from.minute === 0 && span.until?.minute === 1440 && r.from % DAY === 0;
    const sameDay = Math.floor(r.from / DAY) === Math.floor((r.until - 1) / DAY);
    const named = calendarLabel(span, r.from, c.zone);
    const label = named
      ? named
      : wholeDay
        ? `on ${stamp(r.from).slice(0, 10)} (UTC)`
        : !span.until || r.until === c.now
          ? `since ${stamp(r.from)}`
          : `between ${stamp(r.from)} and ${sameDay ? clock(r.until) : stamp(r.until)}`;
    return { ...r, label, ...(r.from > c.now ? { ahead: aheadOf(r.from, c.now) } : {}) };
  }
  if (span.kind === 'last')
    return {
      from: c.now - span.ms,
      until: c.now,
      label: span.ms >= MAX_SPAN ? 'over all stored samples' : `over the last ${formatDuration(span.ms)}`,
    };
  // Today and yesterday are the asker's days when they have a display zone, UTC days otherwise.
  const today = dayStart(c.now, c.zone);
  const yesterday = dayStart(today - 1, c.zone);
  return span.daysBack === 0
    ? { from: today, until: c.now, label: `today (${dayZone(c.zone)})` }
    : { from: yesterday, until: today - 1, label: `yesterday (${dayDate(yesterday, c.zone)} ${dayZone(c.zone)})` };
}

/** A span read as a window: an instant ("since 2 hours ago", "since 10:00") is a window that ends now. */
export function windowSpan(span: TimeSpan | undefined, defaultMs: number): Exclude<TimeSpan, { kind: 'at' } | { kind: 'clock' }> {
  if (!span) return { kind: 'last', ms: defaultMs };
  if (span.kind === 'at') return { kind: 'last', ms: span.agoMs };
  if (span.kind === 'clock') return { kind: 'range', from: span.at };
  return span;
}

const aheadOf = (ts: number, now: number) =>
  `${stamp(ts)} is still ahead (it is ${stamp(now)} now); I can only answer about what has happened.`;

export function nearest(points: Sample[], at: number): Sample | undefined {
  let best: Sample | undefined;
  for (const p of points) if (!best || Math.abs(p.ts - at) < Math.abs(best.ts - at)) best = p;
  return best;
}

/** Nearest rank: a value that was read, never one between two readings. */
function percentile(values: number[], rank: number): number {
  return nearestRank(
    [...values].sort((a, z) => a - z),
    rank / 100,
  );
}

function stdDev(values: number[]): number {
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
}

const statValue = (s: Summary, stat: Stat) =>
  stat === 'max'
    ? s.max.value
    : stat === 'min'
      ? s.min.value
      : stat === 'avg'
        ? s.avg
        : stat === 'sd'
          ? stdDev(s.values)
          : percentile(s.values, stat === 'quantiles' ? 95 : Number(stat.slice(1)));

/**
 * A latency percentile here is over the stored readings, one per target and tick, which is not the
 * per-request percentile the words usually mean; the reply says which it is.
 */
const percentileNote = (stat: Stat | undefined, metrics: string[]): string[] =>
  (isPercentile(stat) || stat === 'quantiles') && metrics.includes('latency_ms')
    ? [
        `(${stat === 'quantiles' ? 'Percentiles' : stat} of the stored latency readings, one per sample: not ${stat === 'quantiles' ? 'percentiles' : 'a percentile'} over individual requests.)`,
      ]
    : [];

/**
 * Answers a metrics question about a past instant or window from the stored samples: the sample
 * nearest to "an hour ago", or min / average / max with their times over a window. Only numbers
 * that are in the store; a span with no samples says so.
 */
export function answerMetricSpan(q: SpanQuestion, c: AnswerContext): string {
  const b = spanBounds(q.span, c);
  if (b.ahead) return b.ahead;
  const long = b.until - b.from > 20 * 3_600_000;
  const t = (ts: number) => (long ? stamp(ts) : clock(ts));
  const metrics = metricsOf(q.metric, q.free) ?? (q.target ? ALL_METRICS : FLEET);
  const names = q.target ? [q.target] : (q.group ?? c.targets.map((x) => x.name));
  const none = () =>
    `No ${q.metric ? (METRIC_LABEL[metrics[0]!] ?? q.metric) : 'metric'} samples${q.target ? ` for ${q.target}` : ''} ${b.label}. ` +
    'Samples older than retention.samplesHours (config) are pruned, and a target is only sampled since it was added.';

  if (b.at !== undefined) {
    const at = b.at;
    const found = names.map((n) => ({ n, got: metrics.map((m) => nearest(c.store.series(n, m, b.from, b.until), at)) }));
    const any = found.filter((f) => f.got.some(Boolean));
    if (any.length === 0) return none();
    if (q.target) {
      return any[0]!.got
        .filter((s): s is Sample => Boolean(s))
        .map(
          (s) => `${s.target} ${METRIC_LABEL[s.metric] ?? s.metric} ${b.label}: ${formatValue(s.metric, s.value)} (sample at ${t(s.ts)})`,
        )
        .join('\n');
    }
    const rows = any.map((f) => [f.n, ...f.got.map((s) => (s ? formatValue(s.metric, s.value) : '-'))]);
    return `${metrics.map((m) => METRIC_LABEL[m] ?? m).join(', ')} ${b.label}, nearest samples within ${formatDuration(at - b.from)}:\n${table(
      ['target', ...metrics.map((m) => METRIC_LABEL[m] ?? m)],
      rows,
    )}`;
  }

  const sums = names.map((n) => ({ n, s: metrics.map((m) => summarise(c.store.series(n, m, b.from, b.until))) }));
  const any = sums.filter((x) => x.s.some(Boolean));
  if (any.length === 0) return none();
  // A week asked of a store that keeps a day: the figures are real, but of a shorter time.
  const first = Math.min(...any.flatMap((x) => x.s.map((s) => s?.first ?? Infinity)));
  const short =
    first - b.from > Math.max(3_600_000, (b.until - b.from) / 10)
      ? [
          `(The stored samples start at ${stamp(first)}, so these figures cover only the time since then: older samples are pruned after retention.samplesHours, and none exist from before a target was first read.)`,
        ]
      : [];
  const order: Stat[] = q.stat ? [q.stat, ...(['max', 'avg', 'min'] as Stat[]).filter((s) => s !== q.stat)] : ['max', 'avg', 'min'];
  if (q.target) {
    const target = q.target;
    return any[0]!.s
      .map((s, i) => {
        const m = metrics[i]!;
        // Every metric asked at once: one the target does not report (db-1's latency) is left out.
        if (!s) return q.metric ? `${target} ${METRIC_LABEL[m] ?? m}: no samples ${b.label}.` : '';
        const part = (st: Stat) =>
          st === 'quantiles'
            ? QUANTILES.map((q) => `p${q} ${formatValue(m, percentile(s.values, q))}`).join(', ')
            : st === 'sd'
              ? `std dev ${formatValue(m, statValue(s, st))}${s.avg ? ` (${Math.round((100 * statValue(s, st)) / Math.abs(s.avg))}% of its average)` : ''}`
              : st === 'avg' || isPercentile(st)
                ? `${statWord(st)} ${formatValue(m, statValue(s, st))}`
                : `${STAT_WORD[st]} ${formatValue(m, st === 'max' ? s.max.value : s.min.value)} at ${t(st === 'max' ? s.max.ts : s.min.ts)}`;
        return `${target} ${METRIC_LABEL[m] ?? m} ${b.label}: ${order.map(part).join(', ')} (${s.n} sample${s.n === 1 ? '' : 's'}, ${t(s.first)}–${t(s.last)})`;
      })
      .filter(Boolean)
      .concat(percentileNote(q.stat, metrics), short, q.metric ? [] : anomaliesInWindow(target, b.from, b.until, c))
      .join('\n');
  }
  // Fleet: all three statistics for one named metric; otherwise the one asked for (peak by default) per metric. Two or
  // three hosts side by side ("compare web-1 and web-2 over the last day") get the average beside the peak: a peak alone
  // says how bad the worst minute was, not how the two ran.
  const few = !q.metric && !q.stat && q.group !== undefined && q.group.length <= 3;
  const stats: Stat[] = q.metric && metrics.length === 1 && !q.stat ? ['max', 'avg', 'min'] : few ? ['avg', 'max'] : [q.stat ?? 'max'];
  const cols = metrics.flatMap((m) => stats.map((st) => ({ m, st })));
  // Sorted by the first column, so "which host peaked highest" is the first row and the headline.
  const st0 = cols[0]!.st;
  const m0 = metrics[0]!;
  const low = st0 === 'min' || ((st0 === 'sd' || st0 === 'avg') && q.lowFirst === true);
  const key = (x: (typeof any)[number]) => (x.s[0] ? statValue(x.s[0], st0) : low ? Infinity : -Infinity);
  const sorted = [...any].sort((a, z) => {
    const d = low ? key(a) - key(z) : key(z) - key(a);
    return Number.isNaN(d) ? 0 : d; // two rows without the metric
  });
  const top = sorted[0]!.s[0];
  const at = top && (st0 === 'max' || st0 === 'min') ? ` at ${t(st0 === 'max' ? top.max.ts : top.min.ts)}` : '';
  const highest =
    st0 === 'min'
      ? 'Lowest'
      : st0 === 'max'
        ? 'Highest'
        : st0 === 'sd'
          ? low
            ? 'Least variable'
            : 'Most variable'
          : `${low ? 'Lowest' : 'Highest'} ${statWord(st0)}`;
  const lead = top
    ? (st0 === 'avg' || isPercentile(st0)) && !q.ranked
      ? fleetFigure(m0, st0, b.label, sorted)
      : `${highest} ${METRIC_LABEL[m0] ?? m0} ${b.label}: ${sorted[0]!.n} ${st0 === 'sd' ? 'std dev ' : ''}${formatValue(m0, statValue(top, st0))}${at}.`
    : '';
  const rows = sorted.slice(0, q.limit ?? sorted.length).map((x) => [
    x.n,
    ...cols.map(({ m, st }) => {
      const s = x.s[metrics.indexOf(m)];
      return s ? formatValue(m, statValue(s, st)) : '-';
    }),
    String(Math.max(0, ...x.s.map((s) => s?.n ?? 0))),
  ]);
  return [
    lead,
    table(['target', ...cols.map(({ m, st }) => `${statWord(st)} ${METRIC_LABEL[m] ?? m}`), 'samples'], rows),
    ...percentileNote(q.stat, metrics),
    ...short,
  ].join('\n');
}

/**
 * "Average cpu today": the targets' averages averaged, each target counted once; "p95 latency today": the
 * percentile of all their readings together. Then the ends of the range, the targets' own figures.
 */
function fleetFigure(metric: string, st: Stat, label: string, sorted: { n: string; s: (Summary | undefined)[] }[]): string {
  const got = sorted.flatMap((x) => (x.s[0] ? [{ n: x.n, s: x.s[0], v: statValue(x.s[0], st) }] : []));
  const fleet =
    st === 'avg'
      ? got.reduce((a, x) => a + x.v, 0) / got.length
      : percentile(
          got.flatMap((x) => x.s.values),
          Number(st.slice(1)),
        );
  const how = st === 'avg' ? "each target's average, counted once" : 'all their readings together';
  const said = `${st === 'avg' ? 'Average' : st} ${METRIC_LABEL[metric] ?? metric} ${label}`;
  if (got.length === 1) return `${said}: ${got[0]!.n} ${formatValue(metric, fleet)}.`;
  return `${said} across ${got.length} targets: ${formatValue(metric, fleet)} (${how}); highest ${got[0]!.n} ${formatValue(metric, got[0]!.v)}, lowest ${got.at(-1)!.n} ${formatValue(metric, got.at(-1)!.v)}.`;
}
