import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const MIN = 60_000;
let n = 0;

function ctx(list: Partial<Anomaly>[]): AnswerContext {
  const store = createSqliteStore(':memory:');
  for (const a of list) {
    const id = `an_f${n++}`;
    store.upsertAnomaly(resolvedAnomaly(id, NOW, { key: `${id}|k`, ...a }));
  }
  return { store, targets: [{ name: 'web-1' }, { name: 'db-1' }], now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c).split('\n');
const at = (startMin: number, endMin: number | null, over: Partial<Anomaly> = {}): Partial<Anomaly> => ({
  startTs: NOW - startMin * MIN,
  endTs: endMin === null ? null : NOW - endMin * MIN,
  status: endMin === null ? 'open' : 'resolved',
  ...over,
});

describe('"show flapping alerts"', () => {
  it('names a series that re-opens within 30 min of ending, counts detectors on one episode once, and not one that only recurs', () => {
    const disk = { target: 'db-1', metric: 'disk' };
    const c = ctx([
      // db-1 disk: ends and opens again 10 and 12 min later, the last still open; a robust anomaly joins the first.
      at(60, 55, disk),
      at(59, 54, { ...disk, detector: 'robust' }),
      at(44, 40, disk),
      at(28, null, disk),
      // web-1 CPU: every 2 hours, 5 min each: it recurs.
      ...[600, 480, 360, 240, 120].map((m) => at(m, m - 5)),
    ]);
    expect(ask('show flapping alerts', c)).toEqual([
      'Flapping over the last 24 h (a target and metric that re-opened 2 times or more within 30 min of ending; detectors on one episode count once): 1.',
      '• db-1 disk: re-opened 2 times (3 episodes, one every 16 min, each 4 min (median)); the last from 2026-12-05 11:32:00 UTC, open now',
      // The series that opened most leads here, though it recurs rather than flaps.
      'Most episodes over the last 24 h, flapping or not: web-1 CPU 5, db-1 disk 3.',
      'Quieter: a pending period (chat.pendingFor) announces an anomaly only once it has lasted; "snooze db-1 disk for 4h" mutes it now; "this alert is noise" in an alert\'s thread counts it against its detector; "suggest better thresholds" replays the threshold rules at other bounds.',
    ]);
    expect(ask('is web-1 flapping?', c)).toEqual([
      'Nothing flapped on web-1 over the last 24 h (a target and metric that re-opened 2 times or more within 30 min of ending; detectors on one episode count once). The most repeated, web-1 CPU, opened 5 times, one every 2 h (median): it recurs, it does not flap; "suggest better thresholds" replays the threshold rules at other bounds.',
    ]);
    expect(ask('what keeps firing on web-9?', c)[0]).toMatch(/^I don't know a target called "?web-9/);
  });

  it('reads the usual ways of asking, and keeps the time and metric asked', () => {
    const targets = [{ name: 'web-1' }];
    expect(parseIntent('what keeps firing?', targets)).toEqual({ kind: 'flapping' });
    expect(parseIntent('noisiest alerts this week', targets)).toEqual({ kind: 'flapping', span: { kind: 'last', ms: 7 * 86_400_000 } });
    // Alert fatigue is this answer: what repeats, what opened most, and what makes it quieter.
    expect(parseIntent('alert fatigue', targets)).toEqual({ kind: 'flapping' });
    expect(parseIntent('too many alerts on web-1 this week', targets)).toEqual({
      kind: 'flapping',
      target: 'web-1',
      span: { kind: 'last', ms: 7 * 86_400_000 },
    });
    // The noisiest host is a ranking of hosts by their anomalies, not of series.
    expect(parseIntent('noisiest host this week', targets)).toMatchObject({ kind: 'anomalies', count: true, rank: 'target' });
    expect(parseIntent('is web-1 cpu flapping?', targets)).toEqual({ kind: 'flapping', target: 'web-1', metric: 'cpu' });
    expect(parseIntent('anomalies on web-1 today', targets)).toMatchObject({ kind: 'anomalies' });
  });
});

describe('the digest', () => {
  it('names what flapped, and my restarts with whether the config changed', () => {
    const disk = { target: 'db-1', metric: 'disk' };
    const c = ctx([at(60, 55, disk), at(44, 40, disk), at(28, 20, disk)]);
    const base = { version: 'x', config: 'h', previousStartTs: null, lastTickBeforeTs: null };
    c.store.appendRecord('started', NOW - 90 * MIN, { ...base, changes: [] });
    c.store.appendRecord('started', NOW - 30 * MIN, { ...base, changes: ['thresholds[cpu].above: 90 → 85'] });
    const lines = ask('summarise today', c);
    expect(lines).toContain('Flapping: db-1 disk (re-opened 2 times); "show flapping alerts" has the detail.');
    expect(lines).toContain(
      'I restarted 2 times (the last at 2026-12-05 11:30:00 UTC); the config changed at 2026-12-05 11:30:00 UTC: "what changed in the config?".',
    );
    const calm = ctx([at(60, 55, disk)]);
    expect(ask('summarise today', calm).some((l) => /^Flapping|^I restarted/.test(l))).toBe(false);
  });
});
