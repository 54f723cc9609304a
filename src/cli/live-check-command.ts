import type { Config } from '../config/load-config.js';
import { renderLiveReport, runLiveChecks, type LivePlan } from '../infra/live-checks.js';

export interface LiveIO {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

/** The plan for `npm run test:live`: what the configured deployment should answer. */
export function livePlan(cfg: Config, env: NodeJS.ProcessEnv): LivePlan {
  const withId = cfg.targets.find((t) => t.instanceId);
  const bucket = cfg.records.s3.bucket;
  return {
    prometheusUrl: env.PROMETHEUS_URL?.replace(/\/$/, ''),
    grafanaUrl: env.GRAFANA_URL?.replace(/\/$/, ''),
    nodeTargets: cfg.targets.filter((t) => t.address).map((t) => ({ name: t.name, address: t.address! })),
    cloudwatch: withId ? { instanceId: withId.instanceId!, region: withId.region ?? cfg.sources.cloudwatch.region } : undefined,
    s3: bucket ? { bucket, prefix: cfg.records.s3.prefix } : undefined,
  };
}

/** Checks a real deployment with real credentials; refuses to run unless AWS_LIVE=1. */
export async function liveCheck(io: LiveIO, cfg: Config): Promise<number> {
  if (io.env.AWS_LIVE !== '1') {
    io.err('live checks talk to your real Prometheus, Grafana, node_exporters and AWS account: run them with AWS_LIVE=1');
    return 2;
  }
  const [{ CloudWatchClient }, { S3Client }] = await Promise.all([import('@aws-sdk/client-cloudwatch'), import('@aws-sdk/client-s3')]);
  const results = await runLiveChecks(livePlan(cfg, io.env), {
    fetch,
    cloudwatch: async (region) => new CloudWatchClient({ region, endpoint: cfg.endpoints.cloudwatch, maxAttempts: 2 }),
    s3: async () =>
      new S3Client({
        region: cfg.records.s3.region,
        endpoint: cfg.endpoints.s3,
        forcePathStyle: Boolean(cfg.endpoints.s3),
        maxAttempts: 2,
      }),
    now: Date.now,
    timeoutMs: Number(io.env.SCO_LIVE_TIMEOUT_MS ?? 10_000),
  });
  io.out(renderLiveReport(results));
  return results.some((r) => r.status === 'fail') ? 1 : 0;
}
