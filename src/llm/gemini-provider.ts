import type { Content, GoogleGenAI, Part } from '@google/genai';
import { classifyError, type LlmMessage, type LlmProvider, type LlmRequest, type LlmResponse } from './llm-provider.js';

export interface GeminiOptions {
  apiKey: string;
  model: string;
  /** Override for a proxy or a local stand-in; the SDK appends /v1beta/models/…. */
  baseUrl?: string;
}

function toContents(messages: LlmMessage[]): Content[] {
  const out: Content[] = [];
  for (const m of messages) {
    if (m.role === 'user') out.push({ role: 'user', parts: [{ text: m.content }] });
    else if (m.role === 'assistant') {
      const parts: Part[] = [];
      if (m.content) parts.push({ text: m.content });
      for (const c of m.toolCalls ?? []) parts.push({ functionCall: { id: c.id, name: c.name, args: c.args } });
      out.push({ role: 'model', parts });
    } else {
      // Consecutive tool results belong in one user turn, as the API expects.
      const part: Part = { functionResponse: { id: m.toolCallId, name: m.name, response: { result: m.content } } };
      const last = out.at(-1);
      if (last?.role === 'user' && last.parts?.every((p) => p.functionResponse)) last.parts.push(part);
      else out.push({ role: 'user', parts: [part] });
    }
  }
  return out;
}

const plainArgs = (a: unknown): Record<string, unknown> =>
  typeof a === 'object' && a !== null && !Array.isArray(a) ? (a as Record<string, unknown>) : {};

/** Gemini through @google/genai (the maintained SDK; @google/generative-ai is past end of life). */
export function createGeminiProvider(o: GeminiOptions): LlmProvider {
  let client: GoogleGenAI | undefined;
  const get = async () => {
    if (!client) {
      const { GoogleGenAI: Client } = await import('@google/genai');
      client = new Client({ apiKey: o.apiKey, httpOptions: { ...(o.baseUrl ? { baseUrl: o.baseUrl } : {}), apiVersion: 'v1beta' } });
    }
    return client;
  };
  return {
    name: 'gemini',
    model: o.model,
    supportsTools: true,
    async complete(req: LlmRequest): Promise<LlmResponse> {
      try {
        const r = await (
          await get()
        ).models.generateContent({
          model: o.model,
          contents: toContents(req.messages),
          config: {
            systemInstruction: req.system,
            maxOutputTokens: req.maxOutputTokens,
            temperature: req.temperature,
            abortSignal: req.signal,
            ...(req.tools.length
              ? {
                  tools: [
                    {
                      functionDeclarations: req.tools.map((t) => ({
                        name: t.name,
                        description: t.description,
                        parametersJsonSchema: t.parameters,
                      })),
                    },
                  ],
                }
              : {}),
          },
        });
        const candidate = r.candidates?.[0];
        const parts = candidate?.content?.parts ?? [];
        let n = 0;
        return {
          // Thought summaries (thinking models) are the model's scratch work, not its answer.
          text: parts
            .filter((p) => !p.thought)
            .map((p) => p.text ?? '')
            .join('')
            .trim(),
          toolCalls: parts
            .filter((p) => p.functionCall?.name)
            .map((p) => ({ id: p.functionCall!.id ?? `gc_${n++}`, name: p.functionCall!.name!, args: plainArgs(p.functionCall!.args) })),
          truncated: candidate?.finishReason === 'MAX_TOKENS',
          usage: { inputTokens: r.usageMetadata?.promptTokenCount ?? 0, outputTokens: r.usageMetadata?.candidatesTokenCount ?? 0 },
        };
      } catch (err) {
        throw classifyError(err, req.signal);
      }
    },
  };
}
