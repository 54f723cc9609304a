import type { AnswerContext } from './answer-intent.js';
import { timeToReach, type Trend } from './estimate-trend.js';
import { formatValue, stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';
import { ruleFor } from '../pipeline/detect/threshold-detector.js';

/** Where a straight line fitted to a series gets to, and when: shared by the trend answers. Pure over the context's rules. */

// A straight line is not extrapolated further than four times the stretch it was fitted on.
export const HORIZON = 4;
// Percentages that fill up: "full" is 100 %. CPU at 100 % is busy, not full.
export const FILLS = new Set(['memory', 'disk']);

const SAID = {
  ask: '; ask over a longer window to look further',
  kept: ', which is all the samples kept',
  below: '; the longest stretch kept is read below',
} as const;

export interface Limit {
  value: number;
  name: string;
}

/** Where a rising (falling) line would matter: the metric's threshold rule on that side, and 100 % for a filling one. */
export function limitsFor(target: string, metric: string, t: Trend, c: AnswerContext, level?: number): Limit[] {
  // "When will it reach 90%?": that level, when the line heads for it.
  if (level !== undefined)
    return (t.perHour > 0 ? level > t.level : level < t.level) ? [{ value: level, name: formatValue(metric, level) }] : [];
  const out: Limit[] = [];
  const rule = ruleFor(c.thresholds ?? [], target, metric);
  const edge = t.perHour > 0 ? rule?.above : rule?.below;
  if (rule && edge !== undefined && (t.perHour > 0 ? edge > t.level : edge < t.level))
    out.push({ value: edge, name: `the ${formatValue(metric, edge)} ${rule.severity} threshold` });
  if (FILLS.has(metric) && t.perHour > 0 && t.level < 100 && !out.some((l) => l.value >= 100)) out.push({ value: 100, name: 'full' });
  return out;
}

export interface Projection {
  limit: Limit;
  ms?: number;
}

// Four times the fitted stretch, to the nearest 10 minutes so that it reads "24 h", not "23 h 58 min".
export const horizonOf = (t: Trend) => Math.round((HORIZON * (t.until - t.from)) / 600_000) * 600_000;

export function project(target: string, metric: string, t: Trend, c: AnswerContext, level?: number): Projection[] {
  if (!t.clear) return [];
  const horizon = horizonOf(t);
  return limitsFor(target, metric, t, c, level).map((limit) => {
    const ms = timeToReach(t, limit.value);
    return { limit, ...(ms !== undefined && ms <= horizon ? { ms } : {}) };
  });
}

/**
 * "Will db-1 run out of memory?" with a falling line: say it is heading away from the rule above it
 * (and from full, for what fills) rather than say nothing, which reads as no answer.
 */
export function awayFrom(target: string, metric: string, t: Trend, c: AnswerContext): string {
  if (!t.clear || t.perHour >= 0) return '';
  const above = ruleFor(c.thresholds ?? [], target, metric)?.above;
  const names = [
    ...(above !== undefined && above > t.level ? [`the ${formatValue(metric, above)} threshold`] : []),
    ...(FILLS.has(metric) ? ['full'] : []),
  ];
  return names.length ? ` Falling, so not heading for ${names.join(' or ')} at this rate.` : '';
}

/** "When will it reach 90%?" when the line does not head there: already at or above it, or below it and not rising. */
export function towards(metric: string, t: Trend, level: number): string {
  const x = formatValue(metric, level);
  if (t.level >= level) return ` Its line is at ${x} or above already.`;
  return t.clear ? ` Below ${x} and falling, so not reaching it at this rate.` : ` No clear trend, so no time to ${x}.`;
}

/** `hint`: what the reply says of looking further: ask over a longer window, this is all kept, or the longer line follows. */
export function describeProjections(p: Projection[], t: Trend, away = '', hint: 'ask' | 'kept' | 'below' = 'ask'): string {
  if (p.length === 0) return away;
  const reached = p.filter((x) => x.ms !== undefined);
  const parts = reached.map((x) => `${x.limit.name} in about ${formatDuration(x.ms!)} (${stamp(t.until + x.ms!)})`);
  const far = p.filter((x) => x.ms === undefined).map((x) => x.limit.name);
  const horizon = formatDuration(horizonOf(t));
  if (far.length) parts.push(`${far.join(' or ')} not within ${horizon} (${HORIZON}× the window${SAID[hint]})`);
  return ` At this rate: ${parts.join('; ')}.`;
}
