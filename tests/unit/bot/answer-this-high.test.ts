import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

// web-1 CPU every minute for 3 h: 20%, but 50% from 10:00 to 10:10, and 45% now.
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.saveSamples(
    Array.from({ length: 180 }, (_, k) => NOW - k * MIN).map((ts) => ({
      target: 'web-1',
      metric: 'cpu',
      ts,
      value: ts === NOW ? 45 : ts >= NOW - 120 * MIN && ts < NOW - 110 * MIN ? 50 : 20,
    })),
  );
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

describe('"when was it last this high?"', () => {
  it('takes the latest reading as the line and gives the stretch before the one now', () => {
    expect(parseIntent('when was web-1 cpu last this high?', targets)).toMatchObject({
      bound: { above: true, orEqual: true, current: true },
      boundAsk: 'last',
    });
    expect(ask('when was web-1 cpu last this high?')[0]).toBe(
      'web-1 CPU is 45.0% at 2026-12-05 12:00:00 UTC; it was last at or above 45.0% 1 h 50 min ago: 2026-12-05 10:00:00–10:10:00 UTC (10 min), peak 50.0% at 10:00:00 UTC.',
    );
    // Readings at or below it just before now: since when, then the stretch before; a fleet names no one series.
    expect(ask('when was web-1 cpu last this low?')[0]).toBe(
      'web-1 CPU is 45.0% at 2026-12-05 12:00:00 UTC; it has been at or below 45.0% since 2026-12-05 10:10:00 UTC (1 h 50 min). Before that, it was last at or below 45.0% 2 h ago: 2026-12-05 09:01:00–10:00:00 UTC (59 min), lowest 20.0% at 09:01:00 UTC.',
    );
    // "This full" is as high as now, not where the disk is heading.
    expect(parseIntent('has db-1 disk ever been this full?', targets)).toMatchObject({
      kind: 'metrics',
      bound: { current: true },
      boundAsk: 'last',
    });
    expect(ask('when was cpu last this bad?')[0]).toMatch(/^Name one target: "this high" is that series' latest reading/);
  });
});
