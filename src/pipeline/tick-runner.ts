import { errorReason } from '../core/errors.js';
import type { Clock, Logger } from '../core/ports.js';
import type { Metrics } from '../observability/metrics.js';
import type { SourceRead, TickSummary } from './pipeline.js';

/** One tick as the chat answers see it: what it read and found, or why it did not run or finished. */
export interface TickEntry {
  ts: number;
  outcome: 'ok' | 'failed' | 'skipped';
  durationMs?: number;
  samples?: number;
  rejected?: number;
  opened?: number;
  resolved?: number;
  proposals?: number;
  openAnomalies?: number;
  sources?: SourceRead[];
  /** The error a failed tick threw. */
  error?: string;
}

export interface TickRunnerOptions {
  pipeline: { tick(): Promise<TickSummary> };
  metrics: Pick<Metrics, 'tickDuration' | 'ticks' | 'lastTick' | 'pendingProposals'>;
  clock: Clock;
  logger: Logger;
  /** Runs after each good tick (retention, model saves). */
  after: (now: number) => void;
  pendingProposals: () => number;
  /** How many ticks the log keeps; the oldest go first. */
  keep?: number;
}

/**
 * Runs ticks for the scheduler and keeps a short log of them in memory (the last `keep`, 240 by
 * default: two hours at 30 s) for "what did the last tick find?", "any failed ticks?" and "are the
 * sources ok?". Memory only: a restart starts the log afresh, and the answers say since when.
 */
export function createTickRunner(o: TickRunnerOptions) {
  const keep = o.keep ?? 240;
  const log: TickEntry[] = [];
  let lastTickTs: number | null = null;
  let lastMs: number | null = null;
  let skipped = 0;
  const push = (e: TickEntry) => {
    log.push(e);
    if (log.length > keep) log.splice(0, log.length - keep);
  };

  return {
    async run(): Promise<TickSummary> {
      const started = o.clock.now();
      const end = o.metrics.tickDuration.startTimer();
      try {
        const summary = await o.pipeline.tick();
        o.metrics.ticks.inc({ outcome: 'ok' });
        lastTickTs = o.clock.now();
        o.metrics.lastTick.set(lastTickTs / 1000);
        o.metrics.pendingProposals.set(o.pendingProposals());
        o.after(lastTickTs);
        o.logger.info({ tick: { ...summary, gaps: summary.gaps.length, sources: undefined } }, 'tick');
        if (summary.gaps.length) o.logger.warn({ gaps: summary.gaps.slice(0, 10) }, `${summary.gaps.length} source gaps`);
        lastMs = end() * 1000;
        const { ts, samples, rejected, opened, resolved, proposals, openAnomalies, sources } = summary;
        push({ ts, outcome: 'ok', durationMs: lastMs, samples, rejected, opened, resolved, proposals, openAnomalies, sources });
        return summary;
      } catch (err) {
        o.metrics.ticks.inc({ outcome: 'error' });
        lastMs = end() * 1000;
        push({ ts: started, outcome: 'failed', durationMs: lastMs, error: errorReason(err) });
        throw err;
      }
    },
    /** The scheduler fired while a tick still ran. */
    skipped(): void {
      skipped++;
      push({ ts: o.clock.now(), outcome: 'skipped' });
    },
    lastTickTs: () => lastTickTs,
    /** For the about facts: the last good tick, how long the last took, skips since the start, and the log (oldest first). */
    facts: () => ({ lastTickTs, lastTickMs: lastMs, skippedTicks: skipped, ticks: [...log] }),
  };
}
