import { offsetMs } from './parse-clock.js';

const HOUR = 3_600_000;

/**
 * An instant on a zone's wall clock, as milliseconds whose UTC reading is the local time (UTC itself
 * without a zone): hour and day buckets and labels then come out on the asker's clock. The zone's
 * offset is looked up once an hour of the instants asked about, since a week of samples asks often.
 */
export function wallClock(zone: string | undefined): (ts: number) => number {
  if (!zone) return (ts) => ts;
  const offsets = new Map<number, number>();
  return (ts) => {
    const h = Math.floor(ts / HOUR);
    let off = offsets.get(h);
    if (off === undefined) offsets.set(h, (off = offsetMs(zone, h * HOUR)));
    return ts + off;
  };
}
