import type { Anomaly } from '../core/anomaly.js';
import { figureMetric } from '../core/metrics.js';
import type { SeriesInspection } from '../core/inspection.js';
import { flapRunLine } from './flap-run.js';
import type { AnswerContext } from './answer-intent.js';
import { METRICS_OF, spanBounds } from './answer-metric-span.js';
import type { TimeSpan } from './parse-time-span.js';
import { clock as clockOf, describeAnomaly, describeProposal, formatValue, METRIC_LABEL, stamp } from './format-reply.js';
import type { MetricKey } from './parse-intent.js';
import { describeDetectors, forestLine, thresholdLine } from './describe-detectors.js';
import { latestBy } from './latest-by-target.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';
import { whyNoProposal } from './why-no-proposal.js';
import { anomaliesAround } from './anomalies-around.js';
import { changedBefore } from './change-log.js';
import { notesOf } from './alert-notes.js';
import { alertDashboardLink } from './dashboard-link.js';
import { approveEffect } from './approve-effect.js';
import { hourUsualLine } from './hour-usual.js';

const NO_CHANGE_BEFORE =
  'nothing recorded on its target or fleet-wide in the hour before (a change is recorded when said as done: "deployed v2.3 to api-1")';

/** "explain an_…" / "explain rp_…": what an anomaly or a proposal is, and what came of it; the latest anomaly without an id. */
export function answerExplain(
  id: string | undefined,
  c: AnswerContext,
  only: {
    target?: string | undefined;
    severity?: Anomaly['severity'] | undefined;
    metric?: MetricKey | undefined;
    span?: TimeSpan | undefined;
    /** The figure then, said when no anomaly was. */
    figure?: () => string;
    /** "Is it still open?": its state leads. */
    it?: boolean | undefined;
    detector?: string | undefined;
    /** "What changed before it?": the change line is said even when no change was recorded. */
    changes?: boolean | undefined;
  } = {},
): string {
  const { target, severity, metric, span, detector } = only;
  const more = only.changes ? { changes: true } : {};
  if (only.it && id?.startsWith('an_')) {
    const a = c.store.getAnomaly(id);
    if (a)
      return `${a.status === 'open' ? `Still open, for ${formatDuration(c.now - a.startTs)}` : `Resolved at ${stamp(a.endTs ?? a.updatedTs)}, after ${formatDuration((a.endTs ?? a.updatedTs) - a.startTs)}`}.\n${answerExplain(id, c)}`;
  }
  if (!id) {
    // "Why did web-1 alert?", "explain the last critical anomaly", "what caused the api-2 latency alert?":
    // the most recent one (on that target, of that severity, of that metric); with a time, the one of then.
    const metrics = metric ? METRICS_OF[metric] : undefined;
    const fits = (a: Anomaly) =>
      (!target || a.target === target) &&
      (!severity || a.severity === severity) &&
      (!metrics || metrics.includes(figureMetric(a))) &&
      (!detector || a.detector === detector);
    const which = `${severity ? `${severity} ` : ''}${detector ? `${detector} ` : ''}${metrics ? `${METRIC_LABEL[metrics[0]!] ?? metric} ` : ''}anomal`;
    const on = target ? ` on ${target}` : '';
    if (span) return explainThen(span, fits, `${which}`, on, c, only.figure, more);
    const latest = c.store.recentAnomalies(500).find(fits);
    if (!latest) return `No ${which}ies${on} to explain.`;
    // "Why is web-1 in alarm?" when it is not: said first, so an old anomaly is not read as the one now.
    const calm =
      target &&
      !metric &&
      !severity &&
      !detector &&
      !only.changes &&
      latest.endTs !== null &&
      !c.store.openAnomalies().some((a) => a.target === target)
        ? `Nothing is open on ${target} now; the latest anomaly there ended ${formatDuration(c.now - latest.endTs)} ago.\n`
        : '';
    return `${calm}The latest ${which}y${on} (others: "anomalies", then "explain an_…"):\n${answerExplain(latest.id, c, more)}`;
  }
  if (id.startsWith('rp_')) {
    const p = c.store.getProposal(id);
    if (!p) return `No proposal ${quoteUntrusted(id)}.`;
    const a = c.store.getAnomaly(p.anomalyId);
    // How it got where it is: "withdrawn" alone does not say that its anomaly ended first.
    const events = c.store.proposalEvents(p.id).map((e) => `  ${stamp(e.ts)} ${e.to} (${e.actor})${e.note ? `: ${e.note}` : ''}`);
    return [
      `${describeProposal(p)}. Reason: ${p.reason}.`,
      a ? `Because of: ${describeAnomaly(a, c.now)}` : '',
      ...(events.length ? ['History:', ...events] : []),
      p.result ? `Result: ${p.result.slice(0, 300)}` : '',
      p.state === 'proposed'
        ? `${approveEffect(p)} To decide, an approver says "approve ${p.id}" or "deny ${p.id}", or uses the buttons.`
        : '',
    ]
      .filter(Boolean)
      .join('\n');
  }
  const a = c.store.getAnomaly(id);
  if (!a || a.id !== id) return `No anomaly ${quoteUntrusted(id)}.`;
  const props = c.store.listProposals({ target: a.target, limit: 200 }).filter((p) => p.anomalyId === a.id);
  const lines = [describeAnomaly(a, c.now)];
  if (a.summary) lines.push(`What: ${a.summary}.`);
  lines.push(`Latest value ${formatValue(a.metric, a.observed)} at ${stamp(a.updatedTs)}.`);
  if (props.length === 0)
    lines.push(
      c.remediationRules
        ? whyNoProposal(a, c.remediationRules, c.store, c.now)
        : 'No remediation was proposed (no rule matched, a cooldown applied, or it is silenced).',
    );
  for (const p of props) {
    lines.push(`Proposed: ${describeProposal(p)}.${p.result ? ` Result: ${p.result.slice(0, 200)}` : ''}`);
  }
  const notes = notesOf(c.store, a, c.now);
  if (notes.length) lines.push('Notes:', ...notes);
  const changed = changedBefore(c.store, [a]) ?? (only.changes ? NO_CHANGE_BEFORE : undefined);
  // Asked about ("what changed before the spike?"), the change line is the answer and follows the anomaly's own line.
  if (changed && only.changes) lines.splice(1, 0, `Changed before it: ${changed}.`);
  lines.push(...(changed && !only.changes ? [`Changed before it: ${changed}.`] : []), ...anomaliesAround(a, c.store, c.now));
  if (c.dashboard) lines.push(`${c.dashboard.label}: ${alertDashboardLink(c.dashboard, [a])!.url}`);
  return lines.join('\n');
}

/**
 * "Why is cpu high on web-1?" asks about now: the open anomaly of that metric there, explained. With
 * none open, it says so, gives the figure now (`current`) and when the last one was, rather than
 * explaining yesterday's episode as if it were the answer.
 */
export function answerWhy(
  asked: string | readonly string[] | undefined,
  metric: MetricKey,
  c: AnswerContext,
  current: string,
  usual = false,
): string {
  // "Why is latency high on the api hosts?": each of the group, as for one.
  const target = typeof asked === 'string' ? asked : undefined;
  const within = (t: string) => (typeof asked === 'string' ? t === asked : !asked || asked.includes(t));
  const metrics = METRICS_OF[metric];
  const fits = (a: Anomaly) => within(a.target) && metrics.includes(figureMetric(a));
  const label = METRIC_LABEL[metrics[0]!] ?? metric;
  const where = target ? `${target} ${label}` : typeof asked === 'object' ? `${label} on ${asked.join(', ')}` : `${label} on any target`;
  const open = c.store
    .openAnomalies()
    .filter(fits)
    .sort((a, z) => z.startTs - a.startTs);
  // "What's normal cpu for web-1?" asks for the usual range, which an open anomaly does not give (its
  // threshold's "expected" is the rule's range): the figure, each detector's view, and what is open.
  // The same hour on earlier days too: a busy morning is usual for the morning, whatever the last hour was.
  if (usual && target) {
    const lines = detectorLines(target, metrics, c, c.store.recentAnomalies(500));
    const hourly = metrics.flatMap(
      (m) => hourUsualLine(target, m, c.now, (from, until) => c.store.series(target, m, from, until), keptMs(c)) ?? [],
    );
    if (lines.length || hourly.length)
      return [
        current,
        ...hourly,
        ...lines,
        open.length
          ? `Open now: ${open.map((a) => `${a.id} (${a.detector}, ${a.severity})`).join(', ')}; "explain ${open[0]!.id}" for it.`
          : `Nothing is open for ${where}.`,
      ].join('\n');
  }
  if (open[0]) {
    const others = open.length > 1 ? ` (${open.length - 1} more open: "anomalies open")` : '';
    return [`The open anomaly for ${where}${others}:`, ...flapRunLine(open[0], c), answerExplain(open[0].id, c)].join('\n');
  }
  const recent = c.store.recentAnomalies(500);
  const last = recent.find(fits);
  return [
    `Nothing is open for ${where}: no detector finds it unusual now.`,
    current,
    ...(typeof asked === 'object' ? asked.flatMap((t) => detectorLines(t, metrics, c, recent)) : detectorLines(target, metrics, c, recent)),
    last ? `The last anomaly there: ${describeAnomaly(last, c.now)}` : `No anomaly for ${where} is recorded.`,
  ].join('\n');
}

/**
 * Each detector's own reason for the named series; with no target, the series whose threshold
 * rule is building. Empty where the live detectors are not reachable (a chat-only process).
 */
function detectorLines(target: string | undefined, metrics: readonly string[], c: AnswerContext, recent: Anomaly[]): string[] {
  if (!c.detectors) return [];
  if (!target) {
    const building = c.detectors.building().filter((b) => metrics.includes(b.metric));
    return building.map((b) => `• ${b.target}: ${thresholdLine(b.metric, b.view)}`);
  }
  return metrics.flatMap((metric) => {
    const view = c.detectors!.inspect(target, metric);
    if (!view.robust && !view.threshold && !view.forecast && !view.forest) return [];
    const lastRobust = recent.find((a) => a.target === target && a.metric === metric && a.detector === 'robust');
    const at = view.robust ? ` at ${clockOf(view.robust.ts)}` : '';
    return [`What each detector makes of ${target} ${METRIC_LABEL[metric] ?? metric}${at}:`, ...describeDetectors(view, lastRobust)];
  });
}

/**
 * "Why didn't web-1 alert?": what is open there, then each metric's detectors in full where one of
 * them is close (a threshold streak, a deviation past the robust floor, the forest near its line)
 * and the rest in one line.
 */
export function answerQuiet(target: string, c: AnswerContext): string {
  const open = c.store.openAnomalies().filter((a) => a.target === target);
  const lines = open.length
    ? [`${open.length} open on ${target}:`, ...open.map((a) => `• ${describeAnomaly(a, c.now)}`)]
    : [`Nothing is open on ${target}: no detector finds any of its metrics unusual now.`];
  const samples = [...(latestBy(c.store).get(target)?.values() ?? [])].sort((a, z) => a.metric.localeCompare(z.metric));
  if (samples.length === 0) return [...lines, `${target} has not reported yet.`].join('\n');
  const calm: string[] = [];
  const recent = c.store.recentAnomalies(500);
  let forest: SeriesInspection['forest'];
  let forestShown = false;
  for (const s of samples) {
    const label = METRIC_LABEL[s.metric] ?? s.metric;
    const view = c.detectors?.inspect(target, s.metric);
    forest ??= view?.forest;
    if (view && isClose(view)) {
      forestShown ||= Boolean(view.forest);
      const lastRobust = recent.find((a) => a.target === target && a.metric === s.metric && a.detector === 'robust');
      lines.push(`${label} ${formatValue(s.metric, s.value)} at ${clockOf(s.ts)}:`, ...describeDetectors(view, lastRobust));
    } else {
      const usual = view?.robust
        ? ` (usual ${formatValue(s.metric, view.robust.expectedLow)}–${formatValue(s.metric, view.robust.expectedHigh)})`
        : '';
      calm.push(`${label} ${formatValue(s.metric, s.value)}${usual}`);
    }
  }
  if (calm.length) lines.push(`Within their rules and usual ranges: ${calm.join(', ')}.`);
  // One score for the host as a whole: "how anomalous is db-1?", "the isolation forest score for web-1".
  if (forest && !forestShown) lines.push(`Isolation Forest (all of ${target}'s metrics together): ${forestLine(forest)}`);
  return lines.join('\n');
}

/** A detector is near its line: worth its reason in full. */
function isClose(v: SeriesInspection): boolean {
  return (
    (v.threshold !== undefined && v.threshold.streak > 0) ||
    (v.forecast?.etaMinutes !== undefined && v.forecast.etaMinutes <= 4 * v.forecast.withinMinutes) ||
    (v.robust !== undefined && (v.robust.open || v.robust.deviations >= v.robust.minDeviation)) ||
    (v.forest !== undefined && (v.forest.open || (v.forest.warm && v.forest.score >= 0.9 * v.forest.threshold)))
  );
}

/**
 * The anomaly of a time asked about: at an instant, the one open then (or starting or ending within
 * a quarter of an hour of it), the nearest first; over a window, the latest that started in it.
 */
function explainThen(
  span: TimeSpan,
  fits: (a: Anomaly) => boolean,
  which: string,
  on: string,
  c: AnswerContext,
  figure?: () => string,
  more: { changes?: boolean } = {},
): string {
  const b = spanBounds(span, c);
  if (b.ahead) return b.ahead;
  const near = b.at === undefined ? 0 : 15 * 60_000;
  const list = c.store
    .recentAnomalies(2000, b.from - 7 * 86_400_000 - near, b.until + near + 1)
    .filter(fits)
    .filter((a) =>
      b.at === undefined ? a.startTs >= b.from && a.startTs <= b.until : a.startTs <= b.at + near && (a.endTs ?? c.now) >= b.at - near,
    );
  const distance = (a: Anomaly) =>
    b.at === undefined ? -a.startTs : a.startTs > b.at ? a.startTs - b.at : Math.max(0, b.at - (a.endTs ?? c.now));
  const pick = [...list].sort((x, z) => distance(x) - distance(z))[0];
  if (!pick)
    return [
      `No ${which}y${on} ${b.label}${b.at === undefined ? '' : ' (or within 15 min of it)'}: no detector found it unusual then.`,
      ...(figure ? [figure()] : []),
    ].join('\n');
  const others = list.length > 1 ? ` (${list.length - 1} more then: "anomalies${on} ${b.label}")` : '';
  return `The ${which}y${on} ${b.label}${others}:\n${answerExplain(pick.id, c, more)}`;
}

/** How long samples are kept, where this process knows its config. */
const keptMs = (c: AnswerContext): number | undefined => {
  const h = c.about?.().samplesHours;
  return h === undefined ? undefined : h * 3_600_000;
};
