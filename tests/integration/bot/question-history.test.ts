import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);
const MIN = 60_000;

describe('"what did I ask you earlier?"', () => {
  it("lists the asker's own messages in that channel, newest first, and never another channel's or person's", async () => {
    const slack = createFakeChatAdapter('slack');
    const { tick, advance } = await startManualApp(bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] } } } }), {
      startTs: T0,
      adapters: [slack],
    });
    const say = async (text: string, user = 'U1', channel = 'C-OPS') => (await slashCommand(slack, text, user, channel)).text;
    await tick(2);
    expect(await say('what did I ask you earlier?')).toMatch(
      /^You have not asked me anything here that I still hold \(I keep your last 10/,
    );
    await say('cpu on web-1');
    advance(2 * MIN);
    await say('flibbertigibbet the frobnicator');
    // In a direct message: kept there, never shown in the shared channel.
    await say('is my secret db password weak', 'U1', 'D-U1');
    // Someone else in the same channel.
    await say('memory on db-1', 'U2');
    advance(MIN);
    const listed = (await say('what did I ask you earlier?')).split('\n');
    expect(listed[0]).toMatch(/^Your last 2 questions here, newest first/);
    expect(listed[1]).toMatch(/^• "flibbertigibbet the frobnicator", 2026-11-02 10:0\d:\d\d UTC \(60 s ago\): not understood$/);
    expect(listed[2]).toMatch(/^• "cpu on web-1", 2026-11-02 10:0\d:\d\d UTC \(3 min( \d+ s)? ago\)$/);
    expect(listed.join('\n')).not.toMatch(/secret|db-1/);
    // The question about questions is not listed, so "the last one" is the one before it.
    expect(await say('what was my last question?')).toMatch(
      /^Your last question here: "flibbertigibbet the frobnicator", 2026-11-02 10:0\d:\d\d UTC \(60 s ago\): not understood\.\n"Again"/,
    );
    expect(await say('what did I just ask?', 'U1', 'D-U1')).toMatch(/^Your last question here: "is my secret db password weak"/);
    expect(await say('my recent questions', 'U2')).toMatch(/\n• "memory on db-1", /);
    // Kept a day: after that, nothing.
    advance(25 * 60 * MIN);
    expect(await say('question history')).toMatch(/^You have not asked me anything here/);
  });

  it('keeps the last ten, and shows a long question cut short', async () => {
    const slack = createFakeChatAdapter('slack');
    const { tick } = await startManualApp(bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS'] } } } }), {
      startTs: T0,
      adapters: [slack],
    });
    await tick(1);
    for (let k = 1; k <= 12; k++) await slashCommand(slack, `cpu on web-1 question ${k}`, 'U1');
    await slashCommand(slack, `what is ${'very '.repeat(60)}long`, 'U1');
    const lines = (await slashCommand(slack, 'what have I asked today?', 'U1')).text.split('\n');
    expect(lines[0]).toMatch(/^Your last 10 questions here/);
    expect(lines[1]).toMatch(/^• "what is (very ){30}ve…", /);
    expect(lines[10]).toMatch(/^• "cpu on web-1 question 4", /);
  });
});
