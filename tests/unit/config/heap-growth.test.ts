import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tuneHeap } from '../../../src/cli/tune-heap.js';
import { DEFAULT_HEAP_GROWTH_PERCENT, parseHeapGrowth } from '../../../src/config/heap-growth.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { ConfigError } from '../../../src/core/errors.js';

const root = path.resolve(__dirname, '../../..');

describe('SCO_HEAP_GROWTH_PERCENT', () => {
  it('defaults to the measured setting and takes a whole number from 0 to 400', () => {
    const problems: string[] = [];
    expect(parseHeapGrowth(undefined, problems)).toBe(DEFAULT_HEAP_GROWTH_PERCENT);
    expect(parseHeapGrowth('  ', problems)).toBe(DEFAULT_HEAP_GROWTH_PERCENT);
    expect(parseHeapGrowth('0', problems)).toBe(0);
    expect(parseHeapGrowth(' 150 ', problems)).toBe(150);
    expect(parseHeapGrowth('400', problems)).toBe(400);
    expect(problems).toEqual([]);
  });

  it.each(['-5', '2.5', '401', 'lots', '1e2'])('refuses %j at boot with what to write instead', (raw) => {
    let err: unknown;
    try {
      loadConfig({ cwd: root, env: { SCO_HEAP_GROWTH_PERCENT: raw } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.join('\n')).toContain(`SCO_HEAP_GROWTH_PERCENT: "${raw}" is not a whole number from 0 to 400`);
  });

  it('reaches the loaded config', () => {
    expect(loadConfig({ cwd: root, env: {} }).heapGrowthPercent).toBe(DEFAULT_HEAP_GROWTH_PERCENT);
    expect(loadConfig({ cwd: root, env: { SCO_HEAP_GROWTH_PERCENT: '25' } }).heapGrowthPercent).toBe(25);
  });

  it('sets the V8 flag, and leaves V8 alone at 0', () => {
    const set: string[] = [];
    tuneHeap(60, (f) => set.push(f));
    tuneHeap(0, (f) => set.push(f));
    expect(set).toEqual(['--heap-growing-percent=60']);
  });

  it('names a flag this Node knows (V8 only prints an unknown one, so a Node upgrade would drop it silently)', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        "import { tuneHeap } from './src/cli/tune-heap.ts'; tuneHeap(60); console.log('set');",
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.stdout.trim()).toBe('set');
    expect(r.stderr).not.toMatch(/unrecognized flag/);
    const bad = spawnSync(process.execPath, ['-e', "require('node:v8').setFlagsFromString('--heap-growing-percentage=60')"], {
      encoding: 'utf8',
    });
    expect(bad.stderr).toMatch(/unrecognized flag/);
  });
});
