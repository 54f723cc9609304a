import type { Silence } from '../core/chat-store.js';
import type { Store } from '../core/ports.js';

const SEEN_KEY = 'silences:starts_seen';

/**
 * The silences scheduled ahead that have begun since the last one found (the latest start handled
 * is kept in the store, so one that began while the process was down is still found once): the
 * alerts they cover are re-rendered to show it. Reads on every tick, writes only when one began.
 */
export function silencesBegun(store: Pick<Store, 'chat' | 'getKv' | 'setKv'>, now: number): Silence[] {
  const seen = Number(store.getKv(SEEN_KEY) ?? NaN);
  // First run (or a value that does not read): from now on.
  if (!Number.isFinite(seen)) {
    store.setKv(SEEN_KEY, String(now));
    return [];
  }
  const begun = store.chat.silences(now).filter((s) => s.startsTs !== undefined && s.startsTs > seen);
  if (begun.length) store.setKv(SEEN_KEY, String(Math.max(...begun.map((s) => s.startsTs!))));
  return begun;
}
