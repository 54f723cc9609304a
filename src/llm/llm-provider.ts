import { ScoError } from '../core/errors.js';

/** One turn of a conversation as every provider sees it; providers translate to their wire format. */
export type LlmMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export interface ToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
}

export interface ToolSpec {
  name: string;
  description: string;
  /** JSON Schema of the arguments (an object schema). */
  parameters: Record<string, unknown>;
}

export interface LlmRequest {
  system: string;
  messages: LlmMessage[];
  tools: ToolSpec[];
  maxOutputTokens: number;
  temperature: number;
  signal: AbortSignal;
}

export interface LlmResponse {
  text: string;
  toolCalls: ToolCall[];
  /** The model stopped at its output limit (OpenAI finish_reason "length", Gemini MAX_TOKENS): the text ends mid-thought. */
  truncated?: boolean;
  usage: { inputTokens: number; outputTokens: number };
}

/** The port: OpenAI-compatible servers and Gemini sit behind it. */
export interface LlmProvider {
  readonly name: string;
  readonly model: string;
  readonly supportsTools: boolean;
  complete(req: LlmRequest): Promise<LlmResponse>;
}

export type LlmFailure = 'timeout' | 'rate_limited' | 'server' | 'client' | 'network' | 'circuit_open' | 'deadline';

/** A provider call that failed, classified so the caller knows whether a retry can help. */
export class LlmCallError extends ScoError {
  constructor(
    readonly failure: LlmFailure,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message, `llm_${failure}`);
  }

  get retryable(): boolean {
    return this.failure === 'rate_limited' || this.failure === 'server' || this.failure === 'network' || this.failure === 'timeout';
  }
}

/** Maps an SDK error (openai's APIError, genai's ApiError, fetch errors, aborts) to LlmCallError. */
export function classifyError(err: unknown, signal: AbortSignal): LlmCallError {
  if (err instanceof LlmCallError) return err;
  const e = err as { status?: number; name?: string; message?: string; headers?: unknown };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const message = String(e?.message ?? err).slice(0, 300);
  if (signal.aborted || e?.name === 'AbortError' || e?.name === 'APIUserAbortError' || e?.name === 'APIConnectionTimeoutError')
    return new LlmCallError('timeout', 'the model did not answer in time');
  if (status === 429) return new LlmCallError('rate_limited', message, status, retryAfter(e?.headers));
  if (status !== undefined && status >= 500) return new LlmCallError('server', message, status, retryAfter(e?.headers));
  if (status !== undefined && status >= 400) return new LlmCallError('client', message, status);
  return new LlmCallError('network', message);
}

function retryAfter(headers: unknown): number | undefined {
  const get = (k: string): string | null | undefined =>
    headers instanceof Headers ? headers.get(k) : (headers as Record<string, string> | undefined)?.[k];
  const ms = Number(get('retry-after-ms'));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const s = get('retry-after');
  if (!s) return undefined;
  const n = Number(s);
  if (Number.isFinite(n)) return Math.max(0, n * 1000);
  const at = Date.parse(s);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}
