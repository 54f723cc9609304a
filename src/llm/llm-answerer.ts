import type { Logger } from '../core/ports.js';
import { checkAnswer } from './answer-check.js';
import type { ContextTools } from './context-tools.js';
import type { ConversationMemory } from './conversation-memory.js';
import { buildGroundingContext, type FleetSnapshot } from './grounding-context.js';
import { LlmCallError, type LlmMessage, type LlmProvider, type LlmResponse } from './llm-provider.js';
import { createMasker, identityMasker } from './masker.js';
import { buildMessages, cleanQuestion, repairMessage, sanitizeModelText, SYSTEM_PROMPT } from './prompt.js';

export interface LlmSettings {
  contextTokens: number;
  maxOutputTokens: number;
  temperature: number;
  deadlineMs: number;
  maxToolRounds: number;
  maxQuestionChars: number;
  maskHosts: boolean;
}

export interface LlmAnswererOptions {
  provider: LlmProvider & { circuitOpen?: () => boolean };
  settings: LlmSettings;
  snapshot: (question: string, now: number) => FleetSnapshot;
  tools: ContextTools;
  memory: ConversationMemory;
  now: () => number;
  logger: Logger;
  onAnswer?: (path: AnswerPath) => void;
}

export type AnswerPath = 'llm' | 'llm_repaired' | 'fallback';

export interface LlmAnswer {
  text: string;
  path: AnswerPath;
  /** Why the deterministic answer was used instead. */
  reason?: string;
  sources: string[];
  usage: { inputTokens: number; outputTokens: number; calls: number; toolCalls: number };
  contextTokens: number;
}

const FALLBACK_NOTE: Record<string, string> = {
  unbacked: "The model's answer cited figures I could not find in the data, so here is the data itself.",
  timeout: 'The model did not answer in time, so here is what the data shows.',
  deadline: 'The model did not answer in time, so here is what the data shows.',
  rate_limited: 'The model is rate limited right now, so here is what the data shows.',
  circuit_open: 'The model is unavailable right now, so here is what the data shows.',
  server: 'The model failed to answer, so here is what the data shows.',
  network: 'The model could not be reached, so here is what the data shows.',
  client: 'The model refused the request, so here is what the data shows.',
  empty: 'The model gave no answer, so here is what the data shows.',
};

/**
 * Free-form questions: a grounded context, read-only tools, then a check that every figure in the
 * reply is backed; one repair with feedback, otherwise the deterministic answer with a short note.
 * Any provider failure ends in the deterministic answer too, within `deadlineMs`.
 */
export function createLlmAnswerer(o: LlmAnswererOptions) {
  return {
    /** Which model answers, for "what do you use?" (answer-about.ts). */
    provider: { name: o.provider.name, model: o.provider.model },
    async answer(input: { question: string; conversation: string; deterministic: () => string }): Promise<LlmAnswer> {
      const now = o.now();
      const s = o.settings;
      const question = cleanQuestion(input.question, s.maxQuestionChars);
      const usage = { inputTokens: 0, outputTokens: 0, calls: 0, toolCalls: 0 };
      const snap = o.snapshot(question, now);
      const ctx = buildGroundingContext(snap, question, s.contextTokens);
      const names = snap.targets.map((t) => t.name);
      const masker = s.maskHosts ? createMasker(names) : identityMasker(names);
      const fallback = (reason: string): LlmAnswer => {
        o.onAnswer?.('fallback');
        o.logger.info({ reason, provider: o.provider.name }, 'LLM answer replaced by the deterministic one');
        return {
          text: `${input.deterministic()}\n\n(${FALLBACK_NOTE[reason] ?? FALLBACK_NOTE.server})`,
          path: 'fallback',
          reason,
          sources: [],
          usage,
          contextTokens: ctx.tokens,
        };
      };
      if (o.provider.circuitOpen?.()) return fallback('circuit_open');

      const deadline = AbortSignal.timeout(s.deadlineMs);
      const evidence = [masker.mask(ctx.text), masker.mask(question)];
      const messages: LlmMessage[] = buildMessages(
        masker.mask(question),
        evidence[0]!,
        o.memory.recall(input.conversation, now).map((t) => ({
          ...t,
          question: masker.mask(t.question),
          answer: masker.mask(t.answer),
        })),
      );
      const call = async (withTools: boolean): Promise<LlmResponse> => {
        const r = await o.provider.complete({
          system: SYSTEM_PROMPT,
          messages,
          tools: withTools && o.provider.supportsTools ? o.tools.specs : [],
          maxOutputTokens: s.maxOutputTokens,
          temperature: s.temperature,
          signal: deadline,
        });
        usage.calls += 1;
        usage.inputTokens += r.usage.inputTokens;
        usage.outputTokens += r.usage.outputTokens;
        return r;
      };

      try {
        let r = await call(true);
        for (let round = 0; r.toolCalls.length && round < s.maxToolRounds; round++) {
          messages.push({ role: 'assistant', content: r.text, toolCalls: r.toolCalls });
          for (const c of r.toolCalls.slice(0, 5)) {
            usage.toolCalls += 1;
            const result = masker.mask(o.tools.run(c.name, masker.unmaskArgs(c.args)));
            evidence.push(result);
            messages.push({ role: 'tool', toolCallId: c.id, name: c.name, content: result });
          }
          r = await call(round + 1 < s.maxToolRounds);
        }
        if (!r.text.trim()) return fallback('empty');
        let text = r.text;
        let truncated = r.truncated === true;
        let check = checkAnswer(text, evidence, masker.maskedNames());
        let path: AnswerPath = 'llm';
        if (!check.ok) {
          o.logger.warn(
            { unbacked: check.unbacked, provider: o.provider.name },
            'LLM reply had unbacked figures; asking once for a repair',
          );
          messages.push({ role: 'assistant', content: text }, { role: 'user', content: repairMessage(check.unbacked) });
          const again = await call(false);
          text = again.text;
          truncated = again.truncated === true;
          check = checkAnswer(text, evidence, masker.maskedNames());
          if (!check.ok || !text.trim()) return fallback('unbacked');
          path = 'llm_repaired';
        }
        let out = sanitizeModelText(masker.unmask(text));
        // A reply cut at the length limit can end mid-sentence ("do not restart web-1 because"): say so.
        if (truncated) out += "\n(The model's answer was cut off at its length limit.)";
        if (check.sources.length && !/\bsources?:/i.test(out)) out += `\nSources: ${masker.unmask(check.sources.join(' '))}`;
        o.memory.remember(input.conversation, { question, answer: out, ts: now });
        o.onAnswer?.(path);
        return { text: out, path, sources: check.sources.map((x) => masker.unmask(x)), usage, contextTokens: ctx.tokens };
      } catch (err) {
        const failure = err instanceof LlmCallError ? (deadline.aborted ? 'deadline' : err.failure) : 'server';
        if (!(err instanceof LlmCallError)) o.logger.error({ err }, 'LLM answer failed');
        return fallback(failure);
      }
    },
  };
}

export type LlmAnswerer = ReturnType<typeof createLlmAnswerer>;
