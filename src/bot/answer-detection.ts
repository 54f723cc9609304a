import { NAB_ALARM_THRESHOLD, type FileConfig } from '../config/schema.js';
import { METRIC_LABEL } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { formatDuration, plural } from './text-tools.js';

const unit = (metric: string, v: number) =>
  metric === 'latency_ms' ? `${v} ms` : ['cpu', 'memory', 'disk'].includes(metric) ? plural(v, 'point') : `${v}`;
const n = (v: number) => v.toLocaleString('en-US');

/** "cpu 5 points, latency 20 ms": the smallest change per metric that may open a robust anomaly. */
function minChanges(m: Record<string, number | undefined>): string {
  const set = Object.entries(m).filter(([, v]) => typeof v === 'number' && v > 0);
  return set.map(([k, v]) => `${METRIC_LABEL[k] ?? k} ${unit(k, v!)}`).join(', ');
}

/**
 * "How is detection configured?", "which detectors are enabled?", "how sensitive is it?", "make
 * detection less sensitive": each detector with the settings that decide when it opens an anomaly,
 * from the loaded config, and the keys that make it more or less sensitive. Read-only: config is
 * never changed from chat. Pure.
 */
export function answerDetection(c: AnswerContext, o: { change?: boolean } = {}): string {
  const a = c.about?.();
  const d: FileConfig['detectors'] | undefined = a?.detectors;
  const lines = o.change ? ['I don’t change my config from chat, so nothing was changed. Detection is set up like this now:'] : [];
  const every = a ? formatDuration(a.intervalMs) : undefined;
  const samples = (k: number) => `${n(k)} samples${every && a ? ` (${formatDuration(k * a.intervalMs)} at one every ${every})` : ''}`;
  const thresholds = c.thresholds?.length ?? 0;
  const forecasts = c.forecasts?.length ?? 0;
  lines.push(
    `Detectors (config detectors; docs/detection.md):`,
    `• threshold rules: ${thresholds ? `${plural(thresholds, 'rule')}, each a bound held for a number of samples ("what thresholds are set?" lists them)` : 'none set'}${forecasts ? `; ${plural(forecasts, 'forecast')} of a limit reached` : ''}.`,
  );
  if (!d) {
    lines.push('The statistical detectors’ settings are not known to this process: see config detectors and docs/detection.md.');
    return lines.join('\n');
  }
  const r = d.robust;
  lines.push(
    r.enabled
      ? `• robust statistics, per series: on. Opens an anomaly at alarm strength ${r.alarmThreshold} or more (0 to 1, from how rare the value is in the series’ own history; ${r.alarmThreshold === NAB_ALARM_THRESHOLD ? 'the NAB-tuned default' : `the NAB-tuned default is ${NAB_ALARM_THRESHOLD}`}), only for a move of at least ${r.minDeviation} robust deviations${minChanges(r.minChange) ? ` and at least ${minChanges(r.minChange)}` : ''}, once a series has ${samples(r.minHistory)}. One alarm per episode, then quiet for ${plural(r.cooldown, 'sample')} unless it grows ${r.escalate}×.`
      : '• robust statistics: off (detectors.robust.enabled).',
  );
  const f = d.iforest;
  lines.push(
    f.enabled
      ? `• Isolation Forest, per host over its metrics together: on. Opens a warning at score ${f.threshold} or more (0 to 1), once a host has ${samples(f.warmup)}; ${f.trees} trees, refitted every ${n(f.refitEvery)} samples.`
      : '• Isolation Forest: off (detectors.iforest.enabled).',
    d.silence.enabled
      ? `• silent host: critical after ${formatDuration(d.silence.afterSeconds * 1000)} with no data.`
      : '• silent host: off (detectors.silence.enabled).',
    `An anomaly resolves after ${plural(d.resolveAfterSamples, 'quiet sample')} (detectors.resolveAfterSamples). Alerts may wait for a pending period first (chat.pendingFor).`,
    `Less sensitive: raise detectors.robust.alarmThreshold or minDeviation, detectors.iforest.threshold, or a threshold rule’s bound; more sensitive: lower them. Edit config/smartcloudops.json, check it with \`smartcloudops config check\`, then reload me (SIGHUP). "Suggest better thresholds" replays the threshold rules over the kept history.`,
  );
  return lines.join('\n');
}
