import type { Anomaly } from '../core/anomaly.js';
import type { Ack } from '../core/chat-store.js';
import type { Proposal } from '../core/remediation.js';
import type { Incident } from './incidents.js';

/**
 * "Who's involved in the incident?": everyone the records put in it, each with what they did —
 * declared it, commanded it (now or before a handover), wrote its updates, changed its scope,
 * resolved it, acknowledged its alerts, asked for or decided its remediations. Who was only
 * reading along is not in any record and is not named. Pure.
 */
export function incidentPeople(
  inc: Incident,
  alerts: readonly Anomaly[],
  proposals: readonly Pick<Proposal, 'id' | 'requestedBy' | 'decidedBy' | 'state'>[],
  ackOf: (anomalyId: string) => Ack | undefined,
): string {
  const did = new Map<string, string[]>();
  const add = (who: string | null | undefined, what: string) => {
    // The pipeline asks for remediations itself: it is no person.
    if (!who || who === 'pipeline') return;
    const xs = did.get(who) ?? [];
    if (!xs.includes(what)) xs.push(what);
    did.set(who, xs);
  };
  add(inc.declaredBy, 'declared it');
  add(inc.commander, 'commander');
  for (const h of inc.handovers) add(h.by, h.by === h.to ? 'took command' : `handed command to ${h.to}`);
  const updates = new Map<string, number>();
  for (const u of inc.updates) updates.set(u.by, (updates.get(u.by) ?? 0) + 1);
  for (const [who, n] of updates) add(who, n === 1 ? '1 update' : `${n} updates`);
  for (const s of inc.scopes) add(s.by, 'changed its targets');
  if (inc.closedBy) add(inc.closedBy, 'resolved it');
  const acked = new Map<string, string[]>();
  for (const a of alerts) {
    const k = ackOf(a.id);
    if (k) acked.set(k.by, [...(acked.get(k.by) ?? []), a.id]);
  }
  for (const [who, ids] of acked) add(who, `acked ${ids.length === 1 ? ids[0]! : `${ids.length} of its alerts`}`);
  for (const p of proposals) {
    add(p.requestedBy, `asked for ${p.id}`);
    if (p.state === 'approved' || p.state === 'running' || p.state === 'succeeded' || p.state === 'failed')
      add(p.decidedBy, `approved ${p.id}`);
    else if (p.state === 'denied') add(p.decidedBy, `denied ${p.id}`);
  }
  return `Involved (from the records): ${[...did].map(([who, xs]) => `${who} (${xs.join(', ')})`).join('; ')}.`;
}
