import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { S3Client } from '@aws-sdk/client-s3';
import { errorReason } from '../core/errors.js';

/** What a live deployment is checked against; built by the CLI from config and env. */
export interface LivePlan {
  prometheusUrl?: string;
  grafanaUrl?: string;
  /** Every target with an address: its node_exporter must answer. */
  nodeTargets: { name: string; address: string }[];
  /** One instance to ask CloudWatch about. */
  cloudwatch?: { instanceId: string; region: string };
  s3?: { bucket: string; prefix: string };
}

export interface LiveDeps {
  fetch: typeof fetch;
  cloudwatch: (region: string) => Promise<Pick<CloudWatchClient, 'send'>>;
  s3: () => Promise<Pick<S3Client, 'send'>>;
  now: () => number;
  timeoutMs: number;
}

export interface LiveResult {
  check: string;
  status: 'pass' | 'fail' | 'skip';
  detail: string;
  ms: number;
}

async function timed(check: string, run: () => Promise<string>, now: () => number): Promise<LiveResult> {
  const t0 = now();
  try {
    return { check, status: 'pass', detail: await run(), ms: now() - t0 };
  } catch (e) {
    return { check, status: 'fail', detail: errorReason(e), ms: now() - t0 };
  }
}

async function get(deps: LiveDeps, url: string): Promise<{ status: number; body: string }> {
  const r = await deps.fetch(url, { signal: AbortSignal.timeout(deps.timeoutMs) });
  const body = await r.text();
  if (!r.ok) throw new Error(`HTTP ${r.status} from ${url}: ${body.slice(0, 120).trim()}`);
  return { status: r.status, body };
}

/** Runs every check, each independently: one failure never hides the others. */
export async function runLiveChecks(plan: LivePlan, deps: LiveDeps): Promise<LiveResult[]> {
  const skip = (check: string, detail: string): LiveResult => ({ check, status: 'skip', detail, ms: 0 });
  const jobs: Promise<LiveResult>[] = [];

  jobs.push(
    plan.prometheusUrl
      ? timed('prometheus /-/ready', async () => (await get(deps, `${plan.prometheusUrl}/-/ready`)).body.trim(), deps.now)
      : Promise.resolve(skip('prometheus /-/ready', 'PROMETHEUS_URL is not set')),
  );
  jobs.push(
    plan.grafanaUrl
      ? timed(
          'grafana /api/health',
          async () => {
            const h = JSON.parse((await get(deps, `${plan.grafanaUrl}/api/health`)).body) as { database?: string; version?: string };
            if (h.database !== 'ok') throw new Error(`database is ${String(h.database)}`);
            return `database ok, version ${h.version ?? '?'}`;
          },
          deps.now,
        )
      : Promise.resolve(skip('grafana /api/health', 'GRAFANA_URL is not set')),
  );
  if (!plan.nodeTargets.length) jobs.push(Promise.resolve(skip('node_exporter', 'no target has an address')));
  for (const t of plan.nodeTargets)
    jobs.push(
      timed(
        `node_exporter ${t.name}`,
        async () => {
          const { body } = await get(deps, `http://${t.address}/metrics`);
          if (!/^node_exporter_build_info\{/m.test(body)) throw new Error(`${t.address}/metrics answers but is not node_exporter`);
          return `${t.address} ok`;
        },
        deps.now,
      ),
    );

  const cw = plan.cloudwatch;
  jobs.push(
    cw
      ? timed(
          'cloudwatch GetMetricData',
          async () => {
            const { GetMetricDataCommand } = await import('@aws-sdk/client-cloudwatch');
            const end = new Date(deps.now());
            const r = await (
              await deps.cloudwatch(cw.region)
            ).send(
              new GetMetricDataCommand({
                StartTime: new Date(end.getTime() - 15 * 60_000),
                EndTime: end,
                MetricDataQueries: [
                  {
                    Id: 'cpu',
                    MetricStat: {
                      Metric: {
                        Namespace: 'AWS/EC2',
                        MetricName: 'CPUUtilization',
                        Dimensions: [{ Name: 'InstanceId', Value: cw.instanceId }],
                      },
                      Period: 300,
                      Stat: 'Average',
                    },
                  },
                ],
              }),
            );
            const points = r.MetricDataResults?.[0]?.Values?.length ?? 0;
            return `${cw.instanceId} in ${cw.region}: ${points} point(s) in the last 15 min${points ? '' : ' (allowed, but check detailed monitoring)'}`;
          },
          deps.now,
        )
      : Promise.resolve(skip('cloudwatch GetMetricData', 'no target has an instanceId')),
  );

  const s3 = plan.s3;
  jobs.push(
    s3
      ? timed(
          's3 PutObject',
          async () => {
            const { PutObjectCommand } = await import('@aws-sdk/client-s3');
            const key = `${s3.prefix}live-check/${new Date(deps.now()).toISOString().replace(/[:.]/g, '-')}.txt`;
            await (await deps.s3()).send(new PutObjectCommand({ Bucket: s3.bucket, Key: key, Body: 'smartcloudops live check\n' }));
            return `s3://${s3.bucket}/${key}`;
          },
          deps.now,
        )
      : Promise.resolve(skip('s3 PutObject', 'SCO_S3_BUCKET is not set')),
  );
  return Promise.all(jobs);
}

export function renderLiveReport(results: LiveResult[]): string {
  const width = Math.max(...results.map((r) => r.check.length));
  const lines = results.map(
    (r) => `${r.status.toUpperCase().padEnd(4)}  ${r.check.padEnd(width)}  ${r.detail}${r.ms ? ` (${r.ms} ms)` : ''}`,
  );
  const n = (s: LiveResult['status']) => results.filter((r) => r.status === s).length;
  return `${lines.join('\n')}\n\n${n('pass')} passed, ${n('fail')} failed, ${n('skip')} skipped`;
}
