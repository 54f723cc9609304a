import type { Intent, MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';
import type { TargetRef } from './match-target.js';
import { CAUSE_ASKED, crossSides } from './parse-cross-correlate.js';

// "Correlate web-2 memory with latency", "does cpu correlate with latency on api-1?", "relationship
// between network in and cpu on web-1", "do web-1 and web-2 cpu move together?".
const CORRELATE =
  /\bcorrelat\w*\b|\brelationship between\b|\b(?:move|moves|moving|go|goes|rise|rises) together\b|\b(?:is|are) \S+(?: \S+)? (?:related|linked|tied) to\b(?! (?:the|our|that|this|a) (?:last |latest |recent )?(?:deploy(?:ment)?|release|rollout|change|upgrade|rollback)\b)|\bin (?:lock ?step|step) with\b|\b(?:does|do|did)\s+\S+(?:\s+\S+)?\s+(?:follow|track|mirror|move with|rise with|go up with)\b|\b(?:which|what)(?: \w+)? (?:moves?|goes|go|rises?|changes?|tracks?) (?:with|along with|together with|in step with)\b/;

/**
 * Two series compared sample by sample: two metrics of one target (or of each target, when none is
 * named), or one metric on two targets. Pure; undefined when the text asks no such thing.
 */
export function correlateQuestion(
  text: string,
  o: {
    metric?: MetricKey | undefined;
    more: MetricKey[];
    named: string[];
    unknownTarget?: string | undefined;
    span?: TimeSpan | undefined;
    /** "What correlates with the api-2 disk alert?" is that alert and what was open around it (parse-explain.ts). */
    anomalies: boolean;
    targets: TargetRef[];
  },
): Intent | undefined {
  if (o.anomalies) return undefined;
  const cause = CAUSE_ASKED.test(text);
  if (!CORRELATE.test(text) && !cause) return undefined;
  const metrics = [o.metric, ...o.more].filter((m): m is MetricKey => m !== undefined);
  const span = o.span ? { span: o.span } : {};
  // "Api latency with db cpu", "is db-1 the cause of api latency?": a metric on some targets against one on others.
  // A side with no metric takes the other's ("web hosts against api hosts on cpu"), or every metric when a cause is asked.
  const sides = o.named.length >= 2 ? crossSides(text, o.targets) : undefined;
  if (sides) {
    const [a, b] = sides.map((x, k) => (x.metric || cause ? x : { ...x, metric: sides[1 - k]!.metric })) as typeof sides;
    if (a.targets.length > 1 || b.targets.length > 1 || a.metric !== b.metric)
      return { kind: 'correlate', metrics, cross: [a, b], ...span };
  }
  // "Does high cpu on api-1 cause latency?": two metrics of one target, and a cause asked, is their correlation.
  if (!CORRELATE.test(text) && !(cause && metrics.length >= 2 && o.named.length <= 1)) return undefined;
  if (o.unknownTarget && !o.named.length) return { kind: 'correlate', metrics, unknownTarget: o.unknownTarget, ...span };
  if (metrics.length >= 2 && o.named.length <= 1)
    return { kind: 'correlate', metrics: metrics.slice(0, 2), ...(o.named[0] ? { target: o.named[0] } : {}), ...span };
  if (metrics.length === 1 && o.named.length === 2) return { kind: 'correlate', metrics, group: o.named, ...span };
  // "What correlates with latency on api-1?", "which metric moves with latency?": each other metric of the same target.
  if (metrics.length === 1 && o.named.length <= 1) {
    const targets = o.named.length ? o.named : o.targets.map((t) => t.name);
    return { kind: 'correlate', metrics, cross: [{ targets, metric: metrics[0] }, { targets }], ...span };
  }
  return { kind: 'correlate', metrics, ...(o.named.length ? { group: o.named } : {}), ...span };
}
