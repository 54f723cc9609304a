import { readFile, stat } from 'node:fs/promises';
import type { MetricSource } from '../../core/ports.js';
import type { Sample, SourceGap } from '../../core/sample.js';
import type { Target } from '../../core/target.js';

const FIELDS: Record<string, string> = {
  cpu: 'cpu',
  cpu_usage: 'cpu',
  memory: 'memory',
  memory_usage: 'memory',
  mem: 'memory',
  disk: 'disk',
  disk_usage: 'disk',
  net_in: 'net_in',
  net_out: 'net_out',
  network_in: 'net_in',
  network_out: 'net_out',
  latency_ms: 'latency_ms',
};

/**
 * Parses the original plan's metrics.json: either a list of records
 * `{"timestamp": "...", "host": "web-1", "cpu": 41.2, "memory": 63}` or an object keyed by host
 * whose values are such lists. Bad records become gaps, never exceptions.
 */
export function parseMetricsJson(text: string): { samples: Sample[]; gaps: SourceGap[] } {
  const samples: Sample[] = [];
  const gaps: SourceGap[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { samples, gaps: [{ source: 'file', reason: `not JSON: ${(err as Error).message}` }] };
  }
  const rows: { host?: unknown; rec: unknown }[] = [];
  if (Array.isArray(doc)) doc.forEach((rec) => rows.push({ rec }));
  else if (doc && typeof doc === 'object') {
    const body = (doc as Record<string, unknown>).metrics ?? doc;
    if (Array.isArray(body)) body.forEach((rec) => rows.push({ rec }));
    else
      for (const [host, list] of Object.entries(body as Record<string, unknown>)) {
        if (Array.isArray(list)) list.forEach((rec) => rows.push({ host, rec }));
        else gaps.push({ source: 'file', target: host, reason: 'expected a list of records' });
      }
  } else gaps.push({ source: 'file', reason: 'expected a list or an object of hosts' });

  rows.forEach(({ host, rec }, i) => {
    if (!rec || typeof rec !== 'object') return gaps.push({ source: 'file', reason: `record ${i}: not an object` });
    const r = rec as Record<string, unknown>;
    const name = String(host ?? r.host ?? r.hostname ?? r.target ?? r.instance ?? '');
    const ts = parseTs(r.timestamp ?? r.time ?? r.ts);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(name)) return gaps.push({ source: 'file', reason: `record ${i}: bad or missing host` });
    if (ts === undefined) return gaps.push({ source: 'file', target: name, reason: `record ${i}: bad or missing timestamp` });
    for (const [field, metric] of Object.entries(FIELDS)) {
      if (!(field in r)) continue;
      const v = Number(r[field]);
      if (!Number.isFinite(v)) gaps.push({ source: 'file', target: name, metric, reason: `record ${i}: ${field} is not a number` });
      else samples.push({ target: name, metric, ts, value: v });
    }
  });
  return { samples, gaps };
}

function parseTs(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v < 1e11 ? v * 1000 : v;
  if (typeof v === 'string') {
    const t = /^\d+(\.\d+)?$/.test(v) ? parseTs(Number(v)) : Date.parse(v);
    return Number.isFinite(t) ? t : undefined;
  }
  return undefined;
}

export interface FileSourceOptions {
  path: string;
  targets: Target[];
  /** Hosts beyond the configured targets that may become targets (maxDiscoveredTargets). */
  maxDiscovered?: number;
}

/** Re-reads the file when it changes and emits only records newer than those already emitted. */
export function createFileSource(opts: FileSourceOptions): MetricSource {
  const lastTs = new Map<string, number>();
  let lastMtime = 0;
  const known = new Map(opts.targets.map((t) => [t.name, t]));
  const configured = known.size;
  return {
    name: 'file',
    targets: () => [...known.values()],
    async collect() {
      let text: string;
      try {
        const st = await stat(opts.path);
        if (st.mtimeMs === lastMtime) return { samples: [], gaps: [] };
        lastMtime = st.mtimeMs;
        text = await readFile(opts.path, 'utf8');
      } catch (err) {
        return { samples: [], gaps: [{ source: 'file', reason: `${opts.path}: ${(err as Error).message}` }] };
      }
      const { samples, gaps } = parseMetricsJson(text);
      const refused = new Set<string>();
      const admit = (host: string) => {
        if (known.has(host)) return true;
        if (known.size - configured >= (opts.maxDiscovered ?? Infinity)) return !refused.add(host);
        known.set(host, { name: host, labels: {}, source: 'file' });
        return true;
      };
      const fresh = samples.filter((s) => s.ts > (lastTs.get(`${s.target}/${s.metric}`) ?? -Infinity) && admit(s.target));
      for (const s of fresh) {
        const k = `${s.target}/${s.metric}`;
        lastTs.set(k, Math.max(lastTs.get(k) ?? -Infinity, s.ts));
      }
      if (refused.size)
        gaps.push({
          source: 'file',
          reason: `${refused.size} host(s) beyond maxDiscoveredTargets (${opts.maxDiscovered}) ignored, e.g. ${[...refused][0]}; raise it or list them in the targets file`,
        });
      fresh.sort((a, b) => a.ts - b.ts);
      return { samples: fresh, gaps };
    },
  };
}
