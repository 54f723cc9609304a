import type { MetricSource } from '../../core/ports.js';
import type { Sample, SourceGap } from '../../core/sample.js';
import type { Target } from '../../core/target.js';

export interface PrometheusSourceOptions {
  url: string;
  timeoutMs: number;
  rateWindow: string;
  instanceLabel: string;
  /** Configured prometheus targets; when empty, every instance Prometheus knows becomes a target. */
  targets: Target[];
  fetch?: typeof fetch;
  /** With no targets configured: at most this many instances become targets (maxDiscoveredTargets). */
  maxDiscovered?: number;
}

const FS = 'fstype!~"tmpfs|overlay|squashfs|ramfs|devtmpfs|nsfs"';
const NIC = 'device!~"lo|veth.*|docker.*|br-.*|virbr.*"';

/** node_exporter queries, one per metric, each aggregated to one series per instance. */
export function nodeExporterQueries(rateWindow: string, label: string): Record<string, string> {
  const by = `by (${label})`;
  return {
    cpu: `100 * (1 - avg ${by} (rate(node_cpu_seconds_total{mode="idle"}[${rateWindow}])))`,
    memory: `100 * (1 - sum ${by} (node_memory_MemAvailable_bytes) / sum ${by} (node_memory_MemTotal_bytes))`,
    disk: `max ${by} (100 * (1 - node_filesystem_avail_bytes{${FS}} / node_filesystem_size_bytes{${FS}}))`,
    net_in: `sum ${by} (rate(node_network_receive_bytes_total{${NIC}}[${rateWindow}]))`,
    net_out: `sum ${by} (rate(node_network_transmit_bytes_total{${NIC}}[${rateWindow}]))`,
  };
}

interface VectorResult {
  metric: Record<string, string>;
  value: [number, string];
}

export function createPrometheusSource(opts: PrometheusSourceOptions): MetricSource {
  const doFetch = opts.fetch ?? fetch;
  const queries = nodeExporterQueries(opts.rateWindow, opts.instanceLabel);
  const byAddress = new Map(opts.targets.map((t) => [t.address ?? t.name, t]));
  const discovered = new Map<string, Target>();

  const refused = new Set<string>();
  const targetFor = (instance: string): string | undefined => {
    const known = byAddress.get(instance);
    if (known) return known.name;
    if (opts.targets.length > 0) return undefined;
    const name = instance.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 63);
    if (!discovered.has(name)) {
      if (discovered.size >= (opts.maxDiscovered ?? Infinity)) {
        refused.add(name);
        return undefined;
      }
      discovered.set(name, { name, address: instance, labels: {}, source: 'prometheus' });
    }
    return name;
  };

  async function query(promql: string, now: number): Promise<unknown[]> {
    const u = new URL('/api/v1/query', opts.url);
    u.searchParams.set('query', promql);
    u.searchParams.set('time', String(now / 1000));
    const res = await doFetch(u, { signal: AbortSignal.timeout(opts.timeoutMs) });
    const body = (await res.json().catch(() => ({}))) as {
      status?: string;
      error?: string;
      data?: { resultType?: string; result?: VectorResult[] };
    };
    if (!res.ok || body.status !== 'success') throw new Error(`HTTP ${res.status}: ${body.error ?? 'query failed'}`);
    if (body.data?.resultType !== 'vector') throw new Error(`unexpected result type ${body.data?.resultType}`);
    if (!Array.isArray(body.data.result)) throw new Error('vector result is not a list');
    return body.data.result as unknown[];
  }

  // One row that is not [labels, [time, "value"]] (a proxy's rewrite, a broken exporter) is dropped,
  // not allowed to take the rest of that metric's rows with it.
  const readRow = (r: unknown): { instance?: string; ts: number; value: number } | undefined => {
    const row = r as Partial<VectorResult> | null;
    if (typeof row !== 'object' || row === null || typeof row.metric !== 'object' || row.metric === null) return undefined;
    if (!Array.isArray(row.value) || row.value.length !== 2) return undefined;
    const ts = Number(row.value[0]) * 1000;
    const value = typeof row.value[1] === 'string' ? Number(row.value[1]) : NaN;
    const instance = row.metric[opts.instanceLabel];
    return Number.isFinite(ts) ? { instance: typeof instance === 'string' ? instance : undefined, ts, value } : undefined;
  };

  return {
    name: 'prometheus',
    targets: () => (opts.targets.length > 0 ? opts.targets : [...discovered.values()]),
    async collect(now) {
      const samples: Sample[] = [];
      const gaps: SourceGap[] = [];
      const seen = new Map<string, Set<string>>();
      await Promise.all(
        Object.entries(queries).map(async ([metric, promql]) => {
          try {
            let malformed = 0;
            for (const r of await query(promql, now)) {
              const row = readRow(r);
              if (!row) {
                malformed++;
                continue;
              }
              const target = row.instance ? targetFor(row.instance) : undefined;
              if (!target || !Number.isFinite(row.value)) continue;
              samples.push({ target, metric, ts: Math.round(row.ts), value: Math.round(row.value * 100) / 100 });
              (seen.get(target) ?? seen.set(target, new Set()).get(target)!).add(metric);
            }
            if (malformed)
              gaps.push({ source: 'prometheus', metric, reason: `${malformed} result row(s) not [labels, [time, value]]; skipped` });
          } catch (err) {
            gaps.push({ source: 'prometheus', metric, reason: (err as Error).message });
          }
        }),
      );
      if (refused.size) {
        gaps.push({
          source: 'prometheus',
          reason: `${refused.size} instance(s) beyond maxDiscoveredTargets (${opts.maxDiscovered}) ignored, e.g. ${[...refused][0]}; raise it or list the targets`,
        });
        refused.clear();
      }
      for (const t of opts.targets) {
        const got = seen.get(t.name);
        if (!got) gaps.push({ source: 'prometheus', target: t.name, reason: 'no series for this instance (is node_exporter up?)' });
      }
      return { samples, gaps };
    },
  };
}
