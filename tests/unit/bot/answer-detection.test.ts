import { describe, expect, it } from 'vitest';
import { aboutFactsOf } from '../../../src/bot/answer-about.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const targets = [{ name: 'web-1', role: 'web' }];

function ctx(detectors: Record<string, unknown> = {}, about = true): AnswerContext {
  const config = configSchema.parse({ detectors });
  return {
    store: createSqliteStore(':memory:'),
    targets,
    now: Date.UTC(2026, 11, 6, 12),
    staleAfterMs: 90_000,
    thresholds: config.thresholds,
    forecasts: config.forecasts,
    ...(about ? { about: () => aboutFactsOf(config, { intervalMs: 30_000, targets, platforms: ['web'] }) } : {}),
  };
}
const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, c.targets), c).split('\n');

describe('how detection is set up', () => {
  it('is asked as settings, detectors enabled or sensitivity; not by "are the detectors working?" or a question of what fired', () => {
    for (const q of [
      'how sensitive is the anomaly detection?',
      'which detectors are enabled?',
      'what are the detection settings?',
      'how is detection configured?',
    ])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'rules', only: 'detectors' });
    for (const q of [
      'make detection less sensitive',
      'can you make the alerts less sensitive?',
      'reduce the alert sensitivity',
      'make the detectors less sensitive',
    ])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'rules', only: 'detectors', change: true });
    expect(parseIntent('are all detectors working?', targets).kind).toBe('about');
    expect(parseIntent('what thresholds are set?', targets)).toEqual({ kind: 'rules', only: 'thresholds' });
  });

  it('gives each detector with the settings that decide when it opens an anomaly, as loaded', () => {
    const lines = ask('which detectors are enabled?');
    expect(lines[1]).toMatch(/^• threshold rules: 3 rules, .*; 1 forecast of a limit reached\.$/);
    expect(lines[2]).toMatch(
      /^• robust statistics, per series: on\. Opens an anomaly at alarm strength 0\.2809 or more .*the NAB-tuned default\)/,
    );
    expect(lines[2]).toMatch(
      /at least 6 robust deviations and at least CPU 5 points, memory 2 points, disk 1 point, latency 20 ms, once a series has 100 samples \(50 min/,
    );
    expect(lines[3]).toMatch(
      /^• Isolation Forest, .*: on\. Opens a warning at score 0\.74 or more \(0 to 1\), once a host has 2,880 samples \(24 h at one every 30 s\)/,
    );
    expect(lines[4]).toBe('• silent host: critical after 2 min with no data.');
    expect(lines.at(-1)).toMatch(/^Less sensitive: raise detectors\.robust\.alarmThreshold or minDeviation/);
    // Another setting is said as set, with the tuned one beside it; a detector turned off is said off.
    const tuned = ask('how sensitive is the anomaly detection?', ctx({ robust: { alarmThreshold: 0.4 }, iforest: { enabled: false } }));
    expect(tuned[2]).toMatch(/alarm strength 0\.4 or more .*the NAB-tuned default is 0\.2809\)/);
    expect(tuned[3]).toBe('• Isolation Forest: off (detectors.iforest.enabled).');
  });

  it('says nothing was changed when asked to change it, and where the settings are when they are not known', () => {
    expect(ask('make detection less sensitive')[0]).toBe(
      'I don’t change my config from chat, so nothing was changed. Detection is set up like this now:',
    );
    const bare = ask('which detectors are enabled?', ctx({}, false));
    expect(bare.at(-1)).toBe(
      'The statistical detectors’ settings are not known to this process: see config detectors and docs/detection.md.',
    );
  });
});
