import type { Sample } from '../core/sample.js';
import type { AnswerContext } from './answer-intent.js';
import { formatValue, METRIC_LABEL, stamp, table } from './format-reply.js';
import { isPast, sideOf, type Bound } from './parse-bound.js';

/** The highest (or lowest) of the readings; `got` is not empty. */
export const extreme = (got: Sample[], highest: boolean) =>
  got.reduce((a, s) => ((highest ? s.value > a.value : s.value < a.value) ? s : a));

/** "Hosts with cpu above 80%": the targets whose latest reading is past the bound, highest first. */
export function answerBound(
  bound: Bound,
  metric: string,
  names: string[],
  latest: Map<string, Map<string, Sample>>,
  c: Pick<AnswerContext, 'now' | 'staleAfterMs'>,
  oneTarget = false,
): string {
  const got = names.map((n) => latest.get(n)?.get(metric)).filter((s): s is Sample => Boolean(s));
  const past = got.filter((s) => isPast(s.value, bound));
  past.sort((a, z) => (bound.above ? z.value - a.value : a.value - z.value));
  const label = METRIC_LABEL[metric] ?? metric;
  const side = `${sideOf(bound)} ${formatValue(metric, bound.value)}`;
  if (oneTarget && got.length === 1) {
    const s = got[0]!;
    return `${past.length ? 'Yes' : 'No'}: ${s.target} ${label} is ${formatValue(metric, s.value)} (at ${stamp(s.ts).slice(11)}), ${past.length ? '' : 'not '}${side}.`;
  }
  if (past.length === 0) {
    const e = extreme(got, bound.above);
    return `No target has ${label} ${side} now (${bound.above ? 'highest' : 'lowest'}: ${e.target} ${formatValue(metric, e.value)}).`;
  }
  return `${past.length} of ${got.length} targets have ${label} ${side} now:\n${table(
    ['target', label, 'at'],
    past.map((s) => [s.target, formatValue(metric, s.value), `${stamp(s.ts).slice(11)}${c.now - s.ts > c.staleAfterMs ? ' STALE' : ''}`]),
  )}`;
}
