import type { Sample } from '../core/sample.js';
import type { AnswerContext } from './answer-intent.js';
import { metricsOf, spanBounds, windowSpan } from './answer-metric-span.js';
import { clock, formatValue, METRIC_LABEL, stamp, table } from './format-reply.js';
import type { MetricKey } from './intent.js';
import { isPast, lineOf, type Bound } from './parse-bound.js';
import { MAX_SPAN, type TimeSpan } from './parse-time-span.js';
import { stretchesPast } from './stretches-past.js';
import { formatDuration, plural } from './text-tools.js';

export interface TimeBothQuestion {
  metric: MetricKey;
  bound: Bound;
  also: { metric: MetricKey; bound: Bound };
  target?: string;
  group?: string[];
  span?: TimeSpan;
}

/**
 * The second series set beside the first on its sample times (the nearest reading within half a
 * step), as one series that reads 1 where both are past their lines and 0 where not: the stretches
 * of that are the stretches of both at once.
 */
function bothSeries(a: Sample[], z: Sample[], stepMs: number, q: TimeBothQuestion): Sample[] {
  const out: Sample[] = [];
  let k = 0;
  for (const s of a) {
    while (k + 1 < z.length && Math.abs(z[k + 1]!.ts - s.ts) <= Math.abs(z[k]!.ts - s.ts)) k++;
    const y = z[k];
    if (!y || Math.abs(y.ts - s.ts) > stepMs / 2) continue;
    out.push({ target: s.target, metric: 'both', ts: s.ts, value: isPast(s.value, q.bound) && isPast(y.value, q.also.bound) ? 1 : 0 });
  }
  return out;
}

/**
 * "How long was web-1 cpu above 30% and memory above 50% today?": the time both held at once, in
 * stretches, from the stored readings of the two series paired on their sample times; for several
 * targets, each one's time, the longest first. A reading of one series with none of the other near
 * it counts for neither. Pure over the store.
 */
export function answerTimeBoth(q: TimeBothQuestion, c: AnswerContext): string {
  const b = spanBounds(windowSpan(q.span, MAX_SPAN), c);
  if (b.ahead) return b.ahead;
  const [m1, m2] = [metricsOf(q.metric)![0]!, metricsOf(q.also.metric)![0]!];
  const both = `${METRIC_LABEL[m1] ?? m1} ${lineOf(q.bound, (v) => formatValue(m1, v))} and ${METRIC_LABEL[m2] ?? m2} ${lineOf(q.also.bound, (v) => formatValue(m2, v))}`;
  const names = q.target ? [q.target] : (q.group ?? c.targets.map((t) => t.name));
  const o = { now: c.now, freshMs: c.staleAfterMs, breakAfterMs: c.staleAfterMs };
  const rows = names.flatMap((n) => {
    const a = c.store.series(n, m1, b.from, b.until);
    const z = c.store.series(n, m2, b.from, b.until);
    if (a.length < 2 || !z.length) return [];
    const step = Math.max(1000, (a[a.length - 1]!.ts - a[0]!.ts) / (a.length - 1));
    const paired = bothSeries(a, z, step, q);
    if (!paired.length) return [];
    const s = stretchesPast(paired, { above: true, value: 0.5 }, o);
    return [{ n, s, ms: s.stretches.reduce((t, x) => t + (x.endTs - x.startTs), 0) }];
  });
  if (!rows.length) return `No target asked about has both ${METRIC_LABEL[m1] ?? m1} and ${METRIC_LABEL[m2] ?? m2} readings ${b.label}.`;
  const t = (ts: number) => (b.until - b.from > 20 * 3_600_000 ? stamp(ts) : clock(ts));
  if (rows.length === 1) {
    const { n, s, ms } = rows[0]!;
    if (!s.stretches.length) return `${n} never had ${both} at once ${b.label} (${s.samples} paired readings).`;
    const longest = s.stretches.reduce((m, x) => (x.endTs - x.startTs > m.endTs - m.startTs ? x : m));
    const last = s.stretches[s.stretches.length - 1]!;
    return [
      `${n} had ${both} at once for ${formatDuration(ms)} in all, in ${plural(s.stretches.length, 'stretch', 'stretches')} (${s.past} of ${s.samples} paired readings) ${b.label}.`,
      `Longest: ${t(longest.startTs)}–${t(longest.endTs)} (${formatDuration(longest.endTs - longest.startTs)}); ${last.ongoing ? `still so now, since ${t(last.startTs)}` : `the last ended ${t(last.endTs)}`}.`,
    ].join('\n');
  }
  const held = rows.filter((r) => r.ms > 0).sort((x, z) => z.ms - x.ms || x.n.localeCompare(z.n));
  if (!held.length) return `No target had ${both} at once ${b.label} (${rows.length} with both series read).`;
  return [
    `${plural(held.length, 'target')} of ${rows.length} had ${both} at once ${b.label}, the longest first:`,
    table(
      ['target', 'time', 'stretches'],
      held.map((r) => [r.n, formatDuration(r.ms), String(r.s.stretches.length)]),
    ),
  ].join('\n');
}
