import type { Intent, MetricKey } from './intent.js';
import { LENGTH, lengthMs } from './text-tools.js';

// "I'm going to lunch, ping me if …", "heading out. notify me about …": a word of going away first.
const LEAD = String.raw`^(?:(?:i'?m|i am|we'?re|we are|heading|going|off|stepping|back)\b[^,.;]{0,50}[,.;]\s+)?(?:please\s+|pls\s+|can you\s+|could you\s+)?`;
// "Subscribe me to critical alerts", "follow db-1", "add me to db-1's alerts".
const SUBSCRIBE = new RegExp(
  String.raw`${LEAD}(?:subscribe|follow(?![\s-]*up\b)|watch for)\b|${LEAD}add me to\b.*\balerts?\b|^(?:i|we)(?: really)? (?:want|would like|'d like|need) to (?:be )?(?:pinged|notified|mentioned|told|paged|alerted|tagged)\b.*\b(?:alerts?|anomal\w*|incidents?)\b|\bkeep (?:me|us) (?:posted|in the loop|updated) (?:on|about)\b.*\balerts?\b`,
);
// "Notify me about db-1 alerts", "mention me on disk alerts", "ping me for critical alerts on api-1".
// ("Tell me about the last critical alert" asks what it was: "tell" subscribes only with "when", below.)
const ABOUT = new RegExp(
  String.raw`${LEAD}(?:notify|ping|page|alert|message|mention|dm|cc|tag|include)\s+(?:me|us)\b(?:\s+(?:about|on|of|for|to|in|with))?.*\b(?:alerts?|anomal\w*|incidents?|pages?)\b`,
);
// "Notify me about db-1", "ping me about everything on the api hosts": a host (or hosts) named and nothing else.
const ABOUT_HOST = new RegExp(
  String.raw`${LEAD}(?:notify|ping|mention|alert|tag|cc)\s+(?:me|us)\s+(?:about|on|of|for)\s+(?:(?:everything|anything|all)\s+(?:on|about|for|from|with)\s+)?(?:the\s+)?[\w.-]+(?:\s+hosts?)?(?:\s+(?:and|,)\s+[\w.-]+)*(\s+(?:alerts?\s+)?[a-z]+)?\s*[?.!]*$`,
);
// A word after the hosts is their metric ("notify me about db-1 cpu"), or it is no subscription ("… tomorrow").
const aboutHost = (text: string, metric: boolean) => {
  const m = ABOUT_HOST.exec(text);
  return Boolean(m) && (!m![1] || metric);
};
// "Tell me when db-1 alerts", "let me know whenever api-1 fires", "page me every time disk goes off".
const WHENEVER = new RegExp(
  String.raw`${LEAD}(?:notify|tell|ping|page|alert|message|mention|dm|let)\s+(?:me|us)\b(?:\s+know)?.*\b(?:when(?:ever)?|if|each time|every time|any time|anytime)\b.*\b(?:alerts?|fires?|firing|pages?|goes off|go off|alarms?|has an? (?:alert|anomaly|incident)|opens?|(?:goes|is|becomes|turns|gets) (?:critical|red)|(?:anything|something)(?: critical| serious| bad| big)? (?:happens|breaks|goes wrong|fails|comes up)|(?:gets|getting) worse|worsens|degrades|breaks)\b`,
);
// Said of an alert ending, it is a watch ("tell me when web-1 stops alerting").
const ENDING = /\b(?:recover\w*|resolve[sd]?|stops?|clears?|cleared|calms?|settles?|back to normal|all clear|is quiet|is fine|is ok)\b/;
// "Tell me when db-1 alerts about cpu above 90%": a line is a watch's, not a subscription's.
const LINE = /\b(?:above|below|over|under|exceeds?|drops?|reaches?|hits?|goes (?:above|below|over|under))\b|\d\s*%/;
const UNSUBSCRIBE =
  /^(?:please\s+)?(?:unsubscribe|unfollow)\b|\bstop (?:following|mentioning me|tagging me)\b|\b(?:remove|cancel|delete|drop|end)\s+(?:my|the|all my|that)\s+subscriptions?\b|^(?:please\s+)?(?:cancel|remove|delete|drop|end)\s+su_[a-z0-9]+\b/;
const LIST =
  /\bmy subscriptions\b|\b(?:list|show)(?: the| all)? subscriptions\b|^subscriptions\??$|\bwhat (?:am i|are we) (?:subscribed to|following)\b|\bwhat (?:did|have) (?:i|we) (?:subscribe[sd]? to|follow(?:ed)?)\b|\bwho (?:follows|is following|is subscribed to|gets mentioned (?:for|on))\b/;
const SEVERITY = /\b(critical|crit|warnings?|warn)\b/;

/**
 * "Notify me about db-1 alerts", "subscribe me to critical alerts", "follow the api": every new alert
 * that matches mentions the asker where it is posted (subscriptions.ts); "unfollow db-1", "my
 * subscriptions". Pure; undefined when the text is none of these.
 */
export function subscriptionCommand(
  text: string,
  o: {
    target?: string | undefined;
    named: string[];
    metric?: MetricKey | undefined;
    unknownTarget?: string | undefined;
    su?: string | undefined;
  },
): Intent | undefined {
  if (UNSUBSCRIBE.test(text))
    return { kind: 'unsubscribe', ...(o.su ? { id: o.su } : {}), ...(o.named.length ? { targets: o.named } : {}) };
  if (LIST.test(text)) return { kind: 'subscriptions', ...(o.named.length ? { targets: o.named } : {}) };
  const asked =
    SUBSCRIBE.test(text) ||
    ABOUT.test(text) ||
    (o.named.length > 0 && aboutHost(text, Boolean(o.metric))) ||
    (WHENEVER.test(text) && !ENDING.test(text) && !LINE.test(text));
  if (!asked) return undefined;
  const sev = SEVERITY.exec(text)?.[1];
  const ms = new RegExp(String.raw`\bfor\s+(${LENGTH})\b`).exec(text);
  return {
    kind: 'subscribe',
    ...(o.named.length ? { targets: o.named } : {}),
    ...(o.metric ? { metric: o.metric } : {}),
    ...(sev ? { severity: sev.startsWith('crit') ? ('critical' as const) : ('warning' as const) } : {}),
    ...(o.unknownTarget && !o.named.length ? { unknownTarget: o.unknownTarget } : {}),
    ...(ms && lengthMs(ms[1]!) ? { forMs: lengthMs(ms[1]!)! } : {}),
  };
}
