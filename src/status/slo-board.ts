import type { Store } from '../core/ports.js';
import { BURN_WINDOWS, type Slo, type SloReport } from '../core/slo-report.js';
import { createSloTracker, type SloTracker } from '../core/slo-tracker.js';

/** One SLO as /status and `smartcloudops status --json` show it. */
export interface SloStatus {
  name: string;
  metric: string;
  objective: number;
  windowDays: number;
  verdict: SloReport['verdict'];
  good: number;
  bad: number;
  /** Good share of the samples kept of the window; null with none. */
  goodRatio: number | null;
  /** Share of the error budget spent (1 = all of it). */
  errorBudgetSpent: number;
  /** Burn rate over each short window ("1h", "6h"); null with no samples there. */
  burnRate: Record<string, number | null>;
  /** The first sample judged: later than the window's start when less is kept. */
  since: string | null;
}

/** A report as the status document's entry. Pure. */
export function sloStatusOf(slo: Slo, r: SloReport): SloStatus {
  const total = r.good + r.bad;
  return {
    name: slo.name,
    metric: slo.metric,
    objective: slo.objective,
    windowDays: slo.windowDays,
    verdict: r.verdict,
    good: r.good,
    bad: r.bad,
    goodRatio: total ? r.good / total : null,
    errorBudgetSpent: r.spent,
    burnRate: Object.fromEntries(BURN_WINDOWS.map((w, k) => [`${w.hours}h`, r.burn[k] ?? null])),
    since: r.firstTs === undefined ? null : new Date(r.firstTs).toISOString(),
  };
}

export interface SloBoardOptions {
  store: Pick<Store, 'series'>;
  slos: readonly Slo[];
  targets: () => readonly { name: string; role?: string | null }[];
  now: () => number;
  /** Reports are shared by /metrics and /status for this long (60 s): each reads the last hours again. */
  everyMs?: number;
}

/**
 * The SLOs of config, with one tracker for chat, /metrics and /status, so a window is counted once
 * per process rather than once per reader. start() counts the windows in the background a day at a
 * time, yielding between days, so the first question or scrape after a start reads a few hours, not
 * every sample of a 30-day window in one block of the event loop.
 */
export function createSloBoard(o: SloBoardOptions) {
  const everyMs = o.everyMs ?? 60_000;
  const tracker: SloTracker = createSloTracker({ store: o.store, targets: o.targets });
  let last: { at: number; reports: [Slo, SloReport][] } | undefined;
  let stopped = false;
  let warming: Promise<void> | undefined;

  function reports(): [Slo, SloReport][] {
    const now = o.now();
    if (!last || now - last.at >= everyMs) last = { at: now, reports: o.slos.map((slo) => [slo, tracker.report(slo, now)]) };
    return last.reports;
  }

  return {
    slos: o.slos,
    tracker,
    reports,
    status: (): SloStatus[] => reports().map(([slo, r]) => sloStatusOf(slo, r)),
    /** Starts counting the windows in the background; resolves (via `warmed`) when done or stopped. */
    start() {
      stopped = false;
      // A count that fails (the store closed under it) costs nothing but speed: the next report reads what is missing.
      warming ??= tracker
        .warm(o.slos, o.now, () => stopped)
        .catch(() => undefined)
        .finally(() => (warming = undefined));
    },
    /** The background count, when one runs: for tests and stop(). */
    warmed: (): Promise<void> => warming ?? Promise.resolve(),
    async stop() {
      stopped = true;
      await warming;
    },
  };
}

export type SloBoard = ReturnType<typeof createSloBoard>;
