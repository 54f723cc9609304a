import type { Intent, MetricKey } from './intent.js';
import { anomalyChangeQuestion } from './parse-anomaly-change.js';
import { changesQuestion } from './parse-change.js';
import { flappingQuestion } from './parse-flapping.js';
import { precedentQuestion } from './parse-precedent.js';
import type { TimeSpan } from './parse-time-span.js';

/**
 * Questions about alerts over time, asked before the anomaly lists: "which alerts flap?", "more alerts
 * than last week?", "what was deployed today?", "has this happened before?". Pure.
 */
export function overTimeQuestion(
  text: string,
  o: {
    an?: string;
    target?: string;
    group?: string[];
    metric?: MetricKey;
    severity?: 'critical' | 'warning';
    span?: TimeSpan;
    unknownTarget?: string;
  },
): Intent | undefined {
  const { an, severity, ...rest } = o;
  return (
    flappingQuestion(text, rest) ??
    anomalyChangeQuestion(text, { ...rest, severity }) ??
    changesQuestion(text, rest) ??
    precedentQuestion(text, { an, target: o.target, metric: o.metric, unknownTarget: o.unknownTarget })
  );
}
