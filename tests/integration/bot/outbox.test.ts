import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../../../src/bot/outbox-worker.js';
import type { ChatAdapter, NeutralMessage, Platform } from '../../../src/core/chat.js';
import type { Store } from '../../../src/core/ports.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { createFakeChatAdapter, type FakeChatAdapter } from '../../fakes/fake-chat-adapter.js';
import { captureLogger, tempDir } from '../../helpers/test-config.js';

const msg = (title: string): NeutralMessage => ({ title, severity: 'warning', text: title, fields: [], actions: [] });

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function setup(file: string, fake: FakeChatAdapter, clock: { t: number }) {
  const store = createSqliteStore(file);
  stores.push(store);
  const worker = createOutboxWorker({
    store,
    adapters: () => new Map<Platform, ChatAdapter>([['fake', fake]]),
    clock: { now: () => clock.t },
    logger: captureLogger(),
    minIntervalMs: { fake: 1000 },
  });
  return { store, worker };
}

/** Pumps with the clock moving a second a time until the outbox is empty (or a bound is hit). */
async function drain(worker: ReturnType<typeof setup>['worker'], clock: { t: number }, maxSeconds = 600) {
  for (let i = 0; i < maxSeconds && worker.backlog() > 0; i++) {
    await worker.pumpOnce();
    clock.t += 1000;
  }
}

function deliveredPerChannel(fake: FakeChatAdapter): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const x of fake.messages.values()) (m.get(x.channel) ?? m.set(x.channel, []).get(x.channel)!).push(x.versions[0]!.title);
  return m;
}

describe('outbox', () => {
  it('survives delivery failures: every alert reaches every channel exactly once, in order', async () => {
    const clock = { t: 1_000_000 };
    const fake = createFakeChatAdapter();
    const { store, worker } = setup(path.join(tempDir(), 'db.sqlite'), fake, clock);
    for (const title of ['a1', 'a2', 'a3']) {
      for (const channel of ['C1', 'C2'])
        store.chat.enqueue({ platform: 'fake', channel, op: 'post', msgKey: title, threadKey: null, payload: msg(title) }, clock.t);
    }
    fake.failNext(4);
    await drain(worker, clock);
    const got = deliveredPerChannel(fake);
    expect(got.get('C1')).toEqual(['a1', 'a2', 'a3']);
    expect(got.get('C2')).toEqual(['a1', 'a2', 'a3']);
    expect(worker.backlog()).toBe(0);
  });

  it('honours retry-after and the per-channel rate limit', async () => {
    const clock = { t: 1_000_000 };
    const fake = createFakeChatAdapter();
    const { store, worker } = setup(path.join(tempDir(), 'db.sqlite'), fake, clock);
    for (const t of ['x1', 'x2', 'x3'])
      store.chat.enqueue({ platform: 'fake', channel: 'C1', op: 'post', msgKey: t, threadKey: null, payload: msg(t) }, clock.t);
    fake.rateLimitNext(30_000);
    await worker.pumpOnce(); // rate limited
    const limitedAt = clock.t;
    for (let i = 0; i < 29; i++) {
      clock.t += 1000;
      await worker.pumpOnce();
    }
    expect(fake.messages.size).toBe(0);
    clock.t = limitedAt + 30_000;
    await worker.pumpOnce();
    await worker.pumpOnce(); // same instant: the channel's 1 s spacing holds the next one back
    expect(fake.messages.size).toBe(1);
    clock.t += 1000;
    await worker.pumpOnce();
    expect(fake.messages.size).toBe(2);
    const times = fake.calls.map((c) => c.at);
    expect(times).toHaveLength(2);
  });

  it('resumes after a restart in the middle: no loss, no duplicates, updates land on the same message', async () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const clock = { t: 1_000_000 };
    const fake = createFakeChatAdapter();
    const first = setup(file, fake, clock);
    for (let i = 1; i <= 4; i++) {
      for (const channel of ['C1', 'C2'])
        first.store.chat.enqueue(
          { platform: 'fake', channel, op: 'post', msgKey: `k${i}`, threadKey: null, payload: msg(`k${i}`) },
          clock.t,
        );
    }
    await first.worker.pumpOnce();
    clock.t += 1000;
    await first.worker.pumpOnce();
    expect(fake.messages.size).toBe(4);
    // The process dies; the update for k1 was queued before it did.
    for (const channel of ['C1', 'C2'])
      first.store.chat.enqueue(
        { platform: 'fake', channel, op: 'update', msgKey: 'k1', threadKey: null, payload: msg('k1 resolved') },
        clock.t,
      );
    first.store.close();
    stores.splice(0);

    const second = setup(file, fake, clock);
    await drain(second.worker, clock);
    const got = deliveredPerChannel(fake);
    expect(got.get('C1')).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(got.get('C2')).toEqual(['k1', 'k2', 'k3', 'k4']);
    const k1 = [...fake.messages.values()].filter((m) => m.versions[0]!.title === 'k1');
    expect(k1.map((m) => m.msg.title)).toEqual(['k1 resolved', 'k1 resolved']);
  });

  it('threads follow-ups under their parent and coalesces superseded updates', async () => {
    const clock = { t: 1_000_000 };
    const fake = createFakeChatAdapter();
    const { store, worker } = setup(path.join(tempDir(), 'db.sqlite'), fake, clock);
    const q = (op: 'post' | 'update', msgKey: string, title: string, threadKey: string | null = null) =>
      store.chat.enqueue({ platform: 'fake', channel: 'C1', op, msgKey, threadKey, payload: msg(title) }, clock.t);
    q('post', 'p', 'parent');
    q('update', 'p', 'parent v2');
    q('update', 'p', 'parent v3');
    q('post', 'c', 'child', 'p');
    await drain(worker, clock);
    const parent = [...fake.messages.values()].find((m) => m.versions[0]!.title === 'parent')!;
    expect(parent.versions.map((v) => v.title)).toEqual(['parent', 'parent v3']);
    const child = [...fake.messages.values()].find((m) => m.versions[0]!.title === 'child')!;
    expect(child.thread).toBe(parent.id);
  });
});

describe('outbox stats ("is slack connected?", "how many alerts did you send today?")', () => {
  it('counts what was delivered since a time by kind, and what waits with the last error', async () => {
    const clock = { t: 1_000_000 };
    const fake = createFakeChatAdapter();
    const { store, worker } = setup(path.join(tempDir(), 'db.sqlite'), fake, clock);
    const put = (op: 'post' | 'update', msgKey: string, threadKey: string | null) =>
      store.chat.enqueue({ platform: 'fake', channel: 'C1', op, msgKey, threadKey, payload: msg(msgKey) }, clock.t);
    put('post', 'old', null);
    await drain(worker, clock);
    const since = clock.t;
    put('post', 'a1', null);
    put('post', 'a1:reply', 'a1');
    put('update', 'a1', null);
    put('post', 'a2', null);
    fake.failNext(1);
    await worker.pumpOnce();
    const [waiting] = store.chat.outboxStats(since);
    expect(waiting).toMatchObject({ platform: 'fake', posts: 0, pending: 4, retrying: 1, oldestPendingTs: since });
    expect(waiting!.lastError).toMatch(/./);
    await drain(worker, clock);
    // The first message was delivered before `since`: not counted, and nothing waits.
    expect(store.chat.outboxStats(since)).toEqual([
      { platform: 'fake', posts: 2, postsByKind: { a1: 1, a2: 1 }, replies: 1, updates: 1, pending: 0, retrying: 0 },
    ]);
    // A window that ends before them counts only the first.
    expect(store.chat.outboxStats(0, since)).toEqual([
      { platform: 'fake', posts: 1, postsByKind: { old: 1 }, replies: 0, updates: 0, pending: 0, retrying: 0 },
    ]);
  });
});
