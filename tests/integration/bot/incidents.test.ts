import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, inThreadOf, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('incidents declared in chat', () => {
  it('are announced in the alert channels, updated in their thread, handed over and resolved with what happened', async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] } } } });
    const { app, tick, advance, pump } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    await tick(3);
    expect((await slashCommand(slack, 'incident status', 'U1')).text).toBe(
      'No incident is open. "Declare an incident: <what is wrong>" opens one. 2 anomalies are open ("anything wrong?" lists them).',
    );
    // Asked in another channel, announced in the alert channel.
    const declared = await slashCommand(slack, 'declare an incident on web-1: checkout is slow', 'U1', 'C-TEAM');
    expect(declared.text).toMatch(
      /^Declared incident (in_\w+) "checkout is slow" on web-1 at .*; you \(slack:U1\) are its commander\. It is posted in the alert channels\.\n.*\nOpen now there: an_\w+ web-1 cpu/,
    );
    const id = /(in_\w+)/.exec(declared.text)![1]!;
    await pump();
    const card = [...slack.messages.values()].find((m) => m.versions[0]!.title === `Incident ${id}: checkout is slow`)!;
    expect(card.channel).toBe('C-OPS');
    expect(card.msg.fields).toEqual(
      expect.arrayContaining([
        { label: 'commander', value: 'slack:U1' },
        { label: 'targets', value: 'web-1' },
      ]),
    );
    // "Anything wrong?" leads with it.
    expect((await slashCommand(slack, 'anything wrong?', 'U3')).text.split('\n')[1]).toMatch(
      new RegExp(`^Incident open: ${id} "checkout is slow" on web-1: commander slack:U1`),
    );

    // An update in its thread, without naming it; a hand-over; a second incident makes naming necessary.
    advance(60_000);
    expect((await inThreadOf(slack, card, 'update: scaled web out by one', 'U2')).text).toBe(
      `Added to ${id} "checkout is slow" by slack:U2: scaled web out by one`,
    );
    await pump();
    expect(card.msg.fields).toContainEqual({ label: 'latest update', value: 'scaled web out by one (slack:U2)' });
    expect([...slack.messages.values()].some((m) => m.thread === card.id && m.msg.title === `Update on ${id}`)).toBe(true);
    expect((await slashCommand(slack, "I'll take command", 'U2')).text).toBe(`slack:U2 now commands ${id} "checkout is slow".`);
    await slashCommand(slack, 'declare an incident: customers report 502s', 'U3');
    expect((await slashCommand(slack, 'resolve the incident', 'U2')).text).toMatch(
      /^2 incidents are open: in_\w+ "checkout is slow", in_\w+ "customers report 502s"\. Name one/,
    );

    advance(10 * 60_000);
    const resolved = (await slashCommand(slack, `resolve ${id}: the bad deploy was rolled back`, 'U2')).text.split('\n');
    expect(resolved[0]).toMatch(new RegExp(`^Resolved ${id} "checkout is slow" after 11 min\\.$`));
    expect(resolved).toContainEqual(expect.stringMatching(/^Anomalies on web-1 from 30 min before it: \d+:$/));
    expect(resolved.slice(-4)).toEqual([
      'Updates:',
      expect.stringMatching(/ slack:U2: scaled web out by one$/),
      expect.stringMatching(/ slack:U2: the bad deploy was rolled back$/),
      // Everyone the records put in it, with what they did.
      'Involved (from the records): slack:U1 (declared it); slack:U2 (commander, took command, 2 updates, resolved it).',
    ]);
    // "Who's involved in the incident?" and "what alerts are part of it?" are its status, not the alert list.
    for (const q of ["who's involved in the incident?", 'what alerts are part of the incident?', 'how long has the incident been going?'])
      expect((await slashCommand(slack, `${q} ${id}`, 'U3')).text, q).toMatch(
        new RegExp(`^${id} "checkout is slow" on web-1: commander slack:U2`),
      );
    await pump();
    expect(card.msg.status).toMatch(/^Resolved by slack:U2 at .* after 11 min$/);
    expect((await slashCommand(slack, `update ${id}: too late`, 'U2')).text).toMatch(
      new RegExp(`^${id} was resolved at .*; declare a new incident if it is back\\.$`),
    );
    expect((await slashCommand(slack, 'declared incidents', 'U4')).text.split('\n')[0]).toBe('Incidents declared in the last 7 days: 2');
    expect((await slashCommand(slack, 'audit log', 'U4')).text).toMatch(
      new RegExp(
        `slack:U2 resolved incident ${id}[\\s\\S]*slack:U2 made slack:U2 commander of ${id}[\\s\\S]*slack:U1 declared incident ${id}`,
      ),
    );
    expect(app.store.records(20, undefined, 'incident_declared')).toHaveLength(2);
    // Its timeline, in order: the boot incident's anomalies on web-1 before it, then what people did.
    const story = (await slashCommand(slack, `timeline ${id}`, 'U4')).text.split('\n');
    expect(story[0]).toMatch(new RegExp(`^Timeline of ${id} "checkout is slow", from .* \\(30 min before it was declared\\) to .*:$`));
    const events = story.slice(1).map((l) => l.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC {2}/, ''));
    const at = (re: RegExp) => events.findIndex((e) => re.test(e));
    expect(at(/^an_\w+ (critical|warning) web-1 CPU \(\w+\) opened/)).toBeGreaterThanOrEqual(0);
    expect(at(/^an_\w+ (critical|warning) web-1 CPU/)).toBeLessThan(at(/^declared by slack:U1: "checkout is slow" on web-1$/));
    expect(at(/^declared by/)).toBeLessThan(at(/^update by slack:U2: scaled web out by one$/));
    expect(at(/^update by slack:U2: scaled/)).toBeLessThan(at(/^slack:U2 took command \(by slack:U2\)$/));
    // The closing words, read back from the records, come with its end.
    expect(events.slice(-2)).toEqual(['update by slack:U2: the bad deploy was rolled back', 'resolved by slack:U2 after 11 min']);
    // The other incident named no target: it is not in this one's story.
    expect(story.join('\n')).not.toMatch(/502s/);
    // The day's digest names them, with how each stands.
    expect((await slashCommand(slack, 'summarise today', 'U4')).text).toMatch(
      new RegExp(
        `\nIncidents declared then: 2: ${id} "checkout is slow" on web-1: commander slack:U2, .*resolved at .*; in_\\w+ "customers report 502s": commander slack:U3, .*open for`,
      ),
    );
  });

  it('take targets on and off after they are declared, and are read back once resolved', async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] } } } });
    const { app, tick, pump } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    await tick(3);
    const say = async (text: string, user = 'U1') => (await slashCommand(slack, text, user)).text;
    const declared = await say('declare an incident: checkout is slow');
    const id = /(in_\w+)/.exec(declared)![1]!;
    expect(await say('remove web-1 from the incident')).toBe(
      `${id} covers every target (it was declared on none), so there is nothing to take off; "add web-1 to the incident" narrows it to the targets named.`,
    );
    expect(await say('add web-1 and db-1 to the incident', 'U2')).toBe(
      `${id} "checkout is slow" now covers web-1, db-1 (added web-1, db-1, by slack:U2).`,
    );
    expect(await say('add web-9 to the incident')).toBe(
      'I can\'t take that: no target is called "web-9", so the incident is unchanged ("what do you monitor?" lists them).',
    );
    expect(await say('add web-1 to the incident')).toBe(`${id} already covers web-1, db-1: nothing changed.`);
    expect(await say(`remove db-1 from ${id}`)).toBe(`${id} "checkout is slow" now covers web-1 (took off db-1, by slack:U1).`);
    expect(await say('take web-1 off the incident')).toBe(`${id} would cover no target; resolve it instead, or add one first.`);
    await pump();
    const card = [...slack.messages.values()].find((m) => m.versions[0]!.title === `Incident ${id}: checkout is slow`)!;
    expect(card.msg.fields).toContainEqual({ label: 'targets', value: 'web-1' });
    // Its status reads only web-1 now, and so does a status asked after it is resolved.
    expect((await say('incident status')).split('\n')).toContainEqual(
      expect.stringMatching(/^Anomalies on web-1 from 30 min before it: \d+/),
    );
    await say('resolve the incident');
    // None open: said first, then the one resolved last.
    const after = (await say('is there an open incident?')).split('\n');
    expect(after[0]).toBe('No incident is open; the one resolved last:');
    expect(after[1]).toMatch(new RegExp(`^${id} "checkout is slow" on web-1: .*resolved`));
    expect((await say('who was incident commander last time?')).split('\n')[1]).toMatch(/: commander slack:U1, declared /);
    // "This month" is the calendar month, as it is for anomalies; "the past month" is 30 days.
    expect((await say('how many incidents were declared this month?')).split('\n')[0]).toMatch(
      /^Incidents declared this month \(since \d{4}-\d{2}-01, UTC\): 1$/,
    );
    expect((await say('incidents declared in the past month')).split('\n')[0]).toBe('Incidents declared in the last 30 days: 1');
    expect((await say('incidents declared last month')).split('\n')[0]).toMatch(
      /^No incident was declared last month \(\w+ \d{4}, UTC\)\./,
    );
    // "How many incidents?" counts episodes, with the incidents declared in the same time said beside them.
    const counted = (await say('how many incidents this month?')).split('\n');
    // "This month" is the calendar month, named with its first day.
    expect(counted[0]).toMatch(/^\d+ (?:episodes? of \d+ )?anomal(?:y|ies) this month \(since \d{4}-\d{2}-01, UTC\), \d+ open\.$/);
    expect(counted).toContainEqual(
      expect.stringMatching(new RegExp(`^Incidents declared then: 1: ${id} "checkout is slow" on web-1: .*resolved`)),
    );
    // A summary says the incidents declared once, though the counts it is built from carry the line too.
    const summary = (await say('summarise this month')).split('\n');
    expect(summary.filter((l) => l.startsWith('Incidents declared then: '))).toHaveLength(1);
    expect((await say('how many incidents were declared this month?')).split('\n').at(-1)).toMatch(
      /^Anomalies this month \(since \d{4}-\d{2}-01, UTC\), which are not incidents until one is declared: \d+ episodes? \(\d+ anomal(?:y|ies)\); "how many alerts" counts them\.$/,
    );
    // Asked of a target: the open ones on it, else the last there; db-1 was taken off it.
    expect(await say('is there an incident for web-1?')).toMatch(
      new RegExp(`^No incident is open on web-1; the last there: ${id} "checkout is slow" on web-1: commander slack:U1, .*resolved at `),
    );
    expect(await say('is there an incident for db-1?')).toMatch(
      /^No incident is open on db-1\. "Declare an incident: <what is wrong>" opens one\./,
    );
    expect((await say('what was the impact of the incident?')).split('\n')[1]).toBe(after[1]);
    expect(await say('set the incident severity to sev2')).toMatch(
      /^I can't take that: an incident here has no severity of its own, so nothing changed\./,
    );
    // It came back: reopened, updated in the words people use, and resolved again.
    expect(await say('reopen the incident', 'U2')).toBe(
      `Reopened ${id} "checkout is slow" (declared ${/declared (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC)/.exec(await say('incident status'))![1]}); slack:U1 still commands it. "Resolve the incident" ends it again.`,
    );
    expect(await say('reopen the incident')).toBe(`${id} "checkout is slow" is still open.`);
    expect(await say('post an update: cache flushed again')).toBe(`Added to ${id} "checkout is slow" by slack:U1: cache flushed again`);
    // "List incidents" is the episodes, with the incidents people declared beside them.
    expect((await say('list incidents today')).split('\n').at(-1)).toMatch(
      new RegExp(`^Incidents declared then: 1: ${id} "checkout is slow".*; "declared incidents" lists them\\.$`),
    );
    expect(await say('who declared the last incident?')).toMatch(
      new RegExp(`^${id} "checkout is slow" on web-1: commander slack:U1, declared `),
    );
    await say('resolve the incident');
    // A postmortem is the incident's review, whose timeline says who changed its targets.
    const story = (await say('write a postmortem')).split('\n');
    expect(story[0]).toBe(`Post-incident review, first draft: ${id} "checkout is slow" (times UTC).`);
    expect((await say('incident timeline')).split('\n')[0]).toMatch(new RegExp(`^Timeline of ${id} "checkout is slow"`));
    expect(story).toContainEqual(expect.stringMatching(/ web-1, db-1 added \(by slack:U2\)$/));
    expect(story).toContainEqual(expect.stringMatching(/ db-1 taken off \(by slack:U1\)$/));
    expect(await say('audit log')).toMatch(new RegExp(`slack:U1 took db-1 off ${id}[\\s\\S]*slack:U2 added web-1, db-1 to ${id}`));
    // Many open: "anything wrong?" names the newest five and counts the rest.
    for (let k = 1; k <= 6; k++) await say(`declare an incident: trouble ${k}`);
    const wrong = (await say('anything wrong?')).split('\n');
    expect(wrong.filter((l) => l.startsWith('Incident open: '))).toHaveLength(5);
    expect(wrong.findIndex((l) => l.startsWith('Incident open: '))).toBe(1);
    expect(wrong).toContain('…and 1 more open incidents ("declared incidents" lists them).');
    expect(app.store.records(20, undefined, 'incident_scope')).toHaveLength(2);
  });

  it('remind the commander in the thread when no update is posted for chat.incidentUpdateMinutes', async () => {
    const slack = createFakeChatAdapter('slack');
    const discord = createFakeChatAdapter('discord');
    const config = bootIncidentConfig({
      overrides: { chat: { channels: { slack: ['C-OPS'], discord: ['123456789012345678'] }, incidentUpdateMinutes: 10 } },
    });
    const { tick, advance, pump } = await startManualApp(config, { startTs: T0, adapters: [slack, discord] });
    const id = /(in_\w+)/.exec((await slashCommand(slack, 'declare an incident: checkout is slow', 'U1')).text)![1]!;
    await pump();
    const card = [...slack.messages.values()].find((m) => m.versions[0]!.title === `Incident ${id}: checkout is slow`)!;
    const reminders = (chat: typeof slack) => [...chat.messages.values()].filter((m) => m.msg.title.startsWith(`No update on ${id}`));
    advance(9 * 60_000);
    await tick(1);
    expect(reminders(slack)).toHaveLength(0);
    advance(60_000);
    await tick(1);
    expect(reminders(slack)).toHaveLength(1);
    const r = reminders(slack)[0]!;
    expect(r.thread).toBe(card.id);
    expect(r.msg.title).toMatch(new RegExp(`^No update on ${id} for 1[01] min$`));
    // The commander's Slack mention goes to Slack only.
    expect(r.msg.mentions).toEqual(['<@U1>']);
    expect(reminders(discord)[0]!.msg.mentions ?? []).toEqual([]);
    // Once per interval; an update starts the wait again.
    await tick(2);
    expect(reminders(slack)).toHaveLength(1);
    await inThreadOf(slack, card, 'update: rolled back', 'U1');
    advance(9 * 60_000);
    await tick(1);
    expect(reminders(slack)).toHaveLength(1);
    advance(2 * 60_000);
    await tick(1);
    expect(reminders(slack)).toHaveLength(2);
    // Resolved: no more.
    await slashCommand(slack, 'resolve the incident', 'U1');
    advance(20 * 60_000);
    await tick(1);
    expect(reminders(slack)).toHaveLength(2);
  });
});
