import type { Store } from './ports.js';
import { BURN_WINDOWS, countInto, noCounts, sloReport, sloTargets, type Slo, type SloCounts, type SloReport } from './slo-report.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// The samples read afresh on each report: the longest burn window and the hour under way (and the
// part of an hour the window starts in).
const LIVE_HOURS = Math.max(...BURN_WINDOWS.map((w) => w.hours)) + 1;

interface Kept {
  /** The SLO and the targets it covered when counted: a change starts the count again. */
  signature: string;
  /** Counts per whole hour (its start) before the live part. */
  hours: Map<number, SloCounts>;
}

/**
 * SLO reports without reading a 30-day window each time: whole hours older than the burn windows
 * are counted once and kept (a few numbers per hour and SLO), and only the last hours are read
 * again. Reading 30 days of 10 targets takes most of a second; a report after the first reads
 * about 7 h. A sample that arrives for an hour already counted (a late backfill) is not added.
 * Narrowed to some targets ("error budget on api-1"), a report reads them afresh.
 */
export function createSloTracker(o: { store: Pick<Store, 'series'>; targets: () => readonly { name: string; role?: string | null }[] }) {
  const kept = new Map<string, Kept>();

  /** What is kept for the SLO over its window at `now`, started afresh when the SLO or its targets changed. */
  function entry(slo: Slo, now: number) {
    const on = sloTargets(slo, o.targets());
    const windowFrom = now - slo.windowDays * 24 * HOUR;
    const liveFrom = Math.floor(now / HOUR) * HOUR - (LIVE_HOURS - 1) * HOUR;
    const firstHour = Math.ceil(windowFrom / HOUR) * HOUR;
    const signature = JSON.stringify([slo, on]);
    let k = kept.get(slo.name);
    if (!k || k.signature !== signature) kept.set(slo.name, (k = { signature, hours: new Map() }));
    for (const h of k.hours.keys()) if (h < firstHour) k.hours.delete(h);
    return { on, windowFrom, liveFrom, firstHour, k };
  }

  // The hours in [from, until) not yet counted, read in one stretch per run of them and target. An
  // hour with no sample is not kept: the first start's backfill may fill it after a report.
  function fill(slo: Slo, k: Kept, on: readonly string[], from: number, until: number): void {
    for (const run of missingRuns(k.hours, from, until)) {
      const series = new Map(on.map((t) => [t, o.store.series(t, slo.metric, run.from, run.until - 1)]));
      for (const [h, c] of countByHour(slo, series, run.from, run.until)) k.hours.set(h, c);
    }
  }

  function report(slo: Slo, now: number, only?: readonly string[]): SloReport {
    if (only) {
      const on = sloTargets(slo, o.targets()).filter((t) => only.includes(t));
      const from = now - slo.windowDays * 24 * HOUR;
      return sloReport(slo, new Map(on.map((t) => [t, o.store.series(t, slo.metric, from, now)])), now);
    }
    const { on, windowFrom, liveFrom, firstHour, k } = entry(slo, now);
    fill(slo, k, on, firstHour, liveFrom);
    // The part of an hour the window starts in, read afresh so the window is exact.
    const head = new Map(on.map((t) => [t, firstHour > windowFrom ? o.store.series(t, slo.metric, windowFrom, firstHour - 1) : []]));
    const earlier = noCounts();
    countInto(slo, head, windowFrom, firstHour, earlier);
    for (const [h, c] of k.hours) {
      if (h < firstHour || h >= liveFrom) continue;
      earlier.good += c.good;
      earlier.bad += c.bad;
      if (c.firstTs !== undefined) earlier.firstTs = earlier.firstTs === undefined ? c.firstTs : Math.min(earlier.firstTs, c.firstTs);
      for (const [t, n] of c.badBy) earlier.badBy.set(t, (earlier.badBy.get(t) ?? 0) + n);
    }
    const from = Math.max(liveFrom, firstHour);
    const live = new Map(on.map((t) => [t, o.store.series(t, slo.metric, from, now)]));
    return sloReport(slo, live, now, { counts: earlier, until: from });
  }

  /**
   * Counts each SLO's whole hours a day at a time, waiting on `pause` (the next turn of the event
   * loop) between days, so a report after it reads only the live hours. Stops early when `stopped`.
   */
  async function warm(
    slos: readonly Slo[],
    now: () => number,
    stopped: () => boolean = () => false,
    pause: () => Promise<void> = () => new Promise((r) => setImmediate(r)),
  ): Promise<void> {
    for (const slo of slos) {
      const { on, liveFrom, firstHour, k } = entry(slo, now());
      for (let from = firstHour; from < liveFrom; from += DAY) {
        if (stopped()) return;
        fill(slo, k, on, from, Math.min(from + DAY, liveFrom));
        await pause();
      }
    }
  }

  return { report, warm };
}

/** Each whole hour's counts in [from, until), in one pass over the samples; hours with none are absent. */
function countByHour(slo: Slo, series: Map<string, { ts: number; value: number }[]>, from: number, until: number): Map<number, SloCounts> {
  const out = new Map<number, SloCounts>();
  countInto(slo, series, from, until, (ts) => {
    const h = Math.floor(ts / HOUR) * HOUR;
    let c = out.get(h);
    if (!c) out.set(h, (c = noCounts()));
    return c;
  });
  return out;
}

/** The stretches of whole hours in [from, until) that `hours` does not hold. */
function missingRuns(hours: ReadonlyMap<number, unknown>, from: number, until: number): { from: number; until: number }[] {
  const runs: { from: number; until: number }[] = [];
  for (let h = from; h < until; h += HOUR) {
    if (hours.has(h)) continue;
    const last = runs.at(-1);
    if (last && last.until === h) last.until = h + HOUR;
    else runs.push({ from: h, until: h + HOUR });
  }
  return runs;
}

export type SloTracker = ReturnType<typeof createSloTracker>;
