import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';
import { isSilenced } from '../../../src/bot/notifier.js';

// 10:00 UTC. The demo's boot incident (web-1's CPU, about 4 minutes) starts at once.
const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

async function setup() {
  const config = bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] } } } });
  const slack = createFakeChatAdapter('slack');
  const m = await startManualApp(config, { startTs: T0, adapters: [slack] });
  const web1Alert = () => [...slack.messages.values()].find((x) => !x.thread && /anomal(y|ies) on web-1$/.test(x.versions[0]!.title));
  const say = async (text: string, user = 'U2') => (await slashCommand(slack, text, user)).text;
  return { ...m, slack, web1Alert, say };
}

describe('a silence scheduled ahead ("mute web-1 from 10:02 to 10:30")', () => {
  it('holds nothing before it begins, then covers the open alert, which says so', async () => {
    const { app, tick, now, web1Alert, say } = await setup();
    const said = await say('mute web-1 from 10:02 to 10:30');
    expect(said).toMatch(
      /^Scheduled a silence of web-1 from 2026-11-02 10:02:00 UTC to 2026-11-02 10:30:00 UTC \(28 min\), beginning in 2 min \((sl_\w+)\)\. Say "unsnooze sl_\w+" to cancel it\.$/,
    );
    const id = /\((sl_\w+)\)/.exec(said)![1]!;
    expect(app.store.chat.silences(now())).toEqual([]);
    expect(app.store.chat.scheduledSilences(now()).map((s) => [s.id, s.startsTs, s.untilTs])).toEqual([
      [id, T0 + 120_000, T0 + 30 * 60_000],
    ]);
    expect(isSilenced(app.store, { target: 'web-1', metric: 'cpu' }, now())).toBe(false);
    const listed = (await say('silences')).split('\n');
    expect(listed.slice(0, 3)).toEqual([
      'Nothing is silenced.',
      'Scheduled:',
      `• ${id}: web-1 / all metrics from 2026-11-02 10:02:00 UTC to 2026-11-02 10:30:00 UTC, in 2 min (by slack:U2)`,
    ]);
    // Before it begins the incident is announced as usual.
    await tick(3);
    const alert = web1Alert();
    expect(alert).toBeDefined();
    expect(alert!.msg.fields.some((f) => /^Silenced until/.test(f.value))).toBe(false);
    // Once it has begun, the open alert shows it (re-rendered on the first tick after its start).
    await tick(2);
    expect(now()).toBeGreaterThan(T0 + 120_000);
    expect(isSilenced(app.store, { target: 'web-1', metric: 'cpu' }, now())).toBe(true);
    expect(app.store.chat.scheduledSilences(now())).toEqual([]);
    expect(JSON.stringify(web1Alert()!.msg)).toContain(`Silenced until 2026-11-02 10:30:00 UTC by slack:U2 (${id})`);
    expect((await say('silences')).split('\n')[1]).toBe(`• ${id}: web-1 / all metrics until 2026-11-02 10:30:00 UTC (by slack:U2)`);
  });

  it('is left by "unsnooze all", cancelled by its id, and never begins once cancelled', async () => {
    const { app, tick, now, say } = await setup();
    const id = /\((sl_\w+)\)/.exec(await say('create a maintenance window for db-1 from 10:05 to 11:00'))![1]!;
    // Extended by its id, it keeps its start.
    expect(await say(`extend ${id} by 30m`)).toBe(
      `Extended ${id} (db-1) from 2026-11-02 11:00:00 UTC to 2026-11-02 11:30:00 UTC, 1 h 30 min from now (it begins at 2026-11-02 10:05:00 UTC).`,
    );
    expect(app.store.chat.scheduledSilences(now())[0]).toMatchObject({ id, startsTs: T0 + 5 * 60_000, untilTs: T0 + 90 * 60_000 });
    await say('snooze web-1 for 10m');
    expect(await say('unsnooze all')).toBe(
      `Lifted 1 silence. ${id}, scheduled from 2026-11-02 10:05:00 UTC, stays: "unsnooze sl_…" cancels one.`,
    );
    expect(await say('unsnooze db-1')).toBe(
      `Nothing matching was silenced. ${id}, scheduled from 2026-11-02 10:05:00 UTC, stays: "unsnooze sl_…" cancels one.`,
    );
    expect(await say(`unsnooze ${id}`, 'U3')).toBe(
      `Cancelled ${id}, the silence of db-1 scheduled from 2026-11-02 10:05:00 UTC to 2026-11-02 11:30:00 UTC.`,
    );
    await tick(12);
    expect(isSilenced(app.store, { target: 'db-1', metric: 'cpu' }, now())).toBe(false);
    const history = (await say('who silenced db-1?')).split('\n');
    expect(history).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^• ${id}: db-1 / all metrics, set by slack:U2 at .*; cancelled by slack:U3 at .*, before it began$`),
        ),
      ]),
    );
  });

  it('is listed with the maintenance windows, and "cancel the maintenance" cancels the one there is', async () => {
    const { app, now, say } = await setup();
    expect(await say('cancel the maintenance')).toBe(
      'No maintenance is scheduled from chat; windows in chat.muteTimes are changed in the config.',
    );
    const id = /\((sl_\w+)/.exec(await say('mute db-1 from 22:00 to 23:00: kernel upgrade'))![1]!;
    const windows = (await say('what are the maintenance windows?')).split('\n');
    expect(windows.slice(0, 3)).toEqual([
      'No maintenance windows (chat.muteTimes).',
      'Scheduled from chat (silences set ahead; "unsnooze sl_…" or "cancel the maintenance" cancels one):',
      `• ${id}: db-1 from 2026-11-02 22:00:00 UTC to 2026-11-02 23:00:00 UTC, reason: kernel upgrade (by slack:U2)`,
    ]);
    const other = /\((sl_\w+)/.exec(await say('mute web-1 from 21:00 to 21:30'))![1]!;
    expect(await say('cancel the maintenance')).toMatch(new RegExp(`^2 silences are scheduled ahead: (${id}|${other}) .*Say which`));
    expect(await say('cancel the maintenance on db-1')).toMatch(new RegExp(`^Cancelled ${id}, the silence of db-1 scheduled from `));
    expect(app.store.chat.scheduledSilences(now()).map((s) => s.id)).toEqual([other]);
  });

  it('"end the maintenance on db-1" lifts the silence holding db-1 now, and leaves the one scheduled ahead', async () => {
    const { app, now, say } = await setup();
    const ahead = /\((sl_\w+)/.exec(await say('mute db-1 from 22:00 to 23:00'))![1]!;
    const held = /\((sl_\w+)/.exec(await say('start a maintenance window for db-1 for 2 hours'))![1]!;
    expect(app.store.chat.silences(now()).map((s) => s.id)).toEqual([held]);
    expect(await say('end the maintenance on db-1')).toMatch(new RegExp(`^Lifted ${held}\\b`));
    expect(app.store.chat.silences(now())).toEqual([]);
    expect(app.store.chat.scheduledSilences(now()).map((s) => s.id)).toEqual([ahead]);
    // With none in force, "end" falls back to the one scheduled, as "cancel" does.
    expect(await say('end the maintenance on db-1')).toMatch(new RegExp(`^Cancelled ${ahead}, the silence of db-1 scheduled from `));
  });

  it('keeps the reason given, and shows it in the reply, the list, the alert and its timeline', async () => {
    const { tick, say, web1Alert } = await setup();
    await tick(3);
    const said = await say('mute web-1 for 10m: deploy <in progress> & checks');
    expect(said).toMatch(
      /^Silenced web-1 for 10 min, until 2026-11-02 10:1\d:\d\d UTC \(sl_\w+; reason: deploy in progress checks\)\. Say /,
    );
    expect((await say('silences')).split('\n')[1]).toMatch(
      /^• sl_\w+: web-1 \/ all metrics until .* \(by slack:U2: deploy in progress checks\)$/,
    );
    await tick(1);
    expect(JSON.stringify(web1Alert()!.msg)).toMatch(
      /Silenced until 2026-11-02 10:1\d:\d\d UTC by slack:U2 \(sl_\w+\): deploy in progress checks/,
    );
    expect(await say('timeline web-1')).toMatch(
      /silenced web-1 until 2026-11-02 10:1\d:\d\d UTC by slack:U2 \(sl_\w+\): deploy in progress checks/,
    );
  });

  it('refuses a window that has passed, and begins at once when it is under way', async () => {
    const { app, now, say } = await setup();
    expect(await say('mute db-1 yesterday from 2 to 3')).toBe(
      'Nothing silenced: 2026-11-01 02:00:00 UTC to 2026-11-01 03:00:00 UTC has already passed.',
    );
    expect(await say('mute db-1 from 09:30 to 10:20')).toMatch(/^Silenced db-1 for 20 min, until 2026-11-02 10:20:00 UTC/);
    expect(app.store.chat.scheduledSilences(now())).toEqual([]);
  });
});

describe('silence commands that did the wrong thing', () => {
  it('refuses what a silence cannot hold, and never widens or narrows what was asked', async () => {
    const { app, now, say } = await setup();
    // Had silenced db-1, the one target to be left out.
    expect(await say('mute everything except db-1 for 1h')).toMatch(/^Nothing silenced: a silence names what it holds and cannot leave/);
    // Had silenced every alert, critical or not: a severity it cannot hold is refused.
    expect(await say('mute info alerts for 1h')).toMatch(/^Nothing silenced: a silence holds warning or critical alerts/);
    // Had silenced web-1 for the default hour.
    expect(await say('mute web-1 for 0m')).toMatch(/^Nothing silenced: a silence of no time holds nothing\./);
    expect(await say('stop alerting on web-1 until later')).toMatch(
      /^I can't take that: I could not read when the silence should end, so nothing was silenced\./,
    );
    expect(app.store.chat.silences(now())).toEqual([]);
    // "Today" is until the next midnight (UTC); "don't alert me" is a silence, not a list of anomalies.
    expect(await say("don't alert me about disk today")).toMatch(
      /^Silenced all targets disk for 14 h, until 2026-11-03 00:00:00 UTC \(sl_\w+\)\./,
    );
    // Longer than a week: held to a week, and said.
    expect(await say('mute web-1 for 90d')).toMatch(
      /\(A silence lasts 7 d at most, not the 90 d asked; "extend sl_… by 1d" pushes it further then\.\)$/,
    );
    // A day with no time is its 09:00 (decision 0072); past the longest, held to it and said, as a length is.
    expect(await say('stop alerting on db-1 until tomorrow')).toMatch(
      /^Silenced db-1 for 23 h, until 2026-11-03 09:00:00 UTC \(sl_\w+\)\./,
    );
    expect(await say('mute db-1 disk until nov 20')).toMatch(
      /until 2026-11-09 10:00:00 UTC .*\(A silence lasts 7 d at most, not the 18 d asked; "extend sl_… by 1d" pushes it further then\.\)$/,
    );
    expect(app.store.chat.silences(now()).map((s) => [s.target, s.metric])).toEqual(
      expect.arrayContaining([
        ['*', 'disk'],
        ['web-1', '*'],
      ]),
    );
  });
});

describe('a silence of one severity ("mute all warnings for 1h")', () => {
  it('holds the warning alerts and not the critical ones, and says so where silences are listed', async () => {
    const { app, now, say } = await setup();
    const said = await say('mute all warnings for 1h');
    expect(said).toMatch(/^Silenced warning alerts on all targets for 60 min, until 2026-11-02 11:00:00 UTC \((sl_\w+)\)\./);
    const id = /\((sl_\w+)\)/.exec(said)![1]!;
    expect(isSilenced(app.store, { target: 'web-1', metric: 'cpu', severity: 'warning' }, now())).toBe(true);
    expect(isSilenced(app.store, { target: 'web-1', metric: 'cpu', severity: 'critical' }, now())).toBe(false);
    expect((await say('silences')).split('\n')[1]).toBe(
      `• ${id}: all targets / all metrics, warning alerts only until 2026-11-02 11:00:00 UTC (by slack:U2)`,
    );
    expect(await say('silence critical alerts on db-1 for 30m')).toMatch(/^Silenced critical alerts on db-1 for 30 min/);
    expect(app.store.chat.silences(now()).map((s) => [s.target, s.metric, s.severity])).toEqual(
      expect.arrayContaining([
        ['*', '*', 'warning'],
        ['db-1', '*', 'critical'],
      ]),
    );
  });

  it('lets the critical anomalies of an incident through and holds its warnings', async () => {
    const { app, tick, say } = await setup();
    await say('mute all warnings for 1h');
    await tick(6);
    const open = app.store.openAnomalies().filter((a) => a.target === 'web-1');
    expect(new Set(open.map((a) => a.severity))).toEqual(new Set(['warning', 'critical']));
    for (const a of open) expect([a.severity, Boolean(app.store.chat.alertKeyFor(a.id))]).toEqual([a.severity, a.severity === 'critical']);
  });

  it('lifts the asker\'s own latest silence for "cancel that silence", and nobody else\'s', async () => {
    const { app, now, say } = await setup();
    await say('mute db-1 for 1h', 'U1');
    const first = /\((sl_\w+)\)/.exec(await say('mute web-1 from 10:02 to 10:30'))![1]!;
    const second = /\((sl_\w+)\)/.exec(await say('mute disk alerts for 30m'))![1]!;
    expect(await say('cancel that silence')).toBe(
      `Lifted ${second}, the silence of all targets disk until 2026-11-02 10:30:00 UTC (by slack:U2).`,
    );
    expect(app.store.chat.silences(now()).map((s) => s.target)).toEqual(['db-1']);
    expect(await say('undo my last snooze')).toMatch(new RegExp(first));
    expect(app.store.chat.scheduledSilences(now())).toEqual([]);
    // U1's silence stays: U2 has none left.
    expect(await say('cancel that silence')).toMatch(/^You have no silence in force or scheduled\. Silenced:\n• sl_\w+: db-1 /);
    expect(app.store.chat.silences(now()).map((s) => s.createdBy)).toEqual(['slack:U1']);
  });
});
