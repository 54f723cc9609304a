import type { Intent, MetricKey } from './intent.js';
import { scopeOf } from './scope-of.js';
import { parseBound } from './parse-bound.js';

const HOW_FAR = /\bhow (?:far|close|near) (?:is|are)\b.*\b(?:from|to)\b/;
// "How many days of disk left on monitoring-1?", "disk runway": the time until full, the trend's to 100%.
const RUNWAY = /\bhow (?:many|much) (?:days|hours|weeks|time) of (?:\w+ )?(?:left|remaining)\b|\brunway\b/;

/**
 * "How far is db-1 disk from 90%?", "how close is api-1 memory to 80%?": where the metric stands
 * against that level and when its line would reach it (the trend answer with that level), not just
 * the figure now. "How many days of disk left?" is the time to full. Pure; undefined without a metric and a level.
 */
export function distanceQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named: string[] },
): Intent | undefined {
  if (o.metric && RUNWAY.test(text) && ['disk', 'memory'].includes(o.metric))
    return {
      kind: 'trend',
      metric: o.metric,
      ...scopeOf(o),
      level: 100,
      // Days ahead want a line fitted over days, as "how many days until db-1 disk is full?" gets.
      ...(/\b(?:days|weeks)\b/.test(text) ? { span: { kind: 'last' as const, ms: 7 * 86_400_000 } } : {}),
    };
  if (!o.metric || !HOW_FAR.test(text)) return undefined;
  // "From 90%" says a level with no side: the number with its unit is it.
  const said = /\b(?:from|to)\s+(\d+(?:\.\d+)?)\s*(?:%|percent|ms)(?!\w)/.exec(text)?.[1];
  const level = parseBound(text)?.value ?? (said === undefined ? undefined : Number(said));
  if (level === undefined) return undefined;
  return {
    kind: 'trend',
    metric: o.metric,
    ...scopeOf(o),
    level,
  };
}
