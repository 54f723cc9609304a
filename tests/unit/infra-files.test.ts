import { parse as parseHcl } from '@cdktf/hcl2json';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../../src/cli/main.js';
import type { Dashboard } from '../helpers/grafana.js';
import { tempDir } from '../helpers/test-config.js';

const ROOT = path.resolve(__dirname, '../..');
const INFRA = path.join(ROOT, 'infra');
const yaml = (rel: string) => parseYaml(readFileSync(path.join(ROOT, rel), 'utf8')) as Record<string, unknown>;
type Obj = Record<string, unknown>;
const obj = (v: unknown) => v as Obj;

describe('infra/compose.yaml', () => {
  const compose = yaml('infra/compose.yaml') as { services: Record<string, Obj>; secrets: Obj; volumes: Obj };

  it('wires the bot, Prometheus, Alertmanager, Grafana and node_exporter together', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['alertmanager', 'grafana', 'node-exporter', 'prometheus', 'smartcloudops']);
    expect(compose.services.smartcloudops!.build).toEqual({ context: '..', dockerfile: 'Dockerfile' });
    expect(existsSync(path.join(INFRA, '..', 'Dockerfile'))).toBe(true);
    // Every bind mount points at a file or folder that ships in infra/.
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const v of (svc.volumes as string[] | undefined) ?? []) {
        const src = v.split(':')[0]!;
        if (src.startsWith('./')) expect(existsSync(path.join(INFRA, src)), `${name}: ${v}`).toBe(true);
        else if (!src.startsWith('/')) expect(Object.keys(compose.volumes), `${name}: ${v}`).toContain(src);
      }
    }
  });

  it('agrees with the Prometheus, Alertmanager and Grafana files on names and ports', () => {
    const prom = yaml('infra/prometheus/prometheus.yml') as { alerting: Obj; scrape_configs: Obj[] };
    const amTarget = (obj(obj(prom.alerting).alertmanagers) as unknown as { static_configs: { targets: string[] }[] }[])[0]!
      .static_configs[0]!.targets[0]!;
    expect(amTarget).toBe('alertmanager:9093');
    const bot = JSON.parse(readFileSync(path.join(INFRA, 'prometheus/file_sd/bot.json'), 'utf8')) as { targets: string[] }[];
    expect(bot[0]!.targets).toEqual(['smartcloudops:8080']);
    expect(compose.services.smartcloudops!.environment).toMatchObject({ SCO_HTTP_PORT: '8080', SCO_HTTP_HOST: '0.0.0.0' });
    const node = prom.scrape_configs.find((s) => s.job_name === 'node') as { static_configs: { targets: string[] }[] };
    expect(node.static_configs[0]!.targets).toEqual(['node-exporter:9100']);

    const am = yaml('infra/alertmanager/alertmanager.yml') as {
      receivers: { webhook_configs: { url: string; http_config: { authorization: { credentials_file: string } } }[] }[];
    };
    const hook = am.receivers[0]!.webhook_configs[0]!;
    expect(hook.url).toBe('http://smartcloudops:8080/alertmanager');
    // The token file is the compose secret fed from the same variable the bot checks.
    expect(hook.http_config.authorization.credentials_file).toBe('/run/secrets/alertmanager_token');
    expect(compose.secrets).toEqual({ alertmanager_token: { environment: 'SCO_ALERTMANAGER_TOKEN' } });
    expect(compose.services.alertmanager!.secrets).toEqual(['alertmanager_token']);
    expect(String(obj(compose.services.smartcloudops!.environment).SCO_ALERTMANAGER_TOKEN)).toContain('SCO_ALERTMANAGER_TOKEN');

    const ds = yaml('infra/grafana/provisioning/datasources/prometheus.yml') as { datasources: { uid: string; url: string }[] };
    expect(ds.datasources[0]).toMatchObject({ uid: 'prometheus', url: 'http://prometheus:9090' });
    const dash = yaml('infra/grafana/provisioning/dashboards/smartcloudops.yml') as { providers: { options: { path: string } }[] };
    expect(compose.services.grafana!.volumes).toContain(`./grafana/dashboards:${dash.providers[0]!.options.path}:ro`);
  });

  it('requires the tokens and the Grafana password instead of shipping defaults', () => {
    const env = JSON.stringify([compose.services.smartcloudops!.environment, compose.services.grafana!.environment]);
    for (const v of ['SCO_WEB_TOKEN', 'SCO_ALERTMANAGER_TOKEN', 'GRAFANA_ADMIN_PASSWORD']) expect(env).toContain(`\${${v}:?`);
    const example = readFileSync(path.join(INFRA, '.env.example'), 'utf8');
    for (const v of ['SCO_WEB_TOKEN', 'SCO_ALERTMANAGER_TOKEN', 'GRAFANA_ADMIN_PASSWORD'])
      expect(example).toMatch(new RegExp(`^${v}=`, 'm'));
  });
});

describe('Grafana dashboards', () => {
  const dir = path.join(INFRA, 'grafana/dashboards');
  const boards = readdirSync(dir).map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Dashboard);

  it('cover hosts (CPU, memory, disk, network) and the bot (ticks, anomalies, remediations, chat, LLM)', () => {
    const titles = (uid: string) =>
      boards
        .find((b) => b.uid === uid)!
        .panels.map((p) => p.title.toLowerCase())
        .join(' | ');
    for (const w of ['cpu', 'memory', 'disk', 'network']) expect(titles('sco-hosts')).toContain(w);
    for (const w of ['ticks', 'anomalies', 'remediations', 'chat', 'llm']) expect(titles('sco-bot')).toContain(w);
  });

  it('use the provisioned datasource, unique ids and panels that do not overlap', () => {
    expect(new Set(boards.map((b) => b.uid)).size).toBe(boards.length);
    for (const b of boards) {
      const cells = new Set<string>();
      for (const p of b.panels) {
        expect(p.datasource.uid).toBe('prometheus');
        expect(p.targets.length).toBeGreaterThan(0);
        for (let x = p.gridPos.x; x < p.gridPos.x + p.gridPos.w; x++)
          for (let y = p.gridPos.y; y < p.gridPos.y + p.gridPos.h; y++) {
            expect(cells.has(`${x},${y}`), `${b.uid}/${p.title} overlaps`).toBe(false);
            cells.add(`${x},${y}`);
          }
        expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(24);
      }
      expect(new Set(b.panels.map((p) => p.id)).size).toBe(b.panels.length);
    }
  });
});

type Hcl = Record<string, Record<string, Obj[]>>;
async function terraform(): Promise<Hcl> {
  const dir = path.join(INFRA, 'terraform');
  const merged: Hcl = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.tf'))) {
    // HashiCorp's own HCL parser (compiled to wasm): a syntax error fails here.
    const doc = (await parseHcl(f, readFileSync(path.join(dir, f), 'utf8'))) as Hcl;
    for (const [kind, blocks] of Object.entries(doc)) {
      merged[kind] ??= {};
      // resource/data blocks nest type → name → [body]; variable/output nest name → [body].
      for (const [type, v] of Object.entries(blocks))
        merged[kind][type] = (Array.isArray(v) ? v : { ...(merged[kind][type] as object), ...(v as object) }) as never;
    }
  }
  return merged;
}
const block = (hcl: Hcl, kind: string, type: string, name: string) => (obj(hcl[kind]![type]) as Record<string, Obj[]>)[name]![0]!;

describe('Terraform', () => {
  it('builds a 10.0.0.0/16 VPC with public subnets, two free-tier hosts and encrypted disks', async () => {
    const hcl = await terraform();
    const vars = hcl.variable as unknown as Record<string, Obj[]>;
    expect(vars.vpc_cidr![0]!.default).toBe('10.0.0.0/16');
    expect(block(hcl, 'resource', 'aws_vpc', 'main').cidr_block).toBe('${var.vpc_cidr}');
    expect(block(hcl, 'resource', 'aws_subnet', 'public').map_public_ip_on_launch).toBe(true);
    for (const host of ['app', 'monitoring']) {
      const i = block(hcl, 'resource', 'aws_instance', host);
      const type = vars[`${host}_instance_type`]![0]!.default;
      expect(['t2.micro', 't3.micro']).toContain(type);
      expect((i.root_block_device as Obj[])[0]!.encrypted).toBe(true);
      expect((i.metadata_options as Obj[])[0]!.http_tokens).toBe('required');
    }
  });

  it('opens 22, 80, 3000, 9090 and 9100 only to configurable CIDRs, never to the internet', async () => {
    const hcl = await terraform();
    const vars = hcl.variable as unknown as Record<string, Obj[]>;
    const ports = new Set<number>();
    for (const sg of ['app', 'monitoring']) {
      for (const rule of block(hcl, 'resource', 'aws_security_group', sg).ingress as Obj[]) {
        ports.add(rule.from_port as number);
        expect(rule.to_port).toBe(rule.from_port);
        const cidrs = String(rule.cidr_blocks);
        expect(cidrs).not.toContain('0.0.0.0/0');
        const named = [...cidrs.matchAll(/var\.(\w+)/g)].map((m) => m[1]!);
        expect(named.length, `port ${String(rule.from_port)}`).toBeGreaterThan(0);
        for (const v of named) {
          expect(vars[v], v).toBeDefined();
          // An allow-list variable has no internet-wide default.
          expect(JSON.stringify(vars[v]![0]!.default ?? [])).not.toContain('0.0.0.0/0');
        }
      }
    }
    expect([...ports].sort((a, b) => a - b)).toEqual([22, 80, 3000, 9090, 9100]);
    expect(vars.ssh_cidrs![0]!.default).toBeUndefined();
    expect(JSON.stringify(vars.ssh_cidrs![0]!.validation)).toContain('0.0.0.0/0');
  });

  it('ships an encrypted, private S3 bucket with lifecycle rules', async () => {
    const hcl = await terraform();
    const sse = block(hcl, 'resource', 'aws_s3_bucket_server_side_encryption_configuration', 'records');
    expect(JSON.stringify(sse)).toContain('"sse_algorithm":"aws:kms"');
    const pab = block(hcl, 'resource', 'aws_s3_bucket_public_access_block', 'records');
    for (const k of ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'])
      expect(pab[k]).toBe(true);
    const rule = (block(hcl, 'resource', 'aws_s3_bucket_lifecycle_configuration', 'records').rule as Obj[])[0]!;
    expect(rule.status).toBe('Enabled');
    expect((rule.transition as Obj[]).map((t) => t.storage_class)).toEqual(['STANDARD_IA', 'GLACIER_IR']);
    expect((rule.expiration as Obj[])[0]!.days).toBe('${var.log_expiration_days}');
  });

  it('gives the bot least privilege: GetMetricData, PutObject on its bucket, SendCommand on tagged instances', async () => {
    const hcl = await terraform();
    const doc = block(hcl, 'data', 'aws_iam_policy_document', 'bot');
    const statements = doc.statement as { sid: string; actions: string[]; resources: string[]; condition?: Obj[] }[];
    const actions = statements.flatMap((s) => s.actions).sort();
    expect(actions).toEqual(['cloudwatch:GetMetricData', 's3:PutObject', 'ssm:GetParameter', 'ssm:SendCommand', 'ssm:SendCommand']);
    expect(statements.every((s) => s.actions.every((a) => !a.includes('*')))).toBe(true);
    const put = statements.find((s) => s.actions.includes('s3:PutObject'))!;
    expect(put.resources).toEqual(['${aws_s3_bucket.records.arn}/*']);
    const onInstances = statements.find((s) => s.actions.includes('ssm:SendCommand') && s.resources.some((r) => r.includes('instance')))!;
    expect(JSON.stringify(onInstances.condition)).toContain('ssm:resourceTag/${var.managed_tag_key}');
    const doc2 = statements.find((s) => s.sid === 'RunShellScriptDocument')!;
    expect(doc2.resources[0]).toMatch(/document\/AWS-RunShellScript$/);
    // Reboot and scaling exist only behind variables that default to off.
    const vars = hcl.variable as unknown as Record<string, Obj[]>;
    for (const d of (doc.dynamic as { statement: { for_each: string }[] }).statement) {
      const gate = /var\.(\w+)/.exec(d.for_each)![1]!;
      expect(vars[gate]![0]!.default, gate).toBe(false);
    }
    // Both instances are tagged so SSM commands reach them; the monitoring role reads two parameters only.
    expect(JSON.stringify(block(hcl, 'resource', 'aws_instance', 'app').tags)).toContain('var.managed_tag_key');
    const mon = block(hcl, 'data', 'aws_iam_policy_document', 'monitoring').statement as { actions: string[] }[];
    expect(mon.flatMap((s) => s.actions)).toEqual(['ssm:GetParameter']);
  });
});

describe('GitHub Actions workflow', () => {
  const wf = yaml('.github/workflows/ci.yml') as { jobs: Record<string, { steps: { run?: string; uses?: string }[] }> };
  const runs = Object.values(wf.jobs)
    .flatMap((j) => j.steps.map((s) => s.run ?? ''))
    .join('\n');

  it('runs lint, typecheck, tests, build, Terraform fmt/validate and config checks', () => {
    for (const cmd of [
      'npm run lint',
      'npm run typecheck',
      'bash .ci/run',
      'npm run build',
      'docker build',
      'terraform fmt -check',
      'terraform validate',
      'smartcloudops config check',
      'prometheus-sd --check',
      'promtool check config',
      'amtool check-config',
    ])
      expect(runs).toContain(cmd);
  });

  it('only calls npm scripts that exist', () => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Obj }).scripts;
    for (const m of runs.matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(scripts), m[0]).toContain(m[1]);
  });
});

describe('smartcloudops infra prometheus-sd --check', () => {
  it('passes on the shipped file and fails, without writing, when it is stale', async () => {
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s), env: {}, cwd: ROOT };
    expect(await runCli(['infra', 'prometheus-sd', '--check'], io)).toBe(0);
    const dir = tempDir('sco-sd-');
    expect(await runCli(['infra', 'prometheus-sd', '--check', '--out', dir], io)).toBe(1);
    expect(existsSync(path.join(dir, 'node.json'))).toBe(false);
    expect(out.join('\n')).toMatch(/out of date/);
  });
});
