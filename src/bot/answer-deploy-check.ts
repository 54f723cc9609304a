import type { Anomaly } from '../core/anomaly.js';
import type { AnswerContext } from './answer-context.js';
import { pipelineHeadline } from './answer-pipeline.js';
import { describeChange, latestChange } from './change-log.js';
import { describeIncident, openIncidents } from './incidents.js';
import { describeProposal, seriesLabel, stamp } from './format-reply.js';
import type { DeployCheckIntent } from './parse-deploy-check.js';
import { inWindow } from './time-window.js';
import { formatDuration, plural } from './text-tools.js';

// An anomaly that ended this recently may come back: the series has not settled yet.
const SETTLE_MS = 15 * 60_000;
const NAMED = 3;

/**
 * "Is it safe to deploy now?", "can I do maintenance on db-1?": what I can see that speaks against
 * a change now, on the hosts named or the fleet, and what makes one easy to judge afterwards. Against:
 * critical anomalies open, monitoring's own trouble, declared incidents, hosts not reporting. Caution:
 * warnings open, threshold rules partly met, remediations waiting, anomalies that ended in the last
 * 15 min. Then the maintenance windows in force, the last change recorded and who is on call. The
 * verdict is a reading of those facts, not a permission: the reply says the call is the asker's.
 */
export function answerDeployCheck(i: DeployCheckIntent, c: AnswerContext): string {
  const names = i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name));
  const where = i.target || i.group ? ` on ${names.join(', ')}` : '';
  const mine = (target: string) => names.includes(target);
  const open = c.store.openAnomalies().filter((a) => mine(a.target));
  const critical = open.filter((a) => a.severity === 'critical');
  const warnings = open.filter((a) => a.severity !== 'critical');
  const building = (c.detectors?.building() ?? []).filter((b) => mine(b.target));
  const pending = c.store.listProposals({ states: ['proposed'], limit: 100 }).filter((p) => mine(p.target));
  const incidents = openIncidents(c.store, c.now).filter((inc) => !where || !inc.targets.length || inc.targets.some(mine));
  const self = c.about?.().self;
  const monitoring = self?.ticks ? pipelineHeadline(self.ticks, c.now, c.about!().intervalMs).problems : [];
  const silentNow = new Set(c.store.targetStates().flatMap((t) => (t.state === 'silent' ? [t.target] : [])));
  const silent = names.filter((n) => silentNow.has(n));
  // One line per target and metric: several detectors closing one episode are one recovery.
  const settling = [
    ...new Map(
      c.store
        .recentAnomalies(1000, c.now - 24 * 3_600_000)
        .filter((a) => mine(a.target) && a.status !== 'open' && a.endTs !== null && a.endTs >= c.now - SETTLE_MS)
        .sort((a, z) => a.endTs! - z.endTs!)
        .map((a) => [`${a.target}|${a.metric}`, a] as const),
    ).values(),
  ].reverse();

  const against = [
    ...(critical.length ? [`${plural(critical.length, 'critical anomaly', 'critical anomalies')} open: ${series(critical, c.now)}.`] : []),
    ...(monitoring.length ? [`Monitoring itself: ${monitoring.join('; ')}, so I may not see what a change breaks.`] : []),
    ...incidents.map((inc) => `Incident open: ${describeIncident(inc, c.now)}.`),
    ...(silent.length ? [`Not reporting: ${silent.join(', ')}.`] : []),
  ];
  const caution = [
    ...(warnings.length ? [`${plural(warnings.length, 'warning')} open: ${series(warnings, c.now)}.`] : []),
    ...(building.length
      ? [
          `About to open if it lasts (threshold rules partly met): ${building
            .slice(0, NAMED)
            .map((b) => `${seriesLabel(b.target, b.metric)} (${b.view.streak} of ${b.view.forSamples} samples)`)
            .join(', ')}${building.length > NAMED ? ` and ${building.length - NAMED} more` : ''}.`,
        ]
      : []),
    ...(pending.length
      ? [`${plural(pending.length, 'remediation')} waiting for approval: ${pending.slice(0, NAMED).map(describeProposal).join('; ')}.`]
      : []),
    ...(settling.length
      ? [
          `Just settled (ended in the last ${formatDuration(SETTLE_MS)}): ${settling
            .slice(0, NAMED)
            .map((a) => `${seriesLabel(a.target, a.metric)} ${formatDuration(c.now - a.endTs!)} ago`)
            .join(', ')}.`,
        ]
      : []),
  ];
  const verdict = against.length ? 'Not a quiet moment' : caution.length ? 'Mostly quiet, with caveats' : 'Quiet';
  const fine =
    against.length || caution.length
      ? []
      : [
          `No anomaly open or about to open${where}, nothing ended in the last ${formatDuration(SETTLE_MS)}, every target reporting, nothing waiting for approval.`,
        ];
  const windows = (c.muteTimes ?? []).filter((m) => inWindow(m, c.now));
  const change = latestChange(c.store, c.now, where ? names : undefined);
  const shift = c.onCall?.at(c.now);
  return [
    `${verdict}${where} (${stamp(c.now)}). The call is yours; this is what I can see:`,
    ...against.map((l) => `• Against: ${l}`),
    ...caution.map((l) => `• Caution: ${l}`),
    ...fine.map((l) => `• ${l}`),
    ...(windows.length
      ? [`• In a maintenance window now: ${windows.map((m) => m.name).join(', ')} (alerts opening inside are held until it ends).`]
      : []),
    `• Last change recorded: ${change ? `${describeChange(change)}, ${formatDuration(c.now - change.ts)} ago` : 'none in the last 30 days'}.`,
    ...(shift ? [`• On call: ${shift.member.name}, until ${stamp(shift.until)}.`] : []),
    `Say what you change as it goes out ("deployed v2.4 to api-1"): "did the deploy change anything?" then compares before and after, and alerts in the hour after it name it.`,
  ].join('\n');
}

/** "web-1 CPU (since 04:24:00 UTC, 6 min)": the first few, worst first as listed. */
function series(list: readonly Anomaly[], now: number): string {
  const shown = list
    .slice(0, NAMED)
    .map((a) => `${seriesLabel(a.target, a.metric)} (since ${stamp(a.startTs)}, ${formatDuration(now - a.startTs)})`);
  return `${shown.join(', ')}${list.length > NAMED ? ` and ${list.length - NAMED} more` : ''}`;
}
