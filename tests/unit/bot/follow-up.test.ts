import { describe, expect, it } from 'vitest';
import { createConversations, followUp } from '../../../src/bot/follow-up.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';

const targets = ['web-1', 'web-2', 'db-1'].map((name) => ({ name }));
const T = Date.UTC(2026, 11, 5, 12, 0, 0);

/** Asks each question in one conversation, a minute apart; returns what each was taken to mean. */
function converse(...questions: string[]) {
  const c = createConversations();
  return questions.map((q, i) => c.resolve('web:console::alice', parseIntent(q, targets), q, T + i * 60_000));
}

describe('follow-up questions', () => {
  it('asks the last read again with only the part named replaced', () => {
    const [, web2, memory, peak, yesterday] = converse(
      'cpu on web-1',
      'and on web-2?',
      'what about memory?',
      'and the peak?',
      'and yesterday?',
    );
    expect(web2).toEqual({ kind: 'metrics', metric: 'cpu', target: 'web-2' });
    expect(memory).toEqual({ kind: 'metrics', metric: 'memory', target: 'web-2' });
    expect(peak).toEqual({ kind: 'metrics', metric: 'memory', target: 'web-2', stat: 'max' });
    expect(yesterday).toMatchObject({ kind: 'metrics', metric: 'memory', target: 'web-2', span: { kind: 'day', daysBack: 1 } });
    // A question asked of the past keeps what it asks: the stretches past 80%, now on web-2.
    expect(converse('when did web-1 cpu last exceed 80%?', 'and web-2?')[1]).toMatchObject({
      target: 'web-2',
      bound: { above: true, value: 80 },
      boundAsk: 'last',
    });
    expect(converse('anomalies on web-1 today', 'what about db-1?')[1]).toMatchObject({ kind: 'anomalies', target: 'db-1', today: true });
    expect(converse('anomalies on web-1 today', 'and yesterday?')[1]).toMatchObject({ kind: 'anomalies', target: 'web-1', today: false });
    // Availability keeps its kind: another target, or another span.
    expect(converse('availability of web-1 today', 'and web-2?')[1]).toMatchObject({
      kind: 'availability',
      target: 'web-2',
      span: { kind: 'day' },
    });
    expect(converse('availability of web-1 today', 'and yesterday?')[1]).toMatchObject({
      kind: 'availability',
      target: 'web-1',
      span: { kind: 'day', daysBack: 1 },
    });
  });

  it('carries the place, the correlation and the forest questions to another target or span', () => {
    expect(converse('what region is db-1 in?', 'and web-1?')[1]).toEqual({ kind: 'inventory', field: 'region', target: 'web-1' });
    expect(converse('does cpu correlate with latency on web-1?', 'and on web-2?')[1]).toEqual({
      kind: 'correlate',
      metrics: ['cpu', 'latency'],
      target: 'web-2',
    });
    expect(converse('does cpu correlate with latency on web-1?', 'what about over the last 24h?')[1]).toMatchObject({
      kind: 'correlate',
      target: 'web-1',
      span: { kind: 'last', ms: 86_400_000 },
    });
    expect(converse('is the forest trained for web-1?', 'and db-1?')[1]).toEqual({ kind: 'forest_status', target: 'db-1' });
  });

  it('leaves a question that stands on its own, a command, and a cue with nothing to carry alone', () => {
    expect(converse('cpu on web-1', 'memory on db-1')[1]).toEqual({ kind: 'metrics', metric: 'memory', target: 'db-1' });
    // Never a command repeated on another host: "and web-2" after a silence is a read of web-2.
    expect(converse('snooze web-1 for 1h', 'and web-2?')[1]).toEqual({ kind: 'metrics', target: 'web-2' });
    expect(converse('cpu on web-1', 'and thanks!')[1]).toEqual(parseIntent('and thanks!', targets));
    expect(followUp(undefined, { kind: 'metrics', target: 'web-2' }, 'and web-2?')).toEqual({ kind: 'metrics', target: 'web-2' });
  });

  it('keeps each conversation apart and forgets after 15 minutes', () => {
    const c = createConversations();
    const ask = (key: string, q: string, ts: number) => c.resolve(key, parseIntent(q, targets), q, ts);
    ask('slack:C1::U1', 'cpu on web-1', T);
    expect(ask('slack:C1::U2', 'and on web-2?', T + 1000)).toEqual({ kind: 'metrics', target: 'web-2' });
    expect(ask('slack:C1::U1', 'and on web-2?', T + 2000)).toEqual({ kind: 'metrics', metric: 'cpu', target: 'web-2' });
    expect(ask('slack:C1::U1', 'what about db-1?', T + 2000 + 16 * 60_000)).toEqual({ kind: 'metrics', target: 'db-1' });
  });
});

describe('follow-ups that move the window, ask for more, or compare "it"', () => {
  it('reads "go back 2 hours" as the reading then, and "zoom in on the last 10 minutes" as that window', () => {
    expect(converse('memory on db-1', 'go back 2 hours')[1]).toEqual({
      kind: 'metrics',
      metric: 'memory',
      target: 'db-1',
      span: { kind: 'at', agoMs: 2 * 3_600_000 },
    });
    expect(converse('cpu on web-2 over the last hour', 'zoom in on the last 10 minutes')[1]).toMatchObject({
      kind: 'metrics',
      target: 'web-2',
      span: { kind: 'last', ms: 10 * 60_000 },
    });
  });

  it('lengthens the last list on "show me more", and leaves it alone with nothing asked before', () => {
    expect(converse('anomalies on web-1', 'show me more')[1]).toMatchObject({ kind: 'anomalies', target: 'web-1', limit: 50 });
    const top = converse('top 2 hosts by cpu', 'show me more')[1];
    expect(top).toMatchObject({ kind: 'metrics', metric: 'cpu', stat: 'max' });
    expect(top).not.toHaveProperty('limit');
    expect(converse('show me more')[0]).toEqual({ kind: 'unknown' });
  });

  it('compares the last read\'s target and metric on "how does it compare to last week?"', () => {
    expect(converse('cpu on web-1', 'how does it compare to last week?')[1]).toEqual({
      kind: 'compare',
      target: 'web-1',
      metric: 'cpu',
      against: 'last_week',
    });
    expect(converse('memory on db-1', 'compare that with yesterday')[1]).toMatchObject({
      kind: 'compare',
      target: 'db-1',
      against: 'yesterday',
    });
    // Nothing read before: nothing to compare.
    expect(converse('how does it compare to last week?')[0]).toEqual({ kind: 'unknown' });
  });
});

describe('asking the last read again', () => {
  it('reads "again", "refresh", "check again" as the same read, and "and now?" as it at the present', () => {
    const [, again, refresh, check, say] = converse(
      'peak cpu on web-1 over the last hour',
      'again',
      'refresh',
      'check again please',
      'say that again',
    );
    for (const r of [again, refresh, check, say])
      expect(r).toEqual({ kind: 'metrics', metric: 'cpu', target: 'web-1', stat: 'max', span: { kind: 'last', ms: 3_600_000 } });
    // "Now" drops the time and the statistic: the reading now.
    expect(converse('peak cpu on web-1 yesterday', 'and now?')[1]).toEqual({ kind: 'metrics', metric: 'cpu', target: 'web-1' });
    expect(converse('cpu on db-1 an hour ago', 'how about now?')[1]).toEqual({ kind: 'metrics', metric: 'cpu', target: 'db-1' });
    // Of alerts, "now" is what is open now.
    expect(converse('alerts on web-1 yesterday', 'what about now?')[1]).toMatchObject({
      kind: 'anomalies',
      target: 'web-1',
      open: true,
      today: false,
    });
    expect(converse('alerts on web-1 yesterday', 'what about now?')[1]).not.toHaveProperty('span');
  });

  it('reads "is it growing?" after a read as that series\' trend, and alone as what is open', () => {
    expect(converse('memory on db-1', 'is it growing?')[1]).toEqual({ kind: 'trend', target: 'db-1', metric: 'memory' });
    expect(converse('is it still rising?')[0]).toEqual({ kind: 'trend', open: true });
  });

  it('leaves them alone with no read before, or after a command', () => {
    expect(converse('again')[0]).toMatchObject({ kind: 'bad_input', reason: expect.stringMatching(/^Nothing to ask again: no read/) });
    expect(converse('and now?')[0]).toEqual({ kind: 'status' });
    // A command is never remembered as a read, so it is never repeated.
    expect(converse('restart app on web-1', 'again')[1]).toMatchObject({ kind: 'bad_input' });
  });
});

describe('follow-ups said as a fragment, or of "it"', () => {
  it('reads a time or a statistic alone as the last read at that time, or with that statistic', () => {
    const [, hour, peak, yesterday] = converse('memory on db-1', 'over the last hour', 'peak?', 'yesterday?');
    expect(hour).toEqual({ kind: 'metrics', metric: 'memory', target: 'db-1', span: { kind: 'last', ms: 3_600_000 } });
    expect(peak).toEqual({ ...hour, stat: 'max' });
    expect(yesterday).toEqual({ ...peak, span: { kind: 'day', daysBack: 1 } });
    // With no read before, a fragment is what it was.
    expect(converse('over the last hour')[0]!.kind).toBe('unknown');
  });

  it('draws, explains and judges the last read\'s target and metric on "graph it", "why?" and "is that normal?"', () => {
    const [, chart, why, normal] = converse('memory on db-1 yesterday', 'graph it', 'why?', 'is that normal?');
    expect(chart).toEqual({ kind: 'chart', target: 'db-1', metric: 'memory', span: { kind: 'day', daysBack: 1 } });
    expect(why).toEqual({ kind: 'explain', target: 'db-1', metric: 'memory', span: { kind: 'day', daysBack: 1 } });
    expect(normal).toEqual({ kind: 'explain', target: 'db-1', metric: 'memory', usual: true });
    expect(converse('cpu on web-1', 'why is it so high?')[1]).toEqual({ kind: 'explain', target: 'web-1', metric: 'cpu' });
  });

  it('reads "is it getting better?" as where the last read\'s series is heading, unless an anomaly was just named', () => {
    expect(converse('latency on web-1 and web-2', 'is it getting better?')[1]).toEqual({
      kind: 'trend',
      group: ['web-1', 'web-2'],
      metric: 'latency',
    });
    expect(converse('memory on db-1', 'still rising?')[1]).toEqual({ kind: 'trend', target: 'db-1', metric: 'memory' });
    // With nothing read before, the open alert's series, as before.
    expect(converse('is it getting better?')[0]).toEqual({ kind: 'trend', open: true });
    const c = createConversations();
    c.resolve('k', parseIntent('cpu on web-1', targets), 'cpu on web-1', T);
    c.rememberAnomaly('k', 'an_1', T + 1000);
    expect(c.resolve('k', parseIntent('is it improving?', targets), 'is it improving?', T + 2000)).toEqual({ kind: 'trend', open: true });
  });

  it('leaves them alone after a question that read no target or metric, or when they name their own', () => {
    // "Why?" after a list is about the anomaly that reply named first ("it"), as "tell me more" is.
    expect(converse('anomalies today', 'why?')[1]).toEqual({ kind: 'explain', it: true });
    expect(converse('cpu on web-1', 'graph memory on db-1')[1]).toMatchObject({ kind: 'chart', target: 'db-1', metric: 'memory' });
    expect(converse('cpu on web-1', 'is this normal for this time of day?')[1]!.kind).toBe('attention');
  });
});
