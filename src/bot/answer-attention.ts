import type { Anomaly } from '../core/anomaly.js';
import { silenceCovers } from '../core/chat-store.js';
import { watchingSince } from '../core/watching-since.js';
import type { AnswerContext } from './answer-intent.js';
import { describeIncident, openIncidents } from './incidents.js';
import { METRICS_OF } from './answer-metric-span.js';
import { thresholdLine } from './describe-detectors.js';
import { pipelineHeadline } from './answer-pipeline.js';
import { describeAnomaly, describeProposal, formatValue, METRIC_LABEL, stamp } from './format-reply.js';
import type { MetricKey } from './intent.js';
import { latestBy } from './latest-by-target.js';
import { nearestThresholds } from './nearest-thresholds.js';
import { outlookLines } from './outlook-lines.js';
import { RECURRENCE_SPAN, recurrenceLines } from './recurrence-lines.js';
import { formatDuration } from './text-tools.js';

const RANK: Record<Anomaly['severity'], number> = { critical: 0, warning: 1, info: 2 };
const LISTED = 10;
const INCIDENTS_LISTED = 5;

/**
 * "Anything wrong?": what is open now and waits for a decision. `building`: "anything about to fire?" leads with the
 * threshold rules partly met (of `metric`); `aheadMs`: "will web-1 alert in the next hour?" carries each line that far.
 */
export interface AttentionIntent {
  kind: 'attention';
  target?: string;
  group?: string[];
  unknownTarget?: string;
  building?: boolean;
  metric?: MetricKey;
  aheadMs?: number;
  /** "Will web-2 memory alert again?": how often it opened before, too. */
  again?: boolean;
}
/**
 * "Anything wrong?", "what needs my attention?": what is open now, worst first, and what waits for
 * a decision, on the named targets or the fleet. Not a history: those questions are about the present,
 * and a list of the last anomalies mixed resolved ones in.
 */
export function answerAttention(scope: Omit<AttentionIntent, 'kind' | 'unknownTarget'>, c: AnswerContext): string {
  const names = scope.target ? [scope.target] : (scope.group ?? c.targets.map((t) => t.name));
  const where = scope.target || scope.group ? ` on ${names.join(', ')}` : '';
  const mine = (target: string) => names.includes(target);
  const open = c.store
    .openAnomalies()
    .filter((a) => mine(a.target))
    .sort((a, z) => RANK[a.severity] - RANK[z.severity] || z.startTs - a.startTs);
  const pending = c.store.listProposals({ states: ['proposed'], limit: 100 }).filter((p) => mine(p.target));
  // "Is anything stuck?": approved and not finished is work in flight, which a quiet fleet can still hide.
  const inFlight = c.store.listProposals({ states: ['approved', 'running'], limit: 100 }).filter((p) => mine(p.target));
  const silences = c.store.chat.silences(c.now);
  const states = new Map(c.store.targetStates().map((t) => [t.target, t.state]));
  const reporting = names.filter((n) => states.get(n) === 'up').length;

  const metrics: readonly string[] | undefined = scope.metric ? METRICS_OF[scope.metric] : undefined;
  const building = (c.detectors?.building() ?? [])
    .filter((b) => mine(b.target) && (!metrics || metrics.includes(b.metric)))
    .sort((a, z) => z.view.streak / z.view.forSamples - a.view.streak / a.view.forSamples || a.target.localeCompare(z.target));
  const since = () => Math.max(c.now - RECURRENCE_SPAN, watchingSince(c.store) ?? -Infinity);
  const buildingLines = () => [
    ...partlyMet(),
    ...(scope.aheadMs ? outlookLines(names, c.thresholds ?? [], c.store, c.now, scope.aheadMs, metrics) : []),
    ...(scope.again ? recurrenceLines(names, c.store.recentAnomalies(5000, since()), { now: c.now, from: since(), metrics }) : []),
  ];
  const partlyMet = () => {
    if (building.length === 0) {
      const nearest = nearestThresholds(names, c.thresholds ?? [], latestBy(c.store), metrics);
      return c.detectors
        ? [
            `Nothing about to open${where}: no threshold rule is partly met${scope.metric ? ` for ${METRIC_LABEL[metrics![0]!]}` : ''}.`,
            ...(nearest ? [nearest] : []),
          ]
        : [];
    }
    const latest = latestBy(c.store);
    return [
      `About to open${where}, if it lasts (threshold rules partly met):`,
      ...building.slice(0, LISTED).map((b) => {
        const s = latest.get(b.target)?.get(b.metric);
        const muted = silences.find((x) => silenceCovers(x, b.target, b.metric, b.view.severity));
        return `• ${b.target} ${METRIC_LABEL[b.metric] ?? b.metric}${s ? ` ${formatValue(b.metric, s.value)}` : ''}: ${thresholdLine(b.metric, b.view)}${muted ? ` (silenced until ${stamp(muted.untilTs)})` : ''}`;
      }),
      ...(building.length > LISTED ? [`…and ${building.length - LISTED} more.`] : []),
    ];
  };

  // Incidents people declared lead: they are what the team is working on.
  const declared = openIncidents(c.store, c.now).filter((i) => !i.targets.length || i.targets.some(mine) || !where);
  // The newest first, a few: "declared incidents" lists them all.
  const incidents = [
    ...declared
      .slice(-INCIDENTS_LISTED)
      .reverse()
      .map((i) => `Incident open: ${describeIncident(i, c.now)}.`),
    ...(declared.length > INCIDENTS_LISTED
      ? [`…and ${declared.length - INCIDENTS_LISTED} more open incidents ("declared incidents" lists them).`]
      : []),
  ];
  // Monitoring's own trouble leads: a source getting nothing hides its targets' anomalies.
  const self = c.about?.().self;
  const pipe = self?.ticks ? pipelineHeadline(self.ticks, c.now, c.about!().intervalMs) : undefined;
  if (pipe?.problems.length)
    incidents.unshift(`Monitoring itself: ${pipe.problems.join('; ')}. "Are the sources ok?" and "tick history" say more.`);
  const flightLines = inFlight.length
    ? [
        `${inFlight.length} approved and not finished:`,
        ...inFlight
          .slice(0, LISTED)
          .map(
            (p) =>
              `• ${describeProposal(p)}, ${formatDuration(c.now - (p.decidedTs ?? p.updatedTs))} ago ("timeline ${p.id}" says where it is)`,
          ),
      ]
    : [];
  if (open.length === 0 && pending.length === 0 && inFlight.length === 0) {
    // Declared incidents listed above still need people: not "nothing needs attention".
    const quiet = `${declared.length ? `Besides the incidents above${where}` : `Nothing needs attention${where}`}: ${reporting} of ${names.length} target${names.length === 1 ? '' : 's'} reporting, no open anomalies, nothing waiting for approval.`;
    if (scope.building) return [...incidents, ...buildingLines(), quiet].join('\n');
    return [...incidents, quiet, ...(building.length ? buildingLines() : [])].join('\n');
  }

  // The counts in the head: "is everything ok?" is answered before the detail.
  const critical = open.filter((a) => a.severity === 'critical').length;
  const counts = [
    open.length && `${open.length} open anomal${open.length === 1 ? 'y' : 'ies'}${critical ? ` (${critical} critical)` : ''}`,
    declared.length && `${declared.length} incident${declared.length === 1 ? '' : 's'} declared`,
    pending.length && `${pending.length} waiting for approval`,
    inFlight.length && `${inFlight.length} approved and not finished`,
  ].filter(Boolean);
  // "Anything about to fire?", "which host is closest to alerting?": what is building is the question; what is open follows.
  const lines = [
    ...(scope.building ? buildingLines() : []),
    `Needs attention${where} (${stamp(c.now)}): ${counts.join(', ')}.`,
    ...incidents,
  ];
  if (open.length > 0) {
    lines.push(`${open.length} open anomal${open.length === 1 ? 'y' : 'ies'}${critical ? `, ${critical} critical` : ''}:`);
    for (const a of open.slice(0, LISTED)) {
      const muted = silences.find((s) => silenceCovers(s, a.target, a.metric, a.severity));
      const ack = c.store.chat.ackOfAnomaly(a.id);
      const notes = [ack && `acknowledged by ${ack.by}`, muted && `silenced until ${stamp(muted.untilTs)}`].filter(Boolean);
      lines.push(`• ${describeAnomaly(a, c.now)}${a.summary ? ` — ${a.summary}` : ''}${notes.length ? ` (${notes.join(', ')})` : ''}`);
    }
    if (open.length > LISTED) lines.push(`…and ${open.length - LISTED} more: ask for "open anomalies".`);
  } else lines.push('No open anomalies.');
  if (pending.length > 0) {
    lines.push(`${pending.length} waiting for approval:`);
    for (const p of pending.slice(0, LISTED))
      lines.push(`• ${describeProposal(p)} — ${p.reason} (expires in ${formatDuration(Math.max(0, p.expiresTs - c.now))})`);
    lines.push('Answer with "approve <id>" or "deny <id>".');
  } else lines.push('Nothing waiting for approval.');
  lines.push(...flightLines);
  if (!scope.building && building.length) lines.push(...buildingLines());
  return lines.join('\n');
}
