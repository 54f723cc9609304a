import type { Anomaly } from '../core/anomaly.js';
import { BACKFILL_UNTIL, type Store } from '../core/ports.js';
import { FLEET_ALERT_PREFIX } from './fleet-events.js';
import { isAlertKey } from './alert-keys.js';
import { parseInhibited } from './inhibit-rules.js';
import { plural } from './text-tools.js';
import { METRIC_LABEL, stamp } from './format-reply.js';

/**
 * "How many alerts this week?" counts anomalies; people also mean the pages they got. This says how
 * many alert messages carried them in chat, and why the rest never reached chat, from what the
 * notifier stored (the same facts as whyNotAnnounced, counted): held by a silence, an inhibit rule
 * or a maintenance window; opened in the history replayed at the first start; or neither, which is
 * a pending period (chat.pendingFor) they ended within, or no chat listening.
 */
type PostedStore = { chat: Pick<Store['chat'], 'alertKeyFor'> } & Pick<Store, 'getKv'>;

export function postedLines(list: readonly Anomaly[], store: PostedStore): string[] {
  if (list.length === 0) return [];
  const keys = new Set<string>();
  let carried = 0;
  const held = { silence: 0, inhibit: 0, maintenance: 0 };
  let replayed = 0;
  let pending = 0;
  let stillPending = 0;
  const backfillUntil = Number(store.getKv(BACKFILL_UNTIL) ?? 0);
  for (const a of list) {
    const how = postedHow(a, store, backfillUntil);
    if (how === 'posted') {
      keys.add(store.chat.alertKeyFor(a.id)!);
      carried++;
    } else if (how === 'silence' || how === 'inhibit' || how === 'maintenance') held[how]++;
    else if (how === 'replayed') replayed++;
    else if (how === 'stillPending') stillPending++;
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

type PostedHow = 'posted' | 'silence' | 'inhibit' | 'maintenance' | 'replayed' | 'pending' | 'stillPending';

/** Whether an anomaly reached chat, and if not, why: what the notifier stored for it. */
function postedHow(a: Anomaly, store: PostedStore, backfillUntil: number): PostedHow {
  const key = store.chat.alertKeyFor(a.id);
  if (key && isAlertKey(key)) return 'posted';
  const why = store.getKv(`held:${a.id}`);
  if (why === 'silenced') return 'silence';
  if (why && parseInhibited(why)) return 'inhibit';
  if (why) return 'maintenance';
  if (a.startTs < backfillUntil) return 'replayed';
  return a.status === 'open' ? 'stillPending' : 'pending';
}

const HELD_BY = { silence: 'a silence', inhibit: 'an inhibit rule', maintenance: 'a maintenance window' } as const;

/**
 * "Which alerts were suppressed?": what reached chat and why the rest did not, then those that
 * something people set held back (a silence, an inhibit rule, a maintenance window), newest first.
 */
export function unpostedLines(list: readonly Anomaly[], store: PostedStore, limit = 10): string[] {
  const backfillUntil = Number(store.getKv(BACKFILL_UNTIL) ?? 0);
  const held = list
    .map((a) => ({ a, how: postedHow(a, store, backfillUntil) }))
    .filter((x): x is { a: Anomaly; how: keyof typeof HELD_BY } => x.how in HELD_BY)
    .sort((x, y) => y.a.startTs - x.a.startTs);
  const shown = held
    .slice(0, limit)
    .map(
      ({ a, how }) =>
        `• ${a.id} [${a.severity}] ${a.target} ${METRIC_LABEL[a.metric] ?? a.metric}, from ${stamp(a.startTs)}: held by ${HELD_BY[how]}`,
    );
  const more = held.length > limit ? [`…and ${held.length - limit} more held.`] : [];
  return [
    ...postedLines(list, store),
    ...(held.length
      ? [`Held back, newest first (${held.length}):`, ...shown, ...more]
      : ['None was held back by a silence, an inhibit rule or a maintenance window.']),
  ];
}
