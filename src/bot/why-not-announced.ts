import type { Anomaly } from '../core/anomaly.js';
import { BACKFILL_UNTIL, type Store } from '../core/ports.js';
import { heldBy } from './inhibit-rules.js';
import { INHIBITED } from './alert-outcome.js';

/**
 * Why an anomaly has no alert, from what the store recorded: a silence, an inhibit rule or a
 * maintenance window held it (the notifier notes which), it opened in the history replayed at the
 * first start (never announced), or neither — then it ended within its pending period
 * (chat.pendingFor), or no chat was listening.
 */
export function whyNotAnnounced(a: Pick<Anomaly, 'id' | 'startTs' | 'status'>, store: Pick<Store, 'getKv'>): string {
  const held = store.getKv(`held:${a.id}`);
  if (held) return `held by ${heldBy(held)}${held.startsWith(INHIBITED) ? ' (announced if it outlasts that)' : ''}`;
  if (a.startTs < Number(store.getKv(BACKFILL_UNTIL)))
    return 'it opened in the history replayed at the first start, which is not announced';
  return a.status === 'open'
    ? 'it is still within its pending period, or no chat is listening'
    : 'it ended within its pending period, or no chat was listening';
}
