import { approveEffect } from './approve-effect.js';
import type { Anomaly, Severity } from '../core/anomaly.js';
import type { NeutralMessage } from '../core/chat.js';
import type { Ack, Silence } from '../core/chat-store.js';
import { SILENCE_BUTTON_MS } from './alert-silence.js';
import type { Proposal } from '../core/remediation.js';
import { anomalyLabel, expectedText, figureMetric } from '../core/metrics.js';
import { clock, formatValue, METRIC_LABEL, stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

export interface SeriesWindow {
  values: number[];
  from: number;
  to: number;
}

/** "peak 97.0%, expected 0.0%–90.0%; since 10:02 UTC": one anomaly's figures and where it stands. */
function figureAndState(a: Anomaly): string {
  const u = figureMetric(a);
  const range = a.expectedHigh >= Number.MAX_VALUE / 2 || a.detector === 'silence' ? '' : `, ${expectedText(a)}`;
  // A silence is quoted by its longest gap: once resolved, `observed` is 0.
  const figure =
    a.detector === 'alertmanager'
      ? 'from Alertmanager (no value sent)'
      : a.detector === 'silence'
        ? `no samples for ${formatDuration(a.peak * 1000)}`
        : `peak ${formatValue(u, a.peak)}${range}`;
  const state =
    a.status === 'open'
      ? `since ${clock(a.startTs)}`
      : `resolved at ${clock(a.endTs ?? a.updatedTs)} after ${formatDuration((a.endTs ?? a.updatedTs) - a.startTs)}`;
  return `${figure}; ${state}`;
}

export const worstSeverity = (anomalies: Anomaly[]) =>
  anomalies.reduce<Severity>((s, a) => (RANK[a.severity] > RANK[s] ? a.severity : s), 'info');

/** Targets listed with figures in a fleet message before "and N more": ten fields, Slack's limit for a section. */
const FLEET_LISTED = 9;

/**
 * One message for the same kind of anomaly (metric and detector) on many targets at once: a
 * fleet-wide change (a deploy, a clean-up, a shared dependency) is one event to an operator, not
 * one alert per host. Re-rendered in place as members join and resolve.
 */
export function renderFleetGroup(anomalies: Anomaly[], now: number, hold: AlertHold = {}): NeutralMessage {
  const first = anomalies[0]!;
  // Host anomalies of different hosts may blame different metrics: each field names its own.
  const label = METRIC_LABEL[first.metric] ?? first.metric;
  const targets = [...new Set(anomalies.map((a) => a.target))];
  const open = anomalies.filter((a) => a.status === 'open');
  const openTargets = new Set(open.map((a) => a.target)).size;
  const worst = worstSeverity(open);
  const from = Math.min(...anomalies.map((a) => a.startTs));
  const to = Math.max(...anomalies.map((a) => a.startTs));
  const title =
    open.length === 0
      ? `Resolved: ${label} on ${targets.length} targets`
      : `${worst === 'critical' ? 'Critical' : 'Warning'}: ${label} on ${openTargets} of ${targets.length} targets at once`;
  // Open before resolved, worst first, then by name (web-2 before web-10).
  const order = [...anomalies].sort(
    (a, z) =>
      Number(z.status === 'open') - Number(a.status === 'open') ||
      RANK[z.severity] - RANK[a.severity] ||
      a.target.localeCompare(z.target, undefined, { numeric: true }),
  );
  const listed = order.slice(0, FLEET_LISTED);
  const rest = [...new Set(order.map((a) => a.target))].filter((t) => !listed.some((a) => a.target === t));
  return {
    title,
    severity: open.length === 0 ? 'ok' : worst,
    text:
      `${targets.length} targets, ${first.detector} detector, starting ${clock(from)}${to > from ? `–${clock(to)}` : ''}: ` +
      `one message for a change across the fleet. First: ${first.summary || `${first.metric} anomaly`}`,
    fields: [
      ...listed.map((a) => ({
        label: a.feature ? `${a.target} (${METRIC_LABEL[a.feature] ?? a.feature})` : a.target,
        value: figureAndState(a),
      })),
      ...(rest.length > 0
        ? [{ label: `and ${rest.length} more`, value: rest.slice(0, 40).join(', ') + (rest.length > 40 ? ', …' : '') }]
        : []),
    ],
    context: `${open.length} open of ${anomalies.length} · ${stamp(now)}`,
    ...alertControls(open, hold),
  };
}

/** What is holding an alert message: a silence over all of it, someone's acknowledgement. */
export interface AlertHold {
  silence?: Silence;
  ack?: Ack;
}

/**
 * An open alert offers Acknowledge and Silence buttons, or says who took it on and who silenced it
 * until when (so two people do not both act on it); a resolved one offers neither.
 */
function alertControls(open: Anomaly[], { silence, ack }: AlertHold): Pick<NeutralMessage, 'actions' | 'status'> {
  if (open.length === 0) return { actions: [] };
  const anomalyId = open[0]!.id;
  const status = [
    ack && `Acknowledged by ${ack.by} at ${stamp(ack.ts)}`,
    silence &&
      `Silenced until ${stamp(silence.untilTs)} by ${silence.createdBy} (${silence.id})${silence.reason ? `: ${silence.reason}` : ''}`,
  ].filter(Boolean);
  return {
    actions: [
      ...(ack ? [] : [{ action: 'ack' as const, anomalyId, label: 'Acknowledge' }]),
      ...(silence ? [] : [{ action: 'silence' as const, anomalyId, label: `Silence ${SILENCE_BUTTON_MS / 3_600_000} h` }]),
    ],
    ...(status.length > 0 ? { status: status.join(' · ') } : {}),
  };
}

/**
 * The reminder for an alert still open, unsilenced and unacknowledged: a thread reply that also
 * shows in the channel, with the open figures and the same buttons.
 */
export function renderReminder(open: Anomaly[], now: number): NeutralMessage {
  const since = Math.min(...open.map((a) => a.startTs));
  const targets = [...new Set(open.map((a) => a.target))];
  const what = targets.length === 1 ? targets[0]! : `${METRIC_LABEL[open[0]!.metric] ?? open[0]!.metric} on ${targets.length} targets`;
  return {
    title: `Still open after ${formatDuration(now - since)}: ${what}`,
    severity: worstSeverity(open),
    text: `Open since ${clock(since)}, not acknowledged and not silenced. Say "explain ${open[0]!.id}" for the detail.`,
    fields: open.slice(0, FLEET_LISTED).map((a) => ({ label: `${a.target} ${anomalyLabel(a)} · ${a.detector}`, value: figureAndState(a) })),
    context: stamp(now),
    surface: true,
    ...alertControls(open, {}),
  };
}

/**
 * The escalation of an alert nobody has taken on: a thread reply that also shows in the channel,
 * for the escalation's mentions, with the same buttons.
 */
export function renderEscalation(open: Anomaly[], waitedMs: number, now: number, level = 0): NeutralMessage {
  const targets = [...new Set(open.map((a) => a.target))];
  const what = targets.length === 1 ? targets[0]! : `${METRIC_LABEL[open[0]!.metric] ?? open[0]!.metric} on ${targets.length} targets`;
  return {
    title: `${level > 0 ? `Escalation level ${level + 1}: ` : ''}Not acknowledged after ${formatDuration(waitedMs)}: ${what}`,
    severity: worstSeverity(open),
    text: 'Nobody has taken this alert on. Press Acknowledge, or say "ack" in this thread, if you have it.',
    fields: open.slice(0, FLEET_LISTED).map((a) => ({ label: `${a.target} ${anomalyLabel(a)} · ${a.detector}`, value: figureAndState(a) })),
    context: stamp(now),
    surface: true,
    ...alertControls(open, {}),
  };
}

/** One message for the anomalies of one target in one tick; re-rendered in place as they resolve. */
export function renderAnomalyGroup(
  target: string,
  anomalies: Anomaly[],
  series: SeriesWindow | undefined,
  now: number,
  hold: AlertHold = {},
): NeutralMessage {
  const open = anomalies.filter((a) => a.status === 'open');
  const worst = worstSeverity(anomalies);
  const title =
    open.length === 0
      ? `Resolved: ${target} (${anomalies.length} anomal${anomalies.length === 1 ? 'y' : 'ies'})`
      : `${worst === 'critical' ? 'Critical' : 'Warning'}: ${open.length} anomal${open.length === 1 ? 'y' : 'ies'} on ${target}`;
  const fields = anomalies.map((a) => ({ label: `${anomalyLabel(a)} · ${a.detector}`, value: figureAndState(a) }));
  const first = anomalies[0]!;
  return {
    title,
    severity: open.length === 0 ? 'ok' : worst,
    text: anomalies.map((a) => a.summary || `${a.metric} anomaly`).join('; '),
    fields,
    sparkline:
      series && series.values.length > 1
        ? {
            label: METRIC_LABEL[first.metric] ?? first.metric,
            values: series.values,
            unit: '',
            from: clock(series.from),
            to: clock(series.to),
          }
        : undefined,
    context: anomalies.map((a) => `${a.id} ${a.detector} score ${a.score.toFixed(2)}`).join(' · ') + ` · ${stamp(now)}`,
    ...alertControls(open, hold),
  };
}

const STATE_TEXT: Record<Proposal['state'], string> = {
  proposed: 'Waiting for approval',
  approved: 'Approved',
  denied: 'Denied',
  expired: 'Expired without a decision',
  withdrawn: 'Withdrawn: its anomaly ended before a decision',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
};

export function renderProposal(p: Proposal): NeutralMessage {
  const decided = p.decidedBy && !p.decidedBy.startsWith('policy:') ? ` by ${p.decidedBy} at ${stamp(p.decidedTs!)}` : '';
  const dry = p.mode === 'dry_run' ? 'Dry run: ' : '';
  return {
    title: `${dry}${p.action} on ${p.target}`,
    severity: p.state === 'failed' ? 'critical' : p.state === 'proposed' ? 'warning' : 'ok',
    text: p.reason,
    fields: [
      { label: 'action', value: `${p.action} ${JSON.stringify(p.params)}` },
      { label: 'mode', value: `${p.mode} via ${p.executor}` },
      // Once decided, the status line below says it (in place of the buttons); a field too would say it twice.
      ...(p.state === 'proposed' ? [{ label: 'state', value: STATE_TEXT[p.state] }] : []),
      ...(p.state === 'proposed' ? [{ label: 'expires', value: stamp(p.expiresTs) }] : []),
      // What pressing Approve does, so it is known before anyone presses it.
      ...(p.state === 'proposed'
        ? [
            {
              label: 'if approved',
              value: approveEffect(p).replace(/^Approving (only )?/, (_, o: string | undefined) => (o ? 'only ' : '')),
            },
          ]
        : []),
      ...(p.result ? [{ label: 'result', value: p.result.slice(0, 300) }] : []),
    ],
    context: `${p.id} · ${p.anomalyId ? `anomaly ${p.anomalyId}` : `requested by ${p.requestedBy}`}`,
    actions:
      p.state === 'proposed'
        ? [
            { action: 'approve', proposalId: p.id, label: 'Approve' },
            { action: 'deny', proposalId: p.id, label: 'Deny' },
          ]
        : [],
    status:
      p.state === 'proposed'
        ? undefined
        : p.state === 'withdrawn' && !p.anomalyId
          ? `Withdrawn by its requester${p.decidedTs ? ` at ${stamp(p.decidedTs)}` : ''}`
          : `${STATE_TEXT[p.state]}${decided}`,
  };
}

/** A reply in an alert's thread: anomalies on its target that joined it instead of paging again. */
export function renderJoined(anomalies: Anomaly[]): NeutralMessage {
  const what = anomalies.map((a) => `${anomalyLabel(a)} (${a.detector})`).join(', ');
  return renderFollowUp(
    `Also on ${anomalies[0]!.target}: ${what}`,
    anomalies.map((a) => `${a.id}: ${a.summary || `${a.metric} anomaly`}; ${figureAndState(a)}`).join('\n'),
    worstSeverity(anomalies),
  );
}

export function renderFollowUp(title: string, text: string, severity: NeutralMessage['severity'] = 'ok'): NeutralMessage {
  return { title, severity, text, fields: [], actions: [] };
}
