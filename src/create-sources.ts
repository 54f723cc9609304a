import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { Logger, MetricSource } from './core/ports.js';
import type { Target } from './core/target.js';
import type { Config } from './config/load-config.js';
import { createCloudWatchSource } from './pipeline/ingest/cloudwatch-source.js';
import { createFileSource } from './pipeline/ingest/file-source.js';
import { createLocalSource } from './pipeline/ingest/local-source.js';
import { createPrometheusSource } from './pipeline/ingest/prometheus-source.js';
import { createSyntheticSource } from './pipeline/ingest/synthetic-source.js';

export function configTargets(config: Config): Target[] {
  const out: Target[] = config.targets.map((t) => ({ ...t, labels: t.labels ?? {} }));
  for (let i = 1; i <= config.sources.synthetic.extraTargets; i++) {
    const name = `synth-${String(i).padStart(4, '0')}`;
    out.push({ name, role: ['web', 'api', 'db'][i % 3], labels: { generated: 'true' }, source: 'synthetic' });
  }
  return out;
}

export interface SourceDeps {
  config: Config;
  logger: Logger;
  bootTs: number;
  fetch?: typeof fetch;
  cloudwatch?: Pick<CloudWatchClient, 'send'>;
}

/** One source per enabled kind; each gets only the targets that name it. */
export function createSources(d: SourceDeps): MetricSource[] {
  const { config: c } = d;
  const targets = configTargets(c);
  const of = (source: string) => targets.filter((t) => t.source === source);
  const out: MetricSource[] = [];
  const s = c.sources;
  if (s.synthetic.enabled && of('synthetic').length) {
    out.push(
      createSyntheticSource({
        targets: of('synthetic'),
        seed: s.synthetic.seed,
        incidentEveryMs: s.synthetic.incidentEveryMinutes * 60_000,
        bootTs: s.synthetic.bootIncident ? d.bootTs : undefined,
      }),
    );
  }
  if (s.local.enabled) out.push(createLocalSource({ name: s.local.name, diskPath: s.local.diskPath }));
  const maxDiscovered = c.maxDiscoveredTargets;
  if (s.file.enabled) out.push(createFileSource({ path: s.file.path, targets: of('file'), maxDiscovered }));
  if (s.prometheus.enabled) out.push(createPrometheusSource({ ...s.prometheus, targets: of('prometheus'), fetch: d.fetch, maxDiscovered }));
  if (s.cloudwatch.enabled) {
    const client =
      d.cloudwatch ??
      (async () => {
        const { CloudWatchClient: Client } = await import('@aws-sdk/client-cloudwatch');
        // Our own backoff handles throttling; the SDK's retries would multiply it.
        return new Client({ region: s.cloudwatch.region, endpoint: c.endpoints.cloudwatch, maxAttempts: 1 });
      });
    out.push(
      createCloudWatchSource({ ...s.cloudwatch, targets: of('cloudwatch'), client, logger: d.logger.child({ source: 'cloudwatch' }) }),
    );
  }
  return out;
}
