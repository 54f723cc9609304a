import type { AnswerContext } from './answer-intent.js';
import { ALL_METRICS, METRICS_OF, spanBounds, windowSpan } from './answer-metric-span.js';
import { clock, formatValue, METRIC_LABEL, stamp, table } from './format-reply.js';
import type { MetricKey } from './parse-intent.js';
import type { TimeSpan } from './parse-time-span.js';
import { timeSparkline } from './sparkline.js';
import { formatDuration } from './text-tools.js';

export interface ChartQuestion {
  metric?: MetricKey;
  target?: string;
  group?: string[];
  span?: TimeSpan;
  /** Lines of a fleet chart ("plot cpu top 5"); FLEET_LINES unless asked. */
  limit?: number;
}

const BUCKETS = 48;
const DEFAULT_MS = 6 * 3_600_000;
// A fleet chart is one metric: every target's line of every metric would not fit a chat message.
const FLEET_DEFAULT = 'cpu';
const FLEET_LINES = 20;

/** "graph cpu on web-1", "chart memory over the last day": bars over the window (6 h unless asked). */
export function answerChart(q: ChartQuestion, c: AnswerContext): string {
  const span = windowSpan(q.span, DEFAULT_MS);
  const b = spanBounds(span, c);
  if (b.ahead) return b.ahead;
  const metrics = q.metric ? METRICS_OF[q.metric] : q.target ? ALL_METRICS : [FLEET_DEFAULT];
  const names = q.target ? [q.target] : (q.group ?? c.targets.map((t) => t.name));
  const rows: { peak: number; cells: string[]; gaps: string[] }[] = [];
  // Over more than a day a time of day alone is ambiguous.
  const at = (ts: number) => (b.until - b.from > 20 * 3_600_000 ? stamp(ts).slice(0, 16) : clock(ts).slice(0, 5));
  // The end of a stretch on the day it began is a time of day alone.
  const until = (from: number, to: number) => (stamp(from).slice(0, 10) === stamp(to).slice(0, 10) ? clock(to).slice(0, 5) : at(to));
  for (const n of names)
    for (const m of metrics) {
      const pts = c.store.series(n, m, b.from, b.until);
      if (pts.length === 0) continue;
      const values = pts.map((p) => p.value);
      const peak = Math.max(...values);
      // A blank bar is a slice with no readings; the reply names the stretch, so it is not read as zero.
      const who = [...(names.length > 1 ? [n] : []), ...(metrics.length > 1 ? [METRIC_LABEL[m] ?? m] : [])].join(' ');
      const gaps = blankRuns(pts, b.from, b.until, BUCKETS).map(
        (g) => `${who ? `${who} ` : ''}${at(g.from)}–${g.to === b.until ? 'now' : until(g.from, g.to)} (${formatDuration(g.to - g.from)})`,
      );
      rows.push({
        gaps,
        peak,
        cells: [
          ...(names.length > 1 ? [n] : []),
          ...(metrics.length > 1 ? [METRIC_LABEL[m] ?? m] : []),
          timeSparkline(pts, b.from, b.until, BUCKETS),
          `${formatValue(m, Math.min(...values))}–${formatValue(m, peak)}`,
          formatValue(m, values.at(-1)!),
        ],
      });
    }
  const label =
    metrics.length === 1 ? (METRIC_LABEL[metrics[0]!] ?? metrics[0]!) : q.metric ? (METRIC_LABEL[q.metric] ?? q.metric) : 'metrics';
  const what = q.target ? `${q.target} ${label}` : `${label} on ${q.group ? q.group.join(', ') : 'every target'}`;
  if (rows.length === 0) return `No samples for ${what} ${b.label}.`;
  // A large fleet is more lines than anyone reads in chat: those that peaked highest, and how to see the rest.
  const cut = names.length > 1 ? Math.min(q.limit ?? FLEET_LINES, rows.length) : rows.length;
  const shown = cut < rows.length ? [...rows].sort((a, z) => z.peak - a.peak).slice(0, cut) : rows;
  const footer = cut < rows.length ? [`The ${cut} of ${rows.length} lines that peaked highest; name targets or a role for others.`] : [];
  const gaps = shown.flatMap((r) => r.gaps);
  if (gaps.length)
    footer.unshift(
      `No readings (blank bars), UTC: ${gaps.slice(0, 5).join(', ')}${gaps.length > 5 ? `, and ${gaps.length - 5} more` : ''}.`,
    );
  const head = [...(names.length > 1 ? ['target'] : []), ...(metrics.length > 1 ? ['metric'] : []), 'chart', 'low–high', 'last'];
  return [
    `${what} ${b.label}${span.kind === 'last' ? ` (${stamp(b.from)} to ${clock(b.until)})` : ''}; each bar is the highest reading of ${formatDuration((b.until - b.from) / BUCKETS)}, scaled to the line's own low–high:`,
    table(
      head,
      shown.map((r) => r.cells),
    ),
    ...footer,
  ].join('\n');
}

/**
 * The runs of slices with no sample, as times: exactly the blank bars of timeSparkline over the
 * same window (a source that was down, a target added late, one that stopped reporting).
 */
export function blankRuns(points: readonly { ts: number }[], from: number, until: number, buckets: number): { from: number; to: number }[] {
  const width = (until - from) / buckets;
  const seen = new Array<boolean>(buckets).fill(false);
  for (const p of points) seen[Math.min(buckets - 1, Math.max(0, Math.floor((p.ts - from) / width)))] = true;
  const out: { from: number; to: number }[] = [];
  for (let k = 0; k < buckets; k++) {
    if (seen[k]) continue;
    let end = k;
    while (end + 1 < buckets && !seen[end + 1]) end++;
    out.push({ from: from + k * width, to: end === buckets - 1 ? until : from + (end + 1) * width });
    k = end;
  }
  return out;
}
