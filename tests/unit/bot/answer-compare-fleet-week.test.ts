import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 7, 6, 0, 0);
const H = 3_600_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }, { name: 'new-1' }];

describe('the fleet, today against yesterday', () => {
  it('leads the table with the pooled samples of the targets read on both days, leaving out one new today', () => {
    const store = createSqliteStore(':memory:');
    for (let k = 0; k < 72; k++) {
      const ago = k * 5 * 60_000;
      // Today since midnight: web-1 30 %, db-1 50 %; the same hours yesterday 20 % and 40 %; new-1 only today, 90 %.
      if (ago <= 6 * H) {
        store.saveSamples([
          { target: 'web-1', metric: 'cpu', ts: NOW - ago, value: 30 },
          { target: 'db-1', metric: 'cpu', ts: NOW - ago, value: 50 },
          { target: 'new-1', metric: 'cpu', ts: NOW - ago, value: 90 },
          { target: 'web-1', metric: 'cpu', ts: NOW - 24 * H - ago, value: 20 },
          { target: 'db-1', metric: 'cpu', ts: NOW - 24 * H - ago, value: 40 },
        ]);
      }
    }
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    const lines = answerIntent(parseIntent("what's the average cpu across the fleet today vs yesterday?", targets), c).split('\n');
    expect(lines[0]).toBe('CPU, today so far vs the same hours yesterday (00:00–06:00 UTC):');
    expect(lines[3]).toMatch(/^fleet \(2 on both\)\s+40\.0%\s+30\.0%\s+\+10\.0 pts\s+50\.0%\s+40\.0%$/);
    expect(lines[4]).toMatch(/^new-1\s+90\.0%\s+no samples/);
    // One target named: no fleet row.
    expect(answerIntent(parseIntent('cpu on web-1 vs yesterday', targets), c)).not.toMatch(/fleet/);
  });
});

describe('this week against last week', () => {
  it('compares the week so far, from Monday 00:00, with the same stretch a week before', () => {
    // Wednesday 2026-12-09 12:00: this week since Monday 12-07 00:00 runs 60 %, the same stretch last week 40 %.
    const now = Date.UTC(2026, 11, 9, 12, 0, 0);
    const store = createSqliteStore(':memory:');
    for (let ago = 0; ago <= 14 * 24 * H; ago += H)
      store.saveSamples([{ target: 'db-1', metric: 'memory', ts: now - ago, value: ago < 7 * 24 * H ? 60 : 40 }]);
    const c: AnswerContext = { store, targets, now, staleAfterMs: 90_000 };
    expect(parseIntent('db-1 memory this week vs last week', targets)).toMatchObject({ kind: 'compare', against: 'last_week', week: true });
    const lines = answerIntent(parseIntent('db-1 memory this week vs last week', targets), c).split('\n');
    expect(lines[0]).toBe(
      'db-1, this week so far (since 2026-12-07 00:00:00 UTC) vs the same stretch last week (2026-11-30 00:00:00 UTC to 2026-12-02 12:00:00 UTC):',
    );
    expect(lines[2]).toMatch(/^metric\s+this week avg\s+last week avg\s+change/);
    expect(lines[3]).toMatch(/^memory\s+60\.0%\s+40\.0%\s+\+20\.0 pts/);
    // "vs last week" alone stays today against the same hours a week ago.
    expect(parseIntent('cpu on web-1 vs last week', targets)).not.toHaveProperty('week');
  });
});
