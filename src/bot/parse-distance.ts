import type { Intent, MetricKey } from './intent.js';
import { parseBound } from './parse-bound.js';

const HOW_FAR = /\bhow (?:far|close|near) (?:is|are)\b.*\b(?:from|to)\b/;

/**
 * "How far is db-1 disk from 90%?", "how close is api-1 memory to 80%?": where the metric stands
 * against that level and when its line would reach it (the trend answer with that level), not just
 * the figure now. Pure; undefined without a metric and a level.
 */
export function distanceQuestion(
  text: string,
  o: { metric?: MetricKey | undefined; target?: string | undefined; named: string[] },
): Intent | undefined {
  if (!o.metric || !HOW_FAR.test(text)) return undefined;
  // "From 90%" says a level with no side: the number with its unit is it.
  const said = /\b(?:from|to)\s+(\d+(?:\.\d+)?)\s*(?:%|percent|ms)(?!\w)/.exec(text)?.[1];
  const level = parseBound(text)?.value ?? (said === undefined ? undefined : Number(said));
  if (level === undefined) return undefined;
  return {
    kind: 'trend',
    metric: o.metric,
    ...(o.target ? { target: o.target } : o.named.length > 1 ? { group: o.named } : {}),
    level,
  };
}
