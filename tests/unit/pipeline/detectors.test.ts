import { describe, expect, it } from 'vitest';
import { createRng, gaussianFrom } from '../../../src/core/random.js';
import { AnomalyTracker } from '../../../src/pipeline/detect/anomaly-tracker.js';
import { robustSummary } from '../../../src/pipeline/detect/detection-engine.js';
import { HostForest } from '../../../src/pipeline/detect/host-forest.js';
import { configSchema } from '../../../src/config/schema.js';
import { DEFAULT_SERIES, SeriesDetector } from '../../../src/pipeline/detect/series-detector.js';
import { packState, unpackState } from '../../../src/pipeline/detect/state-codec.js';
import { silenceFindings } from '../../../src/pipeline/detect/silence-findings.js';
import { ThresholdDetector } from '../../../src/pipeline/detect/threshold-detector.js';
import type { Finding } from '../../../src/core/anomaly.js';

const T0 = 1_800_000_000_000;
const s = (value: number, i: number, target = 'web-1', metric = 'cpu') => ({ target, metric, ts: T0 + i * 30_000, value });

describe('threshold detector', () => {
  const rules = [
    { metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' as const },
    { metric: 'cpu', target: 'db-1', above: 95, forSamples: 2, severity: 'critical' as const },
    { metric: 'disk', below: 5, forSamples: 1, severity: 'info' as const },
  ];

  it.each([
    { values: [91, 92, 93], target: 'web-1', last: true },
    { values: [91, 92, 80], target: 'web-1', last: false },
    { values: [91, 80, 92, 93], target: 'web-1', last: false },
    { values: [92, 93], target: 'db-1', last: false },
    { values: [96, 97], target: 'db-1', last: true },
  ])('$values on $target → anomalous=$last', ({ values, target, last }) => {
    const d = new ThresholdDetector(rules);
    const out = values.map((v, i) => d.observe(s(v, i, target))!);
    expect(out.at(-1)!.anomalous).toBe(last);
  });

  it('supports "below" rules and ignores metrics without a rule', () => {
    const d = new ThresholdDetector(rules);
    const low = d.observe(s(3, 0, 'web-1', 'disk'))!;
    expect(low.anomalous).toBe(true);
    expect(low.summary).toBe('disk 3% below 5% for 1 sample');
    expect(d.observe(s(3, 0, 'web-1', 'memory'))).toBeUndefined();
    const high = [91, 92, 93.456].map((v, i) => d.observe(s(v, i)))!;
    expect(high.map((f) => f!.summary)).toEqual(['', '', 'CPU 93.46% above 90% for 3 samples']);
  });

  it('restores streaks so a restart does not reset the count', () => {
    const a = new ThresholdDetector(rules);
    a.observe(s(95, 0));
    a.observe(s(95, 1));
    const b = new ThresholdDetector(rules);
    b.restore(a.snapshot());
    expect(b.observe(s(95, 2))!.anomalous).toBe(true);
  });
});

describe('series detector', () => {
  const ALARM = configSchema.parse({}).detectors.robust.alarmThreshold;
  function noisy(n: number, seed = 1): number[] {
    const rng = createRng(seed);
    return Array.from({ length: n }, () => 40 + 3 * gaussianFrom(rng(), rng()));
  }
  const HOUR = 3_600_000;

  it('rarely alarms on stationary noise, alarms once at a spike, then holds off', () => {
    const d = new SeriesDetector(DEFAULT_SERIES);
    const alarms = noisy(3000)
      .map((v, i) => d.update(v, i * 300_000).alarm)
      .slice(500)
      .filter((x) => x >= ALARM).length;
    expect(alarms).toBeLessThanOrEqual(2);
    const spike = d.update(95, 3000 * 300_000);
    expect(spike.alarm).toBeGreaterThan(ALARM);
    expect(spike.kind).toMatch(/spike|range/);
    // The next samples of the same episode raise no second alarm.
    expect([96, 94, 95].map((v, i) => d.update(v, (3001 + i) * 300_000).alarm)).toEqual([0, 0, 0]);
  });

  it('remembers highs and lows apart: a dip after a taller spike is still a new extreme', () => {
    const d = new SeriesDetector(DEFAULT_SERIES);
    const series = noisy(4200, 9);
    series[3000] = 95; // 18 noise units up
    series[4000] = 5; // 12 down: smaller than the spike, but nothing has gone this low
    const alarms = series.map((v, i) => [i, d.update(v, i * 300_000)] as const).filter(([, r]) => r.alarm >= ALARM);
    const at4000 = alarms.find(([i]) => i === 4000)?.[1];
    expect(alarms.map(([i]) => i)).toContain(3000);
    expect(at4000?.kind).toMatch(/spike|range/);
    // Ordinary noise below the level after the spike raises nothing.
    expect(alarms.filter(([i]) => i > 3000 && i !== 4000)).toEqual([]);
  });

  it('is not blinded by one absurd reading: a later, real episode still alarms', () => {
    const d = new SeriesDetector(DEFAULT_SERIES);
    const series = noisy(7000, 21);
    series[2000] = 80; // a first, ordinary spike: the peaks learn what an episode looks like here
    series[3000] = 1e6; // a broken exporter, once
    series[6500] = 160; // a real episode, three times the first one's size
    const alarms = series.map((v, i) => [i, d.update(v, i * 300_000).alarm] as const).filter(([, a]) => a >= ALARM);
    // Had the peaks taken the absurd reading in full, the real episode would be about 1/8,000 of
    // them: a new extreme again only after 13 half-lives, some 200,000 samples (68 days at 30 s).
    expect(alarms.map(([i]) => i).filter((i) => i >= 2000)).toEqual([2000, 3000, 6500]);
  });

  it('compares range exceedances in the series’ own units, so a taller spike alarms after the floor has grown', () => {
    // Mostly zeros with a few ones (no spread): the scale is a floor that grows with the range.
    const rng = createRng(13);
    const d = new SeriesDetector(DEFAULT_SERIES);
    const spikes = new Map([
      [1500, 4],
      [2000, 10],
      [2500, 25],
    ]);
    const alarmed: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const v = spikes.get(i) ?? (rng() < 0.1 ? 1 : 0);
      if (d.update(v, i * 300_000).alarm >= ALARM) alarmed.push(i);
    }
    // Each spike goes further past the previous maximum than any before it.
    expect(alarmed).toEqual([1500, 2000, 2500]);
  });

  it('sees a level shift that stays inside the old range', () => {
    const rng = createRng(5);
    const d = new SeriesDetector(DEFAULT_SERIES);
    // A wide but slowly wandering series: a jump from its low half to its high half is a shift.
    const base = (i: number) => 40 + 20 * Math.sin(i / 400) + gaussianFrom(rng(), rng());
    for (let i = 0; i < 3000; i++) d.update(base(i));
    const after = Array.from({ length: 10 }, (_, i) => d.update(base(3000 + i) + 25));
    expect(after.some((r) => r.alarm > 0)).toBe(true);
  });

  it('holds a shift of the median to a lower floor than a single value: it wanders less on noise', () => {
    const rng = createRng(23);
    const d = new SeriesDetector(DEFAULT_SERIES);
    const noise = () => gaussianFrom(rng(), rng());
    for (let i = 0; i < 3000; i++) d.update(50 + noise(), i * 300_000);
    // A quiet step of 3.8 noise units: no single value passes the 6-unit floor, the median of 4 passes its own.
    const after = Array.from({ length: 12 }, (_, i) => d.update(53.8 + 0.2 * noise(), (3000 + i) * 300_000));
    const alarm = after.find((r) => r.alarm >= ALARM);
    expect(alarm?.kind).toBe('shift');
  });

  it('sees a gradual drift that no single sample gives away', () => {
    const rng = createRng(11);
    const d = new SeriesDetector(DEFAULT_SERIES);
    for (let i = 0; i < 2000; i++) d.update(50 + 2 * gaussianFrom(rng(), rng()));
    // A slow climb: about a tenth of the noise per sample, for 150 samples.
    const r = Array.from({ length: 150 }, (_, i) => d.update(50 + 0.25 * i + 2 * gaussianFrom(rng(), rng())));
    const first = r.findIndex((x) => x.alarm > 0);
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(120);
  });

  it('lets the drift learn its own peak before it alarms: an incident just after warm-up is one alarm, not two', () => {
    // 120 flat values, then 31 minutes at 95 % (one value half-way at each edge, as a rate() gives).
    // The drift exists from value 160 on, in the incident's tail; its first value was a record
    // against a peak of 0, an alarm of any size 40 samples after the incident's own.
    const d = new SeriesDetector({ ...DEFAULT_SERIES, minChange: 5 });
    const values = [...Array(120).fill(20), 57.5, ...Array(29).fill(95), 57.5, ...Array(120).fill(20)];
    const alarms = values.flatMap((v, i) => {
      const r = d.update(v);
      return r.alarm >= ALARM ? [`${i}:${r.kind}`] : [];
    });
    expect(alarms).toEqual(['120:spike']);
  });

  it('knows the time of day: a missing evening peak alarms only with the seasonal statistic', () => {
    const run = (seasonAlpha: number) => {
      const rng = createRng(7);
      const d = new SeriesDetector({ ...DEFAULT_SERIES, seasonAlpha });
      let late = 0;
      for (let day = 0; day < 15; day++)
        for (let h = 0; h < 24; h += 0.25) {
          // Day 14 has no evening peak: every value is ordinary, only its time is wrong.
          const peak = h >= 18 && h < 22 && day !== 14;
          const r = d.update((peak ? 80 : 20) + gaussianFrom(rng(), rng()), (day * 24 + h) * HOUR);
          if (day === 14 && h >= 18 && h < 22 && r.alarm > 0) late++;
        }
      return late;
    };
    expect(run(0.5)).toBeGreaterThan(0);
    expect(run(0)).toBe(0);
  });

  it('measures the time-of-day residual in its own size, so a dip inside the daily swing alarms', () => {
    const run = (dip: number, restart = false) => {
      const rng = createRng(11);
      let d = new SeriesDetector(DEFAULT_SERIES);
      const kinds: string[] = [];
      const ratios: number[] = [];
      for (let day = 0; day < 15; day++)
        for (let h = 0; h < 24; h += 0.25) {
          // The residual's learned size is part of the saved state.
          if (restart && day === 14 && h === 0) d = SeriesDetector.restore(d.serialize(), DEFAULT_SERIES);
          // Busy 08:00-20:00 at 80, quiet at 20; on day 14 a two-hour lull to 80 - dip at midday,
          // well inside the usual range, so only its time gives it away.
          const busy = h >= 8 && h < 20 ? 80 : 20;
          const lull = day === 14 && h >= 12 && h < 14 ? dip : 0;
          const r = d.update(busy - lull + gaussianFrom(rng(), rng()), (day * 24 + h) * HOUR);
          if (day === 14) ratios.push(r.ratio);
          if (day === 14 && h >= 12 && h < 14 && r.alarm >= ALARM) kinds.push(r.kind);
        }
      return { kinds, ratios };
    };
    expect(run(15).kinds).toContain('seasonal');
    expect(run(15, true)).toEqual(run(15));
    expect(run(0).kinds).toEqual([]);
  });

  it('does not learn an incident as the time of day: its absence the next day is not "unusual for this time of day"', () => {
    // The demo's near-flat disk (0.02 of noise at 30 s) filled late one evening, and at the same
    // time the next day its ordinary 60 % was a seasonal anomaly. Here the fill lasts 40 minutes.
    const rng = createRng(23);
    const d = new SeriesDetector({ ...DEFAULT_SERIES, minChange: 1 });
    const perDay = 2880;
    const alarms: { day: number; kind: string }[] = [];
    for (let i = 0; i < 4 * perDay; i++) {
      const minute = (i % perDay) / 2;
      const fill = i >= 2 * perDay && i < 3 * perDay && minute >= 23 * 60 + 20 ? Math.min(38, (minute - (23 * 60 + 20)) * 4) : 0;
      const r = d.update(60 + fill + 0.02 * gaussianFrom(rng(), rng()), i * 30_000);
      if (r.alarm >= ALARM) alarms.push({ day: Math.floor(i / perDay), kind: r.kind });
    }
    expect(alarms.some((a) => a.day === 2)).toBe(true);
    expect(alarms.filter((a) => a.day === 3)).toEqual([]);
  });

  it('learns the time of day against the level, so a steady climb is not "unusual for this time of day"', () => {
    const rng = createRng(13);
    const d = new SeriesDetector(DEFAULT_SERIES);
    const kinds: string[] = [];
    // A disk filling 3 points a day under a daily swing: every slot is 3 points above yesterday's.
    for (let i = 0; i < 12 * 24 * 10; i++) {
      const t = i * 300_000;
      const v = 40 + (3 * t) / (24 * HOUR) + 2 * Math.sin((2 * Math.PI * t) / (24 * HOUR)) + 0.1 * gaussianFrom(rng(), rng());
      const r = d.update(v, t);
      if (i > 12 * 24 * 2 && r.alarm >= ALARM) kinds.push(r.kind);
    }
    expect(kinds.filter((k) => k === 'seasonal')).toEqual([]);
  });

  it('takes a chance lull in rounded noise for noise, and a flatline for a change in spread', () => {
    // Twenty disks with 0.05 of noise, rounded to 0.01, sampled every 30 s for three days.
    let lulls = 0;
    let d = new SeriesDetector(DEFAULT_SERIES);
    for (let seed = 1; seed <= 20; seed++) {
      const rng = createRng(seed);
      d = new SeriesDetector(DEFAULT_SERIES);
      const value = () => Math.round((42 + 0.05 * gaussianFrom(rng(), rng())) * 100) / 100;
      for (let i = 0; i < 2880 * 3; i++) if (d.update(value(), i * 30_000).alarm >= ALARM && i > 2880) lulls++;
    }
    // A collapse must beat a rise by a margin: with the same bar for both these raised 12 alarms.
    expect(lulls).toBeLessThanOrEqual(6);
    const flat = Array.from({ length: 40 }, (_, i) => d.update(42.01, (2880 * 3 + i) * 30_000));
    const alarm = flat.find((r) => r.alarm >= ALARM);
    expect(alarm?.kind).toBe('variance');
  });

  it('is causal: the score of x does not depend on values after it', () => {
    const series = noisy(600, 2);
    const a = new SeriesDetector(DEFAULT_SERIES);
    const b = new SeriesDetector(DEFAULT_SERIES);
    const sa = series.map((v, i) => a.update(v, i * 60_000));
    const sb = series.slice(0, 450).map((v, i) => b.update(v, i * 60_000));
    expect(sa.slice(0, 450)).toEqual(sb);
  });

  it('gives no alarm during warm-up, round-trips its state exactly, and keeps it small', () => {
    const d = new SeriesDetector(DEFAULT_SERIES);
    const series = noisy(2000, 3);
    expect(series.slice(0, DEFAULT_SERIES.minHistory).every((v) => d.update(v).alarm === 0)).toBe(true);
    series.slice(DEFAULT_SERIES.minHistory).forEach((v, i) => d.update(v, i * 60_000));
    const copy = SeriesDetector.restore(d.serialize(), DEFAULT_SERIES);
    for (const [i, v] of [41, 39, 80, 42].entries()) expect(copy.update(v, (3000 + i) * 60_000)).toEqual(d.update(v, (3000 + i) * 60_000));
    expect(d.serialize().length).toBeLessThan(50_000);
    expect(d.serialize().length).toBeLessThan(10_000);
  });

  it('restores state saved with one peak per statistic (before highs and lows were apart) without a warm-up', () => {
    const d = new SeriesDetector(DEFAULT_SERIES);
    const series = noisy(2600, 6);
    series[1000] = 100;
    series.slice(0, 2000).forEach((v, i) => d.update(v, i * 60_000));
    // The older layout: six shared peaks, the range one in units of the scale (σ = 3 here).
    const { meta, arrays } = unpackState(d.serialize());
    const p = arrays[1]!;
    const old = Float64Array.from([Math.max(p[0]!, p[6]!), Math.max(p[1]!, p[7]!) / 3, Math.max(p[2]!, p[8]!), p[3]!, p[4]!, p[5]!]);
    const once = SeriesDetector.restore(packState(meta, [arrays[0]!, old, arrays[2]!, arrays[3]!]), DEFAULT_SERIES);
    // Saved again before it scores anything (a target with no samples that tick) and restored.
    const legacy = SeriesDetector.restore(once.serialize(), DEFAULT_SERIES);
    expect(legacy.seen).toBe(2000);
    const alarms = (det: SeriesDetector) => series.slice(2000).map((v, i) => det.update(v, (2000 + i) * 60_000).alarm >= ALARM);
    expect(alarms(legacy)).toEqual(alarms(d));
    // What it learned is kept: a clear spike alarms at once, with no warm-up.
    expect(legacy.update(200, 2600 * 60_000).alarm).toBeGreaterThan(ALARM);
  });

  it('keeps its trailing range right when values do not fit in 32 bits', () => {
    const d = new SeriesDetector({ ...DEFAULT_SERIES, range: 200 });
    // 0.1 steps are not exact in 32 bits; the old maximum must leave the range when it leaves the ring.
    for (let i = 0; i < 200; i++) d.update(i === 0 ? 1000.1 : 10 + (i % 10) * 0.1);
    for (let i = 0; i < 50; i++) d.update(10 + (i % 10) * 0.1);
    // The window's own maximum bounds the expected range (its 3-scale band is wider).
    expect(d.update(10.5).expectedHigh).toBeCloseTo(10.9, 4);
  });

  it('ignores values that are not finite (or overflow 32 bits) without losing what it learned', () => {
    const series = noisy(600, 4);
    const clean = new SeriesDetector(DEFAULT_SERIES);
    const dirty = new SeriesDetector(DEFAULT_SERIES);
    const a = series.map((v, i) => clean.update(v, i * 60_000));
    const b = series.map((v, i) => {
      if (i % 50 === 7) for (const bad of [Number.NaN, Infinity, -Infinity, 1e39]) expect(dirty.update(bad, i * 60_000).alarm).toBe(0);
      return dirty.update(v, i * 60_000);
    });
    expect(b).toEqual(a);
  });

  it('opens nothing for a move smaller than minChange, in the series’ own unit, and still sees a real one', () => {
    // A near-flat disk at 60 % with 0.02 points of noise: a 0.3-point bump is a record for every statistic.
    const series = (seed: number) => {
      const rng = createRng(seed);
      const v = Array.from({ length: 3000 }, () => 60 + 0.02 * gaussianFrom(rng(), rng()));
      for (let i = 2000; i < 2010; i++) v[i]! += 0.3;
      for (let i = 2600; i < 2610; i++) v[i]! += 5;
      return v;
    };
    const alarmsFrom = (minChange: number) => {
      const d = new SeriesDetector({ ...DEFAULT_SERIES, minChange });
      return series(31)
        .map((v, i) => [i, d.update(v, i * 30_000).alarm] as const)
        .filter(([i, a]) => i >= 1000 && a >= ALARM)
        .map(([i]) => i);
    };
    const none = alarmsFrom(0);
    expect(none.some((i) => i >= 2000 && i < 2010)).toBe(true);
    const floored = alarmsFrom(1);
    expect(floored.some((i) => i >= 2000 && i < 2600)).toBe(false);
    expect(floored.some((i) => i >= 2600 && i < 2610)).toBe(true);
  });

  it('does not explode on a flat series', () => {
    const d = new SeriesDetector(DEFAULT_SERIES);
    const flat = Array.from({ length: 300 }, () => d.update(10).alarm);
    expect(flat.every((x) => x === 0)).toBe(true);
    expect(d.update(20).alarm).toBeGreaterThan(0.5);
  });
});

describe('state codec', () => {
  it('keeps 32-bit arrays at half the size, reads them back as 64-bit, and still reads blobs without the tag', () => {
    const a = new Float64Array([1.5, -2.25, 1e6]);
    const b = Float32Array.from([0.1, 7, -3.5]);
    const both = packState({ n: 1 }, [a, b]);
    const wide = packState({ n: 1 }, [a, Float64Array.from(b)]);
    // 12 bytes fewer in the body, whatever the tag adds to the header.
    expect(both.length - both.readUInt32LE(0)).toBeLessThanOrEqual(wide.length - wide.readUInt32LE(0) - 12 + 7);
    const back = unpackState(both);
    expect(back.meta).toEqual({ n: 1 });
    expect([...back.arrays[0]!]).toEqual([...a]);
    expect([...back.arrays[1]!]).toEqual([...b]);
    // A blob from before the tag: 64-bit arrays only.
    expect([...unpackState(packState({}, [a])).arrays[0]!]).toEqual([...a]);
  });
});

describe('host forest', () => {
  const p = { trees: 50, sampleSize: 128, seed: 1, window: 400, stride: 1, refitEvery: 50, minHistory: 100 };
  const normal = (rng: () => number) => ({
    cpu: 30 + 3 * gaussianFrom(rng(), rng()),
    memory: 50 + gaussianFrom(rng(), rng()),
    disk: 40,
    net_in: 1e6 * (1 + 0.1 * gaussianFrom(rng(), rng())),
    net_out: 5e5,
  });

  it('scores an unusual vector high and names the metric that moved', () => {
    const rng = createRng(5);
    const h = new HostForest(p);
    for (let i = 0; i < 300; i++) h.update(normal(rng));
    const okScores = Array.from({ length: 20 }, () => h.update(normal(rng))!.score);
    const ok = okScores.reduce((a, b) => a + b) / okScores.length;
    const bad = h.update({ ...normal(rng), memory: 97, cpu: 60 })!;
    expect(ok).toBeLessThan(0.55);
    expect(bad.score).toBeGreaterThan(ok + 0.15);
    expect(bad.feature).toBe('memory');
  });

  it('gives the usual range of the blamed metric without the earlier incidents in its window', () => {
    const rng = createRng(7);
    const h = new HostForest(p);
    // The window holds an earlier memory leak (97 %) and a disk that wiggles by a tenth of a point.
    for (let i = 0; i < 300; i++)
      h.update({ ...normal(rng), memory: i >= 200 && i < 215 ? 97 : 50 + gaussianFrom(rng(), rng()), disk: 40 + (i % 2) * 0.1 });
    const bad = h.update({ ...normal(rng), memory: 96, disk: 40.3 }, 0)!;
    expect(bad.feature).toBe('memory');
    expect(bad.observed).toBe(96);
    // About 50 ± 3 robust deviations, not the window's 97.
    expect(bad.expectedHigh).toBeGreaterThan(51.5);
    expect(bad.expectedHigh).toBeLessThan(55);
    expect(bad.expectedLow).toBeGreaterThan(45);
    // Network figures come back in bytes per second.
    const net = h.update({ ...normal(rng), net_in: 5e7 }, 0)!;
    expect(net.feature).toBe('net_in');
    expect(net.expectedHigh).toBeGreaterThan(1e6);
    expect(net.expectedHigh).toBeLessThan(2e6);
  });

  it('restores to the same scores after serialize()', () => {
    const rng = createRng(6);
    const h = new HostForest(p, 3);
    for (let i = 0; i < 250; i++) h.update(normal(rng));
    const copy = HostForest.restore(h.serialize(), p, 3);
    const v = { cpu: 80, memory: 50, disk: 40, net_in: 1e6, net_out: 5e5 };
    expect(copy.update(v)!.score).toBeCloseTo(h.update(v)!.score, 12);
  });
});

describe('anomaly tracker', () => {
  const f = (anomalous: boolean, ts: number, observed = 95): Finding => ({
    target: 'web-1',
    metric: 'cpu',
    detector: 'threshold',
    ts,
    anomalous,
    score: anomalous ? 1 : 0,
    observed,
    expectedLow: 0,
    expectedHigh: 90,
    severity: 'warning',
    summary: anomalous ? 'cpu high' : '',
  });

  it('keeps one record per episode, updates it, resolves after N normal samples', () => {
    const t = new AnomalyTracker([], 2);
    const a = t.apply([f(true, 1)]);
    expect(a.opened).toHaveLength(1);
    const b = t.apply([f(true, 2, 99)]);
    expect(b.updated[0]).toMatchObject({ id: a.opened[0]!.id, peak: 99, observed: 99 });
    expect(t.apply([f(false, 3, 50)]).resolved).toHaveLength(0);
    const d = t.apply([f(false, 4, 50)]);
    expect(d.resolved[0]).toMatchObject({ id: a.opened[0]!.id, status: 'resolved', endTs: 4 });
    expect(t.apply([f(true, 5)]).opened[0]!.id).not.toBe(a.opened[0]!.id);
  });

  it('keeps the summary of the episode’s strongest finding, not of a weaker tail', () => {
    const t = new AnomalyTracker([], 2);
    const g = (ts: number, score: number, summary: string): Finding => ({ ...f(true, ts), detector: 'robust', score, summary });
    t.apply([g(1, 0.6, 'onset')]);
    expect(t.apply([g(2, 0.4, 'tail')]).updated[0]).toMatchObject({ summary: 'onset', score: 0.6 });
    expect(t.apply([g(3, 0.7, 'escalated')]).updated[0]).toMatchObject({ summary: 'escalated', score: 0.7 });
  });

  it('keeps a host episode’s figures in one metric’s units', () => {
    const t = new AnomalyTracker([], 2);
    const h = (ts: number, score: number, feature: string | undefined, observed: number, lo: number, hi: number): Finding => ({
      ...f(true, ts, observed),
      metric: 'host',
      detector: 'iforest',
      score,
      anomalous: feature !== undefined,
      expectedLow: lo,
      expectedHigh: hi,
      summary: feature ? `mostly ${feature}` : '',
      ...(feature ? { feature } : {}),
    });
    expect(t.apply([h(1, 0.75, 'disk', 98, 34, 36)]).opened[0]).toMatchObject({ feature: 'disk', peak: 98, expectedHigh: 36 });
    // A weaker moment that blames the network leaves the disk figures alone...
    expect(t.apply([h(2, 0.74, 'net_in', 5e7, 1e6, 2e6)]).updated[0]).toMatchObject({
      feature: 'disk',
      observed: 98,
      peak: 98,
      expectedHigh: 36,
      summary: 'mostly disk',
    });
    // ...a stronger one becomes the episode's figures, all of them.
    expect(t.apply([h(3, 0.8, 'memory', 97, 45, 55)]).updated[0]).toMatchObject({
      feature: 'memory',
      observed: 97,
      peak: 97,
      expectedLow: 45,
      expectedHigh: 55,
      summary: 'mostly memory',
      score: 0.8,
    });
    t.apply([h(4, 0.5, undefined, 0, 0, 0)]);
    // The calm findings name no metric: the last memory figure stays, not a 0.
    expect(t.apply([h(5, 0.5, undefined, 0, 0, 0)]).resolved[0]).toMatchObject({ status: 'resolved', feature: 'memory', observed: 97 });
  });

  it('continues an open anomaly loaded from the store (same key, same id)', () => {
    const first = new AnomalyTracker([], 1).apply([f(true, 1)]).opened[0]!;
    const t = new AnomalyTracker([first], 1);
    expect(t.apply([f(true, 2)]).updated[0]!.id).toBe(first.id);
  });
});

describe('silence findings', () => {
  it('flags a target silent for longer than the limit and clears one that reports', () => {
    const last = new Map<string, number | null>([
      ['a', 0],
      ['b', 100_000],
      ['c', null],
    ]);
    const out = silenceFindings(last, new Set(['b']), 200_000, 120_000, 50_000);
    expect(out.find((x) => x.target === 'a')!.anomalous).toBe(true);
    expect(out.find((x) => x.target === 'b')!.anomalous).toBe(false);
    // Never seen: judged from the start, 150 s ago.
    expect(out.find((x) => x.target === 'c')).toMatchObject({ anomalous: true, summary: 'no samples from c for 150 s' });
    expect(silenceFindings(new Map([['c', null]]), new Set(), 200_000, 120_000, 150_000)).toEqual([]);
  });

  it('counts silence from this start at the earliest, and says how much of the gap the bot was down', () => {
    // Last seen at 0; the bot started again at 150 s. At 200 s it has watched 50 s: not yet silent.
    const last = new Map<string, number | null>([['a', 0]]);
    expect(silenceFindings(last, new Set(), 200_000, 120_000, 150_000)).toEqual([]);
    const [late] = silenceFindings(last, new Set(), 280_000, 120_000, 150_000);
    expect(late).toMatchObject({
      anomalous: true,
      observed: 280,
      summary: 'no samples from a for 280 s (I was not running for 150 s of it)',
    });
  });
});

describe('robust finding summaries', () => {
  it('reports the recent level (median of the last 4 values) for a shift, not just the latest value', () => {
    const d = new SeriesDetector(DEFAULT_SERIES);
    const rng = createRng(3);
    for (let i = 0; i < 400; i++) d.update(20 + gaussianFrom(rng(), rng()), T0 + i * 30_000);
    const tail = [60, 61, 59, 24];
    let r = d.update(tail[0]!, T0 + 400 * 30_000);
    for (let i = 1; i < tail.length; i++) r = d.update(tail[i]!, T0 + (400 + i) * 30_000);
    expect(r.level).toBe(59.5); // median of 60, 61, 59, 24
    const text = robustSummary(s(24, 403), { ...r, kind: 'shift' }, 'a level shift');
    expect(text).toMatch(/^CPU recent level 59\.5% \(latest 24%\): a level shift from its usual /);
    expect(text).not.toMatch(/deviations/);
  });

  it('quotes deviations only where they measure the value, and none for a change in spread', () => {
    const r = { alarm: 0.5, ratio: 2, kind: 'spike' as const, deviations: 30.44, level: 21, expectedLow: 16.9, expectedHigh: 30.9 };
    expect(robustSummary(s(95.06, 1), r, 'a spike')).toBe('CPU 95.06%: a spike, 30.4 robust deviations from its usual 16.9%–30.9%');
    expect(robustSummary(s(95.06, 1), { ...r, deviations: 7e14 }, 'a spike')).toBe(
      'CPU 95.06%: a spike, over 1,000 robust deviations from its usual 16.9%–30.9%',
    );
    expect(robustSummary(s(50.86, 1, 'api-2', 'memory'), { ...r, kind: 'variance' }, 'a change in variability')).toBe(
      'memory 50.86%: a change in variability around its usual 16.9%–30.9%',
    );
    // A time-of-day finding can fire on a value inside the usual range: it quotes no deviations from it.
    expect(
      robustSummary(
        s(47.73, 1, 'web-2', 'memory'),
        { ...r, kind: 'seasonal', level: 90.1, deviations: 50.6 },
        'unusual for this time of day',
      ),
    ).toBe('memory 47.73% (recent level 90.1%): unusual for this time of day; its usual 16.9%–30.9% overall');
    // Bytes per second in the units a reader uses, and the metric's label, not its key.
    const net = { ...r, expectedLow: 1_586_588, expectedHigh: 2_765_670 };
    expect(robustSummary(s(1_921_769, 1, 'web-1', 'net_in'), { ...net, kind: 'variance' }, 'a change in variability')).toBe(
      'network in 1.92 MB/s: a change in variability around its usual 1.59 MB/s–2.77 MB/s',
    );
    expect(robustSummary(s(489.83, 1, 'web-1', 'latency_ms'), { ...r, expectedLow: 61.87, expectedHigh: 89.55 }, 'a spike')).toBe(
      'latency 489.83 ms: a spike, 30.4 robust deviations from its usual 61.87 ms–89.55 ms',
    );
  });
});
