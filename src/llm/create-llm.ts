import type { Config } from '../config/load-config.js';
import type { Clock, Logger, Store } from '../core/ports.js';
import type { Metrics } from '../observability/metrics.js';
import { createContextTools } from './context-tools.js';
import { createConversationMemory } from './conversation-memory.js';
import { createGeminiProvider } from './gemini-provider.js';
import { createLlmAnswerer, type LlmAnswerer } from './llm-answerer.js';
import type { DetectorInspector } from '../core/inspection.js';
import type { LlmProvider } from './llm-provider.js';
import { createOpenAiProvider } from './openai-provider.js';
import { withResilience } from './resilient-provider.js';
import { createSnapshotReader } from './snapshot-reader.js';

export interface LlmWiring {
  config: Config;
  store: Store;
  targets: () => { name: string; role?: string | null }[];
  clock: Clock;
  logger: Logger;
  metrics?: Metrics;
  staleAfterMs: number;
  /** Tests inject a provider; production builds one from config and env. */
  provider?: LlmProvider;
  /** The live detectors, so the model sees their reasons for the series a question names. */
  detectors?: DetectorInspector;
}

/** Picks the provider: config.llm.provider, or with "auto" OpenAI(-compatible) first, then Gemini. */
export function pickProvider(config: Config): LlmProvider | undefined {
  const { provider, tools } = config.llm;
  const { openai, gemini } = config.llmEnv;
  if (provider === 'none') return undefined;
  if ((provider === 'openai' || provider === 'auto') && openai)
    return createOpenAiProvider({
      apiKey: openai.apiKey,
      baseUrl: openai.baseUrl,
      model: openai.model ?? config.llm.openaiModel,
      tools,
      name: openai.baseUrl && !/api\.openai\.com/.test(openai.baseUrl) ? 'openai_compatible' : 'openai',
    });
  if ((provider === 'gemini' || provider === 'auto') && gemini)
    return createGeminiProvider({ apiKey: gemini.apiKey, baseUrl: gemini.baseUrl, model: gemini.model ?? config.llm.geminiModel });
  return undefined;
}

export function createLlm(w: LlmWiring): LlmAnswerer | undefined {
  const inner = w.provider ?? pickProvider(w.config);
  if (!inner) return undefined;
  const c = w.config.llm;
  const m = w.metrics;
  const provider = withResilience(inner, {
    timeoutMs: c.timeoutMs,
    retries: c.retries,
    backoffMs: c.backoffMs,
    circuitFailures: c.circuitFailures,
    circuitCooldownMs: c.circuitCooldownSeconds * 1000,
    now: () => w.clock.now(),
    observe: ({ outcome, seconds, inputTokens, outputTokens }) => {
      m?.llmRequests.inc({ provider: inner.name, outcome });
      if (outcome === 'circuit_open') return;
      m?.llmLatency.observe({ provider: inner.name }, seconds);
      m?.llmTokens.inc({ provider: inner.name, direction: 'in' }, inputTokens);
      m?.llmTokens.inc({ provider: inner.name, direction: 'out' }, outputTokens);
      m?.llmCost.inc({ provider: inner.name }, (inputTokens * c.pricing.inputPerMillion + outputTokens * c.pricing.outputPerMillion) / 1e6);
    },
  });
  w.logger.info({ provider: inner.name, model: inner.model, tools: inner.supportsTools }, 'LLM answers enabled');
  return createLlmAnswerer({
    provider,
    settings: c,
    snapshot: createSnapshotReader({
      store: w.store,
      targets: w.targets,
      thresholds: w.config.thresholds,
      staleAfterMs: w.staleAfterMs,
      detectors: w.detectors,
    }),
    tools: createContextTools({
      store: w.store,
      targets: w.targets,
      now: () => w.clock.now(),
      staleAfterMs: w.staleAfterMs,
      thresholds: w.config.thresholds,
    }),
    memory: createConversationMemory({ turns: c.memoryTurns, conversations: c.memoryConversations, ttlMs: 3_600_000, maxChars: 600 }),
    now: () => w.clock.now(),
    logger: w.logger,
    onAnswer: (path) => m?.answers.inc({ path }),
  });
}
