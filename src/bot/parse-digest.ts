import type { TimeSpan } from './parse-time-span.js';
import { NOW, ONE_STATE, OPEN_NOW, RESOLVED, SHARE_ASKED } from './intent-words.js';
import { parseDuration } from './text-tools.js';
import { RESOLVED_ALONE } from './parse-history.js';
import { NOT_ACKED, TAKES } from './ack-phrases.js';

// "Summarise today", "recap of yesterday", "daily digest", "weekly report", "shift handover", "sitrep", "send me a report".
const DIGEST =
  /\b(?:summari[sz]e|summary|recap|digest|rundown|round-?up|sitrep|briefing)\b|\btl;?\s?dr\b(?=.*\b(?:last|past|since|today|yesterday|this|overnight|night|week|morning|hour)\b)|\bbrief (?:me|us)\b|\b(?:daily|weekly|monthly|morning|nightly|shift|on-?call)\s+(?:report|update)\b|\bhand-?(?:over|off)\b|\b(?:send|give|get|show|generate|write|make|prepare|post)\s+(?:me |us )?(?:an? |the )?(?:status |quick |short |full |today's |daily |weekly )?report\b/;
const WEEK = 7 * 86_400_000;
// The weekend just gone, as a window: Friday evening to now is near enough for "how was the weekend?" on a Monday.
const WEEKEND_MS = 3 * 86_400_000;
const HOW_WAS =
  /^(?:so\s+|and\s+)?how(?:'s| was| did| has| is| were)\s+(?:the |last |this |our |my |your )?(night|overnight|weekend|day|shift|week|yesterday|today)\b(?:\s+(?:go|gone|been|look|looking))?(?:\s+(?:on|for|with|at)\s+(?:the\s+)?[\w.-]+)?[\s?!.]*$/;
const HOW_DID =
  /^(?:so\s+|and\s+)?how (?:did|has|have|was|were) (?:the fleet|the hosts|the servers|we|things|everything|prod|production)(?: been)?\s+(?:do|done|doing|go|gone|going|look|looking|been|hold(?:ing)? up|held up|fare|fared)\b/;
/** "Anything I should know before my shift?", "brief me for my shift": the handover, not when the shift is. */
export const BEFORE_SHIFT =
  /\b(?:know|aware of|read|see)\b.*\bbefore (?:my|the|our|i start(?: my)?|starting(?: my)?) (?:shift|on-?call)\b|\b(?:brief|briefing|prep|prepare|get) (?:me |us )?(?:ready )?(?:for|before) (?:my |the |our )?(?:shift|on-?call)\b|\b(?:worry|worried|concerned|know|be aware|watch out)\b.*\b(?:tonight|overnight|over ?night|this weekend|over the weekend)\b|\b(?:starting|beginning) (?:my |the |our )?(?:shift|on-?call)\b|\b(?:going|signing|logging|clocking|heading) off (?:shift|on-?call|duty)\b|\b(?:anything|something|what) to hand ?over\b|\b(?:next|incoming|new|following) (?:on-?call|shift|responder|person on call)\b.*\b(?:know|aware|briefed|brief)\b/;
const SHIFT = new RegExp(
  String.raw`\bhand-?(?:over|off)\b|\b(?:shift|on-?call)\s+(?:report|update|summary|notes?)\b|\bend of (?:my |the )?shift\b|\bbriefing\b|\bbrief (?:me|us)\b|` +
    BEFORE_SHIFT.source,
);
const MY_SHIFT =
  /\b(?:during|in|of|over|for|from|on|since) my (?:last|previous|latest) (?:on[\s-]?call )?shift\b|\bmy (?:last|previous) (?:on[\s-]?call )?shift(?:'s)? (?:summary|digest|report|recap|notes|review)\b/;
// "Catch me up", "what did I miss?", "what changed since yesterday?": a digest since then, the last day by default.
const CATCH_UP =
  /^(?:ok,?\s+|so,?\s+)?(?:i'?m|i am|we'?re|we are) back\b|^back (?:online|from (?:lunch|a break|my break|holiday|vacation|leave|pto))\b|\b(?:catch (?:me|us) up|bring (?:me|us) up to speed|what did (?:i|we) miss|what(?:'s| has| have)? changed|anything (?:new|changed) since|diff(?:erence)? since|since (?:i|we) (?:left|logged off|was away|were away)|while (?:i|we) (?:was|were) (?:away|out|off|gone|at lunch|at (?:a|the) meeting|in (?:a|the) meeting|asleep|sleeping|offline|on (?:a )?break|on leave|on holiday|on vacation))\b/;
const AWAY_FOR =
  /\b(?:out|away|off|gone|offline|afk|in (?:a )?meetings?|at lunch|asleep)\s+for\s+(?:the\s+(?:last|past)\s+)?(?:\d+(?:\.\d+)?|an?|half an?)\s*(?:minutes?|mins?|m|hours?|hrs?|h|days?|d)\b/;
// "What's new since I last asked?", "anything new?", "what's new?": since the asker's previous question.
const SINCE_PREVIOUS = /\bsince (?:i|we) (?:last )?(?:asked|spoke)\b|\bsince (?:my|our) (?:last )?(?:message|question|ask)\b/;
const SINCE_ASKED = new RegExp(
  `${SINCE_PREVIOUS.source}|\\bsince (?:i|we) (?:last )?(?:checked|looked|was here|were here)\\b|^(?:so |ok |and )?(?:anything new|what(?:'s| is) new|whats new)\\b`,
);

/**
 * Whether an anomaly question asks for a digest (answer-digest.ts), and of what span: the one named,
 * the last 7 days for "weekly", else none (the caller's today). Undefined for no digest, and for a
 * count asked for ("summarise the last 3 anomalies") or the open ones ("summary of open alerts"),
 * which stay lists.
 */
export function digestOf(
  text: string,
  o: { span: TimeSpan | undefined; counted: boolean; open: boolean },
): { span?: TimeSpan; shift?: true | 'mine'; sinceAsked?: 'away' | 'previous' } | undefined {
  // "What happened during my last shift?", "summary of my previous shift": the asker's last stretch on call that ended.
  if (MY_SHIFT.test(text) && !o.counted && !o.span) return { shift: 'mine' };
  // "How was the night?", "how did the shift go?", "how was yesterday?": a digest of that time.
  const how = HOW_WAS.exec(text)?.[1];
  if (how && !o.counted) {
    if (o.span) return { span: o.span };
    if (how === 'shift') return { shift: true };
    if (how === 'night' || how === 'overnight')
      return { span: { kind: 'range', from: { minute: 22 * 60, day: { daysBack: 1 } }, until: { minute: 6 * 60, day: { daysBack: 0 } } } };
    if (how === 'week') return { span: { kind: 'last', ms: WEEK } };
    if (how === 'weekend') return { span: { kind: 'last', ms: WEEKEND_MS } };
    return { span: { kind: 'day', daysBack: how === 'yesterday' ? 1 : 0 } };
  }
  // "How did the fleet do last night?", "how have things been today?": a digest of that time, today if none is said.
  if (HOW_DID.test(text) && !o.counted) return o.span ? { span: o.span } : {};
  const sinceAsked = SINCE_ASKED.test(text);
  const catchUp = CATCH_UP.test(text) || sinceAsked;
  // "I was out for 2 hours, what did I miss?": that long back (the number is the absence's, not a count).
  const away = catchUp ? AWAY_FOR.exec(text) : null;
  const awayMs = away ? parseDuration(away[0]) : undefined;
  if (awayMs) return { span: { kind: 'last', ms: Math.min(awayMs, 30 * 86_400_000) } };
  if ((!DIGEST.test(text) && !catchUp && !BEFORE_SHIFT.test(text)) || o.counted || o.open) return undefined;
  if (o.span) return { span: o.span };
  // "Summary of the night shift": the night (22:00 to 06:00), as "how was the night?" reads it.
  if (/\b(?:night|overnight|graveyard) shift\b/.test(text))
    return { span: { kind: 'range', from: { minute: 22 * 60, day: { daysBack: 1 } }, until: { minute: 6 * 60, day: { daysBack: 0 } } } };
  // "Handover notes", "shift report", "morning briefing": the on-call shift, not the UTC day (answer-anomalies.ts).
  if (SHIFT.test(text)) return { shift: true };
  // The last day, or since the asker's previous question when the answer knows it.
  // "While I was at lunch": since the asker was last here, or else since lunch began (12:00, as "at lunchtime" reads), not the whole last day.
  if (catchUp && /\bat lunch\b/.test(text)) return { span: { kind: 'range', from: { minute: 12 * 60 } }, sinceAsked: 'away' };
  if (catchUp)
    return {
      span: { kind: 'last', ms: 86_400_000 },
      sinceAsked: SINCE_PREVIOUS.test(text) ? 'previous' : 'away',
    };
  return /\bweekly\b/.test(text)
    ? { span: { kind: 'last', ms: WEEK } }
    : /\bmonthly\b/.test(text)
      ? { span: { kind: 'last', ms: 30 * 86_400_000 } }
      : {};
}

/** "My alerts", "which alerts did I ack?", "acked by me", "what am I on?": those the asker acknowledged. */
export const MINE =
  /\b(?:did i|have i|i(?:'ve| have)?)\s+(?:ack(?:ed)?|acknowledged?|take|took|taken|handle|handled)\b|\b(?:acked|acknowledged|taken|handled) by me\b|\bmy (?:open |current )?(?:alerts?|anomal\w*|incidents?|pages?)\b|\bam i (?:on|handling|working on)\b/;

/**
 * Which anomalies of a list are asked for by state. "Resolved alerts today": only those that ended;
 * "not resolved yet" (or "open", "right now": `openAsked`) the open ones. "Unacknowledged alerts",
 * "acked alerts today": only those nobody has, or somebody has, taken on. `timeSaid`: a span or "today" was said.
 */
export function stateAsked(
  text: string,
  o: { open: boolean; span: TimeSpan | undefined; digest: boolean; timeSaid: boolean },
): { resolved?: true; open?: true; acked?: boolean; mine?: true } {
  // "Open", or with no time said "now" (not in a digest) or "right now".
  const openAsked = o.open || (!o.span && ((!o.digest && NOW.test(text)) || OPEN_NOW.test(text)));
  const { timeSaid } = o;
  // "What am I on?", "my open alerts": taken on by the asker and still open; "which did I ack today?" any.
  // "Did anything resolve on its own?", "which alerts cleared without anyone acking?": ended, and nobody took them on.
  if (RESOLVED_ALONE.test(text)) return { resolved: true, acked: false };
  // "How long do alerts take to get acked?": the word is the time asked for, not a filter.
  if (ONE_STATE.test(text) || TAKES.test(text)) return {};
  if (MINE.test(text))
    return { acked: true, mine: true, ...(/\bam i\b|\bmy (?:open|current)\b/.test(text) && !RESOLVED.test(text) ? { open: true } : {}) };
  const state = RESOLVED.test(text)
    ? { resolved: true as const }
    : openAsked ||
        /\bnot (?:yet )?(?:resolved|closed|cleared)\b|\b(?:is|are) (?:the |that |this )?(?:[\w-]+ ){0,3}?(?:alerts?|anomal\w*|incidents?) (?:resolving|clearing|recovering|going away|winding down)\b/.test(
          text,
        )
      ? { open: true as const }
      : {};
  const acked = new RegExp(
    String.raw`\bun(?:acked|acknowledged)\b|${NOT_ACKED}|\bnever (?:been )?(?:acked|acknowledged)\b|\b(?:nobody|no one|noone) (?:has |had |have )?(?:yet )?(?:looked at|touched|handled|picked up|responded to|taken)\b|\b(?:nobody|no one|noone|no-one|never) (?:has |had |have )?(?:yet )?(?:acked|acknowledged|ack'd)\b|\bwithout (?:an? )?(?:ack|acknowledge?ment)\b`,
  ).test(text)
    ? { acked: false }
    : /\b(?:acked|acknowledged)\b/.test(text) && !SHARE_ASKED.test(text)
      ? { acked: true }
      : {};
  // "Any alerts unowned?", "unclaimed alerts": open ones nobody has taken on.
  if (
    /\bun(?:owned|claimed|assigned)\b|\b(?:nobody|no one) (?:owns|has claimed)\b|\b(?:without an?|with no|have no|has no) owners?\b|\bnot (?:owned|claimed|assigned)\b/.test(
      text,
    ) &&
    !('resolved' in state)
  )
    return { open: true, acked: false };
  // "Which alerts are unacknowledged?" with no time said is about now: the open ones (an ended one needs no taker);
  // "unacked alerts today", "which were never acknowledged?" keep every state.
  if (
    acked.acked === false &&
    !timeSaid &&
    !('resolved' in state) &&
    new RegExp(String.raw`\bun(?:acked|acknowledged)\b|${NOT_ACKED}`).test(text) &&
    // "Haven't been acked" is now; "weren't acked", "didn't get acked" and "never acked" are of any time.
    !/\b(?:was|were|wasn'?t|weren'?t|had|did|didn'?t|ever|never)\b/.test(text.replace(/\b(?:have|has)(?: not|n'?t)? (?:yet )?been\b/g, ' '))
  )
    return { open: true, acked: false };
  return { ...state, ...acked };
}

/** A digest's fields on an anomaly question: the shift or the time since the asker last asked, where said. */
export function digestFields(
  d: NonNullable<ReturnType<typeof digestOf>>,
  text = '',
): {
  digest: true;
  shift?: true | 'mine';
  sinceAsked?: 'away' | 'previous';
  changed?: true;
} {
  return {
    digest: true,
    ...(d.shift ? { shift: d.shift } : {}),
    ...(d.sinceAsked ? { sinceAsked: d.sinceAsked } : {}),
    // "What changed on api-1 today?": the changes recorded lead the digest, not its last lines.
    ...(/\bwhat(?:'s| has| have)? changed\b|\bany changes\b/.test(text) ? { changed: true as const } : {}),
  };
}
