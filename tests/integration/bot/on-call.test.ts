import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand, type FakeChatAdapter } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';
import { shiftAt } from '../../../src/bot/on-call.js';
import { onCallSchema, rotationsOf } from '../../../src/config/on-call-schema.js';
import { configSchema } from '../../../src/config/schema.js';

// 10:00 UTC; alice's day shift began at 09:00, bob's begins tomorrow at 09:00.
const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);
const ROTATION = {
  members: [
    { name: 'alice', slack: '<@UALICE1>' },
    { name: 'bob', slack: '<@UBOB001>' },
    { name: 'carol', discord: '<@123456789>' },
  ],
  shiftHours: 24,
  handoff: '2026-11-02T09:00:00Z',
};

async function setup() {
  const slack = createFakeChatAdapter('slack');
  const config = bootIncidentConfig({
    overrides: {
      chat: {
        channels: { slack: ['C-OPS'] },
        onCall: ROTATION,
        routes: [{ name: 'ops', slack: ['C-OPS'], mentions: { onCall: true } }],
        escalate: { afterMinutes: 2, severities: ['critical', 'warning'], mentions: { slack: ['<!subteam^S0LEADS>'], onCall: true } },
      },
    },
  });
  const m = await startManualApp(config, { startTs: T0, adapters: [slack] });
  return { ...m, slack, say: async (text: string, user = 'U2') => (await slashCommand(slack, text, user)).text };
}
const roots = (slack: FakeChatAdapter) =>
  [...slack.messages.values()].filter((m) => !m.thread && /anomal(y|ies) on web-1$/.test(m.msg.title));
const escalations = (slack: FakeChatAdapter) => [...slack.messages.values()].filter((m) => m.msg.title.startsWith('Not acknowledged'));

describe('an on-call rotation (chat.onCall)', () => {
  it('names who is on call, pings them on alerts and escalations, and lets a member cover and hand back', async () => {
    const { app, slack, tick, now, say, address } = await setup();
    expect((await say('who is on call?')).split('\n')).toEqual([
      'On call now: alice (<@UALICE1> on Slack), until 2026-11-03 09:00:00 UTC (in 23 h).',
      'Rotation: 24 h shifts from 2026-11-02 09:00:00 UTC, in this order: alice, bob, carol.',
      'Next: bob from 2026-11-03 09:00:00 UTC; carol from 2026-11-04 09:00:00 UTC; alice from 2026-11-05 09:00:00 UTC.',
      'Pinging the on-call: route ops, the escalation after 2 min.',
      '"I\'m on call until 18:00" covers a shift; "end my on-call cover" hands it back; "swap shifts with bob" offers bob a swap of your next shifts.',
    ]);
    // Only a member covers; bob does, from now until noon.
    expect(await say("I'm on call until 12:00")).toMatch(
      /^You are not in the on-call rotation \(members: alice, bob, carol\), so I cannot put you on call\.$/,
    );
    expect(await say("I'm on call until 12:00", 'UBOB001')).toBe(
      'bob is on call until 2026-11-02 12:00:00 UTC (2 h), instead of alice: alerts and escalations that ping the on-call ping bob. "End my on-call cover" hands it back.',
    );
    expect((await say('who is on call?')).split('\n')[0]).toBe(
      "On call now: bob (<@UBOB001> on Slack), until 2026-11-02 12:00:00 UTC (in 2 h), covering alice's shift (set by slack:UBOB001).",
    );
    // The Home tab and the digest say it too; the tab is published again when the person changes.
    const onCallNow =
      "On call now: bob (<@UBOB001> on Slack), until 2026-11-02 12:00:00 UTC (in 2 h), covering alice's shift (set by slack:UBOB001).";
    expect(app.chat.home(now()).text.split('\n')).toContain(onCallNow);
    expect(app.chat.digest(now()).split('\n')[1]).toBe(onCallNow);
    const consoleData = (await (await fetch(`http://127.0.0.1:${address.port}/api/console`)).json()) as { onCall?: string };
    expect(consoleData.onCall).toBe(onCallNow);
    // The boot incident's alert pings bob, and so does its escalation, beside the leads.
    await tick(3);
    expect(roots(slack).length).toBeGreaterThanOrEqual(1);
    expect(roots(slack)[0]!.msg.mentions).toEqual(['<@UBOB001>']);
    // "Who was notified?" is the alert's timeline, with whom it pinged where.
    expect(await say('who was notified about web-1?')).toMatch(/alert posted to slack C-OPS \(pinging <@UBOB001>\)/);
    await tick(5);
    expect(escalations(slack).length).toBeGreaterThanOrEqual(1);
    expect(escalations(slack)[0]!.msg.mentions).toEqual(['<!subteam^S0LEADS>', '<@UBOB001>']);
    // Only bob ends his cover; then alice has it again.
    expect(await say('end my on-call cover', 'UALICE1')).toBe(
      "The cover running is bob's (until 2026-11-02 12:00:00 UTC); only they can end it.",
    );
    const keyWithBob = app.chat.home(now()).key;
    expect(await say('end my on-call cover', 'UBOB001')).toBe('Cover ended: alice is on call again, until 2026-11-03 09:00:00 UTC.');
    expect(app.chat.home(now()).key).not.toBe(keyWithBob);
    expect(await say('end my on-call cover', 'UBOB001')).toBe('No on-call cover is running.');
    expect((await say('who is on call?')).split('\n')[0]).toMatch(/^On call now: alice /);
    expect(await say("I'm on call for 9 days", 'UBOB001')).toMatch(/^A cover ends after now and within a week/);
    // Ahead: everyone who holds the pager that whole day, with no cover that ends before it.
    expect((await say('who is on call tomorrow?')).split('\n')).toEqual([
      'On call tomorrow (Tuesday 2026-11-03, UTC):',
      '• alice, 2026-11-02 09:00:00 UTC to 2026-11-03 09:00:00 UTC',
      '• bob, 2026-11-03 09:00:00 UTC to 2026-11-04 09:00:00 UTC',
    ]);
    // A weekday is the next one: T0 is a Monday, so Thursday is three days on.
    expect((await say('who is on call on thursday?')).split('\n')).toEqual([
      'On call on Thursday 2026-11-05 (UTC):',
      '• carol, 2026-11-04 09:00:00 UTC to 2026-11-05 09:00:00 UTC',
      '• alice, 2026-11-05 09:00:00 UTC to 2026-11-06 09:00:00 UTC',
    ]);
    // At a time of day: who holds it then.
    expect(await say('who is on call on thursday at 10:00?')).toBe(
      'On call at 2026-11-05 10:00:00 UTC: alice (<@UALICE1> on Slack), until 2026-11-06 09:00:00 UTC.',
    );
    // The week ahead: who holds it now, then every shift that starts in the next 7 days.
    const week = (await say('who is on call this week?')).split('\n');
    expect(week[0]).toBe('Shifts over the next 7 days:');
    expect(week[1]).toMatch(/^On call now: alice /);
    expect(week[3]).toBe(
      'Next: bob from 2026-11-03 09:00:00 UTC; carol from 2026-11-04 09:00:00 UTC; alice from 2026-11-05 09:00:00 UTC; ' +
        'bob from 2026-11-06 09:00:00 UTC; carol from 2026-11-07 09:00:00 UTC; alice from 2026-11-08 09:00:00 UTC; bob from 2026-11-09 09:00:00 UTC.',
    );
    // Next week is the calendar week from next Monday, each shift in it (decision 0069).
    const next = (await say('who is on call next week?')).split('\n');
    expect(next[0]).toBe('On call next week (Monday 2026-11-09 to Sunday 2026-11-15, UTC):');
    expect(next[1]).toBe('• alice, 2026-11-08 09:00:00 UTC to 2026-11-09 09:00:00 UTC');
    expect(next).toHaveLength(9);
    // A shift is not handed to someone else by its holder: the one taking it says so.
    expect(await say('hand over on-call to bob')).toMatch(/nothing changed: a shift moves only when the person taking it says so\./);
  });
});

describe('swapping shifts', () => {
  it("is an offer the other member accepts; then each holds the other's next shift, until either cancels it", async () => {
    const { app, say, now } = await setup();
    // alice is on call now; her next shift is on the 5th, bob's on the 3rd.
    expect(await say('swap shifts with dave', 'UALICE1')).toBe('"dave" is not in your rotation; you can swap with bob, carol.');
    expect(await say('swap with bob', 'U9')).toBe('You are in no on-call rotation (chat.onCall), so you have no shift to swap.');
    const offered = await say('swap shifts with bob', 'UALICE1');
    const id = /\((sw_[a-z0-9]+)\)/.exec(offered)![1]!;
    expect(offered).toBe(
      `Asked bob (<@UBOB001>) to swap (${id}): alice would take bob's shift 2026-11-03 09:00:00 UTC to 2026-11-04 09:00:00 UTC, ` +
        `and bob alice's 2026-11-05 09:00:00 UTC to 2026-11-06 09:00:00 UTC. Nothing changes until bob says "accept the swap" (or "decline the swap"), by 2026-11-03 09:00:00 UTC.`,
    );
    // Nothing moved yet; only bob can accept.
    expect((await say('who is on call?')).split('\n')[2]).toBe(
      'Next: bob from 2026-11-03 09:00:00 UTC; carol from 2026-11-04 09:00:00 UTC; alice from 2026-11-05 09:00:00 UTC.',
    );
    expect(await say('accept the swap', 'UALICE1')).toBe('No swap waits for you to accept.');
    expect(await say('accept the swap', 'UBOB001')).toBe(
      `Swapped (${id}): alice is on call 2026-11-03 09:00:00 UTC to 2026-11-04 09:00:00 UTC (bob's shift), and bob 2026-11-05 09:00:00 UTC to 2026-11-06 09:00:00 UTC (alice's). Alerts that ping the on-call ping whoever holds the shift. "Cancel the swap" undoes it before either starts.`,
    );
    expect((await say('who is on call?')).split('\n')[2]).toBe(
      'Next: alice (swapped with bob) from 2026-11-03 09:00:00 UTC; carol from 2026-11-04 09:00:00 UTC; bob (swapped with alice) from 2026-11-05 09:00:00 UTC.',
    );
    expect((await say('when is my next shift?', 'UBOB001')).split('\n')[0]).toBe(
      `You are not on call now; your next shift is from 2026-11-05 09:00:00 UTC to 2026-11-06 09:00:00 UTC (in 2 d 23 h), alice's by swap ${id}.`,
    );
    expect(app.store.recordsBetween(0, now() + 1, ['oncall_swap'], 10).map((r) => [r.data.a, r.data.b])).toEqual([['alice', 'bob']]);
    // The audit log says who offered and who agreed.
    const audit = await say('audit log');
    expect(audit).toContain(`slack:UALICE1 offered bob a swap of on-call shifts (${id})`);
    expect(audit).toContain(`slack:UBOB001 agreed to swap on-call shifts with alice (${id})`);
    // On the day, alerts that ping the on-call ping alice, in bob's shift.
    expect((await say('who is on call tomorrow?')).split('\n')).toEqual([
      'On call tomorrow (Tuesday 2026-11-03, UTC):',
      '• alice, 2026-11-02 09:00:00 UTC to 2026-11-03 09:00:00 UTC',
      '• alice (swapped with bob), 2026-11-03 09:00:00 UTC to 2026-11-04 09:00:00 UTC',
    ]);
    expect(await say('who is on call tomorrow at 10:00?')).toBe(
      `On call at 2026-11-03 10:00:00 UTC: alice (<@UALICE1> on Slack), until 2026-11-04 09:00:00 UTC, in bob's shift by swap ${id}.`,
    );
    // Either may cancel before it starts; carol may not.
    expect(await say('cancel the swap', 'U3')).toBe('You have no swap to cancel.');
    expect(await say('cancel the swap', 'UBOB001')).toBe(`Cancelled swap ${id}: each shift is its own member's again.`);
    expect((await say('who is on call?')).split('\n')[2]).toMatch(/^Next: bob from 2026-11-03 09:00:00 UTC; /);
    // A declined offer changes nothing.
    await say('swap with carol', 'UBOB001');
    expect(await say('decline the swap', 'U9')).toBe('No swap waits for you to decline.');
    expect(await say('hand over on-call to bob')).toMatch(/offer them a swap of your next shifts/);
  });
});

describe('swapping the shift of a day said', () => {
  it("offers the asker's shift starting that weekday, not the next, and it can be accepted", async () => {
    const { say } = await setup();
    // alice's own shifts start on the 5th (Thursday), the 8th (Sunday), the 11th …; bob's next on the 3rd.
    for (const q of ['swap my sunday shift with bob', 'swap my shift on sunday with bob']) {
      const offered = await say(q, 'UALICE1');
      expect(offered, q).toMatch(
        /^Asked bob \(<@UBOB001>\) to swap \(sw_[a-z0-9]+\): alice would take bob's shift 2026-11-03 09:00:00 UTC to 2026-11-04 09:00:00 UTC, and bob alice's 2026-11-08 09:00:00 UTC to 2026-11-09 09:00:00 UTC\./,
      );
    }
    // Not her next shift: accepting had refused it as no longer fitting the rotation.
    expect(await say('accept the swap', 'UBOB001')).toMatch(/^Swapped \(sw_[a-z0-9]+\): alice is on call 2026-11-03 09:00:00 UTC /);
    expect((await say('who is on call on sunday at noon?')).split('\n')[0]).toMatch(
      /^On call at 2026-11-08 12:00:00 UTC: bob \(<@UBOB001> on Slack\), until 2026-11-09 09:00:00 UTC, in alice's shift by swap sw_/,
    );
    // A clock time alone is the next such time; tomorrow at 3pm is tomorrow's.
    expect(await say('who is on call at 8am?')).toMatch(/^On call at 2026-11-03 08:00:00 UTC: alice /);
    expect(await say('who is on call tomorrow at 3pm?')).toMatch(
      /^On call at 2026-11-03 15:00:00 UTC: alice \(<@UALICE1> on Slack\), until 2026-11-04 09:00:00 UTC, in bob's shift/,
    );
  });
});

describe('paging a rotation member by name', () => {
  it('pings that member in the alert thread, from config, and refuses names that are not members', async () => {
    const { app, slack, tick, pump, say, now } = await setup();
    await tick(3);
    const threads = roots(slack).map((m) => m.id);
    expect(await say('page dave about web-1')).toBe(
      'Nothing escalated: I page people by name only from the on-call rotations (chat.onCall), where their mentions are set: alice, bob, carol. "dave" is not one; "escalate <target>" pings chat.escalate.mentions.',
    );
    expect(await say('page bob')).toMatch(
      /^Page bob about which alert\? 2 are open: web-1 \(an_\w+\), web-1 \(an_\w+\)\. Say "page bob about <target>" or "page bob about an_…"\.$/,
    );
    // The boot incident opened more than one alert on web-1: each gets the page in its own thread.
    expect(await say('page bob about web-1', 'UALICE1')).toBe(`Escalated ${threads.length} alerts on web-1 to bob, pinging <@UBOB001>.`);
    await pump();
    const paged = [...slack.messages.values()].filter((m) => m.msg.title.startsWith('Escalated by slack:UALICE1 to bob'));
    expect(paged.map((m) => m.thread).sort()).toEqual([...threads].sort());
    // Only bob: not the leads, not alice who is on call.
    expect(paged.every((m) => m.msg.mentions?.join() === '<@UBOB001>')).toBe(true);
    expect(paged[0]!.msg.text).toBe(
      'slack:UALICE1 asks bob help with this alert. Press Acknowledge, or say "ack" in this thread, if you take it.',
    );
    // carol has no Slack mention: the reply says nobody was pinged, and why.
    expect(await say('tell carol to look at web-1')).toBe(
      `Escalated ${threads.length} alerts on web-1 to carol, pinging nobody: carol has no mention on the platforms where it was posted (chat.onCall), so the reply only shows in the channel.`,
    );
    expect(await say('who escalated web-1 today?')).toMatch(/escalated an_\w+ to bob/);
    // "Page the on-call": whoever holds the pager now, alice.
    expect(await say('page the on-call about web-1', 'UBOB001')).toBe(
      `Escalated ${threads.length} alerts on web-1 to alice (on call now), pinging <@UALICE1>.`,
    );
    expect(await say('wake up the on-call')).toMatch(/^Page alice \(on call now\) about which alert\? 2 are open: /);
    expect(app.store.recordsBetween(0, now() + 1, ['alert_escalated'], 10).map((r) => r.data.to)).toEqual([
      ...threads.map(() => 'bob'),
      ...threads.map(() => 'carol'),
      ...threads.map(() => 'alice'),
    ]);
  });
});

describe('"am I on call?"', () => {
  it("leads with the asker's own shift now or next, and says when they are in no rotation", async () => {
    const { say } = await setup();
    // On call now, the shift after this one too: "when am I on call next?" asks it as well.
    expect((await say('am I on call?', 'UALICE1')).split('\n')[0]).toBe(
      'You are on call now, until 2026-11-03 09:00:00 UTC (in 23 h); your next shift after this is from 2026-11-05 09:00:00 UTC to 2026-11-06 09:00:00 UTC (in 2 d 23 h).',
    );
    expect((await say('when is my next shift?', 'UBOB001')).split('\n')[0]).toBe(
      'You are not on call now; your next shift is from 2026-11-03 09:00:00 UTC to 2026-11-04 09:00:00 UTC (in 23 h).',
    );
    expect((await say('am I on call?', 'U9')).split('\n')[0]).toBe('You are in no on-call rotation (chat.onCall), so you have no shift.');
    // "Who is on call?" does not lead with the asker.
    expect((await say('who is on call?', 'UBOB001')).split('\n')[0]).toMatch(/^On call now: alice /);
  });
});

describe('an incident commander named in words', () => {
  it('is reminded to post updates by their rotation mention, and a name in no rotation is named, not pinged', async () => {
    const { slack, tick, say, advance } = await setup();
    await say('declare an incident: checkout is slow');
    expect(await say('make bob the incident commander')).toMatch(/^bob now commands in_\w+/);
    advance(30 * 60_000);
    await tick(1);
    const reminders = () => [...slack.messages.values()].filter((m) => m.msg.title.startsWith('No update on in_'));
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]!.msg.mentions).toEqual(['<@UBOB001>']);
    expect(await say('make dave the incident commander')).toMatch(/^dave now commands in_\w+/);
    advance(31 * 60_000);
    await tick(1);
    expect(reminders()).toHaveLength(2);
    expect(reminders()[1]!.msg.mentions ?? []).toEqual([]);
    expect(reminders()[1]!.msg.text).toMatch(/^dave, the commander: /);
  });
});

describe('"who is on call?" with no automatic escalation', () => {
  it('says an escalation asked for still pings the on-call', async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({ overrides: { chat: { onCall: ROTATION, escalate: { mentions: { onCall: true } } } } });
    await startManualApp(config, { startTs: T0, adapters: [slack] });
    expect((await slashCommand(slack, 'who is on call?')).text).toContain(
      'Pinging the on-call: an escalation asked for ("escalate web-1"; none is automatic, as chat.escalate.afterMinutes is 0).',
    );
  });
});

describe('the rotation', () => {
  it('takes turns in order from the handoff, before it too', () => {
    const cfg = rotationsOf(onCallSchema.parse(ROTATION))[0]!;
    const H = 3_600_000;
    const name = (ts: number) => shiftAt(cfg, ts).member.name;
    expect([T0, T0 + 23 * H, T0 + 24 * H, T0 + 48 * H, T0 + 72 * H].map(name)).toEqual(['alice', 'bob', 'bob', 'carol', 'alice']);
    expect(name(T0 - 2 * H)).toBe('carol');
    expect(shiftAt(cfg, T0 - 2 * H)).toMatchObject({ from: T0 - 25 * H, until: T0 - H });
  });

  it('is refused at boot without a zone on the handoff, with a member named twice, or with mentions.onCall and no rotation', () => {
    const err = (x: unknown) => onCallSchema.safeParse(x).error?.issues.map((i) => i.message);
    expect(err([{ ...ROTATION, name: 'db' }, ROTATION])).toEqual(['each of several rotations needs a name']);
    expect(
      err([
        { ...ROTATION, name: 'db' },
        { ...ROTATION, name: 'db' },
      ]),
    ).toEqual(['rotation names must differ']);
    const unknownRotation = configSchema.safeParse({ chat: { onCall: ROTATION, escalate: { mentions: { onCall: 'db' } } } });
    expect(unknownRotation.error?.issues.map((i) => i.message)).toEqual([
      'mentions.onCall names a rotation that chat.onCall does not have',
    ]);
    expect(err({ ...ROTATION, handoff: '2026-11-02T09:00:00' })).toEqual(['an ISO time with a zone, e.g. 2026-11-30T09:00:00Z']);
    expect(err({ ...ROTATION, members: [{ name: 'a' }, { name: 'a' }] })).toEqual(['member names must differ']);
    expect(err({ ...ROTATION, members: [{ name: 'a', slack: 'alice' }] })).toEqual(['a Slack user mention: <@U…>']);
    const noRotation = configSchema.safeParse({ chat: { escalate: { mentions: { onCall: true } } } });
    expect(noRotation.error?.issues.map((i) => i.message)).toEqual([
      'mentions.onCall needs chat.onCall (the rotation) to say who is on call',
    ]);
  });
});

describe('several rotations, one per team', () => {
  it('names who is on call in each, pings the one a route names, and covers in the asker’s own rotation', async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({
      overrides: {
        chat: {
          channels: { slack: ['C-OPS'] },
          onCall: [
            { ...ROTATION, name: 'web' },
            {
              name: 'db',
              members: [
                { name: 'dana', slack: '<@UDANA01>' },
                { name: 'bob', slack: '<@UBOB001>' },
              ],
              handoff: '2026-11-02T00:00:00Z',
            },
          ],
          routes: [{ name: 'web alerts', match: { targets: ['web-1'] }, slack: ['C-OPS'], mentions: { onCall: 'db' } }],
        },
      },
    });
    const { app, tick, now } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    const say = async (text: string, user = 'U2') => (await slashCommand(slack, text, user)).text;
    const all = (await say('who is on call?')).split('\n');
    expect(all.filter((l) => l.startsWith('On call'))).toEqual([
      'On call for web now: alice (<@UALICE1> on Slack), until 2026-11-03 09:00:00 UTC (in 23 h).',
      'On call for db now: dana (<@UDANA01> on Slack), until 2026-11-09 00:00:00 UTC (in 6 d 14 h).',
    ]);
    expect(all).toContain('Pinging the on-call: route web alerts (db).');
    expect((await say('who is on call for db?')).split('\n')[0]).toMatch(/^On call for db now: dana /);
    // A route naming the db rotation pings dana, not web's alice.
    await tick(3);
    expect(roots(slack)[0]!.msg.mentions).toEqual(['<@UDANA01>']);
    // bob is in both: he says which; carol is in one, so hers is meant.
    expect(await say("I'm on call until 12:00", 'UBOB001')).toBe(
      'You are in 2 rotations (web, db): say which, "I\'m on call for web until 18:00".',
    );
    expect(await say("I'm on call for db until 12:00", 'UBOB001')).toMatch(
      /^bob is on call for db until 2026-11-02 12:00:00 UTC \(1 h 5\d min\), instead of dana:/,
    );
    expect(app.chat.home(now()).text).toContain('On call for db now: bob (<@UBOB001> on Slack), until 2026-11-02 12:00:00 UTC');
    expect(await say('end my on-call cover', 'UBOB001')).toBe('Cover ended: dana is on call for db again, until 2026-11-09 00:00:00 UTC.');
  });
});
