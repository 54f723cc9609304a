import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { dayDate, dayStart } from '../../../src/bot/day-start.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const H = 3_600_000;

describe('dayStart', () => {
  it('is the UTC day without a zone, and local midnight in one, daylight saving included', () => {
    const t = Date.UTC(2026, 11, 5, 22, 30);
    expect(dayStart(t)).toBe(Date.UTC(2026, 11, 5));
    // 23:30 in Berlin (+01:00): its day began at 23:00 UTC the day before.
    expect(dayStart(t, 'Europe/Berlin')).toBe(Date.UTC(2026, 11, 4, 23));
    // 08:30 the next day at UTC+14: that day began at 10:00 UTC on the 5th.
    expect(dayStart(t, 'Pacific/Kiritimati')).toBe(Date.UTC(2026, 11, 5, 10));
    expect(dayDate(dayStart(t, 'Pacific/Kiritimati'), 'Pacific/Kiritimati')).toBe('2026-12-06');
    // New York on 2026-03-08, the day clocks go forward: midnight was still at -05:00.
    expect(dayStart(Date.UTC(2026, 2, 8, 18), 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 5));
    // And on 2026-11-01, the day they go back: midnight was at -04:00.
    expect(dayStart(Date.UTC(2026, 10, 1, 18), 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 4));
  });
});

describe('"today" for someone with a display zone', () => {
  it('is their day, said with their zone; without one it is the UTC day', () => {
    const now = Date.UTC(2026, 11, 5, 22, 30);
    const store = createSqliteStore(':memory:');
    // One anomaly at 21:00 UTC (the UTC day), one at 23:10 UTC the day before (the Berlin day only).
    store.upsertAnomaly(resolvedAnomaly('an_late', now, { startTs: now - 1.5 * H, endTs: now - H }));
    store.upsertAnomaly(resolvedAnomaly('an_early', now, { startTs: Date.UTC(2026, 11, 4, 23, 10), endTs: Date.UTC(2026, 11, 4, 23, 20) }));
    const c: AnswerContext = { store, targets: [{ name: 'web-1' }], now, staleAfterMs: 90_000 };
    const ask = (q: string, zone?: string) => answerIntent(parseIntent(q, c.targets), { ...c, ...(zone ? { zone } : {}) }).split('\n')[0];
    expect(ask('how many anomalies today?')).toBe('1 anomaly today (UTC), 0 open.');
    expect(ask('how many anomalies today?', 'Europe/Berlin')).toBe('2 anomalies today (Europe/Berlin), 0 open.');
    expect(ask('peak cpu on web-1 yesterday', 'Europe/Berlin')).toMatch(/yesterday \(2026-12-04 Europe\/Berlin\)/);
  });
});
