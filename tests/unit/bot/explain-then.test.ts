import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

// 12:00 UTC; yesterday 21:27 web-1's CPU spiked (robust, then the threshold rule), and db-1's disk filled at 23:10.
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const Y = NOW - 12 * 3_600_000 - 86_400_000; // yesterday 00:00
const at = (h: number, m = 0) => Y + (h * 60 + m) * 60_000;

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.upsertAnomaly(
    resolvedAnomaly('an_spike', NOW, { detector: 'robust', severity: 'critical', startTs: at(21, 27), endTs: at(21, 32) }),
  );
  store.upsertAnomaly(resolvedAnomaly('an_rule', NOW, { detector: 'threshold', startTs: at(21, 28), endTs: at(21, 31) }));
  store.upsertAnomaly(resolvedAnomaly('an_disk', NOW, { target: 'db-1', metric: 'disk', startTs: at(23, 10), endTs: at(23, 15) }));
  store.saveSamples([{ target: 'web-1', metric: 'cpu', ts: at(5), value: 31.5 }]);
  return { store, targets: [{ name: 'web-1' }, { name: 'db-1' }], now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, ctx().targets), ctx()).split('\n');

describe('"why was web-1 cpu high at 21:27 yesterday?"', () => {
  it('explains the anomaly open then, the nearest to the instant first, and says how many more there were', () => {
    const lines = ask('why was web-1 cpu high at 21:30 yesterday?');
    expect(lines[0]).toBe(
      'The CPU anomaly on web-1 at 2026-12-04 21:30:00 UTC (1 more then: "anomalies on web-1 at 2026-12-04 21:30:00 UTC"):',
    );
    expect(lines[1]).toMatch(/^an_(spike|rule) /);
    // Within a quarter of an hour counts; further off does not, and the figure then is given instead.
    expect(ask('why was web-1 cpu high at 21:15 yesterday?')[1]).toMatch(/^an_spike /);
    expect(ask('why was web-1 cpu high at 05:00 yesterday?')).toEqual([
      'No CPU anomaly on web-1 at 2026-12-04 05:00:00 UTC (or within 15 min of it): no detector found it unusual then.',
      'web-1 CPU at 2026-12-04 05:00:00 UTC: 31.5% (sample at 05:00:00 UTC)',
    ]);
  });

  it('explains the latest that started in a window, of the metric named', () => {
    expect(ask('why did db-1 disk alert last night?')[1]).toMatch(/^an_disk /);
    expect(ask('why did web-1 cpu alert last night?')[0]).toBe(
      'No CPU anomaly on web-1 between 2026-12-04 22:00:00 UTC and 2026-12-05 06:00:00 UTC: no detector found it unusual then.',
    );
    expect(ask('what caused the web-1 cpu alert yesterday?')[1]).toMatch(/^an_rule /);
  });
});
