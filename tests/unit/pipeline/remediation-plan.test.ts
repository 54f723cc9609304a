import { describe, expect, it } from 'vitest';
import { cpuAnomaly } from '../../fixtures/anomaly.js';
import { parseActionParams, scriptArgs } from '../../../src/pipeline/remediate/action-params.js';
import { effectiveMode, globMatch, planRemediation } from '../../../src/pipeline/remediate/plan-remediation.js';
import { configSchema } from '../../../src/config/schema.js';

const anomaly = cpuAnomaly();

const rules = configSchema.parse({
  remediation: {
    rules: [
      {
        name: 'db restarts',
        when: { metrics: ['cpu'], targets: ['db-*'] },
        action: 'restart_service',
        params: { service: 'postgres' },
        executor: 'script',
      },
      { name: 'critical only', when: { metrics: ['cpu'], minSeverity: 'critical' }, action: 'notify_only' },
      { name: 'scale', when: { metrics: ['cpu'], detectors: ['threshold'] }, action: 'scale_up', params: { by: 2 }, cooldownSeconds: 600 },
    ],
  },
}).remediation.rules;

const ctx = { now: 5000, ttlMs: 1_800_000, lastProposalTs: () => undefined };

describe('planRemediation', () => {
  it('picks the first matching rule and fills typed params with defaults', () => {
    const r = planRemediation(anomaly, rules, ctx);
    expect(r).toMatchObject({
      kind: 'proposal',
      rule: 'scale',
      proposal: { action: 'scale_up', params: { by: 2, max: 10 }, state: 'proposed', expiresTs: 5000 + 1_800_000 },
    });
  });

  it('matches target globs and severities', () => {
    expect(planRemediation({ ...anomaly, target: 'db-7' }, rules, ctx)).toMatchObject({ rule: 'db restarts' });
    expect(planRemediation({ ...anomaly, severity: 'critical' }, rules, ctx)).toMatchObject({ rule: 'critical only' });
    expect(planRemediation({ ...anomaly, metric: 'disk' }, rules, ctx)).toBeUndefined();
    expect(globMatch('web-?', 'web-1')).toBe(true);
    expect(globMatch('web.*', 'webX1')).toBe(false);
  });

  it('respects the cooldown per target and action', () => {
    const r = planRemediation(anomaly, rules, { ...ctx, lastProposalTs: () => 4000 });
    expect(r).toEqual({ kind: 'cooldown', rule: 'scale', until: 4000 + 600_000 });
  });

  it('with when.forSeconds, waits for the anomaly to last, and gives one that ended sooner nothing', () => {
    const lasting = configSchema.parse({
      remediation: { rules: [{ name: 'restart', when: { metrics: ['cpu'], forSeconds: 120 }, action: 'notify_only' }] },
    }).remediation.rules;
    // cpuAnomaly opened at 1 s.
    expect(planRemediation(anomaly, lasting, { ...ctx, now: 60_000 })).toEqual({ kind: 'pending', rule: 'restart', dueTs: 121_000 });
    expect(planRemediation(anomaly, lasting, { ...ctx, now: 121_000 })).toMatchObject({ kind: 'proposal', rule: 'restart' });
    expect(planRemediation({ ...anomaly, status: 'resolved', endTs: 130_000 }, lasting, { ...ctx, now: 131_000 })).toBeUndefined();
  });

  it('gives a stable id for the same anomaly and rule', () => {
    const a = planRemediation(anomaly, rules, ctx);
    const b = planRemediation(anomaly, rules, { ...ctx, now: 9999 });
    expect(a && a.kind === 'proposal' && b && b.kind === 'proposal' && a.proposal.id === b.proposal.id).toBe(true);
  });

  it('defaults: simulate runs as dry-run, anything real needs approval', () => {
    expect(effectiveMode(rules[2]!)).toBe('dry_run');
    expect(effectiveMode(rules[0]!)).toBe('approval');
  });
});

describe('action params', () => {
  it.each([
    ['restart_service', { service: 'nginx; rm -rf /' }],
    ['restart_service', { service: '$(reboot)' }],
    ['restart_service', {}],
    ['scale_up', { by: 100 }],
    ['cleanup_disk', { paths: ['relative/path'] }],
    ['cleanup_disk', { paths: ['/var/log && rm -rf /'] }],
    ['notify_only', { extra: 1 }],
  ] as const)('%s rejects %j', (action, params) => {
    expect(parseActionParams(action, params).ok).toBe(false);
  });

  it('builds a fixed argv from typed params only', () => {
    expect(scriptArgs('restart_service', 'web-1', { service: 'nginx' })).toEqual(['web-1', 'nginx']);
    expect(scriptArgs('scale_up', 'web-1', { by: 1, max: 4 })).toEqual(['web-1', '1', '4']);
  });
});
