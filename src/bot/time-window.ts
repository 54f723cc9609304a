/** Weekly recurring time windows in a time zone: maintenance windows and route hours. */

import { WEEKDAYS, type Weekday } from '../core/weekday.js';

/** A weekly recurring time window. */
export interface TimeWindow {
  /** Days the window starts on; every day when absent. */
  weekdays?: Weekday[];
  /** "HH:MM", local to `timezone`; an end before the start runs past midnight. */
  start: string;
  end: string;
  /** IANA zone, UTC by default. */
  timezone?: string;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Weekday (0 = Sunday) and minute of the day of `ts` in `zone`. */
export function localTime(ts: number, zone: string): { day: number; minute: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ts)).map((p) => [p.type, p.value]));
  const day = WEEKDAYS.indexOf(String(parts.weekday).toLowerCase().slice(0, 3) as Weekday);
  return { day, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Whether `ts` falls inside the window (a window past midnight belongs to the day it started). */
export function inWindow(m: TimeWindow, ts: number): boolean {
  const { day, minute } = localTime(ts, m.timezone ?? 'UTC');
  const start = minutesOf(m.start);
  const end = minutesOf(m.end);
  const starts = (d: number) => !m.weekdays || m.weekdays.includes(WEEKDAYS[(d + 7) % 7]!);
  if (start <= end) return minute >= start && minute < end && starts(day);
  // Past midnight: the evening part belongs to today, the morning part to yesterday's window.
  return (minute >= start && starts(day)) || (minute < end && starts(day - 1));
}

/** "Thu 00:00–00:45 UTC" for chat and the CLI. */
export function describeWindow(m: TimeWindow): string {
  const days = m.weekdays ? m.weekdays.map((d) => d[0]!.toUpperCase() + d.slice(1)).join(', ') : 'daily';
  return `${days} ${m.start}–${m.end} ${m.timezone ?? 'UTC'}`;
}

/**
 * When the window next opens and closes after `from`, within `withinMs`, read in steps of five
 * minutes: windows are set in "HH:MM", and one that starts off that grid is found up to 5 min
 * late. Undefined when it does not open in that time. Pure.
 */
export function nextOpening(m: TimeWindow, from: number, withinMs: number): { start: number; end: number } | undefined {
  const STEP = 5 * 60_000;
  const first = Math.ceil(from / STEP) * STEP;
  let wasIn = inWindow(m, from);
  for (let t = first; t <= from + withinMs; t += STEP) {
    const isIn = inWindow(m, t);
    if (isIn && !wasIn) {
      let end = t + STEP;
      while (inWindow(m, end) && end - t < 7 * 86_400_000) end += STEP;
      return { start: t, end };
    }
    wasIn = isIn;
  }
  return undefined;
}
