import { describe, expect, it } from 'vitest';
import { anomaliesAround } from '../../../src/bot/anomalies-around.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly, resolvedAnomaly } from '../../fixtures/anomaly.js';

const T = Date.UTC(2026, 11, 3, 10, 0, 0);
const MIN = 60_000;

function storeWith(list: Anomaly[]) {
  const store = createSqliteStore(':memory:');
  for (const a of list) store.upsertAnomaly(a);
  return store;
}

describe('anomaliesAround', () => {
  // The one asked about: web-1 CPU from 10:00 to 10:10.
  const subject = resolvedAnomaly('an_subject', T, { startTs: T, endTs: T + 10 * MIN });

  it('lists what was open within 15 min of it, its own target first, then by how close the start was', () => {
    const store = storeWith([
      subject,
      resolvedAnomaly('an_db', T, { target: 'db-1', metric: 'disk', startTs: T - 5 * MIN, endTs: T + 2 * MIN }),
      resolvedAnomaly('an_mem', T, { metric: 'memory', startTs: T + 20 * MIN, endTs: T + 21 * MIN }),
      // Ended 16 min before it began, and began 26 min after it ended: neither is near.
      resolvedAnomaly('an_before', T, { target: 'api-1', startTs: T - 30 * MIN, endTs: T - 16 * MIN }),
      resolvedAnomaly('an_after', T, { target: 'api-1', startTs: T + 36 * MIN, endTs: T + 40 * MIN }),
      // Began a day earlier and is still open: it was open during this one.
      { ...cpuAnomaly('an_long', 'api-2', 'latency_ms'), key: 'long', startTs: T - 20 * 3_600_000, updatedTs: T },
    ]);
    expect(anomaliesAround(subject, store, T + 60 * MIN)).toEqual([
      'Around it (open within 15 min of it): 3 other anomalies on 3 targets:',
      '• an_mem [warning] web-1 memory (threshold) 10:20:00–10:21:00: started 20 min after it',
      '• an_db [warning] db-1 disk (threshold) 09:55:00–10:02:00: started 5 min before it',
      '• an_long [warning] api-2 latency (threshold) 14:00:00–still open: started 20 h before it',
    ]);
  });

  it('says when nothing else was anomalous, and counts what it does not show', () => {
    expect(anomaliesAround(subject, storeWith([subject]), T + 60 * MIN)).toEqual(['Nothing else was anomalous within 15 min of it.']);
    const many = Array.from({ length: 8 }, (_, i) =>
      resolvedAnomaly(`an_${i}`, T, { target: `h-${i}`, startTs: T + i * MIN, endTs: T + 30 * MIN }),
    );
    const got = anomaliesAround(subject, storeWith([subject, ...many]), T + 60 * MIN);
    expect(got[0]).toBe('Around it (open within 15 min of it): 8 other anomalies on 8 targets:');
    expect(got).toHaveLength(7);
    expect(got[6]).toBe('…and 3 more; "anomalies between 09:45 and 10:25" lists those that started then.');
  });
});
