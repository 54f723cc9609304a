import { expect } from 'vitest';
import { createDiscordAdapter } from '../../src/bot/discord/discord-adapter.js';
import { parseActionRef, type NeutralMessage } from '../../src/core/chat.js';
import { CHAN, startFakeDiscord } from '../fakes/fake-discord.js';
import { captureLogger } from '../helpers/test-config.js';
import { runChatAdapterContract } from './chat-adapter-contract.js';

type Body = {
  embeds?: { title?: string; fields?: { name: string; value: string }[] }[];
  components?: { components: { custom_id: string }[] }[];
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
    actions: (b.components?.[0]?.components ?? []).map((c) => {
      const [, action, value] = c.custom_id.split(':');
      return { ...parseActionRef(action, value)!, label: '' };
    }),
    status,
  };
}

runChatAdapterContract('discord (real discord.js client)', async () => {
  const discord = await startFakeDiscord();
  const adapter = createDiscordAdapter({
    token: 'fake.bot.token',
    apiUrl: discord.api,
    command: 'ops',
    listenChannels: [],
    logger: captureLogger(),
  });
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
