import { describe, expect, it } from 'vitest';
import { actionValue } from '../../../src/core/chat.js';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

async function setup() {
  const config = bootIncidentConfig({
    approvalRule: true,
    overrides: { chat: { channels: { slack: ['C-ALERTS', 'C-OPS'] } }, approvers: { slack: { users: ['U1'] } } },
  });
  const slack = createFakeChatAdapter('slack');
  const { app, tick, advance, address, now } = await startManualApp(config, { startTs: T0, adapters: [slack] });
  return { app, slack, tick, advance, address, now };
}

const alertsOn = (slack: ReturnType<typeof createFakeChatAdapter>, target: string, channel: string) =>
  [...slack.messages.values()].filter(
    (m) => !m.thread && m.channel === channel && new RegExp(`anomal(y|ies) on ${target}$`).test(m.versions[0]!.title),
  );

type FakeSlack = ReturnType<typeof createFakeChatAdapter>;

/** The first proposal message in #C-ALERTS, and the proposal its Approve button decides. */
function proposalMessage(slack: FakeSlack) {
  const pm = [...slack.messages.values()].find((m) => m.channel === 'C-ALERTS' && m.msg.actions.some((a) => a.action === 'approve'))!;
  const approve = pm.msg.actions[0]!;
  if (approve.action !== 'approve') throw new Error('the first button of a proposal is Approve');
  return { pm, id: approve.proposalId };
}

const approveAsAlice = (slack: FakeSlack, id: string) =>
  slack.emit({
    kind: 'action',
    platform: 'slack',
    user: { platform: 'slack', id: 'U1', name: 'alice', roles: [] },
    channel: 'C-ALERTS',
    action: 'approve',
    proposalId: id,
  });

describe('notifier', () => {
  it('groups a target’s anomalies into one message per channel, updates it in place on resolve, threads follow-ups', async () => {
    const { app, slack, tick } = await setup();
    await tick(6);
    const alerts = () =>
      [...slack.messages.values()].filter((m) => !m.thread && /^(Warning|Critical): .* on web-1$/.test(m.versions[0]!.title));
    // web-1's CPU spike: one alert per channel, however many detectors fired on it in that tick.
    const perChannel = (ch: string) => alerts().filter((m) => m.channel === ch);
    expect(perChannel('C-ALERTS').length).toBeGreaterThanOrEqual(1);
    const first = perChannel('C-ALERTS').find((m) => m.msg.fields.some((f) => f.label === 'CPU · threshold'))!;
    expect(first.msg.title).toMatch(/^Warning: 1 anomaly on web-1$/);
    expect(first.msg.fields[0]!.value).toMatch(/^peak 9\d\.\d%, expected 0\.0%–90\.0%; since 10:0\d:\d\d UTC$/);
    expect(first.msg.sparkline?.values.length).toBeGreaterThan(5);
    expect(perChannel('C-OPS').length).toBe(perChannel('C-ALERTS').length);
    // Every anomaly is linked to exactly one alert key: no duplicates per channel.
    const keys = app.store
      .openAnomalies()
      .map((a) => app.store.chat.alertKeyFor(a.id))
      .filter(Boolean);
    expect(new Set(keys).size).toBeLessThanOrEqual(alerts().length / 2);

    const proposal = [...slack.messages.values()].find((m) => m.msg.actions.some((a) => a.action === 'approve'));
    expect(proposal?.msg.actions.map((a) => actionValue(a))[0]).toMatch(/^rp_/);

    // The spike lasts 4 minutes; after it every web-1 alert is re-rendered as resolved in place.
    await tick(12);
    for (const m of alerts()) expect(m.msg.title).toMatch(/^Resolved: web-1/);
    expect(alerts().every((m) => m.versions.length >= 2)).toBe(true);
    const followUps = [...slack.messages.values()].filter((m) => m.thread && m.msg.title.startsWith('Resolved'));
    expect(followUps.length).toBeGreaterThanOrEqual(2);
  });

  it('updates the proposal message when someone decides, with who and when, and threads the outcome', async () => {
    const { app, slack, tick } = await setup();
    await tick(6);
    const { pm, id } = proposalMessage(slack);
    await approveAsAlice(slack, id);
    await tick(1);
    expect(pm.msg.actions).toEqual([]);
    expect(pm.msg.status).toMatch(/Succeeded by slack:U1 at 2026-11-02/);
    const thread = [...slack.messages.values()].filter((m) => m.thread === pm.id).map((m) => m.msg.title);
    expect(thread).toEqual(expect.arrayContaining([`${id} approved by slack:U1`, `${id} succeeded`]));
    expect(app.store.getProposal(id)!.state).toBe('succeeded');
  });

  it('withdraws a proposal nobody decided once its spike is over: no buttons, why, a follow-up, counted', async () => {
    const { app, slack, tick, address } = await setup();
    await tick(6);
    const { pm, id } = proposalMessage(slack);
    expect(app.store.listProposals({ states: ['proposed'] }).map((p) => p.id)).toContain(id);
    // The spike lasts 4 minutes, well inside the 30-minute approval TTL.
    await tick(12);
    const p = app.store.getProposal(id)!;
    expect(p.state).toBe('withdrawn');
    const anomaly = app.store.getAnomaly(p.anomalyId)!;
    expect(anomaly.status).toBe('resolved');
    expect(pm.msg.actions).toEqual([]);
    expect(pm.msg.status).toBe('Withdrawn: its anomaly ended before a decision');
    // Said once: the status line replaces the buttons, and no 'state' field repeats it.
    expect(pm.msg.fields.map((f) => f.label)).not.toContain('state');
    expect(pm.msg.fields.find((f) => f.label === 'result')?.value).toMatch(
      new RegExp(`^anomaly ${anomaly.id} resolved at 2026-11-02 10:\\d\\d:\\d\\d UTC before a decision; nothing was run$`),
    );
    const thread = [...slack.messages.values()].filter((m) => m.thread === pm.id).map((m) => m.msg.title);
    expect(thread).toContain(`${id} withdrawn`);
    expect(app.store.listProposals({ states: ['proposed'] }).map((q) => q.id)).not.toContain(id);
    // Clicking Approve on the stale message gets the reason and runs nothing.
    const reply = await approveAsAlice(slack, id);
    expect(reply.text).toMatch(
      new RegExp(
        `^Proposal ${id} was withdrawn: anomaly ${anomaly.id} resolved at 2026-11-02 10:\\d\\d:\\d\\d UTC before a decision; nothing was run\\.`,
      ),
    );
    expect(app.store.getProposal(id)!.state).toBe('withdrawn');
    const history = await slack.emit({
      kind: 'text',
      platform: 'slack',
      user: { platform: 'slack', id: 'U1', roles: [] },
      channel: 'C-ALERTS',
      text: 'remediation history',
      source: 'mention',
    });
    expect(history.text).toMatch(
      new RegExp(
        `^The last remediation:\\n• 2026-11-02 10:\\d\\d:\\d\\d UTC ${id} scale_up on web-1 \\(approval, simulate\\): withdrawn — anomaly an_\\w+ resolved at .* before a decision; nothing was run$`,
      ),
    );
    const metrics = await (await fetch(`http://127.0.0.1:${address.port}/metrics`)).text();
    expect(metrics).toMatch(/^sco_remediations_total\{action="scale_up",outcome="withdrawn"\} 1$/m);
    // Asked by its id ("status of rp_…" was the fleet table): its anomaly, each step, and how it ended.
    const status = (await slashCommand(slack, `status of ${id}`)).text.split('\n');
    expect(status[0]).toBe(`${id} scale_up on web-1 (approval, simulate): withdrawn. Reason: ${p.reason}.`);
    expect(status[1]).toMatch(new RegExp(`^Because of: ${anomaly.id} `));
    expect(status.slice(2, 5)).toEqual([
      'History:',
      expect.stringMatching(/^ {2}2026-11-02 10:\d\d:\d\d UTC proposed \(pipeline\)/),
      expect.stringMatching(new RegExp(`^ {2}2026-11-02 10:\\d\\d:\\d\\d UTC withdrawn \\(system\\): anomaly ${anomaly.id} resolved`)),
    ]);
  });

  it('respects silences', async () => {
    const { app, slack, tick } = await setup();
    const say = (text: string) => slashCommand(slack, text);
    const r = await say('snooze web-1 for 1h');
    expect(r.text).toMatch(/^Silenced web-1 for 60 min/);
    // A target we do not know, in one silence: nothing is set, the reply says why.
    const before = app.store.chat.silences(Date.now() - 86_400_000).length;
    expect((await say('snooze web-1 and web-2 for 1h')).text).toBe('Nothing silenced: I don\'t know a target called "web-2".');
    expect(app.store.chat.silences(Date.now() - 86_400_000)).toHaveLength(before);
    // Two known targets: one silence each, said so.
    const two = (await say('snooze web-1 and db-1 cpu for 1h')).text.split('\n');
    expect(two).toEqual([
      expect.stringMatching(/^Silenced web-1 CPU for 60 min, until .* \(sl_\w+\)/),
      expect.stringMatching(/^Silenced db-1 CPU for 60 min, until .* \(sl_\w+\)/),
      'One silence per target, so a host added to them later is not covered.',
    ]);
    expect(app.store.records(50, undefined, 'silence_added').map((r) => [r.data.target, r.data.metric])).toEqual([
      ['db-1', 'cpu'],
      ['web-1', 'cpu'],
      ['web-1', '*'],
    ]);
    // With no metric: each target, every metric.
    expect((await say('snooze web-1 and db-1 for 2h')).text.split('\n').slice(0, 2)).toEqual([
      expect.stringMatching(/^Silenced web-1 for 2 h, until /),
      expect.stringMatching(/^Silenced db-1 for 2 h, until /),
    ]);
    expect(app.store.records(2, undefined, 'silence_added').map((r) => [r.data.target, r.data.metric])).toEqual([
      ['db-1', '*'],
      ['web-1', '*'],
    ]);
    expect((await say('unmute web-1 and db-1')).text).toBe('web-1: Lifted 3 silences.\ndb-1: Lifted 2 silences.');
    expect((await say('snooze web-1 for 1h')).text).toMatch(/^Silenced web-1 for 60 min/);
    await tick(6);
    expect([...slack.messages.values()].some((m) => m.msg.title.includes('web-1'))).toBe(false);
    expect(app.store.openAnomalies().some((a) => a.target === 'web-1')).toBe(true);
  });

  it('shows a silence set or lifted in chat on the open alerts it covers', async () => {
    const { slack, tick } = await setup();
    await tick(6);
    const say = (text: string) => slashCommand(slack, text);
    const web1 = () => alertsOn(slack, 'web-1', 'C-ALERTS');
    expect(web1().length).toBeGreaterThanOrEqual(1);
    for (const m of web1()) expect(m.msg.actions.map((a) => a.action)).toEqual(['ack', 'silence']);
    const reply = await say('snooze web-1 for 2h');
    const id = /\((sl_[a-z0-9]+)\)/.exec(reply.text)![1]!;
    await tick(1);
    for (const m of web1()) {
      expect(m.msg.status).toMatch(new RegExp(`^Silenced until .* by slack:U2 \\(${id}\\)$`));
      // Silenced is not taken on: someone can still acknowledge it.
      expect(m.msg.actions.map((a) => a.action)).toEqual(['ack']);
    }
    // db-1's messages are not touched by a silence of web-1.
    expect(alertsOn(slack, 'db-1', 'C-ALERTS').every((m) => m.versions.length === 1)).toBe(true);
    await say(`unsnooze ${id}`);
    await tick(1);
    expect(web1().filter((x) => x.msg.title.startsWith('Warning')).length).toBeGreaterThanOrEqual(1);
    for (const m of web1().filter((x) => x.msg.title.startsWith('Warning'))) {
      expect(m.msg.status).toBeUndefined();
      expect(m.msg.actions.map((a) => a.action)).toEqual(['ack', 'silence']);
    }
  });

  it('extends a silence from its own end, shows the new one on the alert, and lifts it with "remove the silence"', async () => {
    const { app, slack, tick, now } = await setup();
    await tick(6);
    const say = (text: string) => slashCommand(slack, text);
    const web1 = () => alertsOn(slack, 'web-1', 'C-ALERTS');
    const first = /\((sl_[a-z0-9]+)\)/.exec((await say('snooze web-1 for 1h')).text)![1]!;
    const was = app.store.chat.silences(now()).find((x) => x.id === first)!.untilTs;
    // Nothing to extend elsewhere: said, and nothing changes.
    expect((await say('extend the silence on db-1 by 1h')).text).toMatch(/^Nothing extended: no active silence covers db-1\./);
    const reply = (await say('extend the silence on web-1 by 2h')).text;
    expect(reply).toMatch(new RegExp(`^Extended ${first} \\(web-1\\) from .* to .*, 3 h from now\\.$`));
    const active = app.store.chat.silences(now());
    // The same silence, two hours past its old end (not two hours from now), set by whoever extended it.
    expect(active).toEqual([expect.objectContaining({ id: first, target: 'web-1', untilTs: was + 2 * 3_600_000, createdBy: 'slack:U2' })]);
    await tick(1);
    for (const m of web1())
      expect(m.msg.status).toMatch(
        new RegExp(`until ${new Date(was + 2 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')} UTC by slack:U2 \\(${first}\\)$`),
      );
    expect(app.store.records(50, undefined, 'silence_extended')[0]!.data).toMatchObject({
      id: first,
      fromTs: was,
      untilTs: was + 2 * 3_600_000,
    });
    // The alert's timeline says it was extended, not silenced a second time.
    const anomaly = app.store.openAnomalies().find((a) => a.target === 'web-1')!;
    expect((await say(`timeline ${anomaly.id}`)).text).toMatch(new RegExp(`silence ${first} extended until .* by slack:U2`));
    // In the alert's thread, "extend the silence" means the silences over that alert.
    const inThread = (text: string) =>
      slack.emit({
        kind: 'text',
        platform: 'slack',
        user: { platform: 'slack', id: 'U3', roles: [] },
        channel: 'C-ALERTS',
        thread: web1()[0]!.id,
        text,
        source: 'mention',
      });
    expect((await inThread('extend the silence by 1h')).text).toMatch(new RegExp(`^Extended ${first} \\(web-1\\) from `));
    expect(app.store.chat.silences(now())).toEqual([
      expect.objectContaining({ id: first, untilTs: was + 3 * 3_600_000, createdBy: 'slack:U3' }),
    ]);
    expect((await say('remove the silence on web-1')).text).toMatch(/^Lifted 1 silence/);
    expect(app.store.chat.silences(now())).toHaveLength(0);
    expect((await inThread('extend the silence by 1h')).text).toMatch(
      /^Nothing extended: no active silence covers this alert \(web-1 CPU\)/,
    );
  });
});
