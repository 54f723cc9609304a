import type { Intent } from './intent.js';

const ZONE = String.raw`([a-z]+(?:\/[a-z0-9_+-]+){1,2})`;
// "Show times in Europe/Berlin", "my time zone is America/New_York", "I'm in Asia/Tokyo".
const SET = new RegExp(
  String.raw`\b(?:show|give|display|use|put|set|write|convert)\s+(?:me\s+)?(?:the\s+|my\s+)?(?:times?|dates?|time ?zone|tz|clock)\s+(?:in|to|as)\s+${ZONE}|\bmy (?:time ?zone|tz) is\s+${ZONE}|\b(?:i'?m|i am) (?:in|on)\s+${ZONE}(?![\w/])`,
);
const RESET =
  /^(?:please\s+)?(?:use|switch (?:back )?to|go back to|back to)\s+utc\b|^(?:show|give|display)\s+(?:me\s+)?(?:the\s+)?times?\s+in\s+utc\b|\breset (?:my )?(?:time ?zone|tz)\b/;
const SHOW = /\bwhat(?:'s| is) my (?:time ?zone|tz)\b|\b(?:which|what) time ?zone (?:are|do) (?:you|your replies)\b/;

/** A person's display time zone: set, back to UTC, or asked (local-times.ts). Pure. */
export function timezoneCommand(text: string): Intent | undefined {
  if (RESET.test(text)) return { kind: 'timezone', reset: true };
  const m = SET.exec(text);
  if (m) return { kind: 'timezone', zone: (m[1] ?? m[2] ?? m[3])! };
  return SHOW.test(text) ? { kind: 'timezone' } : undefined;
}
