import { configSnapshot, diffConfig, snapshotHash, type ConfigSnapshot } from '../config/config-diff.js';
import type { Config } from '../config/load-config.js';
import type { Logger, Store } from '../core/ports.js';
import type { Recorder } from '../pipeline/record/recorder.js';
import { VERSION } from './version.js';

/** The config of the last start, to compare the next one with. */
export const LAST_CONFIG_KV = 'config:last_start';
export const STARTED = 'started';

export interface StartRecord {
  version: string;
  /** snapshotHash of the config this start read. */
  config: string;
  /** What differs from the start before; null when no start before it is recorded. */
  changes: string[] | null;
  previousStartTs: number | null;
  /** The last tick before this start: from then to the start nothing was watched. */
  lastTickBeforeTs: number | null;
  /** A config reload (SIGHUP) in a running process, not a start of one; absent on older records. */
  reload?: boolean;
}

/**
 * Each start is recorded with what its config changed since the start before ("what changed in the
 * config?", "when were you restarted?"), and logged when anything did. The file's settings only:
 * secrets come from the environment and are never in the snapshot.
 */
export function recordStart(o: {
  store: Pick<Store, 'getKv' | 'setKv'>;
  recorder: Recorder;
  config: Config;
  now: number;
  logger: Logger;
  reload?: boolean;
}): StartRecord {
  const snapshot = configSnapshot(o.config);
  const hash = snapshotHash(snapshot);
  let prev: { ts: number; hash: string; snapshot: ConfigSnapshot } | undefined;
  try {
    prev = JSON.parse(o.store.getKv(LAST_CONFIG_KV) ?? 'null') ?? undefined;
  } catch {
    prev = undefined; // an unreadable entry is a first start, not a failed one
  }
  const changes = prev ? (prev.hash === hash ? [] : diffConfig(prev.snapshot, snapshot)) : null;
  const rec: StartRecord = {
    version: VERSION,
    config: hash,
    changes,
    previousStartTs: prev?.ts ?? null,
    lastTickBeforeTs: lastTick(o.store),
    ...(o.reload ? { reload: true } : {}),
  };
  o.recorder.record(STARTED, o.now, { ...rec });
  o.store.setKv(LAST_CONFIG_KV, JSON.stringify({ ts: o.now, hash, snapshot }));
  if (changes?.length) o.logger.info({ changes }, 'the config changed since the last start');
  return rec;
}

function lastTick(store: Pick<Store, 'getKv'>): number | null {
  try {
    const ts = (JSON.parse(store.getKv('pipeline:last_tick') ?? 'null') as { ts?: unknown } | null)?.ts;
    return typeof ts === 'number' && Number.isFinite(ts) ? ts : null;
  } catch {
    return null;
  }
}

/** The stretches this process was not running, from the last tick before each start to the start. */
export function downtimes(store: Pick<Store, 'recordsBetween'>, from: number, until: number): { from: number; until: number }[] {
  return store
    .recordsBetween(from, until + 7 * 86_400_000, [STARTED], 10_000)
    .map((r) => ({ from: (r.data as unknown as StartRecord).lastTickBeforeTs ?? r.ts, until: r.ts }))
    .filter((d) => d.until > d.from && d.until > from && d.from < until);
}
