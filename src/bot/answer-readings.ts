import type { AnswerContext } from './answer-context.js';
import { metricsOf, spanBounds } from './answer-metric-span.js';
import { formatValue, METRIC_LABEL, stamp, table } from './format-reply.js';
import type { MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';

const SHOWN = 30;
const DEFAULT_MS = 15 * 60_000;

/**
 * "The last 5 readings of api-1 latency", "raw samples for db-1 memory in the last 5 minutes": the
 * readings themselves, newest first, with their times: the number asked for, or those of the window
 * (the last 15 min unless a time is said), 30 at most. Pure over the store.
 */
export function answerReadings(
  q: {
    metric: MetricKey;
    readings?: number | undefined;
    target?: string | undefined;
    group?: string[] | undefined;
    span?: TimeSpan | undefined;
  },
  c: AnswerContext,
): string {
  const series = metricsOf(q.metric) ?? [];
  const names = q.target ? [q.target] : (q.group ?? c.targets.map((t) => t.name));
  const b = q.span ? spanBounds(q.span, c) : { from: c.now - DEFAULT_MS, until: c.now, label: 'over the last 15 min' };
  if ('ahead' in b && b.ahead) return b.ahead;
  // A count asked for reaches back as far as the store does, not just the default window.
  const from = q.readings && !q.span ? 0 : b.from;
  const rows = names
    .flatMap((n) => series.flatMap((m) => c.store.series(n, m, from, b.until).map((s) => ({ n, m, s }))))
    .sort((x, z) => z.s.ts - x.s.ts || x.n.localeCompare(z.n));
  const label = METRIC_LABEL[series.length > 1 ? q.metric : series[0]!] ?? q.metric;
  const who = q.target ?? (q.group ? q.group.join(', ') : 'every target');
  if (!rows.length) return `No ${label} readings ${q.readings && !q.span ? 'kept' : b.label} for ${who}.`;
  // "The last 3 readings of the web hosts": three of each series, not three in all.
  const seen = new Map<string, number>();
  const each = q.readings
    ? rows.filter((r) => {
        const k = `${r.n}|${r.m}`;
        seen.set(k, (seen.get(k) ?? 0) + 1);
        return seen.get(k)! <= q.readings!;
      })
    : rows;
  const shown = each.slice(0, SHOWN);
  const several = names.length > 1 || series.length > 1;
  const what =
    q.readings && !q.span
      ? `The last ${q.readings} ${label} readings${several ? ' of each series' : ''}`
      : `${label.charAt(0).toUpperCase()}${label.slice(1)} readings ${b.label}`;
  return [
    `${what} of ${who}, newest first${rows.length > shown.length ? ` (${shown.length} of ${rows.length}${q.readings && !q.span ? ' kept' : ''})` : ''}:`,
    table(
      ['at', ...(several ? ['series'] : []), label],
      shown.map((r) => [stamp(r.s.ts), ...(several ? [`${r.n} ${METRIC_LABEL[r.m] ?? r.m}`] : []), formatValue(r.m, r.s.value)]),
    ),
  ].join('\n');
}
