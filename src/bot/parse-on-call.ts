import type { Intent } from './intent.js';
import { findUntil } from './parse-clock.js';
import { parseDuration } from './text-tools.js';

const ON_CALL = String.raw`(?:the\s+)?(?:on[\s-]?call|pager)`;
// "I'm on call until 18:00", "I'll take on-call for 4h", "put me on call until tomorrow 09:00", "cover on-call for 2h".
const TAKE = new RegExp(
  String.raw`^(?:please\s+)?(?:i(?:'m| am)\s+(?:taking\s+)?${ON_CALL}|i(?:'ll| will)\s+(?:take|cover|hold|be)\s+${ON_CALL}|(?:let me|put me)\s+(?:take\s+|on\s+|be\s+)?${ON_CALL}|(?:take|cover|hold)\s+${ON_CALL})\b`,
);
// "End my on-call cover", "hand on-call back", "I'm off call".
const RELEASE = new RegExp(
  String.raw`^(?:please\s+)?(?:(?:end|stop|drop|cancel|release)\s+(?:my\s+)?(?:on[\s-]?call\s+)?cover|(?:hand|give)\s+${ON_CALL}\s+back|i(?:'m| am)\s+(?:off|no longer on)\s+call)\b`,
);

// "Hand over on-call to bob", "give the pager to bob", "swap shifts with bob next week", "can bob take my shift?".
const HANDOVER = new RegExp(
  String.raw`\b(?:hand(?:\s+over)?|give|pass|transfer|move|reassign)\s+(?:my\s+)?(?:${ON_CALL}|shift)\b.*\bto\b|\b(?:swap|switch|trade|exchange)\s+(?:(?:my|our|the|on[\s-]?call)\s+)?shifts?\b|^(?:please\s+|can i\s+|could i\s+|i(?:'d| would) like to\s+)?(?:swap|switch|trade)\s+(?:${ON_CALL}\s+)?with\s+[a-z]|\btake\s+(?:over\s+)?my\s+(?:${ON_CALL}\s+)?shift\b`,
);

/** Taking the pager from the rotation for a while, or handing it back; undefined for anything else (a question included). */
export function onCallCommand(text: string): Extract<Intent, { kind: 'on_call_cover' } | { kind: 'bad_input' }> | undefined {
  if (HANDOVER.test(text))
    return {
      kind: 'bad_input',
      reason:
        'nothing changed: a shift moves only when the person taking it says so. They say "I\'m on call until 18:00" (a cover of the shift now; "end my on-call cover" hands it back); a swap of future shifts is a change to chat.onCall in the config. "Who is on call next week?" shows the order',
    };
  if (/\?\s*$/.test(text)) return undefined;
  if (RELEASE.test(text)) return { kind: 'on_call_cover', end: true };
  if (!TAKE.test(text)) return undefined;
  const until = findUntil(text);
  const durationMs = until ? undefined : parseDuration(text);
  const rotation = rotationWord(text);
  return { kind: 'on_call_cover', ...(until ? { until } : {}), ...(durationMs ? { durationMs } : {}), ...(rotation ? { rotation } : {}) };
}

/**
 * "… on call for db until 18:00", "who is on call for the platform team?": a word that may name a
 * rotation; the answer checks it against chat.onCall (a person's name or "the next 2h" names none).
 */
export function rotationWord(text: string): string | undefined {
  return /\bfor (?:the )?([a-z][a-z0-9_-]*)\b(?! *\d)/.exec(text.replace(/\bfor (?:the )?(?:next|coming|following)\b/g, ''))?.[1];
}
