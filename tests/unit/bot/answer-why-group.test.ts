import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly, resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [
  { name: 'api-1', role: 'api' },
  { name: 'api-2', role: 'api' },
  { name: 'web-1', role: 'web' },
];

function ctx(open: boolean): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.saveSamples(
    ['api-1', 'api-2', 'web-1'].map((target, k) => ({ target, metric: 'latency_ms', ts: NOW - 10_000, value: 100 + 10 * k })),
  );
  // web-1's latency alert is outside the group asked about, and never named for it.
  store.upsertAnomaly({ ...cpuAnomaly('an_web', 'web-1', 'latency_ms'), startTs: NOW - 60_000 });
  store.upsertAnomaly(resolvedAnomaly('an_old', NOW - 3_600_000, { target: 'api-1', metric: 'latency_ms', startTs: NOW - 4_000_000 }));
  if (open) store.upsertAnomaly({ ...cpuAnomaly('an_api2', 'api-2', 'latency_ms'), startTs: NOW - 120_000 });
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

describe('why, asked of several targets', () => {
  it('explains each of the group, as for one target, and nothing outside it', () => {
    const parse = (q: string) => parseIntent(q, targets);
    expect(parse('why is latency high on the api hosts?')).toEqual({ kind: 'explain', group: ['api-1', 'api-2'], metric: 'latency' });
    expect(parse('why is cpu high on api-1?')).toEqual({ kind: 'explain', target: 'api-1', metric: 'cpu' });
    const quiet = answerIntent(parse('why is latency high on the api hosts?'), ctx(false)).split('\n');
    expect(quiet[0]).toBe('Nothing is open for latency on api-1, api-2: no detector finds it unusual now.');
    expect(quiet.join('\n')).toMatch(/^api-2\s+110 ms/m);
    expect(quiet.join('\n')).not.toMatch(/web-1|an_web/);
    expect(quiet.at(-1)).toMatch(/^The last anomaly there: an_old /);
    const open = answerIntent(parse('why is latency high on the api hosts?'), ctx(true));
    expect(open).toMatch(/^The open anomaly for latency on api-1, api-2:\n/);
    expect(open).toMatch(/an_api2/);
  });
});
