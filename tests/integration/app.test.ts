import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { MetricSource } from '../../src/core/ports.js';
import { captureLogger, testConfig } from '../helpers/test-config.js';
import { watchingSince } from '../../src/core/watching-since.js';
import { METRIC_LABEL } from '../../src/core/metrics.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);
const fleet = [
  { name: 'web-1', role: 'web' },
  { name: 'api-1', role: 'api' },
  { name: 'db-1', role: 'db' },
];

function fakeClock(start = T0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const apps: App[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.stop().catch(() => undefined);
});

function build(dataEnv?: Record<string, string>, clock = fakeClock()) {
  const config = testConfig({
    targets: fleet,
    env: dataEnv,
    overrides: {
      sources: { backfillHours: 1, synthetic: { incidentEveryMinutes: 100_000 } },
      remediation: {
        rules: [{ name: 'scale', when: { metrics: ['cpu'], detectors: ['threshold'] }, action: 'scale_up', mode: 'approval' }],
      },
    },
  });
  const app = createApp({ config, logger: captureLogger(), clock });
  apps.push(app);
  return { app, config, clock };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies are asserted field by field
async function get(base: string, p: string): Promise<{ status: number; body: any }> {
  const r = await fetch(base + p);
  return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await r.json() : await r.text() };
}

describe('app on the embedded default', () => {
  it('serves status for every target, turns the boot CPU spike into an anomaly and a proposal', async () => {
    const { app, config, clock } = build();
    const addr = await app.start({ schedule: false });
    const base = `http://127.0.0.1:${addr.port}`;

    const health = await get(base, '/health');
    expect(health.status).toBe(200);
    // The running build's version, as package.json gives it.
    expect(health.body.version).toBe(JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).version);
    expect(await get(base, '/ready')).toEqual({ status: 200, body: { ready: true } });
    const status = (await get(base, '/status')).body;
    expect(status.targets.map((t: { name: string }) => t.name)).toEqual(['api-1', 'db-1', 'web-1']);
    for (const t of status.targets)
      expect(Object.keys(t.metrics)).toEqual(expect.arrayContaining(['cpu', 'memory', 'disk', 'net_in', 'net_out']));

    for (let i = 0; i < 6; i++) {
      clock.advance(30_000);
      await app.tick();
    }
    const after = (await get(base, '/status')).body;
    const cpu = after.openAnomalies.find((a: { detector: string; target: string }) => a.detector === 'threshold' && a.target === 'web-1');
    expect(cpu).toMatchObject({ metric: 'cpu', severity: 'warning', status: 'open' });
    expect(cpu.observed).toBeGreaterThan(90);
    expect(after.pendingProposals).toEqual([
      expect.objectContaining({ action: 'scale_up', target: 'web-1', state: 'proposed', anomalyId: cpu.id }),
    ]);

    const metrics = (await get(base, '/metrics')).body as string;
    expect(metrics).toMatch(/sco_tick_duration_seconds_count 7/);
    expect(metrics).toMatch(/sco_anomalies_total\{severity="warning",detector="threshold"\} 1/);
    expect(metrics).toMatch(/sco_samples_ingested_total\{source="synthetic"\} \d+/);
    expect(metrics).toMatch(/sco_process_cpu_seconds_total/);
    expect(metrics).toMatch(/sco_pending_proposals 1/);
    // The config hash is the one this start recorded.
    const started = app.store.records(10, undefined, 'started')[0]!.data as { version: string; config: string };
    expect(metrics).toContain(`sco_build_info{version="${started.version}",config="${started.config}"} 1`);
    expect(started.config).toMatch(/^[0-9a-f]{16}$/);

    const aws = (await get(base, '/aws-health')).body;
    expect(aws.targets).toHaveLength(3);
    expect(aws.targets[0]).toMatchObject({ name: 'web-1', state: 'up', source: 'synthetic' });

    const page1 = (await get(base, '/logs?limit=2')).body;
    expect(page1.records).toHaveLength(2);
    expect(page1.records[0].id).toBeGreaterThan(page1.records[1].id);
    const page2 = (await get(base, `/logs?limit=2&before=${page1.nextBefore}`)).body;
    expect(page2.records[0].id).toBeLessThan(page1.records[1].id);
    expect((await get(base, '/logs?limit=zero')).status).toBe(400);
    expect((await get(base, '/logs?kind=remediation')).body.records[0]).toMatchObject({ kind: 'remediation' });

    const day = new Date(clock.now()).toISOString().slice(0, 10);
    const file = path.join(config.dataDir, 'logs', `records-${day}.jsonl`);
    expect(existsSync(file)).toBe(true);
    const kinds = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).kind);
    expect(kinds).toContain('anomaly_opened');
    expect(kinds).toContain('remediation');

    expect((await get(base, '/nope')).status).toBe(404);
    expect((await fetch(`${base}/status`, { method: 'POST' })).status).toBe(405);
  });

  it('keeps state across a restart: same open anomaly, no second backfill, model state loaded', async () => {
    const first = build();
    await first.app.start({ schedule: false });
    for (let i = 0; i < 6; i++) {
      first.clock.advance(30_000);
      await first.app.tick();
    }
    const open = first.app.store.openAnomalies().find((a) => a.detector === 'threshold')!;
    expect(open).toBeDefined();
    const backfillFlag = first.app.store.getKv('backfill:synthetic');
    // Watched since the backfilled hour began (the flag is where it ended), and still after the restart.
    expect(watchingSince(first.app.store)).toBe(Number(backfillFlag) - 3_600_000);
    await first.app.stop();
    apps.splice(apps.indexOf(first.app), 1);

    const clock = fakeClock(first.clock.now() + 30_000);
    const app = createApp({ config: first.config, logger: captureLogger(), clock });
    apps.push(app);
    await app.start({ schedule: false });
    expect(app.store.getKv('backfill:synthetic')).toBe(backfillFlag);
    expect(watchingSince(app.store)).toBe(Number(backfillFlag) - 3_600_000);
    expect(app.store.loadDetectorState('robust:web-1|cpu')).toBeDefined();
    expect(app.store.loadDetectorState('iforest:web-1')).toBeDefined();
    const still = app.store.getAnomaly(open.id)!;
    expect(still.status).toBe('open');
    expect(still.updatedTs).toBeGreaterThan(open.updatedTs);
    expect(app.store.openAnomalies().filter((a) => a.key === open.key)).toHaveLength(1);
  });

  it('proposes for an anomaly still open when the backfill ends, and for none that ended in it', async () => {
    const config = testConfig({
      targets: [{ name: 'web-1' }, { name: 'web-2' }],
      overrides: {
        sources: { backfillHours: 1 },
        remediation: {
          rules: [{ name: 'scale', when: { metrics: ['cpu'], detectors: ['threshold'] }, action: 'scale_up', mode: 'approval' }],
        },
      },
    });
    const clock = fakeClock();
    // web-1's CPU is at 97 % for the last five minutes of the backfill and still is; web-2's was,
    // for five minutes half an hour earlier.
    const cpu = (target: string, ts: number) => {
      const ago = T0 - ts;
      const hot = target === 'web-1' ? ago <= 300_000 : ago > 1_800_000 && ago <= 2_100_000;
      return hot ? 97 : 30 + ((ts / 30_000) % 3);
    };
    const at = (ts: number) => ['web-1', 'web-2'].map((target) => ({ target, metric: 'cpu', ts, value: cpu(target, ts) }));
    const src: MetricSource = {
      name: 'history',
      targets: () => ['web-1', 'web-2'].map((name) => ({ name, labels: {}, source: 'history' })),
      async collect(now) {
        return { samples: at(now), gaps: [] };
      },
      async backfill(from, until, step) {
        const out = [];
        for (let ts = from; ts < until; ts += step) out.push(...at(ts));
        return out;
      },
    };
    const app = createApp({ config, logger: captureLogger(), clock, sources: [src] });
    apps.push(app);
    await app.start({ schedule: false });
    const open = app.store.openAnomalies().filter((a) => a.detector === 'threshold');
    expect(open.map((a) => a.target)).toEqual(['web-1']);
    const proposals = app.store.listProposals({ limit: 10 });
    expect(proposals.map((p) => [p.target, p.action, p.anomalyId])).toEqual([['web-1', 'scale_up', open[0]!.id]]);
    // "Explain" can then say why an anomaly of that replayed hour has no proposal.
    expect(app.store.getKv('backfill:until')).toBe(String(T0));
  });

  it('a failing source is a gap and bad samples are rejected, never a failed tick', async () => {
    const config = testConfig({ targets: [{ name: 'web-1' }], overrides: { sources: { backfillHours: 0 } } });
    const clock = fakeClock();
    const flaky: MetricSource = {
      name: 'flaky',
      targets: () => [{ name: 'web-1', labels: {}, source: 'flaky' }],
      async collect() {
        throw new Error('connection refused');
      },
    };
    const junk: MetricSource = {
      name: 'junk',
      targets: () => [{ name: 'junk-1', labels: {}, source: 'junk' }],
      async collect(now) {
        return {
          samples: [
            { target: 'junk-1', metric: 'cpu', ts: now, value: Number.NaN },
            { target: 'junk-1', metric: 'cpu', ts: now, value: 250 },
            { target: 'junk-1', metric: 'net_in', ts: now, value: -5 },
            { target: 'junk-1', metric: 'memory', ts: now + 3_600_000, value: 50 },
            { target: 'junk-1', metric: 'disk', ts: now, value: 42 },
          ],
          gaps: [],
        };
      },
    };
    const app = createApp({ config, logger: captureLogger(), clock, sources: [flaky, junk] });
    apps.push(app);
    await app.start({ schedule: false });
    clock.advance(30_000);
    const summary = await app.tick();
    expect(summary.gaps).toEqual([{ source: 'flaky', reason: 'collect failed: connection refused' }]);
    expect(summary.samples).toBe(1);
    expect(summary.rejected).toBe(4);
    const metrics = await app.metrics.registry.metrics();
    expect(metrics).toMatch(/sco_ticks_total\{outcome="ok"\} 2/);
    expect(metrics).toMatch(/sco_samples_rejected_total\{reason="out_of_range"\} 2/);
    expect(metrics).toMatch(/sco_source_read_seconds_count\{source="flaky"\} 2/);
    expect(app.store.latestSamples()).toEqual([{ target: 'junk-1', metric: 'disk', ts: clock.now(), value: 42 }]);
    expect(summary.sources.map((s) => [s.name, s.samples, s.gaps, s.failed ?? false])).toEqual([
      ['flaky', 0, 1, true],
      ['junk', 5, 0, false],
    ]);

    // Chat reads the same ticks: the failing source leads, with its error and no good read kept.
    const ask = async (text: string) =>
      (
        await app.chat.handle({
          kind: 'text',
          platform: 'web',
          user: { platform: 'web', id: 'op', roles: [] },
          channel: 'console',
          text,
          source: 'console',
        })
      ).text;
    const sources = await ask('are the sources ok?');
    expect(sources).toMatch(
      /^flaky: 2 of 2 reads got nothing; the last problem at \S+ UTC: collect failed: connection refused; no read with data kept\./,
    );
    expect(sources).toMatch(/^junk\s+1\s+2\s+0\s+0\s+5\s/m);
    expect(await ask('any failed ticks?')).toMatch(/^0 ticks failed, 0 skipped and 2 had source gaps, of the last 2 ticks/);
    expect(await ask('what did the last tick find?')).toMatch(
      /read 5 samples \(flaky FAILED: collect failed: connection refused, junk 5\), 4 rejected; opened 0 anomalies/,
    );
  });
});

describe('threshold replay against the live pipeline', () => {
  it('counts at the configured bounds exactly the threshold episodes the pipeline opened', async () => {
    const config = testConfig({
      targets: fleet,
      overrides: { sources: { backfillHours: 3, synthetic: { incidentEveryMinutes: 15 } } },
    });
    const clock = fakeClock();
    const app = createApp({ config, logger: captureLogger(), clock });
    apps.push(app);
    const addr = await app.start({ schedule: false });
    for (let i = 0; i < 10; i++) {
      clock.advance(30_000);
      await app.tick();
    }
    const r = await fetch(`http://127.0.0.1:${addr.port}/api/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'suggest better thresholds' }),
    });
    const { reply } = (await r.json()) as { reply: string };
    const replayed = new Map(
      [...reply.matchAll(/^(\S+) above \S+ for \d+ samples \(\w+\), \d+ targets?: (\d+) episodes?/gm)].map((m) => [m[1]!, Number(m[2])]),
    );
    const live = new Map<string, number>();
    for (const a of app.store.recentAnomalies(10_000, clock.now() - 86_400_000))
      if (a.detector === 'threshold') live.set(METRIC_LABEL[a.metric]!, (live.get(METRIC_LABEL[a.metric]!) ?? 0) + 1);
    // The synthetic incidents make each default rule fire; a replay that missed any of them would differ.
    expect([...live.values()].reduce((x, y) => x + y, 0)).toBeGreaterThan(3);
    expect(Object.fromEntries(replayed)).toEqual(Object.fromEntries([...replayed.keys()].map((k) => [k, live.get(k) ?? 0])));
    expect([...live.keys()].every((k) => replayed.has(k))).toBe(true);
  });
});
