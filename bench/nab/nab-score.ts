/**
 * Our implementation of NAB scoring (../shared/datasets/nab/SCORING.md): probationary period,
 * scaled-sigmoid credit per row, one threshold per profile optimised over the whole file set,
 * normalisation between the null and the perfect detector; plus the event-level precision, recall
 * and F1 defined in that folder's README. Pure.
 */

export interface Profile {
  tp: number;
  fp: number;
  fn: number;
}

export const PROFILES: Record<'standard' | 'reward_low_FP_rate' | 'reward_low_FN_rate', Profile> = {
  standard: { tp: 1, fp: 0.11, fn: 1 },
  reward_low_FP_rate: { tp: 1, fp: 0.22, fn: 1 },
  reward_low_FN_rate: { tp: 1, fp: 0.11, fn: 2 },
};

export function sigma(y: number): number {
  return y > 3 ? -1 : 2 / (1 + Math.exp(5 * y)) - 1;
}

/** A file's rows and its anomaly windows as inclusive row ranges. */
export interface LabelledFile {
  key: string;
  rows: number;
  windows: [number, number][];
}

export const probation = (n: number) => Math.min(Math.floor(0.15 * n), 0.15 * 5000);

/** Maps each window's [start, end] timestamps to row indices; both ends must be rows of the file. */
export function windowRows(timestamps: string[], windows: [string, string][]): [number, number][] {
  const norm = (t: string) => t.replace('T', ' ').replace(/(\.\d+)?Z?$/, '');
  const index = new Map(timestamps.map((t, i) => [norm(t), i]));
  return windows.map(([a, b]) => {
    const l = index.get(norm(a));
    const r = index.get(norm(b));
    if (l === undefined || r === undefined) throw new Error(`window ${a} – ${b} is not on rows of the file`);
    return [l, r];
  });
}

/** Credit each scorable row would earn if it were a detection, and which window it is in (-1: none). */
export function rowCredits(f: LabelledFile, p: Profile): { start: number; credit: Float64Array; window: Int32Array } {
  const start = probation(f.rows);
  const credit = new Float64Array(f.rows);
  const window = new Int32Array(f.rows).fill(-1);
  const sorted = [...f.windows].sort((a, b) => a[0] - b[0]);
  let prev = -1; // index into sorted of the most recent window that has ended
  let w = 0;
  for (let i = 0; i < f.rows; i++) {
    while (w < sorted.length && sorted[w]![1] < i) {
      prev = w;
      w++;
    }
    const cur = sorted[w];
    if (cur && i >= cur[0] && i <= cur[1]) {
      const width = cur[1] - cur[0] + 1;
      credit[i] = (p.tp * sigma(-(cur[1] - i + 1) / width)) / sigma(-1);
      window[i] = f.windows.indexOf(cur);
    } else if (prev < 0) credit[i] = -p.fp;
    else {
      const pw = sorted[prev]!;
      credit[i] = p.fp * sigma((i - pw[1]) / (pw[1] - pw[0]));
    }
  }
  return { start, credit, window };
}

/** Windows that have at least one scorable row (only those can be hit or missed). */
export const scorableWindows = (f: LabelledFile) => f.windows.filter(([, r]) => r >= probation(f.rows)).length;

/** Raw score of one file at one threshold (a detection is score ≥ threshold). */
export function scoreFile(f: LabelledFile, scores: ArrayLike<number>, p: Profile, threshold: number): number {
  const { start, credit, window } = rowCredits(f, p);
  const best = new Map<number, number>();
  let fp = 0;
  for (let i = start; i < f.rows; i++) {
    if (!(scores[i]! >= threshold)) continue;
    const w = window[i]!;
    if (w < 0) fp += credit[i]!;
    else best.set(w, Math.max(best.get(w) ?? -Infinity, credit[i]!));
  }
  let total = fp;
  f.windows.forEach(([, r], w) => {
    if (r < start) return;
    total += best.get(w) ?? -p.fn;
  });
  return total;
}

/**
 * NAB's sweep: every distinct score value is a candidate threshold, shared by all files; returns the
 * one with the highest summed raw score (ties to the highest threshold) and that score.
 */
export function optimiseThreshold(
  files: { file: LabelledFile; scores: ArrayLike<number> }[],
  p: Profile,
): { threshold: number; raw: number } {
  const rows: { s: number; c: number; w: number }[] = [];
  let windows = 0;
  files.forEach(({ file, scores }, fi) => {
    const { start, credit, window } = rowCredits(file, p);
    for (let i = start; i < file.rows; i++) rows.push({ s: scores[i]!, c: credit[i]!, w: window[i]! < 0 ? -1 : fi * 10_000 + window[i]! });
    windows += scorableWindows(file);
  });
  rows.sort((a, b) => b.s - a.s);
  let total = 0 - p.fn * windows;
  let best = { threshold: Infinity, raw: total };
  const contrib = new Map<number, number>();
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    if (k > 0 && r.s !== rows[k - 1]!.s && total > best.raw) best = { threshold: rows[k - 1]!.s, raw: total };
    if (r.w < 0) total += r.c;
    else {
      const cur = contrib.get(r.w) ?? -p.fn;
      if (r.c > cur) {
        total += r.c - cur;
        contrib.set(r.w, r.c);
      }
    }
  }
  if (rows.length && total > best.raw) best = { threshold: rows.at(-1)!.s, raw: total };
  return best;
}

/** 100 × (S − S_null) / (S_perfect − S_null). */
export function normalise(raw: number, windows: number, p: Profile): number {
  const nul = -p.fn * windows;
  const perfect = p.tp * windows;
  return (100 * (raw - nul)) / (perfect - nul);
}

export interface EventMetrics {
  windows: number;
  hit: number;
  falseEvents: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Event level, as the dataset README defines it: detections (scorable rows at or above the
 * threshold) within `mergeGap` rows of each other form one alarm; an alarm longer than `recount`
 * rows counts again every `recount` rows; a piece with no detection inside a window is a false
 * alarm. Precision = windows hit / (windows hit + false alarms); recall = windows hit / windows.
 */
export function eventMetrics(
  files: { file: LabelledFile; scores: ArrayLike<number> }[],
  threshold: number,
  mergeGap = 12,
  recount = 48,
): EventMetrics {
  let windows = 0;
  let hit = 0;
  let falseEvents = 0;
  for (const { file, scores } of files) {
    const start = probation(file.rows);
    const inWindow = (i: number) => file.windows.some(([l, r]) => i >= l && i <= r);
    const hits = new Set<number>();
    const det: number[] = [];
    for (let i = start; i < file.rows; i++)
      if (scores[i]! >= threshold) {
        det.push(i);
        file.windows.forEach(([l, r], w) => i >= l && i <= r && hits.add(w));
      }
    windows += scorableWindows(file);
    hit += hits.size;
    // Group into alarms, then cut each alarm into pieces of `recount` rows.
    let k = 0;
    while (k < det.length) {
      let end = k;
      while (end + 1 < det.length && det[end + 1]! - det[end]! <= mergeGap) end++;
      const a = det[k]!;
      for (let pieceStart = a; pieceStart <= det[end]!; pieceStart += recount) {
        const inPiece = det.slice(k, end + 1).filter((i) => i >= pieceStart && i < pieceStart + recount);
        if (inPiece.length && !inPiece.some(inWindow)) falseEvents++;
      }
      k = end + 1;
    }
  }
  const precision = hit + falseEvents === 0 ? 0 : hit / (hit + falseEvents);
  const recall = windows === 0 ? 0 : hit / windows;
  return {
    windows,
    hit,
    falseEvents,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

/**
 * Held-out score: for each group (NAB's six data categories), the threshold is optimised on the
 * other groups' files only and the group is scored at it; the raw scores are summed and normalised
 * over all windows. NAB's own figure chooses the threshold on the very files it scores, so this one
 * says how much of a score survives on series the threshold was not fitted to.
 */
export function heldOutScore(
  files: { file: LabelledFile; scores: ArrayLike<number> }[],
  p: Profile,
  groupOf: (f: LabelledFile) => string,
): { score: number; groups: { group: string; threshold: number; raw: number }[] } {
  const names = [...new Set(files.map((r) => groupOf(r.file)))];
  const groups = names.map((group) => {
    const rest = files.filter((r) => groupOf(r.file) !== group);
    const { threshold } = optimiseThreshold(rest, p);
    const raw = files.filter((r) => groupOf(r.file) === group).reduce((a, r) => a + scoreFile(r.file, r.scores, p, threshold), 0);
    return { group, threshold, raw };
  });
  const windows = files.reduce((a, r) => a + scorableWindows(r.file), 0);
  const raw = groups.reduce((a, g) => a + g.raw, 0);
  return { score: normalise(raw, windows, p), groups };
}
