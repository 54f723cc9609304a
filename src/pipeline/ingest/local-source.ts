import { readFile, statfs } from 'node:fs/promises';
import os from 'node:os';
import type { MetricSource } from '../../core/ports.js';
import type { Sample, SourceGap } from '../../core/sample.js';
import type { Target } from '../../core/target.js';

export interface LocalSourceOptions {
  name?: string;
  diskPath: string;
  /** Injected for tests; defaults read the real host. */
  readProc?: (file: string) => Promise<string>;
  /**
   * CPU and network are rates between two readings: the first collect takes a second reading this
   * long after its first (250 ms by default), so the first tick after a start has them too and the
   * console does not show the last run's figures as stale. 0 skips it (the first tick has none).
   */
  firstReadMs?: number;
}

interface Counters {
  ts: number;
  cpuIdle: number;
  cpuTotal: number;
  rx?: number;
  tx?: number;
}

export function localTargetName(explicit?: string): string {
  const host =
    os
      .hostname()
      .replace(/[^A-Za-z0-9._-]/g, '-')
      .slice(0, 50) || 'host';
  return explicit ?? `local-${host}`;
}

/** This host's own figures, so a fresh install shows something real in the first minute. */
export function createLocalSource(opts: LocalSourceOptions): MetricSource {
  const name = localTargetName(opts.name);
  const target: Target = { name, role: 'local', labels: { source: 'local' }, source: 'local' };
  const readProc = opts.readProc ?? ((f: string) => readFile(f, 'utf8'));
  let prev: Counters | undefined;

  return {
    name: 'local',
    targets: () => [target],
    async collect(now) {
      const samples: Sample[] = [];
      const gaps: SourceGap[] = [];
      const gapMs = opts.firstReadMs ?? 250;
      if (!prev && gapMs > 0) {
        prev = await readCounters(now - gapMs, readProc);
        await new Promise((r) => setTimeout(r, gapMs));
      }
      const cur = await readCounters(now, readProc);
      if (prev) {
        const total = cur.cpuTotal - prev.cpuTotal;
        if (total > 0)
          samples.push({ target: name, metric: 'cpu', ts: now, value: round(100 * (1 - (cur.cpuIdle - prev.cpuIdle) / total)) });
        const secs = (cur.ts - prev.ts) / 1000;
        if (secs > 0 && cur.rx !== undefined && prev.rx !== undefined && cur.tx !== undefined && prev.tx !== undefined) {
          samples.push({ target: name, metric: 'net_in', ts: now, value: Math.max(0, Math.round((cur.rx - prev.rx) / secs)) });
          samples.push({ target: name, metric: 'net_out', ts: now, value: Math.max(0, Math.round((cur.tx - prev.tx) / secs)) });
        } else if (cur.rx === undefined) {
          gaps.push({ source: 'local', target: name, metric: 'net_in', reason: 'no /proc/net/dev on this platform' });
        }
      }
      prev = cur;
      samples.push({ target: name, metric: 'memory', ts: now, value: round(await memoryPercent(readProc)) });
      try {
        const s = await statfs(opts.diskPath);
        if (s.blocks > 0) samples.push({ target: name, metric: 'disk', ts: now, value: round(100 * (1 - s.bavail / s.blocks)) });
      } catch (err) {
        gaps.push({ source: 'local', target: name, metric: 'disk', reason: `statfs ${opts.diskPath}: ${(err as Error).message}` });
      }
      return { samples, gaps };
    },
  };
}

async function readCounters(ts: number, readProc: (f: string) => Promise<string>): Promise<Counters> {
  let cpuIdle = 0;
  let cpuTotal = 0;
  for (const c of os.cpus()) {
    const t = c.times;
    cpuIdle += t.idle;
    cpuTotal += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  const out: Counters = { ts, cpuIdle, cpuTotal };
  try {
    const text = await readProc('/proc/net/dev');
    let rx = 0;
    let tx = 0;
    for (const line of text.split('\n').slice(2)) {
      const [iface, rest] = line.split(':');
      if (!rest || iface!.trim() === 'lo') continue;
      const f = rest.trim().split(/\s+/).map(Number);
      rx += f[0] ?? 0;
      tx += f[8] ?? 0;
    }
    out.rx = rx;
    out.tx = tx;
  } catch {
    // Not Linux: network figures are reported as a gap.
  }
  return out;
}

async function memoryPercent(readProc: (f: string) => Promise<string>): Promise<number> {
  try {
    // MemAvailable counts reclaimable cache; os.freemem() does not, and overstates pressure.
    const info = await readProc('/proc/meminfo');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(info)?.[1]);
    const total = kb('MemTotal');
    const avail = kb('MemAvailable');
    if (total > 0 && Number.isFinite(avail)) return 100 * (1 - avail / total);
  } catch {
    // fall through
  }
  return 100 * (1 - os.freemem() / os.totalmem());
}

const round = (v: number) => Math.round(v * 100) / 100;
