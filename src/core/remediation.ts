export const ACTIONS = ['restart_service', 'scale_up', 'cleanup_disk', 'notify_only'] as const;
export type ActionId = (typeof ACTIONS)[number];

export type RemediationMode = 'dry_run' | 'approval' | 'auto';
export type ExecutorKind = 'simulate' | 'script' | 'aws';

export type ProposalState = 'proposed' | 'approved' | 'denied' | 'expired' | 'withdrawn' | 'running' | 'succeeded' | 'failed';

export const TERMINAL_STATES: readonly ProposalState[] = ['denied', 'expired', 'withdrawn', 'succeeded', 'failed'];

/** Typed parameters per action; nothing here ever comes from chat text. */
export interface ActionParams {
  restart_service: { service: string };
  scale_up: { by: number; max: number };
  cleanup_disk: { paths: string[]; olderThanDays: number };
  notify_only: Record<string, never>;
}

export interface Proposal {
  id: string;
  anomalyId: string;
  anomalyKey: string;
  target: string;
  action: ActionId;
  params: Record<string, unknown>;
  mode: RemediationMode;
  executor: ExecutorKind;
  state: ProposalState;
  reason: string;
  createdTs: number;
  updatedTs: number;
  expiresTs: number;
  requestedBy: string;
  decidedBy: string | null;
  decidedTs: number | null;
  result: string | null;
}

export interface ProposalEvent {
  proposalId: string;
  from: ProposalState | null;
  to: ProposalState;
  actor: string;
  ts: number;
  note: string;
}

export interface ExecutionRequest {
  proposalId: string;
  action: ActionId;
  params: Record<string, unknown>;
  target: { name: string; instanceId?: string; autoScalingGroup?: string; region?: string };
  dryRun: boolean;
}

export interface ExecutionResult {
  ok: boolean;
  output: string;
}
