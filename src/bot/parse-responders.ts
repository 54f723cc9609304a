import type { TimeSpan } from './parse-time-span.js';
import type { ResponseAsk } from './answer-response.js';

/** "Who acknowledged the most alerts?", "who responds fastest?": acknowledgements by person (answer-responders.ts). */
export interface RespondersIntent {
  kind: 'responders';
  span?: TimeSpan;
  /** "Fastest", "quickest", "slowest": ranked by the median time to acknowledge, not the count. */
  bySpeed?: boolean;
  /** "How long did it take us to respond to the last critical?": one alert's response, timed (answer-response.ts). */
  alert?: ResponseAsk;
}

// "How long did it take us to respond to the last critical?", "how fast did we ack the web-1 disk alert?",
// "response time for the last alert": one alert, not the figures over many ("time to ack this week").
const ONE_RESPONSE = new RegExp(
  [
    String.raw`\bhow (?:long|fast|quickly|soon) (?:did|does|was|were) (?:it take )?(?:(?:us|we|you|they|the team|someone|anyone|anybody|the on-?call|on-?call) )?(?:to )?(?:respond|react|ack\w*|acknowledg\w*|pick(?:ed)? up|handl\w*|get to|answer\w*)\b`,
    String.raw`\b(?:response|reaction|ack|acknowledgement) time (?:for|to|of|on) (?:the |that |this |our )?(?:last|latest|most recent|previous|an_\w+|[\w-]+ (?:alert|anomaly|page))`,
    String.raw`\btime to (?:ack|acknowledge|respond) (?:for|to|on) (?:the |that |this )?(?:last|latest|most recent|an_\w+)`,
  ].join('|'),
);

const ACKED = String.raw`(?:acks?|acked|acknowledg\w*|handl\w*|took|takes|picks? up|picked up|responds?|responded|reacts?|reacted)`;
// "Who acks the most?", "who acknowledged the most alerts this week?", "who handled the most alerts?", "fastest responder",
// "ack leaderboard", "acks by person", "who responds to alerts?".
const RESPONDERS = new RegExp(
  [
    String.raw`\bwho(?:'s| is| has| have)?\s+(?:\w+ )?${ACKED}\b.*\b(?:most|fewest|least|fastest|quickest|slowest|more|less)\b`,
    String.raw`\b(?:fastest|quickest|slowest|best|top|busiest|most active) (?:responders?|ackers?|acknowledgers?|on-?callers?)\b`,
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
export function respondersQuestion(text: string, span: TimeSpan | undefined, one: ResponseAsk = {}): RespondersIntent | undefined {
  const named = Boolean(one.id || one.target) || /\b(?:last|latest|most recent|previous|this|that)\b/.test(text);
  if (ONE_RESPONSE.test(text) && named && !span) {
    // "Response time for the last alert" is how fast people answered, not the latency figure.
    const latencyWord = /\b(?:response|reaction) time\b/.test(text) && one.metric === 'latency';
    const alert = Object.fromEntries(
      Object.entries(one).filter(([k, v]) => v !== undefined && !(latencyWord && k === 'metric')),
    ) as ResponseAsk;
    return { kind: 'responders', alert };
  }
  if (!RESPONDERS.test(text)) return undefined;
  return { kind: 'responders', ...(span ? { span } : {}), ...(BY_SPEED.test(text) ? { bySpeed: true } : {}) };
}
