import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const APP_ID = '111111111111111111';
export const GUILD = '222222222222222222';
export const CHAN = '333333333333333333';

export interface RestCall {
  method: string;
  path: string;
  auth?: string;
  body?: Record<string, unknown> & {
    embeds?: { title?: string; fields?: { name: string; value: string }[] }[];
    components?: { components: { custom_id: string }[] }[];
  };
}

const author = { id: APP_ID, username: 'opsbot', discriminator: '0', avatar: null, bot: true, global_name: null };

function message(id: string, channelId: string, body: Record<string, unknown> = {}) {
  return {
    id,
    channel_id: channelId,
    content: (body.content as string) ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    author,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    type: 0,
    attachments: [],
    mentions: [],
    mention_roles: [],
    pinned: false,
    tts: false,
    mention_everyone: false,
    flags: 0,
  };
}

/**
 * A local Discord: REST (channel messages, threads, command registration, interaction callbacks and
 * webhook edits) and a gateway (HELLO, IDENTIFY → READY, heartbeats, RESUME), on 127.0.0.1.
 */
export async function startFakeDiscord() {
  const calls: RestCall[] = [];
  const messages = new Map<string, { channel: string; body: Record<string, unknown>; versions: Record<string, unknown>[] }>();
  let rateLimits = 0;
  let seq = 0;
  let nextId = 800000000000000000n;
  const id = () => String(++nextId);
  const sockets: WebSocket[] = [];
  let identifies = 0;
  let resumes = 0;

  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => wss.on('listening', r));
  const gwUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  const dispatch = (sock: WebSocket, t: string, d: unknown) => sock.send(JSON.stringify({ op: 0, t, s: ++seq, d }));
  wss.on('connection', (s) => {
    sockets.push(s);
    s.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
    s.on('message', (raw) => {
      const m = JSON.parse(raw.toString()) as { op: number; d: unknown };
      if (m.op === 1) s.send(JSON.stringify({ op: 11 }));
      if (m.op === 2) {
        identifies++;
        dispatch(s, 'READY', {
          v: 10,
          user: { ...author },
          guilds: [{ id: GUILD, unavailable: true }],
          session_id: 'sess1',
          resume_gateway_url: gwUrl,
          application: { id: APP_ID, flags: 0 },
        });
        // The guild with its channel, so guild messages reach the client's cache.
        dispatch(s, 'GUILD_CREATE', {
          id: GUILD,
          name: 'ops-guild',
          icon: null,
          owner_id: '999999999999999999',
          roles: [GUILD, '666666666666666666'].map((id, i) => ({
            id,
            name: i ? 'ops' : '@everyone',
            permissions: '0',
            position: i,
            color: 0,
            hoist: false,
            managed: false,
            mentionable: false,
            flags: 0,
          })),
          emojis: [],
          stickers: [],
          features: [],
          channels: [{ id: CHAN, type: 0, name: 'ops', guild_id: GUILD, position: 0, permission_overwrites: [] }],
          threads: [],
          members: [],
          voice_states: [],
          presences: [],
          member_count: 2,
          unavailable: false,
          large: false,
          joined_at: '2024-01-01T00:00:00.000Z',
          premium_tier: 0,
          system_channel_flags: 0,
          verification_level: 0,
          default_message_notifications: 0,
          explicit_content_filter: 0,
          mfa_level: 0,
          nsfw_level: 0,
          preferred_locale: 'en-US',
        });
      }
      if (m.op === 6) {
        resumes++;
        dispatch(s, 'RESUMED', {});
      }
    });
  });

  const server = http.createServer((req, res) => {
    let b = '';
    req.on('data', (d: Buffer) => (b += d.toString()));
    req.on('end', () => {
      const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
      const body = b ? (JSON.parse(b) as RestCall['body']) : undefined;
      calls.push({ method: req.method ?? '', path, auth: req.headers.authorization, body });
      const send = (status: number, value?: unknown, headers: Record<string, string> = {}) => {
        if (status === 204) {
          res.writeHead(204, headers);
          return res.end();
        }
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(value));
      };
      if (path === '/api/v10/gateway/bot')
        return send(200, {
          url: gwUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14400000, max_concurrency: 1 },
        });
      if (req.method === 'PUT' && path.endsWith('/commands'))
        return send(
          200,
          (body as unknown as Record<string, unknown>[]).map((c, i) => ({
            id: String(900 + i),
            application_id: APP_ID,
            version: '1',
            ...c,
          })),
        );
      if (req.method === 'POST' && /\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return send(204);
      if (/\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) return send(200, message('555', CHAN, body));
      // A follow-up to an interaction: the parts of a reply past the first.
      if (req.method === 'POST' && /\/webhooks\/\d+\/[^/]+$/.test(path)) return send(200, message(id(), CHAN, body));
      let m = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
      if (m && req.method === 'POST') {
        if ([...messages.keys()].includes(`thread:${m[2]}`))
          return send(400, { message: 'A thread has already been created for this message', code: 160004 });
        messages.set(`thread:${m[2]}`, { channel: m[1]!, body: {}, versions: [] });
        return send(201, { id: m[2], type: 11, parent_id: m[1], name: body?.name });
      }
      m = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
      if (m && req.method === 'POST') {
        if (rateLimits > 0) {
          rateLimits--;
          return send(
            429,
            { message: 'You are being rate limited.', retry_after: 0.25, global: false },
            { 'retry-after': '1', 'x-ratelimit-scope': 'user' },
          );
        }
        const mid = id();
        messages.set(mid, { channel: m[1]!, body: body ?? {}, versions: [body ?? {}] });
        return send(200, message(mid, m[1]!, body));
      }
      m = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)$/.exec(path);
      if (m && req.method === 'PATCH') {
        const cur = messages.get(m[2]!);
        if (!cur) return send(404, { message: 'Unknown Message', code: 10008 });
        cur.body = body ?? {};
        cur.versions.push(cur.body);
        return send(200, message(m[2]!, m[1]!, body));
      }
      send(404, { message: 'Unknown', code: 0 });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;

  const member = (user: string, roles: string[] = []) => ({
    user: {
      id: user,
      username: user === '444444444444444444' ? 'alice' : `u${user.slice(-3)}`,
      discriminator: '0',
      avatar: null,
      global_name: null,
    },
    roles,
    permissions: '2147483647',
    joined_at: '2024-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
  });
  const base = (interactionId: string, token: string, user: string, roles: string[]) => ({
    id: interactionId,
    application_id: APP_ID,
    token,
    version: 1,
    guild_id: GUILD,
    channel_id: CHAN,
    channel: { id: CHAN, type: 0, guild_id: GUILD, name: 'ops' },
    member: member(user, roles),
    app_permissions: '0',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD },
    context: 0,
  });
  let interactions = 700000000000000000n;
  const live = () => sockets.filter((s) => s.readyState === s.OPEN).at(-1)!;

  return {
    api,
    calls,
    messages,
    get identifies() {
      return identifies;
    },
    get resumes() {
      return resumes;
    },
    sockets,
    rateLimitNext: (n = 1) => void (rateLimits += n),
    command(
      sub: string,
      options: { name: string; type: number; value: string | number }[],
      user = '444444444444444444',
      roles: string[] = [],
      name = 'ops',
    ) {
      const iid = String(++interactions);
      dispatch(live(), 'INTERACTION_CREATE', {
        ...base(iid, `tok${iid}`, user, roles),
        type: 2,
        data: { id: '900', name, type: 1, guild_id: GUILD, options: [{ name: sub, type: 1, options }] },
      });
      return { id: iid, token: `tok${iid}` };
    },
    /** Someone types into an option with a picker: an autocomplete interaction (type 4), the typed option focused. */
    autocomplete(sub: string, option: string, typed: string, user = '444444444444444444', name = 'ops') {
      const iid = String(++interactions);
      dispatch(live(), 'INTERACTION_CREATE', {
        ...base(iid, `tok${iid}`, user, []),
        type: 4,
        data: {
          id: '900',
          name,
          type: 1,
          guild_id: GUILD,
          options: [{ name: sub, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] }],
        },
      });
      return { id: iid, token: `tok${iid}` };
    },
    click(customId: string, messageId: string, user: string, roles: string[] = []) {
      const iid = String(++interactions);
      dispatch(live(), 'INTERACTION_CREATE', {
        ...base(iid, `tok${iid}`, user, roles),
        type: 3,
        message: message(messageId, CHAN),
        data: { custom_id: customId, component_type: 2 },
      });
      return { id: iid, token: `tok${iid}` };
    },
    /** Someone starts a thread from a message: Discord gives it the message's id and tells the bot (THREAD_CREATE). */
    openThread(messageId: string, channel = CHAN) {
      messages.set(`thread:${messageId}`, { channel, body: {}, versions: [] });
      dispatch(live(), 'THREAD_CREATE', {
        id: messageId,
        guild_id: GUILD,
        parent_id: channel,
        type: 11,
        name: 'on it',
        owner_id: '888888888888888888',
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
        member_count: 1,
        message_count: 0,
        newly_created: true,
      });
    },
    /** A message in a channel (or a thread: its id); `replyTo` makes it a reply to that message. */
    say(content: string, user: string, channel = CHAN, replyTo?: string) {
      dispatch(live(), 'MESSAGE_CREATE', {
        ...message(id(), channel, { content }),
        ...(replyTo ? { type: 19, message_reference: { message_id: replyTo, channel_id: channel, guild_id: GUILD } } : {}),
        guild_id: GUILD,
        author: { id: user, username: 'bob', discriminator: '0', avatar: null, global_name: null },
        member: member(user),
        mentions: content.includes(`<@${APP_ID}>`) ? [{ ...author }] : [],
      });
    },
    /** What the bot finally showed for an interaction (the edit of its deferred reply). */
    edits: (token: string) =>
      calls.filter((c) => c.method === 'PATCH' && c.path.includes(`/webhooks/${APP_ID}/${token}/messages/@original`)),
    /** The further messages of an interaction's reply, in order. */
    followUps: (token: string) => calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/webhooks/${APP_ID}/${token}`)),
    callbacks: (iid: string) => calls.filter((c) => c.path.includes(`/interactions/${iid}/`)),
    /** Any gateway frame as it is (a string) or as JSON, and a dispatch of any event with any data. */
    raw: (frame: unknown) => live().send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    dispatch: (t: string, d: unknown) => dispatch(live(), t, d),
    drop: () => live().terminate(),
    close: async () => {
      for (const s of sockets) s.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    },
  };
}
