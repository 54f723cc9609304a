import { describe, expect, it } from 'vitest';
import { silenceOver, silenceScopeOf } from '../../../src/bot/alert-silence.js';
import { createChatService } from '../../../src/bot/chat-service.js';
import { planExtension } from '../../../src/bot/extend-silences.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import type { Silence } from '../../../src/core/chat-store.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';
import { captureLogger } from '../../helpers/test-config.js';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const silence = (target: string, metric: string, untilTs = NOW + 3_600_000): Silence => ({
  id: `sl_${target}${metric}`.replace(/[^a-z0-9_]/g, 'x'),
  target,
  metric,
  untilTs,
  createdBy: 'web:alice',
  createdTs: NOW,
});

describe('silence scope of an alert', () => {
  it('is the metric on every target for a fleet message, the target (and its one metric) otherwise', () => {
    const disk = [cpuAnomaly('an_1', 'web-1', 'disk'), cpuAnomaly('an_2', 'web-2', 'disk')];
    expect(silenceScopeOf(disk, true)).toEqual({ target: '*', metric: 'disk' });
    expect(silenceScopeOf([cpuAnomaly('an_1')], false)).toEqual({ target: 'web-1', metric: 'cpu' });
    expect(silenceScopeOf([cpuAnomaly('an_1'), cpuAnomaly('an_3', 'web-1', 'memory')], false)).toEqual({ target: 'web-1', metric: '*' });
  });

  it('finds the silence that covers every open anomaly of a message, the longest first', () => {
    const two = [cpuAnomaly('an_1'), cpuAnomaly('an_3', 'web-1', 'memory')];
    expect(silenceOver([silence('web-1', 'cpu')], two)).toBeUndefined();
    const whole = silence('web-1', '*', NOW + 60_000);
    const longer = silence('*', '*', NOW + 7_200_000);
    expect(silenceOver([whole], two)).toBe(whole);
    expect(silenceOver([whole, longer], two)).toBe(longer);
    // Resolved members need no silence; a message with nothing open shows none.
    expect(silenceOver([silence('web-1', 'cpu')], [two[0]!, { ...two[1]!, status: 'resolved' }])?.metric).toBe('cpu');
    expect(
      silenceOver(
        [whole],
        two.map((a) => ({ ...a, status: 'resolved' as const })),
      ),
    ).toBeUndefined();
  });
});

describe('the Silence button in the chat service', () => {
  function setup(anomalies: Anomaly[], key: string) {
    const store = createSqliteStore(':memory:');
    for (const a of anomalies) {
      store.upsertAnomaly(a);
      store.chat.linkAlert(a.id, key);
    }
    const changed: Silence[][] = [];
    const chat = createChatService({
      store,
      approvers: { slack: { users: [], roles: [] }, discord: { users: [], roles: [] }, web: { users: [], roles: [] } },
      targets: () => [],
      clock: { now: () => NOW },
      logger: captureLogger(),
      staleAfterMs: 90_000,
      onSilencesChanged: (list) => void changed.push(list),
    });
    const click = (anomalyId: string, id = 'bob') =>
      chat.handle({
        kind: 'action',
        platform: 'web',
        user: { platform: 'web', id, roles: [] },
        channel: 'console',
        action: 'silence',
        anomalyId,
      });
    return { store, click, changed };
  }

  it('silences a fleet message’s metric on every target for an hour and tells the notifier', async () => {
    const disk = [1, 2, 3, 4, 5].map((i) => cpuAnomaly(`an_d${i}`, `web-${i}`, 'disk'));
    const { store, click, changed } = setup(disk, 'fleet-alert:disk|threshold:1');
    const r = await click('an_d3');
    expect(r.text).toMatch(/^Silenced all targets disk for 60 min, until 2026-11-25 13:00:00 UTC \(sl_[a-z0-9]+\)/);
    expect(store.chat.silences(NOW)).toEqual([
      expect.objectContaining({ target: '*', metric: 'disk', untilTs: NOW + 3_600_000, createdBy: 'web:bob' }),
    ]);
    expect(changed).toHaveLength(1);
  });

  it('silences the whole target when its message carries several metrics; refuses resolved, unknown and already silenced alerts', async () => {
    const two = [cpuAnomaly('an_1'), cpuAnomaly('an_3', 'web-1', 'memory')];
    const { store, click, changed } = setup(
      [...two, { ...cpuAnomaly('an_9', 'db-1'), status: 'resolved', endTs: NOW - 1000 }],
      'alert:web-1:1000',
    );
    store.chat.linkAlert('an_9', 'alert:db-1:1000');
    expect((await click('an_3')).text).toMatch(/^Silenced web-1 for 60 min/);
    expect(store.chat.silences(NOW).map((s) => `${s.target}/${s.metric}`)).toEqual(['web-1/*']);
    const again = await click('an_1', 'carol');
    expect(again).toMatchObject({ private: true });
    expect(again.text).toMatch(/^Already silenced until 2026-11-25 13:00:00 UTC by web:bob/);
    expect((await click('an_9')).text).toBe('That alert is resolved (db-1 cpu); nothing silenced.');
    expect((await click('an_nope')).text).toMatch(/^No alert an_nope/);
    expect(store.chat.silences(NOW)).toHaveLength(1);
    expect(changed).toHaveLength(1);
  });

  it('silences only what is still open in the message', async () => {
    const { store, click } = setup(
      [cpuAnomaly('an_1'), { ...cpuAnomaly('an_3', 'web-1', 'memory'), status: 'resolved', endTs: NOW - 1000 }],
      'alert:web-1:1000',
    );
    expect((await click('an_3')).text).toMatch(/^Silenced web-1 CPU for 60 min/);
    expect(store.chat.silences(NOW).map((s) => `${s.target}/${s.metric}`)).toEqual(['web-1/cpu']);
  });
});

describe('silences typed in chat', () => {
  function setup() {
    const store = createSqliteStore(':memory:');
    const chat = createChatService({
      store,
      approvers: { slack: { users: [], roles: [] }, discord: { users: [], roles: [] }, web: { users: [], roles: [] } },
      targets: () => [{ name: 'web-1', role: 'web' }],
      clock: { now: () => NOW },
      logger: captureLogger(),
      staleAfterMs: 90_000,
    });
    const say = (text: string) =>
      chat.handle({
        kind: 'text',
        platform: 'web',
        user: { platform: 'web', id: 'bob', roles: [] },
        channel: 'console',
        text,
        source: 'command',
      });
    return { store, say };
  }

  it('covers both directions for "network", one for "network out"', async () => {
    const { store, say } = setup();
    const both = await say('mute network alerts on web-1 for 10m');
    expect(both.text.split('\n')).toHaveLength(2);
    expect(store.chat.silences(NOW).map((s) => `${s.target}/${s.metric}`)).toEqual(['web-1/net_in', 'web-1/net_out']);
    await say('unsnooze web-1');
    await say('mute network out alerts on web-1 for 10m');
    expect(store.chat.silences(NOW).map((s) => `${s.target}/${s.metric}`)).toEqual(['web-1/net_out']);
  });

  it('ends at the next clock time named, in UTC', async () => {
    // NOW is 12:00 UTC.
    const { store, say } = setup();
    expect((await say('snooze web-1 until 15:30')).text).toMatch(/^Silenced web-1 for 3 h 30 min, until 2026-11-25 15:30:00 UTC/);
    expect((await say('mute web-1 cpu till 9am')).text).toMatch(/ until 2026-11-26 09:00:00 UTC/);
    expect((await say('mute web-1 memory until tomorrow 8am')).text).toMatch(/ until 2026-11-26 08:00:00 UTC/);
    expect((await say('mute web-1 disk until today 10:00')).text).toBe('Nothing silenced: 2026-11-25 10:00:00 UTC has already passed.');
    expect(store.chat.silences(NOW)).toHaveLength(3);
    // "An hour and a half" is 90 minutes; "end of business" the next 17:00.
    expect((await say('silence web-1 latency for an hour and a half')).text).toMatch(
      /^Silenced web-1 latency for 1 h 30 min, until 2026-11-25 13:30:00 UTC/,
    );
    expect((await say('mute web-1 until end of business')).text).toMatch(/^Silenced web-1 for 5 h, until 2026-11-25 17:00:00 UTC/);
    // A weekday's part of the day is that day's usual hour; a window I am not told of is asked for.
    expect((await say('mute web-1 cpu until friday morning')).text).toMatch(/ until 2026-11-27 09:00:00 UTC/);
    expect((await say('mute web-1 during the maintenance window')).text).toMatch(/^Nothing silenced: I don't know when that is\./);
  });

  it('silences every alert only when told to, and lifts every silence on "unmute everything"', async () => {
    const { store, say } = setup();
    expect((await say('mute for 1h')).private).toBe(true);
    expect(store.chat.silences(NOW)).toEqual([]);
    await say('mute everything for 2h');
    await say('mute web-1 cpu for 1h');
    expect(store.chat.silences(NOW).map((s) => `${s.target}/${s.metric}`)).toEqual(['web-1/cpu', '*/*']);
    // Lifting web-1's own leaves the one over every target, which is named.
    const all = store.chat.silences(NOW).find((s) => s.target === '*')!.id;
    expect((await say('turn alerts back on for web-1')).text).toBe(
      `Lifted 1 silence. web-1 is still held by ${all} (all targets until 2026-11-25 14:00:00 UTC): "unsnooze sl_…" lifts one.`,
    );
    await say('mute web-1 cpu for 1h');
    expect((await say('unmute everything')).text).toBe('Lifted 2 silences.');
    expect(store.chat.silences(NOW)).toEqual([]);
  });
});

describe('planExtension', () => {
  const T = Date.UTC(2026, 11, 5, 10, 0);
  const H = 3_600_000;
  const sl = (id: string, target: string, metric: string, untilTs: number): Silence => ({
    id,
    target,
    metric,
    untilTs,
    createdBy: 'slack:U1',
    createdTs: T - H,
  });
  const active = [sl('sl_web', 'web-1', '*', T + H), sl('sl_in', 'db-1', 'net_in', T + 2 * H), sl('sl_out', 'db-1', 'net_out', T + 2 * H)];

  it('moves each silence asked about from its own end, or to the time named, never past a week from now', () => {
    expect(planExtension(active, { target: 'web-1', byMs: 2 * H }, T)).toEqual({ items: [{ old: active[0], untilTs: T + 3 * H }] });
    // Network is both directions: both silences move.
    const both = planExtension(active, { target: 'db-1', metrics: ['net_in', 'net_out', '*'], byMs: H }, T);
    expect('items' in both && both.items.map((x) => [x.old.id, x.untilTs])).toEqual([
      ['sl_in', T + 3 * H],
      ['sl_out', T + 3 * H],
    ]);
    expect(planExtension(active, { id: 'sl_web', byMs: H, untilTs: T + 30 * 86_400_000 }, T)).toEqual({
      items: [{ old: active[0], untilTs: T + 7 * 86_400_000 }],
    });
  });

  it('says why nothing moves: no such silence, or it already lasts that long', () => {
    expect(planExtension(active, { target: 'api-1', metrics: ['cpu', '*'], byMs: H }, T)).toEqual({
      error: 'no active silence covers api-1 CPU',
    });
    expect(planExtension(active, { id: 'sl_nope', byMs: H }, T)).toEqual({ error: 'no active silence has the id sl_nope' });
    expect(planExtension(active, { id: 'sl_in', byMs: H, untilTs: T + H }, T)).toEqual({ error: 'it already lasts that long' });
  });
});
