import type Database from 'better-sqlite3';
import type { MessageRef, NeutralMessage, Platform } from '../core/chat.js';
import type { ChatStore, Destination, OutboxItem, OutboxStats, Silence, WebMessage } from '../core/chat-store.js';
import { hashString } from '../core/random.js';

export const CHAT_MIGRATION = `
  CREATE TABLE silences (id TEXT PRIMARY KEY, target TEXT NOT NULL, metric TEXT NOT NULL, until_ts INTEGER NOT NULL,
    created_by TEXT NOT NULL, created_ts INTEGER NOT NULL);
  CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, channel TEXT NOT NULL, op TEXT NOT NULL,
    msg_key TEXT NOT NULL, thread_key TEXT, payload TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_ts INTEGER NOT NULL, created_ts INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'pending', last_error TEXT);
  CREATE INDEX outbox_pending ON outbox (status, id);
  CREATE TABLE message_refs (platform TEXT NOT NULL, channel TEXT NOT NULL, msg_key TEXT NOT NULL, ref_id TEXT NOT NULL,
    thread TEXT, PRIMARY KEY (platform, channel, msg_key)) WITHOUT ROWID;
  CREATE TABLE alert_links (anomaly_id TEXT PRIMARY KEY, msg_key TEXT NOT NULL);
  CREATE INDEX alert_links_key ON alert_links (msg_key);
  CREATE TABLE web_messages (id TEXT PRIMARY KEY, channel TEXT NOT NULL, thread TEXT, payload TEXT NOT NULL,
    created_ts INTEGER NOT NULL, updated_ts INTEGER NOT NULL);
  CREATE INDEX web_messages_created ON web_messages (created_ts);
`;

/** Where each message key was routed, so its updates and thread replies follow it there after restarts and config changes. */
export const CHAT_DESTINATIONS_MIGRATION = `
  CREATE TABLE message_destinations (msg_key TEXT NOT NULL, platform TEXT NOT NULL, channel TEXT NOT NULL,
    created_ts INTEGER NOT NULL, PRIMARY KEY (msg_key, platform, channel)) WITHOUT ROWID;
  CREATE INDEX message_destinations_created ON message_destinations (created_ts);
`;

/** Who an alert pings at each destination (JSON array), re-applied when the message is edited. */
export const CHAT_MENTIONS_MIGRATION = `ALTER TABLE message_destinations ADD COLUMN mentions TEXT;`;

/** When a message was first sent, so references to long-finished messages can be pruned (NULL: sent before this column). */
export const CHAT_REF_AGE_MIGRATION = `ALTER TABLE message_refs ADD COLUMN created_ts INTEGER;`;

/** Chat replies in an alert's thread name the alert by its platform message id. */
export const CHAT_REF_LOOKUP_MIGRATION = `CREATE INDEX message_refs_ref ON message_refs (platform, ref_id);`;

/** A silence scheduled ahead begins at starts_ts (NULL: in force from its creation). */
export const CHAT_SILENCE_START_MIGRATION = `ALTER TABLE silences ADD COLUMN starts_ts INTEGER;`;

/** Why a silence was set (NULL: no reason given). */
export const CHAT_SILENCE_REASON_MIGRATION = `ALTER TABLE silences ADD COLUMN reason TEXT;`;

/** The one severity a silence holds (NULL: every severity). */
export const CHAT_SILENCE_SEVERITY_MIGRATION = `ALTER TABLE silences ADD COLUMN severity TEXT;`;

/** Who acknowledged an alert message, and when. */
export const CHAT_ACKS_MIGRATION = `
  CREATE TABLE alert_acks (msg_key TEXT PRIMARY KEY, acked_by TEXT NOT NULL, acked_ts INTEGER NOT NULL) WITHOUT ROWID;
`;

type Row = Record<string, unknown>;
const ackOf = (r: Row | undefined) => r && { msgKey: r.msg_key as string, by: r.acked_by as string, ts: r.acked_ts as number };
const DESTINATIONS_KEEP_MS = 180 * 86_400_000;
const silenceOf = (r: Row): Silence => ({
  id: r.id as string,
  target: r.target as string,
  metric: r.metric as string,
  untilTs: r.until_ts as number,
  createdBy: r.created_by as string,
  createdTs: r.created_ts as number,
  ...(typeof r.starts_ts === 'number' ? { startsTs: r.starts_ts } : {}),
  ...(typeof r.reason === 'string' ? { reason: r.reason } : {}),
  ...(r.severity === 'warning' || r.severity === 'critical' ? { severity: r.severity } : {}),
});

export function createSqliteChatStore(db: Database.Database): ChatStore {
  const q = {
    addSilence: db.prepare(
      'INSERT OR REPLACE INTO silences (id, target, metric, until_ts, created_by, created_ts, starts_ts, reason, severity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    silences: db.prepare('SELECT * FROM silences WHERE until_ts > ? AND (starts_ts IS NULL OR starts_ts <= ?) ORDER BY until_ts'),
    scheduled: db.prepare('SELECT * FROM silences WHERE starts_ts > ? ORDER BY starts_ts'),
    delSilence: db.prepare('DELETE FROM silences WHERE id = ?'),
    delSilenceFor: db.prepare('DELETE FROM silences WHERE target = ? AND (starts_ts IS NULL OR starts_ts <= ?)'),
    enqueue: db.prepare(
      'INSERT INTO outbox (platform, channel, op, msg_key, thread_key, payload, next_attempt_ts, created_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    pending: db.prepare("SELECT * FROM outbox WHERE status = 'pending' ORDER BY id LIMIT ?"),
    done: db.prepare("UPDATE outbox SET status = 'done', attempts = attempts + 1 WHERE id = ?"),
    skip: db.prepare("UPDATE outbox SET status = 'skipped' WHERE id = ?"),
    retry: db.prepare('UPDATE outbox SET attempts = attempts + 1, next_attempt_ts = ?, last_error = ? WHERE id = ?'),
    backlog: db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'"),
    sentSince: db.prepare(
      "SELECT platform, op, thread_key IS NOT NULL AS threaded, CASE WHEN instr(msg_key, ':') > 0 THEN substr(msg_key, 1, instr(msg_key, ':') - 1) ELSE msg_key END AS kind, COUNT(*) AS n FROM outbox WHERE status = 'done' AND created_ts >= ? AND created_ts < ? GROUP BY 1, 2, 3, 4",
    ),
    waiting: db.prepare(
      "SELECT platform, COUNT(*) AS n, SUM(attempts > 0) AS tried, MIN(created_ts) AS oldest FROM outbox WHERE status = 'pending' GROUP BY platform",
    ),
    lastError: db.prepare(
      "SELECT platform, last_error, MAX(id) AS id FROM outbox WHERE status = 'pending' AND last_error IS NOT NULL GROUP BY platform",
    ),
    // Aged by the outbox item's enqueue time: the app's clock, which markSent is not given.
    saveRef: db.prepare(
      'INSERT OR REPLACE INTO message_refs (platform, channel, msg_key, ref_id, thread, created_ts) VALUES (?, ?, ?, ?, ?, (SELECT created_ts FROM outbox WHERE id = ?))',
    ),
    ref: db.prepare('SELECT * FROM message_refs WHERE platform = ? AND channel = ? AND msg_key = ?'),
    keyOf: db.prepare('SELECT msg_key FROM message_refs WHERE platform = ? AND ref_id = ? ORDER BY created_ts LIMIT 1'),
    link: db.prepare('INSERT OR REPLACE INTO alert_links VALUES (?, ?)'),
    ack: db.prepare('INSERT OR IGNORE INTO alert_acks VALUES (?, ?, ?)'),
    ackOf: db.prepare('SELECT msg_key, acked_by, acked_ts FROM alert_acks WHERE msg_key = ?'),
    ackOfAnomaly: db.prepare(
      'SELECT k.msg_key, k.acked_by, k.acked_ts FROM alert_links l JOIN alert_acks k ON k.msg_key = l.msg_key WHERE l.anomaly_id = ?',
    ),
    unack: db.prepare('DELETE FROM alert_acks WHERE msg_key = ?'),
    keyFor: db.prepare('SELECT msg_key FROM alert_links WHERE anomaly_id = ?'),
    forKey: db.prepare('SELECT anomaly_id FROM alert_links WHERE msg_key = ? ORDER BY anomaly_id'),
    webPost: db.prepare('INSERT INTO web_messages VALUES (?, ?, ?, ?, ?, ?)'),
    webUpdate: db.prepare('UPDATE web_messages SET payload = ?, updated_ts = ? WHERE id = ?'),
    web: db.prepare('SELECT * FROM web_messages ORDER BY created_ts DESC, id DESC LIMIT ?'),
    addDest: db.prepare(
      'INSERT OR IGNORE INTO message_destinations (msg_key, platform, channel, created_ts, mentions) VALUES (?, ?, ?, ?, ?)',
    ),
    dests: db.prepare(
      'SELECT platform, channel, mentions FROM message_destinations WHERE msg_key = ? ORDER BY created_ts, platform, channel',
    ),
    pruneDests: db.prepare('DELETE FROM message_destinations WHERE created_ts < ?'),
    pruneOutbox: db.prepare("DELETE FROM outbox WHERE status != 'pending' AND created_ts < ?"),
  };
  let webSeq = 0;

  // Everything here hangs off an alert: while its anomaly is in the store, its link, the references
  // that let it be edited and threaded, its reminder count and its console message stay.
  const prune = db.transaction((now: number, keepMs: number) => {
    const cutoff = now - keepMs;
    db.prepare('DELETE FROM alert_links WHERE anomaly_id NOT IN (SELECT id FROM anomalies)').run();
    for (const prefix of ['remind:', 'escalate:'])
      db.prepare('DELETE FROM kv WHERE key LIKE ? AND substr(key, ?) NOT IN (SELECT msg_key FROM alert_links)').run(
        `${prefix}%`,
        prefix.length + 1,
      );
    db.prepare('DELETE FROM alert_acks WHERE msg_key NOT IN (SELECT msg_key FROM alert_links)').run();
    db.prepare("DELETE FROM kv WHERE key LIKE 'held:%' AND substr(key, 6) NOT IN (SELECT id FROM anomalies)").run();
    // References saved before they had an age start ageing now.
    db.prepare('UPDATE message_refs SET created_ts = ? WHERE created_ts IS NULL').run(now);
    db.prepare('DELETE FROM message_refs WHERE created_ts < ? AND msg_key NOT IN (SELECT msg_key FROM alert_links)').run(cutoff);
    db.prepare("DELETE FROM web_messages WHERE updated_ts < ? AND id NOT IN (SELECT ref_id FROM message_refs WHERE platform = 'web')").run(
      cutoff,
    );
    db.prepare('DELETE FROM silences WHERE until_ts < ?').run(cutoff);
  });

  const markSent = db.transaction((id: number, ref?: { msgKey: string; ref: MessageRef }) => {
    q.done.run(id);
    if (ref) q.saveRef.run(ref.ref.platform, ref.ref.channel, ref.msgKey, ref.ref.id, ref.ref.thread ?? null, id);
  });

  const addDestinations = db.transaction((msgKey: string, list: Destination[], now: number) => {
    // Routes of alerts older than any open episode is likely to be; a key without a record falls back to the defaults.
    q.pruneDests.run(now - DESTINATIONS_KEEP_MS);
    // An empty row records "routed nowhere", which must not read as "never routed".
    q.addDest.run(msgKey, '', '', now, null);
    for (const d of list) q.addDest.run(msgKey, d.platform, d.channel, now, d.mentions?.length ? JSON.stringify(d.mentions) : null);
  });

  return {
    prune: (now, keepMs) => prune(now, keepMs),
    addSilence: (s: Silence) =>
      void q.addSilence.run(
        s.id,
        s.target,
        s.metric,
        s.untilTs,
        s.createdBy,
        s.createdTs,
        s.startsTs ?? null,
        s.reason ?? null,
        s.severity ?? null,
      ),
    silences: (now) => (q.silences.all(now, now) as Row[]).map(silenceOf),
    scheduledSilences: (now) => (q.scheduled.all(now) as Row[]).map(silenceOf),
    removeSilence: (id) => q.delSilence.run(id).changes > 0,
    removeSilencesFor: (target, now) => q.delSilenceFor.run(target, now).changes,

    enqueue(item, now) {
      // Keep a week of delivered items for inspection; the rest is history.
      q.pruneOutbox.run(now - 7 * 86_400_000);
      return Number(
        q.enqueue.run(item.platform, item.channel, item.op, item.msgKey, item.threadKey, JSON.stringify(item.payload), now, now)
          .lastInsertRowid,
      );
    },
    pendingOutbox: (limit) =>
      (q.pending.all(limit) as Row[]).map((r): OutboxItem => ({
        id: r.id as number,
        platform: r.platform as OutboxItem['platform'],
        channel: r.channel as string,
        op: r.op as OutboxItem['op'],
        msgKey: r.msg_key as string,
        threadKey: (r.thread_key as string | null) ?? null,
        payload: JSON.parse(r.payload as string) as NeutralMessage,
        attempts: r.attempts as number,
        nextAttemptTs: r.next_attempt_ts as number,
        createdTs: r.created_ts as number,
      })),
    markSent: (id, ref) => markSent(id, ref),
    markRetry: (id, next, error) => void q.retry.run(next, error.slice(0, 500), id),
    markSkipped: (id) => void q.skip.run(id),
    outboxBacklog: () => (q.backlog.get() as { n: number }).n,
    outboxStats(sinceTs, untilTs = Number.MAX_SAFE_INTEGER) {
      const by = new Map<string, OutboxStats>();
      const of = (platform: string) =>
        by.get(platform) ??
        by
          .set(platform, { platform: platform as Platform, posts: 0, postsByKind: {}, replies: 0, updates: 0, pending: 0, retrying: 0 })
          .get(platform)!;
      for (const r of q.sentSince.all(sinceTs, untilTs) as Row[]) {
        const x = of(r.platform as string);
        const n = r.n as number;
        if (r.op === 'update') x.updates += n;
        else if (r.threaded) x.replies += n;
        else {
          x.posts += n;
          x.postsByKind[r.kind as string] = (x.postsByKind[r.kind as string] ?? 0) + n;
        }
      }
      for (const r of q.waiting.all() as Row[])
        Object.assign(of(r.platform as string), {
          pending: r.n as number,
          retrying: r.tried as number,
          oldestPendingTs: r.oldest as number,
        });
      for (const r of q.lastError.all() as Row[]) of(r.platform as string).lastError = r.last_error as string;
      return [...by.values()];
    },
    messageRef(platform, channel, msgKey) {
      const r = q.ref.get(platform, channel, msgKey) as Row | undefined;
      return r && { platform, channel, id: r.ref_id as string, thread: (r.thread as string | null) ?? undefined };
    },

    keyOfMessage: (platform, refId) => (q.keyOf.get(platform, refId) as { msg_key: string } | undefined)?.msg_key,
    addDestinations: (msgKey, list, now) => addDestinations(msgKey, list, now),
    destinationsOf(msgKey) {
      const rows = q.dests.all(msgKey) as Row[];
      if (rows.length === 0) return undefined;
      return rows
        .filter((r) => r.platform !== '')
        .map((r) => ({
          platform: r.platform as Platform,
          channel: r.channel as string,
          ...(r.mentions ? { mentions: JSON.parse(r.mentions as string) as string[] } : {}),
        }));
    },

    acknowledge: (a) => q.ack.run(a.msgKey, a.by, a.ts).changes > 0,
    ackOf: (msgKey) => ackOf(q.ackOf.get(msgKey) as Row | undefined),
    ackOfAnomaly: (anomalyId) => ackOf(q.ackOfAnomaly.get(anomalyId) as Row | undefined),
    unacknowledge: (msgKey) => q.unack.run(msgKey).changes > 0,
    linkAlert: (anomalyId, msgKey) => void q.link.run(anomalyId, msgKey),
    alertKeyFor: (anomalyId) => (q.keyFor.get(anomalyId) as { msg_key: string } | undefined)?.msg_key,
    anomaliesForKey: (msgKey) => (q.forKey.all(msgKey) as { anomaly_id: string }[]).map((r) => r.anomaly_id),

    webPost(channel, thread, payload, now) {
      const id = `wm_${now.toString(36)}${(webSeq++).toString(36)}${hashString(JSON.stringify(payload), now).toString(36).slice(0, 4)}`;
      q.webPost.run(id, channel, thread, JSON.stringify(payload), now, now);
      return id;
    },
    webUpdate: (id, payload, now) => q.webUpdate.run(JSON.stringify(payload), now, id).changes > 0,
    webMessages: (limit) =>
      (q.web.all(limit) as Row[]).map((r): WebMessage => ({
        id: r.id as string,
        channel: r.channel as string,
        thread: (r.thread as string | null) ?? null,
        payload: JSON.parse(r.payload as string) as NeutralMessage,
        createdTs: r.created_ts as number,
        updatedTs: r.updated_ts as number,
      })),
  };
}
