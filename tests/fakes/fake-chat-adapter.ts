import type { ChatAdapter, ChatEvent, ChatReply, MessageRef, NeutralMessage, Platform } from '../../src/core/chat.js';
import { RateLimitedError } from '../../src/core/errors.js';

export interface FakeMessage {
  id: string;
  channel: string;
  thread?: string;
  msg: NeutralMessage;
  versions: NeutralMessage[];
}

/** An in-memory chat platform with failure injection, for the contract and outbox tests. */
export function createFakeChatAdapter(platform: Platform = 'fake') {
  const messages = new Map<string, FakeMessage>();
  const calls: { op: 'post' | 'update'; channel: string; id: string; at: number }[] = [];
  let handler: ((e: ChatEvent) => Promise<ChatReply>) | undefined;
  let failures: (() => Error)[] = [];
  let seq = 0;

  const maybeFail = () => {
    const f = failures.shift();
    if (f) throw f();
  };

  const adapter: ChatAdapter & {
    messages: Map<string, FakeMessage>;
    calls: typeof calls;
    failNext(n: number, make?: () => Error): void;
    rateLimitNext(retryAfterMs: number): void;
    emit(e: ChatEvent): Promise<ChatReply>;
  } = {
    platform,
    messages,
    calls,
    async start() {},
    async stop() {},
    async post(channel, msg, opts): Promise<MessageRef> {
      maybeFail();
      const id = `m${++seq}`;
      messages.set(id, { id, channel, thread: opts?.thread, msg, versions: [msg] });
      calls.push({ op: 'post', channel, id, at: Date.now() });
      return { platform, channel, id, thread: opts?.thread };
    },
    async update(ref, msg) {
      maybeFail();
      const m = messages.get(ref.id);
      if (!m) throw new Error(`no message ${ref.id}`);
      m.msg = msg;
      m.versions.push(msg);
      calls.push({ op: 'update', channel: ref.channel, id: ref.id, at: Date.now() });
    },
    onEvent(h) {
      handler = h;
    },
    failNext(n, make = () => new Error('platform unavailable')) {
      failures = failures.concat(Array.from({ length: n }, () => make));
    },
    rateLimitNext(retryAfterMs) {
      failures.push(() => new RateLimitedError('rate limited', retryAfterMs));
    },
    async emit(e) {
      if (!handler) throw new Error('no handler registered');
      return handler(e);
    },
  };
  return adapter;
}

export type FakeChatAdapter = ReturnType<typeof createFakeChatAdapter>;

/** A slash command typed on the fake platform (U2 in C-OPS unless told otherwise); resolves with the reply. */
export const slashCommand = (chat: FakeChatAdapter, text: string, user = 'U2', channel = 'C-OPS') =>
  chat.emit({
    kind: 'text',
    platform: chat.platform,
    user: { platform: chat.platform, id: user, roles: [] },
    channel,
    text,
    source: 'command',
  });

/** A mention in the thread of a message the bot posted (U3 unless told otherwise); resolves with the reply. */
export const inThreadOf = (chat: FakeChatAdapter, msg: { channel: string; id: string }, text: string, user = 'U3') =>
  chat.emit({
    kind: 'text',
    platform: chat.platform,
    user: { platform: chat.platform, id: user, roles: [] },
    channel: msg.channel,
    thread: msg.id,
    text,
    source: 'mention',
  });
