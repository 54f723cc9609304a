/** What the bot answers without an LLM, as examples: the reply to "help" and under the no-LLM notice. */
export const HELP = [
  'I answer from the live data. Try:',
  '• "what\'s current CPU?", "cpu on web-1", "memory of the db", "disk", "how is api-2 doing"',
  '• "cpu on web-1 an hour ago", "cpu on web-1 at 10:00" (UTC), "peak memory on db-1 over the last 6h", "p95 latency today", "api-1 latency percentiles", "how variable is db-1 memory?"',
  '• "when did web-1 cpu last exceed 80%?", "how long was db-1 above 50% disk today?", "which hosts had cpu above 90% today?"',
  '• "which host had the highest cpu today", "the busiest hour yesterday", "free disk on db-1", "what was firing at 03:00", "why is cpu high on web-1?"',
  '• "is disk filling up on db-1?", "memory trend over the last 24h", "when will db-1 run out of space?", "graph cpu on web-1", "capacity outlook", "which hosts are idle?"',
  '• "cpu on web-1 vs yesterday", "is memory higher than last week?" (today so far against the same hours)',
  '• "alerts this week vs last week", "more alerts than yesterday?", "more incidents than usual?" (counts only over time I was watching)',
  '• "anything wrong?", "anything about to fire?", "summarise the last 3 anomalies", "open incidents", "anomalies today", "alerts per host per day", "what happened on web-1", "explain an_…"',
  '• "why is there no alert for web-1 cpu?", "is db-1 memory unusual?", "why didn\'t web-2 alert?": each detector\'s own reason; "has this happened before?"',
  '• "status", "pending approvals", "remediation history", "what thresholds are set?", "suggest better thresholds", "which rules propose restarts?", "who can approve?"',
  '• "who approved the last restart?", "failed remediations this week", "what ran automatically today?", "how many scale-ups today?", "MTTR this week"',
  '• "audit log", "who did what today?", "what did alice do?", "who touched db-1 this week?", "what have I done?", "what did I ask earlier?"',
  '• "total network in", "how much data did web-1 send today?"',
  '• "when did web-2 last report?", "which hosts are down?", "resolved alerts today", "what do you monitor?", "are the sources ok?", "send a test alert", "show times in Europe/Berlin"',
  '• "inventory", "what region is db-1 in?", "ip of api-2", "which host is i-0a1b…?", "cpu in us-east-1"',
  '• "does cpu correlate with latency on api-1?", "is cpu higher at night?", "is web-1 cpu normal for this time of day?", "what\'s different about web-2?", "which tier is busiest?"',
  '• "what\'s the error budget?", "how is api-latency doing?", "how many nines last week?", "which SLO is closest to breaching?", "did we meet the SLO yesterday?" (config slos)',
  '• "which rule never fires?", "is the forecast rule useful?", "what\'s the false positive rate?", "handover notes", "how was the night?", "status update for stakeholders"',
  '• "what changed the most in the last hour?", "did anything flatline?", "when will web-1 disk reach 90%?", "alerts outside business hours this week", "how long do approvals take?"',
  '• "is the scale up on web-2 done?", "which host recovers fastest?", "first alert today", "how close is web-1 to alerting?", "hosts with disk between 40 and 60%", "cpu on all hosts except db-1"',
  '• "approve rp_…", "deny rp_…", "approve the scale up on web-2", or "approve" in an alert\'s thread (approvers only)',
  '• "restart app on web-1", "scale up web-2", "clean up the disk on db-1": a request, as remediation.rules allow it, that an approver approves; "cancel rp_…" takes it back',
  '• "snooze web-1 cpu for 30m", "snooze db-1 until 15:00", "mute db-1 from 22:00 to 23:00", "mute everything for 1h", "silences", "unsnooze web-1", "extend sl_… by 1h"; to stop an alert for good, change its rule in config ("what thresholds are set?", "suggest better thresholds")',
  '• "ack web-1", "ack an_…" or "ack all" (I have it: no reminders), "unack web-1", "what am I on?", "who acked the last alert?", "escalate web-1" (pings chat.escalate.mentions now), "page bob about web-1", "who is on call?", "who\'s on call on the 12th?", "who has been on call the most?", "I\'m on call until 18:00"',
  '• "timeline an_…" (or "timeline" in an alert\'s thread): what happened and who did what',
  '• "declare an incident: checkout is down", "incident update: …", "I\'ll take command", "resolve the incident", "incident status" (posted in the alert channels)',
  '• "notify me about db-1 alerts", "subscribe me to critical alerts" (a mention on each new alert that matches, Slack and Discord), "my subscriptions", "unfollow db-1"',
  '• "tell me when web-1 recovers", "ping me when cpu on db-1 stays below 50% for 10 min", "remind me in 30m to check web-1", "my watches", "stop watching web-1"',
  '• "this alert is noise" or "it\'s a real issue" in an alert\'s thread, "mark an_… as a false positive", "how many false positives this week?"',
  '• "note an_…: restarted nginx by hand" (or "note: …" in an alert\'s thread): kept on its timeline',
  '• "deployed v2.3 to api-1", "change on db-1: raised max_connections": recorded and named on the alerts of the hour after; "recent changes"',
].join('\n');

/** "You're wrong", "that's not what I asked": how to ask so that I read it, and how to mark an alert that was wrong. */
export const WRONG_REPLY =
  'Sorry. Say it another way, naming what you mean: the host, the metric and the time ("cpu on web-1 since 09:00"); "help" lists what I answer. If an alert was wrong, "this alert is noise" in its thread marks it, and "what\'s the false positive rate?" counts those marks.';

// A topic as people name it, and the words of the help lines about it.
const TOPICS: readonly (readonly [RegExp, RegExp])[] = [
  [/^(?:un)?(?:silenc|snooz|mut|quiet|maintenanc)/, /\b(?:snooze|mute|silences?|unsnooze|maintenance)\b/],
  [
    /^(?:un)?(?:watch|remind|notif|ping)|^stop watching/,
    /\bwatch(?:es)?\b|\bstop watching\b|\b(?:remind|tell me when|ping me|notify me)\b/,
  ],
  [/^(?:approv|deny|proposal|pending)/, /\b(?:approv\w*|deny|pending)\b/],
  [/^(?:on-?call|shift|pag|escalat|rota)/, /\b(?:on[\s-]?call|shift|page|escalat\w*|handover)\b/],
  [/^(?:incident|outage)/, /\bincidents?\b/],
  [/^(?:remediat|restart|scal|clean|action)/, /\b(?:restart\w*|scale\w*|clean\w*|remediation\w*)\b/],
  [/^(?:un)?(?:ack|alert|anomal)/, /\b(?:ack\w*|alerts?|anomal\w*)\b/],
  [/^(?:trend|forecast|capacity|fill)/, /\b(?:trend|filling|capacity|reach|run out|idle)\b/],
  [/^(?:un)?(?:subscri|follow)/, /\b(?:subscri\w*|follow|unfollow)\b/],
  [/^(?:threshold|rule|tun)/, /\b(?:thresholds?|rules?)\b/],
  [/^(?:change|deploy)/, /\b(?:deployed|changes?)\b/],
  [/^(?:feedback|noise|false)/, /\b(?:noise|false positives?)\b/],
  [/^(?:slo|sla|sli|error|budget|nines|burn)/, /\b(?:error budget|slos?|nines|burn)\b/],
];

/**
 * "Help silences", "examples for watches", "help with approvals": the help lines about that topic
 * (all of them when the topic matches none). Pure.
 */
export function helpFor(topic: string | undefined): string {
  const t = topic?.toLowerCase();
  // A word no topic has ("help network"): the lines with that word in them.
  const words = t ? (TOPICS.find(([said]) => said.test(t))?.[1] ?? new RegExp(`\\b${t.replace(/[^a-z-]/g, '')}`)) : undefined;
  const lines = words ? HELP.split('\n').filter((l) => l.startsWith('•') && words.test(l)) : [];
  if (!lines.length) return t ? `Nothing in the help is about "${t.slice(0, 40)}"; everything I answer:\n${HELP}` : HELP;
  return [`About ${t}, try:`, ...lines, '"help" lists everything.'].join('\n');
}

/** "Help silences", "examples for watches", "help with approvals": the topic named, if any. Pure. */
export function helpTopic(text: string): { topic?: string } {
  const m = /^(?:help|examples?|usage)\s+(?:(?:with|on|for|about|of)\s+)?(?:the\s+)?([a-z][a-z-]{2,30})\b/.exec(text);
  if (m && !/^(?:me|us|please|pls)$/.test(m[1]!)) return { topic: m[1]! };
  // "How do I silence an alert?": the help lines of what the verb is about, when a topic has it.
  const verb = /^how (?:do|can) (?:i|we) ((?:stop )?[a-z]{3,20})\b/.exec(text)?.[1];
  return verb && TOPICS.some(([said]) => said.test(verb)) ? { topic: verb } : {};
}

// Words of a question that say nothing about what it asks.
const COMMON = new Set(
  'what whats with that this have about show tell give please there their your from does which when where would could should know about into just like make need want some much many more than then them they were been being here also only over very really'.split(
    ' ',
  ),
);

/**
 * The reply to a question not understood, with no LLM to ask: the help lines that share a word with it (the five that share
 * the most), else the commonest questions, and how to see everything. Not the whole help: in a channel, 4,000 characters
 * on every miss buries the conversation, and Discord cuts a message at 2,000. Pure.
 */
export function notUnderstood(said: string, note: string): string {
  const words = [...new Set((typeof said === 'string' ? said.toLowerCase() : '').match(/[a-z][a-z-]{3,}/g) ?? [])].filter(
    (w) => !COMMON.has(w),
  );
  const bullets = HELP.split('\n').filter((l) => l.startsWith('•'));
  const hits = bullets
    .map((l, k) => ({ l, k, n: words.filter((w) => new RegExp(`\\b${w.replace(/-/g, '\\-')}`, 'i').test(l)).length }))
    .filter((x) => x.n > 0)
    .sort((a, z) => z.n - a.n || a.k - z.k)
    .slice(0, 5)
    .sort((a, z) => a.k - z.k)
    .map((x) => x.l);
  const lines = hits.length ? ['Closest in what I answer:', ...hits] : ['The commonest questions:', ...bullets.slice(0, 4)];
  return [
    note,
    ...lines,
    `"help" lists all ${bullets.length} kinds of question I answer; "help silences", "help on-call" … one topic.`,
  ].join('\n');
}
