import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { freePort, requireBinary, waitFor } from '../../helpers/net.js';
import { captureLogger, tempDir, testConfig } from '../../helpers/test-config.js';

const INFRA = path.resolve(__dirname, '../../../infra/prometheus');
let prom: ChildProcess | undefined;
let app: App | undefined;

afterAll(async () => {
  prom?.kill('SIGTERM');
  await app?.stop();
});

describe('a real Prometheus with the shipped config', () => {
  it('scrapes the running bot through file_sd and loads the shipped alert rules', async () => {
    const bin = requireBinary('prometheus', 'prometheus');
    app = createApp({ config: testConfig({ overrides: { sources: { synthetic: { backfillHours: 0 } } } }), logger: captureLogger() });
    const addr = await app.start({ schedule: false });

    // The shipped prometheus.yml, with paths made absolute and a 1 s scrape interval for the test.
    const dir = tempDir('sco-prom-');
    writeFileSync(
      path.join(dir, 'bot.json'),
      JSON.stringify([{ targets: [`127.0.0.1:${addr.port}`], labels: { service: 'smartcloudops' } }]),
    );
    const config = readFileSync(path.join(INFRA, 'prometheus.yml'), 'utf8')
      .replace('scrape_interval: 15s', 'scrape_interval: 1s')
      .replace('rules/*.yml', path.join(INFRA, 'rules/*.yml'))
      .replace('file_sd/node.json', path.join(INFRA, 'file_sd/node.json'))
      .replace('file_sd/bot.json', path.join(dir, 'bot.json'))
      .replace('refresh_interval: 1m', 'refresh_interval: 1s');
    writeFileSync(path.join(dir, 'prometheus.yml'), config);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    prom = spawn(
      bin,
      [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore' },
    );
    await waitFor(`${url}/-/ready`, 30_000);

    const q = async (expr: string) =>
      (
        (await (await fetch(`${url}/api/v1/query?query=${encodeURIComponent(expr)}`)).json()) as {
          data: { result: { value: [number, string] }[] };
        }
      ).data.result;
    await expect
      .poll(async () => (await q('sco_ticks_total{job="smartcloudops",outcome="ok"}'))[0]?.value[1], { timeout: 20_000, interval: 500 })
      .toBe('1');
    expect((await q('up{job="smartcloudops"}'))[0]!.value[1]).toBe('1');
    const rules = (await (await fetch(`${url}/api/v1/rules`)).json()) as {
      data: { groups: { name: string; rules: { name: string }[] }[] };
    };
    const names = rules.data.groups.flatMap((g) => g.rules.map((r) => r.name));
    expect(names).toEqual(
      expect.arrayContaining([
        'HostDown',
        'HostDiskFullIn24h',
        'SmartCloudOpsTicksStalled',
        'SmartCloudOpsOutboxBacklog',
        'SmartCloudOpsLlmErrors',
      ]),
    );
  }, 60_000);
});
