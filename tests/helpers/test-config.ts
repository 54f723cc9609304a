import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deepMerge, loadConfig, type Config } from '../../src/config/load-config.js';
import type { Logger } from '../../src/core/ports.js';

export function tempDir(prefix = 'sco-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestConfigOptions {
  targets?: unknown[];
  overrides?: Record<string, unknown>;
  env?: Record<string, string>;
}

/** A config in a fresh temp dir: its own targets file and data dir, side port on a free port. */
export function testConfig(o: TestConfigOptions = {}): Config {
  const dir = tempDir();
  const targets = o.targets ?? [
    { name: 'web-1', role: 'web', instanceId: 'i-0a1b2c3d4e5f60001' },
    { name: 'db-1', role: 'db' },
  ];
  writeFileSync(path.join(dir, 'targets.json'), JSON.stringify({ targets }));
  return loadConfig({
    cwd: dir,
    env: { SCO_DATA_DIR: path.join(dir, 'data'), SCO_HTTP_PORT: '0', ...o.env },
    overrides: deepMerge(
      {
        targetsFile: 'targets.json',
        // Slot incidents follow the wall clock: tests on real time must not meet a random silent host.
        sources: { local: { enabled: false }, synthetic: { incidentEveryMinutes: 1_000_000 } },
        // Alerts are posted the tick their anomaly opens, one message per target and tick; the
        // pending period's and the joining's own tests set them.
        chat: { pendingFor: [], joinMinutes: 0 },
      },
      o.overrides ?? {},
    ) as Record<string, unknown>,
  });
}

/** The approval-mode rule the boot incident's threshold anomaly triggers. */
export const SCALE_ON_CPU_RULE = {
  name: 'scale',
  when: { metrics: ['cpu'], detectors: ['threshold'] },
  action: 'scale_up',
  mode: 'approval',
};

/**
 * web-1 and db-1 with the synthetic demo's boot incident (web-1's CPU spike, about 4 minutes from
 * the first tick, seen by the threshold rule and the robust detector) and no slot incidents;
 * `approvalRule` adds SCALE_ON_CPU_RULE. `overrides` are merged on top.
 */
export function bootIncidentConfig(o: TestConfigOptions & { approvalRule?: boolean } = {}): Config {
  const base = {
    sources: { backfillHours: 2, synthetic: { incidentEveryMinutes: 100_000 } },
    ...(o.approvalRule ? { remediation: { rules: [SCALE_ON_CPU_RULE] } } : {}),
  };
  return testConfig({
    targets: o.targets ?? [
      { name: 'web-1', role: 'web' },
      { name: 'db-1', role: 'db' },
    ],
    env: o.env,
    overrides: deepMerge(base, o.overrides ?? {}) as Record<string, unknown>,
  });
}

export interface CapturedLogger extends Logger {
  lines: { level: string; obj: unknown; msg?: string }[];
}

export function captureLogger(): CapturedLogger {
  const lines: CapturedLogger['lines'] = [];
  const make = (): CapturedLogger => {
    const log = (level: string) => (obj: unknown, msg?: string) => void lines.push({ level, obj, msg });
    return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), child: () => make() };
  };
  return make();
}
