/**
 * Phrases about acknowledgement and the times to it: who has an alert, how many were acknowledged,
 * what share, MTTA and MTTR. Matched on the whole lower-cased question (intent-words.ts re-exports them).
 */

/** "Who acked the last alert?", "is anyone on the web-2 alert?": a question about who has an alert, never an ack. */
// "What happens if an alert is not acknowledged?" asks about escalation (ROUTING), not one alert; "what have I acked
// today?" asks what the asker did (the audit).
export const ACK_QUESTION =
  /^(?!what (?:happens|if)\b)(?!(?:what|how many)\b.*\b(?:have|has|did) (?:i|we) (?:ack|acked|acknowledged?)\b).*?(?:\b(?:who|anyone|anybody|someone|somebody|whether|has it been|is it|was it)\b.*\b(?:ack|acked|acknowledged?)\b|\b(?:ack|acked|acknowledged?)\b.*\bby whom\b|\bwho(?:'s| is| has)?\s+(?:on(?![\s-]*call|\s+(?:pager|duty))|handling|looking at|working on|got(?!\s+(?:paged|pinged|woken|called|the pager))|taken|took)\b|\b(?:anyone|anybody|someone|somebody)\s+(?:on(?![\s-]*call)|handling|looking at|working on)\b|\b(?:has|have|was|were|is|are)\b(?:\s+\S+){0,6}?\s+(?:been\s+)?(?:acked|acknowledged)\b|\b(?:did|has|have) (?:anyone|anybody|someone|somebody) (?:see|seen|notice|noticed|look at|looked at|respond(?:ed)? to|react(?:ed)? to|pick(?:ed)? up)\b|\bwho has (?:the|this|that) (?:[\w-]+ ){0,3}?alert\b|\bwhat(?:'s| is| are)? (?:everyone|everybody|people|the team|folks|the others) (?:working on|looking at|handling|doing|on)\b)/;

/** "What share of…", "what percentage of…": a proportion asked for. */
const SHARE_OF = String.raw`\bwhat (?:share|percentage|fraction|proportion|percent)\b`;
export const SHARE_ASKED = new RegExp(SHARE_OF);
/** "What share of alerts get acked?", "ack rate": the acknowledged share, a time-to-acknowledge count. */
const ACK_SHARE = String.raw`(?:${SHARE_OF} of (?:the )?(?:alerts|anomalies|pages) (?:get|gets|are|were|got) (?:acked|acknowledged|ack'd)\b|\b(?:ack|acknowledge?ment) (?:rate|ratio|share|percentage)\b)`;

/** "How many alerts were acknowledged?", "which alerts are never acknowledged?": acknowledgement counted or listed, not one alert's. */
/** "Not acked", "haven't acked", "hasn't been acknowledged": nobody has taken it on (yet). */
export const NOT_ACKED = String.raw`\b(?:not|haven'?t|hasn'?t|have not|has not|didn'?t|did not|wasn'?t|weren'?t|isn'?t|aren'?t) (?:yet )?(?:been )?(?:acked|acknowledged|ack'd)\b`;

export const ACK_COUNTED = new RegExp(
  String.raw`\bwho (?:acked|acknowledged|took on|handled|picked up) what\b|\bhow many\b|\bwhich (?:alerts|anomalies|pages|incidents)\b|${SHARE_OF}|\bnever\b|\b(?:nobody|no one|noone)\b|\bun-?ack|\b(?:alerts|anomalies|pages|incidents)\b.*${NOT_ACKED}`,
);

// "MTTR this week", "how long do alerts last on average", "mean time to acknowledge": anomaly counts with their times.
export const TIME_TO_ACK = new RegExp(
  `${ACK_SHARE}|${/\bmtta\b|\btime to (?:ack\w*|respond|response)\b|\bhow long (?:until|till|before) (?:someone|anyone|somebody|people|the team|we) (?:responds?|acks?|acknowledges?|picks? (?:it )?up|reacts?)\b|\bhow (?:fast|quickly|soon) (?:do|did|does) (?:we|you|they|people|the team) (?:ack\w*|respond|react|pick up)\b/.source}`,
);
export const TIME_TO = new RegExp(
  `${ACK_SHARE}|${/\bmtt[ar]\b|\bmtbf\b|\b(?:mean |average )?time between (?:failures?|incidents?|alerts?|anomalies|episodes?|outages?|problems?)\b|\bmean time to\b|\bhow long (?:until|till|before) (?:someone|anyone|somebody|people|the team|we) (?:responds?|acks?|acknowledges?|picks? (?:it )?up|reacts?)\b|\btime to (?:resolve|resolution|recover\w*|fix|close|ack\w*|respond|response)\b|\b(?:average|typical|median|mean)\s+(?:duration|length)\b|\bhow long (?:do (?:the |our |most )?(?:alerts|anomalies|incidents|episodes|outages|pages)|does an? (?:alert|anomaly|incident|episode|outage|page)) (?:usually |typically |normally )?(?:last|take to (?:resolve|clear|recover|end)|stay open|remain open)\b|\bhow long\b.*\b(?:on average|typically|usually|average|median)\b|\bhow (?:fast|quickly|soon) (?:do|did|does) (?:we|you|they|people|the team) (?:ack\w*|respond|react|pick up|resolve|fix|recover)\b/.source}`,
);
// "How long does it take us to ack alerts?", "how long do incidents take to get resolved?", "how long until pages get acked?".
// Habitual and of alerts in general: "how long did it take to resolve the last alert?" is that alert's (parse-precedent.ts).
const ALERTS = String.raw`(?:alerts?|anomal(?:y|ies)|incidents?|pages?|episodes?|outages?)`;
const ANY_ALERT = String.raw`(?:alerts|anomalies|incidents|pages|episodes|outages|an? (?:alert|anomaly|incident|page|episode|outage))`;
export const TAKES = new RegExp(
  String.raw`\bhow long (?:does|do) it (?:usually |typically |normally )?take (?:us |you |people |the team |someone |anyone |somebody )?to (?:ack\w*|acknowledg\w*|respond(?: to)?|react(?: to)?|pick (?:it |them )?up|resolve|fix|clear|close|recover(?: from)?)\b(?=.*\b${ANY_ALERT}\b)` +
    String.raw`|\bhow long (?:do|does|did) (?:[\w-]+ ){0,3}?${ALERTS}(?: (?:on|for|from|about) [\w-]+)? (?:usually |typically |normally )?take to (?:get |be )?(?:ack\w*|acknowledg\w*|respond\w*|resolv\w*|fix\w*|clear\w*|clos\w*|picked up)` +
    String.raw`|\bhow long (?:until|till|before) (?:the |our |most |an? )?${ALERTS} (?:get|gets|are|is|get) (?:acked|acknowledged|picked up|resolved|fixed|cleared|closed)\b`,
);
const ACK_WORD = /\b(?:ack\w*|acknowledg\w*|respond\w*|react\w*|pick(?:ed)? (?:it |them )?up)\b/;

/** "MTBF", "mean time between failures": the gaps between episodes. */
export const TIME_BETWEEN = /\bmtbf\b|\btime between\b/;
/** "How much time did we spend on alerts today?", "how long were we in alert?": the time something was open. */
const TIME_IN_ALERT =
  /\b(?:total )?time (?:spent )?(?:in|on|with) (?:alerts?|anomal(?:y|ies)|incidents?)\b|\bhow (?:much time|long) (?:did|have|has) (?:we|i|the team) (?:spen[dt]|been) (?:on|in|with|dealing with|fighting) (?:alerts?|anomal(?:y|ies)|incidents?|fires)\b|\bhow long (?:were|was|have) (?:we|i|things|the fleet|you) (?:been )?in (?:alert|alarm|trouble)\b|\btotal (?:alert|anomaly|alarm) time\b|\bhow (?:much time|long|many (?:minutes|hours)) (?:did|has|have|was|were|is)(?: [\w.-]+){1,3}? (?:spen[dt] |been )?(?:in (?:alerts?|alarm|an? alert|anomal(?:y|ies)|trouble)|alerting|alarming)\b/;

const ONGOING =
  /^(?!.*\b(?:today|yesterday|this|last|past|since|during|week|month|overnight|night)\b).*\bhow long (?:has|have) (?!(?:we|i|the team)\b)[\w.-]+(?: [\w.-]+)? been\b/;

/** "MTTR for cpu", "time to acknowledge disk alerts": a time named so that a metric with it is of the alerts, not the figure. */
export const MTTX = /\b(?:mtt[rab]|mean time (?:to|between)|time to (?:resolve|resolution|recover\w*|ack\w*))\b/;

/** "MTTR", "how fast do we ack?", "MTBF": the time asked for, with the count it is part of; undefined when none is. */
export function timeToAsked(text: string): { count: true; timeTo: 'ack' | 'between' | 'resolve' | 'open'; ongoing?: true } | undefined {
  // "How long has web-2 been alerting?" with no time said: the stretch going on now leads.
  if (TIME_IN_ALERT.test(text)) return { count: true, timeTo: 'open', ...(ONGOING.test(text) ? { ongoing: true as const } : {}) };
  const takes = TAKES.test(text);
  if (!takes && !TIME_TO.test(text)) return undefined;
  const ack = TIME_TO_ACK.test(text) || (takes && ACK_WORD.test(text));
  return { count: true, timeTo: ack ? 'ack' : TIME_BETWEEN.test(text) ? 'between' : 'resolve' };
}

const HOSTS = String.raw`(?:hosts?|targets?|servers?|machines?)`;
// "Which host recovers fastest?", "slowest resolution this week", "MTTR by host": the time to resolve, per target.
const RESOLVE_SPEED = new RegExp(
  String.raw`\b(?:slowest|fastest|quickest|slower|faster|quicker)\b.*\b(?:resolv\w*|resolution|recover\w*|heal\w*)` +
    String.raw`|\b(?:resolv\w*|recover\w*|heal\w*|resolution|recoveries) (?:the )?(?:slowest|fastest|quickest)\b` +
    String.raw`|\b(?:mttr|time to (?:resolve|resolution|recover\w*)|(?:resolution|recovery) times?)\b.*\b(?:by|per|for each|each|which) ${HOSTS}\b` +
    String.raw`|\b(?:which|what) ${HOSTS}\b.*\b(?:mttr|time to (?:resolve|recover\w*)|(?:resolution|recovery) times?)\b`,
);

/** The time to resolve ranked by target ("which host recovers fastest?"), whatever metric "slowest" names; undefined when not asked. */
export function resolveSpeedAsked(text: string): { count: true; timeTo: 'resolve'; rank: 'target'; fastFirst?: true } | undefined {
  if (!RESOLVE_SPEED.test(text)) return undefined;
  return { count: true, timeTo: 'resolve', rank: 'target', ...(/\b(?:fast|quick)(?:est|er)\b/.test(text) ? { fastFirst: true } : {}) };
}
