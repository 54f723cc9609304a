import type OpenAI from 'openai';
import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import { classifyError, type LlmMessage, type LlmProvider, type LlmRequest, type LlmResponse, type ToolCall } from './llm-provider.js';

export interface OpenAiOptions {
  apiKey: string;
  model: string;
  /** OpenAI itself, or any OpenAI-compatible server (Ollama, vLLM, llama.cpp): must end in /v1. */
  baseUrl?: string;
  /** Some local servers do not implement tool calling. */
  tools?: boolean;
  name?: string;
}

function toWire(system: string, messages: LlmMessage[]): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = [{ role: 'system', content: system }];
  for (const m of messages) {
    if (m.role === 'user') out.push({ role: 'user', content: m.content });
    else if (m.role === 'tool') out.push({ role: 'tool', tool_call_id: m.toolCallId, content: m.content });
    else
      out.push({
        role: 'assistant',
        content: m.content || null,
        ...(m.toolCalls?.length
          ? {
              tool_calls: m.toolCalls.map((c) => ({
                id: c.id,
                type: 'function' as const,
                function: { name: c.name, arguments: JSON.stringify(c.args) },
              })),
            }
          : {}),
      });
  }
  return out;
}

function parseArgs(raw: string): Record<string, unknown> {
  try {
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Chat Completions through the official SDK; the SDK's own retries are off (the resilient wrapper retries). */
export function createOpenAiProvider(o: OpenAiOptions): LlmProvider {
  let client: OpenAI | undefined;
  const get = async () => {
    if (!client) {
      const { default: OpenAIClient } = await import('openai');
      client = new OpenAIClient({ apiKey: o.apiKey, baseURL: o.baseUrl, maxRetries: 0, timeout: 600_000 });
    }
    return client;
  };
  const supportsTools = o.tools !== false;
  return {
    name: o.name ?? 'openai',
    model: o.model,
    supportsTools,
    async complete(req: LlmRequest): Promise<LlmResponse> {
      const tools: ChatCompletionTool[] | undefined =
        supportsTools && req.tools.length
          ? req.tools.map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.parameters } }))
          : undefined;
      try {
        const r = await (
          await get()
        ).chat.completions.create(
          {
            model: o.model,
            messages: toWire(req.system, req.messages),
            tools,
            max_completion_tokens: req.maxOutputTokens,
            temperature: req.temperature,
          },
          { signal: req.signal },
        );
        const msg = r.choices[0]?.message;
        const toolCalls: ToolCall[] = (msg?.tool_calls ?? []).flatMap((c) =>
          c.type === 'function' ? [{ id: c.id, name: c.function.name, args: parseArgs(c.function.arguments) }] : [],
        );
        return {
          text: msg?.content ?? '',
          toolCalls,
          truncated: r.choices[0]?.finish_reason === 'length',
          usage: { inputTokens: r.usage?.prompt_tokens ?? 0, outputTokens: r.usage?.completion_tokens ?? 0 },
        };
      } catch (err) {
        throw classifyError(err, req.signal);
      }
    },
  };
}
