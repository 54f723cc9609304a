import type { Intent } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';

const PLATFORM = /\b(slack|discord|web console|console)\b/;
// "Is slack connected?", "is discord down?", "how many messages are queued?", "how many alerts did you send today?",
// "did the alert reach slack?". "Connections" alone is a host figure (uncollected).
const ASKED = [
  /\b(?:slack|discord|(?:web )?console)\b.*\b(?:connected|connection|online|offline|working|reachable|delivering|delivered|up|down|ok|status|health)\b/,
  /\b(?:connected|connection) to (?:slack|discord)\b/,
  /\b(?:outbox|undelivered|deliver(?:y|ies|ed)?|queued messages|message queue|backlog)\b/,
  /\bhow many (?:alerts|messages|notifications|posts|pages) (?:did you|have you|were|got|did we|have we) (?:send|sent|post|posted|deliver|delivered)\b/,
  /\b(?:messages|alerts|notifications) (?:are |were )?(?:queued|waiting to be sent|stuck|not (?:sent|delivered))\b/,
  /\b(?:did|has|have) (?:the |my |that )?(?:alert|message|notification)s? (?:reach|get to|make it to|arrive in)\b/,
  /\bhow many (?:alerts|messages|notifications|posts|pages) (?:went|were sent|got sent|were posted|got posted) (?:to|in)\b/,
  // "How many messages failed to send?", "retry failed messages": the outbox retries on its own.
  /\b(?:messages?|alerts?|notifications?|posts?)\b.*\bfail(?:ed|ing|s)? to (?:send|post|deliver)\b|\b(?:failed|undelivered) (?:messages|posts|sends|deliveries)\b|\bretry\b.*\b(?:messages?|sends?|deliver\w*|posts?)\b/,
];
// "Send a test alert", "test alert", "test the slack integration": a message marked as a test in the alert channels.
const TEST_ALERT =
  /^(?:please\s+|can you\s+|could you\s+)?(?:send|post|fire|trigger|raise|push)\s+(?:me\s+|us\s+)?(?:an?\s+)?test (?:alert|message|notification|page)s?\b|^test (?:alert|notification|message)s?\b|^test (?:the )?(?:alerts?|alerting|notifications?|(?:slack|discord) (?:integration|channel|alerts?))\b|^test (?:slack|discord)[\s.!?]*$/;

// "When is the next digest?", "what time is the daily summary posted?": its schedule, not a digest. So is
// asking for one on a schedule ("schedule a daily summary at 9", "a weekly report every monday"), which the config sets.
const DIGEST_WHEN =
  /\b(?:schedule|set up|setup|sign (?:me |us )?up for|subscribe (?:me |us )?to)\s+(?:an?\s+|the\s+|my\s+)?(?:daily|weekly|morning)\s+(?:digest|summary|report)\b|\b(?:digest|summary|report)s?(?:\s+(?:posted|sent|here|to me|at [\d:]+(?:\s*[ap]m)?))*\s+every (?:day|morning|evening|week|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\b(?:when|what time)\b.*\b(?:digest|daily (?:summary|report)|weekly (?:summary|report))\b|\b(?:send|give|post|get|email)\s+(?:me\s+|us\s+)?(?:the\s+|a\s+|my\s+)?(?:daily\s+|weekly\s+|morning\s+)?(?:digest|summary|report)\s+at\s+\d|\bnext (?:digest|daily summary|weekly report)\b|\bdigest (?:schedule|time)\b|\b(?:who|which channels?|where)\b.*\b(?:gets?|receives?|sees?|go(?:es)?|posted|sent)\b.*\b(?:digest|daily (?:summary|report))\b|\b(?:who|which channels?|where)\b.*\b(?:digest|daily (?:summary|report))\b.*\b(?:go(?:es)?|posted|sent|received)\b/;

const RECEIVED =
  /\bhow many (?:alerts|messages|notifications) (?:did|have|has) (?:i|we|the team|my team) (?:get|got|receive|received|see|seen)\b/;

// "Is alertmanager connected?", "are silences synced to alertmanager?", "are we getting alertmanager alerts?".
const ALERTMANAGER =
  /\balertmanager\b.*\b(?:connected|connection|working|reachable|up|down|ok|status|health|synced|sync|mirror\w*|set ?up|configured|integration|receiv\w*|getting|webhook)\b|\b(?:connected|synced|sync|mirror\w*|connection) (?:to|with|into) alertmanager\b|\b(?:getting|receiving|get|receive) (?:any )?alertmanager\b/;

/** "Is slack connected?", "how many alerts did you send this week?": how chat delivery stands (answer-delivery.ts). */
export function deliveryQuestion(text: string, span?: TimeSpan, scoped = false): Intent | undefined {
  if (TEST_ALERT.test(text)) return { kind: 'test_alert' };
  if (DIGEST_WHEN.test(text)) return { kind: 'about', digest: true };
  if (ALERTMANAGER.test(text)) return { kind: 'delivery', platform: 'alertmanager' };
  // "How many alerts did I get today?" is what reached chat; of a target or metric ("… on web-1"), the anomalies there.
  // "… per host", "… by severity": a breakdown of the anomalies, which delivery does not split.
  const split = /\b(?:per|by|for each|each)\s+(?:host|target|server|machine|node|metric|detector|severity|day|hour)s?\b/.test(text);
  if (!ASKED.some((re) => re.test(text)) && (scoped || split || !RECEIVED.test(text))) return undefined;
  const p = PLATFORM.exec(text)?.[1];
  return { kind: 'delivery', ...(p ? { platform: p === 'slack' || p === 'discord' ? p : 'web' } : {}), ...(span ? { span } : {}) };
}

// "Was anyone paged last night?", "who got pinged today?", "how many pages this week?", "did I get woken up?".
const PAGED =
  /\b(?:was|were|did|has|have|had) (?:anyone|anybody|someone|somebody|i|we|you|they|\w+) (?:get |got |been )?(?:paged|pinged|woken(?: up)?|called out)\b|\bwho(?:'s| has|'ve| have)? (?:got|was|were|has been|have been|been|did you|did we) (?:paged|pinged|page|ping|woken(?: up)?)\b|\bhow many (?:pages|pings|times (?:was|were|did) (?:anyone|i|we) (?:get )?(?:paged|pinged))\b|^(?:any |the )?(?:pages|pings)\b|\b(?:pages|pings) (?:last night|overnight|today|yesterday|this week|sent)\b|\bdid (?:anything|something|any alerts?|an alert|it) (?:page|ping|wake)\b|\bwhat (?:paged|pinged|woke(?: up)?)(?: me| us| anyone)\b/;

/** Who was paged over a time (answer-pages.ts): a past question about alerts that pinged people. Pure. */
export function pagesQuestion(text: string, o: { span?: TimeSpan | undefined; target?: string | undefined }): Intent | undefined {
  if (!PAGED.test(text)) return undefined;
  return { kind: 'pages', ...(o.span ? { span: o.span } : {}), ...(o.target ? { target: o.target } : {}) };
}

// "How many alerts were suppressed today?", "which alerts were inhibited?", "what was never posted?",
// "alerts I missed while silenced".
const SUPPRESSED =
  /\b(?:alerts?|anomal\w*|notifications?|pages?|what)\b.*\b(?:missed|hidden|held)\b.*\b(?:while|during|because of|by|under)\b.*\b(?:silenced?|muted?|snoozed?|silences?|maintenance|inhibit\w*)\b|\b(?:suppressed|inhibited|held back|held|withheld|not posted|never posted|weren'?t posted|wasn'?t posted|not announced|never announced|unannounced|swallowed|dropped)\b.*\b(?:alerts?|anomal\w*|notifications?|pages?)\b|\b(?:alerts?|anomal\w*|notifications?|pages?) (?:were|was|are|got) (?:not|never) (?:sent|posted|delivered)\b|\b(?:unsent|undelivered) (?:alerts?|anomal\w*)\b|\b(?:alerts?|anomal\w*|notifications?|pages?)\b.*\b(?:suppressed|inhibited|held(?: back)?|withheld|not posted|never posted|weren'?t posted|not announced|never announced|swallowed)\b/;

/**
 * The anomalies of the span (today by default) counted, which says how many were posted and why the
 * rest were not: silenced, held by an inhibit rule or a pending period, replayed history. Pure.
 */
export function suppressedQuestion(text: string, o: { span?: TimeSpan | undefined; target?: string | undefined }): Intent | undefined {
  if (!SUPPRESSED.test(text)) return undefined;
  // The anomaly lists read today as a flag of their own, as parse-intent.ts gives it.
  const today = !o.span || (o.span.kind === 'day' && o.span.daysBack === 0);
  return {
    kind: 'anomalies',
    limit: 50,
    today,
    count: true,
    unposted: true,
    ...(o.span && !today ? { span: o.span } : {}),
    ...(o.target ? { target: o.target } : {}),
  };
}
