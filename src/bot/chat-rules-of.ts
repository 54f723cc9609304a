import type { FileConfig } from '../config/schema.js';
import type { ChatServiceOptions } from './chat-service.js';
import { fleetGroupingOf } from './fleet-events.js';

/** The config that answers read: rules, thresholds, maintenance windows, runbooks, fleet grouping. */
export function chatRulesOf(config: Pick<FileConfig, 'thresholds' | 'forecasts' | 'chat' | 'remediation' | 'detectors' | 'slos'>) {
  return {
    thresholds: config.thresholds,
    resolveAfterSamples: config.detectors.resolveAfterSamples,
    forecasts: config.forecasts,
    fleetGrouping: fleetGroupingOf(config.chat.fleetGroup),
    muteTimes: config.chat.muteTimes,
    runbooks: config.chat.runbooks,
    slos: config.slos,
    dashboard: config.chat.dashboard,
    remediationRules: config.remediation.rules,
    remediationPolicy: config.remediation,
    routing: config.chat,
  } satisfies Partial<ChatServiceOptions>;
}
