import type { Anomaly } from '../core/anomaly.js';
import type { ForecastView, ForestView, RobustView, SeriesInspection, ThresholdView } from '../core/inspection.js';
import { formatValue, METRIC_LABEL, unitOf } from '../core/metrics.js';
import { ROBUST_WHAT } from '../pipeline/detect/detection-engine.js';
import { clock, stamp } from './format-reply.js';
import { formatDuration } from './text-tools.js';

/**
 * "Why is there no alert?": one line per detector, each giving the reason that detector itself
 * has, from its state at the series' latest sample. `lastRobust` is the series' latest robust
 * anomaly, which a record-based detector measures a repeat against.
 */
export function describeDetectors(i: SeriesInspection, lastRobust?: Anomaly): string[] {
  const label = METRIC_LABEL[i.metric] ?? i.metric;
  const lines: string[] = [];
  lines.push(i.threshold ? `• threshold: ${thresholdLine(i.metric, i.threshold)}` : `• threshold: no rule for ${label} on ${i.target}.`);
  if (i.forecast) lines.push(`• forecast: ${forecastLine(i.metric, i.forecast)}`);
  lines.push(
    i.robust ? `• robust: ${robustLine(i.metric, i.robust, i.threshold, lastRobust)}` : '• robust: no sample scored since the last start.',
  );
  if (i.forest) lines.push(`• isolation forest (all of ${i.target}'s metrics together): ${forestLine(i.forest)}`);
  return lines;
}

export function ruleText(metric: string, t: Pick<ThresholdView, 'above' | 'below'>): string {
  const f = (v: number) => formatValue(metric, v);
  return [t.above !== undefined && `above ${f(t.above)}`, t.below !== undefined && `below ${f(t.below)}`].filter(Boolean).join(' or ');
}

/** When a streak reaches its rule if every sample from now on breaches too; undefined without two samples to time. */
export function firesAt(t: ThresholdView): number | undefined {
  if (t.sinceTs === undefined || t.lastTs === undefined || t.streak < 2 || t.lastTs <= t.sinceTs) return undefined;
  const interval = (t.lastTs - t.sinceTs) / (t.streak - 1);
  return t.lastTs + (t.forSamples - t.streak) * interval;
}

export function thresholdLine(metric: string, t: ThresholdView): string {
  const rule = `${ruleText(metric, t)} for ${t.forSamples} sample${t.forSamples === 1 ? '' : 's'}`;
  // A series with no sample yet has no latest one to be within anything.
  if (t.streak === 0)
    return t.lastTs === undefined ? `no sample yet to hold against its rule (${rule}).` : `the latest sample is within its rule (${rule}).`;
  const since = t.sinceTs !== undefined ? ` since ${clock(t.sinceTs)}` : '';
  if (t.streak >= t.forSamples) return `${ruleText(metric, t)}${since}, ${t.streak} samples: the rule's ${t.forSamples} are met.`;
  const at = firesAt(t);
  return (
    `${ruleText(metric, t)} for ${t.streak} of the ${t.forSamples} samples the rule asks${since}; ` +
    `it opens a ${t.severity} anomaly ${at !== undefined ? `at about ${clock(at)} ` : ''}if the next ${t.forSamples - t.streak === 1 ? 'sample stays' : `${t.forSamples - t.streak} samples stay`} there.`
  );
}

function robustLine(metric: string, r: RobustView, rule: ThresholdView | undefined, lastRobust: Anomaly | undefined): string {
  const f = (v: number) => formatValue(metric, v);
  const usual = `its usual ${f(r.expectedLow)}–${f(r.expectedHigh)}`;
  const devs = r.deviations >= 1000 ? 'over 1,000' : r.deviations.toFixed(1);
  if (r.open) return `its episode is open.`;
  if (r.samples <= r.warmUp) return `still learning this series (${r.samples} of the ${r.warmUp} samples it needs before it may alarm).`;
  if (r.ratio === 0) {
    if (r.deviations < r.minDeviation) return `${f(r.value)} is ${devs} robust deviations from ${usual}; it alarms from ${r.minDeviation}.`;
    if (r.minChange > 0) {
      const floor = unitOf(metric) === '%' ? `${r.minChange} percentage point${r.minChange === 1 ? '' : 's'}` : f(r.minChange);
      return `${f(r.value)} is ${devs} robust deviations from ${usual}, but it has moved less than the ${floor} that ${METRIC_LABEL[metric] ?? metric} must move before it may alarm (detectors.robust.minChange).`;
    }
    return `${f(r.value)} is ${devs} robust deviations from ${usual}, but no statistic is past its floor.`;
  }
  const what = ROBUST_WHAT[r.kind as keyof typeof ROBUST_WHAT] ?? r.kind;
  if (r.ratio < 1) {
    // Rounded down: 0.996 must not read as "100 % of the largest", which would be a new extreme.
    const life = r.intervalMs ? ` (about ${formatDuration(r.halfLife * r.intervalMs)} at this series' interval)` : '';
    const last =
      lastRobust && lastRobust.status === 'resolved'
        ? ` Its last robust anomaly: ${f(lastRobust.peak)} at ${stamp(lastRobust.startTs)} (${lastRobust.id}).`
        : '';
    const cover = rule ? ' The threshold rule is what catches a repeat.' : '';
    return (
      `${f(r.value)} is ${devs} robust deviations from ${usual} (${what}), but not a new extreme for this series: ` +
      `${Math.floor(r.ratio * 100)} % of the largest it has seen. It alarms on new extremes only; the largest it remembers halves every ${r.halfLife.toLocaleString('en-US')} samples${life}.${last}${cover}`
    );
  }
  if (r.alarm === 0)
    return `${what}, a new extreme, but ${r.sinceAlarm} sample${r.sinceAlarm === 1 ? '' : 's'} after its last alarm: it waits ${r.cooldown} unless the episode triples.`;
  return (
    `${what}, a new extreme, scored ${r.alarm.toFixed(2)}: under the ${r.alarmThreshold.toFixed(2)} that opens an anomaly, ` +
    `because the series alarmed ${r.sinceAlarm} samples ago (an alarm soon after another counts for less).`
  );
}

export function forecastLine(metric: string, v: ForecastView): string {
  const f = (x: number) => formatValue(metric, x);
  const horizon = formatDuration(v.withinMinutes * 60_000);
  if (v.perHour === undefined || v.t === undefined || v.etaMinutes === undefined)
    return `gathering its window: ${Math.floor(v.spanMinutes)} of the ${v.fitMinutes / 2} min it needs before it projects.`;
  const rate = `${v.perHour >= 0 ? '+' : ''}${unitOf(metric) === '%' ? `${v.perHour.toFixed(2)} points` : f(v.perHour)}/h over the last ${formatDuration(v.fitMinutes * 60_000)}`;
  if (v.from !== undefined && v.value !== undefined && v.value < v.from) return `${rate}; it warns only from ${f(v.from)}.`;
  if (v.perHour <= 0 || v.t < v.minT)
    return `${rate}: no rise clear of the scatter (it asks ${v.minT} standard errors; this is ${Math.max(0, v.t).toFixed(1)}).`;
  if (v.etaMinutes > v.withinMinutes)
    return `${rate}: reaches ${f(v.reaches)} in about ${formatDuration(v.etaMinutes * 60_000)}, beyond the ${horizon} it warns within.`;
  return `${rate}: reaches ${f(v.reaches)} in about ${formatDuration(Math.max(0, v.etaMinutes) * 60_000)}, within its ${horizon}.`;
}

export function forestLine(v: ForestView): string {
  if (v.open) return `its episode on the host is open (mostly ${METRIC_LABEL[v.feature] ?? v.feature}).`;
  if (!v.warm) return `still learning the host (it needs a day of samples).`;
  return `score ${v.score.toFixed(2)}, under its ${v.threshold.toFixed(2)}.`;
}
