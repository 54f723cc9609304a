import { unitOf } from '../core/metrics.js';
import type { Sample } from '../core/sample.js';
import { extreme } from './answer-bound.js';
import type { AnswerContext } from './answer-context.js';
import { formatValue, METRIC_LABEL } from './format-reply.js';
import type { Stat } from './parse-time-span.js';

const HOUR_MS = 3_600_000;
// Fewer readings taken at the same ticks than this say nothing about which one usually leads.
const MIN_PAIRED = 5;

export const formatGap = (metric: string, d: number) => (unitOf(metric) === '%' ? `${d.toFixed(1)} points` : formatValue(metric, d));

/** "Which host has the highest memory?": the answer first, then the table sorted by that column. */
export function rankLine(
  stat: Stat | undefined,
  metric: string | undefined,
  names: string[],
  latest: Map<string, Map<string, Sample>>,
  pair?: AnswerContext,
): string {
  if (!stat || !metric) return '';
  const got = names.map((n) => latest.get(n)?.get(metric)).filter((s): s is Sample => Boolean(s));
  if (got.length === 0) return '';
  const label = METRIC_LABEL[metric] ?? metric;
  if (stat === 'avg')
    return `Average ${label} across ${got.length} targets now: ${formatValue(metric, got.reduce((a, s) => a + s.value, 0) / got.length)}.\n`;
  const best = extreme(got, stat === 'max');
  // Two side by side ("which is higher, web-1 or web-2?"): by how much, in points for a share.
  const other = pair && got.length === 2 ? got.find((s) => s !== best) : undefined;
  const gap = other
    ? ` (${formatGap(metric, Math.abs(best.value - other.value))} ${stat === 'max' ? 'above' : 'below'} ${other.target})`
    : '';
  const hour = other && pair ? pairOverHour(metric, best.target, other.target, stat === 'max', pair) : '';
  return `${stat === 'max' ? 'Highest' : 'Lowest'} ${label} now: ${best.target} ${formatValue(metric, best.value)}${gap}.\n${hour}`;
}

/**
 * One reading each can put either host ahead by chance, so "is api-2 slower than api-1?" also says
 * whether the leader now has led over the last hour: the share of ticks both reported at where it
 * was ahead, and both averages.
 */
export function pairOverHour(metric: string, lead: string, other: string, high: boolean, c: AnswerContext): string {
  const from = c.now - HOUR_MS;
  const a = c.store.series(lead, metric, from, c.now);
  const b = new Map(c.store.series(other, metric, from, c.now).map((s) => [s.ts, s.value]));
  const paired = a.filter((s) => b.has(s.ts));
  if (paired.length < MIN_PAIRED) return '';
  const ahead = paired.filter((s) => (high ? s.value > b.get(s.ts)! : s.value < b.get(s.ts)!)).length;
  const share = ahead / paired.length;
  const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
  const avg = `averages ${lead} ${formatValue(metric, mean(paired.map((s) => s.value)))}, ${other} ${formatValue(metric, mean(paired.map((s) => b.get(s.ts)!)))}`;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const word = high ? 'higher' : 'lower';
  const of = `of the ${paired.length} readings both sent in the last 60 min`;
  if (share >= 0.8) return `Over the last hour too: ${lead} was ${word} in ${pct(share)} ${of} (${avg}).\n`;
  if (share <= 0.2) return `But that is recent: ${other} was ${word} in ${pct(1 - share)} ${of} (${avg}).\n`;
  return `No steady difference: ${lead} was ${word} in ${pct(share)} ${of}, ${other} in the rest (${avg}).\n`;
}
