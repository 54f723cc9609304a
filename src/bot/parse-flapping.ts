import type { Intent, MetricKey } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';

// "Show flapping alerts", "what keeps firing?", "which alerts keep coming back?", "noisiest alerts this week".
export const FLAPPING =
  /\bflap(?:s|ping|py|ped)?\b|\b(?:keeps?|kept) (?:on )?(?:firing|alerting|coming back|re-?opening|opening|going off|flipping|bouncing)\b|(?<!\btop (?:\d+ )?)\b(?:noisiest|chattiest|most repeated|recurring|repeat(?:ing)?) (?:alerts?|anomal\w*|series)\b|\b(?:alerts?|anomal\w*) (?:that )?(?:keep|come back|recur|repeat)\w*\b|\balert(?:ing)? fatigue\b|\btoo many (?:alerts|pages|notifications|anomalies)\b|\b(?:alerts?|alerting|paging) (?:is|are) too (?:noisy|chatty|much)\b|\b(?:so|too|this|that|very) noisy\b|\bless noisy\b|\bshould (?:i|we) (?:silence|mute|snooze)\b|\b(?:which|what|any|did any)\b(?!.*\bincidents?\b).*\b(?:re-?opened|came back after (?:resolving|it resolved|they resolved|clearing|closing|ending))\b|\bcome back after (?:resolving|clearing|closing)\b/;
// "Why do I keep getting web-1 memory alerts?", "why so many disk alerts?": the recurrence, not the latest one explained.
export const RECURRING =
  /\b(?:keep|keeps|kept) (?:on )?(?:getting|seeing|receiving|having|being)\b.*\b(?:alerts?|anomal\w*|pages?|paged|alarms?|notifications?|pinged)\b|\bso many\b.*\b(?:alerts?|anomal\w*|pages?|alarms?|notifications?)\b/;

/** "Which alerts flap?": the series that opened again and again (answer-flapping.ts). */
export function flappingQuestion(
  text: string,
  o: { target?: string; group?: string[]; metric?: MetricKey; span?: TimeSpan; unknownTarget?: string },
): Intent | undefined {
  if (!FLAPPING.test(text) && !RECURRING.test(text)) return undefined;
  return {
    kind: 'flapping',
    ...(o.target ? { target: o.target } : {}),
    ...(o.group ? { group: o.group } : {}),
    ...(o.metric ? { metric: o.metric } : {}),
    ...(o.span ? { span: o.span } : {}),
    ...(o.unknownTarget ? { unknownTarget: o.unknownTarget } : {}),
  };
}
