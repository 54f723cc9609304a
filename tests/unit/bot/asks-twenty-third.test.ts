import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly, resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const M = 60_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];
const parse = (q: string) => parseIntent(q, targets);

describe('asks of the twenty-third session', () => {
  it('reads "how many alerts did I get?" as what reached chat, and of a target or metric as the anomalies there', () => {
    expect(parse('how many alerts did I get today?')).toEqual({ kind: 'delivery', span: { kind: 'day', daysBack: 0 } });
    expect(parse('how many alerts have we received this week?')).toEqual({ kind: 'delivery', span: { kind: 'last', ms: 7 * 86_400_000 } });
    expect(parse('how many alerts did we get on web-1?')).toMatchObject({ kind: 'anomalies', target: 'web-1', count: true });
    expect(parse('how many cpu alerts did we get?')).toMatchObject({ kind: 'anomalies', metric: 'cpu', count: true });
  });

  it('reads "what will fire next?" as what is about to fire, and "what alerted next?" as the past', () => {
    for (const q of ['what will fire next?', "what's going to alert next?", 'which host will alert next?', "what's next to fire?"])
      expect(parse(q), q).toEqual({ kind: 'attention', building: true });
    expect(parse('what alerted next?').kind).toBe('anomalies');
    expect(parse('when is the next tick?').kind).toBe('pipeline');
  });

  it('reads "which alerts are unacknowledged?" as the open ones nobody took, and with a time or a past form as any', () => {
    expect(parse('which alerts are unacknowledged?')).toMatchObject({ kind: 'anomalies', open: true, acked: false });
    expect(parse('unacked alerts on web-1')).toMatchObject({ target: 'web-1', open: true, acked: false });
    expect(parse('unacknowledged alerts today')).not.toHaveProperty('open');
    expect(parse('which alerts were never acknowledged?')).not.toHaveProperty('open');
    expect(parse('alerts that nobody acked')).not.toHaveProperty('open');
    const store = createSqliteStore(':memory:');
    store.upsertAnomaly({ ...cpuAnomaly('an_open'), startTs: NOW - 5 * M });
    store.upsertAnomaly(resolvedAnomaly('an_done', NOW, { target: 'db-1', startTs: NOW - 60 * M, endTs: NOW - 50 * M }));
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    const now = answerIntent(parse('which alerts are unacknowledged?'), c);
    expect(now).toContain('an_open');
    expect(now).not.toContain('an_done');
    expect(answerIntent(parse('unacknowledged alerts today'), c)).toContain('an_done');
  });

  it('sets two or three hosts side by side over a window with the average beside the peak', () => {
    const store = createSqliteStore(':memory:');
    // web-1 idles at 20% with one minute at 90%; web-2 runs at 40% throughout.
    store.saveSamples(
      Array.from({ length: 120 }, (_, k) => [
        { target: 'web-1', metric: 'cpu', ts: NOW - 60 * M + k * 30_000, value: k === 60 ? 90 : 20 },
        { target: 'web-2', metric: 'cpu', ts: NOW - 60 * M + k * 30_000, value: 40 },
      ]).flat(),
    );
    const c: AnswerContext = { store, targets: [...targets, { name: 'web-2' }], now: NOW, staleAfterMs: 90_000 };
    const lines = answerIntent(parseIntent('compare web-1 and web-2 over the last hour', c.targets), c).split('\n');
    expect(lines[2]).toMatch(/^target +average CPU +peak CPU +average memory +peak memory +average disk +peak disk +samples$/);
    expect(lines[3]).toMatch(/^web-2 +40\.0% +40\.0% +- +- +- +- +120$/);
    // (119 × 20 + 90) / 120 = 20.6: the peak alone had put web-1 first.
    expect(lines[4]).toMatch(/^web-1 +20\.6% +90\.0% +- +- +- +- +120$/);
    // One metric named keeps its three figures; the whole fleet keeps the peak alone.
    expect(answerIntent(parseIntent('cpu on web-1 and web-2 over the last hour', c.targets), c)).toMatch(
      /peak CPU +average CPU +lowest CPU/,
    );
    expect(answerIntent(parseIntent('all hosts over the last hour', c.targets), c)).not.toMatch(/average CPU/);
  });

  it('reads "which alert should I tune first?" as the rules\' firing record', () => {
    for (const q of ['which alert should I tune first?', 'what should I tune?', 'which alerts need tuning?'])
      expect(parse(q), q).toEqual({ kind: 'rule_stats' });
  });

  it('adds up the time in alert, overlaps once, as a share of the time counted', () => {
    const store = createSqliteStore(':memory:');
    const at = (id: string, target: string, metric: string, from: number, to: number, detector: 'threshold' | 'robust' = 'threshold') =>
      store.upsertAnomaly(resolvedAnomaly(id, NOW, { target, metric, detector, startTs: NOW - from * M, endTs: NOW - to * M }));
    // web-1 CPU 10:00–10:25 from two detectors (one episode), db-1 disk 10:15–10:45: 25 + 30 min open, 45 min with one open.
    at('an_c1', 'web-1', 'cpu', 120, 100);
    at('an_c2', 'web-1', 'cpu', 115, 95, 'robust');
    at('an_d1', 'db-1', 'disk', 105, 75);
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    const intent = parse('how much time did we spend on alerts today?');
    expect(intent).toMatchObject({ kind: 'anomalies', today: true, count: true, timeTo: 'open' });
    const lead = answerIntent(intent, c).split('\n')[0];
    expect(lead).toMatch(
      /^Time in alert \(2 episodes, detectors on one counted once\): 55 min open in all; at least one open for 45 min of the .* counted \(\d+%\), the longest unbroken stretch 45 min\.$/,
    );
    expect(parse('how long were we in alert this week?')).toMatchObject({ timeTo: 'open', span: { kind: 'last', ms: 7 * 86_400_000 } });
  });

  it('reads "what happened at 11:30?" as that whole minute, and says how many are still open now', () => {
    const store = createSqliteStore(':memory:');
    // One started half a minute into 11:30; one ended just before it; one open since 11:00.
    store.upsertAnomaly(resolvedAnomaly('an_in', NOW, { startTs: NOW - 29.5 * M, endTs: NOW - 20 * M }));
    store.upsertAnomaly(resolvedAnomaly('an_before', NOW, { target: 'db-1', startTs: NOW - 40 * M, endTs: NOW - 30.5 * M }));
    store.upsertAnomaly({ ...cpuAnomaly('an_open', 'db-1', 'disk'), startTs: NOW - 60 * M });
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    const lines = answerIntent(parse('what happened at 11:30?'), c).split('\n');
    expect(lines[0]).toMatch(/^2 anomalies open at 2026-12-07 11:30:00 UTC, 1 still open now; all:$/);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(' ')[1])
        .sort(),
    ).toEqual(['an_in', 'an_open']);
  });

  it('reads "snooze everything on api-2" as a silence, never the host\'s description, and "notify me about db-1" as following it', () => {
    const all = [...targets, { name: 'api-2', role: 'api' }];
    expect(parseIntent('snooze everything on api-2 for 1h', all)).toEqual({ kind: 'silence', target: 'api-2', durationMs: 3_600_000 });
    expect(parseIntent('snooze everything on api-2 over lunch', all)).toMatchObject({ kind: 'silence', target: 'api-2' });
    expect(parseIntent('ack everything on web-1', all)).toEqual({ kind: 'ack', target: 'web-1' });
    // A reason after the target that reads like "has it been a noisy day?" keeps the silence.
    expect(parse("snooze web-1, it's noisy")).toEqual({ kind: 'silence', target: 'web-1', durationMs: 3_600_000 });
    expect(parse('mute web-1 as it is noisy')).toMatchObject({ kind: 'silence', target: 'web-1' });
    expect(parse('quiet night?')).toMatchObject({ kind: 'anomaly_change' });
    expect(parse('has it been a noisy day?')).toMatchObject({ kind: 'anomaly_change' });
    expect(parseIntent('give me everything about db-1', all)).toEqual({ kind: 'inventory', target: 'db-1', full: true });
    expect(parse('notify me about db-1')).toEqual({ kind: 'subscribe', targets: ['db-1'] });
    expect(parse('notify me about everything on db-1')).toEqual({ kind: 'subscribe', targets: ['db-1'] });
    expect(parse('ping me about web-1 and db-1')).toEqual({ kind: 'subscribe', targets: ['web-1', 'db-1'] });
    expect(parse('notify me about db-1 cpu')).toEqual({ kind: 'subscribe', targets: ['db-1'], metric: 'cpu' });
    // A word that is no metric makes it something else: no subscription for ever.
    expect(parse('notify me about db-1 tomorrow').kind).not.toBe('subscribe');
  });

  it('reads "which hosts alerted the most this week and why?" as the ranking, not the latest alert explained', () => {
    expect(parse('which hosts have alerted the most this week and why?')).toMatchObject({
      kind: 'anomalies',
      rank: 'target',
      count: true,
      span: { kind: 'last', ms: 7 * 86_400_000 },
    });
    expect(parse('which host is the noisiest, and why?')).toMatchObject({ kind: 'anomalies', rank: 'target' });
  });
});
