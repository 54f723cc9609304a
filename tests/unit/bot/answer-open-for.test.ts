import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const MIN = 60_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }, { name: 'api-1' }];

/** Three open anomalies, opened 3 h, 45 min and 5 min ago. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  for (const [id, target, ago] of [
    ['an_old', 'db-1', 180],
    ['an_mid', 'web-1', 45],
    ['an_new', 'api-1', 5],
  ] as const)
    store.upsertAnomaly({ ...cpuAnomaly(id, target), startTs: NOW - ago * MIN, updatedTs: NOW - MIN, endTs: null, status: 'open' });
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ids = (q: string) => [...answerIntent(parseIntent(q, targets), ctx()).matchAll(/\ban_\w+/g)].map((m) => m[0]);

describe('open anomalies by how long they have been open', () => {
  it('"alerts open longer than an hour", "firing for over 30 min": only those at least that old, whatever the window words say', () => {
    expect(parseIntent('which alerts are still unacknowledged after 30 min?', targets)).toMatchObject({
      open: true,
      openForMs: 30 * MIN,
      acked: false,
    });
    expect(ids('alerts open longer than an hour')).toEqual(['an_old']);
    expect(ids('alerts firing for over 30 min')).toEqual(['an_mid', 'an_old']);
    expect(answerIntent(parseIntent('alerts open longer than an hour', targets), ctx())).toMatch(/^1 anomaly open for longer than 60 min/);
  });

  it('"which alerts lasted more than 10 min?": those that went on that long, ended or open so far, in the window named', () => {
    const c = ctx();
    // Two that ended: one after 3 min, one after 30.
    const ended = (id: string, target: string, from: number, to: number) =>
      c.store.upsertAnomaly({
        ...cpuAnomaly(id, target),
        key: `k-${id}`,
        startTs: NOW - from * MIN,
        endTs: NOW - to * MIN,
        updatedTs: NOW - to * MIN,
        status: 'resolved',
      });
    ended('an_short', 'web-1', 100, 97);
    ended('an_long', 'db-1', 90, 60);
    const got = (q: string) => [...answerIntent(parseIntent(q, targets), c).matchAll(/\ban_\w+/g)].map((m) => m[0]).sort();
    expect(got('which alerts lasted more than 10 min?')).toEqual(['an_long', 'an_mid', 'an_old']);
    expect(parseIntent('alerts that lasted over 5 minutes this week', targets)).toMatchObject({
      lastedMs: 5 * MIN,
      span: { kind: 'last', ms: 7 * 86_400_000 },
    });
    expect(got('alerts that lasted over 20 minutes in the last 2 hours')).toEqual(['an_long', 'an_mid']);
  });

  it('"the oldest open alert" is the one open the longest', () => {
    expect(ids('oldest open alert')).toEqual(['an_old']);
  });
});
