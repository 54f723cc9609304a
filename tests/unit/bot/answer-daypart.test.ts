import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

// Saturday 2026-12-05 12:00 UTC; two days of hourly CPU: web-1 40 % at night and 20 % by day, db-1 flat 30 %.
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const H = 3_600_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

function ctx(hours = 48): AnswerContext {
  const store = createSqliteStore(':memory:');
  for (let k = 1; k <= hours; k++) {
    const ts = NOW - k * H;
    const h = new Date(ts).getUTCHours();
    const night = h >= 22 || h < 6;
    store.saveSamples([
      { target: 'web-1', metric: 'cpu', ts, value: night ? 40 : 20 },
      { target: 'db-1', metric: 'cpu', ts, value: 30 },
    ]);
  }
  store.setKv('pipeline:watching_since', String(NOW - hours * H));
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, hours = 48) => answerIntent(parseIntent(q, targets), ctx(hours)).split('\n');

describe('a part of the week against the rest', () => {
  it('reads "is cpu higher at night?", "weekday vs weekend cpu" and "latency during business hours", and leaves last night\'s read alone', () => {
    expect(parseIntent('is cpu higher at night?', targets)).toEqual({ kind: 'daypart', metric: 'cpu', part: 'night' });
    expect(parseIntent('is web-1 busier at night?', targets)).toEqual({ kind: 'daypart', metric: 'cpu', part: 'night', target: 'web-1' });
    expect(parseIntent('weekday vs weekend cpu', targets)).toMatchObject({ kind: 'daypart', part: 'weekend' });
    expect(parseIntent("what's latency like during business hours?", targets)).toMatchObject({
      kind: 'daypart',
      metric: 'latency',
      part: 'business',
    });
    expect(parseIntent('cpu during the night on web-1', targets)).toMatchObject({ kind: 'metrics', span: { kind: 'range' } });
  });

  it("gives each target's average at night against the day, the fleet first", () => {
    const lines = ask('is cpu higher at night?');
    // Of 48 hourly samples 16 fall at night: the fleet 35 % at night against 25 % by day.
    expect(lines[0]).toBe(
      'CPU at night (22:00–06:00 UTC) against the day, over the last 2 d (watched since 2026-12-03 12:00:00 UTC): across 2 targets 35.0% against 25.0% (+10.0 pts).',
    );
    expect(lines[3]).toMatch(/^web-1 +40\.0% +20\.0% +\+20\.0 pts +16$/);
    expect(lines[4]).toMatch(/^db-1 +30\.0% +30\.0% +±0\.0 pts +16$/);
  });

  it('says when the part has not been seen, rather than comparing nothing', () => {
    // Watched only since Saturday 02:00: no business hours yet.
    expect(ask('is cpu higher during business hours?', 10)[0]).toBe(
      'No CPU samples in business hours (Mon–Fri 09:00–17:00 UTC) over the last 10 h (watched since 2026-12-05 02:00:00 UTC) yet, so there is nothing to set against the rest of the week.',
    );
  });
});
