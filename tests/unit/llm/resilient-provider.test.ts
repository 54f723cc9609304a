import { describe, expect, it } from 'vitest';
import { LlmCallError, type LlmProvider, type LlmRequest } from '../../../src/llm/llm-provider.js';
import { withResilience } from '../../../src/llm/resilient-provider.js';
import { createConversationMemory } from '../../../src/llm/conversation-memory.js';
import { createMasker } from '../../../src/llm/masker.js';
import { sanitizeModelText } from '../../../src/llm/prompt.js';

function scripted(outcomes: (Error | string)[]) {
  const calls: number[] = [];
  const p: LlmProvider = {
    name: 'fake',
    model: 'm',
    supportsTools: true,
    async complete() {
      calls.push(calls.length);
      const o = outcomes.shift() ?? 'ok';
      if (o instanceof Error) throw o;
      return { text: o, toolCalls: [], usage: { inputTokens: 1, outputTokens: 1 } };
    },
  };
  return { p, calls };
}
const req = (): LlmRequest => ({
  system: '',
  messages: [],
  tools: [],
  maxOutputTokens: 10,
  temperature: 0,
  signal: new AbortController().signal,
});

describe('resilient provider', () => {
  it('retries 429 honouring Retry-After and 5xx with backoff, but not 4xx', async () => {
    const waits: number[] = [];
    const { p, calls } = scripted([new LlmCallError('rate_limited', 'slow', 429, 1234), new LlmCallError('server', 'x', 502), 'done']);
    let t = 0;
    const r = withResilience(p, {
      timeoutMs: 1000,
      retries: 2,
      backoffMs: 100,
      circuitFailures: 10,
      circuitCooldownMs: 1000,
      now: () => t,
      sleep: async (ms) => void waits.push(ms),
    });
    expect((await r.complete(req())).text).toBe('done');
    expect(calls).toHaveLength(3);
    expect(waits[0]).toBe(1234);
    expect(waits[1]).toBeGreaterThanOrEqual(160);
    expect(waits[1]).toBeLessThanOrEqual(240);
    const bad = scripted([new LlmCallError('client', 'bad request', 400)]);
    const r2 = withResilience(bad.p, {
      timeoutMs: 1000,
      retries: 2,
      backoffMs: 1,
      circuitFailures: 10,
      circuitCooldownMs: 1,
      now: () => t,
    });
    await expect(r2.complete(req())).rejects.toMatchObject({ failure: 'client' });
    expect(bad.calls).toHaveLength(1);
    t += 1;
  });

  it('opens the circuit after consecutive failures and closes it after the cooldown', async () => {
    let t = 0;
    const outcomes = Array.from({ length: 3 }, () => new LlmCallError('server', 'down', 503));
    const { p, calls } = scripted(outcomes);
    const observed: string[] = [];
    const r = withResilience(p, {
      timeoutMs: 1000,
      retries: 0,
      backoffMs: 1,
      circuitFailures: 3,
      circuitCooldownMs: 60_000,
      now: () => t,
      observe: (o) => observed.push(o.outcome),
    });
    for (let i = 0; i < 3; i++) await expect(r.complete(req())).rejects.toMatchObject({ failure: 'server' });
    expect(r.circuitOpen()).toBe(true);
    await expect(r.complete(req())).rejects.toMatchObject({ failure: 'circuit_open' });
    expect(calls).toHaveLength(3);
    t += 60_001;
    expect((await r.complete(req())).text).toBe('ok');
    expect(observed).toEqual(['server', 'server', 'server', 'circuit_open', 'ok']);
  });
});

describe('conversation memory, masking, output', () => {
  it('keeps the last turns per thread, evicts the least recent thread, forgets after the TTL', () => {
    const m = createConversationMemory({ turns: 2, conversations: 2, ttlMs: 1000, maxChars: 5 });
    for (const q of ['a', 'b', 'c']) m.remember('t1', { question: q, answer: `${q}-answer`, ts: 0 });
    expect(m.recall('t1', 10)).toEqual([
      { question: 'b', answer: 'b-ans', ts: 0 },
      { question: 'c', answer: 'c-ans', ts: 0 },
    ]);
    m.remember('t2', { question: 'x', answer: 'y', ts: 0 });
    m.remember('t3', { question: 'x', answer: 'y', ts: 0 });
    expect(m.size()).toBe(2);
    expect(m.recall('t1', 10)).toEqual([]); // t1 was least recently used... and evicted
    expect(m.recall('t3', 2000)).toEqual([]);
  });

  it('masks host names and addresses consistently and unmasks the reply', () => {
    const m = createMasker(['web-1', 'db-1']);
    const masked = m.mask('web-1 (10.0.1.5) talks to db-1 at db-1.prod.internal; web-10 is unknown');
    expect(masked).toBe('host-2 (ip-1) talks to host-3 at host-1; web-10 is unknown');
    expect(m.unmask('host-2 is hot, host-3 is fine')).toBe('web-1 is hot, db-1 is fine');
    expect(m.unmaskArgs({ target: 'host-2', minutes: 5 })).toEqual({ target: 'web-1', minutes: 5 });
  });

  it('strips mentions, disguised links and control characters from model text', () => {
    expect(sanitizeModelText('Hi @everyone <!channel> <@U123> see [docs](https://evil.example/x)\u0007')).toBe(
      'Hi @\u200beveryone   see docs (https://evil.example/x)',
    );
  });
});
