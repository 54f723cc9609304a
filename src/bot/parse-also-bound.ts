import { METRIC_WORDS } from './intent-words.js';
import type { MetricKey } from './intent.js';
import { parseBound, type Bound } from './parse-bound.js';

/**
 * "Hosts with disk above 40% and cpu above 30%": a second condition on another metric, after "and",
 * "with" or "but" ("memory over 60% but cpu under 20%"); "… and high memory" is above that metric's
 * threshold rule line, as "high cpu" is. Only on a metric other than the first. Pure; undefined when
 * there is none.
 */
export function alsoBound(text: string, first: MetricKey | undefined): { metric: MetricKey; bound: Bound } | undefined {
  if (!first) return undefined;
  const high = /\b(?:and|with|but|&)\s+(?:(?:a|its|their|the)\s+)?(?:high|elevated)\s+([a-z]+)\b/.exec(text);
  const highMetric = high ? METRIC_WORDS[high[1]!] : undefined;
  if (highMetric && highMetric !== first) return { metric: highMetric, bound: { above: true, value: 0, rule: 'any' } };
  for (const m of text.matchAll(/\b(?:and|with|but|&)\s+(?:(?:its|their|the)\s+)?([a-z]+)\s+(?:(?:is|are|was|were|at)\s+)?/g)) {
    const metric = METRIC_WORDS[m[1]!];
    if (!metric || metric === first) continue;
    const bound = parseBound(text.slice(m.index! + m[0].length, m.index! + m[0].length + 40));
    if (bound && !bound.mean && !bound.rule) return { metric, bound };
  }
  return undefined;
}
