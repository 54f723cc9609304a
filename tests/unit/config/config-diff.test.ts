import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSnapshot, diffConfig, snapshotHash } from '../../../src/config/config-diff.js';
import { loadConfig } from '../../../src/config/load-config.js';

describe('config diff between starts', () => {
  it('matches named things by name, so one added in the middle is one line', () => {
    const before = { targets: [{ name: 'a' }, { name: 'b', role: 'web' }], schedule: '*/30 * * * * *' };
    const after = { targets: [{ name: 'a' }, { name: 'new' }, { name: 'b', role: 'db' }], schedule: '*/30 * * * * *' };
    expect(diffConfig(before, after)).toEqual(['targets: added new', 'targets[b].role: "web" → "db"']);
    expect(diffConfig(after, before)).toEqual(['targets: removed new', 'targets[b].role: "db" → "web"']);
  });

  it('keys rules by metric and target, compares plain lists whole, and notes settings set or unset', () => {
    const before = {
      thresholds: [
        { metric: 'cpu', above: 90 },
        { metric: 'cpu', target: 'db-1', above: 95 },
      ],
      chat: { channels: { slack: ['C1'] } },
    };
    const after = {
      thresholds: [
        { metric: 'cpu', above: 90 },
        { metric: 'cpu', target: 'db-1', above: 97, forSamples: 5 },
      ],
      chat: { channels: { slack: ['C1', 'C2'] }, dashboard: { url: 'https://g.example/d' } },
    };
    expect(diffConfig(before, after)).toEqual([
      'chat.channels.slack: ["C1"] → ["C1","C2"]',
      'chat.dashboard: (unset) → {"url":"https://g.example/d"}',
      'thresholds[cpu@db-1].above: 95 → 97',
      'thresholds[cpu@db-1].forSamples: (unset) → 5',
    ]);
    // Unnamed lists of objects of the same length compare place by place; otherwise whole.
    expect(diffConfig({ l: [{ x: 1 }, { x: 2 }] }, { l: [{ x: 1 }, { x: 3 }] })).toEqual(['l[1].x: 2 → 3']);
    expect(diffConfig({ l: [{ x: 1 }] }, { l: [{ x: 1 }, { x: 3 }] })).toEqual(['l: [{"x":1}] → [{"x":1},{"x":3}]']);
  });

  it('ignores key order, shortens long values, and caps the lines', () => {
    expect(diffConfig({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toEqual([]);
    expect(snapshotHash({ a: { x: 1, y: 2 } })).toBe(snapshotHash({ a: { y: 2, x: 1 } }));
    expect(diffConfig({ s: 'x'.repeat(200) }, { s: 'y' })[0]).toMatch(/^s: "x{76}… → "y"$/);
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${String(i).padStart(2, '0')}`, i]));
    const lines = diffConfig({}, many);
    expect(lines).toHaveLength(26);
    expect(lines.at(-1)).toBe('and 15 more');
  });

  it('snapshots the file settings and targets, not what the environment gave', () => {
    const cfg = loadConfig({
      cwd: path.resolve(__dirname, '../../..'),
      env: { SCO_WEB_TOKEN: 'secret-web-token', SLACK_BOT_TOKEN: 'xoxb-secret', SLACK_SIGNING_SECRET: 'sig', OPENAI_API_KEY: 'sk-secret' },
    });
    const text = JSON.stringify(configSnapshot(cfg));
    for (const secret of ['secret-web-token', 'xoxb-secret', 'sk-secret', cfg.dataDir]) expect(text).not.toContain(secret);
    expect(Object.keys(configSnapshot(cfg))).toEqual(expect.arrayContaining(['thresholds', 'chat', 'targets', 'remediation']));
  });
});
