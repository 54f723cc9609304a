import { gaussianFrom, hashString, hashUnit } from '../../core/random.js';
import type { Sample } from '../../core/sample.js';

export const INCIDENT_KINDS = ['cpu_spike', 'memory_leak', 'disk_fill', 'latency_spike', 'host_silent'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface Incident {
  target: string;
  kind: IncidentKind;
  startTs: number;
  endTs: number;
}

export interface SyntheticOptions {
  seed: number;
  incidentEveryMs: number;
  /** Boot time: when set, one CPU spike starts 5 s after it on the first target. */
  bootTs?: number;
}

export interface SyntheticTargetSpec {
  name: string;
  role?: string;
}

interface Profile {
  cpu: number;
  cpuSwing: number;
  memory: number;
  disk: number;
  net: number;
  latency?: number;
}

const PROFILES: Record<string, Profile> = {
  web: { cpu: 28, cpuSwing: 18, memory: 48, disk: 41, net: 3.5e6, latency: 85 },
  api: { cpu: 35, cpuSwing: 20, memory: 55, disk: 37, net: 2.2e6, latency: 120 },
  db: { cpu: 30, cpuSwing: 12, memory: 68, disk: 62, net: 1.4e6 },
  monitoring: { cpu: 15, cpuSwing: 5, memory: 40, disk: 55, net: 6e5 },
  default: { cpu: 25, cpuSwing: 12, memory: 50, disk: 45, net: 1e6 },
};

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/**
 * The incidents active at `ts` for the fleet: pure in (seed, fleet, ts). One incident per
 * `incidentEveryMs` slot, on a target and of a kind drawn from the seed, so every run with the
 * same seed sees the same history.
 */
export function incidentsAt(fleet: SyntheticTargetSpec[], ts: number, opts: SyntheticOptions): Incident[] {
  const out: Incident[] = [];
  if (fleet.length === 0) return out;
  const slotLen = opts.incidentEveryMs;
  const slot = Math.floor(ts / slotLen);
  // An incident may spill into the next slot, so look one slot back too.
  for (const k of [slot - 1, slot]) {
    const inc = slotIncident(fleet, k, slotLen, opts.seed);
    if (inc.startTs <= ts && ts < inc.endTs) out.push(inc);
  }
  if (opts.bootTs !== undefined) {
    const boot = bootIncident(fleet, opts.bootTs);
    if (boot.startTs <= ts && ts < boot.endTs) out.push(boot);
  }
  return out;
}

export function bootIncident(fleet: SyntheticTargetSpec[], bootTs: number): Incident {
  return { target: fleet[0]!.name, kind: 'cpu_spike', startTs: bootTs + 5_000, endTs: bootTs + 5_000 + 4 * MIN };
}

function slotIncident(fleet: SyntheticTargetSpec[], slot: number, slotLen: number, seed: number): Incident {
  const target = fleet[Math.floor(hashUnit(seed, slot, 1) * fleet.length)]!.name;
  const kind = INCIDENT_KINDS[Math.floor(hashUnit(seed, slot, 2) * INCIDENT_KINDS.length)]!;
  const slotStart = slot * slotLen;
  const startTs = slotStart + Math.floor(hashUnit(seed, slot, 3) * slotLen * 0.4);
  const minutes = kind === 'memory_leak' || kind === 'disk_fill' ? 12 : 3 + Math.floor(hashUnit(seed, slot, 4) * 5);
  return { target, kind, startTs, endTs: startTs + Math.min(minutes * MIN, slotLen) };
}

/** How far into the weekend `ts` is, 0 on weekdays to 1 at weekends, easing over the 12 h around Saturday's and Monday's midnight. */
export function weekendShare(ts: number): number {
  const hours = (ts % (7 * DAY)) / (60 * MIN); // from Thursday 00:00 UTC (day 0 of the epoch)
  // Saturday 00:00 is 48 h in, Monday 00:00 is 96 h in; each change takes 12 h centred on midnight.
  const ease = (x: number) => 0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, x)));
  return ease((hours - 42) / 12) - ease((hours - 90) / 12);
}

/**
 * Daily shape: quiet at night, busy in the afternoon (UTC), lighter at weekends. The weekend comes
 * on gradually, as a real fleet's does: a step at midnight made every host's traffic "shift" at once.
 */
export function dailyFactor(ts: number): number {
  const hour = (ts % DAY) / (60 * MIN);
  return (1 - 0.3 * weekendShare(ts)) * (0.55 + 0.45 * Math.sin((2 * Math.PI * (hour - 9)) / 24));
}

function noise(seed: number, target: string, metric: string, ts: number): number {
  const h = hashString(`${target}/${metric}`, seed);
  const step = Math.floor(ts / 1000);
  return gaussianFrom(hashUnit(h, step, 11), hashUnit(h, step, 12));
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Samples of one target at `ts`, or an empty list when the target is silent. Pure: the same
 * (seed, target, ts, incidents) always gives the same values.
 */
export function generateSamples(target: SyntheticTargetSpec, ts: number, seed: number, incidents: Incident[]): Sample[] {
  const mine = incidents.filter((i) => i.target === target.name);
  if (mine.some((i) => i.kind === 'host_silent')) return [];
  const p = PROFILES[target.role ?? 'default'] ?? PROFILES.default!;
  const d = dailyFactor(ts);
  const n = (m: string) => noise(seed, target.name, m, ts);
  // Slow per-target drift so hosts differ from one another.
  const offset = (hashString(target.name, seed) % 1000) / 100 - 5;

  let cpu = p.cpu + offset + p.cpuSwing * (d - 0.55) + 2.5 * n('cpu');
  let memory = p.memory + offset / 2 + 4 * (d - 0.55) + 0.8 * n('memory');
  let disk = p.disk + offset + ((ts / DAY) % 7) * 0.3 + 0.05 * n('disk');
  const netIn = p.net * (0.3 + d) * (1 + 0.08 * n('net_in'));
  const netOut = p.net * 0.6 * (0.3 + d) * (1 + 0.08 * n('net_out'));
  let latency = p.latency === undefined ? undefined : p.latency * (0.8 + 0.4 * d) * (1 + 0.06 * n('latency_ms'));

  for (const inc of mine) {
    const progress = (ts - inc.startTs) / (inc.endTs - inc.startTs);
    if (inc.kind === 'cpu_spike') cpu = 96 + 1.5 * n('cpu');
    if (inc.kind === 'memory_leak') memory = memory + (97 - memory) * Math.min(1, progress * 1.25);
    if (inc.kind === 'disk_fill') disk = disk + (98 - disk) * Math.min(1, progress * 1.25);
    if (inc.kind === 'latency_spike') {
      if (latency !== undefined) latency *= 8;
      cpu += 12;
    }
  }

  const out: Sample[] = [
    { target: target.name, metric: 'cpu', ts, value: round(clamp(cpu, 0, 100)) },
    { target: target.name, metric: 'memory', ts, value: round(clamp(memory, 0, 100)) },
    { target: target.name, metric: 'disk', ts, value: round(clamp(disk, 0, 100)) },
    { target: target.name, metric: 'net_in', ts, value: Math.round(Math.max(0, netIn)) },
    { target: target.name, metric: 'net_out', ts, value: Math.round(Math.max(0, netOut)) },
  ];
  if (latency !== undefined) out.push({ target: target.name, metric: 'latency_ms', ts, value: round(Math.max(1, latency)) });
  return out;
}

const round = (v: number) => Math.round(v * 100) / 100;
