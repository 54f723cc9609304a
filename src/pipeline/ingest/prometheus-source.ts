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

  const targetFor = (instance: string): string | undefined => {
    const known = byAddress.get(instance);
    if (known) return known.name;
    if (opts.targets.length > 0) return undefined;
    const name = instance.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 63);
    if (!discovered.has(name)) discovered.set(name, { name, address: instance, labels: {}, source: 'prometheus' });
    return name;
  };

  async function query(promql: string, now: number): Promise<VectorResult[]> {
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
    return body.data.result ?? [];
  }

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
            for (const r of await query(promql, now)) {
              const instance = r.metric[opts.instanceLabel];
              const target = instance ? targetFor(instance) : undefined;
              const value = Number(r.value[1]);
              if (!target || !Number.isFinite(value)) continue;
              samples.push({ target, metric, ts: Math.round(r.value[0] * 1000), value: Math.round(value * 100) / 100 });
              (seen.get(target) ?? seen.set(target, new Set()).get(target)!).add(metric);
            }
          } catch (err) {
            gaps.push({ source: 'prometheus', metric, reason: (err as Error).message });
          }
        }),
      );
      for (const t of opts.targets) {
        const got = seen.get(t.name);
        if (!got) gaps.push({ source: 'prometheus', target: t.name, reason: 'no series for this instance (is node_exporter up?)' });
      }
      return { samples, gaps };
    },
  };
}
