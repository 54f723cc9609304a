import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Executor, Store } from '../../src/core/ports.js';
import type { ExecutionRequest } from '../../src/core/remediation.js';
import { configSchema } from '../../src/config/schema.js';
import { createRemediationService } from '../../src/pipeline/remediate/remediation-service.js';
import { createScriptExecutor } from '../../src/pipeline/remediate/script-executor.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import { cpuAnomaly } from '../fixtures/anomaly.js';
import { captureLogger, tempDir } from '../helpers/test-config.js';

const ROOT = path.resolve(__dirname, '../..');

const anomaly = cpuAnomaly;

function countingExecutor(delayMs = 20): Executor & { calls: ExecutionRequest[] } {
  const calls: ExecutionRequest[] = [];
  return {
    kind: 'simulate',
    calls,
    async execute(req) {
      calls.push(req);
      await new Promise((r) => setTimeout(r, delayMs));
      return { ok: true, output: `did ${req.action}` };
    },
  };
}

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function setup(mode: 'approval' | 'auto' | 'dry_run', extra: Record<string, unknown> = {}, file = path.join(tempDir(), 'db.sqlite')) {
  const store = createSqliteStore(file);
  stores.push(store);
  const { when, ...rest } = extra;
  const cfg = configSchema.parse({
    remediation: {
      approvalTtlMinutes: 1,
      ...rest,
      rules: [
        {
          name: 'scale',
          when: { metrics: ['cpu'], ...(when as object | undefined) },
          action: 'scale_up',
          params: { by: 1 },
          mode,
          executor: 'simulate',
          cooldownSeconds: 60,
        },
      ],
    },
  }).remediation;
  const exec = countingExecutor();
  const svc = createRemediationService({
    store,
    config: cfg,
    executors: { simulate: exec },
    targets: () => new Map(),
    logger: captureLogger(),
    // Actions finish "now" on this clock, never on the wall clock.
    clock: { now: () => 25_000 },
  });
  return { store, svc, exec, file };
}

describe('remediation service', () => {
  it('walks proposed → approved → running → succeeded, recording who and when', async () => {
    const { store, svc, exec } = setup('approval');
    const [p] = await svc.propose([anomaly('a1')], 10_000);
    expect(p!.state).toBe('proposed');
    const r = await svc.approve(p!.id, 'alice', 20_000);
    expect(r).toMatchObject({ ok: true, proposal: { state: 'succeeded', decidedBy: 'alice', decidedTs: 20_000, result: 'did scale_up' } });
    expect(exec.calls).toHaveLength(1);
    expect(store.proposalEvents(p!.id).map((e) => [e.from, e.to, e.actor, e.ts])).toEqual([
      [null, 'proposed', 'pipeline', 10_000],
      ['proposed', 'approved', 'alice', 20_000],
      ['approved', 'running', 'alice', 20_000],
      ['running', 'succeeded', 'executor:simulate', 25_000],
    ]);
  });

  it('runs an action at most once when approved twice at the same time', async () => {
    const { svc, exec } = setup('approval');
    const [p] = await svc.propose([anomaly('a2')], 10_000);
    const results = await Promise.all([
      svc.approve(p!.id, 'alice', 11_000),
      svc.approve(p!.id, 'bob', 11_000),
      svc.approve(p!.id, 'alice', 11_001),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'already_decided')).toBe(true);
    expect(exec.calls).toHaveLength(1);
  });

  it('deny is final; approve after deny is a no-op with a clear message', async () => {
    const { svc, exec } = setup('approval');
    const [p] = await svc.propose([anomaly('a3')], 10_000);
    expect(svc.deny(p!.id, 'carol', 10_500)).toMatchObject({ ok: true, proposal: { state: 'denied', decidedBy: 'carol' } });
    const again = await svc.approve(p!.id, 'alice', 10_600);
    expect(again).toMatchObject({ ok: false, reason: 'already_decided' });
    expect(!again.ok && again.message).toMatch(/already denied \(by carol\)/);
    expect(exec.calls).toHaveLength(0);
  });

  it('expires after the TTL and refuses a late approval', async () => {
    const { svc, exec } = setup('approval');
    const [p] = await svc.propose([anomaly('a4')], 10_000);
    expect(await svc.approve(p!.id, 'alice', 10_000 + 61_000)).toMatchObject({ ok: false, reason: 'expired' });
    const [q] = await svc.propose([anomaly('a5', 'web-2')], 10_000);
    expect(svc.expire(10_000 + 61_000).map((x) => x.id)).toEqual([q!.id]);
    expect(exec.calls).toHaveLength(0);
  });

  it('refuses self-approval unless config allows it', async () => {
    const { store, svc } = setup('approval');
    const [p] = await svc.propose([anomaly('a6')], 10_000);
    expect(store.getProposal(p!.id)!.requestedBy).toBe('pipeline');
    expect(await svc.approve(p!.id, 'pipeline', 10_001)).toMatchObject({ ok: false, reason: 'self_approval' });
    const allowed = setup('approval', { allowSelfApproval: true });
    const [p2] = await allowed.svc.propose([anomaly('a6')], 10_000);
    expect(await allowed.svc.approve(p2!.id, 'pipeline', 10_001)).toMatchObject({ ok: true });
  });

  it('dry-run and automatic modes run at once; cooldown stops a second proposal', async () => {
    const dry = setup('dry_run');
    const [p] = await dry.svc.propose([anomaly('a7')], 10_000);
    expect(dry.store.getProposal(p!.id)).toMatchObject({ state: 'succeeded', decidedBy: 'policy:dry_run' });
    expect(dry.exec.calls[0]!.dryRun).toBe(true);
    expect(await dry.svc.propose([anomaly('a8')], 20_000)).toHaveLength(0);
    expect(await dry.svc.propose([anomaly('a9')], 10_000 + 61_000)).toHaveLength(1);
    const auto = setup('auto');
    await auto.svc.propose([anomaly('b1')], 10_000);
    expect(auto.exec.calls[0]!.dryRun).toBe(false);
  });

  it('with when.forSeconds, acts only on an anomaly that has lasted that long; a blip gets nothing', async () => {
    const { store, svc, exec } = setup('auto', { when: { forSeconds: 60 } });
    // cpuAnomaly starts at 1 s: a blip that is over by 31 s, and a problem that goes on.
    const blip = anomaly('f1');
    const lasting = { ...anomaly('f2', 'web-2'), key: 'web-2|cpu|threshold' };
    store.upsertAnomaly(blip);
    store.upsertAnomaly(lasting);
    expect(await svc.propose([blip, lasting], 1_000)).toEqual([]);
    expect(await svc.proposeDue(31_000)).toEqual([]);
    store.upsertAnomaly({ ...blip, status: 'resolved', endTs: 31_000, updatedTs: 31_000 });
    // 60 s after it began, the lasting one gets its proposal, runs once, and is not proposed again.
    const [p] = await svc.proposeDue(61_000);
    expect(p).toMatchObject({ anomalyId: 'f2', target: 'web-2', state: 'proposed', createdTs: 61_000 });
    await svc.idle();
    expect(store.getProposal(p!.id)).toMatchObject({ state: 'succeeded', decidedBy: 'policy:auto' });
    expect(await svc.proposeDue(91_000)).toEqual([]);
    expect(exec.calls.map((c) => c.target.name)).toEqual(['web-2']);
    expect(store.listProposals({ limit: 10 }).map((x) => x.anomalyId)).toEqual(['f2']);
  });

  it('withdraws a pending approval once its anomaly resolves; a late approval runs nothing and the problem returning gets a new proposal', async () => {
    const { store, svc, exec } = setup('approval');
    const a = anomaly('w1');
    store.upsertAnomaly(a);
    const [p] = await svc.propose([a], 10_000);
    // Still open: nothing to withdraw.
    expect(svc.withdrawEnded(12_000)).toEqual([]);
    store.upsertAnomaly({ ...a, status: 'resolved', endTs: 14_000, updatedTs: 14_000 });
    const [w] = svc.withdrawEnded(15_000);
    expect(w).toMatchObject({ id: p!.id, state: 'withdrawn', decidedBy: null });
    expect(w!.result).toBe('anomaly w1 resolved at 1970-01-01 00:00:14 UTC before a decision; nothing was run');
    expect(store.proposalEvents(p!.id).at(-1)).toMatchObject({ from: 'proposed', to: 'withdrawn', actor: 'system', ts: 15_000 });
    // A second sweep finds nothing more.
    expect(svc.withdrawEnded(16_000)).toEqual([]);
    const late = await svc.approve(p!.id, 'alice', 16_000);
    expect(late).toMatchObject({ ok: false, reason: 'already_decided', proposal: { state: 'withdrawn' } });
    expect(!late.ok && late.message).toBe(`proposal ${p!.id} was withdrawn: ${w!.result}`);
    expect(svc.deny(p!.id, 'alice', 16_000)).toMatchObject({ ok: false, reason: 'already_decided' });
    expect(exec.calls).toHaveLength(0);
    // Within the rule's 60 s cooldown, but a withdrawn proposal never ran: the recurrence gets its own.
    const again = anomaly('w2');
    store.upsertAnomaly(again);
    const [q] = await svc.propose([again], 20_000);
    expect(q).toMatchObject({ anomalyId: 'w2', state: 'proposed' });
    // A denied one still counts towards the cooldown.
    svc.deny(q!.id, 'alice', 21_000);
    expect(await svc.propose([anomaly('w3')], 22_000)).toHaveLength(0);
  });

  it('an approval that arrives after the anomaly resolved, before the sweep, withdraws instead of running', async () => {
    const { store, svc, exec } = setup('approval');
    const a = anomaly('w4');
    store.upsertAnomaly(a);
    const [p] = await svc.propose([a], 10_000);
    store.upsertAnomaly({ ...a, status: 'resolved', endTs: 11_000, updatedTs: 11_000 });
    const r = await svc.approve(p!.id, 'alice', 12_000);
    expect(r).toMatchObject({ ok: false, reason: 'withdrawn', proposal: { state: 'withdrawn' } });
    expect(!r.ok && r.message).toBe(`proposal ${p!.id} was withdrawn: anomaly w4 resolved at 1970-01-01 00:00:11 UTC`);
    expect(exec.calls).toHaveLength(0);
  });

  it('keeps a proposal approvable after its anomaly resolves when withdrawOnResolve is false', async () => {
    const { store, svc, exec } = setup('approval', { withdrawOnResolve: false });
    const a = anomaly('w5');
    store.upsertAnomaly(a);
    const [p] = await svc.propose([a], 10_000);
    store.upsertAnomaly({ ...a, status: 'resolved', endTs: 11_000, updatedTs: 11_000 });
    expect(svc.withdrawEnded(12_000)).toEqual([]);
    expect(await svc.approve(p!.id, 'alice', 12_000)).toMatchObject({ ok: true, proposal: { state: 'succeeded' } });
    expect(exec.calls).toHaveLength(1);
  });

  it('survives a restart: pending stays pending, an interrupted run is failed and never re-run', async () => {
    const first = setup('approval');
    const [pending] = await first.svc.propose([anomaly('c1')], 10_000);
    const [stuck] = await first.svc.propose([anomaly('c2', 'web-2')], 10_000);
    first.store.transitionProposal(stuck!.id, ['proposed'], {
      proposalId: stuck!.id,
      from: 'proposed',
      to: 'approved',
      actor: 'alice',
      ts: 10_001,
      note: '',
    });
    first.store.transitionProposal(stuck!.id, ['approved'], {
      proposalId: stuck!.id,
      from: 'approved',
      to: 'running',
      actor: 'alice',
      ts: 10_002,
      note: '',
    });
    first.store.close();
    stores.splice(stores.indexOf(first.store), 1);

    const second = setup('approval', {}, first.file);
    second.svc.recover(20_000);
    expect(second.store.getProposal(stuck!.id)).toMatchObject({ state: 'failed', result: 'interrupted by a restart' });
    expect(second.store.getProposal(pending!.id)!.state).toBe('proposed');
    expect(await second.svc.approve(pending!.id, 'alice', 20_001)).toMatchObject({ ok: true, proposal: { state: 'succeeded' } });
    expect(second.exec.calls.map((c) => c.proposalId)).toEqual([pending!.id]);
  });
});

describe('script executor', () => {
  const exec = createScriptExecutor({
    scripts: { restart_service: 'scripts/remediation/restart_service', scale_up: 'scripts/remediation/scale_up' },
    cwd: ROOT,
    timeoutMs: 10_000,
  });

  it('runs the shipped restart_service script with a fixed argv in dry-run', async () => {
    const r = await exec.execute({
      proposalId: 'rp_1',
      action: 'restart_service',
      params: { service: 'nginx' },
      target: { name: 'web-1' },
      dryRun: true,
    });
    expect(r.ok).toBe(true);
    expect(r.output).toContain('would run: ssh');
    expect(r.output).toContain('systemctl restart -- nginx');
  });

  it('runs the shipped scale_up script in dry-run', async () => {
    const r = await exec.execute({
      proposalId: 'rp_2',
      action: 'scale_up',
      params: { by: 2, max: 5 },
      target: { name: 'web-1', autoScalingGroup: 'web-asg' },
      dryRun: true,
    });
    expect(r.ok).toBe(true);
    expect(r.output).toContain('web-asg');
  });

  it('reports a failing script (bad argv) as a failed result, not an exception', async () => {
    const r = await exec.execute({
      proposalId: 'rp_3',
      action: 'restart_service',
      params: { service: '../../etc' },
      target: { name: 'web-1' },
      dryRun: true,
    });
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/invalid service name/);
  });

  /** A notify_only script in a temp dir; it writes the pids it wants checked to files beside it. */
  function scriptExecutor(body: string, timeoutMs: number) {
    const dir = tempDir('sco-script-');
    const file = path.join(dir, 'notify');
    writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    const run = createScriptExecutor({ scripts: { notify_only: file }, cwd: dir, timeoutMs, killGraceMs: 200 });
    const pid = (name: string) => Number(readFileSync(path.join(dir, name), 'utf8'));
    const alive = (p: number) => {
      try {
        process.kill(p, 0);
        return true;
      } catch {
        return false;
      }
    };
    const execute = () => run.execute({ proposalId: 'rp_9', action: 'notify_only', params: {}, target: { name: 'web-1' }, dryRun: false });
    return { dir, pid, alive, execute };
  }

  it('is done when the script exits, even if what it started in the background still holds its output', async () => {
    // A restart script that starts a daemon: the daemon inherits stdout and lives on.
    const s = scriptExecutor(`echo restarted\nsleep 600 &\necho $! > "$(dirname "$0")/daemon.pid"\nexit 0`, 60_000);
    const r = await s.execute();
    expect(r).toEqual({ ok: true, output: 'restarted' });
    const daemon = s.pid('daemon.pid');
    // What the script started is its business: it still runs.
    expect(s.alive(daemon)).toBe(true);
    process.kill(daemon, 'SIGKILL');
  });

  it('kills a script that ignores SIGTERM at the timeout, with its whole process group, and fails the run', async () => {
    const s = scriptExecutor(`trap '' TERM\necho $$ > "$(dirname "$0")/script.pid"\necho ignoring\nwhile true; do sleep 1; done`, 300);
    const r = await s.execute();
    expect(r.ok).toBe(false);
    expect(r.output).toBe('timed out after 0.3 s; killed\nignoring');
    expect(s.alive(s.pid('script.pid'))).toBe(false);
  });

  it('reports the exit code of a failing script', async () => {
    const r = await scriptExecutor('echo "disk not found" >&2\nexit 3', 10_000).execute();
    expect(r).toEqual({ ok: false, output: 'exited with code 3\ndisk not found' });
  });
});
