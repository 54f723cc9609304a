import type { Anomaly } from '../core/anomaly.js';
import { silenceCovers, type Silence } from '../core/chat-store.js';
import { METRIC_LABEL } from '../core/metrics.js';

/** How long the Silence button on an alert silences; longer silences are set from chat. */
export const SILENCE_BUTTON_MS = 3_600_000;

export interface SilenceScope {
  /** '*' for every target. */
  target: string;
  /** '*' for every metric. */
  metric: string;
}

/**
 * What the Silence button of an alert message silences: for a fleet message its metric on every
 * target; for one target's message that target's metric, or all its metrics when the message
 * carries several. Pure.
 */
export function silenceScopeOf(members: Pick<Anomaly, 'target' | 'metric'>[], fleet: boolean): SilenceScope {
  const first = members[0]!;
  const metrics = new Set(members.map((m) => m.metric));
  if (fleet) return { target: '*', metric: first.metric };
  return { target: first.target, metric: metrics.size === 1 ? first.metric : '*' };
}

/** Whether a silence covers all of a scope (a silence of web-1 cpu does not cover web-1 as a whole). */
export const silenceSpans = (s: Silence, scope: SilenceScope): boolean =>
  (s.target === '*' || s.target === scope.target) && (s.metric === '*' || s.metric === scope.metric);

/** The active silence, longest-lasting first, that covers every open anomaly of a message, if any. */
export function silenceOver(
  silences: readonly Silence[],
  anomalies: readonly Pick<Anomaly, 'target' | 'metric' | 'status' | 'severity'>[],
): Silence | undefined {
  const open = anomalies.filter((a) => a.status === 'open');
  if (open.length === 0) return undefined;
  return [...silences]
    .sort((a, b) => b.untilTs - a.untilTs)
    .find((s) => open.every((a) => silenceCovers(s, a.target, a.metric, a.severity)));
}

/** "web-1 CPU", "all targets disk", "db-1": what a silence covers, as chat and timelines name it. */
export const silenceLabel = (scope: SilenceScope & { severity?: string }): string =>
  `${scope.severity ? `${scope.severity} alerts on ` : ''}${scope.target === '*' ? 'all targets' : scope.target}${scope.metric === '*' ? '' : ` ${METRIC_LABEL[scope.metric] ?? scope.metric}`}`;
