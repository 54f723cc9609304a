import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Executor } from '../../core/ports.js';
import type { ActionId, ExecutionResult } from '../../core/remediation.js';
import { scriptArgs } from './action-params.js';

export interface ScriptExecutorOptions {
  scripts: Partial<Record<ActionId, string>>;
  cwd: string;
  timeoutMs: number;
  /** After the timeout's SIGTERM, how long the script's process group has before SIGKILL. */
  killGraceMs?: number;
}

const KEEP = 4000;

/**
 * Runs a configured script with a fixed argv and no shell. The argv is built from the target name
 * and typed, validated params only, so nothing typed in chat can reach it.
 *
 * The script runs in its own process group. Its result is its exit, not the end of its output: a
 * restart script that starts a daemon leaves that daemon holding our pipes, and waiting for them to
 * close would keep the proposal "running" until the daemon dies. At the timeout the whole group
 * gets SIGTERM, then SIGKILL, so a script that ignores SIGTERM cannot hold a proposal for ever.
 */
export function createScriptExecutor(opts: ScriptExecutorOptions): Executor {
  return {
    kind: 'script',
    execute(req) {
      const script = opts.scripts[req.action];
      if (!script) return Promise.resolve({ ok: false, output: `no script configured for ${req.action}` });
      const file = path.resolve(opts.cwd, script);
      const args = scriptArgs(req.action, req.target.name, req.params);
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        SCO_PROPOSAL_ID: req.proposalId,
        SCO_INSTANCE_ID: req.target.instanceId ?? '',
        SCO_ASG: req.target.autoScalingGroup ?? '',
        SCO_DRY_RUN: req.dryRun ? '1' : '0',
      };
      return new Promise<ExecutionResult>((resolve) => {
        let output = '';
        const keep = (c: Buffer) => (output = (output + c.toString('utf8')).slice(-KEEP));
        let timedOut = false;
        let settled = false;
        const child = spawn(file, args, { shell: false, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const group = (signal: NodeJS.Signals) => {
          try {
            if (child.pid) process.kill(-child.pid, signal);
          } catch {
            // the group is gone already
          }
        };
        const finish = (r: ExecutionResult) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          clearTimeout(killer);
          resolve({ ok: r.ok, output: r.output.trim().slice(-KEEP) });
        };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        let killer: NodeJS.Timeout | undefined;
        const timer = setTimeout(() => {
          timedOut = true;
          group('SIGTERM');
          killer = setTimeout(() => group('SIGKILL'), opts.killGraceMs ?? 5000);
        }, opts.timeoutMs);
        child.on('error', (err) => finish({ ok: false, output: `${err.message}\n${output}` }));
        child.on('exit', (code, signal) => {
          // Output written just before the exit may still be in the pipe; then whatever the script
          // left running in the background keeps its own copy of the pipe, and we stop reading.
          setTimeout(() => {
            child.stdout.destroy();
            child.stderr.destroy();
            if (timedOut) finish({ ok: false, output: `timed out after ${opts.timeoutMs / 1000} s; killed\n${output}` });
            else if (code === 0) finish({ ok: true, output });
            else finish({ ok: false, output: `exited with ${signal ? `signal ${signal}` : `code ${code}`}\n${output}` });
          }, 100);
        });
      });
    },
  };
}
