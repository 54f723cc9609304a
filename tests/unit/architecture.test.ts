import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

describe('architecture', () => {
  it('core/ imports nothing outside core/', () => {
    for (const f of files(path.join(SRC, 'core'))) {
      for (const i of imports(f)) expect(i, `${path.relative(SRC, f)} imports ${i}`).toMatch(/^\.\/[a-z-]+\.js$/);
    }
  });

  it('pipeline/ and llm/ never import chat SDKs', () => {
    for (const dir of ['pipeline', 'llm']) {
      for (const f of files(path.join(SRC, dir))) {
        for (const i of imports(f)) expect(i, `${path.relative(SRC, f)} imports ${i}`).not.toMatch(/^(@slack\/|discord\.js)/);
      }
    }
  });

  it('only config/ reads process.env (cli/main passes it in)', () => {
    for (const f of files(SRC)) {
      const rel = path.relative(SRC, f);
      if (rel.startsWith('config/') || rel === 'cli/main.ts') continue;
      // The script executor passes PATH through to child processes; nothing else reads env.
      const text = readFileSync(f, 'utf8').replace(/PATH: process\.env\.PATH/g, '');
      expect(text, rel).not.toMatch(/process\.env/);
    }
  });

  it('keeps files small: none past 400 lines', () => {
    for (const f of files(SRC)) expect(readFileSync(f, 'utf8').split('\n').length, path.relative(SRC, f)).toBeLessThanOrEqual(400);
  });
});
