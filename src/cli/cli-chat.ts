import path from 'node:path';
import { aboutFactsOf } from '../bot/answer-about.js';
import { createChatService, type ChatService } from '../bot/chat-service.js';
import { chatRulesOf } from '../bot/chat-rules-of.js';
import { targetRefOf, type TargetRef } from '../bot/match-target.js';
import type { Config } from '../config/load-config.js';
import { configTargets } from '../create-sources.js';
import { pickProvider } from '../llm/create-llm.js';
import { createLogger } from '../observability/logger.js';
import { intervalMsOf } from '../pipeline/scheduler.js';
import { createSqliteStore } from '../store/sqlite-store.js';

/**
 * The chat service over the data dir's store, with the context the running service gives it, so
 * `ask` and `digest` answer as chat would: rules, routing, what is watched. It reads; the sources,
 * detectors and chat platforms are not started, so it has no live detectors or LLM fallback.
 */
export async function withCliChat<T>(cfg: Config, use: (chat: ChatService) => Promise<T>): Promise<T> {
  const store = createSqliteStore(path.join(cfg.dataDir, 'smartcloudops.db'));
  try {
    const targets: TargetRef[] = configTargets(cfg).map(targetRefOf);
    for (const s of store.targetStates())
      if (!targets.some((t) => t.name === s.target)) targets.push({ name: s.target, role: null, labels: {} });
    const intervalMs = intervalMsOf(cfg.schedule);
    // What the service would start with this config and environment.
    const platforms = ['web', ...(cfg.slack ? ['slack'] : []), ...(cfg.discord ? ['discord'] : [])];
    const chat = createChatService({
      store,
      approvers: cfg.approvers,
      targets: () => targets,
      clock: { now: () => Date.now() },
      logger: createLogger({ level: 'warn', destination: process.stderr }),
      staleAfterMs: 3 * intervalMs,
      ...chatRulesOf(cfg),
      about: () => aboutFactsOf(cfg, { intervalMs, targets, llm: pickProvider(cfg), platforms }),
    });
    return await use(chat);
  } finally {
    store.close();
  }
}
