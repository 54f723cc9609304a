import type { Anomaly } from '../core/anomaly.js';
import { figureMetric, formatValue, METRIC_LABEL } from '../core/metrics.js';
import type { Store } from '../core/ports.js';
import type { Proposal } from '../core/remediation.js';
import { stamp } from '../core/stamp.js';
import { postedAt } from './alert-keys.js';
import { changesBetween } from './change-log.js';
import { describeEpisode, groupEpisodes } from './episodes.js';
import { incidentTimeline } from './incident-timeline.js';
import type { Incident } from './incidents.js';
import { openAndRecent } from './open-and-recent.js';
import { formatDuration, plural } from './text-tools.js';

/** How far before the declaration the review looks for the first sign: as the timeline does. */
const BEFORE_MS = 30 * 60_000;
/** Changes this long before it are named as candidates: as the incident's summary does. */
const CHANGES_MS = 60 * 60_000;
const LISTED = 8;

type ReviewStore = Pick<Store, 'recordsBetween' | 'openAnomalies' | 'recentAnomalies' | 'listProposals' | 'chat'>;

/**
 * "Write a postmortem for the last incident": a post-incident review's first draft of a declared
 * incident, from the records only. Its sections are the usual ones (summary, impact, detection,
 * response, timeline); the ones that need a person (root cause, what went well, follow-ups) are
 * named as theirs to write, since metrics and records cannot say why. Changes before it are
 * candidates, never findings.
 */
export function incidentReview(inc: Incident, store: ReviewStore, now: number): string {
  const during = anomaliesOfIncident(inc, store, now);
  const first = during[0];
  const where = inc.targets.length ? inc.targets.join(', ') : 'no target named (the whole fleet)';
  const handovers = inc.handovers.map((h) => `${h.to} at ${stamp(h.ts)}`);
  const lines = [
    `Post-incident review, first draft: ${inc.id} "${inc.title}" (times UTC).`,
    '',
    'Summary',
    `• Declared by ${inc.declaredBy} at ${stamp(inc.openedTs)} on ${where}.`,
    `• Commander: ${inc.declaredBy}${handovers.length ? `, then ${handovers.join(', then ')}` : ''}.`,
    inc.closedTs === undefined
      ? `• Still open: ${formatDuration(now - inc.openedTs)} since it was declared.`
      : `• Resolved by ${inc.closedBy} at ${stamp(inc.closedTs)}, ${formatDuration(inc.closedTs - inc.openedTs)} after it was declared${first && first.startTs < inc.openedTs ? `, ${formatDuration(inc.closedTs - first.startTs)} after the first sign` : ''}.`,
    '',
    'Impact (what the detectors saw on its targets, from 30 min before it)',
    ...impactLines(during, now),
    '',
    'Detection and response',
    ...responseLines(inc, during, store, now),
    '',
    ...incidentTimeline(inc, store, now)
      .split('\n')
      .map((l, k) => (k === 0 ? 'Timeline' : l)),
    '',
    'For the people in it to write',
    '• Root cause: I see metrics and what was recorded here, not why it happened; a change above is a candidate, not a finding.',
    '• What went well, what did not, and the follow-up actions with an owner each.',
  ];
  return lines.join('\n');
}

/**
 * The anomalies on an incident's targets (or anywhere, when it names none) that overlap it, from half an hour before it
 * was declared, oldest first: one open for hours before counts.
 */
export function anomaliesOfIncident(inc: Incident, store: Pick<Store, 'openAnomalies' | 'recentAnomalies'>, now: number): Anomaly[] {
  const until = inc.closedTs ?? now;
  const on = (t: string) => !inc.targets.length || inc.targets.includes(t);
  return openAndRecent(store, 5000, inc.openedTs - 6 * 3_600_000, until)
    .filter((a) => a.startTs < until && on(a.target))
    .filter((a) => (a.endTs ?? now) >= inc.openedTs - BEFORE_MS)
    .sort((a, z) => a.startTs - z.startTs);
}

/** One line per target and metric: its peak, how long it was anomalous, and which detectors saw it. */
function impactLines(during: Anomaly[], now: number): string[] {
  if (!during.length) return ['• No anomaly on its targets: what it was about did not show in the metrics I read.'];
  const episodes = groupEpisodes(during, now).reverse();
  const out = episodes.slice(0, LISTED).map((e) => {
    const top = e.members.reduce((m, a) => (a.peak > m.peak ? a : m));
    const end = e.endTs === null ? 'still open' : `${formatDuration(e.endTs - e.startTs)}, until ${stamp(e.endTs)}`;
    const detectors = [...new Set(e.members.map((a) => a.detector))].join(', then ');
    const worst = e.members.some((a) => a.severity === 'critical') ? 'critical' : e.members[0]!.severity;
    return `• ${e.target} ${METRIC_LABEL[figureMetric(top)] ?? top.metric} [${worst}]: peak ${formatValue(figureMetric(top), top.peak)}; from ${stamp(e.startTs)}, ${end}; seen by ${detectors}.`;
  });
  return episodes.length > LISTED ? [...out, `• …and ${episodes.length - LISTED} more, in the timeline below.`] : out;
}

function responseLines(inc: Incident, during: Anomaly[], store: ReviewStore, now: number): string[] {
  const until = inc.closedTs ?? now;
  const on = (t: string) => !inc.targets.length || inc.targets.includes(t);
  const out: string[] = [];
  const first = during[0];
  if (first) {
    const lead = inc.openedTs - first.startTs;
    out.push(
      `• First sign: ${first.id} (${first.detector}) at ${stamp(first.startTs)}, ${lead >= 0 ? `${formatDuration(lead)} before it was declared` : `${formatDuration(-lead)} after it was declared`}.`,
    );
  } else out.push('• First sign: none in the metrics; it was declared by a person.');
  const keys = [...new Set(during.map((a) => store.chat.alertKeyFor(a.id)).filter((k): k is string => k !== undefined))];
  const posted = keys
    .map(postedAt)
    .filter(Number.isFinite)
    .sort((a, z) => a - z);
  out.push(
    posted.length
      ? `• Alerts posted: ${posted.length}, the first at ${stamp(posted[0]!)}${first ? `, ${formatDuration(Math.max(0, posted[0]! - first.startTs))} after the first sign` : ''}.`
      : '• Alerts posted: none for these anomalies ("timeline an_…" says why for each).',
  );
  const acks = during
    .map((a) => store.chat.ackOfAnomaly(a.id))
    .filter((a) => a !== undefined)
    .sort((a, z) => a.ts - z.ts);
  if (acks.length) {
    const ack = acks[0]!;
    out.push(
      `• First acknowledged by ${ack.by} at ${stamp(ack.ts)}${posted.length ? `, ${formatDuration(Math.max(0, ack.ts - posted[0]!))} after the first alert` : ''}.`,
    );
  } else if (posted.length) out.push('• Nobody acknowledged its alerts.');
  const proposals = store
    .listProposals({ updatedSince: inc.openedTs - BEFORE_MS, limit: 500 })
    .filter((p) => on(p.target) && p.createdTs <= until)
    .sort((a, z) => a.createdTs - z.createdTs);
  out.push(
    proposals.length
      ? `• Remediations: ${proposals
          .slice(0, LISTED)
          .map(
            (p) =>
              `${p.id} ${p.action} on ${p.target}, proposed ${stamp(p.createdTs)} (${p.requestedBy === 'pipeline' ? 'by a rule' : `asked by ${p.requestedBy}`}), ${decided(p)}`,
          )
          .join('; ')}.`
      : '• Remediations: none proposed or run.',
  );
  const changes = changesBetween(store, inc.openedTs - CHANGES_MS, until).filter((c) => !c.targets.length || c.targets.some(on));
  out.push(
    changes.length
      ? `• Changes recorded from an hour before it (candidates, not findings): ${changes
          .slice(-LISTED)
          .map((c) => `"${c.text}" at ${stamp(c.ts)} (${c.actor})`)
          .join('; ')}.`
      : '• Changes recorded from an hour before it: none.',
  );
  out.push(
    `• Updates: ${plural(inc.updates.length, 'update')}${inc.handovers.length ? `, ${plural(inc.handovers.length, 'hand-over')}` : ''}.`,
  );
  return out;
}

/** "approved by alice, then succeeded", "denied by bob", "expired". */
function decided(p: Proposal): string {
  if (!p.decidedBy) return p.state === 'proposed' ? 'still waiting for a decision' : p.state;
  if (p.state === 'denied' || p.state === 'withdrawn' || p.state === 'expired') return `${p.state} by ${p.decidedBy}`;
  return p.state === 'approved' ? `approved by ${p.decidedBy}` : `approved by ${p.decidedBy}, then ${p.state}`;
}

/** "Postmortem" with no incident declared lately: said so, with the latest alert episode, whose timeline is the nearest story. */
export function noIncidentToReview(store: Pick<Store, 'openAnomalies' | 'recentAnomalies'>, now: number, targets?: string[]): string {
  const on = (a: Anomaly) => !targets || targets.includes(a.target);
  const recent = openAndRecent(store, 500, now - 7 * 86_400_000, now + 1).filter(on);
  const latest = groupEpisodes(recent, now)[0];
  return [
    `No incident was declared${targets ? ` on ${targets.join(', ')}` : ''} in the last 7 days, so there is no incident to review. "Declare an incident: <what is wrong>" opens one, and "postmortem" then drafts its review.`,
    ...(latest
      ? [
          `The latest alert: ${describeEpisode(latest, now)}`,
          `"timeline ${latest.members[0]!.id}" tells what happened to it and who did what.`,
        ]
      : ['No anomaly was recorded in that time either.']),
  ].join('\n');
}
