import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('the audit log in chat', () => {
  it('lists what people did, newest first, by person, by target, and for the asker', async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({
      approvalRule: true,
      overrides: { chat: { channels: { slack: ['C-OPS'] } }, approvers: { slack: { users: ['U1'] } } },
    });
    const { app, tick, advance } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    const say = async (text: string, user: string) => {
      advance(60_000);
      return slashCommand(slack, text, user);
    };
    await tick(4);
    const pending = app.store.listProposals({ states: ['proposed'] })[0]!;
    expect(pending, 'the boot incident proposes a scale-up').toBeDefined();
    await say('ack web-1', 'U2');
    await say('snooze db-1 for 1h: patching', 'U2');
    await say(`approve ${pending.id}`, 'U9');
    await say(`approve ${pending.id}`, 'U1');
    await say('deployed v2.3 to db-1', 'U3');

    const all = (await say('show me the audit log', 'U3')).text.split('\n');
    expect(all[0]).toBe('6 things done over the last 24 h by 4 people, newest first:');
    // Each person's count, most first, before the lines.
    expect(all[1]).toBe('By person: slack:U2 3, slack:U1 1, slack:U3 1, slack:U9 1.');
    expect(all.slice(2, 8).map((l) => l.replace(/^• \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC /, ''))).toEqual([
      expect.stringMatching(/^slack:U3 recorded change ch_\w+ on db-1: "deployed v2\.3 to db-1"$/),
      `slack:U1 approved ${pending.id} scale_up on web-1`,
      `slack:U9 tried to approve ${pending.id}: not an approver`,
      expect.stringMatching(/^slack:U2 silenced db-1 until .* \(sl_\w+\): patching$/),
      // The boot incident's two alert messages (two detectors, two ticks), each acknowledged.
      expect.stringMatching(/^slack:U2 acknowledged an_\w+$/),
      expect.stringMatching(/^slack:U2 acknowledged an_\w+$/),
    ]);
    expect(all.at(-1)).toBe('What I did myself (proposals, runs, withdrawals) is "remediation history".');

    expect((await say('what did U2 do today?', 'U3')).text).toMatch(
      /^3 things done by "u2" today \(UTC\), newest first:\n• .* slack:U2 silenced db-1/,
    );
    expect((await say('who touched db-1 today?', 'U3')).text.split('\n').slice(1, 3)).toEqual([
      expect.stringMatching(/slack:U3 recorded change/),
      expect.stringMatching(/slack:U2 silenced db-1/),
    ]);
    expect((await say('what have I done?', 'U1')).text).toMatch(
      /^1 thing done by you over the last 24 h, newest first:\n• .* slack:U1 approved /,
    );
    expect((await say('what did U7 do today?', 'U3')).text).toMatch(/^Nothing done by "u7" today \(UTC\), as far as the records go/);
    // The verb asked narrows it: what U2 silenced is the silence, not the acknowledgements.
    expect((await say('what did U2 silence?', 'U3')).text).toMatch(
      /^1 thing silenced by "u2" over the last 24 h, newest first:\n• .* slack:U2 silenced db-1 /,
    );
    expect((await say('what did U1 approve today?', 'U3')).text.split('\n')[1]).toMatch(new RegExp(`slack:U1 approved ${pending.id} `));
    expect((await say('what did I deny today?', 'U1')).text).toBe('Nothing denied by you today (UTC), as far as the records go.');
    // The pipeline's own moves are not a person's.
    expect(all.join('\n')).not.toMatch(/pipeline|policy:|executor:/);
  });
});
