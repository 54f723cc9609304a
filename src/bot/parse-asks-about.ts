import type { Intent, MetricKey } from './intent.js';
import { setupQuestion } from './parse-about.js';
import { correlateQuestion } from './parse-correlate.js';
import { daypartQuestion } from './parse-daypart.js';
import { deliveryQuestion } from './parse-delivery.js';
import { qualityQuestion } from './parse-feedback.js';
import { healthRankQuestion } from './parse-health.js';
import { inventoryQuestion } from './parse-inventory.js';
import { ruleStatsQuestion } from './parse-rule-stats.js';
import type { TimeSpan } from './parse-time-span.js';

/**
 * Questions about the setup, the delivery, where targets run, how two series move together, each
 * rule's record, alert quality, health rankings and parts of the week: each read before commands and
 * figures, since their words ("region", "rule", "at night") would otherwise name a figure. Pure; the
 * first that fits, else undefined.
 */
export function asksAbout(
  text: string,
  o: {
    metric: MetricKey | undefined;
    more: MetricKey[];
    target: string | undefined;
    named: string[];
    an: string | undefined;
    severity: 'critical' | 'warning' | undefined;
    span: TimeSpan | undefined;
    unknownTarget: string | undefined;
    anomalies: boolean;
  },
): Intent | undefined {
  const { metric, more, target, named, an, severity, span, unknownTarget, anomalies } = o;
  return (
    setupQuestion(text, { metric, target, an, severity }) ??
    deliveryQuestion(text, span) ??
    inventoryQuestion(text, { target, named, metric, unknownTarget, anomalies }) ??
    correlateQuestion(text, { metric, more, named, unknownTarget, span, anomalies }) ??
    ruleStatsQuestion(text, span) ??
    qualityQuestion(text, span) ??
    healthRankQuestion(text, { named, span, metric }) ??
    daypartQuestion(text, { metric, target, named, unknownTarget })
  );
}
