import { figureMetric, METRIC_LABEL } from '../core/metrics.js';
import type { Store } from '../core/ports.js';
import { stamp } from '../core/stamp.js';
import { changesBetween } from './change-log.js';
import { formatValue } from './format-reply.js';
import type { Incident } from './incidents.js';
import { openAndRecent } from './open-and-recent.js';
import { formatDuration } from './text-tools.js';

/** How far before the declaration its timeline looks: what led up to it. */
const BEFORE_MS = 30 * 60_000;
/** Lines at most: a chat message, not an export. */
const SHOWN = 40;

/**
 * "Timeline in_…": everything that happened around a declared incident, in order: its declaration,
 * hand-overs, updates and end; the anomalies on its targets (or anywhere, when it names none) opening
 * and ending; the changes people recorded; the remediations proposed and how each ended. From half
 * an hour before it was declared to its end. Times in UTC: a post-incident review's first draft.
 */
export function incidentTimeline(
  inc: Incident,
  store: Pick<Store, 'recordsBetween' | 'openAnomalies' | 'recentAnomalies' | 'listProposals'>,
  now: number,
): string {
  const from = inc.openedTs - BEFORE_MS;
  const until = inc.closedTs ?? now;
  const on = (t: string) => !inc.targets.length || inc.targets.includes(t);
  const entries: { ts: number; text: string }[] = [];
  const add = (ts: number, text: string) => {
    if (ts >= from && ts <= until) entries.push({ ts, text });
  };
  add(inc.openedTs, `declared by ${inc.declaredBy}: "${inc.title}"${inc.targets.length ? ` on ${inc.targets.join(', ')}` : ''}`);
  for (const h of inc.handovers) add(h.ts, `${h.to} took command (by ${h.by})`);
  for (const u of inc.updates) add(u.ts, `update by ${u.by}: ${u.text}`);
  for (const c of inc.scopes)
    add(
      c.ts,
      `${[c.added.length ? `${c.added.join(', ')} added` : '', c.removed.length ? `${c.removed.join(', ')} taken off` : ''].filter(Boolean).join(', ')} (by ${c.by})`,
    );
  for (const a of openAndRecent(store, 5000, from - 6 * 3_600_000, until)) {
    if (!on(a.target)) continue;
    const label = `${a.id} ${a.severity} ${a.target} ${METRIC_LABEL[figureMetric(a)] ?? a.metric} (${a.detector})`;
    add(a.startTs, `${label} opened${a.summary ? `: ${a.summary}` : ''}`);
    if (a.endTs !== null)
      add(a.endTs, `${a.id} resolved after ${formatDuration(a.endTs - a.startTs)}, peak ${formatValue(figureMetric(a), a.peak)}`);
    // One already open before the window is named at its start, so the reader knows it was there.
    if (a.startTs < from && (a.endTs ?? now) >= from) add(from, `${label} already open, since ${stamp(a.startTs)}`);
  }
  for (const c of changesBetween(store, from, until))
    if (!c.targets.length || c.targets.some(on)) add(c.ts, `change by ${c.actor}: "${c.text}" (${c.id})`);
  for (const p of store.listProposals({ updatedSince: from, limit: 500 })) {
    if (!on(p.target)) continue;
    add(
      p.createdTs,
      `${p.id} ${p.action} on ${p.target} proposed (${p.requestedBy === 'pipeline' ? 'by a rule' : `asked by ${p.requestedBy}`})`,
    );
    if (p.state !== 'proposed' && p.updatedTs > p.createdTs)
      add(p.updatedTs, `${p.id} ${p.state}${p.decidedBy ? ` (${p.decidedBy})` : ''}`);
  }
  if (inc.closedTs !== undefined) add(inc.closedTs, `resolved by ${inc.closedBy} after ${formatDuration(inc.closedTs - inc.openedTs)}`);
  entries.sort((x, y) => x.ts - y.ts);
  const lines = entries.slice(0, SHOWN).map((e) => `${stamp(e.ts)}  ${e.text}`);
  return [
    `Timeline of ${inc.id} "${inc.title}", from ${stamp(from)} (30 min before it was declared) to ${inc.closedTs === undefined ? 'now' : stamp(until)}:`,
    ...lines,
    ...(entries.length > SHOWN ? [`…and ${entries.length - SHOWN} more ("export anomalies --since …" has them all).`] : []),
  ].join('\n');
}
