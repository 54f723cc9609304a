import { describe, expect, it } from 'vitest';
import { groupFleetEvents } from '../../../src/bot/fleet-events.js';
import type { Anomaly } from '../../../src/core/anomaly.js';

const a = (target: string, metric: string, startTs: number): Anomaly => ({
  id: `an_${target}${metric}${startTs}`,
  key: `${target}|${metric}|robust`,
  target,
  metric,
  detector: 'robust',
  status: 'resolved',
  severity: 'warning',
  score: 0.5,
  observed: 1,
  expectedLow: 0,
  expectedHigh: 1,
  startTs,
  endTs: startTs + 1,
  updatedTs: startTs + 1,
  peak: 1,
  summary: '',
});

describe('groupFleetEvents', () => {
  const g = { minTargets: 3, windowMs: 600 };

  it('groups one kind on enough targets within the window, and leaves the rest in order', () => {
    const list = [
      a('w1', 'disk', 0),
      a('w2', 'cpu', 10),
      a('w2', 'disk', 100),
      a('w3', 'disk', 600),
      a('w4', 'disk', 601),
      a('w1', 'disk', 5000),
    ];
    const { events, singles } = groupFleetEvents(list, g);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ metric: 'disk', detector: 'robust', startTs: 0, targets: 3 });
    expect(events[0]!.members.map((x) => x.target)).toEqual(['w1', 'w2', 'w3']);
    expect(singles.map((x) => `${x.target}/${x.metric}/${x.startTs}`)).toEqual(['w2/cpu/10', 'w4/disk/601', 'w1/disk/5000']);
  });

  it('counts targets, not anomalies: one flapping host is not a fleet', () => {
    const list = [a('w1', 'disk', 0), a('w1', 'disk', 100), a('w1', 'disk', 200), a('w2', 'disk', 300)];
    expect(groupFleetEvents(list, g).events).toEqual([]);
  });
});
