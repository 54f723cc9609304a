import type { FileConfig } from '../../config/schema.js';
import { seriesParams } from './detection-engine.js';
import { SeriesDetector } from './series-detector.js';
import { breaches, ruleFor } from './threshold-detector.js';

/**
 * The detectors that apply to a lone series, as `smartcloudops detect` runs them: the series
 * detector with the pipeline's parameters, plus the threshold rule when the series is a known
 * metric. Online: each call scores one new value using only the values before it. The score is the
 * alarm strength at an episode's onset and 0 elsewhere, in [0, 1].
 */
export function createSeriesScorer(cfg: FileConfig, metric?: string): (value: number, ts?: number) => number {
  const series = cfg.detectors.robust.enabled ? new SeriesDetector(seriesParams(cfg.detectors.robust, metric)) : undefined;
  const rule = metric ? ruleFor(cfg.thresholds, '*', metric) : undefined;
  let streak = 0;
  return (value: number, ts?: number) => {
    let score = series ? series.update(value, ts).alarm : 0;
    if (rule) {
      streak = breaches(rule, value) ? streak + 1 : 0;
      // One alarm when the rule starts to hold, as the pipeline opens one anomaly.
      if (streak === rule.forSamples) score = Math.max(score, 0.99);
    }
    return Math.min(1, Math.max(0, score));
  };
}
