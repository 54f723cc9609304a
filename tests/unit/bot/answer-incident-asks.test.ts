import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 10, 2, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

describe('"open incidents" with no anomaly open', () => {
  function ctx(): AnswerContext {
    const store = createSqliteStore(':memory:');
    store.appendRecord('incident_declared', NOW - 600_000, { id: 'in_a', title: 'checkout slow', targets: ['web-1'], actor: 'slack:U1' });
    store.appendRecord('incident_declared', NOW - 900_000, { id: 'in_b', title: 'old one', targets: ['db-1'], actor: 'slack:U2' });
    store.appendRecord('incident_resolved', NOW - 300_000, { id: 'in_b', actor: 'slack:U2' });
    return { store, targets, now: NOW, staleAfterMs: 90_000 };
  }
  const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c);

  it('says no anomaly is open, then the declared incidents still open (not the resolved)', () => {
    expect(ask('open incidents')).toBe(
      'No open anomalies.\nDeclared and still open: in_a "checkout slow" on web-1: commander slack:U1, declared 2026-11-02 11:50:00 UTC, open for 10 min ("incident status" tells it).',
    );
    // On a target the incident does not cover: nothing declared is named.
    expect(ask('open incidents on db-1')).toBe('No open anomalies on db-1.');
    // With nothing declared at all, the line is left out.
    expect(ask('open incidents', { ...ctx(), store: createSqliteStore(':memory:') })).toBe('No open anomalies.');
  });
});
