import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBinary } from '../../helpers/net.js';

const INFRA = path.resolve(__dirname, '../../../infra');

function run(bin: string, args: string[], cwd: string) {
  const r = spawnSync(bin, args, { cwd, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('shipped Prometheus and Alertmanager configuration', () => {
  it('passes promtool check config, check rules and the rule unit tests', () => {
    const promtool = requireBinary('promtool', 'prometheus');
    const dir = path.join(INFRA, 'prometheus');
    const config = run(promtool, ['check', 'config', 'prometheus.yml'], dir);
    expect(config.out).toMatch(/SUCCESS: prometheus.yml is valid/);
    expect(config.status).toBe(0);
    const rules = run(promtool, ['check', 'rules', 'rules/hosts.yml', 'rules/bot.yml'], dir);
    expect(rules.out).toMatch(/SUCCESS: 5 rules found[\s\S]*SUCCESS: 11 rules found|SUCCESS: 11 rules found[\s\S]*SUCCESS: 5 rules found/);
    expect(rules.status).toBe(0);
    const unit = run(promtool, ['test', 'rules', 'tests/rules.test.yml'], dir);
    expect(unit.out).toMatch(/SUCCESS/);
    expect(unit.status).toBe(0);
  });

  it('passes amtool check-config', () => {
    const amtool = requireBinary('amtool', 'prometheus-alertmanager');
    const r = run(amtool, ['check-config', 'alertmanager.yml'], path.join(INFRA, 'alertmanager'));
    expect(r.out).toMatch(/SUCCESS/);
    expect(r.status).toBe(0);
  });
});
