import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../../src/store/sqlite-schema.js';
import { CHAT_SILENCE_START_MIGRATION } from '../../../src/store/sqlite-chat-store.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import type { Proposal } from '../../../src/core/remediation.js';
import { tempDir } from '../../helpers/test-config.js';

const H = 3_600_000;
const D = 24 * H;

/** A store file as an older release left it: the first `version` migrations, then `seed`. */
function storeAtVersion(version: number, seed: (db: Database.Database) => void): string {
  const file = path.join(tempDir(), 'db.sqlite');
  const old = new Database(file);
  for (const m of MIGRATIONS.slice(0, version)) old.exec(m);
  old.pragma(`user_version = ${version}`);
  seed(old);
  old.close();
  return file;
}

function anomaly(id: string, startTs: number, endTs: number | null): Anomaly {
  return {
    ...{ id, key: `${id}|cpu|robust`, target: id, metric: 'cpu', detector: 'robust', severity: 'warning', score: 0.5 },
    ...{ observed: 95, expectedLow: 10, expectedHigh: 30, peak: 95, summary: 'cpu up' },
    ...{ status: endTs === null ? 'open' : 'resolved', startTs, endTs, updatedTs: endTs ?? startTs },
  };
}

function proposal(id: string, anomalyId: string, state: Proposal['state'], ts: number): Proposal {
  return {
    ...{ id, anomalyId, anomalyKey: `${anomalyId}|cpu|robust`, target: anomalyId, action: 'restart_service', params: {} },
    ...{ mode: 'approval', executor: 'simulate', state, reason: 'r', createdTs: ts, updatedTs: ts, expiresTs: ts + H },
    ...{ requestedBy: 'pipeline', decidedBy: null, decidedTs: null, result: null },
  };
}

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
    // Held, raw and compacted, each once: the 10 saved twice are not counted twice.
    expect(store.sampleCount()).toBe(301);
    expect(store.latestSamples().find((x) => x.target === 'a')).toEqual({ target: 'a', metric: 'cpu', ts: 299 * 30_000, value: 299 });
    store.close();
  });

  it('compacts samples that arrived out of order, and merges a late one into the chunk that covers it', () => {
    const store = createSqliteStore(path.join(tempDir(), 'db.sqlite'));
    const at = (i: number, value = i) => ({ target: 'c', metric: 'mem', ts: i * 30_000, value });
    store.saveSamples([at(5), at(3), at(9), at(4)]);
    store.saveSamples([{ target: 'd', metric: 'mem', ts: 0, value: 7 }]);
    expect(store.compactSamples(10 * 30_000)).toBe(5);
    // A chunk keyed by its first arrival rather than its first ts would miss a query for the earliest alone.
    expect(store.series('c', 'mem', 3 * 30_000, 3 * 30_000).map((x) => x.value)).toEqual([3]);
    store.saveSamples([at(6), at(4, 40)]);
    expect(store.compactSamples(10 * 30_000)).toBe(2);
    expect(store.series('c', 'mem', 0).map((x) => [x.ts / 30_000, x.value])).toEqual([
      [3, 3],
      [4, 40],
      [5, 5],
      [6, 6],
      [9, 9],
    ]);
    expect(store.series('d', 'mem', 0).map((x) => x.value)).toEqual([7]);
    store.close();
  });

  it('keeps the blamed metric of a host anomaly, and opens a file from before that column', () => {
    // A store at schema version 2 (before the column) with an anomaly in it.
    const file = storeAtVersion(2, (old) =>
      old
        .prepare(
          `INSERT INTO anomalies (id, key, target, metric, detector, status, severity, score, observed, expected_low,
      expected_high, start_ts, end_ts, updated_ts, peak, summary) VALUES ('an_old', 'w|cpu|robust', 'w', 'cpu', 'robust', 'open',
      'warning', 0.5, 95, 10, 30, 1, NULL, 1, 95, 'cpu up')`,
        )
        .run(),
    );
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

  it('prunes what hangs off a pruned anomaly, and keeps what an open or recent one still needs', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const store = createSqliteStore(file);
    const now = 100 * D;
    const keep = { samplesMs: D, recordsMs: 30 * D, anomaliesMs: 90 * D };
    // Old and resolved (pruned); open since the start (kept); a fleet message with one old and one recent member.
    for (const a of [anomaly('old', 0, D), anomaly('open', 0, null), anomaly('fold', 0, D), anomaly('fnew', 0, 99 * D)])
      store.upsertAnomaly(a);
    const keys = { old: 'alert:old:0', open: 'alert:open:0', fold: 'fleet:cpu:0', fnew: 'fleet:cpu:0' };
    for (const [id, key] of Object.entries(keys)) store.chat.linkAlert(`${id}`, key);
    for (const key of new Set(Object.values(keys))) store.setKv(`remind:${key}`, '2');
    for (const id of ['old', 'open']) store.setKv(`held:${id}`, 'silenced');
    for (const key of [keys.old, keys.open]) expect(store.chat.acknowledge({ msgKey: key, by: 'web:a', ts: 0 })).toBe(true);
    expect(store.chat.acknowledge({ msgKey: keys.open, by: 'web:b', ts: 1 })).toBe(false);
    const sent = (msgKey: string, ts: number, platform: 'slack' | 'web' = 'slack') => {
      const id =
        platform === 'web'
          ? store.chat.webPost('ops', null, { title: msgKey, severity: 'warning', lines: [] } as never, ts)
          : `m_${msgKey}`;
      const item = store.chat.enqueue({ platform, channel: 'ops', op: 'post', msgKey, threadKey: null, payload: {} as never }, ts);
      store.chat.markSent(item, { msgKey, ref: { platform, channel: 'ops', id } });
    };
    for (const key of new Set(Object.values(keys))) sent(key, 0);
    sent(keys.old, 0, 'web');
    sent(keys.open, 0, 'web');
    sent('resolved:old', D);
    sent('proposal:rp_recent', 95 * D);
    const strayWeb = store.chat.webPost('ops', null, {} as never, 0);
    const recentWeb = store.chat.webPost('ops', null, {} as never, 95 * D);
    for (const p of [proposal('rp_done', 'old', 'succeeded', D), proposal('rp_recent', 'fnew', 'denied', 95 * D)])
      store.insertProposal(p, { proposalId: p.id, from: null, to: p.state, actor: 'pipeline', ts: p.createdTs, note: '' });
    store.saveDetectorStates([{ key: 'robust:gone|cpu', state: Buffer.from('x') }], D);
    store.saveDetectorStates([{ key: 'robust:open|cpu', state: Buffer.from('y') }], 99 * D);
    store.chat.addSilence({ id: 'sl_ancient', target: 'old', metric: '*', untilTs: D, createdBy: 'web:a', createdTs: 0 });
    store.chat.addSilence({ id: 'sl_live', target: 'open', metric: '*', untilTs: now + H, createdBy: 'web:a', createdTs: now });

    store.prune(now, keep);
    store.close();
    const again = createSqliteStore(file);
    expect(again.getAnomaly('old')).toBeUndefined();
    expect(again.chat.alertKeyFor('old')).toBeUndefined();
    expect(again.chat.alertKeyFor('open')).toBe(keys.open);
    expect(again.chat.anomaliesForKey(keys.fnew)).toEqual(['fnew']);
    expect(again.getKv(`remind:${keys.old}`)).toBeUndefined();
    expect(again.getKv(`remind:${keys.open}`)).toBe('2');
    expect(again.getKv(`remind:${keys.fnew}`)).toBe('2');
    expect(again.getKv('held:old')).toBeUndefined();
    expect(again.getKv('held:open')).toBe('silenced');
    expect(again.chat.ackOf(keys.old)).toBeUndefined();
    expect(again.chat.ackOf(keys.open)).toEqual({ msgKey: keys.open, by: 'web:a', ts: 0 });
    // An open alert can still be edited and threaded, on every platform it went to.
    expect(again.chat.messageRef('slack', 'ops', keys.open)?.id).toBe(`m_${keys.open}`);
    expect(again.chat.messageRef('web', 'ops', keys.open)).toBeDefined();
    expect(again.chat.messageRef('slack', 'ops', keys.fnew)).toBeDefined();
    expect(again.chat.messageRef('slack', 'ops', keys.old)).toBeUndefined();
    expect(again.chat.messageRef('web', 'ops', keys.old)).toBeUndefined();
    expect(again.chat.messageRef('slack', 'ops', 'resolved:old')).toBeUndefined();
    expect(again.chat.messageRef('slack', 'ops', 'proposal:rp_recent')).toBeDefined();
    const web = again.chat.webMessages(50).map((m) => m.id);
    expect(web).toContain(again.chat.messageRef('web', 'ops', keys.open)!.id);
    expect(web).toContain(recentWeb);
    expect(web).not.toContain(strayWeb);
    expect(web).toHaveLength(2);
    expect(again.getProposal('rp_done')).toBeUndefined();
    expect(again.proposalEvents('rp_done')).toEqual([]);
    expect(again.getProposal('rp_recent')?.state).toBe('denied');
    expect(again.loadDetectorState('robust:gone|cpu')).toBeUndefined();
    expect(again.loadDetectorState('robust:open|cpu')?.toString()).toBe('y');
    expect(again.chat.silences(now).map((x) => x.id)).toEqual(['sl_live']);
    again.close();
  });

  it('keeps the silences of an older file in force after the upgrade, and tells those scheduled ahead apart', () => {
    // A file from before silences had a start or a reason.
    const before = MIGRATIONS.indexOf(CHAT_SILENCE_START_MIGRATION);
    const file = storeAtVersion(before, (old) =>
      old.prepare("INSERT INTO silences VALUES ('sl_old', 'web-1', '*', ?, 'slack:U1', 0)").run(10 * H),
    );
    const store = createSqliteStore(file);
    const at = (ts: number) => [store.chat.silences(ts).map((x) => x.id), store.chat.scheduledSilences(ts).map((x) => x.id)];
    expect(store.chat.silences(H)).toEqual([
      { id: 'sl_old', target: 'web-1', metric: '*', untilTs: 10 * H, createdBy: 'slack:U1', createdTs: 0 },
    ]);
    store.chat.addSilence({
      id: 'sl_later',
      target: 'web-1',
      metric: '*',
      untilTs: 6 * H,
      createdBy: 'web:a',
      createdTs: H,
      startsTs: 5 * H,
      reason: 'kernel upgrade',
    });
    expect(store.chat.scheduledSilences(H)[0]!.reason).toBe('kernel upgrade');
    expect(at(H)).toEqual([['sl_old'], ['sl_later']]);
    expect(at(5 * H)).toEqual([['sl_later', 'sl_old'], []]);
    expect(at(6 * H)).toEqual([['sl_old'], []]);
    // Lifting web-1's silences at 2 h leaves the one scheduled for 5 h.
    expect(store.chat.removeSilencesFor('web-1', 2 * H)).toBe(1);
    expect(at(2 * H)).toEqual([[], ['sl_later']]);
    expect(store.chat.removeSilence('sl_later')).toBe(true);
    expect(at(5 * H)).toEqual([[], []]);
    store.close();
  });

  it('ages message references saved before they had an age from the first prune after the upgrade', () => {
    const file = storeAtVersion(6, (old) =>
      old.prepare("INSERT INTO message_refs VALUES ('slack', 'ops', 'resolved:x', '123.456', NULL)").run(),
    );
    const store = createSqliteStore(file);
    const keep = { samplesMs: D, recordsMs: D, anomaliesMs: 90 * D };
    store.prune(200 * D, keep);
    expect(store.chat.messageRef('slack', 'ops', 'resolved:x')?.id).toBe('123.456');
    store.prune(289 * D, keep);
    expect(store.chat.messageRef('slack', 'ops', 'resolved:x')).toBeDefined();
    store.prune(291 * D, keep);
    expect(store.chat.messageRef('slack', 'ops', 'resolved:x')).toBeUndefined();
    store.close();
  });
});
