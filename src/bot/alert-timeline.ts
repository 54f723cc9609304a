import type { Anomaly } from '../core/anomaly.js';
import { silenceCovers } from '../core/chat-store.js';
import { anomalyLabel, figureMetric, METRIC_LABEL } from '../core/metrics.js';
import type { RecordEntry, Store } from '../core/ports.js';
import { unpingedLine } from './unpinged-reason.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF } from './answer-metric-span.js';
import type { MetricKey } from './intent.js';
import { alertMembers, postedAt } from './alert-keys.js';
import { silenceLabel } from './alert-silence.js';
import { formatValue, stamp } from './format-reply.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';
import { whyNotAnnounced } from './why-not-announced.js';
import { CHANGE_BEFORE_MS, changesBetween, type ChangeEntry } from './change-log.js';

export interface TimelineEntry {
  ts: number;
  text: string;
}

/** What happened to one alert, in order: the facts as the store has them. */
export interface AlertHistory {
  key?: string;
  members: Anomaly[];
  /** Where the alert went; undefined when that was not recorded, empty when it went nowhere. */
  destinations?: { platform: string; channel: string; mentions?: string[] }[];
  records: RecordEntry[];
  proposals: {
    id: string;
    action: string;
    anomalyId: string;
    events: { ts: number; from: string | null; to: string; actor: string; note: string }[];
  }[];
  escalatedTs?: number;
  reminders: number;
  /** Why there is no alert, when there is none. */
  notAnnounced?: string;
  /** Changes people recorded on its targets from an hour before it to its end. */
  changes?: ChangeEntry[];
}

const LISTED = 40;
const KINDS = [
  'alert_acknowledged',
  'alert_unacknowledged',
  'alert_escalated',
  'alert_feedback',
  'alert_note',
  'silence_added',
  'silence_extended',
  'silence_lifted',
];

/** Gathers an alert's history: the message an anomaly is in, its anomalies, and what people and the pipeline did. */
export function gatherAlertHistory(store: Store, anomaly: Anomaly, now: number): AlertHistory {
  const key = store.chat.alertKeyFor(anomaly.id);
  const members = key ? alertMembers(store, key) : [anomaly];
  const from = Math.min(...members.map((m) => m.startTs)) - 60_000;
  const until = (members.every((m) => m.endTs !== null) ? Math.max(...members.map((m) => m.endTs!)) : now) + 60_000;
  const ids = new Set(members.map((m) => m.id));
  const proposals = [...new Set(members.map((m) => m.target))]
    .flatMap((target) => store.listProposals({ target, limit: 200 }))
    .filter((p) => ids.has(p.anomalyId))
    .map((p) => ({ id: p.id, action: p.action, anomalyId: p.anomalyId, events: store.proposalEvents(p.id) }));
  const escalated = key ? store.getKv(`escalate:${key}`) : undefined;
  return {
    key,
    members,
    destinations: key ? store.chat.destinationsOf(key) : undefined,
    // Notes are often written after the alert has ended (what was done, what to change).
    records: [...store.recordsBetween(from, until, KINDS, 500), ...store.recordsBetween(until + 1, now + 1, ['alert_note'], 200)],
    proposals,
    ...(escalated ? { escalatedTs: Number(escalated) } : {}),
    reminders: key ? Number(store.getKv(`remind:${key}`) ?? 0) : 0,
    ...(key ? {} : { notAnnounced: whyNotAnnounced(anomaly, store) }),
    changes: changesBetween(store, from - CHANGE_BEFORE_MS, until, [...new Set(members.map((m) => m.target))]),
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** An alert's timeline as chat text, times in UTC: a post-incident review's first draft. Pure. */
export function renderTimeline(h: AlertHistory, now: number): string {
  const ids = new Set(h.members.map((m) => m.id));
  const entries: TimelineEntry[] = [];
  const add = (ts: number, text: string) => entries.push({ ts, text });
  for (const m of h.members) {
    add(m.startTs, `${m.id} opened: ${m.severity} ${m.target} ${anomalyLabel(m)} (${m.detector}) — ${m.summary || `${m.metric} anomaly`}`);
    if (m.endTs !== null)
      add(m.endTs, `${m.id} resolved after ${formatDuration(m.endTs - m.startTs)}, peak ${formatValue(figureMetric(m), m.peak)}`);
  }
  if (h.key) {
    // Who it pinged there: the route's mentions, with the on-call as they were when it was sent.
    const where = h.destinations
      ?.map((d) => `${d.platform} ${d.channel}${d.mentions?.length ? ` (pinging ${d.mentions.join(' ')})` : ''}`)
      .join(', ');
    add(
      postedAt(h.key),
      where === undefined ? 'alert posted' : where ? `alert posted to ${where}` : 'alert routed nowhere (no route had a channel)',
    );
  } else
    add(
      Math.min(...h.members.map((m) => m.startTs)),
      `not announced: ${h.notAnnounced ?? 'held by a silence, an inhibit rule or a maintenance window'}`,
    );
  for (const e of h.changes ?? [])
    add(e.ts, `change by ${e.actor}${e.targets.length ? ` on ${e.targets.join(', ')}` : ' (fleet-wide)'}: "${e.text}" (${e.id})`);
  const silenceIds = new Set<string>();
  for (const r of h.records) {
    // Actors are our own "platform:id" strings; replies are escaped by each adapter anyway.
    const actor = str(r.data.actor);
    if (r.kind === 'alert_acknowledged' && h.key && r.data.key === h.key)
      add(
        r.ts,
        `acknowledged by ${actor}${typeof r.data.afterMs === 'number' ? ` (${formatDuration(r.data.afterMs)} after it opened)` : ''}`,
      );
    else if (r.kind === 'alert_escalated' && h.key && r.data.key === h.key)
      add(r.ts, `escalated by ${actor}${typeof r.data.to === 'string' ? ` to ${r.data.to}` : ''}`);
    else if (r.kind === 'alert_feedback' && ids.has(str(r.data.anomaly)))
      add(
        r.ts,
        r.data.verdict === 'none'
          ? `${str(r.data.anomaly)} unmarked by ${actor}`
          : `${str(r.data.anomaly)} marked as ${str(r.data.verdict)} by ${actor}`,
      );
    else if (r.kind === 'alert_note' && ids.has(str(r.data.anomaly))) add(r.ts, `note by ${actor}: ${str(r.data.text)}`);
    else if (r.kind === 'alert_unacknowledged' && h.key && Array.isArray(r.data.keys) && r.data.keys.includes(h.key))
      add(r.ts, `handed back by ${actor}`);
    else if (r.kind === 'silence_added') {
      const sev =
        r.data.severity === 'warning' || r.data.severity === 'critical' ? { severity: r.data.severity as 'warning' | 'critical' } : {};
      const scope = { target: str(r.data.target), metric: str(r.data.metric), ...sev };
      const covers = ids.has(str(r.data.anomaly)) || h.members.some((m) => silenceCovers(scope, m.target, m.metric, m.severity));
      if (!covers) continue;
      silenceIds.add(str(r.data.id));
      const ahead = typeof r.data.startsTs === 'number' ? ` from ${stamp(r.data.startsTs)}` : '';
      add(
        r.ts,
        `${ahead ? 'scheduled a silence of' : 'silenced'} ${silenceLabel(scope)}${ahead} until ${stamp(Number(r.data.untilTs))} by ${actor} (${str(r.data.id)})${str(r.data.reason) ? `: ${str(r.data.reason)}` : ''}`,
      );
    } else if (r.kind === 'silence_extended' && silenceIds.has(str(r.data.id)))
      add(r.ts, `silence ${str(r.data.id)} extended until ${stamp(Number(r.data.untilTs))} by ${actor}`);
    else if (r.kind === 'silence_lifted' && (silenceIds.has(str(r.data.id)) || h.members.some((m) => m.target === r.data.target)))
      add(r.ts, `silence${r.data.id ? ` ${str(r.data.id)}` : 's'} lifted by ${actor}`);
  }
  if (h.escalatedTs !== undefined) add(h.escalatedTs, 'escalated: nobody had acknowledged it');
  for (const p of h.proposals)
    for (const e of p.events) {
      const by = e.actor === 'pipeline' || e.actor === 'system' ? '' : ` by ${e.actor}`;
      const state = e.from === null ? 'proposed' : e.to;
      // A note that only repeats the state says nothing; a rule name or an executor's output does.
      const note = e.note && e.note !== state ? `: ${e.from === null ? `rule ${e.note}` : e.note.slice(0, 160)}` : '';
      add(e.ts, `${p.id} ${p.action} ${state}${by}${note}`);
    }

  entries.sort((a, b) => a.ts - b.ts);
  const targets = [...new Set(h.members.map((m) => m.target))];
  const lines = [
    `Timeline of the alert on ${targets.slice(0, 5).join(', ')}${targets.length > 5 ? ` and ${targets.length - 5} more` : ''} (UTC):`,
  ];
  let day = '';
  for (const e of entries.slice(0, LISTED)) {
    const s = stamp(e.ts);
    // The date once, then again only when it changes.
    lines.push(`${s.slice(0, 10) === day ? s.slice(11, 19) : s.slice(0, 19)}  ${e.text}`);
    day = s.slice(0, 10);
  }
  if (entries.length > LISTED) lines.push(`…and ${entries.length - LISTED} more.`);
  const open = h.members.filter((m) => m.status === 'open');
  const footer = [
    open.length > 0 ? `Still open (${formatDuration(now - Math.min(...open.map((m) => m.startTs)))}).` : 'All resolved.',
    h.reminders > 0 ? `${h.reminders} reminder${h.reminders === 1 ? '' : 's'} sent.` : '',
  ].filter(Boolean);
  lines.push(footer.join(' '));
  return lines.join('\n');
}

/** "timeline an_…", "timeline of web-1", or "timeline" in an alert's thread (the latest alert otherwise). */
export function answerTimeline(i: { id?: string; target?: string; metric?: MetricKey; unpinged?: true }, c: AnswerContext): string {
  let a: Anomaly | undefined;
  // "Why wasn't I paged?": whether it pinged anyone, and why not, before the whole timeline.
  const lead = (h: AlertHistory) => (i.unpinged ? `${unpingedLine(h, c.routing)}\n` : '');
  if (i.id?.startsWith('rp_')) {
    const p = c.store.getProposal(i.id);
    a = p && c.store.getAnomaly(p.anomalyId);
    if (!a) return `No proposal ${quoteUntrusted(i.id)} with its anomaly still stored.`;
  } else if (i.id) {
    a = c.store.getAnomaly(i.id);
    if (!a || a.id !== i.id) return `No anomaly ${quoteUntrusted(i.id)} (it may be older than the retention).`;
  } else {
    // "Last time api-2 latency spiked, what did we do?": the latest of that metric there.
    const metrics = i.metric ? METRICS_OF[i.metric] : undefined;
    a = c.store.recentAnomalies(500).find((x) => (!i.target || x.target === i.target) && (!metrics || metrics.includes(figureMetric(x))));
    const what = `${i.target ? ` on ${i.target}` : ''}${metrics ? ` of ${METRIC_LABEL[metrics[0]!] ?? i.metric}` : ''}`;
    if (!a) return `No anomalies${what} to show.`;
    const h = gatherAlertHistory(c.store, a, c.now);
    return `${lead(h)}The latest alert${what} (others: "timeline an_…"):\n${renderTimeline(h, c.now)}`;
  }
  const h = gatherAlertHistory(c.store, a, c.now);
  const text = renderTimeline(h, c.now);
  return `${lead(h)}${i.id ? text : `The latest alert${i.target ? ` on ${i.target}` : ''} (others: "timeline an_…"):\n${text}`}`;
}
