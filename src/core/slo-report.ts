/** An SLO as config slos validates it (config/slo-schema.ts): exactly one bound, objective in percent. */
export interface Slo {
  name: string;
  metric: string;
  targets?: string[] | undefined;
  role?: string | undefined;
  goodBelow?: number | undefined;
  goodAbove?: number | undefined;
  objective: number;
  windowDays: number;
}

const HOUR = 3_600_000;

/** The short windows burn rates are read over, with the rate that usually pages for each (the SRE workbook's multiwindow alerts). */
export const BURN_WINDOWS = [
  { hours: 1, pages: 14.4 },
  { hours: 6, pages: 6 },
] as const;

export interface SloReport {
  good: number;
  bad: number;
  /** The first sample in the window: where the figures start when less than the window is kept. */
  firstTs?: number;
  /** Bad samples by target, most first. */
  badBy: [string, number][];
  /** Of the error budget the samples seen allow, the share spent (1 = all; above 1 = overspent). */
  spent: number;
  /** Bad share over each of BURN_WINDOWS, as a multiple of the share the objective allows; undefined with no samples there. */
  burn: (number | undefined)[];
  verdict: 'met' | 'at_risk' | 'breached' | 'no_data';
}

export const isGood = (slo: Slo, value: number) => (slo.goodBelow !== undefined ? value < slo.goodBelow : value > slo.goodAbove!);

/** Good and bad samples counted over a stretch of an SLO's window (slo-tracker.ts keeps them by hour). */
export interface SloCounts {
  good: number;
  bad: number;
  firstTs?: number;
  badBy: Map<string, number>;
}

export const noCounts = (): SloCounts => ({ good: 0, bad: 0, badBy: new Map() });

/** Adds each target's samples in [from, until) to `into`, or to the counts it gives for a sample's time. Pure but for those. */
export function countInto(
  slo: Slo,
  series: Map<string, { ts: number; value: number }[]>,
  from: number,
  until: number,
  into: SloCounts | ((ts: number) => SloCounts),
): void {
  const at = typeof into === 'function' ? into : () => into;
  for (const [target, samples] of series)
    for (const s of samples) {
      if (s.ts < from || s.ts >= until || !Number.isFinite(s.value)) continue;
      const c = at(s.ts);
      c.firstTs = c.firstTs === undefined ? s.ts : Math.min(c.firstTs, s.ts);
      if (isGood(slo, s.value)) c.good++;
      else {
        c.bad++;
        c.badBy.set(target, (c.badBy.get(target) ?? 0) + 1);
      }
    }
}

/**
 * One SLO over its window, from each target's samples (oldest first). A sample is good or bad by
 * the bound; the budget is the bad share the objective allows of the samples seen, so a window
 * kept only in part is judged on the part kept. At risk: within the objective, but burning at a
 * paging rate over a short window. `earlier`: what was counted before the samples given (from
 * `from`, the start of the window when absent); the samples must cover the burn windows. Pure.
 */
export function sloReport(
  slo: Slo,
  series: Map<string, { ts: number; value: number }[]>,
  now: number,
  earlier?: { counts: SloCounts; until: number },
): SloReport {
  const from = earlier ? earlier.until : now - slo.windowDays * 24 * HOUR;
  const allowed = (100 - slo.objective) / 100;
  let good = earlier?.counts.good ?? 0;
  let bad = earlier?.counts.bad ?? 0;
  let firstTs: number | undefined = earlier?.counts.firstTs;
  const badBy = new Map<string, number>(earlier?.counts.badBy);
  const recent = BURN_WINDOWS.map(() => ({ n: 0, bad: 0 }));
  for (const [target, samples] of series)
    for (const s of samples) {
      if (s.ts < from || s.ts > now || !Number.isFinite(s.value)) continue;
      firstTs = firstTs === undefined ? s.ts : Math.min(firstTs, s.ts);
      const ok = isGood(slo, s.value);
      if (ok) good++;
      else {
        bad++;
        badBy.set(target, (badBy.get(target) ?? 0) + 1);
      }
      BURN_WINDOWS.forEach((w, k) => {
        if (s.ts > now - w.hours * HOUR) {
          recent[k]!.n++;
          if (!ok) recent[k]!.bad++;
        }
      });
    }
  const total = good + bad;
  const spent = total ? bad / (allowed * total) : 0;
  const burn = recent.map((r) => (r.n ? r.bad / r.n / allowed : undefined));
  const paging = burn.some((b, k) => b !== undefined && b >= BURN_WINDOWS[k]!.pages);
  return {
    good,
    bad,
    ...(firstTs !== undefined ? { firstTs } : {}),
    badBy: [...badBy].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    spent,
    burn,
    verdict: total === 0 ? 'no_data' : spent > 1 ? 'breached' : paging ? 'at_risk' : 'met',
  };
}

/**
 * How long the budget left lasts at `burn` (a multiple of the allowed rate): at 1× a whole budget
 * lasts the window. Undefined when nothing is left or nothing burns. Pure.
 */
export function budgetLastsMs(slo: Slo, spent: number, burn: number | undefined): number | undefined {
  if (!burn || burn <= 0 || spent >= 1) return undefined;
  return ((1 - spent) * slo.windowDays * 24 * HOUR) / burn;
}

/** The targets an SLO covers: those it names, else those of its role, else every target. */
export function sloTargets(slo: Slo, targets: readonly { name: string; role?: string | null }[]): string[] {
  if (slo.targets) return slo.targets;
  return targets.filter((t) => !slo.role || t.role === slo.role).map((t) => t.name);
}
