import { describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { LAST_CONFIG_KV } from '../../../src/observability/record-start.js';
import { VERSION } from '../../../src/observability/version.js';
import { captureLogger, tempDir, testConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 11, 5, 9, 0, 0);
const HOUR = 3_600_000;

/** Starts the app at `now` on `dataDir` with these thresholds and targets, asks, stops. */
async function startAndAsk(dataDir: string, now: number, cpuAbove: number, targets: string[], questions: string[]) {
  const config = testConfig({
    targets: targets.map((name) => ({ name })),
    env: { SCO_DATA_DIR: dataDir, SCO_WEB_TOKEN: 'tok-123456789012' },
    overrides: { sources: { backfillHours: 0 }, thresholds: [{ metric: 'cpu', above: cpuAbove }] },
  });
  const logger = captureLogger();
  const app = createApp({ config, logger, clock: { now: () => now } });
  const addr = await app.start({ schedule: false });
  try {
    const replies: string[] = [];
    for (const question of questions) {
      const r = await fetch(`http://127.0.0.1:${addr.port}/api/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer tok-123456789012' },
        body: JSON.stringify({ question }),
      });
      replies.push(((await r.json()) as { reply: string }).reply);
    }
    return { replies, logger, kv: app.store.getKv(LAST_CONFIG_KV)! };
  } finally {
    await app.stop();
  }
}

describe('config changes between starts', () => {
  it('records each start with what its config changed, says so in chat, and keeps secrets out', async () => {
    const data = tempDir();
    const first = await startAndAsk(data, T0, 90, ['web-1', 'db-1'], ['what changed in the config?']);
    expect(first.replies[0]).toMatch(
      /^My start at 2026-12-05 09:00:00 UTC is the first one recorded: there is no earlier config to compare\.\nWho edited/,
    );
    // The snapshot holds the file's settings, not what came from the environment.
    expect(first.kv).toContain('"thresholds"');
    expect(first.kv).not.toContain('tok-123456789012');
    expect(first.kv).not.toContain(data);

    const second = await startAndAsk(
      data,
      T0 + HOUR,
      85,
      ['web-1', 'db-1', 'web-3'],
      ['what changed in the config?', 'when were you last restarted?'],
    );
    expect(second.replies[0]!.split('\n')).toEqual([
      'The config I started with at 2026-12-05 10:00:00 UTC differs from the one before (the start at 2026-12-05 09:00:00 UTC):',
      '• targets: added web-3',
      '• thresholds[cpu].above: 90 → 85',
      'These are the settings in effect, defaults included: a default that a new version added or changed shows here too.',
      "Who edited the file I can't tell: config is read at start and on a reload (SIGHUP), and `smartcloudops config check` validates an edit first.",
    ]);
    expect(second.logger.lines.find((l) => l.msg === 'the config changed since the last start')?.obj).toEqual({
      changes: ['targets: added web-3', 'thresholds[cpu].above: 90 → 85'],
    });
    expect(second.replies[1]!.split('\n').slice(0, 4)).toEqual([
      `I started at 2026-12-05 10:00:00 UTC, 0 s ago (SmartCloudOps ${VERSION}).`,
      'Starts in the last 7 days: 2:',
      // The first app ticked once at its start: nothing ran from then to the second start.
      `• 2026-12-05 10:00:00 UTC (${VERSION}), after 60 min not running (last tick 2026-12-05 09:00:00 UTC), config changed: 2 settings`,
      `• 2026-12-05 09:00:00 UTC (${VERSION}), the first recorded`,
    ]);

    // The same config again: unchanged, and the answer still names the last change.
    const third = await startAndAsk(data, T0 + 2 * HOUR, 85, ['web-1', 'db-1', 'web-3'], ['did anyone change the config?']);
    expect(third.replies[0]!.split('\n').slice(0, 3)).toEqual([
      'The config is the same as at the start before. It last changed at the start at 2026-12-05 10:00:00 UTC:',
      '• targets: added web-3',
      '• thresholds[cpu].above: 90 → 85',
    ]);
    expect(third.logger.lines.some((l) => l.msg === 'the config changed since the last start')).toBe(false);
  });
});
