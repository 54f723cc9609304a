import type { Store } from './ports.js';

/** When this data dir began to be watched: the earliest history backfilled, or else the first tick. */
export const WATCHING_SINCE = 'pipeline:watching_since';
const STARTED = 'started';

/**
 * Moves only earlier, and only before the first tick: two sources backfilled on a fresh data dir
 * give the earlier history, but a source added months later, backfilled then, does not claim that
 * the rest of the fleet was watched before.
 */
export function markBackfilled(store: Pick<Store, 'getKv' | 'setKv'>, ts: number): void {
  const since = watchingSince(store);
  if (since === undefined || (ts < since && !store.getKv('pipeline:last_tick'))) store.setKv(WATCHING_SINCE, String(ts));
}

/**
 * At each tick; only the first on a data dir writes. One from before this was kept was watched at
 * least since its oldest anomaly or recorded start, read once here.
 */
export function markWatching(store: Pick<Store, 'getKv' | 'setKv' | 'recentAnomalies' | 'recordsBetween'>, ts: number): void {
  if (watchingSince(store) !== undefined) return;
  const oldest = store.recentAnomalies(Number.MAX_SAFE_INTEGER, 0, ts).at(-1)?.startTs ?? ts;
  const started = store.recordsBetween(0, ts, [STARTED], 1)[0]?.ts ?? ts;
  store.setKv(WATCHING_SINCE, String(Math.min(ts, oldest, started)));
}

/** Undefined on a data dir from before this was kept, until its next tick. */
export function watchingSince(store: Pick<Store, 'getKv'>): number | undefined {
  const ts = Number(store.getKv(WATCHING_SINCE));
  return Number.isFinite(ts) && ts > 0 ? ts : undefined;
}
