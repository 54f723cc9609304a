import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildQueries, chunk } from '../../../src/pipeline/ingest/cloudwatch-source.js';
import { createFileSource, parseMetricsJson } from '../../../src/pipeline/ingest/file-source.js';
import { createLocalSource } from '../../../src/pipeline/ingest/local-source.js';
import { createPrometheusSource, nodeExporterQueries } from '../../../src/pipeline/ingest/prometheus-source.js';
import { createSyntheticSource } from '../../../src/pipeline/ingest/synthetic-source.js';
import { tempDir } from '../../helpers/test-config.js';

describe('file source (original metrics.json format)', () => {
  it('reads a list of timestamped records per host', () => {
    const r = parseMetricsJson(
      JSON.stringify([
        { timestamp: '2026-11-01T10:00:00Z', host: 'web-1', cpu: 41.5, memory: 63 },
        { timestamp: 1793613600, host: 'db-1', cpu_usage: '12', mem: 70, disk: 55 },
      ]),
    );
    expect(r.gaps).toEqual([]);
    expect(r.samples).toEqual([
      { target: 'web-1', metric: 'cpu', ts: Date.parse('2026-11-01T10:00:00Z'), value: 41.5 },
      { target: 'web-1', metric: 'memory', ts: Date.parse('2026-11-01T10:00:00Z'), value: 63 },
      { target: 'db-1', metric: 'cpu', ts: 1793613600000, value: 12 },
      { target: 'db-1', metric: 'memory', ts: 1793613600000, value: 70 },
      { target: 'db-1', metric: 'disk', ts: 1793613600000, value: 55 },
    ]);
  });

  it('reads an object keyed by host and turns bad records into gaps', () => {
    const r = parseMetricsJson(
      JSON.stringify({
        'web-1': [
          { timestamp: '2026-11-01T10:00:00Z', cpu: 10 },
          { timestamp: 'yesterday-ish', cpu: 5 },
          { timestamp: '2026-11-01T10:01:00Z', cpu: 'lots' },
        ],
        'db-1': 'oops',
      }),
    );
    expect(r.samples).toHaveLength(1);
    expect(r.gaps.map((g) => g.reason)).toEqual([
      'expected a list of records',
      'record 1: bad or missing timestamp',
      'record 2: cpu is not a number',
    ]);
    expect(parseMetricsJson('{ not json').gaps[0]!.reason).toMatch(/^not JSON/);
    expect(parseMetricsJson(JSON.stringify([{ timestamp: 1, host: '../../etc', cpu: 1 }])).gaps[0]!.reason).toMatch(/bad or missing host/);
  });

  it('emits only new records when the file changes, and a missing file is a gap', async () => {
    const file = path.join(tempDir(), 'metrics.json');
    const src = createFileSource({ path: file, targets: [] });
    expect((await src.collect(0)).gaps[0]!.reason).toMatch(/ENOENT/);
    writeFileSync(file, JSON.stringify([{ timestamp: 1000, host: 'a', cpu: 1 }]));
    expect((await src.collect(0)).samples).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(
      file,
      JSON.stringify([
        { timestamp: 1000, host: 'a', cpu: 1 },
        { timestamp: 2000, host: 'a', cpu: 2 },
      ]),
    );
    const second = await src.collect(0);
    expect(second.samples.map((s) => s.value)).toEqual([2]);
    expect(src.targets().map((t) => t.name)).toEqual(['a']);
  });
});

describe('discovered targets', () => {
  it('the file source takes at most maxDiscoveredTargets hosts beyond its configured ones, and says so', async () => {
    const file = path.join(tempDir(), 'metrics.json');
    const configured = [{ name: 'db-1', labels: {}, source: 'file' }];
    const src = createFileSource({ path: file, targets: configured, maxDiscovered: 2 });
    const hosts = ['db-1', 'h-1', 'h-2', 'h-3', 'h-4'];
    writeFileSync(file, JSON.stringify(hosts.map((host) => ({ timestamp: 1000, host, cpu: 5 }))));
    const r = await src.collect(0);
    expect([...new Set(r.samples.map((s) => s.target))]).toEqual(['db-1', 'h-1', 'h-2']);
    expect(src.targets().map((t) => t.name)).toEqual(['db-1', 'h-1', 'h-2']);
    expect(r.gaps).toEqual([
      { source: 'file', reason: '2 host(s) beyond maxDiscoveredTargets (2) ignored, e.g. h-3; raise it or list them in the targets file' },
    ]);
  });

  it('prometheus with no targets configured takes at most maxDiscoveredTargets instances', async () => {
    const T = 1_793_613_600;
    const rows = ['a:9100', 'b:9100', 'c:9100'].map((instance) => ({ metric: { instance }, value: [T, '1'] }));
    const fakeFetch = (async () =>
      new Response(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: rows } }))) as unknown as typeof fetch;
    const src = createPrometheusSource({
      url: 'http://prom.invalid:9090',
      timeoutMs: 1000,
      rateWindow: '1m',
      instanceLabel: 'instance',
      targets: [],
      fetch: fakeFetch,
      maxDiscovered: 2,
    });
    const r = await src.collect(T * 1000);
    expect(src.targets().map((t) => t.name)).toEqual(['a_9100', 'b_9100']);
    expect(new Set(r.samples.map((s) => s.target))).toEqual(new Set(['a_9100', 'b_9100']));
    expect(r.gaps).toEqual([
      { source: 'prometheus', reason: '1 instance(s) beyond maxDiscoveredTargets (2) ignored, e.g. c_9100; raise it or list the targets' },
    ]);
  });
});

describe('local source', () => {
  it('reports this host: memory and disk at once, cpu and network from the second sample', async () => {
    // Without the first collect's second reading, CPU and network wait for the next collect.
    const src = createLocalSource({ name: 'me', diskPath: '/', firstReadMs: 0 });
    const first = await src.collect(Date.now());
    expect(first.samples.map((s) => s.metric).sort()).toEqual(['disk', 'memory']);
    await new Promise((r) => setTimeout(r, 50));
    const second = await src.collect(Date.now());
    // By default the first collect reads twice, 250 ms apart, and has every figure.
    const eager = await createLocalSource({ name: 'me', diskPath: '/' }).collect(Date.now());
    expect(eager.samples.map((s) => s.metric).sort()).toEqual(['cpu', 'disk', 'memory', 'net_in', 'net_out']);
    expect(second.samples.map((s) => s.metric).sort()).toEqual(['cpu', 'disk', 'memory', 'net_in', 'net_out']);
    for (const s of second.samples) expect(Number.isFinite(s.value)).toBe(true);
    expect(second.samples.find((s) => s.metric === 'memory')!.value).toBeGreaterThan(0);
  });

  it('reports a bad disk path as a gap', async () => {
    const src = createLocalSource({ name: 'me', diskPath: '/definitely/not/here' });
    const r = await src.collect(Date.now());
    expect(r.gaps).toEqual([expect.objectContaining({ metric: 'disk', reason: expect.stringMatching(/ENOENT/) })]);
  });
});

/** A Prometheus source with one target, a (a:9100), over a fetch stand-in. */
const promWithTargetA = (fetch: typeof globalThis.fetch) =>
  createPrometheusSource({
    url: 'http://prom.invalid:9090',
    timeoutMs: 1000,
    rateWindow: '1m',
    instanceLabel: 'instance',
    targets: [{ name: 'a', address: 'a:9100', labels: {}, source: 'prometheus' }],
    fetch,
  });

describe('source helpers', () => {
  it('prometheus queries aggregate per instance and filter pseudo filesystems and loopback', () => {
    const q = nodeExporterQueries('1m', 'instance');
    expect(Object.keys(q)).toEqual(['cpu', 'memory', 'disk', 'net_in', 'net_out']);
    expect(q.disk).toMatch(/fstype!~"tmpfs/);
    expect(q.net_in).toMatch(/device!~"lo\|/);
  });

  it('prometheus keeps the good rows of a mangled answer and names what it skipped', async () => {
    const T = 1_793_613_600;
    const bodies: Record<string, unknown> = {
      cpu: {
        status: 'success',
        data: {
          resultType: 'vector',
          result: [
            { metric: { instance: 'a:9100' }, value: [T, '41.5'] },
            null,
            { metric: { instance: 'a:9100' }, value: 'x' },
            { value: [T, '1'] },
            { metric: { instance: 'a:9100' }, value: ['soon', '1'] },
          ],
        },
      },
      memory: { status: 'success', data: { resultType: 'vector', result: { oops: true } } },
      disk: { status: 'success', data: { resultType: 'matrix', result: [] } },
      net_in: {
        status: 'success',
        data: {
          resultType: 'vector',
          result: [
            { metric: { instance: 'a:9100' }, value: [T, 'NaN'] },
            { metric: { instance: 7 }, value: [T, '1'] },
          ],
        },
      },
      net_out: '<html>502 Bad Gateway</html>',
    };
    const fakeFetch = (async (u: URL) => {
      const q = u.searchParams.get('query')!;
      const metric = Object.entries(nodeExporterQueries('1m', 'instance')).find(([, v]) => v === q)![0];
      const body = bodies[metric];
      return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status: typeof body === 'string' ? 502 : 200 });
    }) as typeof fetch;
    const src = promWithTargetA(fakeFetch);
    const r = await src.collect(T * 1000);
    expect(r.samples).toEqual([{ target: 'a', metric: 'cpu', ts: T * 1000, value: 41.5 }]);
    expect(r.gaps).toEqual(
      expect.arrayContaining([
        { source: 'prometheus', metric: 'cpu', reason: '4 result row(s) not [labels, [time, value]]; skipped' },
        { source: 'prometheus', metric: 'memory', reason: 'vector result is not a list' },
        { source: 'prometheus', metric: 'disk', reason: 'unexpected result type matrix' },
        { source: 'prometheus', metric: 'net_out', reason: 'HTTP 502: query failed' },
      ]),
    );
    // A NaN value or an instance label that is no string is no sample, and no malformed row either.
    expect(r.gaps.filter((g) => g.metric === 'net_in')).toEqual([]);
  });

  it('prometheus that refuses the connection: each metric a gap naming why, not undici\'s bare "fetch failed"', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    const src = createPrometheusSource({
      url: `http://127.0.0.1:${port}`,
      timeoutMs: 1000,
      rateWindow: '1m',
      instanceLabel: 'instance',
      targets: [{ name: 'a', address: 'a:9100', labels: {}, source: 'prometheus' }],
    });
    const r = await src.collect(Date.now());
    expect(r.samples).toEqual([]);
    expect(new Set(r.gaps.filter((g) => g.metric).map((g) => g.reason))).toEqual(new Set(['fetch failed (ECONNREFUSED)']));
  });

  it('prometheus history: range queries of at most 10,000 points, bad rows and points skipped, a failure named', async () => {
    const calls: { metric: string; start: number; end: number; step: string }[] = [];
    const queries = Object.entries(nodeExporterQueries('1m', 'instance'));
    let failDisk = false;
    const fakeFetch = (async (u: URL) => {
      expect(u.pathname).toBe('/api/v1/query_range');
      const metric = queries.find(([, v]) => v === u.searchParams.get('query'))![0];
      const start = Number(u.searchParams.get('start'));
      const end = Number(u.searchParams.get('end'));
      calls.push({ metric, start, end, step: u.searchParams.get('step')! });
      if (failDisk && metric === 'disk')
        return new Response(JSON.stringify({ status: 'error', error: 'too many samples' }), { status: 422 });
      const result = [
        {
          metric: { instance: 'a:9100' },
          values: [
            [start, '1.234'],
            ['x', '2'],
            [end, 'NaN'],
            [end, 3],
            [end + 1, '9'],
          ],
        },
        { metric: { instance: 'unknown:9100' }, values: [[start, '5']] },
        { metric: { instance: 'a:9100' }, values: 'oops' },
        null,
      ];
      return new Response(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
    }) as typeof fetch;
    const src = promWithTargetA(fakeFetch);
    const from = 1_800_000_000_000;
    const until = from + 25_000_000; // 25,000 steps of 1 s
    const samples = await src.backfill!(from, until, 1000, until);
    const cpu = calls.filter((c) => c.metric === 'cpu').sort((x, y) => x.start - y.start);
    expect(cpu.map((c) => [c.start - from / 1000, c.end - from / 1000, c.step])).toEqual([
      [0, 9999, '1s'],
      [10_000, 19_999, '1s'],
      [20_000, 24_999, '1s'],
    ]);
    expect(calls).toHaveLength(15);
    // Per query: the first point (rounded to two decimals) of the known instance; the rest are not
    // [time, "value"], not finite, or past the end asked for.
    expect(samples.filter((x) => x.metric === 'cpu').map((x) => [x.ts - from, x.value])).toEqual([
      [0, 1.23],
      [10_000_000, 1.23],
      [20_000_000, 1.23],
    ]);
    expect(new Set(samples.map((x) => x.target))).toEqual(new Set(['a']));
    failDisk = true;
    await expect(src.backfill!(from, from + 60_000, 1000, until)).rejects.toThrow(
      /^prometheus: history of disk: HTTP 422: too many samples$/,
    );
  });

  it('cloudwatch builds five queries per instance and chunks by 500', () => {
    const targets = Array.from({ length: 3 }, (_, i) => ({ name: `h${i}`, instanceId: `i-0000000${i}`, labels: {}, source: 'cloudwatch' }));
    const q = buildQueries([...targets, { name: 'no-id', labels: {}, source: 'cloudwatch' }], 60, 'CWAgent');
    expect(q).toHaveLength(15);
    expect(new Set(q.map((x) => x.id)).size).toBe(15);
    expect(q.every((x) => /^[a-z][a-zA-Z0-9_]*$/.test(x.id))).toBe(true);
    expect(chunk(Array.from({ length: 1001 }), 500).map((c) => c.length)).toEqual([500, 500, 1]);
  });

  it('synthetic backfill leaves the boot incident out of the invented past', async () => {
    const T0 = Date.UTC(2026, 10, 2, 10);
    const src = createSyntheticSource({
      targets: [{ name: 'web-1', role: 'web', labels: {}, source: 'synthetic' }],
      seed: 1,
      incidentEveryMs: 1e12,
      bootTs: T0 - 60_000,
    });
    const past = await src.backfill!(T0 - 60_000, T0, 10_000, T0);
    expect(past.filter((s) => s.metric === 'cpu').every((s) => s.value < 90)).toBe(true);
    const live = await src.collect(T0);
    expect(live.samples.find((s) => s.metric === 'cpu')!.value).toBeGreaterThan(90);
  });
});
