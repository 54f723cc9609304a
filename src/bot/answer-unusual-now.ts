import type { AnswerContext } from './answer-context.js';
import { formatValue, seriesLabel, table } from './format-reply.js';
import { latestBy } from './latest-by-target.js';
import { plural } from './text-tools.js';

/** "Unusual but not alerting", "near misses", "which hosts are above their usual level?": said of now, with no time named. */
export const UNUSUAL_NOW =
  /\b(?:show|tell|give) me (?:something|anything) (?:interesting|unusual|odd|weird|surprising)\b|\banything (?:interesting|surprising)\b|\b(?:unusual|abnormal|odd|weird|strange|off|out of the ordinary)\b.*\b(?:but|yet|not|hasn'?t|haven'?t|without|below)\b.*\b(?:alert\w*|fired|firing|triggered|paged)\b|\bnear[ -]?miss(?:es)?\b|\balmost (?:alerted|fired|triggered|paged|went off)\b|\b(?:above|below|outside|off) (?:their|its) (?:usual|normal|typical) (?:level|range|band)s?\b|\banything out of the ordinary\b/;
const SHOWN = 10;

/**
 * "What looks unusual but hasn't alerted?": each series whose latest reading the robust detector
 * places outside its usual range, without an anomaly open on it, strongest first: how far out (in
 * robust deviations against the level it alarms from) and the onset statistic against the bar that
 * opens an anomaly. Threshold rules partly met are "anything about to fire?". Pure over the store and
 * the live detectors.
 */
export function answerUnusualNow(c: AnswerContext): string {
  if (!c.detectors) return 'The detectors are not running in this process, so I cannot say what they make of the series now.';
  const rows: { target: string; metric: string; value: number; low: number; high: number; dev: number; min: number; share: number }[] = [];
  let learning = 0;
  for (const [target, metrics] of latestBy(c.store)) {
    if (!c.targets.some((t) => t.name === target)) continue;
    for (const metric of metrics.keys()) {
      const r = c.detectors.inspect(target, metric).robust;
      if (!r) continue;
      if (r.samples < r.warmUp) {
        learning++;
        continue;
      }
      if (r.open || (r.value >= r.expectedLow && r.value <= r.expectedHigh)) continue;
      const share = r.alarmThreshold > 0 ? r.alarm / r.alarmThreshold : 0;
      rows.push({
        target,
        metric,
        value: r.value,
        low: r.expectedLow,
        high: r.expectedHigh,
        dev: r.deviations,
        min: r.minDeviation,
        share,
      });
    }
  }
  rows.sort((a, z) => z.share - a.share || z.dev / z.min - a.dev / a.min);
  const open = c.store.openAnomalies().length;
  const tail = [
    ...(open ? [`${plural(open, 'anomaly is', 'anomalies are')} open besides ("anything wrong?" lists them).`] : []),
    ...(learning ? [`${plural(learning, 'series is', 'series are')} still learning (the robust detector judges them once warm).`] : []),
    'Threshold rules partly met are "anything about to fire?".',
  ];
  if (!rows.length)
    return [
      `Nothing outside its usual range now without an alert: every warm series' latest reading is within what the robust detector expects.`,
      ...tail,
    ].join('\n');
  return [
    `Outside their usual range now, with no anomaly open on them (${plural(rows.length, 'series', 'series')}), the closest to alerting first:`,
    table(
      ['series', 'now', 'usual', 'deviations', 'of the alarm bar'],
      rows
        .slice(0, SHOWN)
        .map((r) => [
          seriesLabel(r.target, r.metric),
          formatValue(r.metric, r.value),
          `${formatValue(r.metric, r.low)}–${formatValue(r.metric, r.high)}`,
          `${r.dev.toFixed(1)} (alarms from ${r.min})`,
          `${Math.round(100 * r.share)}%`,
        ]),
    ),
    ...(rows.length > SHOWN ? [`…and ${rows.length - SHOWN} more.`] : []),
    'Outside the usual range is not an alarm: the robust detector opens one on a new extreme for the series (docs/detection.md).',
    ...tail,
  ].join('\n');
}
