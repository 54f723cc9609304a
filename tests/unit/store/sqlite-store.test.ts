import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../src/store/sqlite-schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { tempDir } from '../../helpers/test-config.js';

const H = 3_600_000;

describe('sqlite store samples', () => {
  it('reads a series across compacted chunks and raw rows, in time order, without duplicates', () => {
    const store = createSqliteStore(path.join(tempDir(), 'db.sqlite'));
    const rows = Array.from({ length: 300 }, (_, i) => ({ target: 'a', metric: 'cpu', ts: i * 30_000, value: i }));
    store.saveSamples(rows.slice(0, 200));
    store.saveSamples([{ target: 'b', metric: 'cpu', ts: 0, value: 99 }]);
    expect(store.compactSamples(100 * 30_000)).toBe(101);
    // Compacting the same range again (after a crash, say) must not lose or duplicate anything.
    store.saveSamples(rows.slice(50, 60));
    expect(store.compactSamples(100 * 30_000)).toBe(10);
    store.saveSamples(rows.slice(200));
    const s = store.series('a', 'cpu', 0);
    expect(s.map((x) => x.value)).toEqual(rows.map((r) => r.value));
    expect(store.series('a', 'cpu', 95 * 30_000, 105 * 30_000).map((x) => x.value)).toEqual([
      95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105,
    ]);
    expect(store.series('b', 'cpu', 0)).toEqual([{ target: 'b', metric: 'cpu', ts: 0, value: 99 }]);
    expect(store.latestSamples().find((x) => x.target === 'a')).toEqual({ target: 'a', metric: 'cpu', ts: 299 * 30_000, value: 299 });
    store.close();
  });

  it('keeps the blamed metric of a host anomaly, and opens a file from before that column', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    // A store at schema version 2 (before the column) with an anomaly in it.
    const old = new Database(file);
    for (const m of MIGRATIONS.slice(0, 2)) old.exec(m);
    old.pragma('user_version = 2');
    old
      .prepare(
        `INSERT INTO anomalies (id, key, target, metric, detector, status, severity, score, observed, expected_low,
      expected_high, start_ts, end_ts, updated_ts, peak, summary) VALUES ('an_old', 'w|cpu|robust', 'w', 'cpu', 'robust', 'open',
      'warning', 0.5, 95, 10, 30, 1, NULL, 1, 95, 'cpu up')`,
      )
      .run();
    old.close();
    const store = createSqliteStore(file);
    expect(store.getAnomaly('an_old')).not.toHaveProperty('feature');
    const host = {
      ...store.getAnomaly('an_old')!,
      id: 'an_host',
      key: 'w|host|iforest',
      metric: 'host',
      detector: 'iforest' as const,
      feature: 'disk',
    };
    store.upsertAnomaly(host);
    expect(store.getAnomaly('an_host')).toEqual(host);
    // A stronger moment that blames another metric replaces the figures as one: metric, peak and
    // usual range together (the range and the metric used to stay behind, mixing units).
    const stronger = { ...host, feature: 'net_in', observed: 52e6, peak: 52e6, expectedLow: 9e5, expectedHigh: 2.1e6, updatedTs: 2 };
    store.upsertAnomaly(stronger);
    expect(store.getAnomaly('an_host')).toEqual(stronger);
    store.close();
  });

  it('prunes by retention and survives reopen', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const store = createSqliteStore(file);
    store.saveSamples([0, 1, 2, 3].map((h) => ({ target: 'a', metric: 'cpu', ts: h * H, value: h })));
    store.compactSamples(2 * H);
    store.appendRecord('x', 0, { old: true });
    store.appendRecord('x', 3 * H, { old: false });
    store.prune(3 * H, { samplesMs: 1.5 * H, recordsMs: H, anomaliesMs: H });
    store.close();
    const again = createSqliteStore(file);
    expect(again.series('a', 'cpu', 0).map((x) => x.value)).toEqual([2, 3]);
    expect(again.records(10).map((r) => r.data)).toEqual([{ old: false }]);
    again.close();
  });
});
