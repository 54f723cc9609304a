import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const H = 3_600_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }];
const cfg = configSchema.parse({
  thresholds: [
    { metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' },
    { metric: 'disk', above: 90, forSamples: 3, severity: 'critical' },
    { metric: 'memory', above: 95, forSamples: 3, severity: 'warning' },
  ],
});

/** web-1 cpu twice; db-1 disk forecast at 10:00, then its threshold at 10:20; one robust; memory never. */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const add = (id: string, at: number, over: Parameters<typeof resolvedAnomaly>[2]) =>
    store.upsertAnomaly(resolvedAnomaly(id, at + 5 * 60_000, { startTs: at, endTs: at + 5 * 60_000, ...over }));
  add('an_c1', NOW - 5 * H, { target: 'web-1', metric: 'cpu', detector: 'threshold', severity: 'warning', observed: 95, expectedHigh: 90 });
  add('an_c2', NOW - 3 * H, { target: 'web-1', metric: 'cpu', detector: 'threshold', severity: 'warning', observed: 96, expectedHigh: 90 });
  add('an_f1', NOW - 2 * H, { target: 'db-1', metric: 'disk', detector: 'forecast', key: 'db-1|disk|forecast', severity: 'critical' });
  add('an_d1', NOW - 2 * H + 20 * 60_000, {
    ...{ target: 'db-1', metric: 'disk', detector: 'threshold', key: 'db-1|disk|threshold' },
    ...{ severity: 'critical', observed: 93, expectedHigh: 90 },
  });
  add('an_r1', NOW - H, { target: 'db-1', metric: 'memory', detector: 'robust', key: 'db-1|memory|robust' });
  // Watched for two days: the week asked for is said as what was watched of it.
  store.setKv('pipeline:watching_since', String(NOW - 48 * H));
  return { store, targets, now: NOW, staleAfterMs: 90_000, thresholds: cfg.thresholds, forecasts: cfg.forecasts };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

describe("each rule's firing record", () => {
  it('reads "which rule fires most?", "which rule never fires?", "is the forecast rule useful?", and leaves the rule list alone', () => {
    expect(parseIntent('which rule fires most?', targets)).toEqual({ kind: 'rule_stats' });
    expect(parseIntent('rules that never fired this week', targets)).toEqual({ kind: 'rule_stats', never: true, spanMs: 7 * 86_400_000 });
    expect(parseIntent('is the forecast rule useful?', targets)).toEqual({ kind: 'rule_stats', detector: 'forecast' });
    expect(parseIntent('what thresholds are set?', targets).kind).toBe('rules');
    // Where tuning pays: the noisiest first.
    expect(parseIntent('which rule should I tune first?', targets)).toEqual({ kind: 'rule_stats' });
    // What to fix over a week is wider than the rules: the priorities, whose noisy series point here (decision 0068).
    expect(parseIntent('what should we fix next week?', targets)).toEqual({ kind: 'status', priorities: 7 * 86_400_000 });
    expect(parseIntent('what should we fix on web-1?', targets).kind).not.toBe('rule_stats');
  });

  it('ranks the rules and detectors by what they opened, and names those that opened nothing', () => {
    const lines = ask('which rule fires most?');
    expect(lines[0]).toBe(
      'Most: threshold: CPU > 90.0% ×3 (warning), 2 episodes (2 anomalies) in the last 2 d (watched since 2026-12-03 12:00:00 UTC).',
    );
    expect(lines[3]).toMatch(/^threshold: CPU > 90\.0% ×3 \(warning\) +2 +2 +1 +0 +-$/);
    expect(lines.filter((l) => /^(threshold|forecast|robust|isolation|silent)/.test(l))).toHaveLength(7);
    expect(ask('which rule never fires?')[0]).toBe(
      'Never fired in the last 2 d (watched since 2026-12-03 12:00:00 UTC): threshold: memory > 95.0% ×3 (warning); isolation forest (every host); silent hosts.',
    );
  });

  it('says whether each forecast was borne out by the threshold, and how far ahead it came', () => {
    const lines = ask('is the forecast rule useful?');
    expect(lines[0]).toBe(
      'The forecast: disk → 100.0% within 4 h (critical): 1 episode on 1 target in the last 2 d (watched since 2026-12-03 12:00:00 UTC).',
    );
    expect(lines).toContain(
      "Borne out: 1 of 1 forecasts were followed by the threshold on the same target and metric within the rule's horizon, a median 20 min ahead of it (longest 20 min); 0 were not (the value stopped short, or no threshold rule is set for it).",
    );
  });

  it('says a detector asked about opened nothing, rather than failing', () => {
    expect(ask('is the isolation forest detector useful?')[0]).toBe(
      'The isolation forest (every host) opened nothing in the last 2 d (watched since 2026-12-03 12:00:00 UTC).',
    );
  });

  it('narrows to one metric\'s rules and series for "how noisy is the disk rule?"', () => {
    expect(parseIntent('how noisy is the disk rule?', targets)).toEqual({ kind: 'rule_stats', metric: 'disk' });
    expect(parseIntent('how often does the memory threshold fire?', targets)).toMatchObject({ kind: 'rule_stats', metric: 'memory' });
    expect(parseIntent('is the cpu rule noisy?', targets)).toEqual({ kind: 'rule_stats', metric: 'cpu' });
    // "Too noisy" asks what other bounds would do.
    expect(parseIntent('is the cpu threshold too noisy?', targets).kind).toBe('tune');
    const lines = ask('how noisy is the disk rule?');
    expect(lines[0]).toBe(
      'Most: threshold: disk > 90.0% ×3 (critical), 1 episode (1 anomaly) in the last 2 d (watched since 2026-12-03 12:00:00 UTC).',
    );
    const rows = lines.filter((l) => /^(threshold|forecast|robust|isolation|silent)/.test(l));
    expect(rows.map((l) => l.split(/ {2,}/)[0])).toEqual([
      'threshold: disk > 90.0% ×3 (critical)',
      'forecast: disk → 100.0% within 4 h (critical)',
      'robust statistics (every disk series)',
    ]);
    // db-1's robust memory anomaly is not disk's.
    expect(rows[2]).toMatch(/ +0 +0 +0 +0 +-$/);
    expect(ask('how noisy is the latency rule?')[0]).toBe('No latency anomaly at all in the last 7 d: no rule or detector fired.');
  });
});

describe('"which alerts are safe to ignore?"', () => {
  it('says no alert is called safe, then gives the record to decide on', () => {
    expect(parseIntent('which alerts are safe to ignore?', targets)).toEqual({ kind: 'rule_stats', ignore: true });
    const lines = ask('what alerts can we ignore?');
    expect(lines[0]).toMatch(/^I never call an alert safe to ignore: each rule's record is below/);
    expect(lines[1]).toBe(ask('which rule fires most?')[0]);
  });
});
