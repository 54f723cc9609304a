import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.saveSamples([
    { target: 'web-1', metric: 'cpu', ts: NOW - 10_000, value: 31.723456 },
    { target: 'db-1', metric: 'cpu', ts: NOW - 10_000, value: 48.05 },
    { target: 'db-1', metric: 'net_in', ts: NOW - 10_000, value: 1_159_676 },
  ]);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

describe('a figure asked for exactly', () => {
  it('adds the latest stored values, to the places asked', () => {
    expect(parseIntent('cpu on web-1 to 2 decimal places', targets)).toEqual({ kind: 'metrics', metric: 'cpu', target: 'web-1', exact: 2 });
    const two = ask('cpu on web-1 to 2 decimal places');
    expect(two[0]).toMatch(/^web-1 CPU 31\.7% /);
    expect(two.slice(1)).toEqual(['As stored, to 2 decimal places:', '• web-1 CPU 31.72% (at 11:59:50 UTC)']);
    // Four places by default; a whole number as it is.
    expect(ask('exact cpu').slice(-3)).toEqual([
      'As stored, to 4 decimal places:',
      '• db-1 CPU 48.0500% (at 11:59:50 UTC)',
      '• web-1 CPU 31.7235% (at 11:59:50 UTC)',
    ]);
    expect(ask('exact network in on db-1').at(-1)).toBe('• db-1 network in 1159676 B/s (at 11:59:50 UTC)');
    // Without the ask, nothing is added; a window's statistic is not a stored reading.
    expect(ask('cpu on web-1')).toHaveLength(1);
    expect(parseIntent('peak cpu exactly today', targets)).not.toHaveProperty('exact');
  });
});
