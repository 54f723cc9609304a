import { describe, expect, it } from 'vitest';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

describe('a test alert', () => {
  it('is posted through the outbox to the alert channels, once a minute at most, and recorded', async () => {
    const slack = createFakeChatAdapter('slack');
    const config = bootIncidentConfig({ overrides: { chat: { channels: { slack: ['C-OPS', 'C-PAGE'] } } } });
    const { app, pump, advance } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    const say = async (text: string) => (await slashCommand(slack, text, 'U5', 'C-TEAM')).text;
    expect(await say('send a test alert')).toBe(
      'Sent a test alert to slack C-OPS, slack C-PAGE, web console (the alert channels); "delivery status" says whether it arrived.',
    );
    await pump();
    const sent = [...slack.messages.values()].filter((m) => m.msg.title === 'Test alert from SmartCloudOps');
    expect(sent.map((m) => m.channel).sort()).toEqual(['C-OPS', 'C-PAGE']);
    expect(sent[0]!.msg.text).toBe('Sent by slack:U5 to check that alerts reach this channel. Nothing is wrong and nothing needs doing.');
    expect(sent[0]!.msg.actions).toEqual([]);
    // A second within the minute is refused; after it, sent again.
    expect(await say('test alert')).toMatch(/^A test alert was sent at .*, less than a minute ago/);
    advance(61_000);
    expect(await say('test the slack integration')).toMatch(/^Sent a test alert to slack C-OPS, slack C-PAGE/);
    expect(app.store.records(10, undefined, 'test_alert').map((r) => r.data.actor)).toEqual(['slack:U5', 'slack:U5']);
    expect(await say('audit log')).toMatch(/slack:U5 sent a test alert to the alert channels/);
    // Nothing was detected or proposed by it.
    expect(app.store.openAnomalies().some((a) => a.summary.includes('Test'))).toBe(false);
  });

  it('goes to the web console alone when no chat channel is set', async () => {
    const slack = createFakeChatAdapter('slack');
    const { app } = await startManualApp(bootIncidentConfig(), { startTs: T0, adapters: [slack] });
    expect((await slashCommand(slack, 'send a test alert', 'U5')).text).toBe(
      'Sent a test alert to web console (the alert channels); "delivery status" says whether it arrived.',
    );
    expect(app.store.records(10, undefined, 'test_alert')).toHaveLength(1);
  });
});
