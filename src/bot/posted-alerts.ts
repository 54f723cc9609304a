import type { Anomaly } from '../core/anomaly.js';
import { BACKFILL_UNTIL, type Store } from '../core/ports.js';
import { FLEET_ALERT_PREFIX } from './fleet-events.js';
import { isAlertKey } from './alert-keys.js';
import { parseInhibited } from './inhibit-rules.js';
import { plural } from './text-tools.js';

/**
 * "How many alerts this week?" counts anomalies; people also mean the pages they got. This says how
 * many alert messages carried them in chat, and why the rest never reached chat, from what the
 * notifier stored (the same facts as whyNotAnnounced, counted): held by a silence, an inhibit rule
 * or a maintenance window; opened in the history replayed at the first start; or neither, which is
 * a pending period (chat.pendingFor) they ended within, or no chat listening.
 */
export function postedLines(
  list: readonly Anomaly[],
  store: { chat: Pick<Store['chat'], 'alertKeyFor'> } & Pick<Store, 'getKv'>,
): string[] {
  if (list.length === 0) return [];
  const keys = new Set<string>();
  let carried = 0;
  const held = { silence: 0, inhibit: 0, maintenance: 0 };
  let replayed = 0;
  let pending = 0;
  let stillPending = 0;
  const backfillUntil = Number(store.getKv(BACKFILL_UNTIL) ?? 0);
  for (const a of list) {
    const key = store.chat.alertKeyFor(a.id);
    if (key && isAlertKey(key)) {
      keys.add(key);
      carried++;
      continue;
    }
    const why = store.getKv(`held:${a.id}`);
    if (why === 'silenced') held.silence++;
    else if (why && parseInhibited(why)) held.inhibit++;
    else if (why) held.maintenance++;
    else if (a.startTs < backfillUntil) replayed++;
    else if (a.status === 'open') stillPending++;
    else pending++;
  }
  const fleet = [...keys].filter((k) => k.startsWith(FLEET_ALERT_PREFIX)).length;
  const posted =
    keys.size === 0
      ? 'Posted to chat: none of them.'
      : `Posted to chat: ${plural(keys.size, 'alert message')}${fleet ? ` (${fleet} fleet-wide)` : ''} carried ${carried === list.length ? (carried === 1 ? 'it' : carried === 2 ? 'both' : `all ${carried}`) : `${carried} of them`}.`;
  const why = [
    ...(held.silence ? [`${held.silence} held by a silence`] : []),
    ...(held.inhibit ? [`${held.inhibit} held by an inhibit rule`] : []),
    ...(held.maintenance ? [`${held.maintenance} held by a maintenance window`] : []),
    ...(replayed ? [`${replayed} opened in the history replayed at the first start (never announced)`] : []),
    ...(pending ? [`${pending} ended within ${its(pending)} pending period (chat.pendingFor) or with no chat listening`] : []),
    ...(stillPending ? [`${stillPending} still within ${its(stillPending)} pending period`] : []),
  ];
  return [why.length ? `${posted} Not posted: ${why.join('; ')}.` : posted];
}

const its = (n: number) => (n === 1 ? 'its' : 'their');
