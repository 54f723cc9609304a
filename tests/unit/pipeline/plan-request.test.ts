import { describe, expect, it } from 'vitest';
import { planRequest, requestMode } from '../../../src/pipeline/remediate/plan-request.js';
import { configSchema } from '../../../src/config/schema.js';

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
      {
        name: 'app restarts',
        when: { metrics: ['memory'] },
        action: 'restart_service',
        params: { service: 'app' },
        mode: 'auto',
        executor: 'script',
      },
      { name: 'scale', when: { detectors: ['threshold'] }, action: 'scale_up', params: { by: 2, max: 8 } },
      { name: 'bad', when: {}, action: 'cleanup_disk', params: { paths: ['relative'] } },
    ],
  },
}).remediation.rules;

const ctx = { now: 10_000, ttlMs: 60_000, requestedBy: 'slack:U1' };

describe('planRequest', () => {
  it("uses the first rule allowing the action on the target, with the rule's params and executor, never auto", () => {
    const db = planRequest({ action: 'restart_service', target: 'db-1' }, rules, ctx);
    expect(db).toMatchObject({
      ok: true,
      rule: { name: 'db restarts' },
      proposal: {
        target: 'db-1',
        action: 'restart_service',
        params: { service: 'postgres' },
        executor: 'script',
        mode: 'approval',
        state: 'proposed',
        anomalyId: '',
        requestedBy: 'slack:U1',
        expiresTs: 70_000,
        reason: 'db restarts: requested by slack:U1',
      },
    });
    // web-1 is not db-*: the next rule with the action, whose "auto" becomes "approval".
    const web = planRequest({ action: 'restart_service', target: 'web-1' }, rules, { ...ctx, why: 'leak' });
    expect(web).toMatchObject({
      ok: true,
      rule: { name: 'app restarts' },
      proposal: { params: { service: 'app' }, mode: 'approval', reason: 'app restarts: requested by slack:U1 (leak)' },
    });
    // A service named picks the rule that restarts it.
    expect(planRequest({ action: 'restart_service', target: 'db-1', service: 'app' }, rules, ctx)).toMatchObject({
      ok: true,
      rule: { name: 'app restarts' },
    });
    // The rule's metric and detector conditions are about anomalies: they do not apply to a request.
    expect(planRequest({ action: 'scale_up', target: 'web-1', count: 2 }, rules, ctx)).toMatchObject({
      ok: true,
      proposal: { params: { by: 2, max: 8 } },
    });
    // Ids differ by who asked and when.
    const again = planRequest({ action: 'restart_service', target: 'db-1' }, rules, { ...ctx, now: 10_001 });
    expect(again.ok && db.ok && again.proposal.id !== db.proposal.id).toBe(true);
  });

  it('refuses what no rule allows and a parameter that no allowing rule has', () => {
    expect(planRequest({ action: 'notify_only', target: 'db-1' }, rules, ctx)).toEqual({
      ok: false,
      error: 'no rule in remediation.rules uses notify_only, so it cannot be asked for',
    });
    const only = rules.filter((r) => r.name === 'db restarts');
    expect(planRequest({ action: 'restart_service', target: 'web-1' }, only, ctx)).toEqual({
      ok: false,
      error: 'no rule in remediation.rules allows restart_service on web-1 (the rules with it name other targets)',
    });
    const nginx = planRequest({ action: 'restart_service', target: 'db-1', service: 'nginx' }, rules, ctx);
    expect(nginx).toEqual({
      ok: false,
      error:
        'the service comes from config, not chat: the rule "db restarts" allows restart_service on db-1, but it restarts postgres, not nginx. Ask without the service for what it does, or add a rule to remediation.rules',
    });
    expect(planRequest({ action: 'scale_up', target: 'web-1', count: 3 }, rules, ctx)).toMatchObject({
      ok: false,
      error: expect.stringContaining('it adds 2 (up to 8), not 3'),
    });
    expect(planRequest({ action: 'scale_up', target: 'web-1', toSize: 5 }, rules, ctx)).toMatchObject({
      ok: false,
      error: expect.stringContaining('a size (5) cannot be set'),
    });
    expect(planRequest({ action: 'cleanup_disk', target: 'web-1' }, rules, ctx)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^the rule "bad" has invalid parameters/),
    });
  });

  it('takes paths named only when they are all the rule cleans, so a request never cleans more than it said', () => {
    const clean = configSchema.parse({
      remediation: { rules: [{ name: 'logs', when: {}, action: 'cleanup_disk', params: { paths: ['/var/log', '/tmp'] } }] },
    }).remediation.rules;
    expect(planRequest({ action: 'cleanup_disk', target: 'db-1', paths: ['/tmp', '/var/log'] }, clean, ctx)).toMatchObject({ ok: true });
    expect(planRequest({ action: 'cleanup_disk', target: 'db-1' }, clean, ctx)).toMatchObject({ ok: true });
    expect(planRequest({ action: 'cleanup_disk', target: 'db-1', paths: ['/var/log'] }, clean, ctx)).toMatchObject({
      ok: false,
      error: expect.stringContaining('it cleans /var/log, /tmp, not /var/log alone'),
    });
    expect(planRequest({ action: 'cleanup_disk', target: 'db-1', paths: ['/home'] }, clean, ctx)).toMatchObject({
      ok: false,
      error: expect.stringContaining('it cleans /var/log, /tmp, not /home.'),
    });
  });

  it('keeps a dry-run rule a dry run', () => {
    expect(
      requestMode(
        configSchema.parse({ remediation: { rules: [{ name: 'd', when: {}, action: 'scale_up', executor: 'simulate' }] } }).remediation
          .rules[0]!,
      ),
    ).toBe('dry_run');
  });
});
