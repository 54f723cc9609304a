import type { CloudWatchClient, GetMetricDataCommandInput, GetMetricDataCommandOutput, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
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

  const source: MetricSource & { callCount(): number } = {
    name: 'cloudwatch',
    targets: () => opts.targets,
    callCount: () => calls,
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
        let nextToken: string | undefined;
        const tokens = new Set<string>();
        try {
          do {
            // An endpoint (a proxy, a stand-in) that hands back a token it gave before would keep
            // this loop, and the tick, going for ever.
            if (nextToken !== undefined && (tokens.has(nextToken) || tokens.size >= MAX_PAGES)) {
              gaps.push({
                source: 'cloudwatch',
                reason: `GetMetricData paging did not end (a NextToken came back twice, or over ${MAX_PAGES} pages); stopped after ${tokens.size + 1} pages`,
              });
              break;
            }
            if (nextToken !== undefined) tokens.add(nextToken);
            const out = await send({
              MetricDataQueries: batch.map((s) => s.query),
              StartTime: start,
              EndTime: end,
              ScanBy: 'TimestampDescending',
              NextToken: nextToken,
            });
            for (const r of out.MetricDataResults ?? []) {
              const spec = r.Id ? byId.get(r.Id) : undefined;
              const ts = r.Timestamps?.[0];
              const v = r.Values?.[0];
              if (!spec || ts === undefined || v === undefined || !Number.isFinite(v) || answered.has(spec.id)) continue;
              answered.add(spec.id);
              const value = spec.perSecond ? v / opts.periodSeconds : v;
              samples.push({ target: spec.target, metric: spec.metric, ts: new Date(ts).getTime(), value: Math.round(value * 100) / 100 });
            }
            nextToken = out.NextToken;
          } while (nextToken);
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
