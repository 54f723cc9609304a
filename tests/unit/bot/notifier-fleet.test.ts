import { describe, expect, it } from 'vitest';
import { createNotifier } from '../../../src/bot/notifier.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { captureLogger } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 5, 0, 0, 0);

function anomaly(target: string, metric: string, detector: Anomaly['detector'], startTs: number): Anomaly {
  return {
    id: `an_${target.replace(/\W/g, '')}${metric}${startTs - T0}`,
    key: `${target}|${metric}|${detector}`,
    target,
    metric,
    detector,
    status: 'open',
    severity: 'warning',
    score: 0.6,
    observed: 40.1,
    expectedLow: 42,
    expectedHigh: 42.5,
    startTs,
    endTs: null,
    updatedTs: startTs,
    peak: 40.1,
    summary: `disk recent level 40.1% (latest 40.1%): a level shift from its usual 42–42.5%`,
  };
}

function setup() {
  const store = createSqliteStore(':memory:');
  let now = T0;
  const notifier = createNotifier({
    store,
    clock: { now: () => now },
    logger: captureLogger(),
    channels: () => ({ slack: ['C1'] }),
    fleetGroup: { minTargets: 5, windowMs: 10 * 60_000 },
  });
  const open = (list: Anomaly[]) => {
    for (const a of list) store.upsertAnomaly(a);
    notifier.onAnomalies({ opened: list, updated: [], resolved: [] });
  };
  const resolve = (list: Anomaly[], at: number) => {
    const done = list.map((a) => ({ ...a, status: 'resolved' as const, endTs: at, updatedTs: at }));
    for (const a of done) store.upsertAnomaly(a);
    notifier.onAnomalies({ opened: [], updated: [], resolved: done });
  };
  const outbox = () => store.chat.pendingOutbox(1000);
  return { store, open, resolve, outbox, at: (t: number) => (now = t) };
}

describe('alerts across the fleet', () => {
  it('sends one message for the same change on many targets, lets later ones join it, and closes it once', () => {
    const { store, open, resolve, outbox, at } = setup();
    const hosts = Array.from({ length: 12 }, (_, i) => `web-${i + 1}`);
    const disk = hosts.map((h) => anomaly(h, 'disk', 'robust', T0));
    // Two unrelated anomalies in the same tick keep their per-target messages.
    const cpu = ['db-1', 'db-2'].map((h) => anomaly(h, 'cpu', 'threshold', T0));
    open([...disk, ...cpu]);
    const posts = outbox().filter((m) => m.op === 'post');
    expect(posts).toHaveLength(3);
    const fleet = posts.find((m) => m.msgKey.startsWith('fleet-alert:'))!;
    expect(fleet.payload.title).toBe('Warning: disk on 12 of 12 targets at once');
    // Nine with figures and a tenth naming the rest: Slack shows at most ten fields in a section.
    expect(fleet.payload.fields).toHaveLength(10);
    expect(fleet.payload.fields[0]).toEqual({ label: 'web-1', value: 'peak 40.1%, expected 42.0%–42.5%; since 00:00:00 UTC' });
    expect(fleet.payload.fields[9]).toEqual({ label: 'and 3 more', value: 'web-10, web-11, web-12' });
    expect(posts.filter((m) => /^alert:db-\d:/.test(m.msgKey))).toHaveLength(2);
    for (const a of disk) expect(store.chat.alertKeyFor(a.id)).toBe(fleet.msgKey);

    // A straggler three minutes later joins the message instead of paging on its own.
    at(T0 + 180_000);
    const late = anomaly('web-13', 'disk', 'robust', T0 + 180_000);
    open([late]);
    const update = outbox().at(-1)!;
    expect(update).toMatchObject({ op: 'update', msgKey: fleet.msgKey });
    expect(update.payload.title).toBe('Warning: disk on 13 of 13 targets at once');

    // Resolving most of them updates the message once per tick; the last one closes it with one follow-up.
    at(T0 + 600_000);
    const before = outbox().length;
    resolve(disk, T0 + 600_000);
    const afterMost = outbox().slice(before);
    expect(afterMost).toHaveLength(1);
    expect(afterMost[0]!.payload.title).toBe('Warning: disk on 1 of 13 targets at once');
    resolve([late], T0 + 660_000);
    const closing = outbox().slice(before + 1);
    expect(closing.map((m) => m.op)).toEqual(['update', 'post']);
    expect(closing[0]!.payload.title).toBe('Resolved: disk on 13 targets');
    expect(closing[1]).toMatchObject({ msgKey: `resolved:${fleet.msgKey}`, threadKey: fleet.msgKey });
    expect(closing[1]!.payload.text).toBe('All back to normal; the last after 11 min.');

    // After the window a new anomaly of that kind on one target is its own alert again.
    at(T0 + 3_600_000);
    open([anomaly('web-1', 'disk', 'robust', T0 + 3_600_000)]);
    expect(outbox().at(-1)!.msgKey).toMatch(/^alert:web-1:/);
  });

  it('keeps per-target messages below the minimum', () => {
    const { open, outbox } = setup();
    open(['a-1', 'a-2', 'a-3', 'a-4'].map((h) => anomaly(h, 'disk', 'robust', T0)));
    expect(outbox().map((m) => m.msgKey.split(':').slice(0, 2).join(':'))).toEqual(['alert:a-1', 'alert:a-2', 'alert:a-3', 'alert:a-4']);
  });
});
