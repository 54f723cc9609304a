import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly, resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const M = 60_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.setTargetState('web-1', 'up');
  store.setTargetState('db-1', 'silent');
  // Today: two episodes on web-1 memory (robust and threshold together), ended 11:30; one yesterday.
  store.upsertAnomaly(resolvedAnomaly('an_m1', NOW, { target: 'web-1', metric: 'memory', startTs: NOW - 60 * M, endTs: NOW - 30 * M }));
  store.upsertAnomaly(
    resolvedAnomaly('an_m2', NOW, { target: 'web-1', metric: 'memory', detector: 'robust', startTs: NOW - 59 * M, endTs: NOW - 31 * M }),
  );
  store.upsertAnomaly(
    resolvedAnomaly('an_y', NOW, { target: 'web-1', metric: 'disk', startTs: NOW - 20 * 60 * M, endTs: NOW - 19 * 60 * M }),
  );
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

describe('the one-line summary', () => {
  it('gives the fleet now and today in one line', () => {
    expect(answerIntent(parseIntent('tl;dr', targets), ctx())).toBe(
      '1 of 2 targets reporting · nothing open · nothing waiting for approval · today (UTC) 1 episode, the last ended 30 min ago.',
    );
  });

  it('counts what is open, critical first, and leaves out the last end while something is open', () => {
    const c = ctx();
    c.store.upsertAnomaly({ ...cpuAnomaly('an_open', 'db-1', 'disk'), severity: 'critical', startTs: NOW - 5 * M });
    const line = answerIntent(parseIntent('give me a one line summary', targets), c);
    expect(line).toBe('1 of 2 targets reporting · 1 anomaly open (1 critical) · nothing waiting for approval · today (UTC) 2 episodes.');
    expect(line.split('\n')).toHaveLength(1);
  });
});
