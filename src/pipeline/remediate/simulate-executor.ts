import type { Executor } from '../../core/ports.js';

/** Records what would happen; the executor of dry-run mode and of the demo. */
export function createSimulateExecutor(): Executor {
  return {
    kind: 'simulate',
    async execute(req) {
      return { ok: true, output: `simulated ${req.action} on ${req.target.name} with ${JSON.stringify(req.params)}` };
    },
  };
}
