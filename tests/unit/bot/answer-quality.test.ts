import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const H = 3_600_000;
const targets = [{ name: 'web-1' }];

function ctx(marks: Record<string, 'noise' | 'useful'>): AnswerContext {
  const store = createSqliteStore(':memory:');
  for (let k = 0; k < 5; k++)
    store.upsertAnomaly(resolvedAnomaly(`an_${k}`, NOW - k * H, { key: `k${k}`, startTs: NOW - k * H - 60_000, endTs: NOW - k * H }));
  for (const [anomaly, verdict] of Object.entries(marks))
    store.appendRecord('alert_feedback', NOW - 1000, { anomaly, verdict, actor: 'slack:U1' });
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, targets), c).split('\n');

describe('"what\'s the false positive rate?"', () => {
  it("reads the quality questions as a week's count led by what people marked", () => {
    for (const q of ["what's the false positive rate?", 'how accurate are the alerts?', 'how much noise do we get?', 'alert precision'])
      expect(parseIntent(q, targets), q).toMatchObject({
        kind: 'anomalies',
        count: true,
        quality: true,
        span: { kind: 'last', ms: 7 * 24 * H },
      });
    // "How many false positives" is still the count of those marked noise.
    expect(parseIntent('how many false positives this week?', targets)).toMatchObject({ feedback: 'noise' });
  });

  it('gives the share marked noise among those marked, and says how many nobody judged', () => {
    const lines = ask("what's the false positive rate?", ctx({ an_0: 'noise', an_1: 'useful', an_2: 'useful', an_3: 'useful' }));
    expect(lines[0]).toBe(
      'Of the 4 marked in chat, 1 was noise (25 % false positives) and 3 useful; 1 of the 5 are unmarked, so the rate is of those people judged.',
    );
    expect(lines[1]).toBe('5 anomalies in the last 7 d, 0 open.');
    expect(ask('how accurate are the alerts?', ctx({}))[0]).toMatch(
      /^None of the 5 was marked noise or useful in chat, so there is no measured false-positive rate/,
    );
  });
});

describe('shares, repeats and the time since the last', () => {
  it('answers "what percentage of alerts are critical?" with every severity, not only the critical ones', () => {
    const c = ctx({});
    c.store.upsertAnomaly(resolvedAnomaly('an_crit', NOW, { key: 'crit', severity: 'critical', startTs: NOW - 60_000, endTs: NOW }));
    expect(parseIntent('what percentage of alerts are critical?', targets)).toMatchObject({ kind: 'anomalies', rank: 'severity' });
    const lines = ask('what percentage of alerts are critical?', c);
    expect(lines[0]).toBe('Of 6 anomalies: critical 17 % (1), warning 83 % (5).');
    expect(lines[2]).toMatch(/^6 anomalies since /);
  });

  it('leads "what\'s the most common alert?" with the target and metric that opened most, and "time since the last alert" with how long', () => {
    expect(ask("what's the most common alert?", ctx({}))[0]).toBe('Most episodes by target and metric: web-1 CPU 5.');
    expect(ask('time since last alert', ctx({}))[0]).toMatch(/^The last anomaly \(an_\w+, web-1 CPU\) began 60 s ago and ended 0 s ago\.$/);
    // Of one host, in its own words: "how long since db-1 last alerted?".
    expect(parseIntent('how long since web-1 last alerted?', targets)).toMatchObject({
      kind: 'anomalies',
      sinceLast: true,
      target: 'web-1',
    });
    expect(parseIntent('days without an incident', targets)).toMatchObject({ kind: 'anomalies', sinceLast: true });
  });
});
