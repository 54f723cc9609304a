/**
 * A calendar day said without a time: "on 2026-12-12", "on the 12th", "on december 12", "on 12 dec",
 * "christmas day". The year and month left out are filled in at answer time (`resolveDayDate`),
 * since the parser does not know the date. Pure.
 */
export interface DayDate {
  day: number;
  /** 0 = January. */
  month?: number;
  year?: number;
  /** "Who was on call on the 3rd?": the latest such day not after today, not the next. */
  past?: true;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const NTH = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
// Only after "on" (or "for"): "12 dec" alone may be a count, and "may 3" a sentence.
const SAID = [
  { re: /\b(?:on|for)\s+(\d{4})-(\d{2})-(\d{2})\b(?![:\d])/, y: 1, m: 2, d: 3, numeric: true },
  {
    re: new RegExp(String.raw`\b(?:on|for)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)(?:\s+of\s+${MONTH}(?:,?\s+(\d{4}))?)?\b`),
    d: 1,
    m: 2,
    y: 3,
  },
  { re: new RegExp(String.raw`\b(?:on|for)\s+${MONTH}\s+${NTH}(?:,?\s+(\d{4}))?\b(?![:.]\d)`), m: 1, d: 2, y: 3 },
  { re: new RegExp(String.raw`\b(?:on|for)\s+${NTH}\s+${MONTH}(?:,?\s+(\d{4}))?\b`), d: 1, m: 2, y: 3 },
] as const;
const HOLIDAYS: [RegExp, number, number][] = [
  [/\bchristmas eve\b/, 11, 24],
  [/\bnew year'?s eve\b/, 11, 31],
  [/\b(?:christmas|xmas)(?: day)?\b/, 11, 25],
  [/\bboxing day\b/, 11, 26],
  [/\bnew year'?s(?: day)?\b/, 0, 1],
];

export function findDayDate(text: string): DayDate | undefined {
  const found = dayDateIn(text);
  // "On dec 12 at 3pm" is an instant, which the clock parser reads.
  return found && !found.timed ? found.date : undefined;
}

/**
 * The day date said, where it was said, and whether a time follows it ("on dec 12 at 3pm"): for
 * the clock and calendar parsers, which read it as the day of an instant or a whole day.
 */
export function dayDateIn(text: string): { date: DayDate; match: string; timed: boolean } | undefined {
  const past = /\b(?:was|were|had|did)\b/.test(text) ? { past: true as const } : {};
  for (const s of SAID) {
    const m = s.re.exec(text);
    if (!m) continue;
    const timed = /^\s*(?:at\b|t?\d{1,2}(?::\d{2}|\s*[ap]\.?m\b))/.test(text.slice(m.index + m[0].length));
    const month = m[s.m] === undefined ? undefined : 'numeric' in s ? Number(m[s.m]) - 1 : MONTHS.indexOf(m[s.m]!.slice(0, 3));
    const date = {
      day: Number(m[s.d]),
      ...(month !== undefined ? { month } : {}),
      ...(m[s.y] ? { year: Number(m[s.y]) } : {}),
      ...past,
    };
    return { date, match: m[0], timed };
  }
  for (const [re, month, day] of HOLIDAYS) {
    const m = re.exec(text);
    if (m) return { date: { day, month, ...past }, match: m[0], timed: false };
  }
  return undefined;
}

/** Whether the date names a day in some year: "february 30" and "the 32nd" do not. */
export function mayExist(d: DayDate): boolean {
  if (d.day < 1 || d.day > 31) return false;
  if (d.month === undefined) return true;
  // A leap year, unless one is said: "february 29" exists in some year.
  const y = d.year ?? 2024;
  return new Date(Date.UTC(y, d.month, d.day)).getUTCDate() === d.day;
}

// Words that name a day without being a weekday or a date ("on funday", "on wensday").
const KNOWN =
  /^(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|to|yester|birth|holi|week|work|pay|every|some|any|one|mid|next)day$/;

/** "On funday": a day word that is none, so the answer can say so rather than answer for today. */
export function unknownDayWord(text: string): string | undefined {
  const m = /\bon\s+(?:the\s+)?([a-z]{2,12}day)\b/.exec(text);
  return m && !KNOWN.test(m[1]!) ? m[1] : undefined;
}

/**
 * The UTC midnight of the calendar day meant, seen from `today` (a UTC midnight on the asker's
 * calendar): the next such day on or after today, or for `past` the latest on or before it.
 * Undefined when no such day exists ("february 30", "the 31st" in no month within a year).
 */
export function resolveDayDate(d: DayDate, today: number): number | undefined {
  const t = new Date(today);
  const valid = (y: number, m: number): number | undefined => {
    const ts = Date.UTC(y, m, d.day);
    return new Date(ts).getUTCDate() === d.day && d.day >= 1 ? ts : undefined;
  };
  if (d.year !== undefined && d.month !== undefined) return valid(d.year, d.month);
  // Step month by month (or year by year with the month said) until a real date lies on the right side of today.
  for (let k = 0; k <= 12; k++) {
    const step = d.past ? -k : k;
    const [y, m] = d.month !== undefined ? [t.getUTCFullYear() + step, d.month] : [t.getUTCFullYear(), t.getUTCMonth() + step];
    const ts = valid(new Date(Date.UTC(y, m, 1)).getUTCFullYear(), new Date(Date.UTC(y, m, 1)).getUTCMonth());
    if (ts !== undefined && (d.past ? ts <= today : ts >= today)) return ts;
    if (d.month !== undefined && k >= 4) return undefined;
  }
  return undefined;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "There is no February 30.": a date that names no day, said back as it was asked. */
export function noSuchDate(d: DayDate): string {
  const said =
    d.month === undefined ? `day ${d.day} in any month` : [`${MONTH_NAMES[d.month]} ${d.day}`, d.year].filter(Boolean).join(', ');
  return `There is no ${said}: ask about a day that exists ("on the 12th", "on dec 5", "on 2026-12-24").`;
}
