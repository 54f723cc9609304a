import type { Intent } from './intent.js';
import { findUntil } from './parse-clock.js';
import { parseDuration, SPOKEN_COUNT } from './text-tools.js';

const ON_CALL = String.raw`(?:the\s+)?(?:on[\s-]?call|pager)`;
// "I'm on call until 18:00", "I'll take on-call for 4h", "put me on call until tomorrow 09:00", "cover on-call for 2h".
const TAKE = new RegExp(
  String.raw`^(?:please\s+)?(?:i(?:'m| am)\s+(?:taking\s+(?:over\s+)?)?${ON_CALL}|i(?:'ll| will)\s+(?:take|cover|hold|be)\s+${ON_CALL}|(?:let me|put me)\s+(?:take\s+|on\s+|be\s+)?${ON_CALL}|(?:take|cover|hold)\s+${ON_CALL})\b`,
);
// "End my on-call cover", "hand on-call back", "I'm off call", "take me off call".
const RELEASE = new RegExp(
  String.raw`^(?:please\s+)?(?:(?:end|stop|drop|cancel|release)\s+(?:my\s+)?(?:on[\s-]?call\s+)?cover|(?:hand|give)\s+${ON_CALL}\s+back|i(?:'m| am)\s+(?:off|no longer on)\s+call|take\s+me\s+off\s+(?:the\s+)?(?:on[\s-]?call|call|pager))\b`,
);

// "Hand over on-call to bob", "give the pager to bob", "can bob take my shift?": moving a shift by one side's word.
const HANDOVER = new RegExp(
  String.raw`\b(?:hand(?:\s+over)?|give|pass|transfer|move|reassign)\s+(?:my\s+)?(?:${ON_CALL}|shift)\b.*\bto\b|\btake\s+(?:over\s+)?my\s+(?:${ON_CALL}\s+)?shift\b|\b(?:can|could|will) (?:someone|somebody|anyone|anybody) (?:cover|take over)\b|\b(?:covers?|covering) (?:for )?me\b|^(?:i(?:'m| am) )?hand(?:ing)?(?: it)? over to [a-z][\w.-]*[\s.!]*$|\bneed (?:someone to cover|cover|a cover)\b|\bi (?:can'?t|cannot|won'?t be able to|am unable to|'m unable to) (?:do|make|cover|take|work|be on) (?:my |the )?(?:next )?(?:shift|${ON_CALL})\b`,
);
// "Swap shifts with bob", "can I swap with bob?", "trade my next shift with alice for db": an offer the other accepts.
// "I'm going offline", "signing off": whether the asker holds the pager, and who does (the on-call answer).
const OFFLINE =
  /^(?:ok(?:ay)?[\s,]+)?(?:i(?:'m| am)\s+)?(?:going offline|signing off|logging off|heading out|off for the (?:day|night|weekend)|(?:going |coming )?off (?:shift|duty)|(?:done|finished) for the (?:day|night)|(?:that's |it's )?(?:the )?end of my shift|my shift is (?:over|done|ending)|(?:going|off|heading) (?:to|for) (?:lunch|a break|dinner|a meeting|the gym)|stepping (?:away|out)|afk|brb)\b/;
const SWAP_OFFER = new RegExp(
  String.raw`^(?:please\s+|can i\s+|could i\s+|can we\s+|i(?:'d| would) like to\s+|i want to\s+)?(?:swap|switch|trade|exchange)\s+(?:(?:my|our|the)\s+)?(?:next\s+)?(?:(?:on[\s-]?call\s+)?shifts?\s+|${ON_CALL}\s+)?with\s+([a-z][\w.-]*)`,
);
const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];
const SWAP_DAY = /\b(sun|mon|tues|wednes|thurs|fri|satur)day(?:'s)? shift\b|\bshift on (sun|mon|tues|wednes|thurs|fri|satur)day\b/;
const SWAP_ANSWER =
  /^(?:please\s+|i\s+)?(accept|approve|agree to|take|ok|decline|reject|refuse|turn down|cancel|withdraw|undo|revoke|call off)\s+(?:the\s+|that\s+|my\s+|this\s+|your\s+)?(?:shift\s+|on[\s-]?call\s+)?(?:swap\b|(?=sw_[a-z0-9]+\b))/;

/** Taking the pager from the rotation for a while, or handing it back; undefined for anything else (a question included). */
export function onCallCommand(
  text: string,
): Extract<Intent, { kind: 'on_call_cover' } | { kind: 'on_call_swap' } | { kind: 'bad_input' } | { kind: 'routing' }> | undefined {
  const swap = swapCommand(text);
  if (swap) return swap;
  // "I'm going off shift, anything to hand over?": the handover digest (parse-digest.ts), not who holds the pager.
  if (OFFLINE.test(text) && !/\bhand(?:ing)?[\s-]?(?:over|off)\b|\bneed to know\b|\bpass on\b/.test(text))
    return { kind: 'routing', onCall: true };
  if (HANDOVER.test(text))
    return {
      kind: 'bad_input',
      reason:
        'nothing changed: a shift moves only when the person taking it says so. They say "I\'m on call until 18:00" (a cover of the shift now; "end my on-call cover" hands it back), or you offer them a swap of your next shifts ("swap shifts with bob", which they accept). "Who is on call next week?" shows the order',
    };
  if (/\?\s*$/.test(text)) return undefined;
  if (RELEASE.test(text)) return { kind: 'on_call_cover', end: true };
  if (!TAKE.test(text)) return undefined;
  const until = findUntil(text);
  const durationMs = until ? undefined : parseDuration(text);
  const rotation = rotationWord(text);
  return { kind: 'on_call_cover', ...(until ? { until } : {}), ...(durationMs ? { durationMs } : {}), ...(rotation ? { rotation } : {}) };
}

/** "Swap shifts with bob" (an offer), "accept the swap", "decline sw_…", "cancel the swap". Pure. */
function swapCommand(text: string): Extract<Intent, { kind: 'on_call_swap' }> | undefined {
  const id = /\bsw_[a-z0-9]+\b/.exec(text)?.[0];
  const answer = SWAP_ANSWER.exec(text)?.[1];
  if (answer) {
    const action = /^(?:accept|approve|agree to|take|ok)$/.test(answer)
      ? 'accept'
      : /^(?:decline|reject|refuse|turn down)$/.test(answer)
        ? 'decline'
        : 'cancel';
    return { kind: 'on_call_swap', action, ...(id ? { id } : {}) };
  }
  // "Swap my friday shift with bob", "swap my shift on friday with bob": that day's shift, not the next one.
  const dayWord = SWAP_DAY.exec(text);
  const said = dayWord ? text.replace(dayWord[0], 'shift') : text;
  const offer = SWAP_OFFER.exec(said);
  if (!offer) return undefined;
  const rotation = rotationWord(said.slice(offer[0].length));
  const day = dayWord ? WEEKDAYS.indexOf((dayWord[1] ?? dayWord[2])!) : -1;
  return { kind: 'on_call_swap', action: 'offer', with: offer[1]!, ...(rotation ? { rotation } : {}), ...(day >= 0 ? { day } : {}) };
}

/**
 * "… on call for db until 18:00", "who is on call for the platform team?": a word that may name a
 * rotation; the answer checks it against chat.onCall (a person's name or "the next 2h" names none).
 */
export function rotationWord(text: string): string | undefined {
  const word = /\bfor (?:the )?([a-z][a-z0-9_-]*)\b(?! *\d)/.exec(text.replace(/\bfor (?:the )?(?:next|coming|following)\b/g, ''))?.[1];
  // "On call for two hours" is a length, not a rotation called "two".
  return word && !SPOKEN_COUNT.test(word) && word !== 'half' ? word : undefined;
}
