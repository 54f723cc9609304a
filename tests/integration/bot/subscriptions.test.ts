import { describe, expect, it } from 'vitest';
import type { ChatAdapter } from '../../../src/core/chat.js';
import { createFakeChatAdapter, slashCommand } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

async function setup() {
  const slack = createFakeChatAdapter('slack');
  const discord = createFakeChatAdapter('discord');
  const config = bootIncidentConfig({
    overrides: {
      chat: {
        channels: { slack: ['C-OPS'], discord: ['900000000000000001'] },
        remind: { afterMinutes: 1, severities: ['critical', 'warning'] },
        // The route's own mention stays; subscribers are added beside it.
        routes: [
          {
            match: { severities: ['critical'] },
            slack: ['C-OPS'],
            discord: ['900000000000000001'],
            mentions: { slack: ['<!here>'] },
            continue: true,
          },
        ],
      },
    },
  });
  const m = await startManualApp(config, { startTs: T0, adapters: [slack, discord as ChatAdapter] });
  return { ...m, slack, discord };
}

const alertsOn = (chat: ReturnType<typeof createFakeChatAdapter>, target: string) =>
  [...chat.messages.values()].filter((x) => !x.thread && new RegExp(`anomal(y|ies) on ${target}$`).test(x.versions[0]!.title));

describe('subscriptions in chat', () => {
  it('mention the subscriber on new alerts that match, on their own platform only, until they unfollow', async () => {
    const { app, slack, discord, tick } = await setup();
    const follow = await slashCommand(slack, 'notify me about web-1 alerts', 'U5');
    expect(follow.text).toMatch(
      /^Following alerts on web-1, until you unfollow: each new alert that matches mentions you where it is posted on Slack \(su_\w+\)\./,
    );
    expect((await slashCommand(slack, 'subscribe me to critical alerts on db-1', 'U6')).text).toMatch(/^Following critical alerts on db-1/);
    expect((await slashCommand(discord, 'follow web-1', '900000000000000009')).text).toMatch(/posted on Discord/);
    // Asking twice changes nothing; the web console has no mentions.
    expect((await slashCommand(slack, 'follow web-1', 'U5')).text).toMatch(
      /^You already follow alerts on web-1 \(su_\w+\), until you unfollow; nothing changed\.$/,
    );
    // A user id not shaped as the platform makes them is no mention.
    expect((await slashCommand(slack, 'follow web-1', 'u5 <!channel>')).text).toBe('Nothing subscribed: I cannot mention that user id.');
    const web = await app.chat.handle({
      kind: 'text',
      platform: 'web',
      user: { platform: 'web', id: 'op', roles: [] },
      channel: 'console',
      text: 'follow web-1',
      source: 'console',
    });
    expect(web.text).toMatch(/^Nothing subscribed: a subscription is a mention on Slack or Discord alerts/);

    await tick(4);
    const [first] = alertsOn(slack, 'web-1');
    expect(first, 'the boot incident alerts on web-1').toBeDefined();
    expect(first!.versions[0]!.mentions).toEqual(expect.arrayContaining(['<@U5>']));
    expect(first!.versions[0]!.mentions).not.toContain('<@U6>');
    expect(first!.versions[0]!.mentions).not.toContain('<@900000000000000009>');
    expect(alertsOn(discord, 'web-1')[0]!.versions[0]!.mentions).toEqual(expect.arrayContaining(['<@900000000000000009>']));

    // A reminder of that alert mentions them as it mentions the route's.
    await tick(3);
    const reminder = [...slack.messages.values()].find((x) => x.thread === first!.id && x.msg.title.startsWith('Still open after'));
    expect(reminder?.msg.mentions).toEqual(expect.arrayContaining(['<@U5>']));
    expect((await slashCommand(slack, 'my subscriptions', 'U5')).text).toMatch(
      /^1 subscription of yours:\n• su_\w+: alerts on web-1, slack:U5, until you unfollow$/,
    );
    expect((await slashCommand(slack, 'who follows web-1?', 'U1')).text.split('\n')).toHaveLength(3);
    expect((await slashCommand(slack, 'unfollow web-1', 'U5')).text).toMatch(
      /^Unfollowed alerts on web-1 \(su_\w+\): new alerts there no longer mention you\.$/,
    );
    expect((await slashCommand(slack, 'unfollow web-1', 'U5')).text).toMatch(/^You follow nothing on web-1; nothing changed\./);
    expect(app.store.records(10, undefined, 'subscription_removed')[0]!.data).toMatchObject({ actor: 'slack:U5' });
    // The audit log says who followed what.
    expect((await slashCommand(slack, 'audit log', 'U1')).text).toMatch(/slack:U5 followed alerts on web-1 \(su_\w+\)/);
  });
});
