import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChatReply } from '../../src/core/chat.js';
import { dataBlock, type FakeLlm } from '../fakes/fake-llm-server.js';

/** One question of the evaluation set (tests/fixtures/llm-eval.json) and what a right answer holds. */
export interface EvalItem {
  id: string;
  question: string;
  /** deterministic: the router answers without any LLM call; llm: a free-form answer. */
  route: 'deterministic' | 'llm';
  /** Text that the grounded context sent to the model must contain. */
  contextFacts?: string[];
  /** The fake model's reply (and its reply to a repair request), for runs against the fake. */
  reply?: string;
  repair?: string;
  /** Text the final answer must contain. */
  facts: string[];
  /** Expected answer path for llm items: llm (checked and used) or fallback (replaced by the data). */
  path?: 'llm' | 'fallback';
}

export interface EvalOutcome {
  id: string;
  question: string;
  route: 'deterministic' | 'llm';
  intent: string;
  ok: boolean;
  problems: string[];
  ms: number;
}

/** Read from the repository root (tests and bench both run there). */
export const loadEvalSet = (file = path.resolve(process.cwd(), 'tests/fixtures/llm-eval.json')): EvalItem[] =>
  JSON.parse(readFileSync(file, 'utf8')) as EvalItem[];

/**
 * Runs every question through the chat service. Against the fake, the scripted replies are played
 * and the context each one was given is checked; against a real provider only the answers are.
 */
export async function runEval(
  items: EvalItem[],
  ask: (q: string, thread: string) => Promise<ChatReply>,
  fake?: FakeLlm,
): Promise<EvalOutcome[]> {
  const out: EvalOutcome[] = [];
  for (const item of items) {
    fake?.reset();
    if (fake && item.reply) fake.script({ text: item.reply }, { text: item.repair ?? 'The data does not show that.' });
    const before = fake?.seen.length ?? 0;
    const t0 = performance.now();
    const r = await ask(item.question, item.id);
    const ms = performance.now() - t0;
    const llm = r.intent === 'llm' || r.intent === 'llm_fallback';
    const route = fake ? (fake.seen.length > before ? 'llm' : 'deterministic') : llm ? 'llm' : 'deterministic';
    const problems: string[] = [];
    if (route !== item.route) problems.push(`route ${route}, expected ${item.route}`);
    for (const f of item.facts) if (!r.text.includes(f)) problems.push(`answer lacks "${f}"`);
    if (fake && route === 'llm') {
      const data = dataBlock(fake.seen[before]!.lastUser);
      for (const f of item.contextFacts ?? []) if (!data.includes(f)) problems.push(`context lacks "${f}"`);
      const path = r.intent === 'llm_fallback' ? 'fallback' : 'llm';
      if (item.path && path !== item.path) problems.push(`path ${path}, expected ${item.path}`);
    }
    out.push({ id: item.id, question: item.question, route, intent: r.intent, ok: problems.length === 0, problems, ms });
  }
  return out;
}
