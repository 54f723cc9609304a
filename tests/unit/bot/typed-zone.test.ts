import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src/bot/intent.js';
import { clockTs, untilTs, type ClockTime } from '../../../src/bot/parse-clock.js';
import { rangeTs } from '../../../src/bot/range-ts.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { inAskersZone } from '../../../src/bot/typed-zone.js';

// 12:00 UTC on Saturday 2026-12-05: 13:00 in Berlin (+01:00), 07:00 in New York (−05:00).
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const H = 3_600_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];
const ask = (q: string, zone?: string) => inAskersZone(parseIntent(q, targets), zone);
const spanOf = (i: Intent) => (i as { span?: { kind: string; at?: ClockTime; from?: ClockTime; until?: ClockTime } }).span!;

describe('a time typed by someone with a display zone', () => {
  it('is read on their clock: the instant and the windows move by their offset', () => {
    const at = (q: string, zone?: string) => clockTs(spanOf(ask(q, zone)).at!, NOW);
    expect(at('cpu on web-1 at 10:00')).toBe(Date.UTC(2026, 11, 5, 10));
    expect(at('cpu on web-1 at 10:00', 'Europe/Berlin')).toBe(Date.UTC(2026, 11, 5, 9));
    expect(at('cpu on web-1 at 10:00', 'America/New_York')).toBe(Date.UTC(2026, 11, 5, 15) - 24 * H);
    const range = (q: string, zone?: string) => {
      const s = spanOf(ask(q, zone));
      return rangeTs(s.from!, s.until, NOW);
    };
    expect(range('anomalies between 9 and 10am', 'Europe/Berlin')).toEqual({
      from: Date.UTC(2026, 11, 5, 8),
      until: Date.UTC(2026, 11, 5, 9),
    });
    // The day parts are clock ranges, so they follow too: the Berlin night, the Berlin morning.
    expect(range('what happened overnight', 'Europe/Berlin')).toEqual({ from: Date.UTC(2026, 11, 4, 21), until: Date.UTC(2026, 11, 5, 5) });
    expect(range('anomalies this morning', 'Europe/Berlin')).toEqual({ from: Date.UTC(2026, 11, 5, 5), until: Date.UTC(2026, 11, 5, 11) });
    expect(range('memory on db-1 on friday', 'Europe/Berlin')).toEqual({
      from: Date.UTC(2026, 11, 3, 23),
      until: Date.UTC(2026, 11, 4, 23),
    });
  });

  it('said in UTC or with an offset, stays that instant', () => {
    for (const q of ['cpu on web-1 at 10:00 utc', 'cpu on web-1 at 10:00z', 'cpu on web-1 at 11:00+01:00', 'cpu on web-1 at 10am gmt'])
      expect(clockTs(spanOf(ask(q, 'America/New_York')).at!, NOW), q).toBe(Date.UTC(2026, 11, 5, 10));
    // With an IANA zone named, that zone, not the asker's.
    expect(clockTs(spanOf(ask('cpu on web-1 at 10:00 asia/tokyo', 'Europe/Berlin')).at!, NOW)).toBe(Date.UTC(2026, 11, 5, 1));
    // A dash between two times is no offset.
    const s = spanOf(ask('anomalies 09:00-10:00', 'Europe/Berlin'));
    expect(rangeTs(s.from!, s.until, NOW)).toEqual({ from: Date.UTC(2026, 11, 5, 8), until: Date.UTC(2026, 11, 5, 9) });
  });

  it('sets silences on their clock, and leaves spans that are no clock time alone', () => {
    const mute = ask('mute web-1 from 22:00 until 23:00', 'Europe/Berlin') as Extract<Intent, { kind: 'silence' }>;
    expect(mute.kind).toBe('silence');
    expect(untilTs(mute.from!, NOW)).toBe(Date.UTC(2026, 11, 5, 21));
    expect(untilTs(mute.until!, NOW)).toBe(Date.UTC(2026, 11, 5, 22));
    const utc = ask('mute web-1 until 15:00 utc', 'Europe/Berlin') as Extract<Intent, { kind: 'silence' }>;
    expect(untilTs(utc.until!, NOW)).toBe(Date.UTC(2026, 11, 5, 15));
    for (const q of ['cpu on web-1 over the last 2 hours', 'anomalies today', 'cpu on web-1 an hour ago', 'status'])
      expect(ask(q, 'Europe/Berlin'), q).toEqual(parseIntent(q, targets));
    expect(ask('cpu on web-1 at 10:00')).toEqual(parseIntent('cpu on web-1 at 10:00', targets));
  });
});
