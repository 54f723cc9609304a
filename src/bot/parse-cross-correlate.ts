import type { MetricKey } from './intent.js';
import type { TargetRef } from './match-target.js';
import { scanSubjects } from './scan-subjects.js';
import { tokensOf, wordsOf } from './vocab.js';

/** One side of a cross question: its targets, and the metric said of them (none: every metric they have). */
export interface CrossSide {
  targets: string[];
  metric?: MetricKey;
}

// Where one side ends and the other begins: "api latency with db cpu", "is db-1 the cause of api latency?".
const JOIN =
  /\s(?:with|against|and|vs\.?|versus|to|drives?|driving|drove|causes?|causing|caused|(?:is|was|be) (?:the )?cause of|(?:is|was|be) behind|affects?|affecting|affected|impacts?|impacting|follows?|tracks?|related to|linked to|tied to|slows? down|slowing down)\s/g;

// "Does db cpu drive api latency?", "is db-1 the cause of api latency?": asked as a cause, read as a correlation.
export const CAUSE_ASKED =
  /\b(?:is|are|was|were|does|do|did|could|can|might|would)\b.*\b(?:drive|drives|driving|driven by|cause|causes|causing|cause of|behind|affect|affects|affecting|impact|impacts|impacting|slow(?:s|ing)? down)\b/;

function sideOf(text: string, targets: TargetRef[]): CrossSide | undefined {
  const tokens = tokensOf(text);
  const s = scanSubjects(text, tokens, wordsOf(tokens), targets);
  if (!s.named.length || s.unknownTarget || s.more.length) return undefined;
  return { targets: s.named, ...(s.metric ? { metric: s.metric } : {}) };
}

/**
 * A metric on some targets against a metric on others ("correlate api latency with db cpu", "does
 * db-1 cpu drive api latency?"): the two sides, split where a joining word leaves one target group
 * and at least one metric on each side of it. A side that names no metric stands for every metric
 * of its targets ("is db-1 the cause of api latency?"). Undefined when the text has no such split:
 * one target group, or the same targets on both sides. Pure.
 */
export function crossSides(text: string, targets: TargetRef[]): [CrossSide, CrossSide] | undefined {
  for (const m of text.matchAll(JOIN)) {
    const a = sideOf(text.slice(0, m.index), targets);
    const b = sideOf(text.slice(m.index! + m[0].length), targets);
    if (!a || !b || (!a.metric && !b.metric)) continue;
    if (a.targets.some((t) => b.targets.includes(t))) continue;
    return [a, b];
  }
  return undefined;
}
