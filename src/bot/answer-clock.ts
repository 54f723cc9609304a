import type { AnswerContext } from './answer-intent.js';
import { stamp } from './format-reply.js';
import { ianaZone, offsetMs } from './parse-clock.js';
import { quoteUntrusted } from './text-tools.js';

const REGIONS = ['America', 'Europe', 'Asia', 'Africa', 'Australia', 'Pacific', 'Atlantic', 'Indian', 'Antarctica'];

/**
 * A city as the IANA names spell it ("new york" → America/New_York): the last part of a zone's name,
 * or a region with it, which also finds the names kept as links ("kolkata" → Asia/Kolkata).
 */
function cityZone(place: string): string | undefined {
  const want = place.trim().toLowerCase().replace(/\s+/g, '_');
  if (!/^[a-z_'-]{3,40}$/.test(want)) return undefined;
  const listed = Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase().split('/').at(-1) === want);
  if (listed) return listed;
  for (const r of REGIONS) {
    const z = ianaZone(`${r}/${want}`);
    if (z) return z;
  }
  return undefined;
}

const offset = (ms: number) => {
  const m = Math.round(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/**
 * "What time is it?": now, in UTC or on the asker's display clock. "What time is it in Tokyo?" / "in
 * Asia/Tokyo": now on that zone's clock, from an IANA name or a city that ends one; an abbreviation
 * ("PST") or a place that names no zone is said so, with how to name one, never guessed.
 */
export function clockReply(c: AnswerContext, place?: string): string {
  if (place !== undefined) {
    // Only a name with a region is read as one: "pst" resolves in some builds, but an abbreviation is refused everywhere here.
    const zone = place.includes('/') ? ianaZone(place) : cityZone(place);
    if (!zone)
      return `I know no time zone called ${quoteUntrusted(place)}: name one as the IANA database does ("Asia/Tokyo", "America/New_York", "Europe/Berlin"), or a city that ends such a name ("tokyo", "new york"); an abbreviation such as PST names several zones, and summer time moves it.`;
    const off = offsetMs(zone, c.now);
    const wall = new Date(c.now + off);
    const day = wall.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
    return `In ${zone} it is ${wall.toISOString().slice(0, 16).replace('T', ' ')} (${offset(off)}), ${day}; here it is ${stamp(c.now)}.`;
  }
  const day = new Date(c.now).toLocaleDateString('en-GB', { weekday: 'long', timeZone: c.zone ?? 'UTC' });
  return c.zone
    ? `It is ${stamp(c.now)}, ${day}. My replies to you give times in ${c.zone}, and "today" and a time you type are on that clock ("at 15:00 utc" stays UTC); alerts in channels are on the team's clock (chat.timezone, UTC unless set).`
    : `It is ${stamp(c.now)}, ${day}. I read and say times in UTC.`;
}
