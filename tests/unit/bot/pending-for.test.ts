import { describe, expect, it } from 'vitest';
import { createNotifier, type AlertOutcome } from '../../../src/bot/notifier.js';
import { isPending, pendingChecker } from '../../../src/bot/pending-for.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { captureLogger } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 5, 0, 0, 0);
const anomaly = (target: string, detector: Anomaly['detector'], over: Partial<Anomaly> = {}): Anomaly => ({
  ...{ id: `an_${target.replace(/\W/g, '')}${detector}`, key: `${target}|cpu|${detector}`, target, metric: 'cpu', detector },
  ...{ status: 'open', severity: 'warning', score: 0.6, observed: 91, expectedLow: 20, expectedHigh: 40, peak: 91, summary: 'cpu up' },
  ...{ startTs: T0, endTs: null, updatedTs: T0 },
  ...over,
});
const RULES = [
  { match: { detectors: ['robust' as const], severities: ['critical' as const] }, minutes: 0 },
  { match: { detectors: ['robust' as const, 'iforest' as const] }, minutes: 1 },
];

describe('isPending', () => {
  it('holds a matching anomaly until it has been anomalous for the period; the first matching rule decides', () => {
    expect(isPending(RULES, anomaly('a-1', 'robust'), undefined)).toBe(true);
    expect(isPending(RULES, anomaly('a-1', 'robust', { updatedTs: T0 + 59_999 }), undefined)).toBe(true);
    expect(isPending(RULES, anomaly('a-1', 'robust', { updatedTs: T0 + 60_000 }), undefined)).toBe(false);
    // Open a while but anomalous only at its start (a blip the tracker has not closed yet): still pending.
    expect(isPending(RULES, anomaly('a-1', 'iforest'), undefined)).toBe(true);
    expect(isPending(RULES, anomaly('a-1', 'robust', { severity: 'critical' }), undefined)).toBe(false);
    expect(isPending(RULES, anomaly('a-1', 'threshold'), undefined)).toBe(false);
    expect(pendingChecker([], () => new Map())).toBeUndefined();
  });
});

/** A notifier on a shared in-memory store; `start()` again is a restart. */
function setup() {
  const store = createSqliteStore(':memory:');
  const clock = { now: T0 };
  const outcomes: AlertOutcome[] = [];
  const start = () =>
    createNotifier({
      store,
      clock: { now: () => clock.now },
      logger: captureLogger(),
      channels: () => ({ slack: ['C1'] }),
      pending: pendingChecker(RULES, () => new Map()),
      onAlert: (o) => outcomes.push(o),
    });
  return { store, clock, outcomes, start };
}

describe('the notifier with a pending period', () => {
  it('posts an anomaly once it lasts, never posts a blip, and counts both as held_pending, not late', () => {
    const { store, clock, outcomes, start } = setup();
    let notifier = start();
    const tick = (opened: Anomaly[], updated: Anomaly[] = [], resolved: Anomaly[] = []) => {
      for (const a of [...opened, ...updated, ...resolved]) store.upsertAnomaly(a);
      notifier.onAnomalies({ opened, updated, resolved });
    };
    const posts = () => store.chat.pendingOutbox(100).filter((m) => m.op === 'post');

    const lasting = anomaly('web-1', 'robust');
    const blip = anomaly('web-2', 'robust');
    const rule = anomaly('web-3', 'threshold');
    tick([lasting, blip, rule]);
    expect(posts().map((m) => m.msgKey)).toEqual([`alert:web-3:${T0}`]);
    expect(outcomes).toEqual(['held_pending', 'held_pending', 'posted']);

    clock.now = T0 + 30_000;
    tick([], [{ ...lasting, updatedTs: clock.now }]);
    expect(posts()).toHaveLength(1);
    // A restart in between: what held the anomaly is read from the store, so it is still not "late".
    notifier = start();
    clock.now = T0 + 60_000;
    tick([], [{ ...lasting, updatedTs: clock.now }]);
    expect(posts().map((m) => m.msgKey)).toEqual([`alert:web-3:${T0}`, `alert:web-1:${clock.now}`]);
    expect(outcomes.at(-1)).toBe('posted');

    // The blip resolves without ever being announced; it stays in the store for answers and timelines.
    clock.now = T0 + 90_000;
    tick([], [], [{ ...blip, status: 'resolved', endTs: clock.now, updatedTs: clock.now }]);
    expect(posts()).toHaveLength(2);
    expect(store.chat.alertKeyFor(blip.id)).toBeUndefined();
    expect(store.getAnomaly(blip.id)?.status).toBe('resolved');
    expect(outcomes.filter((o) => o === 'late')).toEqual([]);
  });

  it('counts an alert a silence held as late when it is announced, also after a restart', () => {
    const { store, clock, outcomes, start } = setup();
    start();
    store.chat.addSilence({ id: 'sl_abc1', target: 'web-1', metric: '*', untilTs: T0 + 60_000, createdBy: 'web:a', createdTs: T0 });
    const a = anomaly('web-1', 'robust', { updatedTs: T0 + 90_000 });
    store.upsertAnomaly(a);
    start().onAnomalies({ opened: [a], updated: [], resolved: [] });
    expect(outcomes).toEqual(['held_silenced']);
    clock.now = T0 + 90_000;
    start().onAnomalies({ opened: [], updated: [], resolved: [] });
    expect(outcomes).toEqual(['held_silenced', 'late']);
  });
});
