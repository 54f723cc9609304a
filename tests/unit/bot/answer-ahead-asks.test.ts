import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { untilTs } from '../../../src/bot/parse-clock.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];
const parse = (q: string) => parseIntent(q, targets);

/** web-1 disk rising one point an hour from 40% at 06:00 to 46% now, with a little alternating scatter. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.saveSamples(
    Array.from({ length: 721 }, (_, k) => {
      const ts = NOW - 6 * H + k * 30_000;
      return { target: 'web-1', metric: 'disk', ts, value: 40 + (ts - (NOW - 6 * H)) / H + (k % 2 ? 0.05 : -0.05) };
    }),
  );
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c = ctx()) => answerIntent(parse(q), c).split('\n');

describe('asked ahead of now, or of a level', () => {
  it('reads "what will … be at 18:00?" from the line at the next 18:00, never as yesterday\'s reading', () => {
    expect(parse('what will web-1 disk be at 18:00?')).toEqual({
      kind: 'trend',
      metric: 'disk',
      target: 'web-1',
      aheadAt: { minute: 1080 },
    });
    // A reading asked ("at 10:00", "at 18:00 yesterday") is still the reading then.
    expect(parse('web-1 disk at 10:00')).toMatchObject({ kind: 'metrics', span: { kind: 'clock' } });
    expect(parse('what will web-1 disk be at 18:00 yesterday?').kind).toBe('metrics');
    expect(ask('what will web-1 disk be at 18:00?')[0]).toMatch(/^web-1 disk in 6 h \(2026-12-06 18:00:00 UTC\): about 52\.\d%/);
    // 09:00 has passed today: tomorrow's.
    expect(ask('what will web-1 disk be at 09:00?')[0]).toMatch(/^web-1 disk in 21 h \(2026-12-07 09:00:00 UTC\)/);
    // Asked of the fleet: each host's line read then, in a column of its own.
    const fleet = ask('what will disk be at 18:00?');
    expect(fleet[0]).toMatch(/ At 18:00 \(2026-12-06 18:00:00 UTC\), if each line holds: the "at 18:00" column/);
    expect(fleet[2]).toMatch(/^target\s+trend\s+fitted end\s+at 18:00\s+scatter/);
    expect(fleet[3]).toMatch(/^web-1\s+\+1\.00 %\/h\s+46\.0%\s+~52\.0%\s+/);
  });

  it('reads "how far is … from 90%?" as the gap now and when the line gets there', () => {
    expect(parse('how far is web-1 disk from 90%?')).toEqual({ kind: 'trend', metric: 'disk', target: 'web-1', level: 90 });
    expect(parse('how close is web-1 disk to 50%?')).toEqual({ kind: 'trend', metric: 'disk', target: 'web-1', level: 50 });
    const lines = ask('how close is web-1 disk to 50%?');
    expect(lines[0]).toMatch(/^web-1 disk 46\.\d% now: [34]\.\d points below 50\.0%\.$/);
    expect(lines.join('\n')).toMatch(/50\.0% in about 4 h/);
    expect(parse('how far is web-1 from alerting?')).toMatchObject({ kind: 'attention', building: true, target: 'web-1' });
    // The time left before full, over a week's line when asked in days.
    expect(parse('how many days of disk left on web-1?')).toEqual({
      kind: 'trend',
      metric: 'disk',
      target: 'web-1',
      level: 100,
      span: { kind: 'last', ms: 7 * 24 * H },
    });
    // "Fastest growing" is how fast it grows, not latency.
    expect(parse('fastest growing disk')).toEqual({ kind: 'trend', metric: 'disk' });
    expect(parse('will anything alert in the next hour?')).toMatchObject({ kind: 'attention', building: true });
  });

  it('reads the quiet hours asked for maintenance, and refuses a silence whose time is left to be worked out', () => {
    for (const q of ['when is web-1 least busy?', 'best time for maintenance on web-1?'])
      expect(parse(q), q).toMatchObject({ kind: 'metrics', target: 'web-1', byHour: 'min', hourOfDay: true });
    expect(parse('maintenance windows')).toEqual({ kind: 'rules', only: 'maintenance' });
    const c = ctx();
    expect(parse('schedule maintenance on db-1 for the quietest hour')).toMatchObject({ kind: 'bad_input' });
    expect(ask('schedule maintenance on db-1 for the quietest hour', c)[0]).toMatch(/Nothing silenced: say when, as a time/);
    expect(c.store.chat.silences(NOW)).toEqual([]);
    expect(parse('silence web-1 for the next hour')).toMatchObject({ kind: 'silence', durationMs: H });
  });
});

describe('parts of the day said in words', () => {
  it('reads lunchtime, the evening and the early hours as those hours of today, and never acts on them later', () => {
    const day = { daysBack: 0 };
    expect(parse('what happened at lunchtime?')).toMatchObject({
      span: { kind: 'range', from: { minute: 720, day }, until: { minute: 840, day } },
    });
    expect(parse('alerts in the evening')).toMatchObject({
      span: { kind: 'range', from: { minute: 1080, day }, until: { minute: 1320, day } },
    });
    expect(parse('cpu in the early hours')).toMatchObject({
      span: { kind: 'range', from: { minute: 0, day }, until: { minute: 360, day } },
    });
    for (const q of ['restart web-1 in the morning', 'approve rp_abc123 in the morning', 'clean up web-1 over lunch'])
      expect(parse(q).kind, q).toBe('bad_input');
    // "Overnight" on a command names the alerts of then, not when to act.
    expect(parse('ack the overnight alert').kind).toBe('ack');
    expect(parse('remind me in the morning to check web-1')).toMatchObject({ kind: 'remind' });
  });

  it('reads "how much disk will web-1 use by monday?" at the end of the next Monday, never the Monday gone', () => {
    // NOW is a Sunday at 12:00.
    expect(parse('how much disk will web-1 use by monday?')).toEqual({
      kind: 'trend',
      metric: 'disk',
      target: 'web-1',
      aheadAt: { minute: 1440, day: { weekday: 1 } },
    });
    expect(parse('will web-1 disk be full by monday?')).toMatchObject({ kind: 'trend', aheadAt: { minute: 1440, day: { weekday: 1 } } });
    // Asked of the past, the day gone.
    expect(parse('what was web-1 disk on monday?')).toMatchObject({ kind: 'metrics', span: { kind: 'range' } });
    expect(ask('how much disk will web-1 use by monday?')[0]).toBe(
      // Only 6 h of samples are held: a longer window would read the same ones (decision 0069).
      'web-1 disk in 36 h (2026-12-08 00:00:00 UTC): too far ahead for a line fitted over 6 h (at most 24 h); that is every sample kept (since 2026-12-06 06:00:00 UTC: retention.samplesHours, or since the target was first read), so a longer window would not help.',
    );
    // With the days kept, the line is fitted over a quarter of the time ahead (9 h here), so it reaches that far.
    const c = ctx();
    c.store.saveSamples(
      Array.from({ length: 72 * 120 + 1 }, (_, k) => ({
        target: 'db-1',
        metric: 'disk',
        ts: NOW - 72 * H + k * 30_000,
        value: 50 + (k * 30_000 * 0.1) / H,
      })),
    );
    const lines = answerIntent(parse('how much disk will db-1 use by monday?'), c).split('\n');
    expect(lines[0]).toMatch(/^db-1 disk in 36 h \(2026-12-08 00:00:00 UTC\): about 60\.[6-9]%/);
    expect(lines[1]).toBe('Trend over the last 9 h:');
    // A weekday that is still to come is the next one; today's past end is next week's.
    expect(untilTs({ minute: 1440, day: { weekday: 1 } }, NOW)).toBe(Date.UTC(2026, 11, 8));
    expect(untilTs({ minute: 600, day: { weekday: 0 } }, NOW)).toBe(Date.UTC(2026, 11, 13, 10));
    expect(untilTs({ minute: 900, day: { weekday: 0 } }, NOW)).toBe(Date.UTC(2026, 11, 6, 15));
  });
});
