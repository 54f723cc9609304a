import { describe, expect, it } from 'vitest';
import { parseIntent } from '../../../src/bot/parse-intent.js';

const targets = [{ name: 'web-1' }, { name: 'db-1' }];
const parse = (q: string) => parseIntent(q, targets);
const WEEK = { kind: 'last', ms: 7 * 86_400_000 };

describe('the questions of a weekly review', () => {
  it('reads the review itself as the digest of the week, or of the period said', () => {
    for (const q of ['weekly ops review', 'what went well this week?', 'on-call review'])
      expect(parse(q), q).toEqual({ kind: 'anomalies', limit: 50, today: false, count: true, digest: true, span: WEEK });
    expect(parse('monthly review')).toMatchObject({ digest: true, span: { kind: 'last', ms: 30 * 86_400_000 } });
    expect(parse('review rp_abc123').kind).toBe('explain');
  });

  it('reads alerts by how long they lasted, and how soon they were taken on', () => {
    expect(parse('top 3 alerts by time open this week')).toEqual({ kind: 'anomalies', limit: 3, today: false, longest: true, span: WEEK });
    expect(parse('which alerts took longest to ack?')).toEqual({ kind: 'anomalies', limit: 5, today: false, count: true, timeTo: 'ack' });
    // "Within 5 minutes" is how soon; the time is what else was said.
    expect(parse('how many alerts were acknowledged within 5 minutes this week?')).toEqual({
      kind: 'anomalies',
      limit: 5,
      today: false,
      count: true,
      timeTo: 'ack',
      ackWithinMs: 300_000,
      span: WEEK,
    });
  });

  it('reads the share of noise, the most troublesome host and counts per day or hour, and leaves the look-alikes', () => {
    expect(parse('what percentage of alerts were false positives?')).toMatchObject({ count: true, quality: true, span: WEEK });
    expect(parse('how many false positives this week?')).toMatchObject({ feedback: 'noise' });
    expect(parse('which host was the most trouble this week?')).toEqual({
      kind: 'anomalies',
      limit: 5,
      today: false,
      count: true,
      rank: 'target',
      span: WEEK,
    });
    expect(parse('which host is the most stable?').kind).not.toBe('anomalies');
    expect(parse('trend of alerts per day this week')).toMatchObject({ count: true, rank: 'day', span: WEEK });
    expect(parse('alerts per hour today')).toEqual({ kind: 'anomalies', limit: 50, today: true, count: true, rank: 'hour' });
    expect(parse('any alerts older than a day?')).toMatchObject({ open: true });
    expect(parse('success rate of remediations')).toEqual({ kind: 'history', limit: 10, count: true });
  });
});

describe('the questions of a team at work', () => {
  it('reads who has what, what resolved alone, and an absence of a given length', () => {
    expect(parse("what's bob working on?")).toEqual({ kind: 'anomalies', limit: 50, today: false, ackedBy: 'bob', open: true });
    expect(parse('how many alerts is bob handling?')).toMatchObject({ ackedBy: 'bob', open: true, count: true });
    expect(parse("what's it working on?").kind).not.toBe('anomalies');
    for (const q of ['did anything resolve on its own?', 'which alerts resolved without anyone acking?'])
      expect(parse(q), q).toMatchObject({ kind: 'anomalies', resolved: true, acked: false });
    expect(parse('did anything run automatically?')).toMatchObject({ kind: 'history', outcome: 'automatic' });
    expect(parse('I was out for 2 hours, what did I miss?')).toMatchObject({ digest: true, span: { kind: 'last', ms: 7_200_000 } });
    expect(parse('what did I miss?')).toMatchObject({ digest: true, sinceAsked: 'away' });
  });

  it('refuses to hand an alert to someone else, and reads who covers as who is on call', () => {
    expect(parse('give alice the web-1 alert')).toEqual({ kind: 'elsewhere', what: 'assign' });
    expect(parse('give me the web-1 alert').kind).not.toBe('elsewhere');
    expect(parse("who's covering for alice?")).toEqual({ kind: 'routing', onCall: true });
  });

  it("reads when things were last calm as the time since the last alert, and the peak of the day as CPU's", () => {
    for (const q of [
      'when did the fleet last look normal?',
      'how long have we been alert-free?',
      'when was the last time everything was green?',
    ])
      expect(parse(q), q).toEqual({ kind: 'anomalies', limit: 1, today: false, sinceLast: true });
    expect(parse('what was the peak of the day?')).toEqual({
      kind: 'metrics',
      metric: 'cpu',
      span: { kind: 'day', daysBack: 0 },
      stat: 'max',
    });
    expect(parse('is web-1 normal?').kind).not.toBe('anomalies');
  });
});
