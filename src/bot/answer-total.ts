import type { Sample } from '../core/sample.js';
import type { AnswerContext } from './answer-intent.js';
import { metricsOf, nearest, spanBounds } from './answer-metric-span.js';
import { formatValue, METRIC_LABEL, stamp, table } from './format-reply.js';
import type { MetricKey } from './intent.js';
import { latestBy } from './latest-by-target.js';
import type { TimeSpan } from './parse-time-span.js';
import { formatDuration } from './text-tools.js';

export interface TotalQuestion {
  metric?: MetricKey;
  target?: string;
  group?: string[];
  span?: TimeSpan;
}

/** Rates add up across targets; shares and latencies do not. */
export const ADDITIVE = new Set(['net_in', 'net_out']);
const MOVED: Record<string, string> = { net_in: 'received', net_out: 'sent' };

/** "12.3 GB": a volume, in the decimal units the rates use. */
export function formatBytes(b: number): string {
  if (b >= 1e12) return `${(b / 1e12).toFixed(2)} TB`;
  if (b >= 1e9) return `${(b / 1e9).toFixed(2)} GB`;
  if (b >= 1e6) return `${(b / 1e6).toFixed(2)} MB`;
  if (b >= 1e3) return `${(b / 1e3).toFixed(1)} kB`;
  return `${Math.round(b)} B`;
}

/**
 * Bytes moved over a window from a rate series: the trapezoid between neighbouring samples. A gap
 * longer than `maxGapMs` (the source was away) is not bridged, since nothing says what flowed then.
 */
export function volumeOf(points: readonly Sample[], maxGapMs: number): { bytes: number; coveredMs: number } {
  let bytes = 0;
  let coveredMs = 0;
  for (let k = 1; k < points.length; k++) {
    const dt = points[k]!.ts - points[k - 1]!.ts;
    if (dt <= 0 || dt > maxGapMs) continue;
    bytes += ((points[k]!.value + points[k - 1]!.value) / 2) * (dt / 1000);
    coveredMs += dt;
  }
  return { bytes, coveredMs };
}

/**
 * "Total network in", "how much data did web-1 send today": the fleet's summed rate now, or the
 * volume moved over a window. A share (CPU, memory, disk) or a latency has no meaningful sum, so
 * the reply says so and gives the mean instead of adding percentages.
 */
export function answerTotal(q: TotalQuestion, c: AnswerContext): string {
  const metrics = metricsOf(q.metric) ?? [];
  const names = q.target ? [q.target] : (q.group ?? c.targets.map((t) => t.name));
  const label = (m: string) => METRIC_LABEL[m] ?? m;
  if (!metrics.every((m) => ADDITIVE.has(m))) return notAdditive(metrics[0]!, names, c);
  const b = q.span ? spanBounds(q.span, c) : undefined;
  if (b?.ahead) return b.ahead;
  if (!b || b.at !== undefined) {
    // Now, or at an instant: each target's reading nearest then, summed.
    const at = b?.at ?? c.now;
    const latest = latestBy(c.store);
    const reading = (n: string, m: string): Sample | undefined =>
      b ? nearest(c.store.series(n, m, b.from, b.until), at) : latest.get(n)?.get(m);
    const fresh = (s: Sample | undefined) => s && (b || c.now - s.ts <= c.staleAfterMs);
    return metrics
      .map((m) => {
        // A target that never reported the metric (a database with no traffic figures) is not "left out".
        const got = names.filter((n) => latest.get(n)?.has(m)).map((n) => ({ n, s: reading(n, m) }));
        const used = got.filter((g) => fresh(g.s));
        const left = got.filter((g) => !fresh(g.s)).map((g) => g.n);
        if (used.length === 0) return `No fresh ${label(m)} readings${b ? ` ${b.label}` : ''} to add up.`;
        const total = used.reduce((a, g) => a + g.s!.value, 0);
        const when = b ? b.label : `now (latest readings, newest ${stamp(Math.max(...used.map((g) => g.s!.ts)))})`;
        return [
          `Total ${label(m)} ${when}: ${formatValue(m, total)} across ${used.length} target${used.length === 1 ? '' : 's'}.`,
          ...(left.length
            ? [`Left out, no reading${b ? ' then' : ' in the last ' + formatDuration(c.staleAfterMs)}: ${left.join(', ')}.`]
            : []),
        ].join('\n');
      })
      .join('\n');
  }
  // A window: the volume each target moved, largest first.
  const maxGap = Math.max(2 * c.staleAfterMs, 120_000);
  const rows = names
    .map((n) => ({ n, v: metrics.map((m) => volumeOf(c.store.series(n, m, b.from, b.until), maxGap)) }))
    .filter((r) => r.v.some((v) => v.coveredMs > 0))
    .sort((a, z) => z.v[0]!.bytes - a.v[0]!.bytes);
  if (rows.length === 0) return `No ${metrics.map(label).join(' or ')} samples ${b.label} to add up.`;
  const windowMs = b.until - b.from;
  const totals = metrics.map((_, k) => rows.reduce((a, r) => a + r.v[k]!.bytes, 0));
  const head = metrics.map((m, k) => `${formatBytes(totals[k]!)} ${MOVED[m]}`).join(', ');
  const gaps = rows
    .filter((r) => r.v[0]!.coveredMs < 0.95 * windowMs)
    .map((r) => `${r.n} ${Math.round((100 * r.v[0]!.coveredMs) / windowMs)}%`);
  return [
    `Network ${b.label}: ${head} across ${rows.length} target${rows.length === 1 ? '' : 's'} (rates integrated between samples).`,
    ...(rows.length > 1 || metrics.length > 1
      ? [
          table(
            ['target', ...metrics.map((m) => MOVED[m]!), ...(metrics.length === 1 ? ['share'] : [])],
            rows.map((r) => [
              r.n,
              ...r.v.map((v) => formatBytes(v.bytes)),
              ...(metrics.length === 1 ? [`${totals[0] ? Math.round((100 * r.v[0]!.bytes) / totals[0]) : 0}%`] : []),
            ]),
          ),
        ]
      : []),
    ...(gaps.length ? [`Covered less of the window (gaps over ${formatDuration(maxGap)} are not counted): ${gaps.join(', ')}.`] : []),
  ].join('\n');
}

function notAdditive(metric: string, names: string[], c: AnswerContext): string {
  const latest = latestBy(c.store);
  const got = names.map((n) => latest.get(n)?.get(metric)).filter((s): s is Sample => Boolean(s) && c.now - s!.ts <= c.staleAfterMs);
  const what = METRIC_LABEL[metric] ?? metric;
  const why = metric === 'latency_ms' ? 'a latency is per target' : `${what} is a share of each target`;
  if (got.length === 0) return `${why[0]!.toUpperCase()}${why.slice(1)}, so it has no total; and there are no fresh readings to average.`;
  const mean = got.reduce((a, s) => a + s.value, 0) / got.length;
  return `${why[0]!.toUpperCase()}${why.slice(1)}, so a sum would mean nothing: the mean across ${got.length} target${got.length === 1 ? '' : 's'} now is ${formatValue(metric, mean)}.`;
}
