import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  RateLimitError,
  Routes,
  type ChatInputCommandInteraction,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type Message,
} from 'discord.js';
import type { ChatAdapter, ChatEvent, ChatReply, ChatUser, MessageRef } from '../../core/chat.js';
import { RateLimitedError } from '../../core/errors.js';
import type { Logger } from '../../core/ports.js';
import { commandText, fieldOf, readFocused, readSubcommand } from './discord-commands.js';
import { MAX_CHOICES, type Choice, type SuggestField } from '../suggest-options.js';
import { parseCustomId, renderEmbed, renderReplyContent, renderReplyParts } from './render-embed.js';
import { guardGatewayPackets } from './guard-gateway-packets.js';

export interface DiscordAdapterOptions {
  token: string;
  apiUrl?: string;
  command: string;
  /** Channels where plain messages (not only mentions) are answered. */
  listenChannels: string[];
  logger: Logger;
  readyTimeoutMs?: number;
  /** The choices an option's picker offers as the user types (suggest-options.ts); none without it. */
  suggest?: (field: SuggestField, typed: string) => Choice[];
}

const THREAD_EXISTS = 160004;

function rolesOf(member: unknown): string[] {
  const roles = (member as { roles?: unknown } | null)?.roles;
  if (Array.isArray(roles)) return roles.map(String);
  const cache = (roles as { cache?: Map<string, unknown> } | undefined)?.cache;
  return cache ? [...cache.keys()] : [];
}

function userOf(i: { user: { id: string; username: string }; member: unknown }): ChatUser {
  return { platform: 'discord', id: i.user.id, name: i.user.username, roles: rolesOf(i.member) };
}

/**
 * Discord through a real discord.js v14 client: the /ops command and buttons over the gateway,
 * alerts as embeds over REST. Every interaction is deferred at once (Discord's 3 s limit) and edited
 * when the answer is ready.
 */
export function createDiscordAdapter(o: DiscordAdapterOptions): ChatAdapter & { client: Client } {
  const client = new Client({
    intents: [
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
      GatewayIntentBits.MessageContent,
    ],
    partials: [Partials.Channel],
    rest: {
      ...(o.apiUrl ? { api: o.apiUrl } : {}),
      retries: 1,
      // Alert traffic goes back to the outbox on a rate limit rather than blocking a tick.
      rejectOnRateLimit: (d) => d.route.startsWith('/channels'),
    },
  });
  guardGatewayPackets(client, o.logger);
  let handler: ((e: ChatEvent) => Promise<ChatReply>) | undefined;
  let state = 'idle';
  let lastEvent: number | null = null;
  const handle = async (e: ChatEvent): Promise<ChatReply> =>
    handler ? handler(e) : { text: 'Not ready yet.', intent: 'error', private: true };

  client.on(Events.ClientReady, () => (state = 'ready'));
  client.on(Events.ShardDisconnect, () => (state = 'disconnected'));
  client.on(Events.ShardReconnecting, () => (state = 'reconnecting'));
  client.on(Events.ShardResume, () => (state = 'ready'));
  client.on(Events.ShardReady, () => (state = 'ready'));
  client.on(Events.Error, (err) => o.logger.error({ err }, 'discord client error'));

  async function onCommand(i: ChatInputCommandInteraction): Promise<void> {
    const { sub, opts } = readSubcommand(i.options.data);
    const decision = sub === 'approve' || sub === 'deny';
    await i.deferReply(decision ? { flags: MessageFlags.Ephemeral } : {});
    const text = commandText(sub, opts);
    const reply = await handle({ kind: 'text', platform: 'discord', user: userOf(i), channel: i.channelId, text, source: 'command' });
    // Attachments (pending proposals) come as embeds with their Approve / Deny buttons.
    const rich = (reply.messages ?? []).slice(0, 5).map(renderEmbed);
    const [first, ...more] = renderReplyParts(reply.text);
    await i.editReply({
      content: first!,
      embeds: rich.flatMap((r) => r.embeds) as never,
      components: rich.flatMap((r) => r.components) as never,
      allowedMentions: { parse: [] },
    });
    for (const content of more)
      await i.followUp({ content, allowedMentions: { parse: [] }, ...(decision ? { flags: MessageFlags.Ephemeral } : {}) });
  }

  async function onButton(i: ButtonInteraction): Promise<void> {
    const parsed = parseCustomId(i.customId);
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    // A button we cannot read (forged, or from a build with other ids) still gets an answer:
    // silence would leave Discord showing "This interaction failed".
    const reply = parsed
      ? await handle({ kind: 'action', platform: 'discord', user: userOf(i), channel: i.channelId, ...parsed })
      : { text: 'I could not read that button.' };
    // The alert itself is edited by the notifier; the clicker gets the outcome privately.
    await i.editReply({ content: renderReplyContent(reply.text), allowedMentions: { parse: [] } });
  }

  // Discord gives 3 s to answer and shows nothing on a failure: an unreadable or failing one gets no choices.
  async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
    const f = readFocused(i.options.data as never);
    const field = f && fieldOf(f.sub, f.option);
    let choices: Choice[] = [];
    try {
      choices = field && o.suggest ? o.suggest(field, f.typed) : [];
    } catch (err) {
      o.logger.warn({ err }, 'discord autocomplete failed');
    }
    await i.respond(choices.slice(0, MAX_CHOICES));
  }

  client.on(Events.InteractionCreate, (i) => {
    lastEvent = Date.now();
    const ours = o.command.replace(/^\//, '');
    const run = i.isChatInputCommand()
      ? i.commandName === ours
        ? onCommand(i)
        : // A command the application still has registered from elsewhere would show "did not respond".
          i.reply({ content: `This app answers /${ours}; /${i.commandName} is not set up here.`, flags: MessageFlags.Ephemeral })
      : i.isButton()
        ? onButton(i)
        : i.isAutocomplete()
          ? onAutocomplete(i)
          : undefined;
    void run?.catch(async (err: unknown) => {
      o.logger.error({ err }, 'discord interaction failed');
      // Whatever failed, the user's deferred reply must not stay "thinking" for ever.
      if (i.isRepliable() && i.deferred && !i.replied)
        await i.editReply({ content: 'Something went wrong answering that; the error is in the bot log.' }).catch(() => undefined);
    });
  });

  client.on(Events.MessageCreate, (m: Message) => {
    lastEvent = Date.now();
    if (m.author.bot) return;
    const me = client.user?.id;
    const mentioned = me !== undefined && m.mentions.users.has(me);
    if (!mentioned && m.guildId && !o.listenChannels.includes(m.channelId)) return;
    const text = m.content.replace(/<@!?\d+>/g, ' ').trim();
    void handle({
      kind: 'text',
      platform: 'discord',
      user: { platform: 'discord', id: m.author.id, name: m.author.username, roles: rolesOf(m.member) },
      channel: m.channelId,
      // A message in an alert's thread (whose id is the alert's) is about that alert, whatever it
      // replies to there; in a channel, a reply to an alert (or one of its reminders) is.
      thread: m.channel.isThread() ? m.channelId : (m.reference?.messageId ?? m.channelId),
      text,
      source: mentioned ? 'mention' : 'message',
    })
      .then(async (reply) => {
        for (const content of renderReplyParts(reply.text)) await m.reply({ content, allowedMentions: { parse: [], repliedUser: false } });
      })
      .catch((err: unknown) => o.logger.error({ err }, 'discord message failed'));
  });

  function toError(err: unknown): Error {
    if (err instanceof RateLimitError) return new RateLimitedError('discord rate limited', err.retryAfter || err.timeToReset || 1000);
    if (err instanceof DiscordAPIError && err.status === 429) return new RateLimitedError('discord rate limited', 1000);
    return err instanceof Error ? err : new Error(String(err));
  }

  return {
    platform: 'discord',
    client,
    async start() {
      state = 'connecting';
      const ready = new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('discord gateway did not become ready')), o.readyTimeoutMs ?? 30_000);
        client.once(Events.ClientReady, () => {
          clearTimeout(t);
          resolve();
        });
      });
      await client.login(o.token);
      await ready;
    },
    async stop() {
      state = 'stopped';
      await client.destroy();
    },
    async post(channel, msg, opts): Promise<MessageRef> {
      try {
        if (opts?.thread && msg.surface) {
          // Thread messages do not show in the channel; a reply to the alert does, and links to it.
          const body = { ...renderEmbed(msg), message_reference: { message_id: opts.thread, fail_if_not_exists: false } };
          const r = (await client.rest.post(Routes.channelMessages(channel), { body })) as { id: string };
          return { platform: 'discord', channel, id: r.id };
        }
        let target = channel;
        if (opts?.thread) {
          // A thread started from a message has that message's id as its channel id.
          await client.rest
            .post(Routes.threads(channel, opts.thread), {
              body: { name: msg.title.slice(0, 90) || 'follow-ups', auto_archive_duration: 1440 },
            })
            .catch((err: unknown) => {
              if (!(err instanceof DiscordAPIError && err.code === THREAD_EXISTS)) throw err;
            });
          target = opts.thread;
        }
        const r = (await client.rest.post(Routes.channelMessages(target), { body: renderEmbed(msg) })) as { id: string };
        return { platform: 'discord', channel, id: r.id, thread: opts?.thread };
      } catch (err) {
        throw toError(err);
      }
    },
    async update(ref, msg) {
      try {
        await client.rest.patch(Routes.channelMessage(ref.thread ?? ref.channel, ref.id), { body: renderEmbed(msg) });
      } catch (err) {
        throw toError(err);
      }
    },
    onEvent(h) {
      handler = h;
    },
    health: () => ({ ok: state === 'ready', state, ping: client.ws.ping, lastEvent: lastEvent ? new Date(lastEvent).toISOString() : null }),
  };
}
