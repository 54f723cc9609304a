import type { Sample } from '../core/sample.js';
import type { AnswerContext } from './answer-intent.js';
import { formatValue, METRIC_LABEL, stamp, table } from './format-reply.js';
import { isPast, lineOf, type Bound } from './parse-bound.js';
import { globMatch } from '../pipeline/remediate/plan-remediation.js';
import { METRICS_OF } from './answer-metric-span.js';
import type { MetricKey } from './intent.js';
import { plural } from './text-tools.js';

/** The highest (or lowest) of the readings; `got` is not empty. */
export const extreme = (got: Sample[], highest: boolean) =>
  got.reduce((a, s) => ((highest ? s.value > a.value : s.value < a.value) ? s : a));

/**
 * "Hosts with cpu above 80%": the targets whose latest reading is past the bound, highest first.
 * `also`: "… and memory above 60%", a second condition on another metric; only targets that report
 * both are counted, and the table shows both.
 */
export function answerBound(
  bound: Bound,
  metric: string,
  names: string[],
  latest: Map<string, Map<string, Sample>>,
  c: Pick<AnswerContext, 'now' | 'staleAfterMs'>,
  oneTarget = false,
  also?: { metric: string; bound: Bound },
): string {
  if (also) return answerBoth(bound, metric, also, names, latest, oneTarget);
  const got = names.map((n) => latest.get(n)?.get(metric)).filter((s): s is Sample => Boolean(s));
  const past = got.filter((s) => isPast(s.value, bound));
  past.sort((a, z) => (bound.above ? z.value - a.value : a.value - z.value));
  const label = METRIC_LABEL[metric] ?? metric;
  const side = lineOf(bound, (v) => formatValue(metric, v));
  if (got.length === 0) return `${names.length === 1 ? `${names[0]} reports` : 'None of the targets asked about reports'} no ${label} now.`;
  if (oneTarget && got.length === 1) {
    const s = got[0]!;
    return `${past.length ? 'Yes' : 'No'}: ${s.target} ${label} is ${formatValue(metric, s.value)} (at ${stamp(s.ts).slice(11)}), ${past.length ? '' : 'not '}${side}.`;
  }
  if (past.length === 0) {
    const [low, high] = [extreme(got, false), extreme(got, true)];
    const e = bound.above ? high : low;
    const nearest =
      bound.upTo !== undefined
        ? `lowest: ${low.target} ${formatValue(metric, low.value)}, highest: ${high.target} ${formatValue(metric, high.value)}`
        : `${bound.above ? 'highest' : 'lowest'}: ${e.target} ${formatValue(metric, e.value)}`;
    return `No target has ${label} ${side} now (${nearest}).`;
  }
  return `${past.length} of ${got.length} targets have ${label} ${side} now:\n${table(
    ['target', label, 'at'],
    past.map((s) => [s.target, formatValue(metric, s.value), `${stamp(s.ts).slice(11)}${c.now - s.ts > c.staleAfterMs ? ' STALE' : ''}`]),
  )}`;
}

function answerBoth(
  bound: Bound,
  metric: string,
  also: { metric: string; bound: Bound },
  names: string[],
  latest: Map<string, Map<string, Sample>>,
  oneTarget: boolean,
): string {
  const said = (m: string, b: Bound) => `${METRIC_LABEL[m] ?? m} ${lineOf(b, (v) => formatValue(m, v))}`;
  const both = `${said(metric, bound)} and ${said(also.metric, also.bound)}`;
  const rows = names.flatMap((n) => {
    const [x, y] = [latest.get(n)?.get(metric), latest.get(n)?.get(also.metric)];
    return x && y ? [{ n, x, y }] : [];
  });
  if (!rows.length)
    return `None of the targets asked about reports both ${METRIC_LABEL[metric] ?? metric} and ${METRIC_LABEL[also.metric] ?? also.metric} now.`;
  const past = rows.filter((r) => isPast(r.x.value, bound) && isPast(r.y.value, also.bound));
  past.sort((a, z) => (bound.above ? z.x.value - a.x.value : a.x.value - z.x.value));
  if (oneTarget && rows.length === 1) {
    const r = rows[0]!;
    const [a, b] = [isPast(r.x.value, bound), isPast(r.y.value, also.bound)];
    return `${a && b ? 'Yes' : 'No'}: ${r.n} ${METRIC_LABEL[metric] ?? metric} is ${formatValue(metric, r.x.value)} (${a ? '' : 'not '}${lineOf(bound, (v) => formatValue(metric, v))}) and ${METRIC_LABEL[also.metric] ?? also.metric} ${formatValue(also.metric, r.y.value)} (${b ? '' : 'not '}${lineOf(also.bound, (v) => formatValue(also.metric, v))}), at ${stamp(Math.min(r.x.ts, r.y.ts)).slice(11)}.`;
  }
  const first = rows.filter((r) => isPast(r.x.value, bound)).length;
  if (!past.length) return `No target has ${both} now (${first} of ${rows.length} have ${said(metric, bound)}).`;
  return `${past.length} of ${rows.length} targets have ${both} now:\n${table(
    ['target', METRIC_LABEL[metric] ?? metric, METRIC_LABEL[also.metric] ?? also.metric, 'at'],
    past.map((r) => [r.n, formatValue(metric, r.x.value), formatValue(also.metric, r.y.value), stamp(Math.min(r.x.ts, r.y.ts)).slice(11)]),
  )}`;
}

/** A read's bounds with the lines said in words drawn (the first's, and a second condition's rule line), or the reply when one has none. */
export function drawnLines<
  T extends { metric?: MetricKey; target?: string; group?: string[]; bound?: Bound; also?: { metric: MetricKey; bound: Bound } },
>(i: T, c: Pick<AnswerContext, 'thresholds' | 'store' | 'targets' | 'now' | 'staleAfterMs'>): { read: T } | { reply: string } {
  let read = i;
  if (i.bound?.rule || i.bound?.mean || i.bound?.current) {
    const line = wordLineOf({ ...i, bound: i.bound }, c);
    if ('reply' in line) return line;
    read = { ...read, bound: line.bound };
  }
  if (i.also?.bound.rule) {
    const line = ruleLineOf({ metric: i.also.metric, target: i.target, bound: i.also.bound }, c);
    if ('reply' in line) return line;
    read = { ...read, also: { ...i.also, bound: line.bound } };
  }
  return { read };
}

/** The line a bound said in words stands for: a threshold rule's (ruleLineOf), or the mean of the targets asked about now. */
export function wordLineOf(
  i: { metric?: MetricKey | undefined; target?: string | undefined; group?: string[] | undefined; bound: Bound },
  c: Pick<AnswerContext, 'thresholds' | 'store' | 'targets' | 'now' | 'staleAfterMs'>,
): { bound: Bound } | { reply: string } {
  if (i.bound.current) return currentLineOf(i, c);
  if (!i.bound.mean) return ruleLineOf(i, c);
  // "Which hosts are above average cpu?": the average of the latest readings, said before the hosts past it.
  // One target named is set against the whole fleet's average; a group against its own.
  const metric = METRICS_OF[i.metric ?? 'cpu'][0]!;
  const names = i.group ?? c.targets.map((t) => t.name);
  const latest = new Map<string, Map<string, Sample>>();
  for (const s of c.store.latestSamples()) if (s.metric === metric) latest.set(s.target, new Map([[metric, s]]));
  const got = names.flatMap((n) => latest.get(n)?.get(metric) ?? []);
  const label = METRIC_LABEL[metric] ?? metric;
  if (got.length < 2)
    return { reply: `An average needs two targets' ${label} at least; ${got.length ? 'one reports it' : 'none reports it'}.` };
  const mean = got.reduce((a, s) => a + s.value, 0) / got.length;
  const bound: Bound = { above: i.bound.above, value: mean };
  const asked = i.target ? [i.target] : names;
  return {
    reply: `Average ${label} across ${plural(got.length, 'target')} now: ${formatValue(metric, mean)}.\n${answerBound(bound, metric, asked, latest, c, Boolean(i.target))}`,
  };
}

/** "When was api-1 latency last this high?": one series' latest reading is the line, the reading itself counted as past it. */
function currentLineOf(
  i: { metric?: MetricKey | undefined; target?: string | undefined; bound: Bound },
  c: Pick<AnswerContext, 'store'>,
): { bound: Bound } | { reply: string } {
  const metric = METRICS_OF[i.metric ?? 'cpu'][0]!;
  const label = METRIC_LABEL[metric] ?? metric;
  if (!i.target)
    return {
      reply: `Name one target: "this ${i.bound.above ? 'high' : 'low'}" is that series' latest reading ("when was api-1 ${label} last this ${i.bound.above ? 'high' : 'low'}?").`,
    };
  const latest = c.store.latestSamples().find((s) => s.target === i.target && s.metric === metric);
  if (!latest) return { reply: `No ${label} reading for ${i.target} to measure against.` };
  return { bound: { ...i.bound, value: latest.value, orEqual: true } };
}

/**
 * "How long was db-1 disk critical?": the line the threshold rules draw for that metric (and target),
 * of the severity asked; the lowest such line when several apply ("crossed the threshold").
 */
export function ruleLineOf(
  i: { metric?: MetricKey | undefined; target?: string | undefined; bound: Bound },
  c: Pick<AnswerContext, 'thresholds'>,
): { bound: Bound } | { reply: string } {
  const metrics = i.metric ? METRICS_OF[i.metric] : [];
  const rules = (c.thresholds ?? []).filter(
    (r) =>
      r.above !== undefined &&
      metrics.includes(r.metric) &&
      (!r.target || (i.target !== undefined && globMatch(r.target, i.target))) &&
      (i.bound.rule === 'any' || r.severity === i.bound.rule),
  );
  const line = rules.map((r) => r.above!).sort((a, z) => a - z)[0];
  const label = i.metric ? (METRIC_LABEL[metrics[0]!] ?? i.metric) : 'that metric';
  if (line === undefined)
    return {
      reply: `No ${i.bound.rule === 'any' ? '' : `${i.bound.rule} `}threshold rule is set for ${label}${i.target ? ` on ${i.target}` : ''} (thresholds in the config file), so there is no line to measure against; ask with a figure ("how long was it above 90%?").`,
    };
  return { bound: { above: true, value: line } };
}
