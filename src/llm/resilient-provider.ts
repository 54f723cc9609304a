import { LlmCallError, type LlmProvider, type LlmRequest, type LlmResponse } from './llm-provider.js';

export interface ResilienceOptions {
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  /** Consecutive failed calls that open the circuit, and how long it stays open. */
  circuitFailures: number;
  circuitCooldownMs: number;
  now: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** One observation per attempt, for /metrics. */
  observe?: (o: { outcome: string; seconds: number; inputTokens: number; outputTokens: number }) => void;
}

const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/**
 * Timeout per attempt, retries with backoff on 429/5xx/network (honouring Retry-After), and a circuit
 * breaker so a dead provider costs nothing while it is down. `req.signal` is the caller's overall
 * deadline: nothing here outlives it.
 */
export function withResilience(inner: LlmProvider, o: ResilienceOptions): LlmProvider & { circuitOpen(): boolean } {
  let failures = 0;
  let openUntil = 0;
  const sleep = o.sleep ?? abortableSleep;

  async function attempt(req: LlmRequest): Promise<LlmResponse> {
    const signal = AbortSignal.any([req.signal, AbortSignal.timeout(o.timeoutMs)]);
    const t0 = o.now();
    try {
      const r = await inner.complete({ ...req, signal });
      o.observe?.({ outcome: 'ok', seconds: (o.now() - t0) / 1000, inputTokens: r.usage.inputTokens, outputTokens: r.usage.outputTokens });
      return r;
    } catch (err) {
      const e =
        err instanceof LlmCallError
          ? err.failure === 'timeout' && req.signal.aborted
            ? new LlmCallError('deadline', 'the answer deadline passed')
            : err
          : new LlmCallError('network', String((err as Error)?.message ?? err));
      o.observe?.({ outcome: e.failure, seconds: (o.now() - t0) / 1000, inputTokens: 0, outputTokens: 0 });
      throw e;
    }
  }

  return {
    name: inner.name,
    model: inner.model,
    supportsTools: inner.supportsTools,
    circuitOpen: () => o.now() < openUntil,
    async complete(req) {
      if (o.now() < openUntil) {
        o.observe?.({ outcome: 'circuit_open', seconds: 0, inputTokens: 0, outputTokens: 0 });
        throw new LlmCallError('circuit_open', `${inner.name} is failing; not calling it for a while`);
      }
      for (let i = 0; ; i++) {
        try {
          const r = await attempt(req);
          failures = 0;
          return r;
        } catch (err) {
          const e = err as LlmCallError;
          if (e.failure === 'deadline') throw e;
          failures += 1;
          if (failures >= o.circuitFailures) {
            openUntil = o.now() + o.circuitCooldownMs;
            failures = 0;
            throw e;
          }
          if (!e.retryable || i >= o.retries) throw e;
          const wait = Math.min(e.retryAfterMs ?? o.backoffMs * 2 ** i * (0.8 + Math.random() * 0.4), 10_000);
          await sleep(wait, req.signal);
          if (req.signal.aborted) throw new LlmCallError('deadline', 'the answer deadline passed');
        }
      }
    },
  };
}
