import { describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.js';
import { createReloader } from '../../../src/cli/reloader.js';
import { captureLogger, testConfig } from '../../helpers/test-config.js';

/** Apps that only record their starts and stops; `failNext` makes building or starting the next one throw. */
function harness() {
  const events: string[] = [];
  let n = 0;
  let fail: 'build' | 'start' | undefined;
  const build = (c: { schedule: string }): App => {
    const id = `app${++n}(${c.schedule})`;
    const failing = fail;
    fail = undefined;
    if (failing === 'build') throw new Error(`cannot build ${id}`);
    return {
      start: async () => {
        if (failing === 'start') throw new Error(`cannot start ${id}`);
        events.push(`start ${id}`);
      },
      stop: async () => void events.push(`stop ${id}`),
    } as unknown as App;
  };
  return { events, build, failNext: (f: 'build' | 'start') => (fail = f) };
}

describe('createReloader', () => {
  const base = testConfig({ targets: [{ name: 'web-1' }] });
  const other = { ...base, schedule: '*/15 * * * * *' };

  it('swaps in a changed config, leaves an unchanged one alone, and refuses one that does not load or moves the data dir', async () => {
    const h = harness();
    let next: typeof base | Error = base;
    const logger = captureLogger();
    const load = () => {
      if (next instanceof Error) throw next;
      return next;
    };
    const r = createReloader({ load, build: h.build, logger, running: { app: h.build(base), config: base } });
    expect(await r.reload()).toBe('unchanged');
    next = new Error('config.thresholds.0.above: expected number');
    expect(await r.reload()).toBe('refused');
    next = { ...other, dataDir: '/elsewhere' };
    expect(await r.reload()).toBe('refused');
    expect(h.events).toEqual([]);
    next = other;
    expect(await r.reload()).toBe('reloaded');
    expect(h.events).toEqual([`stop app1(${base.schedule})`, `start app2(${other.schedule})`]);
    expect(r.current().config).toBe(other);
    expect(logger.lines.map((l) => l.msg)).toContain('config reloaded');
  });

  it('rolls back to the config that ran when the new one fails to build or to start', async () => {
    for (const how of ['build', 'start'] as const) {
      const h = harness();
      const r = createReloader({
        load: () => other,
        build: h.build,
        logger: captureLogger(),
        running: { app: h.build(base), config: base },
      });
      h.failNext(how);
      expect(await r.reload()).toBe('rolled_back');
      expect(r.current().config).toBe(base);
      expect(h.events.at(-1)).toBe(`start app3(${base.schedule})`);
    }
  });
});
