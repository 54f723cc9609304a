import { METRIC_LABEL, formatValue } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { summarise } from './answer-metric-span.js';

const HOUR = 3_600_000;
// What load spreads over: disk fills on its own, so it is left out.
const LOAD = ['cpu', 'memory', 'net_in', 'net_out', 'latency_ms'];
/** Within this share of the group's mean on every metric: evenly spread, by this measure. */
export const EVEN_WITHIN = 0.1;

/**
 * "Are the api hosts balanced?", "is load evenly spread across web?": for each load metric, each
 * host's average over the last hour against the group's mean, the furthest first. Evenly spread is
 * said only by a stated measure (every host within 10 % of the mean), never as a judgment of the
 * balancer; a metric with fewer than two hosts reporting is left out.
 */
export function answerBalance(group: string[], c: AnswerContext): string {
  const rows = LOAD.flatMap((metric) => {
    const avgs = group.flatMap((t) => {
      const s = summarise(c.store.series(t, metric, c.now - HOUR, c.now));
      return s ? [{ t, avg: s.avg }] : [];
    });
    if (avgs.length < 2) return [];
    const mean = avgs.reduce((a, x) => a + x.avg, 0) / avgs.length;
    const far = avgs.reduce((a, x) => (Math.abs(x.avg - mean) > Math.abs(a.avg - mean) ? x : a));
    const off = mean > 0 ? (far.avg - mean) / mean : 0;
    const hi = avgs.reduce((a, x) => (x.avg > a.avg ? x : a));
    const lo = avgs.reduce((a, x) => (x.avg < a.avg ? x : a));
    return [{ metric, off, far, hi, lo, mean }];
  });
  if (!rows.length) return `Not two of ${group.join(', ')} have samples in the last hour, so there is no spread to measure.`;
  rows.sort((a, z) => Math.abs(z.off) - Math.abs(a.off));
  const worst = rows[0]!;
  const pct = (x: number) => `${Math.round(Math.abs(x) * 100)}%`;
  const label = (m: string) => METRIC_LABEL[m] ?? m;
  const lead = rows.every((r) => Math.abs(r.off) <= EVEN_WITHIN)
    ? `Evenly spread over the last hour, by this measure: on every load metric each of ${group.join(', ')} is within ${pct(EVEN_WITHIN)} of their mean (the furthest, ${worst.far.t} ${label(worst.metric)}, ${pct(worst.off)} ${worst.off >= 0 ? 'above' : 'below'}).`
    : `Most uneven over the last hour: ${label(worst.metric)}, ${worst.far.t} ${pct(worst.off)} ${worst.off >= 0 ? 'above' : 'below'} the mean of ${group.join(', ')}.`;
  return [
    lead,
    ...rows.map(
      (r) =>
        `• ${label(r.metric)}: mean ${formatValue(r.metric, r.mean)}; highest ${r.hi.t} ${formatValue(r.metric, r.hi.avg)}, lowest ${r.lo.t} ${formatValue(r.metric, r.lo.avg)}; furthest ${pct(r.off)} from the mean`,
    ),
    'Averages over the last hour; disk is left out (it fills on its own, not with load).',
  ].join('\n');
}
