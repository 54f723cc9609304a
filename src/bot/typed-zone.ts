/**
 * A time typed without a zone, read on the asker's clock: "cpu at 10:00" from someone whose display
 * zone is Europe/Berlin means 10:00 in Berlin, as the reply shows it, and so do "overnight", "this
 * morning", "on friday" and a silence "from 02:00 to 03:00". A time said in UTC or with an offset
 * ("10:00 utc", "09:00+01:00") already carries its zone and is left alone. Pure.
 */
import type { Intent } from './intent.js';

/** Every ClockTime in the intent (a span's ends, a silence's start and end, a reminder's time) without a zone gets `zone`. */
export function inAskersZone<T extends Intent>(intent: T, zone: string | undefined): T {
  return zone ? (zoned(intent, zone) as T) : intent;
}

function zoned(v: unknown, zone: string): unknown {
  if (Array.isArray(v)) return v.map((x) => zoned(x, zone));
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  // A ClockTime: minutes into a day, perhaps with its day and zone (parse-clock.ts).
  if (typeof o.minute === 'number' && !('kind' in o)) return 'zone' in o ? o : { ...o, zone };
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, zoned(x, zone)]));
}
