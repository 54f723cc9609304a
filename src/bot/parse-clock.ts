import { dayDateIn, mayExist, resolveDayDate } from './parse-day-date.js';
/**
 * Wall-clock times in a question: "at 10:00", "at 3pm yesterday", "since 09:30 UTC",
 * "between 9 and 10am", "from 22:00 to 02:00", "2026-12-01 14:05", "on 2026-12-01".
 *
 * A time without a zone is read as UTC, or on the asker's clock when they have a display zone
 * (typed-zone.ts); an explicit UTC/GMT/Z or a numeric offset ("+01:00", "UTC-5") is honoured and
 * marked as UTC so no display zone moves it. A zone abbreviation such as PST
 * or CET is refused rather than guessed: several of them name more than one zone, and the
 * daylight-saving ones change their offset during the year. Pure: no clock is read here; the
 * answer resolves a ClockTime against the time it answers at (`clockTs`).
 */

/** A UTC wall-clock time: minutes into the day (may fall outside 0–1440 after an offset) on a given day. */
export interface ClockTime {
  minute: number;
  /**
   * Days before the day of the answer (0 today, 1 yesterday), a UTC midnight, or a weekday (0 Sunday):
   * the latest such day, today included unless `before` ("last tuesday"); absent: the latest past occurrence.
   */
  day?: { daysBack: number } | { date: number } | { weekday: number; before?: boolean } | CalendarDay;
  /** An IANA zone ("Europe/Berlin"): `minute` and `day` are that zone's wall clock and date, not UTC's. */
  zone?: string;
}

/**
 * The 1st of a month (parse-calendar.ts): this one or `monthsBack` before; the 1st of January this
 * year or `yearsBack` before; or a named month, in `year` or else the latest one not after this
 * month, `plus` months on (the end of "in november").
 */
export type CalendarDay = { monthsBack: number } | { yearsBack: number } | { month: number; year?: number; plus?: number } | DatedDay;

/**
 * A date said without its year or month ("on dec 5", "on the 3rd"): the latest such day not after
 * today, or with `ahead` the next on or after it (who is on call then).
 */
export type DatedDay = { dayOfMonth: number; month?: number; year?: number; ahead?: true };

export type ClockSpan = { kind: 'clock'; at: ClockTime } | { kind: 'range'; from: ClockTime; until?: ClockTime };

/** `zone` (refused): an abbreviation, or a zone name that is not one. */
export type ClockFound = { span: ClockSpan; match: string; utc?: true } | { zone: string; match: string };

/** `{ utc: true }` when any of the times was said in UTC or with an offset. */
const saidUtc = (...ps: (Parsed | null | undefined)[]) => (ps.some((p) => p?.utc) ? { utc: true as const } : {});

const DAY = 86_400_000;

// A time must say it is one: "10:00", "3pm", "noon", or a bare hour with a zone ("at 9 utc").
// A meridiem is a word of its own: the "am" of "america/…" is not one.
const HOUR_MIN = String.raw`(\d{1,2})(?::(\d{2}))?(?::\d{2})?(?:\s*(am|pm|a\.m\.|p\.m\.)(?![a-z]))?`;
const NAMED = String.raw`noon|midday|midnight`;
const ZONE = String.raw`(?:\s*(utc|gmt|z)\b)?(?:\s*([+-])(\d{1,2})(?::?(\d{2}))?(?![\d:]))?`;
const TIME = String.raw`(?:${NAMED}|${HOUR_MIN})${ZONE}`;
const ISO_DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;

// Abbreviations that are not UTC: refused with a hint instead of being read as UTC.
const OTHER_ZONES = new Set(
  'est edt cst cdt mst mdt pst pdt akst akdt hst cet cest eet eest wet west bst ist jst kst hkt sgt aest aedt acst awst nzst nzdt msk brt art'.split(
    ' ',
  ),
);

interface Parsed {
  minute: number;
  /** Said as a time ("10:00", "3pm", "noon", with a zone), not a bare number. */
  explicit: boolean;
  meridiem?: 'am' | 'pm';
  /** Said with "utc"/"gmt"/"z" or an offset: a UTC instant, whatever the asker's display zone. */
  utc?: boolean;
}

/** The time whose whole phrase is group `at` of `m` (its parts follow); undefined for something that is not a time of day. */
function readTime(m: RegExpExecArray, at: number): Parsed | undefined {
  const named = m[at]!;
  if (/^(noon|midday)/.test(named)) return withZone({ minute: 720, explicit: true }, m, at + 4);
  if (/^midnight/.test(named)) return withZone({ minute: 0, explicit: true }, m, at + 4);
  const h = Number(m[at + 1]);
  const min = m[at + 2] === undefined ? 0 : Number(m[at + 2]);
  const mer = m[at + 3]?.startsWith('p') ? 'pm' : m[at + 3]?.startsWith('a') ? 'am' : undefined;
  if (!Number.isInteger(h) || min > 59) return undefined;
  if (mer ? h < 1 || h > 12 : h > 24 || (h === 24 && min > 0)) return undefined;
  const hour = mer === 'pm' ? (h % 12) + 12 : mer === 'am' ? h % 12 : h;
  const explicit = m[at + 2] !== undefined || mer !== undefined || m[at + 4] !== undefined || m[at + 5] !== undefined;
  return withZone({ minute: hour * 60 + min, explicit, ...(mer ? { meridiem: mer } : {}) }, m, at + 4);
}

function withZone(p: Parsed, m: RegExpExecArray, at: number): Parsed | undefined {
  const sign = m[at + 1];
  if (m[at] !== undefined && !sign) return { ...p, utc: true };
  if (!sign) return p;
  const oh = Number(m[at + 2]);
  const om = m[at + 3] === undefined ? 0 : Number(m[at + 3]);
  if (oh > 14 || om > 59) return undefined;
  // 10:00+01:00 is 09:00 UTC.
  return { ...p, minute: p.minute - (sign === '+' ? 1 : -1) * (oh * 60 + om), explicit: true, utc: true };
}

// Groups per TIME: named, hour, minute, meridiem, zone word, sign, offset hours, offset minutes.
const G = 8;
const POINT = new RegExp(String.raw`(?:\b(?:at|around|about)|@)\s*(${TIME})`, 'g');
// A day said before a time ("since yesterday 17:00", "friday 09:00"): the day itself is read by dayOf.
const DAY_BEFORE = String.raw`(?:(?:on|last)\s+)?(?:yesterday|today|tonight|(?:sun|mon|tues|wednes|thurs|fri|satur)day)\s+(?:at\s+)?`;
const SINCE = new RegExp(String.raw`\b(?:since|after|from)\s+(?:${DAY_BEFORE})?(${TIME})`, 'g');
const DAY_POINT = new RegExp(String.raw`\b${DAY_BEFORE}(${TIME})`, 'g');
const BEFORE = new RegExp(String.raw`\b(?:before|until|till|up to)\s+(${TIME})`, 'g');
const BETWEEN = new RegExp(String.raw`\b(?:between|from)\s+(${TIME})\s*(?:and|to|until|till|through|-)\s*(${TIME})`, 'g');
// "From saturday 10:00 to sunday 18:00", "tomorrow 22:00 - friday 02:00": each end on its own day.
const DAY_WORD = String.raw`(yesterday|today|tonight|tomorrow|(?:sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?)`;
const DAY_RANGE = new RegExp(
  String.raw`\b(?:(?:between|from)\s+)?(?:on\s+)?${DAY_WORD}\s+(?:at\s+)?(${TIME})\s*(?:and|to|until|till|through|-)\s*(?:on\s+)?${DAY_WORD}\s+(?:at\s+)?(${TIME})`,
  'g',
);
const DASHED = new RegExp(String.raw`(?<![\w-])(${TIME})\s*-\s*(${TIME})(?![\w-])`, 'g');
const ISO_POINT = new RegExp(String.raw`\b${ISO_DATE}(?:t|\s+)(?:at\s+)?(${TIME})`, 'g');
const NOT_HOURS = /^\s*(%|ms\b|[kmg]b|anomal|alert|incident|problem|host|server|target|machine|node|sample|proposal|silence|time|min|sec)/;
const ON_DATE = new RegExp(String.raw`\b${ISO_DATE}\b`);
const ZONE_AFTER = new RegExp(String.raw`(?:\d:\d{2}|\d\s*(?:am|pm)|noon|midnight)\s*([a-z]{3,5})\b`, 'g');

function dayOf(text: string): ClockTime['day'] | undefined {
  const iso = ON_DATE.exec(text);
  if (iso) {
    const date = isoDate(iso[1]!, iso[2]!, iso[3]!);
    if (date !== undefined) return { date };
  }
  if (/\byesterday\b/.test(text)) return { daysBack: 1 };
  const wd = weekdayIn(text);
  if (wd) return wd;
  if (/\btomorrow\b/.test(text)) return { daysBack: -1 };
  if (/\btoday\b|\bthis (morning|afternoon|evening)\b/.test(text)) return { daysBack: 0 };
  return undefined;
}

/** "On dec 5", "on the 3rd" (parse-day-date.ts) as a ClockTime's day; not one that names no day. */
export function datedDayIn(text: string): DatedDay | undefined {
  const d = dayDateIn(text)?.date;
  if (!d || !mayExist(d)) return undefined;
  return { dayOfMonth: d.day, ...(d.month !== undefined ? { month: d.month } : {}), ...(d.year !== undefined ? { year: d.year } : {}) };
}

/** A time said of what is to come (a silence, who will be on call): its date is the next such one, not the last. */
export function aheadDated(t: ClockTime): ClockTime {
  return t.day && 'dayOfMonth' in t.day ? { ...t, day: { ...t.day, ahead: true } } : t;
}

/** "today", "tomorrow", "sat", "monday" as a ClockTime's day. */
function dayWord(w: string): NonNullable<ClockTime['day']> {
  if (w === 'yesterday') return { daysBack: 1 };
  if (w === 'today' || w === 'tonight') return { daysBack: 0 };
  if (w === 'tomorrow') return { daysBack: -1 };
  return { weekday: WEEKDAY_NAMES.findIndex((d) => d.startsWith(w.slice(0, 3))) };
}

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "On tuesday", "last friday", "monday": that weekday (UTC), the latest one; "last" means before today. */
export function weekdayIn(text: string): { weekday: number; before?: boolean } | undefined {
  return weekdayPhrase(text)?.day;
}

/** The weekday and the words that said it, an "until" before it included (a silence's end, not its day). */
export function weekdayPhrase(text: string): { day: { weekday: number; before?: boolean }; match: string } | undefined {
  // A bare "mon" or "sat" is a word of a name ("mon-1"); the day says "day", or is said with "on" or "last".
  const m = [
    ...text.matchAll(/\b(last|past|previous|this past|on)?\s*(sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(day)?\b(?!-)/g),
  ]
    // "Black friday", "cyber monday" name a sale, not a weekday.
    .filter(
      (x) =>
        !/\b(?:black|cyber|blue|good|easter|ash|super|boxing)\s+$/.test(text.slice(0, x.index! + (x[0].length - x[0].trimStart().length))),
    )
    .find((x) => x[3] || x[1]);
  if (!m) return undefined;
  const weekday = WEEKDAY_NAMES.findIndex((d) => d.startsWith(m[2]!.slice(0, 3)));
  const until = /\b(?:until|till|til)\s+(?:next\s+)?$/.exec(text.slice(0, m.index! + (m[0].length - m[0].trimStart().length)));
  return { day: m[1] && m[1] !== 'on' ? { weekday, before: true } : { weekday }, match: `${until?.[0] ?? ''}${m[0].trim()}` };
}

function isoDate(y: string, mo: string, d: string): number | undefined {
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  const back = new Date(t);
  // 2026-02-30 is not a day.
  return back.getUTCMonth() === Number(mo) - 1 && back.getUTCDate() === Number(d) ? t : undefined;
}

const clockTime = (minute: number, day: ClockTime['day']): ClockTime => (day ? { minute, day } : { minute });

/**
 * `text` is cleaned and lower-cased. The first clock phrase wins; `match` is its text. An IANA zone
 * right after it ("09:00 europe/berlin") makes its times that zone's wall clock; a name that is no
 * zone is refused, never read as UTC.
 */
export function findClock(text: string): ClockFound | undefined {
  const found = findClockUtc(text);
  if (!found || !('span' in found)) return found;
  const named = zoneAfter(text, text.indexOf(found.match) + found.match.length);
  // "10:00 utc", "09:00+01:00": said in UTC (the offset is folded in), so never read on the asker's clock.
  const zone = named ? ianaZone(named[1]!) : found.utc ? 'UTC' : undefined;
  if (named && !zone) return { zone: named[1]!, match: found.match + named[0] };
  if (!zone) return { span: found.span, match: found.match };
  const z = (t: ClockTime): ClockTime => ({ ...t, zone });
  const span: ClockSpan =
    found.span.kind === 'clock'
      ? { kind: 'clock', at: z(found.span.at) }
      : { kind: 'range', from: z(found.span.from), ...(found.span.until ? { until: z(found.span.until) } : {}) };
  return { span, match: found.match + (named?.[0] ?? '') };
}

/** A zone name ("europe/berlin", "in america/new_york") right after position `end`. */
const zoneAfter = (text: string, end: number) => /^\s*(?:in\s+)?([a-z]+(?:\/[a-z0-9_+-]+){1,2})(?![\w/])/.exec(text.slice(end));

/** The canonical name of an IANA zone ("Europe/Berlin" for "europe/berlin"), or undefined. */
export function ianaZone(name: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** How far `zone`'s wall clock is ahead of UTC at `ts`, in ms (to the minute). */
export function offsetMs(zone: string, ts: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(ts);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return wall - (ts - (ts % 60_000));
}

/** The instant a wall-clock time in `zone` names (the later reading in a repeated hour). */
function fromWall(wallMs: number, zone: string): number {
  const guess = wallMs - offsetMs(zone, wallMs);
  return wallMs - offsetMs(zone, guess);
}

function findClockUtc(text: string): ClockFound | undefined {
  for (const z of text.matchAll(ZONE_AFTER)) if (OTHER_ZONES.has(z[1]!)) return { zone: z[1]!, match: z[0] };

  const iso = new RegExp(ISO_POINT.source).exec(text);
  if (iso) {
    const date = isoDate(iso[1]!, iso[2]!, iso[3]!);
    const t = readTime(iso, 4);
    if (date !== undefined && t) {
      const at = { minute: t.minute, day: { date } };
      // "since 2026-12-01 10:00" is a window, the rest an instant.
      const since = new RegExp(String.raw`\b(?:since|after)\s+${escape(iso[0])}`).test(text);
      return { span: since ? { kind: 'range', from: at } : { kind: 'clock', at }, match: iso[0], ...saidUtc(t) };
    }
  }
  const days = new RegExp(DAY_RANGE.source).exec(text);
  const a = days && readTime(days, 2);
  const b = days && readTime(days, 3 + G);
  if (days && a?.explicit && b?.explicit)
    return {
      span: { kind: 'range', from: clockTime(a.minute, dayWord(days[1]!)), until: clockTime(b.minute, dayWord(days[2 + G]!)) },
      match: days[0],
      ...saidUtc(a, b),
    };
  const day = dayOf(text) ?? datedDayIn(text);
  for (const re of [BETWEEN, DASHED]) {
    const m = new RegExp(re.source).exec(text);
    if (!m) continue;
    const a = readTime(m, 1);
    const b = readTime(m, 1 + G);
    // "between 9 and 10" are hours; "web 1-2" is not a time, so a dash needs a real one on a side,
    // and two bare numbers followed by a unit or a count ("between 5 and 10%", "from 2 to 5 alerts") are not hours.
    if (!a || !b) continue;
    if (!a.explicit && !b.explicit && (re === DASHED || NOT_HOURS.test(text.slice(m.index + m[0].length)))) continue;
    // "1 to 3pm": a bare first hour takes the second's pm, unless that would put it after the second ("11 to 1pm").
    const pm = !a.explicit && b.meridiem === 'pm' && a.minute < 720 && a.minute + 720 < b.minute;
    const from = pm ? a.minute + 720 : a.minute;
    return { span: { kind: 'range', from: clockTime(from, day), until: clockTime(b.minute, day) }, match: m[0], ...saidUtc(a, b) };
  }
  const since = new RegExp(SINCE.source).exec(text);
  if (since) {
    const t = readTime(since, 1);
    if (t?.explicit) return { span: { kind: 'range', from: clockTime(t.minute, day) }, match: since[0], ...saidUtc(t) };
  }
  // "anomalies before 10:00": that day, up to then.
  const before = new RegExp(BEFORE.source).exec(text);
  if (before) {
    const t = readTime(before, 1);
    if (t?.explicit)
      return { span: { kind: 'range', from: clockTime(0, day), until: clockTime(t.minute, day) }, match: before[0], ...saidUtc(t) };
  }
  for (const re of [POINT, DAY_POINT]) {
    const point = new RegExp(re.source).exec(text);
    const t = point ? readTime(point, 1) : undefined;
    if (t?.explicit) return { span: { kind: 'clock', at: clockTime(t.minute, day) }, match: point![0], ...saidUtc(t) };
  }
  // "anomalies on 2026-12-01": the whole UTC day.
  const date = ON_DATE.exec(text);
  if (day && 'date' in day && date)
    return { span: { kind: 'range', from: { minute: 0, day }, until: { minute: 1440, day } }, match: date[0] };
  return undefined;
}

const UNTIL = new RegExp(
  String.raw`\b(?:until|till|til)\s+(?:(?:today|tomorrow|(?:next\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?:at\s+)?)?(${TIME})`,
);

/** "Tomorrow morning", "this afternoon", "tonight": the hour meant when a time is needed and these are said. */
export const DAY_PART_AT: Record<string, string> = {
  morning: '09:00',
  afternoon: '14:00',
  evening: '18:00',
  night: '20:00',
  tonight: '20:00',
};

/** "Until tomorrow morning", "till this evening": an end said as a part of the day. */
export const UNTIL_PART =
  /\b(until|till|til)\s+(?:(tomorrow|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+)?(morning|afternoon|evening)\b/;

/**
 * "snooze web-1 until 15:00", "mute everything till tomorrow 9am": the end of a silence. Without a
 * day it is the next such time (the caller resolves it with `untilTs`).
 */
export function findUntil(raw: string): ClockTime | undefined {
  // "Until tomorrow morning", "till this evening", "until monday morning": the usual hour of that part of that day.
  const text = raw.replace(
    UNTIL_PART,
    (_m, until: string, day: string | undefined, part: string) => `${until} ${day && day !== 'this' ? `${day} ` : ''}${DAY_PART_AT[part]}`,
  );
  const m = UNTIL.exec(text);
  const t = m ? readTime(m, 1) : undefined;
  if (!t?.explicit) return undefined;
  const day = dayOf(text);
  // A weekday is the next one (silence-window.ts); a past day is no end.
  const until = clockTime(t.minute, day && (('daysBack' in day && day.daysBack <= 0) || 'weekday' in day) ? day : undefined);
  // A name that is no zone was refused already, by findClock on the same text.
  const zone = ianaZone(zoneAfter(text, m!.index + m![0].length)?.[1] ?? '') ?? (t.utc ? 'UTC' : undefined);
  return zone ? { ...until, zone } : until;
}

/** The next instant a ClockTime names after `now` (on its day, if it has one; a weekday is the next one). */
export function untilTs(t: ClockTime, now: number): number {
  if (t.day) {
    const ts = clockTs(t, now);
    return 'weekday' in t.day && ts <= now ? ts + 7 * DAY : ts;
  }
  const ts = clockTs(t, now);
  return ts <= now ? ts + DAY : ts;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The instant a ClockTime names, answering at `now`: on its day, or the latest one not after now. */
export function clockTs(t: ClockTime, now: number): number {
  if (t.zone) {
    // The same reading on the zone's wall clock and calendar, then back to an instant.
    const zone = t.zone;
    const wallNow = now + offsetMs(zone, now);
    const { zone: _, ...wall } = t;
    return fromWall(clockTs(wall, wallNow), zone);
  }
  const today = now - (now % DAY);
  if (t.day && 'date' in t.day) return t.day.date + t.minute * 60_000;
  if (t.day && !('daysBack' in t.day) && !('weekday' in t.day)) return calendarTs(t.day, today) + t.minute * 60_000;
  if (t.day && 'weekday' in t.day) {
    let back = (new Date(today).getUTCDay() - t.day.weekday + 7) % 7;
    if (back === 0 && t.day.before) back = 7;
    return today - back * DAY + t.minute * 60_000;
  }
  if (t.day) return today - t.day.daysBack * DAY + t.minute * 60_000;
  let ts = today + t.minute * 60_000;
  while (ts > now) ts -= DAY;
  while (ts <= now - DAY) ts += DAY;
  return ts;
}

function calendarTs(day: CalendarDay, today: number): number {
  if ('dayOfMonth' in day) {
    const { dayOfMonth, ahead, ...rest } = day;
    return resolveDayDate({ day: dayOfMonth, ...rest, ...(ahead ? {} : { past: true as const }) }, today) ?? today;
  }
  const d = new Date(today);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  if ('monthsBack' in day) return Date.UTC(y, m - day.monthsBack, 1);
  if ('yearsBack' in day) return Date.UTC(y - day.yearsBack, 0, 1);
  return Date.UTC(day.year ?? (day.month > m ? y - 1 : y), day.month + (day.plus ?? 0), 1);
}
