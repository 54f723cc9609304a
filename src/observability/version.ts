import { readFileSync } from 'node:fs';

/**
 * This build's version, from package.json: it sits two levels above this file both in src/ (npm
 * start) and in dist/ (the Docker image). "unknown" when it cannot be read, never a crash.
 */
export const VERSION: string = (() => {
  try {
    const v = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown }).version;
    return typeof v === 'string' && v ? v : 'unknown';
  } catch {
    return 'unknown';
  }
})();
