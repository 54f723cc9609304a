import type { Anomaly } from '../core/anomaly.js';
import { figureMetric } from '../core/metrics.js';
import { postedAt } from './alert-keys.js';
import type { AnswerContext } from './answer-context.js';
import { METRICS_OF } from './answer-metric-span.js';
import { METRIC_LABEL, stamp } from './format-reply.js';
import type { MetricKey } from './intent.js';
import { formatDuration } from './text-tools.js';

export interface ResponseAsk {
  id?: string | undefined;
  target?: string | undefined;
  metric?: MetricKey | undefined;
  severity?: 'critical' | 'warning' | undefined;
}

const HOUR = 3_600_000;

/**
 * "How long did it take us to respond to the last critical?", "how fast did we ack the web-1 disk
 * alert?": one alert's response, each step timed from when it began: posted to chat, acknowledged
 * and by whom, the first remediation and how it ended, and the all-clear. Other detectors' anomalies
 * on the same series at the same time are the same episode: its alert may be theirs. The anomaly is
 * the one named, else the latest that fits. Pure over the store.
 */
export function answerResponse(q: ResponseAsk, c: AnswerContext): string {
  const metrics = q.metric ? METRICS_OF[q.metric] : undefined;
  const recent = c.store.recentAnomalies(500);
  const a = q.id
    ? c.store.getAnomaly(q.id)
    : recent.find(
        (x) =>
          x.detector !== 'silence' &&
          (!q.target || x.target === q.target) &&
          (!metrics || metrics.includes(figureMetric(x))) &&
          (!q.severity || x.severity === q.severity),
      );
  const what = [q.severity, q.target, q.metric ? (METRIC_LABEL[q.metric] ?? q.metric) : undefined].filter(Boolean).join(' ');
  if (!a) return q.id ? `No anomaly ${q.id} is kept.` : `No ${what ? `${what} ` : ''}anomaly is kept, so there is no response to time.`;
  const episode = recent.filter((x) => x.target === a.target && x.metric === a.metric && overlaps(x, a, c.now));
  const members = episode.some((x) => x.id === a.id) ? episode : [a, ...episode];
  const began = Math.min(...members.map((x) => x.startTs));
  const after = (ts: number) => `${formatDuration(Math.max(0, ts - began))} after it began`;
  const posted = members
    .map((x) => c.store.chat.alertKeyFor(x.id))
    .filter((k): k is string => k !== undefined)
    .map(postedAt)
    .filter(Number.isFinite)
    .sort((x, z) => x - z)[0];
  const ack = members
    .map((x) => c.store.chat.ackOfAnomaly(x.id))
    .filter((x) => x !== undefined)
    .sort((x, z) => x.ts - z.ts)[0];
  const ids = new Set(members.map((x) => x.id));
  const proposal = c.store
    .listProposals({ updatedSince: began - HOUR, limit: 500 })
    .filter((p) => ids.has(p.anomalyId))
    .sort((x, z) => x.createdTs - z.createdTs)[0];
  const open = members.some((x) => x.status === 'open');
  const ended = open ? undefined : Math.max(...members.map((x) => x.endTs ?? 0));
  const others = members.filter((x) => x.id !== a.id).map((x) => x.id);
  return [
    `Response to ${a.id} [${a.severity}] ${a.target} ${METRIC_LABEL[figureMetric(a)] ?? a.metric}, which began ${stamp(began)}${others.length ? ` (one episode with ${others.join(', ')})` : ''}:`,
    posted !== undefined && posted < began
      ? `• Joined the alert already in chat for ${a.target}, posted at ${stamp(posted)} for an earlier anomaly there.`
      : posted !== undefined
        ? `• Posted to chat at ${stamp(posted)}, ${after(posted)}.`
        : `• Not posted to chat ("timeline ${a.id}" says why: a pending period, a silence, a route, or the history replayed at the first start).`,
    ack
      ? `• Acknowledged by ${ack.by} at ${stamp(ack.ts)}, ${after(ack.ts)}${posted !== undefined && posted >= began ? ` (${formatDuration(Math.max(0, ack.ts - posted))} after the post)` : ''}.`
      : `• Nobody acknowledged it${open ? ' yet' : ''}.`,
    proposal
      ? `• Remediation: ${proposal.id} ${proposal.action} proposed at ${stamp(proposal.createdTs)}, ${after(proposal.createdTs)}${proposal.decidedBy ? `; ${proposal.state === 'denied' ? 'denied' : 'approved'} by ${proposal.decidedBy}` : ''}; now ${proposal.state}.`
      : '• No remediation was proposed for it.',
    ended !== undefined ? `• Resolved at ${stamp(ended)}, ${after(ended)}.` : `• Still open, ${formatDuration(c.now - began)} so far.`,
    `"timeline ${a.id}" gives every step; "time to acknowledge this week" the figures over many.`,
  ].join('\n');
}

const overlaps = (x: Anomaly, a: Anomaly, now: number) => x.startTs <= (a.endTs ?? now) && (x.endTs ?? now) >= a.startTs;
