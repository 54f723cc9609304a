import { describe, expect, it } from 'vitest';
import {
  bootIncident,
  dailyFactor,
  generateSamples,
  incidentsAt,
  INCIDENT_KINDS,
  weekendShare,
  type SyntheticOptions,
} from '../../../src/pipeline/ingest/synthetic-generator.js';

const fleet = [
  { name: 'web-1', role: 'web' },
  { name: 'api-1', role: 'api' },
  { name: 'db-1', role: 'db' },
];
const opts: SyntheticOptions = { seed: 42, incidentEveryMs: 20 * 60_000 };
const T0 = Date.UTC(2026, 10, 2, 0, 0, 0);

describe('synthetic generator', () => {
  it('is deterministic under a seed and differs across seeds', () => {
    const a = generateSamples(fleet[0]!, T0 + 12_345, 42, []);
    const b = generateSamples(fleet[0]!, T0 + 12_345, 42, []);
    const c = generateSamples(fleet[0]!, T0 + 12_345, 43, []);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('emits cpu, memory, disk and network for every host, latency for web and api', () => {
    const metrics = (i: number) =>
      generateSamples(fleet[i]!, T0, 1, [])
        .map((s) => s.metric)
        .sort();
    expect(metrics(0)).toEqual(['cpu', 'disk', 'latency_ms', 'memory', 'net_in', 'net_out']);
    expect(metrics(2)).toEqual(['cpu', 'disk', 'memory', 'net_in', 'net_out']);
  });

  it('has a daily pattern: afternoon CPU is higher than night CPU on average', () => {
    const avgCpu = (hour: number) => {
      let sum = 0;
      for (let i = 0; i < 60; i++)
        sum += generateSamples(fleet[0]!, T0 + hour * 3_600_000 + i * 30_000, 42, []).find((s) => s.metric === 'cpu')!.value;
      return sum / 60;
    };
    expect(avgCpu(15)).toBeGreaterThan(avgCpu(3) + 10);
  });

  it('schedules every incident kind over a few days, each inside its slot', () => {
    const kinds = new Set<string>();
    for (let t = T0; t < T0 + 3 * 86_400_000; t += 60_000) for (const inc of incidentsAt(fleet, t, opts)) kinds.add(inc.kind);
    expect([...kinds].sort()).toEqual([...INCIDENT_KINDS].sort());
  });

  it('applies incidents: a CPU spike pushes CPU over 90, a silent host sends nothing', () => {
    const spike = { target: 'web-1', kind: 'cpu_spike' as const, startTs: T0, endTs: T0 + 60_000 };
    const cpu = generateSamples(fleet[0]!, T0 + 1000, 42, [spike]).find((s) => s.metric === 'cpu')!;
    expect(cpu.value).toBeGreaterThan(90);
    const silent = { ...spike, kind: 'host_silent' as const };
    expect(generateSamples(fleet[0]!, T0 + 1000, 42, [silent])).toEqual([]);
    const leak = { target: 'db-1', kind: 'memory_leak' as const, startTs: T0, endTs: T0 + 600_000 };
    const mem = (t: number) => generateSamples(fleet[2]!, t, 42, [leak]).find((s) => s.metric === 'memory')!.value;
    expect(mem(T0 + 500_000)).toBeGreaterThan(mem(T0 + 60_000) + 15);
  });

  it('starts a boot incident 5 s after boot on the first target', () => {
    const boot = bootIncident(fleet, T0);
    expect(boot).toMatchObject({ target: 'web-1', kind: 'cpu_spike', startTs: T0 + 5_000 });
    expect(incidentsAt(fleet, T0 + 20_000, { ...opts, bootTs: T0 }).some((i) => i.kind === 'cpu_spike' && i.target === 'web-1')).toBe(true);
  });
});

describe('the weekend', () => {
  const H = 3_600_000;
  const friday = Date.UTC(2026, 11, 4); // a Friday, 00:00 UTC

  it('is lighter on Saturday and Sunday, and comes and goes over the 12 h around midnight, never in a step', () => {
    expect(weekendShare(friday + 12 * H)).toBe(0);
    expect(weekendShare(friday + 24 * H)).toBeCloseTo(0.5, 6); // Saturday 00:00: halfway
    expect(weekendShare(friday + 36 * H)).toBe(1);
    expect(weekendShare(friday + 60 * H)).toBe(1); // Sunday noon
    expect(weekendShare(friday + 72 * H)).toBeCloseTo(0.5, 6); // Monday 00:00
    expect(weekendShare(friday + 84 * H)).toBe(0);
    // Daytime load on Saturday is 70 % of Friday's at the same hour.
    expect(dailyFactor(friday + 36 * H) / dailyFactor(friday + 12 * H)).toBeCloseTo(0.7, 6);
    // Between two 30 s samples the weekend moves at most π/2880 of the way (a cosine over 12 h); a step was all of it at once.
    let largest = 0;
    for (let ts = friday; ts < friday + 4 * 24 * H; ts += 30_000)
      largest = Math.max(largest, Math.abs(weekendShare(ts + 30_000) - weekendShare(ts)));
    expect(largest).toBeLessThan(Math.PI / 2880 + 1e-9);
    expect(largest).toBeGreaterThan(0);
  });
});
