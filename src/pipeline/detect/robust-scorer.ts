import { RingBuffer, median } from './ring-buffer.js';
import { packState, unpackState } from './state-codec.js';

export interface RobustParams {
  /** Trailing window for range and scale. */
  window: number;
  /** Values needed before any score other than 0. */
  minHistory: number;
  /** Recent values that define "the current level". */
  levelWindow: number;
  /** Past statistics kept for the tail probability. */
  historySize: number;
  /** Robust z below which nothing is anomalous, however rare it is for this series. */
  minZ: number;
  /**
   * Scores at or above this are alarms and are kept out of the reference distribution, so a
   * sustained excursion stays anomalous until the level itself has moved (the values still enter
   * the window, so a lasting shift becomes the new normal after about half a level window).
   */
  alarmAt: number;
}

export const DEFAULT_ROBUST: RobustParams = { window: 720, minHistory: 60, levelWindow: 128, historySize: 512, minZ: 6, alarmAt: 0.995 };

export interface RobustScore {
  score: number;
  z: number;
  expectedLow: number;
  expectedHigh: number;
}

/**
 * Online robust-statistics scorer for one series. The statistic is the larger of the robust z
 * (distance from the recent median in MADs) and the trailing-range exceedance; it is turned into a
 * tail probability against this series' own past statistics, so one threshold fits every series.
 * Causal: `update(x)` scores x against history before x, then learns it.
 */
export class RobustScorer {
  private values: RingBuffer;
  private stats: RingBuffer;
  private count = 0;
  /** Trailing range, kept up to date incrementally; NaN when it must be rescanned. */
  private lo = Number.NaN;
  private hi = Number.NaN;
  /** Scoring is synchronous, so every scorer shares one pair of work arrays (2 KB each saved). */
  private static scratch = new Float64Array(0);
  private static recent = new Float64Array(0);

  constructor(readonly p: RobustParams = DEFAULT_ROBUST) {
    this.values = new RingBuffer(p.window);
    this.stats = new RingBuffer(p.historySize);
    const n = Math.max(p.levelWindow, 8);
    if (RobustScorer.scratch.length < n) {
      RobustScorer.scratch = new Float64Array(n);
      RobustScorer.recent = new Float64Array(n);
    }
  }

  get seen(): number {
    return this.count;
  }

  update(x: number): RobustScore {
    const r = this.score(x);
    const evicted = this.values.push(x);
    if (evicted === this.lo || evicted === this.hi) this.lo = this.hi = Number.NaN;
    else if (!Number.isNaN(this.lo)) {
      if (x < this.lo) this.lo = x;
      if (x > this.hi) this.hi = x;
    }
    if (this.count >= this.p.minHistory / 2 && r.score < this.p.alarmAt) this.stats.push(r.z);
    this.count++;
    return r;
  }

  private score(x: number): RobustScore {
    const n = this.values.length;
    if (n < 8) return { score: 0, z: 0, expectedLow: x, expectedHigh: x };
    const recent = RobustScorer.recent;
    const scratch = RobustScorer.scratch;
    const k = this.values.tail(this.p.levelWindow, recent);
    const med = median(recent, k, scratch);
    for (let i = 0; i < k; i++) recent[i] = Math.abs(recent[i]! - med);
    const mad = median(recent, k, scratch);
    if (Number.isNaN(this.lo)) {
      let mn = Infinity;
      let mx = -Infinity;
      const data = this.values.data;
      for (let i = 0; i < n; i++) {
        const v = data[i]!;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      this.lo = mn;
      this.hi = mx;
    }
    const lo = this.lo;
    const hi = this.hi;
    const range = hi - lo;
    // Floors keep flat series from turning rounding noise into huge z values.
    const scale = Math.max(1.4826 * mad, range * 0.02, Math.abs(med) * 1e-3, 1e-9);
    const z = Math.abs(x - med) / scale;
    const exceed = x > hi ? (x - hi) / scale : x < lo ? (lo - x) / scale : 0;
    const stat = Math.max(z, exceed * 2);
    const expectedLow = Math.max(lo, med - this.p.minZ * scale);
    const expectedHigh = Math.min(hi, med + this.p.minZ * scale);
    if (this.count < this.p.minHistory) return { score: 0, z: stat, expectedLow, expectedHigh };

    const m = this.stats.length;
    let below = 0;
    const past = this.stats.data;
    for (let i = 0; i < m; i++) if (past[i]! < stat) below++;
    const tail = m === 0 ? 0 : (below + 1) / (m + 1);
    const gate = Math.min(1, stat / this.p.minZ);
    return { score: tail * gate * gate, z: stat, expectedLow, expectedHigh };
  }

  serialize(): Buffer {
    return packState({ count: this.count, p: this.p }, [this.values.toArray(), this.stats.toArray()]);
  }

  static restore(buf: Buffer, p: RobustParams): RobustScorer {
    const { meta, arrays } = unpackState(buf);
    const s = new RobustScorer(p);
    s.values = RingBuffer.from(arrays[0]!, p.window);
    s.stats = RingBuffer.from(arrays[1]!, p.historySize);
    s.count = Number(meta.count) || 0;
    return s;
  }
}
