import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, inThreadOf, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';
import { noteCommand } from '../../../src/bot/alert-notes.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('notes on an alert', () => {
  it('records one said in its thread or with its id, with the words as typed, and shows it in the timeline and the explanation', async () => {
    const slack = createFakeChatAdapter('slack');
    const m = await startManualApp(bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] } } } }), {
      startTs: T0,
      adapters: [slack],
    });
    const say = async (text: string, user = 'U2') => (await slashCommand(slack, text, user)).text;
    await m.tick(6);
    const alert = [...slack.messages.values()].find((x) => !x.thread && /anomal(y|ies) on web-1$/.test(x.msg.title))!;
    const inThread = async (text: string) => (await inThreadOf(slack, alert, text)).text;
    const said = await inThread('note: Restarted <@U999> nginx at 10:02 *by hand*');
    const id =
      /^Noted on (an_\w+) \(web-1 CPU\) by slack:U3: "Restarted nginx at 10:02 by hand"\. "timeline an_\w+" shows it with the rest; posted in its thread on web console\.$/.exec(
        said,
      )?.[1];
    expect(id).toBeDefined();
    expect(m.app.store.records(10, undefined, 'alert_note')[0]!.data).toEqual({
      anomaly: id,
      target: 'web-1',
      metric: 'cpu',
      text: 'Restarted nginx at 10:02 by hand',
      actor: 'slack:U3',
    });
    // After the alert has ended, a note still lands in its timeline.
    await m.tick(12);
    expect(m.app.store.getAnomaly(id!)!.status).toBe('resolved');
    expect(await say(`add a note to ${id}: root cause was a cron job`)).toMatch(
      /^Noted on an_\w+ \(web-1 CPU\) by slack:U2: "root cause was a cron job"/,
    );
    const timeline = (await say(`timeline ${id}`)).split('\n');
    const notes = timeline.filter((l) => l.includes('note by'));
    expect(notes).toEqual([
      expect.stringMatching(/^10:0\d:\d\d {2}note by slack:U3: Restarted nginx at 10:02 by hand$/),
      expect.stringMatching(/^10:1\d:\d\d {2}note by slack:U2: root cause was a cron job$/),
    ]);
    const explained = (await say(`explain ${id}`)).split('\n');
    const at = explained.indexOf('Notes:');
    expect(explained.slice(at + 1, at + 3)).toEqual([
      expect.stringMatching(/^• 2026-11-02 10:0\d:\d\d UTC slack:U3: Restarted nginx at 10:02 by hand$/),
      expect.stringMatching(/^• 2026-11-02 10:1\d:\d\d UTC slack:U2: root cause was a cron job$/),
    ]);
    // Nothing to note, or nowhere to put it: said so, nothing recorded.
    expect(await say('note:')).toBe('Note what? Say it after a colon: "note an_…: restarted nginx by hand".');
    expect(await say('note: looking into it')).toMatch(/^On which alert\?/);
    expect(await say('note on db-1: checking')).toBe(
      'Nothing is open on db-1; name the alert: "note an_…: …". Something done on the host is a change: "change on db-1: checking" records it where alerts and "recent changes" show it.',
    );
    expect(await say('note an_nope123: x')).toBe('No anomaly "an_nope123"; nothing was noted.');
    expect(m.app.store.records(10, undefined, 'alert_note')).toHaveLength(2);
    // "Show notes on web-1" lists them, newest first, over the last week.
    expect((await say('show notes on web-1')).split('\n')).toEqual([
      '2 things noted on web-1 over the last 7 d by 2 people, newest first:',
      expect.stringMatching(/^• .* slack:U2 noted on an_\w+ \(web-1\): "root cause was a cron job"$/),
      expect.stringMatching(/^• .* slack:U3 noted on an_\w+ \(web-1\): "Restarted nginx at 10:02 by hand"$/),
      'What I did myself (proposals, runs, withdrawals) is "remediation history".',
    ]);
    // "What was done about web-1?" is its latest alert's timeline, notes and all.
    expect(await say('what was done about web-1?')).toMatch(
      /^The latest alert on web-1 \(others: "timeline an_…"\):\nTimeline of the alert on web-1/,
    );
    // Closing one by hand is not how anomalies end: said so, with what to do instead.
    expect(await say(`resolve ${id}`)).toMatch(
      /^I don't resolve anomalies by hand: one ends when its detector sees the series back in range/,
    );
  });

  it('reads only a command as a note, and keeps a time said in it', () => {
    expect(noteCommand('notes on an_abc123?', { an: 'an_abc123' })).toBeUndefined();
    expect(noteCommand('what notes are there', {})).toBeUndefined();
    expect(noteCommand('note an_abc123 restarted at 08:00', { an: 'an_abc123' })).toEqual({
      kind: 'note',
      id: 'an_abc123',
      text: 'restarted at 08:00',
    });
    expect(noteCommand('Comment on web-1: deploy at 08:00 caused it', { target: 'web-1' })).toEqual({
      kind: 'note',
      target: 'web-1',
      text: 'deploy at 08:00 caused it',
    });
  });
});
