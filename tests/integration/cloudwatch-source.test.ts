import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { afterEach, describe, expect, it } from 'vitest';
import type { Target } from '../../src/core/target.js';
import { createCloudWatchSource } from '../../src/pipeline/ingest/cloudwatch-source.js';
import { startServer, type Recorded } from '../helpers/net.js';
import type http from 'node:http';

interface Query {
  Id: string;
  MetricStat: { Metric: { MetricName: string; Dimensions: { Value: string }[] }; Period: number };
}

type Mode = { throttleFirst?: number; failAll?: boolean; missing?: Set<string>; paginate?: boolean; sameToken?: boolean };

/** A local endpoint speaking CloudWatch's AWS JSON 1.0 protocol, as SDK 3.1162 sends it. */
async function fakeCloudWatch(mode: Mode) {
  let throttles = mode.throttleFirst ?? 0;
  const pages = new Map<string, Query[]>();
  return startServer((req: Recorded, res: http.ServerResponse) => {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers['x-amz-target'] !== 'GraniteServiceVersion20100801.GetMetricData')
      return send(400, { __type: 'UnknownOperationException' });
    if (throttles > 0) {
      throttles--;
      return send(
        400,
        { __type: 'com.amazonaws.cloudwatch#Throttling', message: 'Rate exceeded' },
        { 'x-amzn-query-error': 'Throttling;Sender' },
      );
    }
    if (mode.failAll)
      return send(
        400,
        { __type: 'com.amazonaws.cloudwatch#InvalidParameterValueException', message: 'bad period' },
        { 'x-amzn-query-error': 'InvalidParameterValue;Sender' },
      );
    const body = JSON.parse(req.body) as {
      MetricDataQueries: Query[];
      NextToken?: string;
      EndTime: number;
      StartTime: number;
      ScanBy?: string;
    };
    if (body.ScanBy === 'TimestampAscending') return send(200, history(body, mode));
    let queries = body.MetricDataQueries;
    let next: string | undefined;
    if (body.NextToken) queries = pages.get(body.NextToken) ?? [];
    else if (mode.paginate && queries.length > 1) {
      next = `tok-${pages.size}`;
      pages.set(next, queries.slice(Math.ceil(queries.length / 2)));
      queries = queries.slice(0, Math.ceil(queries.length / 2));
    }
    const end = Number(body.EndTime);
    send(200, {
      MetricDataResults: queries.map((q) => {
        const instance = q.MetricStat.Metric.Dimensions[0]!.Value;
        const name = q.MetricStat.Metric.MetricName;
        if (mode.missing?.has(`${instance}/${name}`)) return { Id: q.Id, Label: name, Timestamps: [], Values: [], StatusCode: 'Complete' };
        const n = Number(instance.slice(-4));
        const value = name === 'NetworkIn' ? 6000 * n : name === 'NetworkOut' ? 120 : name === 'CPUUtilization' ? n % 100 : 50;
        return { Id: q.Id, Label: name, Timestamps: [end - 60, end - 120], Values: [value, 1], StatusCode: 'Complete' };
      }),
      NextToken: mode.sameToken ? 'again' : next,
      Messages: [],
    });
  });
}

/**
 * A history request: every period from StartTime to before EndTime, oldest first, CPU at the
 * instance's number plus the minute of the hour; in two pages (by query) when `paginate`.
 */
function history(body: { MetricDataQueries: Query[]; NextToken?: string; EndTime: number; StartTime: number }, mode: Mode) {
  const half = Math.ceil(body.MetricDataQueries.length / 2);
  const queries = body.NextToken
    ? body.MetricDataQueries.slice(half)
    : mode.paginate
      ? body.MetricDataQueries.slice(0, half)
      : body.MetricDataQueries;
  return {
    MetricDataResults: queries.map((q) => {
      const n = Number(q.MetricStat.Metric.Dimensions[0]!.Value.slice(-4));
      const name = q.MetricStat.Metric.MetricName;
      const ts: number[] = [];
      for (let t = Number(body.StartTime); t < Number(body.EndTime); t += q.MetricStat.Period) ts.push(t);
      const value = (t: number) => (name === 'CPUUtilization' ? n + new Date(t * 1000).getUTCMinutes() : name === 'NetworkIn' ? 6000 : 50);
      return { Id: q.Id, Label: name, Timestamps: ts, Values: ts.map(value), StatusCode: 'Complete' };
    }),
    ...(mode.paginate && !body.NextToken ? { NextToken: 'second-half' } : {}),
    Messages: [],
  };
}

function targets(n: number): Target[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `host-${i}`,
    instanceId: `i-0000000000000${String(i).padStart(4, '0')}`,
    labels: {},
    source: 'cloudwatch',
  }));
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

function source(url: string, t: Target[], sleeps: number[] = []) {
  const client = new CloudWatchClient({
    region: 'us-east-1',
    endpoint: url,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
  });
  return createCloudWatchSource({
    targets: t,
    periodSeconds: 60,
    lookbackMinutes: 10,
    maxAttempts: 4,
    agentNamespace: 'CWAgent',
    client,
    sleep: async (ms) => void sleeps.push(ms),
  });
}

describe('cloudwatch source over the real SDK', () => {
  it('batches 1,250 queries into ceil(1250/500) = 3 calls, follows NextToken, converts units', async () => {
    const server = await fakeCloudWatch({ paginate: true });
    servers.push(server);
    const src = source(server.url, targets(250));
    const r = await src.collect(Date.UTC(2026, 10, 2, 12, 0, 30));
    const firstPages = server.requests.filter((q) => !JSON.parse(q.body).NextToken);
    expect(firstPages).toHaveLength(3);
    expect(server.requests).toHaveLength(6);
    expect(firstPages.map((q) => JSON.parse(q.body).MetricDataQueries.length)).toEqual([500, 500, 250]);
    expect(r.samples).toHaveLength(1250);
    expect(r.gaps).toEqual([]);
    const s = (t: string, m: string) => r.samples.find((x) => x.target === t && x.metric === m)!;
    expect(s('host-7', 'cpu').value).toBe(7);
    expect(s('host-7', 'net_in').value).toBe(700); // 6000*7 bytes per 60 s period
    expect(s('host-7', 'memory').value).toBe(50);
    // Aligned to the period: end 12:00:00, start ten minutes earlier.
    const body = JSON.parse(firstPages[0]!.body);
    expect(body.EndTime).toBe(Date.UTC(2026, 10, 2, 12, 0, 0) / 1000);
    expect(body.StartTime).toBe(Date.UTC(2026, 10, 2, 11, 50, 0) / 1000);
    expect(firstPages[0]!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKID\//);
  });

  it('backs off on throttling and then succeeds', async () => {
    const server = await fakeCloudWatch({ throttleFirst: 2 });
    servers.push(server);
    const sleeps: number[] = [];
    const r = await source(server.url, targets(3), sleeps).collect(Date.now());
    expect(r.samples).toHaveLength(15);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]! * 0.9);
  });

  it('reports a failing batch and missing datapoints as gaps without throwing', async () => {
    const failing = await fakeCloudWatch({ failAll: true });
    servers.push(failing);
    const r = await source(failing.url, targets(2)).collect(Date.now());
    expect(r.samples).toEqual([]);
    expect(r.gaps).toEqual([
      expect.objectContaining({ source: 'cloudwatch', reason: expect.stringMatching(/InvalidParameterValue.*bad period/) }),
    ]);

    const sparse = await fakeCloudWatch({ missing: new Set(['i-00000000000000001/mem_used_percent']) });
    servers.push(sparse);
    const r2 = await source(sparse.url, targets(2)).collect(Date.now());
    expect(r2.samples).toHaveLength(9);
    expect(r2.gaps).toEqual([{ source: 'cloudwatch', target: 'host-1', metric: 'memory', reason: 'no datapoints in the lookback window' }]);
  });

  it('stops paging when the endpoint hands back the same NextToken, keeping what it got', async () => {
    const server = await fakeCloudWatch({ sameToken: true });
    servers.push(server);
    const r = await source(server.url, targets(2)).collect(Date.now());
    // The first page and the repeat of its token; then the source stops rather than loop for ever.
    expect(server.requests).toHaveLength(2);
    expect(r.samples).toHaveLength(10);
    expect(r.gaps).toEqual([
      {
        source: 'cloudwatch',
        reason: 'GetMetricData paging did not end (a NextToken came back twice, or over 100 pages); stopped after 2 pages',
      },
    ]);
  });

  it('reads history oldest first in whole periods, through every page, and names a failure', async () => {
    const server = await fakeCloudWatch({ paginate: true });
    servers.push(server);
    const src = source(server.url, targets(2));
    // 10:00:30 to 11:00:30: the periods 10:00 … 10:59 (11:00 is not complete at 11:00:30).
    const from = Date.UTC(2026, 10, 2, 10, 0, 30);
    const samples = await src.backfill!(from, from + 3_600_000, 30_000, from + 3_600_000);
    const body = JSON.parse(server.requests[0]!.body);
    expect([body.StartTime, body.EndTime, body.ScanBy]).toEqual([
      Date.UTC(2026, 10, 2, 10) / 1000,
      Date.UTC(2026, 10, 2, 11) / 1000,
      'TimestampAscending',
    ]);
    expect(server.requests).toHaveLength(2);
    const cpu = samples.filter((x) => x.target === 'host-1' && x.metric === 'cpu');
    expect(cpu).toHaveLength(60);
    expect(cpu.slice(0, 2).map((x) => [new Date(x.ts).toISOString(), x.value])).toEqual([
      ['2026-11-02T10:00:00.000Z', 1],
      ['2026-11-02T10:01:00.000Z', 2],
    ]);
    expect(samples.filter((x) => x.metric === 'net_in').every((x) => x.value === 100)).toBe(true); // 6000 bytes a minute
    expect(samples).toHaveLength(2 * 5 * 60);
    // The next slice starts where this one ended: 11:00 is read once.
    const next = await src.backfill!(from + 3_600_000, from + 7_200_000, 30_000, from + 7_200_000);
    expect(next.find((x) => x.target === 'host-1' && x.metric === 'cpu')!.ts).toBe(Date.UTC(2026, 10, 2, 11));

    const failing = await fakeCloudWatch({ failAll: true });
    servers.push(failing);
    await expect(source(failing.url, targets(1)).backfill!(from, from + 3_600_000, 30_000, from + 3_600_000)).rejects.toThrow(
      /^cloudwatch: history: GetMetricData failed for 5 queries: InvalidParameterValue\w*: bad period$/,
    );
  });

  it('gives up after maxAttempts of throttling and reports the gap', async () => {
    const server = await fakeCloudWatch({ throttleFirst: 100 });
    servers.push(server);
    const r = await source(server.url, targets(1)).collect(Date.now());
    expect(server.requests).toHaveLength(4);
    expect(r.gaps[0]!.reason).toMatch(/Throttl/);
  });
});
