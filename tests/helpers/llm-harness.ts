import path from 'node:path';
import { createChatService } from '../../src/bot/chat-service.js';
import type { ChatReply } from '../../src/core/chat.js';
import { createLlm } from '../../src/llm/create-llm.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import type { FakeLlm } from '../fakes/fake-llm-server.js';
import { FLEET, NOW, seedFleet } from '../fixtures/llm-fleet.js';
import { captureLogger, tempDir, testConfig } from './test-config.js';

export interface HarnessOptions {
  api: 'openai' | 'gemini' | 'none';
  fake?: FakeLlm;
  llm?: Record<string, unknown>;
  /** Replaces the web-1 CPU anomaly's summary (untrusted text from an alert). */
  summary?: string;
  targets?: { name: string; role: string }[];
  /** Real provider env (bench/llm-eval.bench.ts), used instead of the fake. */
  live?: Record<string, string>;
}

/**
 * The chat service over a seeded store, with the LLM layer built from config and env exactly as the
 * app builds it: the real openai / @google/genai SDK pointed at the fake server.
 */
export function llmHarness(o: HarnessOptions) {
  const store = createSqliteStore(path.join(tempDir('sco-llm-'), 'db.sqlite'));
  seedFleet(store, { summary: o.summary });
  const env: Record<string, string> = o.live
    ? Object.fromEntries(Object.entries(o.live).filter(([, v]) => v))
    : o.api === 'openai'
      ? { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${o.fake!.url}/v1`, OPENAI_MODEL: 'gpt-test' }
      : o.api === 'gemini'
        ? { GEMINI_API_KEY: 'g-test', GEMINI_BASE_URL: o.fake!.url, GEMINI_MODEL: 'gemini-test' }
        : {};
  const config = testConfig({ env, overrides: { llm: { backoffMs: 10, ...o.llm } } });
  const clock = { now: () => NOW };
  const logger = captureLogger();
  const metrics = createMetrics();
  const targets = () => o.targets ?? FLEET;
  const staleAfterMs = 5 * 60_000;
  const llm = createLlm({ config, store, targets, clock, logger, metrics, staleAfterMs });
  const chat = createChatService({
    store,
    approvers: config.approvers,
    targets,
    clock,
    logger,
    staleAfterMs,
    thresholds: config.thresholds,
    fallback: llm && ((question, meta) => llm.answer({ question, ...meta })),
  });
  const ask = (text: string, thread?: string): Promise<ChatReply> =>
    chat.handle({
      kind: 'text',
      platform: 'web',
      user: { platform: 'web', id: 'alice', roles: [] },
      channel: 'console',
      thread,
      text,
      source: 'console',
    });
  return { store, chat, llm, ask, metrics, logger, close: () => store.close() };
}
