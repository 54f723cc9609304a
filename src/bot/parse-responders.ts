import type { TimeSpan } from './parse-time-span.js';

/** "Who acknowledged the most alerts?", "who responds fastest?": acknowledgements by person (answer-responders.ts). */
export interface RespondersIntent {
  kind: 'responders';
  span?: TimeSpan;
  /** "Fastest", "quickest", "slowest": ranked by the median time to acknowledge, not the count. */
  bySpeed?: boolean;
}

const ACKED = String.raw`(?:acks?|acked|acknowledg\w*|handl\w*|took|takes|picks? up|picked up|responds?|responded|reacts?|reacted)`;
// "Who acks the most?", "who acknowledged the most alerts this week?", "who handled the most alerts?", "fastest responder",
// "ack leaderboard", "acks by person", "who responds to alerts?".
const RESPONDERS = new RegExp(
  [
    String.raw`\bwho(?:'s| is| has| have)?\s+(?:\w+ )?${ACKED}\b.*\b(?:most|fewest|least|fastest|quickest|slowest|more|less)\b`,
    String.raw`\b(?:fastest|quickest|slowest|best|top|most active) (?:responders?|ackers?|acknowledgers?|on-?callers?)\b`,
    String.raw`\bwho(?:'s| is| was)? (?:the )?(?:fastest|quickest|slowest|first)\b.*\b${ACKED}`,
    String.raw`\b(?:ack|acks|acknowledgements?|responders?|response) (?:leaderboard|league|ranking|table|stats|statistics|count|counts|by (?:person|people|user|users|who))\b`,
    String.raw`\b(?:acks?|acknowledgements?) (?:per|by each|for each) (?:person|people|user|responder)\b`,
    // "How many alerts did each person ack?", "how many acks per person this week?".
    String.raw`\bhow many\b.*\b(?:each|every|per) (?:person|one|user|responder|engineer|member)\b.*\b${ACKED}|\bhow many\b.*\b${ACKED}\b.*\b(?:each|every|per|by) (?:person|one|user|responder|engineer|member)\b`,
    String.raw`\bwho (?:usually |normally |actually )?(?:responds?|responded|reacts?|reacted|answers?|answered) (?:to )?(?:the |our )?(?:alerts?|pages?)\b`,
  ].join('|'),
);
const BY_SPEED = /\b(?:fastest|quickest|slowest|fast|quick|slow|speed)\b/;

/** Pure; undefined when not asked. */
export function respondersQuestion(text: string, span: TimeSpan | undefined): RespondersIntent | undefined {
  if (!RESPONDERS.test(text)) return undefined;
  return { kind: 'responders', ...(span ? { span } : {}), ...(BY_SPEED.test(text) ? { bySpeed: true } : {}) };
}
