import { describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../src/bot/discord/discord-adapter.js';
import { parseActionRef, type NeutralMessage } from '../../src/core/chat.js';
import { CHAN, startFakeDiscord } from '../fakes/fake-discord.js';
import { captureLogger } from '../helpers/test-config.js';
import { runChatAdapterContract } from './chat-adapter-contract.js';

type Body = {
  embeds?: { title?: string; fields?: { name: string; value: string }[] }[];
  components?: { components: { custom_id?: string; style?: number; label?: string; url?: string }[] }[];
};

/** Reads an embed + button row back into the neutral shape the contract checks. */
function fromEmbed(b: Body): NeutralMessage {
  const e = b.embeds?.[0] ?? {};
  const status = e.fields?.find((f) => f.name === 'status')?.value.replace(/\\(.)/g, '$1');
  return {
    title: e.title ?? '',
    severity: 'warning',
    text: '',
    fields: [],
    actions: (b.components?.[0]?.components ?? [])
      .filter((c) => c.custom_id)
      .map((c) => {
        const [, action, value] = c.custom_id!.split(':');
        return { ...parseActionRef(action, value)!, label: '' };
      }),
    links: (b.components?.[0]?.components ?? []).filter((c) => c.style === 5).map((c) => ({ label: c.label!, url: c.url! })),
    status,
  };
}

const discordAdapterFor = (apiUrl: string) =>
  createDiscordAdapter({ token: 'fake.bot.token', apiUrl, command: 'ops', listenChannels: [], logger: captureLogger() });

runChatAdapterContract('discord (real discord.js client)', async () => {
  const discord = await startFakeDiscord();
  const adapter = discordAdapterFor(discord.api);
  const answer = async (token: string) => {
    await expect.poll(() => discord.edits(token).length, { timeout: 5000 }).toBe(1);
    return String(discord.edits(token)[0]!.body!.content);
  };
  return {
    adapter,
    channel: CHAN,
    read: async (ref) => {
      const m = discord.messages.get(ref.id)!;
      return { msg: fromEmbed(m.body as Body), thread: m.channel === CHAN ? undefined : m.channel };
    },
    sendText: async (text, user) => answer(discord.command('ask', [{ name: 'question', type: 3, value: text }], user).token),
    click: async (action, value, user) => answer(discord.click(`sco:${action}:${value}`, '800000000000000001', user).token),
    close: () => discord.close(),
  };
});

describe('discord: a surfaced thread reply', () => {
  it('is a reply to the alert in its channel (threads do not show there); a plain reply goes in the thread', async () => {
    const discord = await startFakeDiscord();
    const adapter = discordAdapterFor(discord.api);
    await adapter.start();
    try {
      const parent = await adapter.post(CHAN, { title: 'alert', severity: 'critical', text: '', fields: [], actions: [] });
      const surfaced = await adapter.post(
        CHAN,
        { title: 'Still open', severity: 'critical', text: '', fields: [], actions: [], surface: true },
        { thread: parent.id },
      );
      const plain = await adapter.post(
        CHAN,
        { title: 'Resolved', severity: 'ok', text: '', fields: [], actions: [] },
        { thread: parent.id },
      );
      expect(discord.messages.get(surfaced.id)).toMatchObject({ channel: CHAN, body: { message_reference: { message_id: parent.id } } });
      expect(discord.messages.get(plain.id)!.channel).toBe(parent.id);
      // Edits of the surfaced reply go to the channel it is in.
      await adapter.update(surfaced, { title: 'Still open (resolved since)', severity: 'ok', text: '', fields: [], actions: [] });
      expect(JSON.stringify(discord.messages.get(surfaced.id)!.versions.at(-1))).toContain('resolved since');
    } finally {
      await adapter.stop();
      await discord.close();
    }
  });
});
