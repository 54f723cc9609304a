import { describe, expect, it } from 'vitest';
import { createNotifier } from '../../../src/bot/notifier.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { captureLogger } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 11, 5, 1, 0, 0);
const MIN = 60_000;

function anomaly(detector: Anomaly['detector'], startTs: number, over: Partial<Anomaly> = {}): Anomaly {
  return {
    id: `an_${detector}${(startTs - T0) / 1000}`,
    key: `db-1|disk|${detector}`,
    target: 'db-1',
    metric: 'disk',
    detector,
    status: 'open',
    severity: detector === 'threshold' ? 'warning' : 'critical',
    score: 1,
    observed: 85,
    expectedLow: 0,
    expectedHigh: 100,
    startTs,
    endTs: null,
    updatedTs: startTs,
    peak: 85,
    summary: `${detector} finding`,
    ...over,
  };
}

/** A notifier on an in-memory store that posts to one Slack channel, joining within 10 min unless told otherwise. */
function setup(joinWithinMs = 10 * MIN, subscribers?: (platform: string, list: Anomaly[]) => string[]) {
  const store = createSqliteStore(':memory:');
  let now = T0;
  const outcomes: string[] = [];
  const notifier = createNotifier({
    store,
    clock: { now: () => now },
    logger: captureLogger(),
    channels: () => ({ slack: ['C1'] }),
    joinWithinMs,
    ...(subscribers ? { subscribers } : {}),
    onAlert: (o) => void outcomes.push(o),
  });
  const open = (at: number, list: Anomaly[]) => {
    now = at;
    for (const a of list) store.upsertAnomaly(a);
    notifier.onAnomalies({ opened: list, updated: [], resolved: [] });
  };
  const resolve = (at: number, list: Anomaly[]) => {
    now = at;
    const done = list.map((a) => ({ ...a, status: 'resolved' as const, endTs: at, updatedTs: at }));
    for (const a of done) store.upsertAnomaly(a);
    notifier.onAnomalies({ opened: [], updated: [], resolved: done });
  };
  const items = () => store.chat.pendingOutbox(1000);
  return { store, open, resolve, items, outcomes };
}

describe('alerts on a target already alerted', () => {
  it('join the open alert: one page for a disk fill, the message updated and a reply in its thread', () => {
    const { store, open, items, outcomes } = setup();
    const forecast = anomaly('forecast', T0);
    const threshold = anomaly('threshold', T0 + 1.5 * MIN);
    open(T0, [forecast]);
    open(T0 + 1.5 * MIN, [threshold]);
    const key = store.chat.alertKeyFor(forecast.id)!;
    expect(store.chat.alertKeyFor(threshold.id)).toBe(key);
    expect(outcomes).toEqual(['posted', 'joined']);
    const posted = items().filter((i) => i.op === 'post' && i.threadKey === null);
    expect(posted.map((i) => i.msgKey)).toEqual([key]);
    const update = items().find((i) => i.op === 'update' && i.msgKey === key)!;
    expect(update.payload.title).toBe('Critical: 2 anomalies on db-1');
    const reply = items().find((i) => i.threadKey === key && i.msgKey.startsWith('joined:'))!;
    expect(reply.payload.title).toBe('Also on db-1: disk (threshold)');
    expect(reply.payload.text).toMatch(/^an_threshold90: threshold finding; peak 85\.0%, expected 0\.0%–100\.0%; since 01:01:30 UTC$/);
  });

  it('ping on the joined reply only the subscribers the first anomalies did not cover', () => {
    // Bob follows critical alerts on db-1; Carol follows all of db-1.
    const subs = (_p: string, list: Anomaly[]) => [
      ...(list.some((a) => a.severity === 'critical') ? ['<@BOB>'] : []),
      ...(list.length ? ['<@CAROL>'] : []),
    ];
    const { store, open, items } = setup(10 * MIN, subs);
    const threshold = anomaly('threshold', T0);
    const forecast = anomaly('forecast', T0 + MIN);
    open(T0, [threshold]);
    open(T0 + MIN, [forecast]);
    const key = store.chat.alertKeyFor(threshold.id)!;
    expect(items().find((i) => i.msgKey === key && i.op === 'post')!.payload.mentions).toEqual(['<@CAROL>']);
    // The critical forecast joins: Bob is pinged on the reply; Carol, pinged already, is not again.
    expect(items().find((i) => i.msgKey.startsWith('joined:'))!.payload.mentions).toEqual(['<@BOB>']);
  });

  it('page again once the window has passed or everything in the alert has resolved, or with joining off', () => {
    const late = setup();
    late.open(T0, [anomaly('forecast', T0)]);
    late.open(T0 + 11 * MIN, [anomaly('threshold', T0 + 11 * MIN)]);
    expect(late.outcomes).toEqual(['posted', 'posted']);

    const over = setup();
    const first = anomaly('forecast', T0);
    over.open(T0, [first]);
    over.resolve(T0 + 2 * MIN, [first]);
    over.open(T0 + 3 * MIN, [anomaly('threshold', T0 + 3 * MIN)]);
    expect(over.outcomes).toEqual(['posted', 'posted']);

    const off = setup(0);
    off.open(T0, [anomaly('forecast', T0)]);
    off.open(T0 + MIN, [anomaly('threshold', T0 + MIN)]);
    expect(off.outcomes).toEqual(['posted', 'posted']);

    // Another target is another alert.
    const other = setup();
    other.open(T0, [anomaly('forecast', T0)]);
    other.open(T0 + MIN, [anomaly('threshold', T0 + MIN, { id: 'an_web', key: 'web-1|disk|threshold', target: 'web-1' })]);
    expect(other.outcomes).toEqual(['posted', 'posted']);
  });
});
