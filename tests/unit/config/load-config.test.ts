import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { ConfigError } from '../../../src/core/errors.js';
import { tempDir } from '../../helpers/test-config.js';

function problems(files: Record<string, unknown>, env: Record<string, string> = {}): string[] {
  const dir = tempDir();
  for (const [name, body] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  }
  try {
    loadConfig({ cwd: dir, env: { SCO_CONFIG: 'c.json', ...env } });
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
}

const targets = { targets: [{ name: 'web-1' }] };
/** Every problem with a `chat` section, as one text. */
const chatProblems = (chat: unknown) => problems({ 'c.json': { targetsFile: 't.json', chat }, 't.json': targets }).join('\n');

describe('loadConfig', () => {
  it('accepts the shipped config and targets', () => {
    const c = loadConfig({ cwd: path.resolve(__dirname, '../../..'), env: {} });
    expect(c.targets.length).toBeGreaterThanOrEqual(2);
    expect(c.schedule).toBe('*/30 * * * * *');
    expect(c.http).toMatchObject({ host: '127.0.0.1', port: 8080 });
    expect(c.sources.synthetic.enabled).toBe(true);
    expect(c.sources.local.enabled).toBe(true);
  });

  it('applies defaults when the file is minimal', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ targetsFile: 't.json' }));
    writeFileSync(path.join(dir, 't.json'), JSON.stringify(targets));
    const c = loadConfig({ cwd: dir, env: { SCO_CONFIG: 'c.json', SCO_DATA_DIR: '/tmp/x', SCO_HTTP_PORT: '9999' } });
    expect(c.thresholds.find((t) => t.metric === 'cpu')).toMatchObject({ above: 90, forSamples: 3 });
    expect(c.remediation.approvalTtlMinutes).toBe(30);
    expect(c.dataDir).toBe('/tmp/x');
    expect(c.http.port).toBe(9999);
  });

  it('reads the history to backfill from sources.backfillHours, or from where it used to be', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 't.json'), JSON.stringify(targets));
    const hours = (sources: unknown) => {
      writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ targetsFile: 't.json', sources }));
      return loadConfig({ cwd: dir, env: { SCO_CONFIG: 'c.json' } }).sources.backfillHours;
    };
    expect(hours(undefined)).toBe(24);
    expect(hours({ backfillHours: 6 })).toBe(6);
    expect(hours({ synthetic: { backfillHours: 2 } })).toBe(2);
    expect(hours({ backfillHours: 0, synthetic: { backfillHours: 2 } })).toBe(0);
    expect(problems({ 'c.json': { targetsFile: 't.json', sources: { backfillHours: 200 } }, 't.json': targets }).join('\n')).toMatch(
      /sources\.backfillHours/,
    );
    // A Prometheus query per metric: the metric is named as everywhere else.
    const bad = problems({
      'c.json': { targetsFile: 't.json', sources: { prometheus: { queries: { 'P95 Latency': 'up' } } } },
      't.json': targets,
    });
    expect(bad.join('\n')).toMatch(/sources\.prometheus\.queries.*lower_snake_case/);
  });

  it('reports every problem at once, naming the field and the fix', () => {
    const p = problems(
      {
        'c.json': {
          targetsFile: 't.json',
          schedule: 'every now and then',
          thresholds: [{ metric: 'cpu', forSamples: 0 }],
          sourcez: {},
          remediation: { rules: [{ name: 'x', action: 'format_disk' }] },
        },
        't.json': { targets: [{ name: 'web-1' }, { name: 'web-1' }, { name: 'bad name!' }, { name: 'p', source: 'prometheus' }] },
      },
      { SCO_HTTP_PORT: 'eighty', SCO_LOG_LEVEL: 'loud' },
    );
    const text = p.join('\n');
    expect(text).toMatch(/config\.sourcez: .*remove it or check the spelling/);
    expect(text).toMatch(/config\.thresholds\.0\.forSamples/);
    expect(text).toMatch(/config\.remediation\.rules\.0\.action/);
    expect(text).toMatch(/SCO_HTTP_PORT: "eighty" is not a port/);
    expect(text).toMatch(/SCO_LOG_LEVEL/);
    // The schedule is only checked once the file parses; the targets file is checked regardless.
    expect(p.length).toBeGreaterThanOrEqual(6);
  });

  it('reports target-file problems with their path', () => {
    const p = problems({
      'c.json': { targetsFile: 't.json' },
      't.json': { targets: [{ name: 'web-1' }, { name: 'web-1' }, { name: 'bad name!' }, { name: 'p', source: 'prometheus' }] },
    });
    const text = p.join('\n');
    expect(text).toMatch(/t\.json\.targets\.1\.name: duplicate target name "web-1"/);
    expect(text).toMatch(/t\.json\.targets\.2\.name/);
    expect(text).toMatch(/targets\.3\.address: prometheus targets need an address/);
    expect(text).toMatch(/sources\.prometheus\.enabled: targets use source "prometheus" but it is disabled/);
  });

  it('says a required field is missing rather than "received undefined"', () => {
    const p = problems({ 'c.json': { targetsFile: 't.json', thresholds: [{ above: 90 }] }, 't.json': targets });
    expect(p).toContain('config.thresholds.0.metric: missing; it is required (string), see docs/configuration.md');
    const rule = { name: 'r', when: {}, action: 'restart_service' };
    const q = problems({ 'c.json': { targetsFile: 't.json', remediation: { rules: [rule] } }, 't.json': targets });
    expect(q).toContain(
      'config.remediation.rules.0.params: service: missing; it is required (string); see docs/configuration.md#remediation',
    );
  });

  it('bounds numbers that have a sensible range, and CloudWatch periods to what the API takes', () => {
    const p = problems({
      'c.json': {
        targetsFile: 't.json',
        sources: { cloudwatch: { periodSeconds: 45 } },
        remediation: { scriptTimeoutSeconds: 1e6, approvalTtlMinutes: 1e9 },
        retention: { samplesHours: 1e12 },
      },
      't.json': targets,
    }).join('\n');
    expect(p).toMatch(/config\.sources\.cloudwatch\.periodSeconds: CloudWatch periods are 1, 5, 10, 30 or a multiple of 60 seconds/);
    expect(p).toMatch(/config\.remediation\.scriptTimeoutSeconds: Too big: expected number to be <=3600/);
    expect(p).toMatch(/config\.remediation\.approvalTtlMinutes: Too big/);
    expect(p).toMatch(/config\.retention\.samplesHours: Too big/);
  });

  it('bounds the knobs whose huge values would misbehave quietly: a timer that fires every millisecond, a detector that never wakes', () => {
    const p = problems({
      'c.json': {
        targetsFile: 't.json',
        records: { s3: { flushEverySeconds: 3_000_000 } },
        chat: { slack: { watchdogSeconds: 1e7 }, fleetGroup: { minTargets: 1e9 } },
        detectors: {
          resolveAfterSamples: 1e9,
          persistEverySeconds: 1e9,
          robust: { minHistory: 1e12, minChange: { disk: -1, queue_depth: 1e16 } },
          iforest: { refitEvery: 1e9, minHistory: 1e9, warmup: 1e12 },
          silence: { afterSeconds: 1e9 },
        },
      },
      't.json': targets,
    }).join('\n');
    for (const field of [
      'records.s3.flushEverySeconds',
      'chat.slack.watchdogSeconds',
      'chat.fleetGroup.minTargets',
      'detectors.resolveAfterSamples',
      'detectors.persistEverySeconds',
      'detectors.robust.minHistory',
      'detectors.iforest.refitEvery',
      'detectors.iforest.minHistory',
      'detectors.iforest.warmup',
      'detectors.silence.afterSeconds',
    ])
      expect(p).toMatch(new RegExp(`config\\.${field.replace(/\./g, '\\.')}: Too big`));
    expect(p).toMatch(/config\.detectors\.robust\.minChange\.disk: Too small/);
    expect(p).toMatch(/config\.detectors\.robust\.minChange\.queue_depth: Too big/);
  });

  it('explains a threshold without a limit', () => {
    expect(problems({ 'c.json': { targetsFile: 't.json', thresholds: [{ metric: 'cpu' }] }, 't.json': targets })[0]).toMatch(
      /config\.thresholds\.0: a threshold needs "above" or "below"/,
    );
  });

  it('rejects a bad cron expression and broken JSON clearly', () => {
    expect(problems({ 'c.json': { targetsFile: 't.json', schedule: '61 * * * *' }, 't.json': targets })[0]).toMatch(
      /config\.schedule: .* is not a valid cron expression/,
    );
    expect(problems({ 'c.json': '{ nope', 't.json': targets })[0]).toMatch(/SCO_CONFIG: .* is not valid JSON/);
    expect(problems({ 't.json': targets })[0]).toMatch(/SCO_CONFIG: file .* does not exist/);
  });

  it('checks alert routes: each needs channels, known match keys and Discord channel ids', () => {
    const text = chatProblems({
      routes: [
        { name: 'page', match: { severity: ['critical'] }, slack: ['C-PAGE'] },
        { match: { severities: ['urgent'] }, slack: ['C-X'] },
        { match: { targets: ['db-*'] } },
        { match: {}, discord: ['#ops'] },
        { match: {}, slack: ['C1'], mentions: { slack: ['@oncall', '<!here>'], discord: ['<@&12345>', '@channel'] } },
        { match: {}, slack: ['C1'], during: [{ start: '9:00', end: '18:00' }] },
      ],
    });
    expect(text).toMatch(/config\.chat\.routes\.0\.match\.severity: .*remove it or check the spelling/);
    expect(text).toMatch(/config\.chat\.routes\.1\.match\.severities\.0/);
    expect(text).toMatch(/config\.chat\.routes\.2: a route needs "slack", "discord" or "web" channels/);
    expect(text).toMatch(/config\.chat\.routes\.3\.discord\.0: a Discord channel id/);
    // Mentions are sent unescaped, so only the platforms' own syntax passes.
    expect(text).toMatch(/config\.chat\.routes\.4\.mentions\.slack\.0: a Slack mention/);
    expect(text).not.toMatch(/routes\.4\.mentions\.slack\.1/);
    expect(text).toMatch(/config\.chat\.routes\.4\.mentions\.discord\.1: a Discord mention/);
    expect(text).toMatch(/config\.chat\.routes\.5\.during\.0\.start: a time of day "HH:MM"/);
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'c.json'),
      JSON.stringify({ targetsFile: 't.json', chat: { routes: [{ match: { roles: ['db'] }, slack: [] }] } }),
    );
    writeFileSync(path.join(dir, 't.json'), JSON.stringify(targets));
    expect(loadConfig({ cwd: dir, env: { SCO_CONFIG: 'c.json' } }).chat.routes).toEqual([
      { match: { roles: ['db'] }, slack: [], continue: false },
    ]);
  });

  it('checks maintenance windows: times, weekdays and the time zone', () => {
    const text = chatProblems({
      muteTimes: [
        { name: 'a', start: '25:00', end: '01:00' },
        { name: 'b', start: '02:00', end: '02:00' },
        { name: 'c', start: '02:00', end: '03:00', timezone: 'Mars/Olympus' },
        { name: 'd', start: '02:00', end: '03:00', weekdays: ['sunday'] },
      ],
    });
    expect(text).toMatch(/config\.chat\.muteTimes\.0\.start: a time of day "HH:MM"/);
    expect(text).toMatch(/config\.chat\.muteTimes\.3\.weekdays\.0/);
    expect(text).toMatch(/config\.chat\.muteTimes\.1: a window needs "end" different from "start"/);
    expect(text).toMatch(/config\.chat\.muteTimes\.2\.timezone: an IANA time zone/);
  });

  it('checks escalation mentions as platform syntax, like a route’s', () => {
    const text = chatProblems({
      escalate: { afterMinutes: 15, mentions: { slack: ['@oncall', '<!subteam^S0LEADS>'], discord: ['<@&123456789012345678>', 'leads'] } },
    });
    expect(text).toMatch(/config\.chat\.escalate\.mentions\.slack\.0: a Slack mention/);
    expect(text).toMatch(/config\.chat\.escalate\.mentions\.discord\.1: a Discord mention/);
    expect(text).not.toMatch(/mentions\.slack\.1|mentions\.discord\.0/);
    expect(chatProblems({ escalate: { afterMinutes: -1 } })).toMatch(/config\.chat\.escalate\.afterMinutes/);
  });

  it('accepts only http(s) runbook URLs', () => {
    const text = chatProblems({
      runbooks: [{ url: 'javascript:alert(1)' }, { url: 'https://wiki/x y' }, { url: 'https://wiki.example.com/{metric}' }],
    });
    expect(text).toMatch(/config\.chat\.runbooks\.0\.url: an http\(s\) URL/);
    expect(text).toMatch(/config\.chat\.runbooks\.1\.url: an http\(s\) URL/);
    expect(text).not.toMatch(/runbooks\.2/);
  });
});
