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
