import type { Anomaly } from './anomaly.js';
import type { ChatStore } from './chat-store.js';
import type { ExecutionRequest, ExecutionResult, ExecutorKind, Proposal, ProposalEvent, ProposalState } from './remediation.js';
import type { IngestResult, Sample } from './sample.js';
import type { Target } from './target.js';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The subset of pino that the code uses, so core does not depend on the logging library. */
export interface Logger {
  debug(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** A source of samples. `collect` must not throw for partial failures: it reports gaps. */
export interface MetricSource {
  readonly name: string;
  targets(): Target[];
  collect(now: number): Promise<IngestResult>;
  /**
   * Optional history so detectors do not start blind on a fresh data dir: samples from `from` to
   * before `until`, one per `stepMs`. Called in slices of the whole span; `now` is the time the
   * whole span ends, for a source that must ask what reports now (discovery).
   */
  backfill?(from: number, until: number, stepMs: number, now: number): Promise<Sample[]>;
  stop?(): Promise<void>;
}

export interface Executor {
  readonly kind: ExecutorKind;
  execute(req: ExecutionRequest): Promise<ExecutionResult>;
}

export interface RecordEntry {
  id: number;
  ts: number;
  kind: string;
  data: Record<string, unknown>;
}

export interface TargetState {
  target: string;
  lastSeenTs: number | null;
  state: 'up' | 'silent' | 'unknown';
}

export interface PendingUpload {
  id: number;
  key: string;
  body: string;
  attempts: number;
}

export interface ProposalQuery {
  states?: ProposalState[];
  target?: string;
  action?: string;
  /** Only those whose state changed at or after this time (ms). */
  updatedSince?: number;
  limit?: number;
}

export interface Store {
  chat: ChatStore;
  saveSamples(samples: Sample[]): void;
  latestSamples(): Sample[];
  series(target: string, metric: string, fromTs: number, untilTs?: number): Sample[];
  /** Moves raw samples older than `beforeTs` into per-series chunks; returns how many moved. */
  compactSamples(beforeTs: number): number;

  upsertAnomaly(a: Anomaly): void;
  getAnomaly(idOrKey: string): Anomaly | undefined;
  openAnomalies(): Anomaly[];
  /** The newest first, of those that started in [sinceTs, untilTs). */
  recentAnomalies(limit: number, sinceTs?: number, untilTs?: number): Anomaly[];

  insertProposal(p: Proposal, event: ProposalEvent): void;
  getProposal(id: string): Proposal | undefined;
  listProposals(q: ProposalQuery): Proposal[];
  /** Compare-and-set: moves the proposal only if its state is one of `from`. */
  transitionProposal(
    id: string,
    from: ProposalState[],
    event: ProposalEvent,
    patch?: Partial<Pick<Proposal, 'decidedBy' | 'decidedTs' | 'result'>>,
  ): Proposal | undefined;
  proposalEvents(id: string): ProposalEvent[];
  lastProposalTs(target: string, action: string): number | undefined;

  appendRecord(kind: string, ts: number, data: Record<string, unknown>): number;
  records(limit: number, beforeId?: number, kind?: string): RecordEntry[];
  /** Records of these kinds between two times (inclusive), oldest first. */
  recordsBetween(fromTs: number, untilTs: number, kinds: string[], limit: number): RecordEntry[];

  loadDetectorState(key: string): Buffer | undefined;
  saveDetectorStates(entries: { key: string; state: Buffer }[], ts: number): void;

  touchTargets(names: string[], ts: number): void;
  targetStates(): TargetState[];
  setTargetState(target: string, state: TargetState['state']): void;

  enqueueUpload(key: string, body: string, ts: number): void;
  dueUploads(now: number, limit: number): PendingUpload[];
  markUploaded(id: number): void;
  markUploadFailed(id: number, nextAttemptTs: number, error: string): void;
  pendingUploadCount(): number;

  getKv(key: string): string | undefined;
  setKv(key: string, value: string): void;

  prune(now: number, retention: { samplesMs: number; recordsMs: number; anomaliesMs: number }): void;
  sizeBytes(): number;
  /** Samples held, raw and compacted. */
  sampleCount(): number;
  ping(): boolean;
  close(): void;
}

/** Store key: where the history replayed into a fresh data dir at its first start ends (epoch ms). */
export const BACKFILL_UNTIL = 'backfill:until';
