import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Executor } from '../../core/ports.js';
import type { ActionId } from '../../core/remediation.js';
import { scriptArgs } from './action-params.js';

export interface ScriptExecutorOptions {
  scripts: Partial<Record<ActionId, string>>;
  cwd: string;
  timeoutMs: number;
}

/**
 * Runs a configured script with a fixed argv and no shell. The argv is built from the target name
 * and typed, validated params only, so nothing typed in chat can reach it.
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
      return new Promise((resolve) => {
        execFile(file, args, { shell: false, timeout: opts.timeoutMs, env, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
          const output = `${stdout}${stderr}`.trim().slice(-4000);
          if (err) resolve({ ok: false, output: `${err.message}${output ? `\n${output}` : ''}`.slice(-4000) });
          else resolve({ ok: true, output });
        });
      });
    },
  };
}
