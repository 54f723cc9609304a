import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { RobustView } from '../../../src/core/inspection.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

const view = (over: Partial<RobustView>): RobustView => ({
  ts: NOW,
  value: 50,
  samples: 500,
  warmUp: 60,
  deviations: 0,
  minDeviation: 6,
  minChange: 0,
  ratio: 0,
  kind: 'spike',
  alarm: 0,
  alarmThreshold: 0.28,
  sinceAlarm: Infinity,
  cooldown: 10,
  halfLife: 1000,
  expectedLow: 40,
  expectedHigh: 60,
  open: false,
  ...over,
});

/** web-1 CPU at 75% (usual 40–60), db-1 memory at 80% but far from its bar, db-1 CPU within, web-1 memory still learning. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.saveSamples(['cpu', 'memory'].flatMap((metric) => targets.map((t) => ({ target: t.name, metric, ts: NOW, value: 1 }))));
  const views: Record<string, RobustView> = {
    'web-1|cpu': view({ value: 75, deviations: 4.2, alarm: 0.21 }),
    'db-1|memory': view({ value: 80, deviations: 5.1, alarm: 0.07 }),
    'db-1|cpu': view({ value: 50 }),
    'web-1|memory': view({ samples: 10 }),
  };
  const detectors = { inspect: (t: string, m: string) => ({ target: t, metric: m, robust: views[`${t}|${m}`] }), building: () => [] };
  return { store, targets, now: NOW, staleAfterMs: 90_000, detectors: detectors as unknown as AnswerContext['detectors'] };
}

describe('"what looks unusual but hasn\'t alerted?"', () => {
  it('reads it, near misses and "above their usual level", and leaves questions with a time alone', () => {
    for (const q of [
      "what looks unusual but hasn't alerted?",
      'near misses',
      'what almost alerted?',
      'which hosts are above their usual level?',
    ])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'unusual_now' });
    expect(parseIntent('anything unusual today?', targets).kind).toBe('anomalies');
  });

  it('lists series outside their usual range, the closest to the alarm bar first, and counts those still learning', () => {
    const lines = answerIntent(parseIntent('near misses', targets), ctx()).split('\n');
    expect(lines[0]).toBe('Outside their usual range now, with no anomaly open on them (2 series), the closest to alerting first:');
    expect(lines.slice(3, 5).map((l) => l.split(/ {2,}/))).toEqual([
      ['web-1 CPU', '75.0%', '40.0%–60.0%', '4.2 (alarms from 6)', '75%'],
      ['db-1 memory', '80.0%', '40.0%–60.0%', '5.1 (alarms from 6)', '25%'],
    ]);
    expect(lines).toContain('1 series is still learning (the robust detector judges them once warm).');
  });
});
