import type { CloudWatchClient, GetMetricDataCommandInput, GetMetricDataCommandOutput, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { SourceError } from '../../core/errors.js';
import { lazy } from '../../core/lazy.js';
import type { Logger, MetricSource } from '../../core/ports.js';
import type { Sample, SourceGap } from '../../core/sample.js';
import type { Target } from '../../core/target.js';

export const MAX_QUERIES_PER_CALL = 500;
// 500 queries with up to 100,800 datapoints each fit in far fewer pages than this.
const MAX_PAGES = 100;

export interface CloudWatchSourceOptions {
  targets: Target[];
  periodSeconds: number;
  lookbackMinutes: number;
  maxAttempts: number;
  agentNamespace: string;
  /** A client, or a factory that builds one on first use (keeps the SDK out of memory until needed). */
  client: Pick<CloudWatchClient, 'send'> | (() => Promise<Pick<CloudWatchClient, 'send'>>);
  logger?: Logger;
  sleep?: (ms: number) => Promise<void>;
}

interface QuerySpec {
  id: string;
  target: string;
  metric: string;
  /** Sum over the period turned into a per-second rate. */
  perSecond: boolean;
  query: MetricDataQuery;
}

/** Five queries per instance: EC2's own CPU and network, plus the CloudWatch agent's memory and disk. */
export function buildQueries(targets: Target[], periodSeconds: number, agentNamespace: string): QuerySpec[] {
  const out: QuerySpec[] = [];
  for (const t of targets) {
    if (!t.instanceId) continue;
    const dims = [{ Name: 'InstanceId', Value: t.instanceId }];
    const add = (metric: string, ns: string, name: string, stat: string, perSecond = false) => {
      const id = `q${out.length}`;
      out.push({
        id,
        target: t.name,
        metric,
        perSecond,
        query: {
          Id: id,
          ReturnData: true,
          MetricStat: { Metric: { Namespace: ns, MetricName: name, Dimensions: dims }, Period: periodSeconds, Stat: stat },
        },
      });
    };
    add('cpu', 'AWS/EC2', 'CPUUtilization', 'Average');
    add('net_in', 'AWS/EC2', 'NetworkIn', 'Sum', true);
    add('net_out', 'AWS/EC2', 'NetworkOut', 'Sum', true);
    add('memory', agentNamespace, 'mem_used_percent', 'Average');
    add('disk', agentNamespace, 'disk_used_percent', 'Average');
  }
  return out;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const THROTTLE = /Throttl|TooManyRequests|RequestLimitExceeded|LimitExceeded/;

/**
 * GetMetricData in batches of up to 500 queries, paginated by NextToken, with exponential backoff on
 * throttling. A batch that still fails, or a query without data, becomes a gap: the tick goes on.
 */
export function createCloudWatchSource(opts: CloudWatchSourceOptions): MetricSource {
  const sleep = opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  let calls = 0;
  const sdk = lazy(async () => {
    const { GetMetricDataCommand } = await import('@aws-sdk/client-cloudwatch');
    const client = typeof opts.client === 'function' ? await opts.client() : opts.client;
    return { GetMetricDataCommand, client };
  });

  async function send(input: GetMetricDataCommandInput): Promise<GetMetricDataCommandOutput> {
    const { GetMetricDataCommand, client } = await sdk();
    for (let attempt = 1; ; attempt++) {
      try {
        calls++;
        return await client.send(new GetMetricDataCommand(input));
      } catch (err) {
        const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
        const throttled = THROTTLE.test(e.name ?? '') || e.$metadata?.httpStatusCode === 429;
        if (!throttled || attempt >= opts.maxAttempts) throw err;
        const wait = Math.min(10_000, 200 * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
        opts.logger?.warn({ attempt, wait }, 'cloudwatch throttled; backing off');
        await sleep(wait);
      }
    }
  }

  const valueOf = (spec: QuerySpec, v: number) => Math.round((spec.perSecond ? v / opts.periodSeconds : v) * 100) / 100;

  /**
   * One batch through every page, each result handed to `onResult`. Returns why paging was cut
   * short, if it was: an endpoint (a proxy, a stand-in) that hands back a token it gave before would
   * keep the loop, and the tick, going for ever.
   */
  async function pages(
    batch: QuerySpec[],
    start: Date,
    end: Date,
    scanBy: 'TimestampDescending' | 'TimestampAscending',
    onResult: (r: NonNullable<GetMetricDataCommandOutput['MetricDataResults']>[number]) => void,
  ): Promise<string | undefined> {
    let nextToken: string | undefined;
    const tokens = new Set<string>();
    do {
      if (nextToken !== undefined && (tokens.has(nextToken) || tokens.size >= MAX_PAGES))
        return `GetMetricData paging did not end (a NextToken came back twice, or over ${MAX_PAGES} pages); stopped after ${tokens.size + 1} pages`;
      if (nextToken !== undefined) tokens.add(nextToken);
      const out = await send({
        MetricDataQueries: batch.map((s) => s.query),
        StartTime: start,
        EndTime: end,
        ScanBy: scanBy,
        NextToken: nextToken,
      });
      for (const r of out.MetricDataResults ?? []) onResult(r);
      nextToken = out.NextToken;
    } while (nextToken);
    return undefined;
  }

  const source: MetricSource & { callCount(): number } = {
    name: 'cloudwatch',
    targets: () => opts.targets,
    callCount: () => calls,
    /**
     * Every datapoint of the whole periods from `from` to `until`, one per period (not per tick:
     * CloudWatch has nothing finer). Throws SourceError when a batch fails or paging does not
     * end: the caller starts without history rather than with part of it.
     */
    async backfill(from, until) {
      const periodMs = opts.periodSeconds * 1000;
      // Whole periods, floored at both ends: the slices of one span meet without a gap or an overlap,
      // and the last one ends with the last complete period, as the live ticks read.
      const start = Math.floor(from / periodMs) * periodMs;
      const end = Math.floor(until / periodMs) * periodMs;
      if (end <= start) return [];
      const specs = buildQueries(opts.targets, opts.periodSeconds, opts.agentNamespace);
      const byId = new Map(specs.map((s) => [s.id, s]));
      const samples: Sample[] = [];
      for (const batch of chunk(specs, MAX_QUERIES_PER_CALL)) {
        let stuck: string | undefined;
        try {
          stuck = await pages(batch, new Date(start), new Date(end), 'TimestampAscending', (r) => {
            const spec = r.Id ? byId.get(r.Id) : undefined;
            const ts = r.Timestamps ?? [];
            const vs = r.Values ?? [];
            if (!spec) return;
            for (let i = 0; i < Math.min(ts.length, vs.length); i++) {
              const t = new Date(ts[i]!).getTime();
              if (Number.isFinite(vs[i]) && t >= start && t < end)
                samples.push({ target: spec.target, metric: spec.metric, ts: t, value: valueOf(spec, vs[i]!) });
            }
          });
        } catch (err) {
          const e = err as Error;
          throw new SourceError('cloudwatch', `history: GetMetricData failed for ${batch.length} queries: ${e.name}: ${e.message}`, {
            cause: err,
          });
        }
        if (stuck) throw new SourceError('cloudwatch', `history: ${stuck}`);
      }
      return samples;
    },
    async collect(now) {
      const specs = buildQueries(opts.targets, opts.periodSeconds, opts.agentNamespace);
      const byId = new Map(specs.map((s) => [s.id, s]));
      const samples: Sample[] = [];
      const gaps: SourceGap[] = [];
      const answered = new Set<string>();
      const periodMs = opts.periodSeconds * 1000;
      // Aligned to the period: CloudWatch charges by metric, and aligned windows return whole periods.
      const end = new Date(Math.floor(now / periodMs) * periodMs);
      const start = new Date(end.getTime() - opts.lookbackMinutes * 60_000);

      for (const batch of chunk(specs, MAX_QUERIES_PER_CALL)) {
        try {
          const stuck = await pages(batch, start, end, 'TimestampDescending', (r) => {
            const spec = r.Id ? byId.get(r.Id) : undefined;
            const ts = r.Timestamps?.[0];
            const v = r.Values?.[0];
            if (!spec || ts === undefined || v === undefined || !Number.isFinite(v) || answered.has(spec.id)) return;
            answered.add(spec.id);
            samples.push({ target: spec.target, metric: spec.metric, ts: new Date(ts).getTime(), value: valueOf(spec, v) });
          });
          if (stuck) gaps.push({ source: 'cloudwatch', reason: stuck });
        } catch (err) {
          const e = err as Error;
          gaps.push({ source: 'cloudwatch', reason: `GetMetricData failed for ${batch.length} queries: ${e.name}: ${e.message}` });
          batch.forEach((s) => answered.add(s.id));
        }
      }
      for (const s of specs) {
        if (!answered.has(s.id))
          gaps.push({ source: 'cloudwatch', target: s.target, metric: s.metric, reason: 'no datapoints in the lookback window' });
      }
      return { samples, gaps };
    },
  };
  return source;
}
