import { describe, expect, it } from 'vitest';
import { createSubscriptions, subscriptionCovers } from '../../../src/bot/subscriptions.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';

const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];
const kv = () => {
  const m = new Map<string, string>();
  return { getKv: (k: string) => m.get(k), setKv: (k: string, v: string) => void m.set(k, v), raw: m };
};
const slack = (id: string) => ({ platform: 'slack' as const, id, roles: [] });
const ask = (text: string) => {
  const i = parseIntent(text, targets);
  if (i.kind !== 'subscribe' && i.kind !== 'unsubscribe' && i.kind !== 'subscriptions') throw new Error(`${text}: ${i.kind}`);
  return i;
};

describe('subscriptions', () => {
  it('match by target, metric and least severity', () => {
    const a = { ...cpuAnomaly(), target: 'web-1', severity: 'warning' as const };
    expect(subscriptionCovers({}, a)).toBe(true);
    expect(subscriptionCovers({ targets: ['web-1'] }, a)).toBe(true);
    expect(subscriptionCovers({ targets: ['db-1'] }, a)).toBe(false);
    expect(subscriptionCovers({ metric: 'cpu', severity: 'warning' }, a)).toBe(true);
    expect(subscriptionCovers({ metric: 'disk' }, a)).toBe(false);
    expect(subscriptionCovers({ severity: 'critical' }, a)).toBe(false);
    expect(subscriptionCovers({ severity: 'critical' }, { ...a, severity: 'critical' })).toBe(true);
  });

  it('are kept per person, expire, end when taken back, and survive a store with junk in it', () => {
    const store = kv();
    const subs = createSubscriptions({ store });
    const a = { ...cpuAnomaly(), target: 'web-1', severity: 'critical' as const };
    const i = ask('notify me about web-1 cpu alerts for 2h');
    expect(i).toEqual({ kind: 'subscribe', targets: ['web-1'], metric: 'cpu', forMs: 7_200_000 });
    subs.add(i as Extract<typeof i, { kind: 'subscribe' }>, slack('U1'), 0);
    subs.add(ask('follow web-1') as never, slack('U2'), 0);
    expect(subs.mentionsFor('slack', [a], 1000)).toEqual(['<@U1>', '<@U2>']);
    expect(subs.mentionsFor('discord', [a], 1000)).toEqual([]);
    // U1's ends after two hours; U2's lasts until taken back.
    expect(subs.mentionsFor('slack', [a], 7_200_001)).toEqual(['<@U2>']);
    expect(subs.remove(ask('unfollow db-1') as never, slack('U2'), 10).text).toMatch(/^You follow nothing on db-1/);
    expect(subs.remove(ask('unfollow web-1') as never, slack('U2'), 10).text).toMatch(/^Unfollowed alerts on web-1/);
    expect(subs.mentionsFor('slack', [a], 7_200_001)).toEqual([]);
    store.setKv('subscriptions', '{not json');
    expect(subs.mentionsFor('slack', [a], 0)).toEqual([]);
    store.setKv('subscriptions', JSON.stringify([{ id: 'su_x', platform: 'slack', user: 'U3' }, 7]));
    expect(subs.list(ask('my subscriptions') as never, slack('U3'), 0).text).toMatch(/^No subscriptions of yours\./);
  });

  it('are told apart from watches, silences and reads', () => {
    expect(parseIntent('tell me when db-1 alerts', targets)).toMatchObject({ kind: 'subscribe', targets: ['db-1'] });
    expect(parseIntent('subscribe me to critical alerts', targets)).toEqual({ kind: 'subscribe', severity: 'critical' });
    // "Goes critical" is a severity, not a line a watch could follow.
    expect(parseIntent('notify me if anything goes critical', targets)).toEqual({ kind: 'subscribe', severity: 'critical' });
    expect(parseIntent('who follows db-1?', targets)).toEqual({ kind: 'subscriptions', targets: ['db-1'] });
    expect(parseIntent('tell me when web-1 recovers', targets)).toMatchObject({ kind: 'watch' });
    expect(parseIntent('ping me when cpu on db-1 drops below 50%', targets)).toMatchObject({ kind: 'watch' });
    expect(parseIntent('stop notifying me about db-1', targets)).toMatchObject({ kind: 'silence' });
    expect(parseIntent('alerts on db-1 today', targets)).toMatchObject({ kind: 'anomalies' });
    expect(parseIntent('follow up on the db-1 alert', targets)).not.toMatchObject({ kind: 'subscribe' });
    expect(parseIntent('follow-up on web-1', targets)).not.toMatchObject({ kind: 'subscribe' });
  });
});
