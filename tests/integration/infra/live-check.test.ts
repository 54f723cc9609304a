import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { freePort, requireBinary, startServer, waitFor } from '../../helpers/net.js';
import { tempDir } from '../../helpers/test-config.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.unstubAllEnvs();
});

async function cli(args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  const out: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => out.push(s), env, cwd });
  return { code, text: out.join('\n') };
}

describe('npm run test:live (smartcloudops live-check)', () => {
  it('refuses to touch a real deployment without AWS_LIVE=1', async () => {
    const r = await cli(['live-check'], {}, path.resolve(__dirname, '../../..'));
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/AWS_LIVE=1/);
  });

  it('reports pass/fail with the reason for Prometheus, Grafana, each node_exporter, CloudWatch and S3', async () => {
    const nodeExporter = requireBinary('prometheus-node-exporter', 'prometheus-node-exporter');
    const nodePort = await freePort();
    const ne = spawn(nodeExporter, [`--web.listen-address=127.0.0.1:${nodePort}`], { stdio: 'ignore' });
    cleanups.push(() => void ne.kill('SIGTERM'));
    await waitFor(`http://127.0.0.1:${nodePort}/metrics`);
    const deadPort = await freePort();

    const puts: string[] = [];
    // Prometheus and Grafana answer as their real APIs do; the same server stands in for CloudWatch
    // (AWS JSON 1.0) and S3 (path-style PUT), driven by the real AWS SDK clients.
    const stand = await startServer((req, res) => {
      if (req.url === '/-/ready') return void res.end('Prometheus Server is Ready.\n');
      if (req.url === '/api/health') {
        res.writeHead(503, { 'content-type': 'application/json' });
        return void res.end('{"database":"failing","version":"11.2.0"}');
      }
      if (req.headers['x-amz-target'] === 'GraniteServiceVersion20100801.GetMetricData') {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        return void res.end(
          JSON.stringify({ MetricDataResults: [{ Id: 'cpu', Values: [12.5, 11], Timestamps: [1, 2], StatusCode: 'Complete' }] }),
        );
      }
      if (req.method === 'PUT') {
        puts.push(decodeURIComponent(req.url));
        res.writeHead(200, { etag: '"e"' });
        return void res.end();
      }
      res.writeHead(404);
      res.end();
    });
    cleanups.push(() => stand.close());

    const dir = tempDir('sco-live-');
    writeFileSync(
      path.join(dir, 'targets.json'),
      JSON.stringify({
        targets: [
          { name: 'app-1', address: `127.0.0.1:${nodePort}`, instanceId: 'i-0123456789abcdef0', region: 'eu-west-1' },
          { name: 'db-1', address: `127.0.0.1:${deadPort}` },
        ],
      }),
    );
    writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ targetsFile: 'targets.json' }));
    // The SDK's default credential chain reads the process environment.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDLIVE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    const r = await cli(
      ['live-check'],
      {
        AWS_LIVE: '1',
        SCO_CONFIG: 'c.json',
        PROMETHEUS_URL: `${stand.url}/`,
        GRAFANA_URL: stand.url,
        SCO_S3_BUCKET: 'records-bucket',
        AWS_ENDPOINT_URL_S3: stand.url,
        AWS_ENDPOINT_URL_CLOUDWATCH: stand.url,
        SCO_LIVE_TIMEOUT_MS: '3000',
      },
      dir,
    );
    expect(r.code).toBe(1);
    const line = (check: string) => r.text.split('\n').find((l) => l.includes(check)) ?? '';
    expect(line('prometheus /-/ready')).toMatch(/^PASS .*Prometheus Server is Ready/);
    expect(line('grafana /api/health')).toMatch(/^FAIL .*HTTP 503/);
    expect(line('node_exporter app-1')).toMatch(/^PASS /);
    expect(line('node_exporter db-1')).toMatch(/^FAIL .*ECONNREFUSED/);
    expect(line('cloudwatch GetMetricData')).toMatch(/^PASS .*i-0123456789abcdef0 in eu-west-1: 2 point/);
    expect(line('s3 PutObject')).toMatch(/^PASS .*s3:\/\/records-bucket\/smartcloudops\/live-check\//);
    expect(puts).toHaveLength(1);
    expect(puts[0]).toMatch(/^\/records-bucket\/smartcloudops\/live-check\/.*\.txt/);
    expect(r.text).toMatch(/4 passed, 2 failed, 0 skipped/);
  }, 30_000);

  it('skips what is not configured and fails a CloudWatch that refuses the credentials', async () => {
    const cw = await startServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': 'AccessDenied;Sender' });
      res.end(
        JSON.stringify({ __type: 'com.amazonaws.cloudwatch#AccessDenied', message: 'not authorized to perform cloudwatch:GetMetricData' }),
      );
    });
    cleanups.push(() => cw.close());
    const dir = tempDir('sco-live-');
    writeFileSync(path.join(dir, 'targets.json'), JSON.stringify({ targets: [{ name: 'app-1', instanceId: 'i-0123456789abcdef0' }] }));
    writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ targetsFile: 'targets.json' }));
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDLIVE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    const r = await cli(['live-check'], { AWS_LIVE: '1', SCO_CONFIG: 'c.json', AWS_ENDPOINT_URL_CLOUDWATCH: cw.url }, dir);
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/FAIL\s+cloudwatch GetMetricData\s+AccessDenied: not authorized/);
    expect(r.text).toMatch(/SKIP\s+prometheus \/-\/ready\s+PROMETHEUS_URL is not set/);
    expect(r.text).toMatch(/SKIP\s+s3 PutObject\s+SCO_S3_BUCKET is not set/);
    expect(r.text).toMatch(/0 passed, 1 failed, 4 skipped/);
  }, 30_000);
});
