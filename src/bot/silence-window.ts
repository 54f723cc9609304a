import { stamp } from '../core/stamp.js';
import { clockTs, untilTs, type ClockTime } from './parse-clock.js';
import { MAX_SILENCE_MS } from './extend-silences.js';

const DAY = 86_400_000;
/** How far ahead a silence may be scheduled: a maintenance window planned for next month is a config change (chat.muteTimes). */
export const MAX_SCHEDULE_AHEAD_MS = 30 * DAY;

/**
 * When a silence asked at `now` begins and ends. Without `from`, now. With it, the window of that
 * clock time still to come: one under way ("from 22:00 to 23:00" said at 22:30) begins now; one
 * over for today is the next day's. `until` without a day is the first such time after the start;
 * without `until`, the length asked. Pure.
 */
export function silenceWindow(
  given: { from?: ClockTime; until?: ClockTime; durationMs: number },
  now: number,
):
  | { startTs: number; endTs: number; /** The end asked, before the longest a silence lasts held it. */ askedEndTs: number }
  | { error: string } {
  // A weekday in a read is the latest one; in a silence, the next ("mute web-1 on monday"), today included.
  const ahead = (t: ClockTime | undefined): ClockTime | undefined =>
    t?.day && 'weekday' in t.day ? { ...t, day: { daysBack: -((t.day.weekday - new Date(now - (now % DAY)).getUTCDay() + 7) % 7) } } : t;
  const asked = { ...given, from: ahead(given.from), until: ahead(given.until) };
  // An end on a weekday is the next one still to come: "until monday 09:00" said on Monday at 10:00 is next week's.
  const weekdayEnd = (t: ClockTime) => {
    const ts = clockTs(t, now);
    return given.until?.day && 'weekday' in given.until.day && ts <= now ? ts + 7 * DAY : ts;
  };
  const endAfter = (start: number) =>
    asked.until ? (asked.until.day ? weekdayEnd(asked.until) : untilTs(asked.until, start)) : start + asked.durationMs;
  if (!asked.from) {
    const endTs = endAfter(now);
    return endTs <= now
      ? { error: `${stamp(endTs)} has already passed.` }
      : { startTs: now, endTs: Math.min(endTs, now + MAX_SILENCE_MS), askedEndTs: endTs };
  }
  let start = clockTs(asked.from, now);
  if (!asked.from.day && endAfter(start) <= now) start += DAY;
  // "From 22:00 until tomorrow 01:00" puts both on tomorrow: the start is the evening before.
  if (asked.from.day && asked.until?.day && endAfter(start) <= start) start -= DAY;
  // "Over the weekend" said on Sunday: the weekend under way, from the Saturday before.
  if (given.from?.day && 'weekday' in given.from.day && asked.until?.day && endAfter(start) <= start) start -= 6 * DAY;
  const end = endAfter(start);
  if (end <= start) return { error: `it would end (${stamp(end)}) before it begins (${stamp(start)}).` };
  if (end <= now) return { error: `${stamp(start)} to ${stamp(end)} has already passed.` };
  if (start - now > MAX_SCHEDULE_AHEAD_MS)
    return { error: `${stamp(start)} is more than 30 days ahead; a regular window is set in chat.muteTimes in the config.` };
  const startTs = Math.max(start, now);
  return { startTs, endTs: Math.min(end, startTs + MAX_SILENCE_MS), askedEndTs: end };
}
