import type { Silence } from '../core/chat-store.js';
import type { Store } from '../core/ports.js';

const SEEN_KEY = 'silences:starts_seen';

/**
 * The silences scheduled ahead that have begun since the last call (kept in the store, so one that
 * began while the process was down is still found once): the alerts they cover are re-rendered to show it.
 */
export function silencesBegun(store: Pick<Store, 'chat' | 'getKv' | 'setKv'>, now: number): Silence[] {
  const seen = Number(store.getKv(SEEN_KEY) ?? now);
  store.setKv(SEEN_KEY, String(now));
  return store.chat.silences(now).filter((s) => s.startsTs !== undefined && s.startsTs > seen);
}
