import { answerDetection } from './answer-detection.js';
import { ROBUST_CRITICAL_DEVIATIONS } from '../pipeline/detect/detection-engine.js';
import type { ForecastRule, RemediationRule, ThresholdRule } from '../config/schema.js';
import { METRIC_LABEL, formatValue } from '../core/metrics.js';
import { effectiveMode, globMatch } from '../pipeline/remediate/plan-remediation.js';
import { inhibitLines } from './inhibit-rules.js';
import { describeMatch } from './alert-routes.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF } from './answer-metric-span.js';
import type { MuteTime } from './mute-times.js';
import type { Intent } from './parse-intent.js';
import { formatDuration } from './text-tools.js';
import { silenceLabel } from './alert-silence.js';
import { stamp } from './format-reply.js';
import { describeWindow, inWindow } from './time-window.js';

const MODE: Record<string, string> = { dry_run: 'dry run (logged, nothing runs)', approval: 'needs approval', auto: 'runs by itself' };
const label = (m: string) => METRIC_LABEL[m] ?? m;
function describeThreshold(r: ThresholdRule): string {
  const bound = [
    r.above !== undefined ? `above ${formatValue(r.metric, r.above)}` : '',
    r.below !== undefined ? `below ${formatValue(r.metric, r.below)}` : '',
  ]
    .filter(Boolean)
    .join(' or ');
  return `• ${label(r.metric)}${r.target ? ` on ${r.target}` : ''} ${bound} for ${r.forSamples} sample${r.forSamples === 1 ? '' : 's'}: ${r.severity}`;
}

function describeForecast(r: ForecastRule): string {
  const from = r.from !== undefined ? `, from ${formatValue(r.metric, r.from)}` : '';
  return `• ${label(r.metric)}${r.target ? ` on ${r.target}` : ''} on course to reach ${formatValue(r.metric, r.reaches)} within ${formatDuration(r.withinMinutes * 60_000)} (a line fitted to the last ${formatDuration(r.fitMinutes * 60_000)}${from}): ${r.severity}`;
}

/** What a remediation rule matches: "memory, threshold anomalies, warning or worse". */
export function ruleScope(r: RemediationRule): string {
  const w = r.when;
  return [
    w.metrics ? w.metrics.map(label).join(', ') : 'any metric',
    w.detectors ? `${w.detectors.join(', ')} anomalies` : 'any detector',
    `${w.minSeverity} or worse`,
    w.targets ? `on ${w.targets.join(', ')}` : '',
    w.forSeconds ? `once open ${formatDuration(w.forSeconds * 1000)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function describeRemediation(r: RemediationRule): string {
  const params = Object.entries(r.params).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `• ${r.name}: ${r.action}${params.length ? ` (${params.join(', ')})` : ''} on ${ruleScope(r)}; ${MODE[effectiveMode(r)]}, ${r.executor} executor, cooldown ${formatDuration(r.cooldownSeconds * 1000)}`;
}

/**
 * "What thresholds are set?", "which rules propose restarts?", "maintenance windows": the rules
 * that open anomalies and propose remediations, and the windows that hold alerts, as configured,
 * narrowed to the metric, target or action asked about. Read-only: chat never changes them.
 */
export function answerRules(i: Omit<Extract<Intent, { kind: 'rules' }>, 'kind'>, c: AnswerContext): string {
  if (i.only === 'detectors') return answerDetection(c, { change: i.change });
  const shows = (part: 'thresholds' | 'remediation' | 'maintenance' | 'runbooks') => !i.only || i.only === part;
  const metrics = i.metric ? METRICS_OF[i.metric] : undefined;
  const scope = [i.metric && label(metrics![0]!), i.target, i.action].filter(Boolean).join(', ');
  const thresholds = (c.thresholds ?? []).filter(
    (r) => (!metrics || metrics.includes(r.metric)) && (!i.target || !r.target || r.target === i.target),
  );
  const forecasts = (c.forecasts ?? []).filter(
    (r) => (!metrics || metrics.includes(r.metric)) && (!i.target || !r.target || r.target === i.target),
  );
  const remediations = (c.remediationRules ?? []).filter(
    (r) =>
      (!i.action || r.action === i.action) &&
      (!metrics || !r.when.metrics || r.when.metrics.some((m) => metrics.includes(m))) &&
      (!i.target || !r.when.targets || r.when.targets.some((p) => globMatch(p, i.target!))),
  );
  const lines: string[] = [];
  if (shows('thresholds')) {
    lines.push(
      thresholds.length
        ? `Threshold rules${scope ? ` for ${scope}` : ''} (an anomaly opens when readings stay past the bound that many samples in a row):`
        : `No threshold rule${scope ? ` for ${scope}` : ''}.`,
      ...thresholds.map(describeThreshold),
      ...(forecasts.length
        ? [
            'Forecasts (an anomaly opens while the recent values are on course to reach the limit in time):',
            ...forecasts.map(describeForecast),
          ]
        : []),
      `The robust detector opens anomalies too, measured against each series’ own history: critical at ${ROBUST_CRITICAL_DEVIATIONS} robust deviations or more, a warning below. The Isolation Forest opens warnings for a host whose metrics together look unlike its history, and a host that stops reporting is critical (docs/detection.md).`,
    );
  }
  if (shows('remediation'))
    lines.push(
      remediations.length
        ? `Remediation rules${scope ? ` for ${scope}` : ''} (proposed when a matching anomaly opens, or asked for in chat; chat text never sets their parameters):`
        : `No remediation rule${scope ? ` for ${scope}` : ''}: nothing is proposed${i.action ? ` as ${i.action}` : ''}.`,
      ...remediations.map(describeRemediation),
    );
  if (i.only === 'runbooks') {
    // A runbook fits the question unless its match names other metrics or other targets.
    const fit = (c.runbooks ?? []).filter(
      (r) =>
        (!metrics || !r.match.metrics || r.match.metrics.some((m) => metrics.includes(m))) &&
        (!i.target || !r.match.targets || r.match.targets.some((p) => globMatch(p, i.target!))),
    );
    lines.push(
      ...(fit.length
        ? [`Runbooks${scope ? ` for ${scope}` : ''} (linked on the alerts they match; {target} and {metric} are filled in there):`]
        : [`No runbook${scope ? ` for ${scope}` : ''} is configured (chat.runbooks in the config file).`]),
      ...fit.map((r) => `• ${r.label}: ${r.url} — ${describeMatch(r.match)}`),
      // "Add a runbook link for disk alerts": where it is added, since chat does not change config.
      ...(i.change
        ? [
            'Nothing was changed: runbooks are set in chat.runbooks in the config file (a label, a URL with {target} and {metric}, and the metrics and targets it matches); reload me after ("kill -HUP <pid>").',
          ]
        : []),
    );
  }
  if (shows('maintenance') && (i.only === 'maintenance' || (!i.metric && !i.target))) {
    const windows = maintenanceLines(c.muteTimes ?? [], c.now);
    // Maintenance scheduled from chat ("mute db-1 from 02:00 to 04:00") is a silence set ahead.
    const ahead = c.store.chat.scheduledSilences(c.now);
    // "Is db-1 in maintenance?": whether it is quiet now, by a silence in force, before the lists.
    if (i.target) {
      const quiet = c.store.chat.silences(c.now).filter((s) => s.target === '*' || s.target === i.target);
      lines.push(
        quiet.length
          ? `${i.target} is silenced now: ${quiet.map((s) => `${s.id} (${silenceLabel(s)} until ${stamp(s.untilTs)}, by ${s.createdBy})`).join('; ')}.`
          : `${i.target} is not silenced now${ahead.some((s) => s.target === i.target || s.target === '*') ? '; a silence is scheduled below' : ''}.`,
      );
    }
    lines.push(
      ...(windows.length ? windows : ['No maintenance windows (chat.muteTimes).']),
      ...(ahead.length
        ? [
            `Scheduled from chat (silences set ahead; "unsnooze sl_…" or "cancel the maintenance" cancels one):`,
            ...ahead.map(
              (s) =>
                `• ${s.id}: ${silenceLabel(s)} from ${stamp(s.startsTs!)} to ${stamp(s.untilTs)}${s.reason ? `, reason: ${s.reason}` : ''} (by ${s.createdBy})`,
            ),
          ]
        : []),
      ...inhibitLines(c.routing?.inhibit ?? [], c.store),
    );
  }
  return lines.join('\n');
}

/** chat.muteTimes for a reply, with the one in effect marked; nothing when there are none. */
export function maintenanceLines(windows: MuteTime[], now: number): string[] {
  if (windows.length === 0) return [];
  return [
    'Maintenance windows (alerts opening inside are held until they end):',
    ...windows.map((m) => `• ${m.name}: ${describeWindow(m)}, ${describeMatch(m.match)}${inWindow(m, now) ? ' (in effect now)' : ''}`),
  ];
}
