import type { Intent } from './intent.js';
import { DAY_PART_AT, findUntil } from './parse-clock.js';
import { LENGTH, lengthMs } from './text-tools.js';

// "Remind me in 30 min to check web-1", "remind us at 15:00 about the db-1 disk", "remind me to look at api-2 in 2h".
const REMIND = /^(?:please\s+|pls\s+|can you\s+|could you\s+)?remind\s+(?:me|us)\b/;
const IN = new RegExp(String.raw`\bin\s+(${LENGTH})\b`);
const AT = /\bat\s+(?=\d)/;
const NOTE = /\b(?:to|about|that|of)\s+(.+)$/;

// "Tomorrow morning", "this afternoon", "tonight": a reminder needs a time, and these are the usual ones.
const atDayPart = (text: string): string =>
  text.replace(
    /\b(?:(tomorrow|today|this)\s+)?(morning|afternoon|evening|night)\b|\b(tonight)\b/,
    (_m, day: string | undefined, part: string | undefined, tonight: string | undefined) =>
      `${day === 'tomorrow' ? 'tomorrow ' : ''}at ${DAY_PART_AT[(part ?? tonight)!]}`,
  );

/** A reminder at a time, with what it is about; undefined when the text is not one ("remind me when…" is a watch). */
export function reminderCommand(text: string): Intent | undefined {
  if (!REMIND.test(text)) return undefined;
  // "Remind me every day at 9": a reminder is said once; what repeats is the digest.
  if (
    /\b(?:every|each)\s+(?:other\s+)?(?:\d+\s*)?(?:day|morning|evening|night|week|hour|minute|min|mins|h|d|(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?\b|^remind\s+(?:me|us)\s+(?:daily|weekly|hourly)\b|\b(?:daily|weekly|hourly)\s+(?:at|on|from)\b|\b(?:daily|weekly|hourly|repeatedly)[\s.!?]*$/.test(
      text,
    )
  )
    return {
      kind: 'bad_input',
      reason:
        'a reminder is said once ("remind me at 09:00 to check backups"); what comes every day is the digest (chat.digest), and "tell me when …" watches a figure',
    };
  const inMs = IN.exec(text);
  const at = inMs ? undefined : findUntil(atDayPart(text).replace(AT, 'until '));
  // What it is about, without the time said: "to check web-1 in 30 min" → "check web-1".
  const rest = text
    .replace(REMIND, '')
    .replace(IN, ' ')
    .replace(/\bat\s+\d\S*(?:\s*(?:am|pm|utc))?/, ' ')
    .replace(/\b(?:(?:tomorrow|today|this)\s+)?(?:morning|afternoon|evening|night)\b|\btonight\b/, ' ');
  // The asker's words are posted back: no markup or mention syntax survives in them.
  const note = NOTE.exec(rest.trim())?.[1]
    ?.replace(/[<>`*~|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?]+$/, '')
    .slice(0, 200);
  const about = note ? { note } : {};
  if (inMs) return { kind: 'remind', inMs: lengthMs(inMs[1]!) ?? 0, ...about };
  if (at) return { kind: 'remind', at, ...about };
  return {
    kind: 'bad_input',
    reason:
      'say when: "remind me in 30m to check web-1", "remind me at 15:00 to …" or "remind me tomorrow at 09:00 to …" (UTC, or with a zone)',
  };
}
