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
