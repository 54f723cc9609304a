import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 12 - 1, 6, 12, 0, 0);
const M = 60_000;
const H = 60 * M;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

/**
 * Four alert messages over the last day: alice took two (4 and 10 min after they began), bob one
 * (2 min) and handed another back; the fourth alert nobody took. One older ack falls outside "today".
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const alert = (id: string, at: number) => {
    store.upsertAnomaly(resolvedAnomaly(id, at + 20 * M, { startTs: at, endTs: at + 20 * M }));
    const key = `alert:web-1:${at}`;
    store.chat.linkAlert(id, key);
    return key;
  };
  const k1 = alert('an_1', NOW - 8 * H);
  const k2 = alert('an_2', NOW - 6 * H);
  const k3 = alert('an_3', NOW - 4 * H);
  alert('an_4', NOW - 2 * H);
  store.appendRecord('alert_acknowledged', NOW - 8 * H + 4 * M, { key: k1, anomalies: ['an_1'], actor: 'web:alice', afterMs: 4 * M });
  store.appendRecord('alert_acknowledged', NOW - 6 * H + 10 * M, { key: k2, anomalies: ['an_2'], actor: 'web:alice', afterMs: 10 * M });
  store.appendRecord('alert_acknowledged', NOW - 4 * H + 2 * M, { key: k3, anomalies: ['an_3'], actor: 'slack:U2BOB', afterMs: 2 * M });
  store.appendRecord('alert_unacknowledged', NOW - 4 * H + 5 * M, { keys: [k3], actor: 'slack:U2BOB' });
  // Before today: in the week, not in "today".
  store.appendRecord('alert_acknowledged', NOW - 30 * H, { key: 'alert:db-1:1', anomalies: ['an_0'], actor: 'slack:U2BOB', afterMs: M });
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

describe('"who acknowledged the most alerts?"', () => {
  it('reads a ranking of people by acknowledgements, by speed when asked, and leaves "who acked the last alert?" alone', () => {
    expect(parseIntent('who acks the most?', targets)).toEqual({ kind: 'responders' });
    expect(parseIntent('who is the fastest responder?', targets)).toEqual({ kind: 'responders', bySpeed: true });
    expect(parseIntent('ack leaderboard', targets)).toEqual({ kind: 'responders' });
    expect(parseIntent('who handled the most alerts today?', targets)).toMatchObject({ kind: 'responders', span: { kind: 'day' } });
    expect(parseIntent('who acked the last alert?', targets).kind).toBe('ack_status');
    expect(parseIntent('who has the most alerts?', targets).kind).not.toBe('responders');
  });

  it('ranks people by what they took on, with the time to acknowledge and hand-backs, and counts what nobody took', () => {
    const lines = ask('who acknowledged the most alerts today?');
    expect(lines[0]).toBe('Most acknowledgements today (UTC): web:alice, 2 alerts of 3 acknowledged by 2 people.');
    expect(lines[3]).toMatch(/^web:alice +2 +2 +4 min +10 min +0$/);
    expect(lines[4]).toMatch(/^slack:U2BOB +1 +1 +2 min +2 min +1$/);
    // an_3 was handed back and is not acknowledged now, but it was taken on; an_4 never was.
    expect(lines).toContain('4 alert messages went out for anomalies that began today (UTC); 1 never was acknowledged.');
    // The week holds bob's older one too: two each, and the faster first.
    expect(ask('ack leaderboard')[0]).toBe('Most acknowledgements over the last 7 d: slack:U2BOB, 2 alerts of 4 acknowledged by 2 people.');
  });

  it('ranks by the median time when speed is asked', () => {
    expect(ask('who is the fastest to acknowledge alerts today?')[0]).toBe(
      'Fastest to acknowledge today (UTC): slack:U2BOB, a median 2 min after the alert began (1 alert).',
    );
  });

  it('says nobody acknowledged anything, with what went out', () => {
    const c = ctx();
    expect(answerIntent(parseIntent('who acks the most in the last hour?', targets), c)).toBe(
      'Nobody acknowledged an alert over the last 60 min, as far as the records go. No alert message went out for anomalies that began over the last 60 min. An alert is taken on with its Acknowledge button, or "ack web-1" in chat.',
    );
  });
});
