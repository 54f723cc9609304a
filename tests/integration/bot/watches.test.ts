import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, inThreadOf, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

async function setup() {
  const config = bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-ALERTS'] } } } });
  const slack = createFakeChatAdapter('slack');
  const m = await startManualApp(config, { startTs: T0, adapters: [slack] });
  return { ...m, slack, say: (text: string, user = 'U2') => slashCommand(slack, text, user) };
}

const watchPosts = (slack: ReturnType<typeof createFakeChatAdapter>) =>
  [...slack.messages.values()].filter((m) => m.msg.title.startsWith('Watch met:'));

describe('reminders among the watches', () => {
  it('lists them for "what reminders do I have?", cancels only reminders for "cancel my reminder", and all for "stop all my watches"', async () => {
    const { say, tick } = await setup();
    // The boot spike opens on web-1, so there is something to wait for.
    await tick(4);
    expect((await say('remind me in 30m to check db-1')).text).toMatch(/^I'll remind you here at /);
    expect((await say('tell me when web-1 is back')).text).toMatch(/^I'll post here when web-1 has nothing open/);
    expect((await say('what reminders do I have?')).text).toMatch(/^Watching:\n• wt_\w+: a reminder for .*: check db-1/);
    expect((await say('cancel my reminder')).text).toMatch(/^Stopped watching: wt_\w+ \(a reminder for [^)]*: check db-1\)\.$/);
    expect((await say('stop all my watches')).text).toMatch(/^Stopped watching: wt_\w+ \(web-1 has nothing open\)\.$/);
    expect((await say('cancel my reminder')).text).toMatch(/^No watch to stop\./);
    // Named by its words, only that reminder goes; "backups" is no question about backing up.
    await say('remind me in 30m to check the backups');
    await say('remind me in 40m to review the alerts');
    expect((await say('cancel the backups reminder')).text).toMatch(
      /^Stopped watching: wt_\w+ \(a reminder for [^)]*: check the backups\)\.$/,
    );
    expect((await say('what reminders do I have?')).text).toMatch(
      /^Watching:\n• wt_\w+: a reminder for [^:]*:\d\d:\d\d UTC: review the alerts, for slack:U2 in slack C-OPS$/,
    );
  });
});

describe('a watch on several targets', () => {
  it('waits on any of the targets named, and says which crossed', async () => {
    const { slack, tick, say } = await setup();
    await tick(2);
    expect((await say('tell me when web-1 or db-1 cpu goes below 101%')).text).toMatch(
      /^I'll post here when any of web-1, db-1 CPU goes below 101\.0%/,
    );
    await tick(1);
    expect(watchPosts(slack).map((m) => m.msg.text)).toEqual([
      expect.stringMatching(/^(?:web-1|db-1) CPU is \d+\.\d% at .*, below 101\.0%\.$/),
    ]);
    // "Tell me when … recover" is a watch on them, not the question when they did; the boot spike keeps web-1 open a while.
    await tick(2);
    expect((await say('tell me when web-1 and db-1 recover')).text).toMatch(/^I'll post here when web-1, db-1 have nothing open, until /);
  });
});

describe('"tell me when…" watches', () => {
  it('posts once where it was asked, pinging who asked, when web-1 recovers; then forgets it', async () => {
    const { app, slack, tick, say } = await setup();
    await tick(4);
    expect(app.store.openAnomalies().some((a) => a.target === 'web-1')).toBe(true);
    const reply = await say('tell me when web-1 recovers');
    expect(reply.text).toMatch(
      /^I'll post here when web-1 has nothing open, until .* \(24 h; wt_[a-z0-9]+\)\. "stop watching web-1" ends it\.$/,
    );
    expect((await say('my watches')).text).toMatch(/^Watching:\n• wt_\w+: web-1 has nothing open, for slack:U2 in slack C-OPS, until /);
    // The boot spike lasts minutes: nothing is posted while it is open.
    await tick(2);
    expect(watchPosts(slack)).toHaveLength(0);
    for (let i = 0; i < 30 && app.store.openAnomalies().some((a) => a.target === 'web-1'); i++) await tick(1);
    await tick(1);
    const posts = watchPosts(slack);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.channel).toBe('C-OPS');
    expect(posts[0]!.msg).toMatchObject({ title: 'Watch met: web-1 has nothing open', mentions: ['<@U2>'] });
    expect(posts[0]!.msg.text).toBe('web-1 has nothing open now: every anomaly there has ended.');
    await tick(3);
    expect(watchPosts(slack)).toHaveLength(1);
    expect((await say('my watches')).text).toMatch(/^No watches\./);
    expect(app.store.records(20, undefined, 'watch_met')).toHaveLength(1);
  });

  it('watches a bound, refuses what is already so, ends one on request and drops one that expires', async () => {
    const { slack, tick, say } = await setup();
    await tick(2);
    // Nothing is open on db-1: there is nothing to wait for.
    expect((await say('tell me when db-1 recovers')).text).toMatch(/^Nothing to wait for: db-1 has nothing open now/);
    expect((await say('ping me when cpu on db-1 drops below 101%')).text).toMatch(/^I'll post here when db-1 CPU goes below 101\.0%/);
    await tick(1);
    expect(watchPosts(slack).map((m) => m.msg.text)).toEqual([
      expect.stringMatching(/^db-1 CPU is \d+\.\d% at \d\d:\d\d:\d\d UTC, below 101\.0%\.$/),
    ]);
    // A share never goes below 0% or past 100%: such a watch would only expire, so none is set.
    for (const q of [
      'tell me when db-1 cpu goes below 0%',
      'tell me when disk on db-1 reaches 150%',
      'tell me when db-1 memory goes above 100%',
    ])
      expect((await say(q)).text).toMatch(/is a share from 0% to 100%: it never goes (above|below) \d+%, so nothing was set\./);
    expect((await say('my watches')).text).not.toMatch(/0\.0%|150|100\.0%/);
    // "Reaches" counts the line itself; before, it was not read as a bound at all.
    expect((await say('tell me when db-1 disk reaches 0%')).text).toMatch(/^I'll post here when db-1 disk goes to or above 0\.0%/);
    await tick(1);
    expect(watchPosts(slack).map((m) => m.msg.text)[1]).toMatch(/^db-1 disk is \d+\.\d% at \d\d:\d\d:\d\d UTC, at or above 0\.0%\.$/);
    // Ended by hand; and one that expires before it is met posts nothing.
    await say('tell me when memory on db-1 goes above 99% for the next 2 min');
    await say('tell me when disk on db-1 goes above 99%');
    expect((await say('stop watching db-1', 'U9')).text).toMatch(/^No watch to stop\./);
    expect((await say('stop watching db-1')).text).toMatch(
      /^Stopped watching: wt_\w+ \(db-1 memory goes above 99\.0%\); wt_\w+ \(db-1 disk goes above 99\.0%\)\.$/,
    );
    await say('tell me when memory on db-1 goes above 99% for the next 2 min');
    await tick(6);
    expect((await say('my watches')).text).toMatch(/^No watches\./);
    expect(watchPosts(slack)).toHaveLength(2);
    // A target we do not know, or a question that is not a watch.
    expect((await say('tell me when web-9 recovers')).text).toMatch(/web-9/);
    expect((await say('tell me when things improve')).text).toMatch(/^I can't take that: I can tell you when a target recovers/);
  });
});

describe("a watch asked in an alert's thread", () => {
  it('"tell me when it recovers" means that alert\'s target, and is answered in the thread', async () => {
    const { app, slack, tick, say } = await setup();
    await tick(4);
    const alert = [...slack.messages.values()].find((m) => !m.thread && /anomal(y|ies) on web-1$/.test(m.msg.title))!;
    const reply = await slack.emit({
      kind: 'text',
      platform: 'slack',
      user: { platform: 'slack', id: 'U3', roles: [] },
      channel: alert.channel,
      thread: alert.id,
      text: 'tell me when it recovers',
      source: 'mention',
    });
    expect(reply.text).toMatch(/^I'll post here when web-1 has nothing open/);
    for (let i = 0; i < 30 && app.store.openAnomalies().some((a) => a.target === 'web-1'); i++) await tick(1);
    await tick(1);
    const posts = watchPosts(slack);
    expect(posts.map((m) => [m.channel, m.thread, m.msg.mentions])).toEqual([[alert.channel, alert.id, ['<@U3>']]]);
    // Outside a thread, "it" is asked about rather than guessed; "everything" is the whole fleet.
    expect((await say('tell me when it recovers')).text).toMatch(/^Which target\?/);
    expect((await say('tell me when web-1 drops below 50%')).text).toMatch(/^Which figure on web-1\?/);
    expect((await say('tell me when everything is resolved')).text).toMatch(
      /^(I'll post here when nothing is open on any target|Nothing to wait for: nothing is open on any target)/,
    );
  });
});

describe('reminders', () => {
  it('posts "remind me in 1 min to check web-1" where it was asked once it is due, pinging who asked, then forgets it', async () => {
    const { slack, tick, say } = await setup();
    await tick(1);
    expect((await say('remind me in 1 min to check web-1')).text).toMatch(
      /^I'll remind you here at 2026-11-02 10:01:\d\d UTC \(in 60 s\): check web-1 \(wt_\w+\)\. "stop watching wt_\w+" cancels it\.$/,
    );
    expect((await say('my watches')).text).toMatch(
      /^Watching:\n• wt_\w+: a reminder for 2026-11-02 10:01:\d\d UTC: check web-1, for slack:U2 in slack C-OPS$/,
    );
    const reminders = () => [...slack.messages.values()].filter((m) => m.msg.title === 'Reminder');
    await tick(1);
    expect(reminders()).toHaveLength(0);
    await tick(2);
    expect(reminders().map((m) => [m.channel, m.msg.text, m.msg.mentions])).toEqual([
      ['C-OPS', expect.stringMatching(/^Reminder: check web-1 \(asked \d+ s ago, wt_\w+\)\.$/), ['<@U2>']],
    ]);
    await tick(2);
    expect(reminders()).toHaveLength(1);
    expect((await say('my watches')).text).toMatch(/^No watches\./);
    expect((await say('remind me about db-1')).text).toMatch(/say when: "remind me in 30m to check web-1"/);
    expect((await say('remind me in 9 days to check web-1')).text).toMatch(/^A reminder must be due after now and within a week/);
  });
});

describe('feedback on an alert', () => {
  it('records "this alert is noise" said in its thread, shows it on the timeline and counts it', async () => {
    const { app, slack, tick, say } = await setup();
    await tick(6);
    const alert = [...slack.messages.values()].find((m) => !m.thread && /anomal(y|ies) on web-1$/.test(m.msg.title))!;
    const inThread = (text: string) => inThreadOf(slack, alert, text);
    const reply = (await inThread('this alert is noise')).text;
    const id = /^Noted: (an_\w+) \(web-1 CPU, \w+\) marked as noise \(a false positive\) by slack:U3\./.exec(reply)?.[1];
    expect(id).toBeDefined();
    expect(app.store.records(10, undefined, 'alert_feedback')[0]!.data).toMatchObject({ anomaly: id, verdict: 'noise', actor: 'slack:U3' });
    expect((await say(`timeline ${id}`)).text).toMatch(new RegExp(`${id} marked as noise by slack:U3`));
    // Counted, and listed on its own.
    expect((await say('how many alerts today?')).text).toMatch(/\nMarked in chat: 1 noise, 0 useful \(of \d+\)\.\n/);
    expect((await say('how many alerts were false positives?')).text).toMatch(/^1 marked-noise anomaly since .*, \d open\./);
    // The latest word counts; a question never marks anything; an unknown id is said so.
    await inThread("actually it's a real issue");
    expect((await say('how many alerts were false positives?')).text).toMatch(/^No marked-noise anomalies/);
    // Taken back, it counts as unmarked, says so in the timeline, and a second time changes nothing.
    expect((await inThread('unmark it')).text).toMatch(
      new RegExp(`^Unmarked: ${id} \\(web-1 CPU, \\w+\\) is no longer counted as useful \\(by slack:U3\\)\\.$`),
    );
    expect((await say('how many alerts today?')).text).not.toMatch(/Marked in chat/);
    expect((await say(`timeline ${id}`)).text).toMatch(new RegExp(`${id} unmarked by slack:U3`));
    expect((await say(`unmark ${id}`)).text).toMatch(new RegExp(`^${id} \\(web-1 CPU, \\w+\\) is not marked, so nothing changed\\.$`));
    expect((await say('is it noise?')).intent).not.toBe('feedback');
    expect((await say('mark an_nope123 as noise')).text).toBe('No anomaly "an_nope123"; nothing was marked.');
    // "The last alert" outside a thread is the newest anomaly, named in the reply.
    const latest = app.store.recentAnomalies(1)[0]!;
    expect((await say('mark the last alert as noise')).text).toMatch(
      new RegExp(`^Noted \\(the latest anomaly\\): ${latest.id} \\(${latest.target} `),
    );
    // "Undo that" right after a mark takes it back; after anything else it is no mark's.
    expect((await say('undo that')).text).toMatch(new RegExp(`^Unmarked: ${latest.id} .* is no longer counted as noise`));
    expect((await say('undo that')).text).toMatch(new RegExp(`^${latest.id} .* is not marked, so nothing changed\\.$`));
    expect((await say('how many alerts today?')).text).toMatch(/^\d+ anomal/);
    expect((await say('undo that')).text).not.toMatch(/^Unmarked|is not marked/);
    expect((await say('the last alert was useful')).text).toMatch(
      new RegExp(`^Noted \\(the latest anomaly\\): ${latest.id} .* marked as useful`),
    );
    // A target named is the newest there, in a thread too; one with none marks nothing.
    const onWeb1 = app.store.recentAnomalies(500).find((a) => a.target === 'web-1')!;
    expect((await say('the web-1 alert was noise')).text).toMatch(
      new RegExp(`^Noted \\(the latest anomaly on web-1\\): ${onWeb1.id} \\(web-1 `),
    );
    expect((await say('mark the db-1 latency alert as a false positive')).text).toBe('There is no anomaly of latency on db-1 to mark.');
    expect((await inThread('the db-1 alert was noise')).text).toBe('There is no anomaly on db-1 to mark.');
  });
});

describe('watches kept in the store', () => {
  it('drops entries it cannot read instead of failing on every tick, and keeps the good ones', async () => {
    const { app, tick, say, logger } = await setup();
    await tick(1);
    await say('tell me when disk on db-1 goes above 99%');
    const kept = JSON.parse(app.store.getKv('watches')!) as unknown[];
    app.store.setKv('watches', JSON.stringify([...kept, null, { id: 'wt_x' }, { ...(kept[0] as object), metric: 'bogus' }, 'x']));
    await tick(2);
    expect((await say('my watches')).text).toMatch(/^Watching:\n• wt_\w+: db-1 disk goes above 99\.0%/);
    expect((await say('my watches')).text.split('\n')).toHaveLength(2);
    expect(logger.lines.filter((e) => e.level === 'error')).toEqual([]);
    app.store.setKv('watches', '{not json');
    expect((await say('my watches')).text).toMatch(/^No watches\./);
  });
});
