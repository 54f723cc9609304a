import type { Store } from '../core/ports.js';

const KEY = 'asked:';
const AWAY = 'away:';
/** A question this long after the one before starts a new sitting: "catch me up" reaches back to then. */
const AWAY_MS = 30 * 60_000;

export interface AskedBefore {
  /** The asker's question before the one being answered. */
  previous?: number;
  /** Their last question before the latest gap of 30 min or more: when they went away. */
  awaySince?: number;
}

/**
 * When each person last asked something in chat, for "catch me up" and "what's new since I last
 * asked?". `take` is called as a question arrives: it notes the question before and the last one
 * before a gap of 30 min (for the answer, through `before`), and stores this one. In the store, so a
 * restart keeps them.
 */
export function createLastAsked(store: Pick<Store, 'getKv' | 'setKv'>) {
  const seen = new Map<string, AskedBefore>();
  const read = (key: string) => {
    const v = Number(store.getKv(key));
    return Number.isFinite(v) && v > 0 ? v : undefined;
  };
  return {
    take(actor: string, now: number): void {
      const previous = read(KEY + actor);
      if (previous !== undefined && now - previous >= AWAY_MS) store.setKv(AWAY + actor, String(previous));
      const awaySince = read(AWAY + actor);
      seen.set(actor, { ...(previous !== undefined ? { previous } : {}), ...(awaySince !== undefined ? { awaySince } : {}) });
      store.setKv(KEY + actor, String(now));
    },
    before: (actor: string): AskedBefore | undefined => seen.get(actor),
  };
}
