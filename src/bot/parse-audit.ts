import type { Intent } from './intent.js';
import type { TimeSpan } from './parse-time-span.js';

// "What did you do" is the bot's own actions (remediation history), not a person's.
const NOT_PERSON = new Set([
  'you',
  'the',
  'it',
  'that',
  'this',
  'smartcloudops',
  'bot',
  'we',
  'they',
  'he',
  'she',
  'people',
  'anyone',
  'everyone',
  'somebody',
  'someone',
]);
// "What did bob ack?", "how many alerts did bob ack this week?"
const DID =
  /\b(?:what|how many(?: [a-z]+){0,2}) (?:did|has|have) ([a-z0-9][a-z0-9._@-]*) (do|done|been doing|been up to|approved?|denied|deny|decided?|silenced?|muted?|acked|ack|acknowledged?|handled?|take on|took on|respond(?:ed)? to|pick(?:ed)? up|escalated?|requested|request|asked for|cancel(?:l?ed)?)\b/;
// The verb asked narrows the lines to those that start with its past form ("what did alice approve?").
const VERB: Record<string, string[]> = {
  approve: ['approved'],
  approved: ['approved'],
  deny: ['denied'],
  denied: ['denied'],
  decide: ['approved', 'denied'],
  decided: ['approved', 'denied'],
  silence: ['silenced'],
  silenced: ['silenced'],
  mute: ['silenced'],
  muted: ['silenced'],
  ack: ['acknowledged'],
  acked: ['acknowledged'],
  acknowledge: ['acknowledged'],
  acknowledged: ['acknowledged'],
  // "How many alerts did alice handle?": taking an alert on is acknowledging it.
  handle: ['acknowledged'],
  handled: ['acknowledged'],
  'take on': ['acknowledged'],
  'took on': ['acknowledged'],
  'respond to': ['acknowledged'],
  'responded to': ['acknowledged'],
  'pick up': ['acknowledged'],
  'picked up': ['acknowledged'],
  escalate: ['escalated'],
  escalated: ['escalated'],
  request: ['requested'],
  requested: ['requested'],
  'asked for': ['requested'],
  cancel: ['cancelled'],
  canceled: ['cancelled'],
  cancelled: ['cancelled'],
};
const BY = /\b(?:actions?|changes?|activity|things) (?:taken |made |done )?by ([a-z0-9][a-z0-9._@:-]*)\b/;
const LOG =
  /\baudit(?:\s+(?:log|trail))?\b|\b(?:activity|action) (?:log|feed|history)\b|\bwho did what\b|\bwho (?:touched|did anything (?:to|on|with)|has been (?:on|in|at))\b|\bwhat (?:did|have) people (?:do|done)\b|\bwho (?:escalated|paged|pinged)\b/;

/**
 * "Show me the audit log", "who did what today?", "what did operator do?", "what have I done?",
 * "who touched db-1 this week?": what people did, from the records. Pure.
 */
// "Show notes on api-2", "any notes about db-1?": the notes left there; "who's been working on api-2?": who did what there.
const NOTES =
  /\b(?:notes?|comments?|annotations?) (?:on|for|about|left on)\b|\b(?:show|list|any|all|the|recent|latest|today'?s) notes\b|\b(?:what|which|any) (?:notes|comments) (?:are|were|is|was|have been|got) (?:there|left|added|written|made|posted)\b|^notes\b|\bwho (?:wrote|left|added|posted|made) (?:the )?(?:most )?(?:notes|comments)\b/;
const ESCALATED =
  /\bwho (?:escalated|paged|pinged)\b|\bhow many escalations\b|\b(?:any|the|list|show) escalations\b|\b(?:did|has|have|was|were) (?:anything|any alerts?|something|an alert) (?:get |been )?escalated\b|^escalations\b|\bescalated (?:alerts?|anomal\w*|incidents?)\b|\b(?:alerts?|anomal\w*) (?:that |which )?(?:were |got |have been )?escalated\b/;
const WORKED = /\bwho(?:'s| has| have| had)? been (?:working on|looking at|handling|on|touching|dealing with)\b/;

// "Notes by alice", "what did alice say about web-1?": of what people say, only their notes are kept.
const NOTED_BY =
  /\b(?:notes?|comments?) (?:by|from) ([a-z][\w.@:-]*)\b|\bwhat (?:did|has|have) ([a-z][\w.@:-]*) (?:say|said|note|noted|write|written|comment(?:ed)?|post(?:ed)?)\b/;

export function auditQuestion(text: string, o: { target?: string | undefined; span?: TimeSpan | undefined }): Intent | undefined {
  const by = NOTED_BY.exec(text);
  const writer = by ? (by[1] ?? by[2])! : undefined;
  // "Notes from today", "notes from last week": a time, not a person.
  const when = /^(?:today|yesterday|tonight|this|last|the|earlier|recently|now|before|since|mon|tues|wednes|thurs|fri|satur|sun)(?:day)?$/;
  const author = writer && !NOT_PERSON.has(writer) && !when.test(writer) && writer !== o.target ? writer : undefined;
  if ((NOTES.test(text) || author) && !/^(?:please\s+)?(?:add|leave|post|put|write|note)\b/.test(text))
    return {
      kind: 'audit',
      ...(author === 'i' || author === 'me' ? { me: true } : author ? { actor: author } : {}),
      ...(o.target ? { target: o.target } : {}),
      span: o.span ?? { kind: 'last', ms: 7 * 86_400_000 },
      verbs: ['noted'],
    };
  if (WORKED.test(text)) return { kind: 'audit', ...(o.target ? { target: o.target } : {}), ...(o.span ? { span: o.span } : {}) };
  // "Who escalated today?", "how many escalations?", "did anything get escalated?": the escalations people asked for.
  // "Who acked what today?": the acknowledgements, by whom.
  if (/\bwho (?:acked|acknowledged|took on|handled|picked up) what\b/.test(text))
    return { kind: 'audit', ...(o.target ? { target: o.target } : {}), ...(o.span ? { span: o.span } : {}), verbs: ['acknowledged'] };
  if (ESCALATED.test(text))
    return { kind: 'audit', ...(o.target ? { target: o.target } : {}), ...(o.span ? { span: o.span } : {}), verbs: ['escalated'] };
  const found = DID.exec(text);
  const did = found?.[1] ?? BY.exec(text)?.[1];
  const verbs = found ? VERB[found[2]!] : undefined;
  // "What did web-1 do today?" asks about the host, not a person.
  const person = did && !NOT_PERSON.has(did) && did !== o.target ? did : undefined;
  if (!person && !LOG.test(text)) return undefined;
  const me = person === 'i' || person === 'me';
  return {
    kind: 'audit',
    ...(me ? { me: true } : person ? { actor: person } : {}),
    ...(o.target ? { target: o.target } : {}),
    ...(o.span ? { span: o.span } : {}),
    ...(verbs ? { verbs } : {}),
  };
}
