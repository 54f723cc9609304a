import { offsetMs } from './parse-clock.js';

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The start of the day `ts` falls in: the UTC day, or the asker's own day when they have a display
 * zone ("show times in Europe/Berlin"), so "today" at 00:30 in Berlin is the last half hour, not
 * the UTC day that began 23 h before. A time typed without a zone follows it too (typed-zone.ts,
 * decision 0046). Pure.
 */
export function dayStart(ts: number, zone?: string): number {
  if (!zone) return ts - (ts % DAY);
  const off = offsetMs(zone, ts);
  const wall = ts + off;
  const midnight = wall - (((wall % DAY) + DAY) % DAY);
  // The offset at midnight may differ from now's across a daylight-saving change.
  return midnight - offsetMs(zone, midnight - off);
}

/** "2026-12-05": the date of a day start in that zone (UTC without one). */
export function dayDate(start: number, zone?: string): string {
  const d = new Date(start + (zone ? offsetMs(zone, start) : 0));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "UTC", or the zone's name: what a reply says its days are. */
export const dayZone = (zone?: string): string => zone ?? 'UTC';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAY_WORD = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/;

/** A day said to set beside today: "friday" (the latest before today) or "the day before yesterday". */
export type NamedDay = { weekday: number } | { daysBack: number };

/** The day "today vs …" names, if any: a weekday, or the day before yesterday. Pure. */
export function namedDayOf(text: string): NamedDay | undefined {
  if (/\b(?:the )?day before yesterday\b/.test(text)) return { daysBack: 2 };
  const w = WEEKDAY_WORD.exec(text)?.[1];
  return w ? { weekday: WEEKDAYS.findIndex((d) => d.toLowerCase() === w) } : undefined;
}

/** How many days before the day starting at `start` the named day is (a week on its own weekday), and its name and date. */
export function namedDayBack(day: NamedDay, start: number, zone?: string): { days: number; label: string } {
  const today = new Date(`${dayDate(start, zone)}T00:00:00Z`).getUTCDay();
  const days = 'daysBack' in day ? day.daysBack : (today - day.weekday + 7) % 7 || 7;
  return { days, label: `${WEEKDAYS[(today - days + 70) % 7]} ${dayDate(start - days * 86_400_000, zone)}` };
}
