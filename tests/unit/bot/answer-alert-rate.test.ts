import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 10, 2, 12, 0, 0);
const H = 3_600_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

describe('alerts a day on average', () => {
  // Four anomalies 12 h apart, the first 48 h ago: two a day over the time watched.
  function ctx(): AnswerContext {
    const store = createSqliteStore(':memory:');
    for (let k = 0; k < 4; k++)
      store.upsertAnomaly(
        resolvedAnomaly(`an_${k}`, NOW, { startTs: NOW - 48 * H + k * 12 * H, endTs: NOW - 48 * H + k * 12 * H + 300_000 }),
      );
    return { store, targets, now: NOW, staleAfterMs: 90_000 };
  }
  const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

  it('reads "per day on average" as the rate, not the days ranked', () => {
    expect(parseIntent('how many alerts per day on average?', targets)).not.toHaveProperty('rank');
    expect(parseIntent('alerts per day', targets)).toMatchObject({ rank: 'day' });
    expect(parseIntent('which hour is worst for alerts?', targets)).toMatchObject({ kind: 'anomalies', rank: 'hour' });
    expect(parseIntent('are we alerting more than usual?', targets)).toMatchObject({ kind: 'anomaly_change', usual: true });
  });

  it('gives the daily rate beside the interval once a day or more was watched', () => {
    expect(ask('how many alerts per day on average?')).toContain('About one anomaly every 12 h, 2.0 a day (4 in the 2 d watched).');
    // Under a day watched: the interval alone.
    expect(ask('how many alerts in the last 20 hours?').some((l) => / a day \(/.test(l))).toBe(false);
  });
});
