import { RingBuffer, median } from './ring-buffer.js';
import { SortedWindow } from './sorted-window.js';
import { packState, unpackState } from './state-codec.js';

export interface SeriesDetectorParams {
  /** Reference window: the values before the recent ones, for the usual level and scale. */
  ref: number;
  /** Recent values whose median is "the current level" (a level shift). */
  short: number;
  /** Recent values whose spread is compared with the reference spread (a variance change). */
  volWindow: number;
  /** Trailing window for the range exceedance. */
  range: number;
  /** A statistic this many times its remembered peak raises an alarm. */
  ratio: number;
  /** Half-life, in samples, of each statistic's remembered peak. */
  halfLife: number;
  /** Samples after an alarm during which no new alarm is raised (one alarm per episode)... */
  cooldown: number;
  /** ...unless a statistic reaches this many times the last alarm's ratio (escalation). */
  escalate: number;
  /** Weight of a new value in its time-of-day slot's running mean (0 turns the seasonal statistic off). */
  seasonAlpha: number;
  /** Samples needed before any alarm. */
  minHistory: number;
  /** Smallest deviation, in robust scale units, that may alarm; the spread must change by 1 + this/4. */
  minDeviation: number;
  /** Quiet samples after which an alarm counts in full; an alarm right after another counts half. */
  quietSamples: number;
  /**
   * Smallest change, in the series' own unit, that may alarm (0: none): a move of 0.2 points on a
   * near-flat disk is a record for the statistics and nothing to an operator. The pipeline sets it
   * per metric (detectors.robust.minChange); a series of unknown unit, as on NAB, has none.
   */
  minChange: number;
}

/** Tuned on the NAB set (docs/detection.md); the config's detectors.robust section overrides them. */
export const DEFAULT_SERIES: SeriesDetectorParams = {
  ref: 128,
  short: 4,
  volWindow: 32,
  range: 1024,
  ratio: 1,
  halfLife: 15_000,
  cooldown: 30,
  escalate: 3,
  seasonAlpha: 0.5,
  minHistory: 100,
  minDeviation: 6,
  quietSamples: 3000,
  minChange: 0,
};

// Spread changes smaller than half a scale unit are not material.
const VGATE = 0.5;
// A short window's MAD falls well below the reference by chance more often than it rises above it
// (its distribution is skewed low, and rounded values make it lumpy), so a collapse of the spread
// must be a little larger than a rise: 1 + minDeviation/3.5 times instead of 1 + minDeviation/4.
const FALL = 3.5;
const RISE = 4;
// A new extreme raises its remembered peak at most this many times over. One absurd reading (a
// counter reset, a unit slip, 1e9 from a broken exporter) would otherwise set a peak that hides
// every real episode of the series for weeks while it halves every halfLife samples; it still
// alarms, as the extreme it is. 4 changes no NAB figure (docs/detection.md); 2 adds 36 false-alarm events for 2 windows.
const PEAK_GROWTH = 4;
const KINDS = ['spike', 'range', 'shift', 'variance', 'seasonal', 'drift'] as const;
// Each statistic's floor is minDeviation times how far it wanders on plain noise compared with one
// value: a median of 4 values (shift) about 0.6 as far; an exceedance of the trailing range is
// already in the tail and the drift compares medians of 32 and 128 values, so half. (The spread has
// its own rule.) On NAB this is +4.5 over one floor for all; on the 30 s fleet it adds no alarms.
const FLOOR = [1, 0.5, 0.6, 1, 1, 0.5];
// The level statistics (spike, range, shift) remember their peaks above and below the level apart:
// a dip after a tall spike is still a new extreme. Peaks 0-5 are the kinds' (the upward side for
// these three), 6-8 the downward sides. Splitting the spread or the time-of-day residual this way
// only adds false alarms on NAB (docs/detection.md).
const LOW = [6, 7, 8];
const PEAKS = KINDS.length + LOW.length;
const SLOTS = 48; // half-hour slots of the day
// A time of day is a pattern only where the last two days agree on it: the time-of-day residual may
// alarm once the slot has been seen on two days whose offsets differ by less than half of it. One
// day's incident (a disk that filled at 23:26) is otherwise "the usual" at that time tomorrow.
const AGREE = 0.5;
const DAY = 86_400_000;
// The seasonal residual's typical size: a running mean of |residual| (clipped at 3 times itself so
// one holiday does not inflate it) with weight 1/512, trusted after 50 residuals.
const RES_RATE = 1 / 512;
const RES_CLIP = 3;
const RES_MIN = 50;

export interface SeriesScore {
  /** Alarm strength at the onset of an episode, 0 otherwise; in [0, 1). Compare with alarmThreshold. */
  alarm: number;
  /** The strongest statistic over its remembered peak (≥ ratio means "a new extreme"). */
  ratio: number;
  kind: (typeof KINDS)[number];
  /** The strongest statistic in robust deviations (MADs) of the reference window. */
  deviations: number;
  /** The recent level: the median of the last `short` values, this one included. */
  level: number;
  expectedLow: number;
  expectedHigh: number;
}

/**
 * Online detector for one series, the one both `smartcloudops detect` (the NAB benchmark) and the
 * pipeline run. Six robust statistics — distance from the reference level (spike), exceedance of
 * the trailing range, shift of the recent median, change of the recent spread, the value's offset
 * from its level against this time of day's usual offset (so a steady trend is not unseasonal),
 * slow drift of the level — each compared with its own remembered peak
 * (a slowly decaying maximum), so "a new extreme for this series" means the same on any scale and
 * one ratio works across a fleet. Alarm shaping: one alarm at the onset of an episode, then
 * `cooldown` quiet samples unless the episode escalates; an alarm's strength is discounted when the
 * series alarmed recently. Causal: x is scored against the values
 * before it, then learned. State: the value window plus a few dozen numbers (about 9 KB).
 */
export class SeriesDetector {
  private values: RingBuffer;
  /** The reference window (the `ref` values before the latest `short - 1`), in order. */
  private readonly refSorted: SortedWindow;
  private peaks = new Float64Array(PEAKS);
  private season = new Float64Array(SLOTS);
  private seasonN = new Float64Array(SLOTS);
  /** Each slot's offset as the previous day left it, and the day (since the epoch) the slot last learned. */
  private prevDay = new Float64Array(SLOTS).fill(Number.NaN);
  private slotDay = new Float64Array(SLOTS).fill(-1);
  private count = 0;
  /** The reference median of the latest score, the baseline the time-of-day offsets are learned against. */
  private level = 0;
  /** Running mean of |seasonal residual| and how many residuals it has seen. */
  private resScale = 0;
  private resN = 0;
  private sinceAlarm = Number.POSITIVE_INFINITY;
  /** Restored from a state whose range peaks are in scale units (before they were kept in the series' units). */
  private legacyRange = false;
  private lastAlarm = 0;
  private lo = Number.NaN;
  private hi = Number.NaN;
  private readonly decay: number;
  /** The latest reference medians (medsRun of them in a row): the drift reuses the one from volWindow - short updates ago. */
  private readonly meds: Float64Array;
  private medsRun = 0;
  // Scoring is synchronous, so every detector shares its work arrays.
  private static a = new Float64Array(0);
  private static b = new Float64Array(0);

  constructor(readonly p: SeriesDetectorParams = DEFAULT_SERIES) {
    this.values = new RingBuffer(Math.max(p.range, p.ref + p.short));
    this.refSorted = new SortedWindow(p.ref + 1);
    this.decay = Math.pow(0.5, 1 / Math.max(1, p.halfLife));
    this.meds = new Float64Array(Math.max(1, p.volWindow - p.short + 1));
    const n = this.values.capacity + 1;
    if (SeriesDetector.a.length < n) {
      SeriesDetector.a = new Float64Array(n);
      SeriesDetector.b = new Float64Array(2 * n);
    }
  }

  get seen(): number {
    return this.count;
  }

  /** Samples since the last alarm, the latest included (Infinity if none yet). */
  get sinceLastAlarm(): number {
    return this.sinceAlarm;
  }

  /** `ts` (epoch ms) enables the time-of-day statistic. A value that is not finite is ignored. */
  update(x: number, ts?: number): SeriesScore {
    // Callers drop non-finite values; a value that only overflows 32 bits is not learned either.
    if (!Number.isFinite(Math.fround(x)))
      return { alarm: 0, ratio: 0, kind: 'spike', deviations: 0, level: this.level, expectedLow: this.lo, expectedHigh: this.hi };
    const slot = ts === undefined || !Number.isFinite(ts) ? -1 : Math.floor((((ts % DAY) + DAY) % DAY) / (DAY / SLOTS));
    const r = this.score(x, slot);
    if (slot >= 0 && this.p.seasonAlpha > 0) {
      const n = this.seasonN[slot]!;
      const day = Math.floor(ts! / DAY);
      if (n > 0 && this.slotDay[slot]! !== day) this.prevDay[slot] = this.season[slot]!;
      this.slotDay[slot] = day;
      // The slot learns the value's offset from its current level, so a trend is not "unseasonal".
      const y = x - this.level;
      this.season[slot] = n === 0 ? y : this.season[slot]! + Math.max(this.p.seasonAlpha, 1 / (n + 1)) * (y - this.season[slot]!);
      this.seasonN[slot] = n + 1;
    }
    const evicted = this.values.push(x);
    this.slideReference();
    // The ring keeps 32-bit values; the running range must hold the same ones for eviction to match.
    const kept = Math.fround(x);
    if (evicted === this.lo || evicted === this.hi) this.lo = this.hi = Number.NaN;
    else if (!Number.isNaN(this.lo)) {
      if (kept < this.lo) this.lo = kept;
      if (kept > this.hi) this.hi = kept;
    }
    this.count++;
    return r;
  }

  private score(x: number, slot: number): SeriesScore {
    const p = this.p;
    const n = this.values.length;
    this.level = x;
    if (n < Math.max(16, p.short * 2)) {
      this.medsRun = 0;
      return { alarm: 0, ratio: 0, kind: 'spike', deviations: 0, level: x, expectedLow: x, expectedHigh: x };
    }
    const a = SeriesDetector.a;
    const b = SeriesDetector.b;
    // Reference: up to `ref` values before the most recent `short - 1`; its median and MAD.
    const med = this.refSorted.median();
    const mad = this.refSorted.medianDistance(med);
    // Current level: the median of the last short-1 values and x.
    const recentN = this.values.tail(p.short - 1, b);
    b[recentN] = x;
    const level = median(b, recentN + 1, b.subarray(recentN + 1));
    // Recent spread.
    const vk = this.values.tail(Math.min(n, p.volWindow - 1), a);
    a[vk] = x;
    const vmed = median(a, vk + 1, b);
    for (let i = 0; i <= vk; i++) a[i] = Math.abs(a[i]! - vmed);
    const vmad = median(a, vk + 1, b);
    // Drift: the recent spread window's median against the reference before it.
    let drift = 0;
    if (n >= p.ref + p.volWindow) {
      // The drift's reference window is exactly the reference window of `lag` updates ago.
      const lag = p.volWindow - p.short;
      let dref: number;
      if (lag > 0 && this.medsRun > lag) dref = this.meds[(this.medsRun - lag) % this.meds.length]!;
      else {
        const dk = this.values.tail(p.ref + p.volWindow - 1, a);
        dref = median(a, dk - (p.volWindow - 1), b);
      }
      drift = Math.abs(vmed - dref);
    }
    this.meds[this.medsRun % this.meds.length] = med;
    this.medsRun++;
    if (Number.isNaN(this.lo)) {
      let mn = Infinity;
      let mx = -Infinity;
      const d = this.values.data;
      for (let i = 0; i < n; i++) {
        if (d[i]! < mn) mn = d[i]!;
        if (d[i]! > mx) mx = d[i]!;
      }
      this.lo = mn;
      this.hi = mx;
    }
    // Floors keep flat series from turning rounding noise into huge statistics.
    const floor = Math.max((this.hi - this.lo) * 0.01, Math.abs(med) * 1e-4, 1e-9);
    const scale = Math.max(1.4826 * mad, floor);
    this.level = med;
    const seasonOn = slot >= 0 && p.seasonAlpha > 0 && this.seasonN[slot]! >= 3;
    const seasonRes = seasonOn ? x - med - this.season[slot]! : 0;
    const seasonal = seasonOn ? this.seasonalResidual(seasonRes, scale, floor) : 0;
    // The residual still counts towards its remembered peak; only its alarm waits for two agreeing days.
    const prev = seasonOn ? this.prevDay[slot]! : Number.NaN;
    const patternHolds = !Number.isNaN(prev) && Math.abs(this.season[slot]! - prev) < AGREE * Math.abs(seasonRes);
    // Whether each level statistic (spike, range, shift) is below the level.
    const below = [x < med, x < this.lo, level < med];
    const exceed = x > this.hi ? x - this.hi : x < this.lo ? this.lo - x : 0;
    if (this.legacyRange) {
      // State from before the range peaks were kept in the series' units: convert at today's scale.
      this.peaks[1]! *= scale;
      this.peaks[LOW[1]!]! *= scale;
      this.legacyRange = false;
    }
    const stats = [
      Math.abs(x - med) / scale,
      exceed / scale,
      Math.abs(level - med) / scale,
      Math.abs(Math.log((1.4826 * vmad + 0.1 * scale) / (1.4826 * mad + 0.1 * scale))),
      seasonal,
      drift / scale,
    ];
    // A spread change must also be material on the series' own scale, or flat series chatter.
    const spreadMove = (1.4826 * Math.abs(vmad - mad)) / scale;
    // How far each statistic moved, in the series' own unit, for minChange.
    const moved = [Math.abs(x - med), exceed, Math.abs(level - med), spreadMove * scale, Math.abs(seasonRes), drift];
    let best = 0;
    let kind = 0;
    const ready = this.count >= Math.max(32, p.minHistory);
    // The drift exists only from ref + volWindow values on, and its first values are records against
    // a peak of 0: it learns its own peak for 32 values before it may alarm, or the first one (the
    // tail of an incident in the backfill, say) is an alarm of any size.
    const driftReady = this.count >= p.ref + p.volWindow + 32;
    for (let i = 0; i < KINDS.length; i++) {
      const j = i < LOW.length && below[i] ? LOW[i]! : i;
      // The range exceedance is compared with earlier ones in the series' own units: it is measured
      // past the extreme of 1,024 values, so the spread of the last 128 says nothing about its size
      // (and a floor that grows with the range would make an early exceedance look larger).
      const v = i === 1 ? exceed : stats[i]!;
      const r = v > 0 ? v / Math.max(this.peaks[j]!, v * 1e-10) : 0;
      const big =
        i === 3
          ? stats[i]! >= Math.log1p(p.minDeviation / (vmad < mad ? FALL : RISE)) && spreadMove >= VGATE
          : stats[i]! >= p.minDeviation * FLOOR[i]!;
      if (ready && big && moved[i]! >= p.minChange && (i !== 4 || patternHolds) && (i !== 5 || driftReady) && r > best) {
        best = r;
        kind = i;
      }
      const held = this.peaks[j]!;
      this.peaks[j] = Math.max(held > 0 ? Math.min(v, PEAK_GROWTH * held) : v, held * this.decay);
      if (i < LOW.length) this.peaks[j === i ? LOW[i]! : i]! *= this.decay;
    }
    this.sinceAlarm++;
    let alarm = 0;
    if (best >= p.ratio && (this.sinceAlarm > p.cooldown || best >= this.lastAlarm * p.escalate)) {
      // Alarms from a series that has been quiet for a while are worth more than from a chatty one.
      const since = Number.isFinite(this.sinceAlarm) ? this.sinceAlarm : this.count;
      alarm = (best / (1 + best)) * (0.5 + 0.5 * Math.min(1, since / p.quietSamples));
      this.sinceAlarm = 0;
      this.lastAlarm = best;
    }
    return {
      alarm,
      ratio: best,
      kind: KINDS[kind]!,
      deviations: Math.max(stats[0]!, stats[2]!),
      level,
      expectedLow: Math.max(this.lo, med - 3 * scale),
      expectedHigh: Math.min(this.hi, med + 3 * scale),
    };
  }

  /** Moves the reference window on by the value that just left the recent ones (after a push). */
  private slideReference(): void {
    const entering = this.values.length - this.p.short;
    if (entering < 0) return;
    this.refSorted.insert(this.values.at(entering));
    if (this.refSorted.length > this.p.ref && !this.refSorted.remove(this.values.at(entering - this.p.ref))) this.rebuildReference();
  }

  private rebuildReference(): void {
    this.refSorted.clear();
    const end = this.values.length - this.p.short + 1;
    for (let i = Math.max(0, end - this.p.ref); i < end; i++) this.refSorted.insert(this.values.at(i));
  }

  /**
   * The time-of-day residual in its own typical size where that is tighter than the value's spread:
   * on a strongly daily series the reference MAD is mostly the daily swing, which would hide a
   * holiday. Where the daily model explains little, the residual is wider and the spread is used.
   * Learns the residual's size as a side effect (score runs once per update).
   */
  private seasonalResidual(res: number, scale: number, floor: number): number {
    const size = Math.abs(res);
    const own = this.resN >= RES_MIN ? Math.max(1.25 * this.resScale, floor) : scale; // 1.25 × mean |r| ≈ σ
    const clipped = this.resN === 0 ? size : Math.min(size, RES_CLIP * Math.max(this.resScale, floor));
    this.resScale += Math.max(RES_RATE, 1 / (this.resN + 1)) * (clipped - this.resScale); // the first residual sets it
    this.resN++;
    return size / Math.min(own, scale);
  }

  serialize(): Buffer {
    const meta = {
      count: this.count,
      sinceAlarm: Number.isFinite(this.sinceAlarm) ? this.sinceAlarm : -1,
      lastAlarm: this.lastAlarm,
      resScale: this.resScale,
      resN: this.resN,
      // Saved again before its first score after a restore: the range peaks are still in scale units.
      ...(this.legacyRange ? { legacyRange: true } : {}),
    };
    return packState(meta, [this.values.toArray(), this.peaks, this.season, this.seasonN, this.prevDay, this.slotDay]);
  }

  static restore(buf: Buffer, p: SeriesDetectorParams): SeriesDetector {
    const { meta, arrays } = unpackState(buf);
    const s = new SeriesDetector(p);
    const peaks = arrays.length === 4 || arrays.length === 6 ? arrays[1]! : new Float64Array(0);
    if (peaks.length !== PEAKS && peaks.length !== KINDS.length) return s; // an older format: start afresh
    s.values = RingBuffer.from(arrays[0]!, s.values.capacity);
    s.rebuildReference();
    s.peaks.set(peaks);
    // State saved before the downward peaks existed: each side starts from the shared peak.
    if (peaks.length === KINDS.length) {
      LOW.forEach((j, i) => (s.peaks[j] = peaks[i]!));
      s.legacyRange = true;
    }
    if (meta.legacyRange === true) s.legacyRange = true;
    s.season = Float64Array.from(arrays[2]!);
    s.seasonN = Float64Array.from(arrays[3]!);
    // Saved before the previous day was kept: the time of day may alarm again once a day has passed.
    if (arrays.length === 6) {
      s.prevDay = Float64Array.from(arrays[4]!);
      s.slotDay = Float64Array.from(arrays[5]!);
    }
    s.count = Number(meta.count) || 0;
    const since = Number(meta.sinceAlarm);
    s.sinceAlarm = since >= 0 ? since : Number.POSITIVE_INFINITY;
    s.lastAlarm = Number(meta.lastAlarm) || 0;
    s.resScale = Number(meta.resScale) || 0;
    s.resN = Number(meta.resN) || 0;
    return s;
  }
}
