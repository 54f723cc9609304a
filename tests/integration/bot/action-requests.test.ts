import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, inThreadOf, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

// Two Slack channels: alerts go to C-OPS; people may ask anywhere. U1 and U2 approve; U9 does not.
async function setup(allowSelfApproval = false, targets?: unknown[]) {
  const slack = createFakeChatAdapter('slack');
  const config = bootIncidentConfig({
    ...(targets ? { targets } : {}),
    overrides: {
      chat: { channels: { slack: ['C-OPS'] } },
      approvers: { slack: { users: ['U1', 'U2'] } },
      remediation: {
        allowSelfApproval,
        rules: [
          {
            name: 'scale web',
            when: { metrics: ['cpu'], targets: ['web-*'] },
            action: 'scale_up',
            params: { by: 1, max: 4 },
            mode: 'auto',
            executor: 'simulate',
          },
          {
            name: 'restart app',
            when: { metrics: ['memory'] },
            action: 'restart_service',
            params: { service: 'app' },
            mode: 'approval',
            executor: 'simulate',
          },
          { name: 'clean disk', when: { metrics: ['disk'] }, action: 'cleanup_disk', mode: 'dry_run', executor: 'simulate' },
        ],
      },
    },
  });
  const m = await startManualApp(config, { startTs: T0, adapters: [slack] });
  return { ...m, slack };
}

const cards = (slack: ReturnType<typeof createFakeChatAdapter>, title: string) =>
  [...slack.messages.values()].filter((x) => x.versions[0]!.title === title && !x.thread);

describe('actions requested in chat', () => {
  it('become a proposal by the rule that allows them, posted where asked and to the alert channel, and wait for another approver', async () => {
    const { app, slack, pump } = await setup();
    const r = await slashCommand(slack, 'scale up web-1: traffic from the launch', 'U1', 'C-TEAM');
    expect(r.text).toMatch(
      /^Requested scale_up on web-1 \(by 1, max 4; rule "scale web", executor simulate\): (rp_\w+), waiting for approval until .*\nAn approver other than you decides \("approve rp_\w+" or the buttons\); "cancel rp_\w+" takes it back\.$/,
    );
    const id = /(rp_\w+)/.exec(r.text)![1]!;
    // The rule's "auto" does not carry over: a person asked, so a second person approves.
    expect(app.store.getProposal(id)).toMatchObject({
      state: 'proposed',
      mode: 'approval',
      requestedBy: 'slack:U1',
      anomalyId: '',
      params: { by: 1, max: 4 },
      reason: 'scale web: requested by slack:U1 (traffic from the launch)',
    });
    expect(app.store.proposalEvents(id)[0]).toMatchObject({ to: 'proposed', actor: 'slack:U1', note: 'requested in chat; rule scale web' });
    await pump();
    const posted = cards(slack, 'scale_up on web-1');
    expect(posted.map((x) => x.channel).sort()).toEqual(['C-OPS', 'C-TEAM']);
    expect(posted[0]!.msg.actions.map((a) => a.label)).toEqual(['Approve', 'Deny']);
    expect(posted[0]!.msg.context).toBe(`${id} · requested by slack:U1`);

    // Not by the asker; by another approver, from the card's button.
    expect((await slashCommand(slack, `approve ${id}`, 'U1')).text).toMatch(/^You requested this action and may not approve it yourself/);
    const ok = await slack.emit({
      kind: 'action',
      platform: 'slack',
      user: { platform: 'slack', id: 'U2', roles: [] },
      channel: 'C-TEAM',
      action: 'approve',
      proposalId: id,
    });
    expect(ok.text).toMatch(/^Approved by U2 at .*: rp_\w+ scale_up on web-1 .*succeeded/);
    await pump();
    for (const card of cards(slack, 'scale_up on web-1')) expect(card.msg.status).toMatch(/^Succeeded by slack:U2 at /);
    expect(app.store.records(50, undefined, 'remediation').map((x) => (x.data.event as { to: string }).to)).toEqual(
      expect.arrayContaining(['proposed', 'approved', 'running', 'succeeded']),
    );
  });

  it('scales an auto scaling group named as a whole through one of its members', async () => {
    const { app, slack } = await setup(false, [
      { name: 'web-1', role: 'web', autoScalingGroup: 'web-asg' },
      { name: 'web-2', role: 'web', autoScalingGroup: 'web-asg' },
      { name: 'db-1', role: 'db' },
    ]);
    const r = await slashCommand(slack, 'scale up web-asg', 'U9');
    expect(r.text).toMatch(
      /^Requested scale_up on auto scaling group web-asg \(through web-1\) \(by 1, max 4; rule "scale web", executor simulate\)/,
    );
    expect(app.store.listProposals({ action: 'scale_up', limit: 5 }).map((p) => p.target)).toEqual(['web-1']);
  });

  it('refuses what config does not allow, names what it would do instead, and asks nothing twice', async () => {
    const { app, slack } = await setup();
    const say = (text: string, user = 'U9') => slashCommand(slack, text, user);
    // Only web-* may be scaled; db-1 is a target the rule does not name.
    expect((await say('scale up db-1')).text).toBe(
      'Nothing requested: no rule in remediation.rules allows scale_up on db-1 (the rules with it name other targets).',
    );
    expect((await say('restart nginx on web-1')).text).toMatch(
      /^Nothing requested: the service comes from config, not chat: the rule "restart app" allows restart_service on web-1, but it restarts app, not nginx\./,
    );
    expect((await say('scale web-1 to 8 instances')).text).toMatch(/it adds 1 \(up to 4\); a size \(8\) cannot be set/);
    expect((await say('scale web-1 by 3')).text).toMatch(/it adds 1 \(up to 4\), not 3/);
    expect((await say('restart app on web-1 and db-1')).text).toBe('Nothing requested: name one target at a time (web-1, db-1).');
    expect((await say('restart app on web-9')).text).toBe('Nothing requested: I don\'t know a target called "web-9".');
    expect((await say('reboot web-1')).text).toMatch(
      /^Nothing was done: "reboot" is not an action I run\. A request may name scale_up, restart_service, cleanup_disk/,
    );
    expect(app.store.listProposals({ limit: 50 })).toEqual([]);
    // A question about acting proposes nothing: it says what asking would do.
    expect((await say('should I scale up web-1?')).text).toMatch(
      /^Asked for \("scale up web-1"\), it is proposed by the rule "scale web": /,
    );
    expect(app.store.listProposals({ limit: 50 })).toEqual([]);

    // A non-approver may ask; an approver decides. The same ask again points at the first.
    const first = await say('restart app on db-1');
    expect(first.text).toMatch(
      /^Requested restart_service on db-1 \(service app; rule "restart app", executor simulate\): rp_\w+, .*\nAn approver decides/,
    );
    const again = await say('restart db-1', 'U2');
    expect(again.text).toMatch(/^Already waiting for approval: rp_\w+ restart_service on db-1 .*Nothing new was requested/);
    expect(app.store.listProposals({ limit: 50 })).toHaveLength(1);
  });

  it('runs a dry-run rule at once, and lets the asker cancel a request', async () => {
    const { app, slack, pump } = await setup();
    const dry = await slashCommand(slack, 'clean up the disk on db-1', 'U9');
    expect(dry.text).toMatch(
      /^Ran cleanup_disk on db-1 \(paths \/var\/log, \/tmp, olderThanDays 7; rule "clean disk", executor simulate\) as a dry run, as its rule says: succeeded\./,
    );
    await pump();
    expect(cards(slack, 'Dry run: cleanup_disk on db-1').map((x) => x.channel)).toEqual(['C-OPS']);

    const asked = await slashCommand(slack, 'restart app on web-1', 'U9');
    const id = /(rp_\w+)/.exec(asked.text)![1]!;
    // Someone else's "cancel" is a denial, which needs an approver.
    expect((await slashCommand(slack, `cancel ${id}`, 'U8')).text).toMatch(/^You are not an approver/);
    expect((await slashCommand(slack, `cancel ${id}`, 'U9')).text).toBe(
      `Cancelled your request ${id} (restart_service on web-1): withdrawn, nothing was run.`,
    );
    expect(app.store.getProposal(id)).toMatchObject({ state: 'withdrawn', decidedBy: 'slack:U9' });
    await pump();
    expect(cards(slack, 'restart_service on web-1')[0]!.msg.status).toMatch(/^Withdrawn by its requester at /);
  });

  it('lists the asker\'s own requests, and "cancel my request" takes back the one waiting', async () => {
    const { slack, advance } = await setup();
    const say = async (text: string, user = 'U9') => (await slashCommand(slack, text, user)).text;
    expect(await say('cancel my request')).toBe('You have no request waiting for approval; "my requests" lists what you asked for.');
    expect(await say('show my requests')).toMatch(/^You have asked for no action in the last 7 days\./);
    const first = /(rp_\w+)/.exec(await say('restart app on web-1'))![1]!;
    const second = /(rp_\w+)/.exec(await say('restart app on db-1'))![1]!;
    const mine = (await say('what have I asked for?')).split('\n');
    expect(mine[0]).toBe('Your requests in the last 7 days: 2, 2 waiting for approval:');
    expect(
      mine
        .slice(1, 3)
        .map((l) => /(rp_\w+)/.exec(l)![1])
        .sort(),
    ).toEqual([first, second].sort());
    expect(await say('my requests', 'U8')).toMatch(/^You have asked for no action/);
    // One named by its action and target is that one; another action is none.
    const db = (await say('what happened to my restart request on db-1?')).split('\n');
    expect(db[0]).toBe('Your requests for restart_service on db-1 in the last 7 days: 1, 1 waiting for approval:');
    expect(db[1]).toContain(second);
    expect(await say('did my scale up go through?')).toBe(
      'You have asked for no scale_up in the last 7 days. "Show my requests" lists every action you asked for.',
    );
    expect(await say('cancel my request')).toMatch(
      /^You have 2 requests waiting: .*Say which: "cancel rp_\w+", or "cancel all my requests"\.$/,
    );
    expect(await say(`cancel ${second}`)).toMatch(/^Cancelled your request/);
    expect(await say('cancel my request')).toBe(`Cancelled your request ${first} (restart_service on web-1): withdrawn, nothing was run.`);
    expect((await say('my requests')).split('\n')[0]).toBe('Your requests in the last 7 days: 2:');
    // "Cancel all my requests" takes back each of the asker's own, and leaves another's waiting (a minute on: new ids).
    advance(60_000);
    const others = /(rp_\w+)/.exec(await say('restart app on web-1', 'U8'))![1]!;
    const third = /(rp_\w+)/.exec(await say('restart app on db-1'))![1]!;
    const all = (await say('cancel all my requests')).split('\n');
    expect(all).toEqual([
      'Took back 1 request of yours:',
      `• Cancelled your request ${third} (restart_service on db-1): withdrawn, nothing was run.`,
    ]);
    expect(await say('withdraw my requests')).toBe('You have no request waiting for approval; "my requests" lists what you asked for.');
    expect((await say('pending')).includes(others)).toBe(true);
  });

  it("means the alert's target when asked in its thread", async () => {
    const { app, slack, tick } = await setup();
    await tick(3);
    const alert = [...slack.messages.values()].find((x) => !x.thread && /anomal(y|ies) on web-1$/.test(x.versions[0]!.title))!;
    const r = await inThreadOf(slack, alert, 'restart app', 'U9');
    expect(r.text).toMatch(/^Requested restart_service on web-1 \(service app; rule "restart app"/);
    expect(app.store.listProposals({ states: ['proposed'], target: 'web-1', action: 'restart_service' })).toHaveLength(1);
    // Another target named in the thread is that target.
    expect((await inThreadOf(slack, alert, 'restart app on db-1', 'U9')).text).toMatch(/^Requested restart_service on db-1 /);
  });

  it('lets the asker approve their own request only where config allows it', async () => {
    const { app, slack } = await setup(true);
    const asked = await slashCommand(slack, 'scale up web-1', 'U1');
    expect(asked.text).toMatch(/\nYou or another approver decide /);
    const id = /(rp_\w+)/.exec(asked.text)![1]!;
    expect((await slashCommand(slack, `approve ${id}`, 'U1')).text).toMatch(/^Approved by U1 /);
    expect(app.store.getProposal(id)!.state).toBe('succeeded');
  });

  it('reads "approve it", "cancel it" and "did it work?" as the one proposal the last reply named, and only then', async () => {
    const { app, slack } = await setup();
    const say = async (text: string, user = 'U2') => (await slashCommand(slack, text, user, 'C-TEAM')).text;
    const asked = await say('restart app on web-1', 'U1');
    const id = /(rp_\w+)/.exec(asked)![1]!;
    // Another approver's own conversation names it first; "approve it" then decides that one.
    expect(await say('approve it')).toMatch(/^Which proposal\?/);
    expect(await say('what is pending?')).toContain(id);
    expect(await say('approve it')).toMatch(new RegExp(`^Approved by U2 .*${id}`));
    expect(app.store.getProposal(id)!.state).toBe('succeeded');
    expect(await say('did it work?')).toMatch(new RegExp(`^${id} restart_service on web-1 \\(approval, simulate\\): succeeded`));
    // Once another message came between, "it" names nothing to decide.
    const second = /(rp_\w+)/.exec(await say('restart app on db-1', 'U1'))![1]!;
    expect(await say('cpu on db-1', 'U1')).toMatch(/^db-1 CPU/);
    expect(await say('cancel it', 'U1')).toMatch(/^Cancel which\? I cancel nothing on a guess/);
    expect(await say(`explain ${second}`, 'U1')).toContain(second);
    expect(await say('cancel it', 'U1')).toBe(`Cancelled your request ${second} (restart_service on db-1): withdrawn, nothing was run.`);
  });
});
