import { App, LogLevel, type RespondFn } from '@slack/bolt';
import type { ChatAdapter, ChatEvent, ChatReply, MessageRef } from '../../core/chat.js';
import { RateLimitedError } from '../../core/errors.js';
import type { Logger } from '../../core/ports.js';
import type { SidePort } from '../../http/side-port.js';
import { parseBlockAction, parseMessageEvent, parseSlashCommand } from './parse-slack.js';
import { renderBlocks, renderReplyText } from './render-blocks.js';
import { SidePortReceiver } from './side-port-receiver.js';
import { guardSocketFrames, type GuardedSocketClient } from './guard-socket-frames.js';
import { createSocketWatchdog, onWebSocketHeartbeat } from './socket-watchdog.js';
import { createHomeTab, type HomeView } from './home-tab.js';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface SlackAdapterOptions {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  command: string;
  logger: Logger;
  /** Socket Mode: reconnect when nothing (event or ping) arrived for this long. */
  watchdogMs: number;
  now?: () => number;
  /** The Home tab for a user: what needs attention, and the proposals waiting (with their buttons). */
  home?: (user: string) => HomeView;
  /** What each viewer's Home tab lists, for its refresh (home-tab.ts). */
  homeKeys?: () => (user: string) => string;
}

interface SocketClient extends GuardedSocketClient {
  disconnect(): Promise<void>;
  start(): Promise<unknown>;
}

function boltLogger(l: Logger) {
  let level = LogLevel.WARN;
  return {
    debug: (...m: unknown[]) => l.debug({ slack: m.map(String).join(' ') }),
    info: (...m: unknown[]) => l.info({ slack: m.map(String).join(' ') }),
    warn: (...m: unknown[]) => l.warn({ slack: m.map(String).join(' ') }),
    error: (...m: unknown[]) => l.error({ slack: m.map(String).join(' ') }),
    setLevel: (v: typeof level) => void (level = v),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/**
 * Slack through the real Bolt app, in HTTP mode (Events API, slash commands and interactivity at
 * /slack/events on the side port) or, with an app token, Socket Mode. Every command and click is
 * acked at once; the answer follows through response_url (commands, clicks) or a threaded reply.
 */
export function createSlackAdapter(o: SlackAdapterOptions): ChatAdapter & { register(port: SidePort): void } {
  const socket = Boolean(o.appToken);
  if (!socket && !o.signingSecret)
    throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  let lastEventTs: number | null = null;
  let state = socket ? 'starting' : 'http';
  const touch = () => (lastEventTs = Date.now());
  const receiver = socket
    ? undefined
    : new SidePortReceiver({ signingSecret: o.signingSecret!, logger: o.logger, now: o.now, onEvent: touch });
  const app = new App({
    token: o.botToken,
    ...(socket ? { socketMode: true, appToken: o.appToken } : { receiver }),
    logger: boltLogger(o.logger),
    clientOptions: { slackApiUrl: o.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
  });
  let handler: ((e: ChatEvent) => Promise<ChatReply>) | undefined;
  const handle = async (e: ChatEvent | undefined): Promise<ChatReply> =>
    e && handler ? handler(e) : { text: 'I could not read that request.', intent: 'bad_input', private: true };

  // response_url is Slack's; when it cannot be reached the one reply is lost, and the bot carries on.
  const reply = async (respond: RespondFn | undefined, message: Parameters<RespondFn>[0]) => {
    if (!respond) return o.logger.warn({}, 'slack request without a response_url; reply dropped');
    await respond(message).catch((err: unknown) => o.logger.warn({ err: (err as Error).message }, 'slack reply via response_url failed'));
  };

  app.command(o.command, async ({ ack, command, respond }) => {
    await ack();
    const answer = await handle(parseSlashCommand(command));
    const blocks = (answer.messages ?? []).slice(0, 5).flatMap((m) => renderBlocks(m).blocks);
    await reply(respond, {
      response_type: answer.private ? 'ephemeral' : 'in_channel',
      text: renderReplyText(answer.text),
      ...(blocks.length
        ? { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: renderReplyText(answer.text).slice(0, 2900) } }, ...blocks] }
        : {}),
    } as never);
  });
  // A command the manifest routes here but we do not serve would otherwise show nothing at all.
  app.command(new RegExp(`^(?!${escapeRegExp(o.command)}$)`), async ({ ack, command }) => {
    await ack({
      response_type: 'ephemeral',
      text: `This app answers ${o.command}; ${command.command || 'that command'} is not set up here.`,
    });
  });
  // Link buttons open in the browser; the click still arrives and must be acknowledged.
  app.action(/^sco_link_\d+$/, async ({ ack }) => {
    await ack();
  });
  // A button we cannot read (another app's, or one from a message of an older release) gets a clear
  // private answer instead of Slack's warning triangle.
  app.action(/^(?!sco_(approve|deny|silence|ack|link_\d+)$)/, async ({ ack, respond }) => {
    await ack();
    await reply(respond, { response_type: 'ephemeral', replace_original: false, text: 'I could not read that button.' });
  });
  app.action(/^sco_(approve|deny|silence|ack)$/, async ({ ack, body, action, respond }) => {
    await ack();
    const answer = await handle(parseBlockAction(body as never, action as { action_id?: string; value?: string }));
    // A click on the Home tab has no response_url: the tab is published again, with the outcome on top.
    const home = (body as { view?: { type?: string }; user?: { id?: string } }).view?.type === 'home';
    if (home) return publishHome((body as { user: { id: string } }).user.id, answer.text);
    // The alert itself is updated in place by the notifier; the clicker gets the outcome privately.
    await reply(respond, { response_type: 'ephemeral', replace_original: false, text: renderReplyText(answer.text) });
  });
  const homeTab = o.home
    ? createHomeTab({
        home: o.home,
        ...(o.homeKeys ? { keys: o.homeKeys } : {}),
        publish: (user, blocks) => app.client.views.publish({ user_id: user, view: { type: 'home', blocks } } as never),
        logger: o.logger,
        now: o.now ?? Date.now,
        command: o.command,
      })
    : undefined;
  const publishHome = async (user: string, notice?: string) => homeTab?.publish(user, notice);
  app.event('app_home_opened', async ({ event }) => {
    const e = event as { tab?: string; user?: string };
    if (e.tab === 'home' && typeof e.user === 'string') await homeTab?.opened(e.user);
  });
  const onMessage = async ({ event, say }: { event: unknown; say: (m: { text: string; thread_ts?: string }) => Promise<unknown> }) => {
    const e = parseMessageEvent(event as never);
    if (!e || e.kind !== 'text') return;
    const reply = await handle(e);
    await say({ text: renderReplyText(reply.text), thread_ts: e.thread });
  };
  app.event('app_mention', onMessage as never);
  app.message(onMessage as never);
  app.error(async (err) => o.logger.error({ err }, 'slack listener failed'));

  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  const client = socket ? ((app as unknown as { receiver: { client: SocketClient } }).receiver.client as SocketClient) : undefined;
  const watchdog = createSocketWatchdog({
    quietMs: o.watchdogMs,
    now: () => Date.now(),
    isConnected: () => state === 'connected',
    reconnect: async () => {
      await client!.disconnect();
      await client!.start();
    },
    onReconnect: (quietMs) => {
      reconnects++;
      o.logger.warn({ quietMs }, 'slack socket quiet for too long; reconnecting');
    },
  });
  let reconnects = 0;
  const guard = client ? guardSocketFrames(client, o.logger) : undefined;
  if (client) {
    for (const s of ['connecting', 'connected', 'reconnecting', 'disconnected', 'disconnecting']) client.on(s, () => (state = s));
    client.on('connected', () => watchdog.alive());
    client.on('slack_event', () => {
      touch();
      watchdog.alive();
    });
  }

  function toError(err: unknown): Error {
    const e = err as { code?: string; retryAfter?: number; message?: string };
    if (e.code === 'slack_webapi_rate_limited_error') return new RateLimitedError('slack rate limited', (e.retryAfter ?? 1) * 1000);
    return err instanceof Error ? err : new Error(String(err));
  }

  return {
    platform: 'slack',
    async start() {
      if (!socket) return;
      unsubscribe = onWebSocketHeartbeat(() => watchdog.alive());
      await app.start();
      timer = setInterval(
        () => void watchdog.check().catch((err: unknown) => o.logger.error({ err }, 'slack reconnect failed')),
        Math.min(o.watchdogMs, 10_000),
      );
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      unsubscribe?.();
      guard?.stop();
      if (socket) await app.stop().catch(() => undefined);
    },
    async post(channel, msg, opts): Promise<MessageRef> {
      try {
        const broadcast = opts?.thread && msg.surface ? { reply_broadcast: true } : {};
        const r = await app.client.chat.postMessage({ channel, ...renderBlocks(msg), thread_ts: opts?.thread, ...broadcast } as never);
        return { platform: 'slack', channel: (r.channel as string) ?? channel, id: r.ts as string, thread: opts?.thread };
      } catch (err) {
        throw toError(err);
      }
    },
    async update(ref, msg) {
      try {
        await app.client.chat.update({ channel: ref.channel, ts: ref.id, ...renderBlocks(msg) } as never);
      } catch (err) {
        throw toError(err);
      }
    },
    onEvent(h) {
      handler = h;
    },
    async refresh() {
      await homeTab?.refresh();
    },
    health: () => ({
      ok: !socket || state === 'connected',
      mode: socket ? 'socket' : 'http',
      state,
      lastEvent: lastEventTs ? new Date(lastEventTs).toISOString() : null,
      ...(socket ? { lastHeartbeat: new Date(watchdog.lastAlive).toISOString(), watchdogReconnects: reconnects } : {}),
    }),
    register(port: SidePort) {
      if (receiver) port.route('POST', '/slack/events', (req) => receiver.handle(req), { maxBody: 1 << 20 });
    },
  };
}
