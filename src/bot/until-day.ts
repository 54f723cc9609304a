const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const WEEKDAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?`;
// "Until tomorrow", "till friday", "until next monday", "until dec 12", "until 12 december", "until the 12th", with no time after.
const DAY_ONLY = new RegExp(
  String.raw`\b((?:until|till|til)\s+(?:on\s+)?(?:tomorrow|(?:next\s+)?${WEEKDAY}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTH}|the\s+\d{1,2}(?:st|nd|rd|th)))(?=\s*(?:[?.!,;:]|$|\s+(?:because|for|as|due|while|so|since|—|-)\b))`,
);

/**
 * A silence's end said as a day alone ("mute db-1 until friday") is that day's start of business,
 * 09:00, as "until friday morning" and a chat tool's "until tomorrow" are: the text with the time
 * written in, so the clock readers take it. Unchanged when a time follows. Pure.
 */
export const untilDayAt9 = (text: string): string => text.replace(DAY_ONLY, '$1 09:00');
