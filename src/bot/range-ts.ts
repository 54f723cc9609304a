import { clockTs, type ClockTime } from './parse-clock.js';

const DAY = 86_400_000;

/**
 * A window's two ends: `until` on the day of `from` (the next day if it is earlier), never after now.
 * A day-less window across midnight that has not reached its midnight yet ("between 22:00 and 02:00"
 * asked at 22:30, "between 10:00 and 09:00" asked at 22:00) is the last whole one, which ended today,
 * not tonight's barely begun: asked before its end, no one means a window mostly in the future.
 */
export function rangeTs(from: ClockTime, until: ClockTime | undefined, now: number): { from: number; until: number } {
  const f = clockTs(from, now);
  if (!until) return { from: f, until: now };
  // Without a day, `until` is on the day of `from` (a zoned one's minutes are that zone's, within the day).
  let u = until.day ? clockTs(until, now) : f - (((from.minute % 1440) + 1440) % 1440) * 60_000 + until.minute * 60_000;
  let crossed = false;
  for (; u <= f; crossed = true) u += DAY;
  const back = crossed && !from.day && !until.day && now < u - until.minute * 60_000 ? DAY : 0;
  return { from: f - back, until: Math.min(u - back, now) };
}
