import { datedDayIn, offsetMs, type ClockSpan, type ClockTime } from './parse-clock.js';
import { dayDateIn } from './parse-day-date.js';

/**
 * Calendar spans: "last month" (the whole of the month before this one), "this month" (since its
 * 1st), "in november", "november 2025", "this year", "last year", "in 2025", and dates without a
 * time: "between 2026-11-01 and 2026-11-15" (both days whole), "since 2026-12-01". Read as the
 * asker's calendar when they have a display zone (typed-zone.ts), UTC otherwise. "The last month",
 * "the past month" and "past month" stay a rolling 30 days (parse-time-span.ts): that is how those
 * are said. Pure: the ends are resolved against the time of the answer (`clockTs`).
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_WORD = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const ISO = String.raw`(\d{4})-(\d{2})-(\d{2})`;
// "In november", "during nov 2025", "since march", "for the month of may", "november 2025": a month
// needs a word before it or a year after it ("may" and "march" are words of their own otherwise, and
// "for june" may be a person).
const MONTH_SAID = new RegExp(
  String.raw`\b(?:(in|during|throughout|over|since)\s+(?:the\s+month\s+of\s+)?${MONTH_WORD}(?:\s+(\d{4}))?|(?:for\s+)?the\s+month\s+of\s+${MONTH_WORD}(?:\s+(\d{4}))?|${MONTH_WORD}\s+(\d{4}))\b(?![-:/.]\d)`,
);
// "In 2025", "since 2024": a year needs its word ("2025 ms", "2026-12-01" are no years).
const YEAR_SAID = /\b(in|during|throughout|since)\s+(20\d{2})\b(?![-:/.]\d|\s*(?:ms|%|samples?|anomal|alerts?|requests?|errors?)\b)/;

/** The 1st of a month at 00:00, `plus` months on. */
const monthStart = (day: NonNullable<ClockTime['day']>): ClockTime => ({ minute: 0, day });

function isoDay(y: string, m: string, d: string): number | undefined {
  const t = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const back = new Date(t);
  return back.getUTCMonth() === Number(m) - 1 && back.getUTCDate() === Number(d) ? t : undefined;
}

export function findCalendarSpan(text: string): { span: ClockSpan; match: string } | undefined {
  // "Between 2026-11-01 and 2026-11-15", "from 2026-11-01 to 2026-11-30": the first day's start to the last day's end.
  const range = new RegExp(
    String.raw`\b(?:between|from)\s+${ISO}\s*(?:and|to|until|till|through|-)\s*${ISO}(?![\d:]|\s*(?:t|at\s+)?\d)`,
  ).exec(text);
  if (range) {
    const a = isoDay(range[1]!, range[2]!, range[3]!);
    const b = isoDay(range[4]!, range[5]!, range[6]!);
    if (a !== undefined && b !== undefined) {
      const [from, until] = a <= b ? [a, b] : [b, a];
      return {
        span: { kind: 'range', from: { minute: 0, day: { date: from } }, until: { minute: 1440, day: { date: until } } },
        match: range[0],
      };
    }
  }
  // "Since 2026-12-01" (no time): from that day's start up to now.
  const since = new RegExp(String.raw`\b(?:since|after|from)\s+${ISO}(?![\d:]|\s*(?:t|at\s+)?\d)`).exec(text);
  const sinceDay = since && isoDay(since[1]!, since[2]!, since[3]!);
  if (since && sinceDay !== undefined && sinceDay !== null)
    return { span: { kind: 'range', from: { minute: 0, day: { date: sinceDay } } }, match: since[0] };
  // "This month", "month to date", "so far this month": since the 1st.
  const thisMonth = /\b(?:(?:so far )?this month(?: so far)?|month[ -]to[ -]date|mtd)\b/.exec(text);
  if (thisMonth) return { span: { kind: 'range', from: monthStart({ monthsBack: 0 }) }, match: thisMonth[0] };
  // "Last month", "previous month", "in the previous month": the calendar month before this one.
  const lastMonth =
    /(?<!\b(?:the|within)\s)\b(?:last|previous|prior)\s+(?:calendar\s+)?month\b|\b(?:the\s+)?(?:previous|prior)\s+(?:calendar\s+)?month\b|\blast calendar month\b/.exec(
      text,
    );
  if (lastMonth)
    return { span: { kind: 'range', from: monthStart({ monthsBack: 1 }), until: monthStart({ monthsBack: 0 }) }, match: lastMonth[0] };
  const thisYear = /\b(?:(?:so far )?this year(?: so far)?|year[ -]to[ -]date|ytd)\b/.exec(text);
  if (thisYear) return { span: { kind: 'range', from: monthStart({ yearsBack: 0 }) }, match: thisYear[0] };
  const lastYear = /\b(?:last|previous|prior)\s+year\b/.exec(text);
  if (lastYear)
    return { span: { kind: 'range', from: monthStart({ yearsBack: 1 }), until: monthStart({ yearsBack: 0 }) }, match: lastYear[0] };
  // "On dec 5", "on the 3rd", "christmas day" (no time: with one it is an instant, parse-clock.ts): that day, whole.
  const dated = dayDateIn(text);
  // A clock time anywhere ("on dec 12 from 2am to 4am") makes it the day of that time instead.
  const clocked = /\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b|\b(?:noon|midnight)\b/.test(text);
  const day = dated && !dated.timed && !clocked && !/\d{4}-\d/.test(dated.match) ? datedDayIn(text) : undefined;
  if (day) return { span: { kind: 'range', from: { minute: 0, day }, until: { minute: 1440, day } }, match: dated!.match };
  const named = MONTH_SAID.exec(text);
  if (named) {
    const word = named[2] ?? named[4] ?? named[6]!;
    const month = MONTHS.findIndex((m) => m.startsWith(word.slice(0, 3)));
    const yearSaid = named[3] ?? named[5] ?? named[7];
    const year = yearSaid ? { year: Number(yearSaid) } : {};
    const from = monthStart({ month, ...year });
    // "Since november": from its 1st up to now.
    if (named[1] === 'since') return { span: { kind: 'range', from }, match: named[0] };
    return { span: { kind: 'range', from, until: monthStart({ month, ...year, plus: 1 }) }, match: named[0] };
  }
  const year = YEAR_SAID.exec(text);
  if (year) {
    const from = monthStart({ month: 0, year: Number(year[2]) });
    if (year[1] === 'since') return { span: { kind: 'range', from }, match: year[0] };
    return { span: { kind: 'range', from, until: monthStart({ month: 0, year: Number(year[2]), plus: 12 }) }, match: year[0] };
  }
  return undefined;
}

/** "in November 2026", "this month (since 2026-12-01)", "in 2025": what a calendar span is called in a reply; undefined for any other span. */
export function calendarLabel(span: ClockSpan, from: number, zone: string | undefined): string | undefined {
  if (span.kind !== 'range' || !span.from.day) return undefined;
  const d = span.from.day;
  // The asker's calendar: the 1st of November in Berlin is 23:00 UTC on 31 October.
  const wall = (t: number) => new Date(t + (zone ? offsetMs(zone, t) : 0));
  const f = wall(from);
  const date = (t: number) => wall(t).toISOString().slice(0, 10);
  const name = `${MONTHS[f.getUTCMonth()]![0]!.toUpperCase()}${MONTHS[f.getUTCMonth()]!.slice(1)} ${f.getUTCFullYear()}`;
  const z = zone ?? 'UTC';
  if ('dayOfMonth' in d) return `on ${date(from)} (${z})`;
  if ('monthsBack' in d) return d.monthsBack === 0 ? `this month (since ${date(from)}, ${z})` : `last month (${name}, ${z})`;
  if ('yearsBack' in d) return d.yearsBack === 0 ? `this year (since ${date(from)}, ${z})` : `last year (${f.getUTCFullYear()}, ${z})`;
  if ('month' in d) {
    const wholeYear = span.until?.day && 'plus' in span.until.day && span.until.day.plus === 12;
    if (!span.until) return `since the start of ${wholeYear ? f.getUTCFullYear() : name} (${z})`;
    return `in ${wholeYear ? f.getUTCFullYear() : name} (${z})`;
  }
  const last = span.until?.day;
  if ('date' in d && span.from.minute === 0 && span.until?.minute === 1440 && last && 'date' in last && last.date !== d.date)
    return `from ${date(from)} to ${new Date(last.date).toISOString().slice(0, 10)} (whole days, ${z})`;
  if ('date' in d && span.from.minute === 0 && !span.until) return `since ${date(from)} (${z})`;
  return undefined;
}
