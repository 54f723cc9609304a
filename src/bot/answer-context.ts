import type { SloTracker } from '../core/slo-tracker.js';
import type { Slo } from '../config/slo-schema.js';
import type { ForecastRule, RemediationRule, ThresholdRule } from '../config/schema.js';
import type { DetectorInspector } from '../core/inspection.js';
import type { Store } from '../core/ports.js';
import type { AboutFacts } from './answer-about.js';
import type { AskedBefore } from './last-asked.js';
import type { AlertmanagerSilences } from './alertmanager-silences.js';
import type { RoutingFacts } from './answer-routing.js';
import type { Dashboard } from './dashboard-link.js';
import type { FleetGrouping } from './fleet-events.js';
import type { MuteTime } from './mute-times.js';
import type { OnCall } from './on-call.js';
import type { TargetRef } from './parse-intent.js';
import type { Runbook } from './runbooks.js';

/** What every answer reads: the store and the clock, with the config and live parts an answer may need. */
export interface AnswerContext {
  store: Store;
  targets: TargetRef[];
  now: number;
  staleAfterMs: number;
  /** The threshold rules, so that a trend can say when it would reach one. */
  thresholds?: ThresholdRule[];
  /** The forecast rules, listed with the thresholds. */
  forecasts?: ForecastRule[];
  /** detectors.resolveAfterSamples: a threshold replay ends episodes as the live tracker does. */
  resolveAfterSamples?: number;
  /** How alerts are grouped across targets (chat.fleetGroup), so answers group them the same way. */
  fleetGrouping?: FleetGrouping;
  /** Maintenance windows (chat.muteTimes), listed with the silences. */
  muteTimes?: MuteTime[];
  /** remediation.rules, so "explain" can say why an anomaly has no proposal. */
  remediationRules?: RemediationRule[];
  /** The live detectors, so "why is there no alert?" gets each one's own reason. */
  detectors?: DetectorInspector;
  /** chat routes, channels, escalation: "where do alerts go?". */
  routing?: RoutingFacts;
  /** slos: "what's the error budget?". */
  slos?: Slo[];
  /** Keeps the counts of whole hours between answers (slo-tracker.ts). */
  sloTracker?: SloTracker;
  /** chat.runbooks: "what's the runbook for disk?". */
  runbooks?: Runbook[];
  /** chat.dashboard: "dashboard for web-1 yesterday". */
  dashboard?: Dashboard;
  /** Sources, interval, retention and detectors: "what do you monitor?". */
  about?: () => AboutFacts;
  /** chat.onCall with its covers: "who is on call?". */
  onCall?: OnCall;
  /** Silences others made in Alertmanager, as its mirror last read them ("silences"). */
  alertmanagerSilences?: () => ReturnType<AlertmanagerSilences['others']> | undefined;
  /** Who asked ("slack:U2"), for "my alerts": absent where there is no one (the digest). */
  asker?: string;
  /** When the asker asked before, and went away, for "catch me up" and "what's new since I last asked?" (last-asked.ts). */
  askedBefore?: AskedBefore | undefined;
  /** The asker's display zone ("show times in Europe/Berlin"); chat-service rewrites the reply's times into it. */
  zone?: string | undefined;
}
