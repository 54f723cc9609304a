import { describe, expect, it } from 'vitest';
import { inAlertThread } from '../../../src/bot/alert-thread.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { WATCHING_SINCE } from '../../../src/core/watching-since.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

/** web-1 CPU: three earlier episodes of 4, 6 and 10 min (one with two detectors), and one open 3 min. */
function ctx(openFor = 3): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.setKv(WATCHING_SINCE, String(NOW - 2 * 86_400_000));
  const put = (id: string, startMin: number, minutes: number | null, over: Partial<Anomaly> = {}) =>
    store.upsertAnomaly(
      resolvedAnomaly(id, NOW, {
        startTs: NOW - startMin * MIN,
        endTs: minutes === null ? null : NOW - (startMin - minutes) * MIN,
        status: minutes === null ? 'open' : 'resolved',
        ...over,
      }),
    );
  put('an_a', 300, 4);
  put('an_b', 200, 6);
  put('an_b2', 199, 5, { detector: 'robust', key: 'b2' });
  put('an_c', 100, 10);
  put('an_db', 50, 5, { target: 'db-1', metric: 'disk', severity: 'critical' });
  put('an_now', openFor, null);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (c: AnswerContext, q: string) => answerIntent(parseIntent(q, c.targets), c).split('\n');

describe('"has this happened before?"', () => {
  it("gives the open anomaly's earlier episodes, when the last was and how long they lasted, beside this one", () => {
    const lines = ask(ctx(), 'has this happened before?');
    expect(lines[0]).toBe(
      'web-1 CPU has had 3 earlier episodes, the first at 2026-12-05 07:00:00 UTC; the last began 2026-12-05 10:20:00 UTC and ended 87 min before this one began.',
    );
    expect(lines[1]).toBe(
      'They lasted 6 min (median), 10 min at most; this one has been open 3 min so far. If it runs like them, it ends within about 3 min (their median; their longest is 7 min from now).',
    );
    expect(lines[2]).toMatch(/^• an_now \[warning\] web-1 CPU: /);
    expect(lines[3]).toBe('That is its history, not a forecast: "explain an_now" gives what was open around it.');
    // Open longer than any before it.
    expect(ask(ctx(12), 'how long will it take to recover?')[1]).toMatch(/This one is already longer than any of them\.$/);
  });

  it('reads the target and metric named, a first time, and an alert thread', () => {
    const c = ctx();
    expect(parseIntent('has db-1 disk alerted before?', targets)).toEqual({ kind: 'precedent', target: 'db-1', metric: 'disk' });
    expect(ask(c, 'has db-1 disk alerted before?')[0]).toBe(
      'This is the first anomaly on db-1 disk in what is kept (since 2026-12-03 12:00:00 UTC); it has lasted 5 min:',
    );
    expect(inAlertThread({ kind: 'precedent' }, { key: 'alert:db-1:1', members: [c.store.getAnomaly('an_db')!] })).toEqual({
      kind: 'precedent',
      id: 'an_db',
    });
    expect(ask(c, 'has web-9 alerted before?')[0]).toMatch(/^I don't know a target called "?web-9/);
    expect(parseIntent('what happened before the outage', targets)).toMatchObject({ kind: 'anomalies' });
    const calm = { ...c, store: createSqliteStore(':memory:') };
    expect(ask(calm, 'has this happened before?')[0]).toMatch(/^Nothing is open: name the alert/);
  });
});
