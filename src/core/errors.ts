/** Typed errors raised at the edges; everything vendor-specific is translated into one of these. */
export class ScoError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ConfigError extends ScoError {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`, 'config_invalid');
  }
}

export class SourceError extends ScoError {
  constructor(
    readonly source: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${source}: ${message}`, 'source_failed', options);
  }
}

export class RateLimitedError extends ScoError {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message, 'rate_limited');
  }
}

export class TransitionError extends ScoError {
  constructor(message: string) {
    super(message, 'invalid_transition');
  }
}

export class InputError extends ScoError {
  constructor(message: string) {
    super(message, 'bad_input');
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * An error as a line a person can act on: "timed out", or the message with its cause's code
 * ("fetch failed (ECONNREFUSED)"), since undici's "fetch failed" alone says nothing of why.
 */
export function errorReason(e: unknown): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } } | null | undefined;
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  const cause = err?.cause?.code ?? err?.cause?.message;
  const name = err?.name && err.name !== 'Error' && err.name !== 'TypeError' ? `${err.name}: ` : '';
  return `${name}${err?.message ?? String(e)}${cause ? ` (${cause})` : ''}`;
}
