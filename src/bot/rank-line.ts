import { unitOf } from '../core/metrics.js';
import type { Sample } from '../core/sample.js';
import { extreme } from './answer-bound.js';
import type { AnswerContext } from './answer-context.js';
import { formatValue, METRIC_LABEL, table } from './format-reply.js';
import type { Stat } from './parse-time-span.js';
import { plural } from './text-tools.js';

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
    return `Average ${label} across ${plural(got.length, 'target')} now: ${formatValue(metric, got.reduce((a, s) => a + s.value, 0) / got.length)}.\n`;
  const best = extreme(got, stat === 'max');
  // Two side by side ("which is higher, web-1 or web-2?"): by how much, in points for a share.
  const other = pair && got.length === 2 ? got.find((s) => s !== best) : undefined;
  const gap = other
    ? ` (${formatGap(metric, Math.abs(best.value - other.value))} ${stat === 'max' ? 'above' : 'below'} ${other.target})`
    : '';
  const hour = other && pair ? pairOverHour(metric, best.target, other.target, stat === 'max', pair) : '';
  return `${stat === 'max' ? 'Highest' : 'Lowest'} ${label} now: ${best.target} ${formatValue(metric, best.value)}${gap}.\n${hour}`;
}

/** One pair's hour: the averages over the ticks both reported at, and the leader's share of them; undefined with too few. */
function hourOf(metric: string, a: string, b: string, c: AnswerContext) {
  const from = c.now - HOUR_MS;
  const other = new Map(c.store.series(b, metric, from, c.now).map((s) => [s.ts, s.value]));
  const paired = c.store.series(a, metric, from, c.now).filter((s) => other.has(s.ts));
  if (paired.length < MIN_PAIRED) return undefined;
  const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
  return {
    n: paired.length,
    a: mean(paired.map((s) => s.value)),
    b: mean(paired.map((s) => other.get(s.ts)!)),
    aHigher: paired.filter((s) => s.value > other.get(s.ts)!).length / paired.length,
    bHigher: paired.filter((s) => s.value < other.get(s.ts)!).length / paired.length,
  };
}

/**
 * "Compare web-1 and web-2": below the readings now, each metric over the last hour, so a gap of
 * one tick is not read as a difference. Empty when no metric has enough readings of both.
 */
export function pairHourTable(a: string, b: string, metrics: string[], c: AnswerContext): string {
  const rows = metrics.flatMap((m) => {
    const h = hourOf(m, a, b, c);
    if (!h) return [];
    const lead = h.aHigher >= 0.8 ? `${a} (${pct(h.aHigher)})` : h.bHigher >= 0.8 ? `${b} (${pct(h.bHigher)})` : 'neither';
    return [[METRIC_LABEL[m] ?? m, formatValue(m, h.a), formatValue(m, h.b), lead]];
  });
  if (rows.length === 0) return '';
  return `\nOver the last hour (averages of the readings both sent; higher in at least 80% of them):\n${table(['metric', a, b, 'higher'], rows)}`;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * One reading each can put either host ahead by chance, so "is api-2 slower than api-1?" also says
 * whether the leader now has led over the last hour: the share of ticks both reported at where it
 * was ahead, and both averages.
 */
export function pairOverHour(metric: string, lead: string, other: string, high: boolean, c: AnswerContext): string {
  const h = hourOf(metric, lead, other, c);
  if (!h) return '';
  const share = high ? h.aHigher : h.bHigher;
  const avg = `averages ${lead} ${formatValue(metric, h.a)}, ${other} ${formatValue(metric, h.b)}`;
  const word = high ? 'higher' : 'lower';
  const of = `of the ${h.n} readings both sent in the last 60 min`;
  if (share >= 0.8) return `Over the last hour too: ${lead} was ${word} in ${pct(share)} ${of} (${avg}).\n`;
  if (share <= 0.2) return `But that is recent: ${other} was ${word} in ${pct(1 - share)} ${of} (${avg}).\n`;
  return `No steady difference: ${lead} was ${word} in ${pct(share)} ${of}, ${other} in the rest (${avg}).\n`;
}
