import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/ports.js';

export interface SchedulerOptions {
  expression: string;
  timezone?: string;
  logger: Logger;
  run: () => Promise<void>;
  onSkip?: () => void;
}

/**
 * Cron-driven, never overlapping: a tick that fires while the previous one runs is skipped and
 * counted. stop() stops the timer and waits for a tick in progress.
 */
export function createScheduler(opts: SchedulerOptions) {
  let task: ScheduledTask | undefined;
  let running: Promise<void> | undefined;

  const fire = async (): Promise<void> => {
    if (running) {
      opts.onSkip?.();
      opts.logger.warn({}, 'tick skipped: previous tick still running');
      return;
    }
    running = opts.run().catch((err: unknown) => opts.logger.error({ err }, 'tick failed'));
    try {
      await running;
    } finally {
      running = undefined;
    }
  };

  return {
    start(): void {
      if (task) return;
      task = cron.schedule(expression(opts.expression), () => void fire(), { timezone: opts.timezone, name: 'pipeline' });
    },
    /** Runs a tick now (used at boot and by tests), respecting the no-overlap rule. */
    trigger: fire,
    async stop(): Promise<void> {
      await task?.stop();
      task = undefined;
      await running;
    },
    /** When the schedule fires next; null before start() or after stop(). */
    nextRunTs(): number | null {
      return task?.getNextRun()?.getTime() ?? null;
    },
    get busy(): boolean {
      return running !== undefined;
    },
  };
}

const expression = (e: string) => e.trim();

/** Tick spacing for backfill steps: from "*\/N * * * * *" or "*\/N * * * *", else one minute. */
export function intervalMsOf(expr: string): number {
  const f = expr.trim().split(/\s+/);
  const step = (field: string | undefined) => {
    const m = /^\*\/(\d+)$/.exec(field ?? '');
    return m ? Number(m[1]) : field === '*' ? 1 : undefined;
  };
  if (f.length === 6) {
    const s = step(f[0]);
    if (s !== undefined && f.slice(1).every((x) => x === '*')) return s * 1000;
    if (f[0] === '0' || /^\d+$/.test(f[0]!)) return (step(f[1]) ?? 1) * 60_000;
  }
  if (f.length === 5) return (step(f[0]) ?? 1) * 60_000;
  return 60_000;
}
