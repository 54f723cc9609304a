import type { Intent, MetricKey } from './intent.js';

/**
 * Phrases about what happened, matched on the whole question: what was done and who was told
 * about an alert, which hosts got better or worse, and whether a day was quiet. Pure.
 */
/** "Last time api-2 latency spiked, what did we do?", "how did we fix it last time?": the latest alert's timeline. */
export const WHAT_WE_DID =
  /\bwhat (?:did|have) (?:we|you|people|the team) (?:do|done)\b.*\b(?:last time|then|about it|about that)\b|\blast time\b.*\bwhat (?:did|have) (?:we|you|people) (?:do|done)\b|\bhow (?:did|have) (?:we|you) (?:fix|fixed|handle|handled|solve|solved|resolve|resolved)\b|\bwhat (?:was|has been) done (?:about|for|on)\b/;
/** "Who was notified about web-2?", "who got paged for db-1?": where its latest alert went and whom it pinged (the timeline). */
export const WHO_NOTIFIED =
  /\bwhy (?:didn'?t|did not|haven'?t|have not|wasn'?t|was not) (?:i|we|anyone|the team) (?:get|receive|see|been (?:sent|shown|pinged|paged))\b.*\b(?:alerts?|pages?|notifications?|messages?|pings?)\b|\bwhy (?:wasn'?t|weren'?t|was not|were not|didn'?t|did not|haven'?t|have not|hasn'?t|has not) (?:i|we|anyone|anybody|the team|the on-?call) (?:get |been )?(?:paged|pinged|notified|alerted|told|woken(?: up)?|called)\b|\bwhy (?:was|were) (?:i|we) not (?:paged|pinged|notified|alerted|told)\b|\b(?:did|was|has|have) (?:the |that |this )?(?:[\w-]+ ){0,3}?(?:alert|page) (?:go|get sent|gone|been sent|get posted|been posted|land|reach) (?:to|in|into|on) (?:slack|discord|the (?:web )?console|#[\w-]+)\b|\bwho (?:was|were|got|has been|have been|did (?:you|it|we)) (?:notified|pinged|alerted|told|paged|notify|ping|page|alert|tell)\b|\b(?:was|were|is|has|have)\b.*\b(?:posted|announced|delivered|sent out)\b|\bwhere (?:was|were|is|did)\b.*\b(?:posted|announced|sent|post|announce)\b|\bwhy (?:wasn'?t|weren'?t|was not|didn'?t|did not|isn'?t)\b.*\b(?:posted|announced|post|announce)\b|\bwhy (?:didn'?t|did not|doesn'?t|does not|hasn'?t|has not) (?:the |that |this |my )?(?:[\w-]+ ){0,3}?(?:alert|page|message|notification) (?:reach|get to|show up (?:in|on)|arrive (?:in|on)|land in|appear (?:in|on)) (?:slack|discord|the (?:web )?console|chat|#[\w-]+)\b/;
// "Which host improved the most since yesterday?", "what got worse since last week?": the change ranked one way.
export const IMPROVED = /\b(?:improved|got better|gotten better|better)\b.*\bmost\b|\bmost improved\b|\bimproved\b/;
export const WORSENED =
  /\b(?:got worse|gotten worse|worsened|deteriorated|degraded|regressed)\b|\bworse\b.*\bmost\b|\bmost (?:degraded|worsened)\b/;
/** "Is it quiet today?", "has it been a quiet night?", "how busy was the week?": the alert count against usual. */
export const QUIET_DAY =
  /\b(?:is|was|has|it's|it is) (?:it |today |the (?:night|day|week|shift) |tonight |everything |this week )?(?:been )?(?:an? )?(?:quiet|calm|busy|noisy|rough|hectic)(?: (?:night|day|week|shift|one))?\b(?!.*\b(?:hosts?|servers?|cpu|memory|disk)\b)|\bquiet (?:night|day|shift|week)\b|\bhow (?:busy|quiet|noisy|hectic) (?:is|was|has) (?:it|today|tonight|the (?:night|day|week|shift))\b/;
/**
 * "Has it been a quiet day?" asks about the day; "snooze web-1, it's noisy" is a silence with its reason, so a silence verb
 * first keeps it a command (but "quiet night?" leads with "quiet" and is still the question).
 */
export const quietDayAsked = (text: string, silenceLeads: boolean): boolean =>
  QUIET_DAY.test(text) && (!silenceLeads || /^quiet\b/.test(text));

// "Why wasn't I paged?", "why did nobody get pinged?": whether the alert pinged anyone leads its timeline.
const UNPINGED =
  /\bwhy (?:wasn'?t|weren'?t|was not|were not|didn'?t|did not|haven'?t|have not|hasn'?t|has not)\b.*\b(?:paged|pinged|notified|woken|page|ping|notify|mention\w*)\b|\bwhy (?:did )?(?:nobody|no one|noone) (?:get )?(?:paged|pinged|notified)\b/;

/** A timeline intent, marked when it asks why nobody was pinged. Pure. */
export const timelineOf = (
  text: string,
  o: { id?: string | undefined; target?: string | undefined; metric?: MetricKey | undefined },
): Extract<Intent, { kind: 'timeline' }> => ({ kind: 'timeline', ...o, ...(UNPINGED.test(text) ? { unpinged: true as const } : {}) });
