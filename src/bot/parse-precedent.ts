import type { Intent, MetricKey } from './intent.js';
import { TAKES } from './ack-phrases.js';

// "Has this happened before?", "how long will it take to recover?", "how long do these usually last?",
// "when did this last happen?", "is this normal for web-1?" (of an anomaly, not of a figure).
const PRECEDENT =
  /\b(?:a one[\s-]off|an isolated (?:case|event|incident|one)|the first time)\b|\b(?:has|did|have) (?:this|that|it) (?:happen(?:ed)?|occur(?:red)?|fire[d]?|alert(?:ed)?) before\b|\b(?:happened|seen|had) (?:this|that|it) before\b|\bhow long (?:will|does|do|did|would|should|might) (?:it|this|that|these|they|those)(?: usually| normally| typically)? (?:take|last|go on|stay)\b|\bhow long (?:to|until|before) (?:it |this )?(?:recover|resolve|clear|ends?)\b|\bwhen (?:will|should|might|does) (?:it|this|that) (?:recover|end|clear|resolve|go away|be over|stop)\b|\bwhen did (?:this|that|it) (?:last )?happen\b|\bhow often does (?:this|that|it) happen\b|\b(?:alert(?:ed)?|fire[ds]?|happen(?:ed)?|occur(?:red)?|spike[ds]?) (?:like (?:this|that) )?before[?.!\s]*$/;

// "How was this fixed before?", "what did we do last time?", "how did we fix it last time?": what was done, from the records.
export const FIXED_BEFORE =
  /\bhow (?:was|were|did (?:we|you|they|someone|anyone)) (?:this|that|it|these|those)? ?(?:fix(?:ed)?|solve[d]?|resolve[d]?|handle[d]?|deal(?:t)? with|sort(?:ed)?(?: out)?)\b.*\b(?:before|last time|previously|in the past)\b|\bwhat (?:fixed|solved|resolved|cleared) (?:it|this|that) (?:before|last time|previously)\b|\bwhat did (?:we|you|they|people) do (?:about it |about this )?(?:last time|before|previously)\b/;

/** "Has this happened before?": the history of the anomaly meant (answer-precedent.ts). Pure. */
export function precedentQuestion(
  text: string,
  o: { an?: string; target?: string; metric?: MetricKey; unknownTarget?: string },
): Intent | undefined {
  const fixed = FIXED_BEFORE.test(text);
  // "How long does it take us to ack alerts?" asks of alerts in general: the times to it (ack-phrases.ts).
  if ((!PRECEDENT.test(text) || TAKES.test(text)) && !fixed) return undefined;
  return {
    kind: 'precedent',
    ...(fixed ? { fixed: true } : {}),
    ...(o.an ? { id: o.an } : {}),
    ...(o.target && !o.an ? { target: o.target } : {}),
    ...(o.metric && !o.an ? { metric: o.metric } : {}),
    ...(o.unknownTarget ? { unknownTarget: o.unknownTarget } : {}),
  };
}
