import { errorReason, SourceError } from '../../core/errors.js';
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
  /** PromQL per metric over the node_exporter ones: a key replaces the default of that name, "" drops it. */
  queries?: Record<string, string>;
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

/** A discovered instance's target name: "10.0.0.5:9100" becomes "10.0.0.5_9100". */
const nameOf = (instance: string) => instance.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 63);

// Prometheus refuses a range query of more than 11,000 points per series.
const MAX_POINTS = 10_000;
// A range query does far more work than an instant one, and history is read once, at the first start.
const RANGE_TIMEOUT_MS = 30_000;

export function createPrometheusSource(opts: PrometheusSourceOptions): MetricSource {
  const doFetch = opts.fetch ?? fetch;
  const queries = Object.fromEntries(
    Object.entries({ ...nodeExporterQueries(opts.rateWindow, opts.instanceLabel), ...opts.queries }).filter(([, q]) => q.trim() !== ''),
  );
  const byAddress = new Map(opts.targets.map((t) => [t.address ?? t.name, t]));
  const discovered = new Map<string, Target>();

  const refused = new Set<string>();
  const targetFor = (instance: string): string | undefined => {
    const known = byAddress.get(instance);
    if (known) return known.name;
    if (opts.targets.length > 0) return undefined;
    const name = nameOf(instance);
    if (!discovered.has(name)) {
      if (discovered.size >= (opts.maxDiscovered ?? Infinity)) {
        refused.add(name);
        return undefined;
      }
      discovered.set(name, { name, address: instance, labels: {}, source: 'prometheus' });
    }
    return name;
  };

  async function call(path: string, params: Record<string, string>, want: string, timeoutMs: number): Promise<unknown[]> {
    const u = new URL(path, opts.url);
    for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
    const res = await doFetch(u, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json().catch(() => ({}))) as {
      status?: string;
      error?: string;
      data?: { resultType?: string; result?: unknown };
    };
    if (!res.ok || body.status !== 'success') throw new Error(`HTTP ${res.status}: ${body.error ?? 'query failed'}`);
    if (body.data?.resultType !== want) throw new Error(`unexpected result type ${body.data?.resultType}`);
    if (!Array.isArray(body.data.result)) throw new Error(`${want} result is not a list`);
    return body.data.result as unknown[];
  }

  const query = (promql: string, now: number) =>
    call('/api/v1/query', { query: promql, time: String(now / 1000) }, 'vector', opts.timeoutMs);

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

  /** An instance's target for history: only one configured or reporting now, never a new one. */
  const knownTarget = (instance: string): string | undefined => {
    const known = byAddress.get(instance);
    if (known) return known.name;
    const name = nameOf(instance);
    return opts.targets.length === 0 && discovered.has(name) ? name : undefined;
  };

  let askedWhoReports = false;
  const source: MetricSource = {
    name: 'prometheus',
    targets: () => (opts.targets.length > 0 ? opts.targets : [...discovered.values()]),
    /**
     * The node_exporter series from `from` to before `until`, one point per `stepMs` (query_range),
     * so a fresh data dir starts with warm detectors. Throws SourceError when a query fails: the
     * caller starts without that history rather than with part of a metric's.
     */
    async backfill(from, until, stepMs, now) {
      // With discovery, only instances that report now get history: one that stopped yesterday would
      // otherwise become a target that is silent from the first tick. Asked once, at `now`.
      if (opts.targets.length === 0 && !askedWhoReports) {
        askedWhoReports = true;
        await source.collect(now);
      }
      const samples: Sample[] = [];
      const step = Math.max(1, Math.round(stepMs / 1000));
      await Promise.all(
        Object.entries(queries).map(async ([metric, promql]) => {
          for (let start = from; start < until; start += MAX_POINTS * step * 1000) {
            const end = Math.min(until - step * 1000, start + (MAX_POINTS - 1) * step * 1000);
            if (end < start) break;
            let rows: unknown[];
            try {
              rows = await call(
                '/api/v1/query_range',
                { query: promql, start: String(start / 1000), end: String(end / 1000), step: `${step}s` },
                'matrix',
                Math.max(opts.timeoutMs, RANGE_TIMEOUT_MS),
              );
            } catch (err) {
              throw new SourceError('prometheus', `history of ${metric}: ${errorReason(err)}`, { cause: err });
            }
            for (const r of rows) {
              const row = r as { metric?: Record<string, unknown>; values?: unknown } | null;
              const instance = row?.metric?.[opts.instanceLabel];
              const target = typeof instance === 'string' ? knownTarget(instance) : undefined;
              if (!target || !Array.isArray(row!.values)) continue;
              for (const point of row!.values as unknown[]) {
                if (!Array.isArray(point) || point.length !== 2 || typeof point[1] !== 'string') continue;
                const ts = Math.round(Number(point[0]) * 1000);
                const value = Number(point[1]);
                // Only the slice asked for: a point past it would come again with the next slice.
                if (Number.isFinite(ts) && Number.isFinite(value) && ts >= start && ts <= end)
                  samples.push({ target, metric, ts, value: Math.round(value * 100) / 100 });
              }
            }
          }
        }),
      );
      return samples;
    },
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
            gaps.push({ source: 'prometheus', metric, reason: errorReason(err) });
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
  return source;
}
