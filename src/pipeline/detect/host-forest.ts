import { fitForest, scoreForest, type Forest, type ForestParams } from './isolation-forest.js';
import { median } from './ring-buffer.js';
import { packState, unpackState } from './state-codec.js';

export const HOST_FEATURES = ['cpu', 'memory', 'disk', 'net_in', 'net_out'] as const;

export interface HostForestParams extends ForestParams {
  /** Rows kept for training. */
  window: number;
  /** Keep one vector in `stride` as a training row, so the window spans stride × window samples. */
  stride: number;
  /** Samples between refits. */
  refitEvery: number;
  /** Samples before the first fit. */
  minHistory: number;
  /** Samples before a score may alert (by default 90 % of the window). */
  warmup?: number;
}

export interface HostScore {
  score: number;
  /**
   * The window has seen `warmup` samples (a day): before that, a time of day the forest has not
   * seen yet looks novel, so scores are not trusted for alerting.
   */
  warm: boolean;
  /** The feature furthest from its usual range, to name in the alert. */
  feature: string;
  observed: number;
  expectedLow: number;
  expectedHigh: number;
}

// The smallest change of each feature worth naming (one percentage point; 10 % of a network rate,
// in log space): a disk that moved from 40.0 to 40.1 % is not what made a vector unusual.
const MATERIAL = [1, 1, 1, 0.1, 0.1];

/** Network counters span orders of magnitude; the log keeps a burst from dwarfing everything else. */
function transform(feature: string, v: number): number {
  return feature.startsWith('net_') ? Math.log1p(Math.max(0, v)) : v;
}

/**
 * An Isolation Forest over one host's metric vector. Scores each new vector with a forest fitted
 * only on earlier vectors (causal), refitting every `refitEvery` samples on the trailing window.
 * One vector in `stride` becomes a training row, so the 1,008-row window spans a week at 30 s:
 * the daily cycle is normal rather than novel, and so is Monday after a quiet weekend. The ring keeps one refit period of rows beyond
 * the window so a restored detector can refit exactly the forest it had, from the same rows and seed.
 */
export class HostForest {
  /** Training rows in 32-bit floats: a week of rows is 20 KB a host, and a restore rebuilds from exactly these. */
  private rows: Float32Array;
  private readonly cap: number;
  private readonly refitRows: number;
  private readonly minRows: number;
  /** Vectors seen; `count` is training rows stored. */
  private seen = 0;
  private count = 0;
  private lastFit = 0;
  private forest: Forest | undefined;
  private last: Float64Array;
  private readonly dims = HOST_FEATURES.length;

  constructor(
    readonly p: HostForestParams,
    private readonly phase = 0,
  ) {
    this.refitRows = Math.max(1, Math.round(p.refitEvery / p.stride));
    this.minRows = Math.max(16, Math.ceil(p.minHistory / p.stride));
    this.cap = p.window + this.refitRows;
    this.rows = new Float32Array(this.cap * this.dims);
    this.last = new Float64Array(this.dims);
  }

  /**
   * How far the forest is: samples seen against those it needs before it may alert, whether it has a
   * fit, and how many samples ago that fit was made (rows stored since, times the stride).
   */
  progress(): { seen: number; warmup: number; fitted: boolean; sinceFit?: number; refitEvery: number } {
    return {
      seen: this.seen,
      warmup: this.p.warmup ?? 0.9 * this.p.window * this.p.stride,
      fitted: this.forest !== undefined,
      ...(this.forest ? { sinceFit: (this.count - this.lastFit) * this.p.stride } : {}),
      refitEvery: this.p.refitEvery,
    };
  }

  /**
   * `values` holds raw metric values by name; missing ones carry the last value forward. The
   * explanation (which metric, its usual range) is computed only for scores at or above
   * `explainFrom`, since only anomalies need one.
   */
  update(values: Record<string, number | undefined>, explainFrom = 0): HostScore | undefined {
    const x = new Float64Array(this.dims);
    HOST_FEATURES.forEach((f, i) => {
      const v = values[f];
      x[i] = v === undefined || !Number.isFinite(v) ? this.last[i]! : transform(f, v);
    });
    this.last = x;

    let result: HostScore | undefined;
    // The phase also staggers which samples become rows, so hosts do not all refit on the same tick.
    const storing = (this.seen + this.phase) % this.p.stride === 0;
    if (storing && this.count >= this.minRows) {
      // Fits are staggered by `phase` so a fleet of hosts does not refit in the same tick.
      const due = (this.count + this.phase) % this.refitRows === 0;
      if (due || (!this.forest && this.count >= this.minRows + this.refitRows)) this.fitAt(this.count);
    }
    if (this.forest) {
      const score = scoreForest(this.forest, x);
      const warm = this.seen >= (this.p.warmup ?? 0.9 * this.p.window * this.p.stride);
      result =
        score >= explainFrom
          ? { ...this.explain(x, score, values), warm }
          : { score, warm, feature: '', observed: 0, expectedLow: 0, expectedHigh: 0 };
    }
    if (storing) {
      this.rows.set(x, (this.count % this.cap) * this.dims);
      this.count++;
    }
    this.seen++;
    return result;
  }

  /** Rows with absolute indices [from, to) in order, copied out of the ring. */
  private slice(from: number, to: number): Float64Array {
    const out = new Float64Array((to - from) * this.dims);
    for (let k = from; k < to; k++) {
      const src = (k % this.cap) * this.dims;
      out.set(this.rows.subarray(src, src + this.dims), (k - from) * this.dims);
    }
    return out;
  }

  private fitAt(end: number): void {
    const from = Math.max(0, end - this.p.window, this.count - this.cap);
    const data = this.slice(from, end);
    // Seeded by fit position: a restored detector rebuilds exactly the forest it had.
    this.forest = fitForest(data, end - from, this.dims, { ...this.p, seed: this.p.seed + end });
    this.lastFit = end;
  }

  /**
   * Names the metric furthest from its usual level, in robust units, with its usual range: the
   * median ± 3 robust deviations of the window, within what the window saw. Min–max would do
   * neither: a day's window holds earlier incidents, so a disk at 98 % read "expected 34–98".
   */
  private explain(x: Float64Array, score: number, raw: Record<string, number | undefined>): Omit<HostScore, 'warm'> {
    const from = Math.max(0, this.count - this.p.window);
    const n = this.count - from;
    const col = new Float64Array(n);
    const scratch = new Float64Array(n);
    let best = 0;
    let bestDev = -1;
    let lo = 0;
    let hi = 0;
    for (let d = 0; d < this.dims; d++) {
      let mn = Infinity;
      let mx = -Infinity;
      for (let k = from; k < this.count; k++) {
        const v = this.rows[(k % this.cap) * this.dims + d]!;
        col[k - from] = v;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      const med = median(col, n, scratch);
      for (let k = 0; k < n; k++) col[k] = Math.abs(col[k]! - med);
      const scale = Math.max(1.4826 * median(col, n, scratch), MATERIAL[d]!);
      const dev = Math.abs(x[d]! - med) / scale;
      if (dev > bestDev) {
        bestDev = dev;
        best = d;
        lo = Math.max(mn, med - 3 * scale);
        hi = Math.min(mx, med + 3 * scale);
      }
    }
    const f = HOST_FEATURES[best]!;
    const back = (v: number) => (f.startsWith('net_') ? Math.expm1(v) : v);
    return { score, feature: f, observed: raw[f] ?? back(x[best]!), expectedLow: back(lo), expectedHigh: back(hi) };
  }

  serialize(): Buffer {
    const from = Math.max(0, this.count - this.cap);
    return packState({ count: this.count, seen: this.seen, lastFit: this.lastFit, from }, [
      Float32Array.from(this.slice(from, this.count)),
      this.last,
    ]);
  }

  static restore(buf: Buffer, p: HostForestParams, phase = 0): HostForest {
    const { meta, arrays } = unpackState(buf);
    const h = new HostForest(p, phase);
    const rows = arrays[0]!;
    const from = Number(meta.from) || 0;
    const n = rows.length / h.dims;
    for (let i = 0; i < n; i++) h.rows.set(rows.subarray(i * h.dims, (i + 1) * h.dims), ((from + i) % h.cap) * h.dims);
    h.count = Number(meta.count) || 0;
    h.seen = Number(meta.seen) || 0;
    if (arrays[1]?.length === h.dims) h.last = arrays[1];
    const lastFit = Number(meta.lastFit) || 0;
    if (lastFit > 0) h.fitAt(lastFit);
    return h;
  }
}
