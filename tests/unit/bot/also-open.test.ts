import { describe, expect, it } from 'vitest';
import { alsoOpen, alsoOpenOf } from '../../../src/bot/also-open.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';

const T = Date.UTC(2026, 11, 5, 6, 0, 0);
const MIN = 60_000;
const a = (id: string, target: string, metric: string, startMin: number, over: Partial<Anomaly> = {}): Anomaly => ({
  ...cpuAnomaly(id, target, metric),
  startTs: T + startMin * MIN,
  ...over,
});

describe('alsoOpen', () => {
  const mine = [a('an_w', 'web-1', 'cpu', 0)];

  it('names what is open on other targets that began within 15 min, critical first, at most three', () => {
    const open = [
      ...mine,
      a('an_mem', 'web-1', 'memory', 1),
      a('an_db', 'db-1', 'disk', -10, { severity: 'critical' }),
      a('an_api', 'api-1', 'latency_ms', 5),
      a('an_old', 'api-2', 'cpu', -40),
      a('an_late', 'api-2', 'memory', 16),
      a('an_x', 'x-1', 'cpu', 6),
      a('an_y', 'y-1', 'cpu', 7),
    ];
    expect(alsoOpen(mine, open)).toBe(
      'db-1 disk (critical, since 05:50), api-1 latency (warning, since 06:05), x-1 CPU (warning, since 06:06), and 1 more',
    );
  });

  it('says nothing once the alert has ended, or when nothing else is near', () => {
    expect(alsoOpen([{ ...mine[0]!, status: 'resolved', endTs: T + MIN }], [a('an_db', 'db-1', 'disk', 1)])).toBeUndefined();
    expect(alsoOpen(mine, [...mine, a('an_far', 'db-1', 'disk', 30)])).toBeUndefined();
  });

  it('reads the open anomalies once per tick, however many alerts the tick renders, and not for an ended alert', () => {
    let reads = 0;
    const open = [...mine, a('an_db', 'db-1', 'disk', 1)];
    const also = alsoOpenOf({ openAnomalies: () => (reads++, open) });
    expect(also(mine, T)).toBe('db-1 disk (warning, since 06:01)');
    expect(also([a('an_api', 'api-1', 'cpu', 2)], T)).toBe('web-1 CPU (warning, since 06:00), db-1 disk (warning, since 06:01)');
    expect(reads).toBe(1);
    expect(also([{ ...mine[0]!, status: 'resolved', endTs: T }], T + 30_000)).toBeUndefined();
    expect(reads).toBe(1);
    also(mine, T + 30_000);
    expect(reads).toBe(2);
  });
});
