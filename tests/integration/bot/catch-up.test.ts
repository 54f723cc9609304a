import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

// 10:00 UTC.
const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);
const MIN = 60_000;

describe('"catch me up" and "what\'s new since I last asked?"', () => {
  it('reach back to when the asker went away, or to their last question, else the last day', async () => {
    const slack = createFakeChatAdapter('slack');
    const { tick, advance } = await startManualApp(bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] } } } }), {
      startTs: T0,
      adapters: [slack],
    });
    const say = async (text: string, user = 'U1') => (await slashCommand(slack, text, user)).text.split('\n')[0]!;
    await tick(2);
    // A first question: nothing to reach back to, so the last day.
    expect(await say('catch me up')).toMatch(/in the last 24 h/);
    await say('status');
    // Away for two hours; meanwhile the pipeline goes on.
    advance(2 * 60 * MIN);
    await tick(3);
    expect(await say('catch me up')).toMatch(/ since your last question \(2026-11-02 10:0\d:\d\d UTC, 2 h( \d+ min)? ago\)/);
    // A minute later the last question is the catch-up itself; "catch me up" still reaches back to when they left.
    advance(2 * MIN);
    expect(await say('catch me up')).toMatch(/ since you were last here \(2026-11-02 10:0\d:\d\d UTC, 2 h \d+ min ago\)/);
    advance(2 * MIN);
    expect(await say("what's new since I last asked?")).toMatch(/ since your last question \(2026-11-02 12:0\d:\d\d UTC, 2 min ago\)/);
    // "At lunch": since the asker was last here where known, else since lunch began.
    expect(await say('what did I miss while at lunch?')).toMatch(/ since you were last here \(2026-11-02 10:0\d:\d\d UTC/);
    expect(await say('what happened while I was at lunch?', 'U3')).toMatch(/ since 2026-11-02 12:00:00 UTC/);
    // Someone else has no history of their own.
    expect(await say('catch me up', 'U2')).toMatch(/in the last 24 h/);
    // Asked again at once: since that question, however recent; what is new is what opened between.
    advance(20_000);
    expect(await say("what's new since I last asked?", 'U2')).toMatch(/ since your last question \(2026-11-02 12:0\d:\d\d UTC, 20 s ago\)/);
  });
});
