import type { Slo } from '../config/slo-schema.js';
import type { Clock, Logger, Store } from '../core/ports.js';
import type { SloTracker } from '../core/slo-tracker.js';
import type { DetectorInspector } from '../core/inspection.js';
import type { FileConfig, RemediationRule } from '../config/schema.js';
import type { RemediationService } from '../pipeline/remediate/remediation-service.js';
import type { Destination, Silence } from '../core/chat-store.js';
import type { Subscriptions } from './subscriptions.js';
import type { IncidentOptions } from './incidents.js';
import type { MuteTime } from './mute-times.js';
import type { FleetGrouping } from './fleet-events.js';
import type { Watches } from './watches.js';
import type { OnCall } from './on-call.js';
import type { AnswerContext } from './answer-intent.js';
import type { AboutFacts } from './answer-about.js';
import type { Runbook } from './runbooks.js';
import type { Dashboard } from './dashboard-link.js';
import type { RoutingFacts } from './answer-routing.js';
import type { TargetRef } from './parse-intent.js';

export interface ChatServiceOptions {
  store: Store;
  remediation?: Pick<RemediationService, 'approve' | 'deny'> & Partial<Pick<RemediationService, 'submit' | 'cancel'>>;
  approvers: FileConfig['approvers'];
  targets: () => TargetRef[];
  clock: Clock;
  logger: Logger;
  staleAfterMs: number;
  /** Threshold rules from config: trend answers say when a line would reach one. */
  thresholds?: FileConfig['thresholds'];
  forecasts?: FileConfig['forecasts'];
  /** detectors.resolveAfterSamples, for threshold replays ("suggest better thresholds"). */
  resolveAfterSamples?: number;
  /** chat.fleetGroup, so answers group anomalies across targets as alerts do. */
  fleetGrouping?: FleetGrouping;
  /** chat.muteTimes, listed with the silences. */
  muteTimes?: MuteTime[];
  /** remediation.rules: "explain" says why an anomaly has no proposal. */
  remediationRules?: RemediationRule[];
  /** remediation: "who can approve?", "is auto-remediation on?". */
  remediationPolicy?: FileConfig['remediation'];
  /** "Tell me when web-1 recovers" (watches.ts). */
  watches?: Watches;
  /** The live detectors: "why is there no alert?" gets each one's reason. */
  detectors?: DetectorInspector;
  /** slos: "what's the error budget?". */
  slos?: Slo[];
  /** Shared with /metrics and /status (status/slo-board.ts) so a window is counted once; one of its own otherwise. */
  sloTracker?: SloTracker;
  /** chat.runbooks, listed when asked for. */
  runbooks?: Runbook[];
  /** chat.dashboard: linked from "dashboard for web-1". */
  dashboard?: Dashboard;
  /** chat routes, channels and escalation: "where do alerts go?". */
  routing?: RoutingFacts;
  /** What this bot watches (answer-about.ts), read when asked since chat platforms start later. */
  about?: () => AboutFacts;
  record?: (kind: string, ts: number, data: Record<string, unknown>) => void;
  /** chat.onCall with its covers: "who is on call?", "I'm on call until 18:00", and the on-call's mention on escalations. */
  onCall?: OnCall;
  /** Silences set or lifted, so the alerts they cover can show it. */
  onSilencesChanged?: (changed: Silence[], now: number) => void;
  /** Alert messages acknowledged or handed back, so they can show it. */
  onAcknowledged?: (keys: string[], now: number) => void;
  /** Time from an alert's start to its acknowledgement. */
  onAckDelay?: (ms: number) => void;
  /** Posts and updates the team's own messages (declared incidents) in the alert channels. */
  announce?: IncidentOptions['announce'];
  /** "Notify me about db-1 alerts" (subscriptions.ts). */
  subscriptions?: Subscriptions;
  /** Silences made in Alertmanager by others, for "silences". */
  alertmanagerSilences?: AnswerContext['alertmanagerSilences'];
  /** Where a proposal asked for in chat is posted: where it was asked and the alert channels. */
  routeRequest?: (proposalId: string, from: Destination) => void;
  /** chat.timezone: the team's zone, for anyone who chose none. */ teamZone?: string;
  /**
   * Free-form answers (the LLM layer plugs in here): text the router cannot place, and lookups that
   * ask for reasoning ("why is web-1 slow?"). `deterministic` is what to fall back on.
   */
  fallback?: (
    text: string,
    meta: { conversation: string; deterministic: () => string },
  ) => Promise<{ text: string; path: 'llm' | 'llm_repaired' | 'fallback' } | undefined>;
}
