import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { captureLogger, testConfig } from '../helpers/test-config.js';

const T0 = Date.UTC(2026, 11, 7, 10, 0, 0);
const apps: App[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.stop().catch(() => undefined);
});

describe('SLOs on the side port', () => {
  it('lists each SLO on /status with the figures /metrics and chat give, from one count', async () => {
    const config = testConfig({
      targets: [
        { name: 'web-1', role: 'web' },
        { name: 'db-1', role: 'db' },
      ],
      overrides: {
        sources: { backfillHours: 2, synthetic: { incidentEveryMinutes: 100_000 } },
        slos: [
          { name: 'web-cpu', metric: 'cpu', role: 'web', goodBelow: 90, objective: 99, windowDays: 1 },
          { name: 'db-mem', metric: 'memory', targets: ['db-1'], goodBelow: 1, objective: 99.9, windowDays: 1 },
        ],
      },
    });
    const app = createApp({ config, logger: captureLogger(), clock: { now: () => T0 } });
    apps.push(app);
    const addr = await app.start({ schedule: false });
    const base = `http://127.0.0.1:${addr.port}`;
    const status = (await (await fetch(`${base}/status`)).json()) as { slos: Record<string, unknown>[] };
    expect(status.slos.map((s) => [s.name, s.verdict])).toEqual([
      ['web-cpu', expect.stringMatching(/^(met|at_risk|breached)$/)],
      // Memory is never under 1%: every sample bad.
      ['db-mem', 'breached'],
    ]);
    const db = status.slos[1]!;
    expect(db).toMatchObject({ good: 0, goodRatio: 0, burnRate: { '1h': expect.closeTo(1000, 6), '6h': expect.closeTo(1000, 6) } });
    expect(db.bad as number).toBeGreaterThan(100);
    const web = status.slos[0]!;
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain(`sco_slo_good_ratio{slo="web-cpu"} ${web.goodRatio}`);
    expect(metrics).toContain(`sco_slo_good_ratio{slo="db-mem"} 0`);
    const asked = await app.chat.handle({
      kind: 'text',
      platform: 'web',
      user: { platform: 'web', id: 'op', roles: [] },
      channel: 'console',
      text: 'error budget for db-mem',
      source: 'console',
    });
    expect(asked.text).toContain(`0% good: 0 of ${db.bad} samples, ${db.bad} bad`);
  });
});
