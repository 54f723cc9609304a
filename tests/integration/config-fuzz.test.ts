import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/random.js';
import { captureLogger, tempDir } from '../helpers/test-config.js';

const ROOT = path.resolve(__dirname, '../..');
const SHIPPED = JSON.parse(readFileSync(path.join(ROOT, 'config/smartcloudops.json'), 'utf8')) as Record<string, unknown>;
const TARGETS = JSON.parse(readFileSync(path.join(ROOT, 'config/aws_targets.json'), 'utf8')) as Record<string, unknown>;

// What a hand-edited file ends up holding where a value belongs.
const ODD: unknown[] = [null, true, 0, -1, 1e308, 0.5, '', 'x', ' 30 ', '*/0 * * * *', [], {}, [null], { '': 1 }, 'web-1', -0, 2 ** 53];

type Json = Record<string, unknown> | unknown[];

/** Every path to a value in the document, objects and arrays included. */
function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v && typeof v === 'object') return [at, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return [at];
}

function mutate(doc: Json, rnd: () => number): Json {
  const copy = structuredClone(doc);
  const all = paths(copy).filter((p) => p.length > 0);
  for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
    const p = all[Math.floor(rnd() * all.length)]!;
    const parent = p.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown> | undefined)?.[k], copy) as
      Record<string | number, unknown> | undefined;
    if (!parent || typeof parent !== 'object') continue;
    const key = p.at(-1)!;
    const r = rnd();
    if (r < 0.25) delete parent[key];
    else if (r < 0.9) parent[key] = ODD[Math.floor(rnd() * ODD.length)];
    else parent[`${String(key)}_typo`] = parent[key];
  }
  return copy;
}

describe('config under hand edits gone wrong', () => {
  it('either loads, and then boots and ticks, or names every field it refuses; it never throws anything else', async () => {
    const rnd = createRng(20261203);
    let loaded = 0;
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      const dir = tempDir('sco-cfg-');
      const config = mutate({ ...SHIPPED, targetsFile: 'targets.json' }, rnd);
      const targets = rnd() < 0.3 ? mutate(TARGETS, rnd) : TARGETS;
      writeFileSync(path.join(dir, 'c.json'), JSON.stringify(config));
      writeFileSync(path.join(dir, 'targets.json'), JSON.stringify(targets));
      const what = JSON.stringify(config).slice(0, 400);
      let c;
      try {
        c = loadConfig({ cwd: dir, env: { SCO_CONFIG: 'c.json', SCO_DATA_DIR: path.join(dir, 'data'), SCO_HTTP_PORT: '0' } });
      } catch (err) {
        expect(err, what).toBeInstanceOf(ConfigError);
        const problems = (err as ConfigError).problems;
        expect(problems.length, what).toBeGreaterThan(0);
        // Each problem names where it is: a config field, the targets file, or an environment variable.
        for (const p of problems) {
          expect(p, what).toMatch(/^(config(\.|:)|targets\.json|[A-Z][A-Z0-9_]+:)/);
          expect(p, what).not.toMatch(/received undefined|\[object Object\]/);
        }
        refused++;
        continue;
      }
      loaded++;
      // What validation lets through must run: boot, one tick, stop.
      if (loaded > 25) continue;
      const logger = captureLogger();
      // The host's own figures and a day of invented history only slow the run down.
      const sources = {
        ...c.sources,
        local: { ...c.sources.local, enabled: false },
        backfillHours: 0,
      };
      const app = createApp({ config: { ...c, sources }, logger });
      await app.start({ schedule: false });
      try {
        await app.tick();
      } finally {
        await app.stop();
      }
      expect(
        logger.lines.filter((l) => l.level === 'error'),
        what,
      ).toEqual([]);
    }
    // Both sides were reached.
    expect(loaded).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(50);
  }, 240_000);
});
