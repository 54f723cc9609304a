import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { buildNodeSd, renderSd } from '../../src/infra/prometheus-sd.js';

const ROOT = path.resolve(__dirname, '../..');

describe('prometheus file_sd from the targets file', () => {
  it('is sorted, labelled and matches the shipped infra/prometheus/file_sd/node.json (idempotent)', () => {
    const cfg = loadConfig({ cwd: ROOT, env: {} });
    const { groups, problems } = buildNodeSd(cfg.targets);
    expect(problems).toEqual([]);
    expect(groups.map((g) => g.labels.target)).toEqual([...groups.map((g) => g.labels.target)].sort());
    expect(groups[0]).toMatchObject({
      targets: ['10.0.2.10:9100'],
      labels: { target: 'api-1', role: 'api', instance_id: 'i-0a1b2c3d4e5f60003' },
    });
    expect(renderSd(groups)).toBe(readFileSync(path.join(ROOT, 'infra/prometheus/file_sd/node.json'), 'utf8'));
    expect(renderSd(buildNodeSd([...cfg.targets].reverse()).groups)).toBe(renderSd(groups));
  });

  it('reports bad addresses and label names instead of writing them', () => {
    const base = { source: 'synthetic' as const, labels: {} };
    const r = buildNodeSd([
      { ...base, name: 'a', address: 'nohost' },
      { ...base, name: 'b', address: '10.0.0.1:99999' },
      { ...base, name: 'c', address: '10.0.0.2:9100', labels: { 'bad-label': 'x', __meta: 'y', ok_label: 'z' } },
      { ...base, name: 'd' },
    ]);
    expect(r.problems).toEqual([
      'targets.a.address: "nohost" is not host:port',
      'targets.b.address: "10.0.0.1:99999" is not host:port',
      'targets.c.labels.__meta: not a valid Prometheus label name',
      'targets.c.labels.bad-label: not a valid Prometheus label name',
    ]);
    expect(r.groups).toEqual([{ targets: ['10.0.0.2:9100'], labels: { target: 'c', ok_label: 'z' } }]);
  });
});
