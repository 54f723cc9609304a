import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Anomaly } from '../core/anomaly.js';
import type { PendingUpload, ProposalQuery, RecordEntry, Store, TargetState } from '../core/ports.js';
import { TERMINAL_STATES, type Proposal, type ProposalEvent, type ProposalState } from '../core/remediation.js';
import type { Sample } from '../core/sample.js';
import { createSqliteChatStore } from './sqlite-chat-store.js';
import { MIGRATIONS } from './sqlite-schema.js';

type Row = Record<string, unknown>;

const toAnomaly = (r: Row): Anomaly => ({
  id: r.id as string,
  key: r.key as string,
  target: r.target as string,
  metric: r.metric as string,
  detector: r.detector as Anomaly['detector'],
  status: r.status as Anomaly['status'],
  severity: r.severity as Anomaly['severity'],
  score: r.score as number,
  observed: r.observed as number,
  expectedLow: (r.expected_low as number | null) ?? 0,
  expectedHigh: (r.expected_high as number | null) ?? Number.MAX_VALUE,
  startTs: r.start_ts as number,
  endTs: r.end_ts as number | null,
  updatedTs: r.updated_ts as number,
  peak: r.peak as number,
  summary: r.summary as string,
  ...(r.feature ? { feature: r.feature as string } : {}),
  ...(r.runbook_url ? { runbookUrl: r.runbook_url as string } : {}),
});

const toProposal = (r: Row): Proposal => ({
  id: r.id as string,
  anomalyId: r.anomaly_id as string,
  anomalyKey: r.anomaly_key as string,
  target: r.target as string,
  action: r.action as Proposal['action'],
  params: JSON.parse(r.params as string) as Record<string, unknown>,
  mode: r.mode as Proposal['mode'],
  executor: r.executor as Proposal['executor'],
  state: r.state as ProposalState,
  reason: r.reason as string,
  createdTs: r.created_ts as number,
  updatedTs: r.updated_ts as number,
  expiresTs: r.expires_ts as number,
  requestedBy: r.requested_by as string,
  decidedBy: (r.decided_by as string | null) ?? null,
  decidedTs: (r.decided_ts as number | null) ?? null,
  result: (r.result as string | null) ?? null,
});

const CHUNK = 720;

const encodeChunk = (pairs: number[]): Buffer => Buffer.from(new Float64Array(pairs).buffer);
function decodeChunk(b: Buffer): Float64Array {
  const out = new Float64Array(b.length / 8);
  Buffer.from(out.buffer).set(b);
  return out;
}
/** Pairs (ts, value) in ts order; arrival order usually is, so the common case is one check. */
function sortedPairs(p: number[]): number[] {
  for (let i = 2; i < p.length; i += 2) {
    if (p[i]! < p[i - 2]!) {
      const idx = Array.from({ length: p.length / 2 }, (_, j) => j).sort((a, b) => p[2 * a]! - p[2 * b]!);
      return idx.flatMap((j) => [p[2 * j]!, p[2 * j + 1]!]);
    }
  }
  return p;
}
function mergePairs(a: Float64Array, b: number[]): number[] {
  const m = new Map<number, number>();
  for (let i = 0; i < a.length; i += 2) m.set(a[i]!, a[i + 1]!);
  for (let i = 0; i < b.length; i += 2) m.set(b[i]!, b[i + 1]!);
  return [...m].sort((x, y) => x[0] - y[0]).flat();
}

/** Finite or NULL: SQLite has no Infinity, and MAX_VALUE stands for "no upper bound". */
const num = (v: number) => (Number.isFinite(v) && v !== Number.MAX_VALUE ? v : null);

/**
 * The default store: one SQLite file under the data dir, in WAL mode so the CLI can read while the
 * service writes. Every write path is a prepared statement; batches run in one transaction.
 */
const recordOf = (r: Row): RecordEntry => ({
  id: r.id as number,
  ts: r.ts as number,
  kind: r.kind as string,
  data: JSON.parse(r.data as string) as Record<string, unknown>,
});

export function createSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // better-sqlite3 builds SQLite with a 16 MB page cache; writes here are appends and reads are a
  // few chunks per series, so 4 MB does the same work and keeps the resident size down.
  db.pragma('cache_size = -4000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }

  const q = {
    insSample: db.prepare('INSERT INTO samples_raw (target, metric, ts, value) VALUES (?, ?, ?, ?)'),
    upLatest: db.prepare(
      'INSERT INTO latest (target, metric, ts, value) VALUES (?, ?, ?, ?) ON CONFLICT (target, metric) DO UPDATE SET ts = excluded.ts, value = excluded.value WHERE excluded.ts >= latest.ts',
    ),
    latest: db.prepare('SELECT target, metric, ts, value FROM latest ORDER BY target, metric'),
    rawSeries: db.prepare('SELECT ts, value FROM samples_raw WHERE target = ? AND metric = ? AND ts >= ? AND ts <= ?'),
    chunks: db.prepare(
      'SELECT data FROM sample_chunks WHERE target = ? AND metric = ? AND end_ts >= ? AND start_ts <= ? ORDER BY start_ts',
    ),
    // One seek: the chunk that starts last at or before ts. The range form of `chunks` walks every
    // earlier chunk of the series, which made each compaction read the whole retained day.
    chunkCovering: db.prepare(
      'SELECT end_ts, data FROM sample_chunks WHERE target = ? AND metric = ? AND start_ts <= ? ORDER BY start_ts DESC LIMIT 1',
    ),
    toCompact: db.prepare('SELECT target, metric, ts, value FROM samples_raw WHERE ts < ?').raw(true),
    insChunk: db.prepare('INSERT OR REPLACE INTO sample_chunks (target, metric, start_ts, end_ts, n, data) VALUES (?, ?, ?, ?, ?, ?)'),
    delRaw: db.prepare('DELETE FROM samples_raw WHERE ts < ?'),
    upAnomaly: db.prepare(`INSERT INTO anomalies (id, key, target, metric, detector, status, severity, score, observed,
      expected_low, expected_high, start_ts, end_ts, updated_ts, peak, summary, feature, runbook_url)
      VALUES (@id, @key, @target, @metric, @detector, @status, @severity, @score, @observed, @expectedLow, @expectedHigh,
      @startTs, @endTs, @updatedTs, @peak, @summary, @feature, @runbookUrl)
      ON CONFLICT (id) DO UPDATE SET status = excluded.status, severity = excluded.severity, score = excluded.score,
      observed = excluded.observed, end_ts = excluded.end_ts, updated_ts = excluded.updated_ts, peak = excluded.peak,
      summary = excluded.summary, expected_low = excluded.expected_low, expected_high = excluded.expected_high,
      feature = excluded.feature, runbook_url = excluded.runbook_url`),
    anomalyById: db.prepare("SELECT * FROM anomalies WHERE id = ? OR (key = ? AND status = 'open') ORDER BY start_ts DESC LIMIT 1"),
    openAnomalies: db.prepare("SELECT * FROM anomalies WHERE status = 'open' ORDER BY start_ts DESC"),
    recentAnomalies: db.prepare('SELECT * FROM anomalies WHERE start_ts >= ? AND start_ts < ? ORDER BY start_ts DESC, id LIMIT ?'),
    insProposal: db.prepare(`INSERT INTO proposals (id, anomaly_id, anomaly_key, target, action, params, mode, executor, state,
      reason, created_ts, updated_ts, expires_ts, requested_by, decided_by, decided_ts, result)
      VALUES (@id, @anomalyId, @anomalyKey, @target, @action, @params, @mode, @executor, @state, @reason, @createdTs,
      @updatedTs, @expiresTs, @requestedBy, @decidedBy, @decidedTs, @result)`),
    proposal: db.prepare('SELECT * FROM proposals WHERE id = ?'),
    insEvent: db.prepare('INSERT INTO proposal_events (proposal_id, from_state, to_state, actor, ts, note) VALUES (?, ?, ?, ?, ?, ?)'),
    events: db.prepare('SELECT * FROM proposal_events WHERE proposal_id = ? ORDER BY id'),
    // A withdrawn proposal never ran and was never refused: the problem coming back deserves a new one.
    lastProposal: db.prepare("SELECT MAX(created_ts) AS ts FROM proposals WHERE target = ? AND action = ? AND state <> 'withdrawn'"),
    insRecord: db.prepare('INSERT INTO records (ts, kind, data) VALUES (?, ?, ?)'),
    records: db.prepare('SELECT * FROM records WHERE id < ? AND (? IS NULL OR kind = ?) ORDER BY id DESC LIMIT ?'),
    recordsBetween: db.prepare(
      'SELECT * FROM records WHERE ts BETWEEN ? AND ? AND kind IN (SELECT value FROM json_each(?)) ORDER BY ts, id LIMIT ?',
    ),
    loadState: db.prepare('SELECT state FROM detector_state WHERE key = ?'),
    saveState: db.prepare('INSERT OR REPLACE INTO detector_state (key, state, updated_ts) VALUES (?, ?, ?)'),
    touch: db.prepare(
      "INSERT INTO targets (target, last_seen_ts, state) VALUES (?, ?, 'up') ON CONFLICT (target) DO UPDATE SET last_seen_ts = MAX(COALESCE(last_seen_ts, 0), excluded.last_seen_ts), state = 'up'",
    ),
    targets: db.prepare('SELECT * FROM targets ORDER BY target'),
    setTargetState: db.prepare(
      'INSERT INTO targets (target, state) VALUES (?, ?) ON CONFLICT (target) DO UPDATE SET state = excluded.state',
    ),
    enqueue: db.prepare('INSERT INTO uploads (key, body, next_attempt_ts) VALUES (?, ?, ?)'),
    due: db.prepare('SELECT id, key, body, attempts FROM uploads WHERE next_attempt_ts <= ? ORDER BY id LIMIT ?'),
    uploaded: db.prepare('DELETE FROM uploads WHERE id = ?'),
    uploadFailed: db.prepare('UPDATE uploads SET attempts = attempts + 1, next_attempt_ts = ?, last_error = ? WHERE id = ?'),
    uploadCount: db.prepare('SELECT COUNT(*) AS n FROM uploads'),
    getKv: db.prepare('SELECT value FROM kv WHERE key = ?'),
    setKv: db.prepare('INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)'),
  };

  const saveSamples = db.transaction((samples: Sample[]) => {
    for (const s of samples) {
      q.insSample.run(s.target, s.metric, s.ts, s.value);
      q.upLatest.run(s.target, s.metric, s.ts, s.value);
    }
  });
  /** Moves raw samples older than `beforeTs` into per-series chunks of at most CHUNK samples. */
  const compact = db.transaction((beforeTs: number): number => {
    let moved = 0;
    // Rows as arrays, streamed and grouped here: all() of row objects sorted by SQLite was half of
    // every compaction of 1,000 series (bench/tick.bench.ts, p99) and a peak of 30,000 live objects.
    // The writes wait until the read is done: better-sqlite3 forbids them while a statement iterates.
    const bySeries = new Map<string, { target: string; metric: string; pairs: number[] }>();
    for (const [target, metric, ts, value] of q.toCompact.iterate(beforeTs) as Iterable<[string, string, number, number]>) {
      const k = `${target}\u0000${metric}`;
      let g = bySeries.get(k);
      if (!g) bySeries.set(k, (g = { target, metric, pairs: [] }));
      g.pairs.push(ts, value);
    }
    for (const { target, metric, pairs } of bySeries.values()) {
      const buf = sortedPairs(pairs);
      for (let i = 0; i < buf.length; i += CHUNK * 2) {
        const part = buf.slice(i, i + CHUNK * 2);
        const prev = q.chunkCovering.get(target, metric, part[0]!) as { end_ts: number; data: Buffer } | undefined;
        // A chunk that already covers the first ts (a re-run after a crash, a late sample) is merged, not overwritten.
        const merged = prev && prev.end_ts >= part[0]! ? mergePairs(decodeChunk(prev.data), part) : part;
        q.insChunk.run(target, metric, merged[0]!, merged[merged.length - 2]!, merged.length / 2, encodeChunk(merged));
        moved += part.length / 2;
      }
    }
    q.delRaw.run(beforeTs);
    return moved;
  });
  const saveStates = db.transaction((entries: { key: string; state: Buffer }[], ts: number) => {
    for (const e of entries) q.saveState.run(e.key, e.state, ts);
  });
  const touchAll = db.transaction((names: string[], ts: number) => {
    for (const n of names) q.touch.run(n, ts);
  });

  const chat = createSqliteChatStore(db);

  return {
    chat,
    saveSamples: (samples) => saveSamples(samples),
    latestSamples: () => q.latest.all() as Sample[],
    series(target, metric, fromTs, untilTs = Number.MAX_SAFE_INTEGER) {
      const byTs = new Map<number, number>();
      for (const r of q.chunks.all(target, metric, fromTs, untilTs) as { data: Buffer }[]) {
        const a = decodeChunk(r.data);
        for (let i = 0; i < a.length; i += 2) if (a[i]! >= fromTs && a[i]! <= untilTs) byTs.set(a[i]!, a[i + 1]!);
      }
      for (const r of q.rawSeries.all(target, metric, fromTs, untilTs) as { ts: number; value: number }[]) byTs.set(r.ts, r.value);
      return [...byTs].sort((a, b) => a[0] - b[0]).map(([ts, value]) => ({ target, metric, ts, value }));
    },
    compactSamples: (beforeTs) => compact(beforeTs),

    upsertAnomaly(a) {
      q.upAnomaly.run({
        ...a,
        expectedLow: num(a.expectedLow),
        expectedHigh: num(a.expectedHigh),
        feature: a.feature ?? null,
        runbookUrl: a.runbookUrl ?? null,
      });
    },
    getAnomaly(idOrKey) {
      const r = q.anomalyById.get(idOrKey, idOrKey) as Row | undefined;
      return r && toAnomaly(r);
    },
    openAnomalies: () => (q.openAnomalies.all() as Row[]).map(toAnomaly),
    recentAnomalies: (limit, sinceTs = 0, untilTs = Number.MAX_SAFE_INTEGER) =>
      (q.recentAnomalies.all(sinceTs, untilTs, limit) as Row[]).map(toAnomaly),

    insertProposal: db.transaction((p: Proposal, e: ProposalEvent) => {
      q.insProposal.run({ ...p, params: JSON.stringify(p.params) });
      q.insEvent.run(e.proposalId, e.from, e.to, e.actor, e.ts, e.note);
    }),
    getProposal(id) {
      const r = q.proposal.get(id) as Row | undefined;
      return r && toProposal(r);
    },
    listProposals(pq: ProposalQuery) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (pq.states?.length) {
        where.push(`state IN (${pq.states.map(() => '?').join(',')})`);
        args.push(...pq.states);
      }
      if (pq.target) {
        where.push('target = ?');
        args.push(pq.target);
      }
      if (pq.action) {
        where.push('action = ?');
        args.push(pq.action);
      }
      if (pq.updatedSince !== undefined) {
        where.push('updated_ts >= ?');
        args.push(pq.updatedSince);
      }
      const sql = `SELECT * FROM proposals ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_ts DESC, id LIMIT ?`;
      return (db.prepare(sql).all(...args, pq.limit ?? 100) as Row[]).map(toProposal);
    },
    transitionProposal: db.transaction(
      (id: string, from: ProposalState[], e: ProposalEvent, patch: Partial<Proposal> = {}): Proposal | undefined => {
        const sets = ['state = ?', 'updated_ts = ?'];
        const args: unknown[] = [e.to, e.ts];
        for (const [k, col] of [
          ['decidedBy', 'decided_by'],
          ['decidedTs', 'decided_ts'],
          ['result', 'result'],
        ] as const) {
          if (k in patch) {
            sets.push(`${col} = ?`);
            args.push(patch[k] ?? null);
          }
        }
        const res = db
          .prepare(`UPDATE proposals SET ${sets.join(', ')} WHERE id = ? AND state IN (${from.map(() => '?').join(',')})`)
          .run(...args, id, ...from);
        if (res.changes !== 1) return undefined;
        q.insEvent.run(e.proposalId, e.from, e.to, e.actor, e.ts, e.note);
        return toProposal(q.proposal.get(id) as Row);
      },
    ),
    proposalEvents: (id) =>
      (q.events.all(id) as Row[]).map((r) => ({
        proposalId: r.proposal_id as string,
        from: (r.from_state as ProposalState | null) ?? null,
        to: r.to_state as ProposalState,
        actor: r.actor as string,
        ts: r.ts as number,
        note: r.note as string,
      })),
    lastProposalTs(target, action) {
      const r = q.lastProposal.get(target, action) as { ts: number | null };
      return r.ts ?? undefined;
    },

    appendRecord: (kind, ts, data) => Number(q.insRecord.run(ts, kind, JSON.stringify(data)).lastInsertRowid),
    records: (limit, beforeId = Number.MAX_SAFE_INTEGER, kind) =>
      (q.records.all(beforeId, kind ?? null, kind ?? null, limit) as Row[]).map(recordOf),
    recordsBetween: (fromTs, untilTs, kinds, limit) =>
      (q.recordsBetween.all(fromTs, untilTs, JSON.stringify(kinds), limit) as Row[]).map(recordOf),

    loadDetectorState(key) {
      const r = q.loadState.get(key) as { state: Buffer } | undefined;
      return r?.state;
    },
    saveDetectorStates: (entries, ts) => saveStates(entries, ts),

    touchTargets: (names, ts) => touchAll(names, ts),
    targetStates: () =>
      (q.targets.all() as Row[]).map((r): TargetState => ({
        target: r.target as string,
        lastSeenTs: (r.last_seen_ts as number | null) ?? null,
        state: r.state as TargetState['state'],
      })),
    setTargetState: (target, state) => void q.setTargetState.run(target, state),

    enqueueUpload: (key, body, ts) => void q.enqueue.run(key, body, ts),
    dueUploads: (now, limit) => q.due.all(now, limit) as PendingUpload[],
    markUploaded: (id) => void q.uploaded.run(id),
    markUploadFailed: (id, next, error) => void q.uploadFailed.run(next, error.slice(0, 500), id),
    pendingUploadCount: () => (q.uploadCount.get() as { n: number }).n,

    getKv: (key) => (q.getKv.get(key) as { value: string } | undefined)?.value,
    setKv: (key, value) => void q.setKv.run(key, value),

    prune(now, r) {
      db.transaction(() => {
        db.prepare('DELETE FROM sample_chunks WHERE end_ts < ?').run(now - r.samplesMs);
        db.prepare('DELETE FROM samples_raw WHERE ts < ?').run(now - r.samplesMs);
        db.prepare('DELETE FROM records WHERE ts < ?').run(now - r.recordsMs);
        db.prepare("DELETE FROM anomalies WHERE status = 'resolved' AND end_ts < ?").run(now - r.anomaliesMs);
        // Finished proposals live as long as anomalies (the records and their files keep the audit trail).
        const done = `state IN (${TERMINAL_STATES.map((t) => `'${t}'`).join(', ')}) AND updated_ts < ?`;
        db.prepare(`DELETE FROM proposal_events WHERE proposal_id IN (SELECT id FROM proposals WHERE ${done})`).run(now - r.anomaliesMs);
        db.prepare(`DELETE FROM proposals WHERE ${done}`).run(now - r.anomaliesMs);
        // Models of series not seen for that long: targets taken out of the fleet.
        db.prepare('DELETE FROM detector_state WHERE updated_ts < ?').run(now - r.anomaliesMs);
        chat.prune(now, r.anomaliesMs);
      })();
      // SQLite's automatic checkpoints keep the WAL bounded; a TRUNCATE checkpoint here would
      // stall the tick for a whole-database copy, so it only happens at close().
    },
    sampleCount() {
      const raw = db.prepare('SELECT COUNT(*) AS n FROM samples_raw').get() as { n: number };
      const packed = db.prepare('SELECT COALESCE(SUM(n), 0) AS n FROM sample_chunks').get() as { n: number };
      return raw.n + packed.n;
    },
    sizeBytes() {
      if (file === ':memory:')
        return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
      let n = 0;
      for (const f of [file, `${file}-wal`]) {
        try {
          n += statSync(f).size;
        } catch {
          // no WAL yet
        }
      }
      return n;
    },
    ping() {
      try {
        return db.prepare('SELECT 1 AS ok').get() !== undefined;
      } catch {
        return false;
      }
    },
    close() {
      if (db.open) {
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      }
    },
  };
}
