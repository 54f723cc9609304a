import type { Intent } from './intent.js';

const ZONE = String.raw`([a-z]+(?:\/[a-z0-9_+-]+){1,2})`;
// "Show times in Europe/Berlin", "my time zone is America/New_York", "I'm in Asia/Tokyo".
const SET = new RegExp(
  String.raw`\b(?:show|give|display|use|put|set|write|convert)\s+(?:me\s+)?(?:the\s+|my\s+)?(?:times?|dates?|time ?zone|tz|clock)\s+(?:in|to|as)\s+${ZONE}|\bmy (?:time ?zone|tz) is\s+${ZONE}|\b(?:i'?m|i am) (?:in|on)\s+${ZONE}(?![\w/])`,
);
const RESET =
  /^(?:please\s+)?(?:use|switch (?:back )?to|go back to|back to)\s+(?:utc|gmt)\b|^(?:show|give|display)\s+(?:me\s+)?(?:the\s+)?times?\s+in\s+(?:utc|gmt)\b|\breset (?:my )?(?:time ?zone|tz)\b/;
const SHOW = /\bwhat(?:'s| is) my (?:time ?zone|tz)\b|\b(?:which|what) time ?zone (?:are|do) (?:you|your replies)\b/;

// "Show times in PST", "times in my local time": a zone asked for by no IANA name.
const SET_UNNAMED =
  /\b(?:show|give|display|use|put|set|write|convert)\s+(?:me\s+)?(?:the\s+|my\s+)?(?:times?|dates?|time ?zone|tz|clock)\s+(?:in|to|as)\s+((?:my\s+)?local(?:\s+time)?|(?!my\b)[a-z]{2,5})\b|^(?:the\s+)?times?\s+in\s+(?:my\s+)?local(?:\s+time)?\b/;
const IANA = 'name the IANA zone, e.g. "show times in America/Los_Angeles" or "show times in Europe/Berlin"';

/** A person's display time zone: set, back to UTC, or asked (local-times.ts). Pure. */
export function timezoneCommand(text: string): Intent | undefined {
  if (RESET.test(text)) return { kind: 'timezone', reset: true };
  const m = SET.exec(text);
  if (m) return { kind: 'timezone', zone: (m[1] ?? m[2] ?? m[3])! };
  const unnamed = SET_UNNAMED.exec(text);
  if (unnamed && unnamed[1] !== 'utc' && unnamed[1] !== 'gmt')
    return {
      kind: 'bad_input',
      reason:
        unnamed[1] && !/local/.test(unnamed[1])
          ? `Nothing changed: I don't set a zone from an abbreviation ("${unnamed[1].toUpperCase()}" can name several zones, and summer time moves it); ${IANA}`
          : `Chat does not tell me where you are, so I can't know your local time; ${IANA}`,
    };
  return SHOW.test(text) ? { kind: 'timezone' } : undefined;
}
