import type { NeutralMessage } from '../core/chat.js';
import type { Store } from '../core/ports.js';
import { stamp } from '../core/stamp.js';
import { incidentKey, openIncidents, type IncidentOptions } from './incidents.js';
import type { OnCall } from './on-call.js';
import { formatDuration } from './text-tools.js';

const KEY = 'incident-reminded:';

/**
 * A commander's mention on their own platform ("slack:U123" → <@U123> on Slack); a name typed in chat
 * ("make alice the commander") is pinged only as the on-call rotation member of that name, from config.
 */
function mentionOf(actor: string, people?: Pick<OnCall, 'member'>): Partial<Record<'slack' | 'discord', string[]>> {
  const m = /^(slack|discord):([A-Za-z0-9]{1,40})$/.exec(actor);
  if (m) return { [m[1] as 'slack' | 'discord']: [`<@${m[2]}>`] };
  const member = people?.member(actor);
  return {
    ...(member?.slack ? { slack: [member.slack] } : {}),
    ...(member?.discord ? { discord: [member.discord] } : {}),
  };
}

/**
 * Incident tools remind the commander to post updates: an open incident with none for
 * `everyMs` (chat.incidentUpdateMinutes) gets one reply in its thread, shown in the channel and
 * pinging the commander, and again each `everyMs` after while nothing is said. An update (or a
 * hand-over) starts the wait again. Checked on each tick; remembered in the store across restarts.
 */
export function createIncidentReminders(o: {
  store: Pick<Store, 'recordsBetween' | 'getKv' | 'setKv'>;
  announce: IncidentOptions['announce'];
  everyMs: number;
  people?: Pick<OnCall, 'member'> | undefined;
}) {
  return {
    onTick(now: number): number {
      if (o.everyMs <= 0 || !o.announce) return 0;
      let sent = 0;
      for (const inc of openIncidents(o.store, now)) {
        const said = Math.max(inc.openedTs, ...inc.updates.map((u) => u.ts), ...inc.handovers.map((h) => h.ts));
        const last = Number(o.store.getKv(KEY + inc.id) ?? 0);
        const since = Math.max(said, Number.isFinite(last) ? last : 0);
        if (now - since < o.everyMs) continue;
        const mention = mentionOf(inc.commander, o.people);
        const msg: NeutralMessage = {
          title: `No update on ${inc.id} for ${formatDuration(now - said)}`,
          severity: 'warning',
          text: `${inc.commander}, the commander: "incident update: …" in this thread tells the channel where "${inc.title}" stands (last: ${inc.updates.length ? stamp(inc.updates.at(-1)!.ts) : `declared ${stamp(inc.openedTs)}`}). "Resolve the incident" ends it.`,
          fields: [],
          surface: true,
          actions: [],
        };
        o.announce('post', `${incidentKey(inc.id)}:remind:${now}`, msg, incidentKey(inc.id), mention);
        o.store.setKv(KEY + inc.id, String(now));
        sent++;
      }
      return sent;
    },
  };
}
