import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import type { ChatUser } from '../../../src/core/chat.js';
import type { Proposal } from '../../../src/core/remediation.js';
import { captureLogger, testConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);
const web = (id: string): ChatUser => ({ platform: 'web', id, roles: [] });

const apps: App[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.stop().catch(() => undefined);
});

async function appWithPending(
  extra: Record<string, unknown> = {},
  config = testConfig({
    targets: [{ name: 'web-1', role: 'web' }],
    overrides: {
      sources: { backfillHours: 0, synthetic: { incidentEveryMinutes: 100_000 } },
      approvers: { web: { users: ['alice', 'bob'] } },
      remediation: {
        approvalTtlMinutes: 10,
        rules: [{ name: 'scale', when: { metrics: ['cpu'], detectors: ['threshold'] }, action: 'scale_up', mode: 'approval' }],
        ...extra,
      },
    },
  }),
  clockStart = T0,
) {
  let t = clockStart;
  const clock = { now: () => t };
  const app = createApp({ config, logger: captureLogger(), clock });
  apps.push(app);
  await app.start({ schedule: false });
  for (let i = 0; i < 8 && app.store.listProposals({ states: ['proposed'] }).length === 0; i++) {
    t += 30_000;
    await app.tick();
  }
  const [p] = app.store.listProposals({ states: ['proposed'] });
  expect(p, 'the boot CPU spike should produce a pending proposal').toBeDefined();
  return { app, p: p!, config, advance: (ms: number) => (t += ms), now: () => t };
}

const click = (app: App, user: ChatUser, action: 'approve' | 'deny', id: string) =>
  app.chat.handle({ kind: 'action', platform: 'web', user, channel: 'console', action, proposalId: id });

describe('approvals', () => {
  it('refuses a non-approver clearly and records the attempt', async () => {
    const { app, p } = await appWithPending();
    const r = await click(app, web('mallory'), 'approve', p.id);
    expect(r.private).toBe(true);
    expect(r.text).toMatch(/not an approver.*recorded/);
    expect(app.store.getProposal(p.id)!.state).toBe('proposed');
    expect(app.store.records(50, undefined, 'approval_refused')[0]!.data).toMatchObject({ proposalId: p.id, actor: 'web:mallory' });
  });

  it('denies every pending proposal on "deny all", and approves none on "approve all"', async () => {
    const { app, p } = await appWithPending();
    const say = (user: string, text: string) =>
      app.chat.handle({ kind: 'text', platform: 'web', user: web(user), channel: 'console', text, source: 'console' });
    const approveAll = await say('alice', 'approve all');
    expect(approveAll.text).toBe(
      `I approve one proposal at a time, by its id, so that each action run on a host is its own decision. Pending: ${p.id}; "approve ${p.id}".`,
    );
    expect(app.store.getProposal(p.id)!.state).toBe('proposed');
    const refused = await say('mallory', 'deny all');
    expect(refused.text).toBe(
      `You are not an approver, so you cannot deny ${p.id}; "cancel rp_…" takes back a request of yours. This attempt was recorded.`,
    );
    expect(app.store.getProposal(p.id)!.state).toBe('proposed');
    const denied = (await say('alice', 'deny all')).text.split('\n');
    expect(denied[0]).toBe('Denied or withdrew 1 pending proposal:');
    expect(denied[1]).toMatch(new RegExp(`^• Denied by alice at .*${p.id}`));
    expect(app.store.getProposal(p.id)).toMatchObject({ state: 'denied', decidedBy: 'web:alice' });
    expect((await say('alice', 'deny all')).text).toBe('Nothing is waiting for approval, so there is nothing to deny.');
  });

  it('runs the action once when approved twice (two people, two clicks)', async () => {
    const { app, p } = await appWithPending();
    const [a, b] = await Promise.all([click(app, web('alice'), 'approve', p.id), click(app, web('bob'), 'approve', p.id)]);
    const texts = [a.text, b.text];
    expect(texts.filter((t) => /^Approved by/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /already (approved|running|succeeded)/.test(t))).toHaveLength(1);
    const events = app.store.proposalEvents(p.id).map((e) => e.to);
    expect(events.filter((e) => e === 'running')).toHaveLength(1);
    expect(app.store.getProposal(p.id)).toMatchObject({ state: 'succeeded' });
    const again = await app.chat.handle({
      kind: 'text',
      platform: 'web',
      user: web('bob'),
      channel: 'console',
      text: `approve ${p.id}`,
      source: 'console',
    });
    expect(again.text).toMatch(/already succeeded/);
  });

  it('expires after the TTL; a late click says so', async () => {
    const { app, p, advance } = await appWithPending();
    advance(11 * 60_000);
    await app.tick();
    expect(app.store.getProposal(p.id)!.state).toBe('expired');
    expect((await click(app, web('alice'), 'approve', p.id)).text).toMatch(/already expired/);
  });

  it('applies the self-approval policy', async () => {
    const { app, p } = await appWithPending();
    // A proposal requested from chat by alice: she may not approve it herself.
    const mine: Proposal = { ...p, id: 'rp_mine01', anomalyId: 'an_x', requestedBy: 'web:alice', createdTs: p.createdTs + 1 };
    app.store.insertProposal(mine, {
      proposalId: mine.id,
      from: null,
      to: 'proposed',
      actor: 'web:alice',
      ts: mine.createdTs,
      note: 'chat',
    });
    expect((await click(app, web('alice'), 'approve', mine.id)).text).toMatch(/may not approve it yourself/);
    expect((await click(app, web('bob'), 'approve', mine.id)).text).toMatch(/^Approved by bob/);
  });

  it('keeps a pending proposal across a restart and approves it afterwards', async () => {
    const first = await appWithPending();
    await first.app.stop();
    apps.splice(apps.indexOf(first.app), 1);
    const app = createApp({ config: first.config, logger: captureLogger(), clock: { now: () => first.now() + 30_000 } });
    apps.push(app);
    await app.start({ schedule: false });
    expect(app.store.getProposal(first.p.id)!.state).toBe('proposed');
    expect((await click(app, web('alice'), 'approve', first.p.id)).text).toMatch(/^Approved by alice/);
    expect(app.store.getProposal(first.p.id)!.state).toBe('succeeded');
  });

  it('denies, and an unknown id gets a clear reply', async () => {
    const { app, p } = await appWithPending();
    expect((await click(app, web('bob'), 'deny', p.id)).text).toMatch(/^Denied by bob/);
    expect((await click(app, web('bob'), 'approve', 'rp_nothere')).text).toMatch(/^No proposal rp_nothere/);
  });

  it('decides the one pending proposal a command describes by target and action, and asks when none or several fit', async () => {
    const { app, p } = await appWithPending();
    const say = (user: string, text: string) =>
      app.chat.handle({ kind: 'text', platform: 'web', user: web(user), channel: 'console', text, source: 'console' });
    expect(await say('alice', 'approve the restart on web-1')).toMatchObject({
      private: true,
      text: 'Nothing restart_service on web-1 is waiting for approval; "pending" lists what is.',
    });
    expect((await say('alice', 'approve the scale up on web-9')).private).toBe(true);
    expect(app.store.getProposal(p.id)!.state).toBe('proposed');
    // A non-approver describing it is refused and recorded, as with its id.
    expect((await say('mallory', 'approve the scale up on web-1')).text).toMatch(/not an approver/);
    const r = await say('alice', 'approve the scale up on web-1');
    expect(r.text).toMatch(new RegExp(`^Approved by alice at .*${p.id}`));
    expect(app.store.getProposal(p.id)!.decidedBy).toBe('web:alice');
  });
});
