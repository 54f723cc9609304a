import type { Anomaly } from '../../core/anomaly.js';
import type { Clock, Executor, Logger, Store } from '../../core/ports.js';
import type { ExecutorKind, Proposal, ProposalEvent, ProposalState } from '../../core/remediation.js';
import type { Target } from '../../core/target.js';
import type { FileConfig } from '../../config/schema.js';
import { stamp } from '../../core/stamp.js';
import { planRemediation, ruleMatches } from './plan-remediation.js';

export type DecisionOutcome =
  | { ok: true; proposal: Proposal }
  | {
      ok: false;
      reason: 'not_found' | 'already_decided' | 'expired' | 'withdrawn' | 'self_approval';
      proposal?: Proposal;
      message: string;
    };

export interface RemediationServiceOptions {
  store: Store;
  config: FileConfig['remediation'];
  executors: Partial<Record<ExecutorKind, Executor>>;
  targets: () => Map<string, Target>;
  logger: Logger;
  /** When an action finishes (decisions and ticks pass their own time). */
  clock: Clock;
  onTransition?: (p: Proposal, e: ProposalEvent) => void;
}

/**
 * Proposals as a persisted state machine:
 * proposed → approved | denied | expired → running → succeeded | failed.
 * Every move is a compare-and-set in the store, so an action runs at most once even when two
 * approvals race or a restart happens mid-flight.
 */
export function createRemediationService(opts: RemediationServiceOptions) {
  const { store, logger } = opts;
  const inflight = new Set<Promise<unknown>>();

  function move(id: string, from: ProposalState[], to: ProposalState, actor: string, ts: number, note: string, patch?: Partial<Proposal>) {
    const cur = store.getProposal(id);
    const e: ProposalEvent = { proposalId: id, from: cur?.state ?? null, to, actor, ts, note };
    const p = store.transitionProposal(id, from, e, patch);
    if (p) opts.onTransition?.(p, e);
    return p;
  }

  /** Why a pending proposal should no longer be decided: its anomaly has resolved. */
  function endedAnomaly(p: Proposal): string | undefined {
    if (!opts.config.withdrawOnResolve || p.state !== 'proposed') return undefined;
    // An anomaly that is not stored (never, in the pipeline) is left to the TTL rather than guessed at.
    const a = p.anomalyId ? store.getAnomaly(p.anomalyId) : undefined;
    if (!a || a.status === 'open') return undefined;
    return `anomaly ${a.id} resolved at ${stamp(a.endTs ?? a.updatedTs)}`;
  }

  function withdraw(p: Proposal, why: string, now: number): Proposal | undefined {
    return move(p.id, ['proposed'], 'withdrawn', 'system', now, why, { result: `${why} before a decision; nothing was run` });
  }

  function alreadyDecided(id: string): DecisionOutcome {
    const p = store.getProposal(id)!;
    const message =
      p.state === 'withdrawn'
        ? `proposal ${id} was withdrawn: ${p.result ?? 'its anomaly ended'}`
        : `proposal ${id} is already ${p.state}${p.decidedBy ? ` (by ${p.decidedBy})` : ''}`;
    return { ok: false, reason: 'already_decided', proposal: p, message };
  }

  async function execute(p: Proposal, actor: string, now: number): Promise<Proposal> {
    const running = move(p.id, ['approved'], 'running', actor, now, `executor ${p.executor}${p.mode === 'dry_run' ? ' (dry run)' : ''}`);
    if (!running) return store.getProposal(p.id) ?? p;
    const executor = opts.executors[p.executor];
    const t = opts.targets().get(p.target);
    let ok = false;
    let output: string;
    if (!executor) output = `executor ${p.executor} is not configured`;
    else {
      try {
        const r = await executor.execute({
          proposalId: p.id,
          action: p.action,
          params: p.params,
          target: { name: p.target, instanceId: t?.instanceId, autoScalingGroup: t?.autoScalingGroup, region: t?.region },
          dryRun: p.mode === 'dry_run',
        });
        ok = r.ok;
        output = r.output;
      } catch (err) {
        output = `executor threw: ${(err as Error).message}`;
      }
    }
    const done = move(p.id, ['running'], ok ? 'succeeded' : 'failed', `executor:${p.executor}`, opts.clock.now(), output.slice(0, 500), {
      result: output,
    });
    logger.info({ proposal: p.id, action: p.action, ok }, 'remediation finished');
    return done ?? store.getProposal(p.id)!;
  }

  /** A new proposal: recorded, announced, and run at once unless it waits for approval. */
  async function open(p: Proposal, actor: string, note: string, now: number): Promise<void> {
    const e: ProposalEvent = { proposalId: p.id, from: null, to: 'proposed', actor, ts: now, note };
    store.insertProposal(p, e);
    opts.onTransition?.(p, e);
    if (p.mode === 'approval') return;
    const approved = move(p.id, ['proposed'], 'approved', `policy:${p.mode}`, now, `mode ${p.mode}`, {
      decidedBy: `policy:${p.mode}`,
      decidedTs: now,
    });
    if (approved) await track(execute(approved, `policy:${p.mode}`, now));
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    inflight.add(promise);
    void promise.finally(() => inflight.delete(promise));
    return promise;
  }

  const service = {
    /** New anomalies → at most one proposal each; dry-run and automatic ones run right away. */
    async propose(anomalies: Anomaly[], now: number, o: { quiet?: boolean } = {}): Promise<Proposal[]> {
      const out: Proposal[] = [];
      for (const a of anomalies) {
        const plan = planRemediation(a, opts.config.rules, {
          now,
          ttlMs: opts.config.approvalTtlMinutes * 60_000,
          lastProposalTs: (t, action) => store.lastProposalTs(t, action),
        });
        if (!plan) continue;
        if (plan.kind !== 'proposal') {
          // The tick's re-check of waiting anomalies would repeat this line every 30 s.
          if (plan.kind === 'pending' || o.quiet) logger.debug({ anomaly: a.id, ...plan }, `no proposal yet: ${plan.kind}`);
          else logger.info({ anomaly: a.id, ...plan }, `no proposal: ${plan.kind}`);
          continue;
        }
        const p = plan.proposal;
        if (store.getProposal(p.id)) continue;
        await open(p, 'pipeline', plan.rule, now);
        out.push(p);
      }
      return out;
    },

    /**
     * A proposal asked for in chat (plan-request.ts): recorded with its requester as the actor, and
     * run at once only as a dry run; anything else waits for an approver.
     */
    async submit(p: Proposal, rule: string, now: number): Promise<Proposal> {
      if (store.getProposal(p.id)) return store.getProposal(p.id)!;
      await open(p, p.requestedBy, `requested in chat; rule ${rule}`, now);
      return store.getProposal(p.id)!;
    },

    /** The requester takes back a request nobody has decided: withdrawn, and nothing runs. */
    cancel(id: string, actor: string, now = opts.clock.now()): DecisionOutcome {
      const cur = store.getProposal(id);
      if (!cur) return { ok: false, reason: 'not_found', message: `no proposal ${id}` };
      const done = move(id, ['proposed'], 'withdrawn', actor, now, 'cancelled by its requester', {
        decidedBy: actor,
        decidedTs: now,
        result: `cancelled by ${actor} before a decision; nothing was run`,
      });
      return done ? { ok: true, proposal: done } : alreadyDecided(id);
    },

    /**
     * Open anomalies whose rule waits for them to last (`when.forSeconds`), re-checked each tick
     * until they get their proposal or end; while its rule's cooldown holds, a still-open one waits.
     */
    async proposeDue(now: number): Promise<Proposal[]> {
      if (!opts.config.rules.some((r) => r.when.forSeconds > 0)) return [];
      const waiting = store.openAnomalies().filter((a) => {
        const rule = opts.config.rules.find((r) => ruleMatches(r, a));
        return rule !== undefined && rule.when.forSeconds > 0;
      });
      return service.propose(waiting, now, { quiet: true });
    },

    async approve(id: string, actor: string, now = opts.clock.now()): Promise<DecisionOutcome> {
      const cur = store.getProposal(id);
      if (!cur) return { ok: false, reason: 'not_found', message: `no proposal ${id}` };
      if (cur.state === 'proposed' && now > cur.expiresTs) {
        move(id, ['proposed'], 'expired', 'system', now, 'approval TTL passed');
        return { ok: false, reason: 'expired', proposal: store.getProposal(id), message: `proposal ${id} expired` };
      }
      const ended = endedAnomaly(cur);
      if (ended) {
        withdraw(cur, ended, now);
        return { ok: false, reason: 'withdrawn', proposal: store.getProposal(id), message: `proposal ${id} was withdrawn: ${ended}` };
      }
      if (cur.state === 'proposed' && cur.requestedBy === actor && !opts.config.allowSelfApproval) {
        return { ok: false, reason: 'self_approval', proposal: cur, message: 'you requested this action and may not approve it yourself' };
      }
      const approved = move(id, ['proposed'], 'approved', actor, now, 'approved', { decidedBy: actor, decidedTs: now });
      if (!approved) return alreadyDecided(id);
      return { ok: true, proposal: await track(execute(approved, actor, now)) };
    },

    deny(id: string, actor: string, now = opts.clock.now()): DecisionOutcome {
      const cur = store.getProposal(id);
      if (!cur) return { ok: false, reason: 'not_found', message: `no proposal ${id}` };
      const denied = move(id, ['proposed'], 'denied', actor, now, 'denied', { decidedBy: actor, decidedTs: now });
      if (!denied) return alreadyDecided(id);
      return { ok: true, proposal: denied };
    },

    expire(now: number): Proposal[] {
      const out: Proposal[] = [];
      for (const p of store.listProposals({ states: ['proposed'], limit: 1000 })) {
        if (now > p.expiresTs) {
          const e = move(p.id, ['proposed'], 'expired', 'system', now, 'approval TTL passed');
          if (e) out.push(e);
        }
      }
      return out;
    },

    /**
     * An approval asked for a problem that is over would act on a host that has recovered (a restart
     * for a spike that has passed): withdrawn once its anomaly resolves, unless config keeps it.
     */
    withdrawEnded(now: number): Proposal[] {
      const out: Proposal[] = [];
      for (const p of store.listProposals({ states: ['proposed'], limit: 1000 })) {
        const ended = endedAnomaly(p);
        const w = ended ? withdraw(p, ended, now) : undefined;
        if (w) out.push(w);
      }
      return out;
    },

    /** After a crash, a proposal left "running" may or may not have run: never run it again. */
    recover(now: number): void {
      for (const p of store.listProposals({ states: ['running'], limit: 1000 })) {
        move(p.id, ['running'], 'failed', 'system', now, 'interrupted by a restart; not retried', { result: 'interrupted by a restart' });
      }
      for (const p of store.listProposals({ states: ['approved'], limit: 1000 })) void track(execute(p, 'system', now));
    },

    async idle(): Promise<void> {
      await Promise.allSettled([...inflight]);
    },
  };
  return service;
}

export type RemediationService = ReturnType<typeof createRemediationService>;
