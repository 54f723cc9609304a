import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { BACKFILL_UNTIL } from '../../../src/core/ports.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const MIN = 60_000;
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];

const config = configSchema.parse({
  remediation: {
    rules: [
      {
        name: 'clean up a filling disk',
        when: { metrics: ['disk'], detectors: ['threshold'] },
        action: 'cleanup_disk',
        cooldownSeconds: 3600,
      },
      { name: 'scale out', when: { metrics: ['cpu'], detectors: ['threshold'] }, action: 'scale_up', mode: 'approval' },
    ],
  },
  chat: {
    runbooks: [
      { match: { metrics: ['disk'] }, url: 'https://wiki.example/disk-full?host={target}', label: 'Disk full' },
      { match: { roles: ['db'] }, url: 'https://wiki.example/db', label: 'Database' },
      { match: { metrics: ['cpu'], targets: ['web-*'] }, url: 'https://wiki.example/web-cpu' },
    ],
  },
});

const anomaly = (id: string, over: Partial<Anomaly>): Anomaly => resolvedAnomaly(id, NOW, over);

/**
 * db-1's disk: one episode replayed at the first start (forecast, threshold, robust), an older one
 * before it; web-1's CPU: a threshold anomaly whose scale-up was withdrawn.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const disk = { target: 'db-1', metric: 'disk', severity: 'critical' as const };
  store.upsertAnomaly(anomaly('an_old', { ...disk, startTs: NOW - 300 * MIN, endTs: NOW - 290 * MIN }));
  store.upsertAnomaly(anomaly('an_fc', { ...disk, detector: 'forecast', startTs: NOW - 100 * MIN, endTs: NOW - 93 * MIN }));
  store.upsertAnomaly(anomaly('an_th', { ...disk, startTs: NOW - 97 * MIN, endTs: NOW - 93 * MIN }));
  store.upsertAnomaly(anomaly('an_rb', { ...disk, detector: 'robust', startTs: NOW - 96 * MIN, endTs: NOW - 92 * MIN }));
  store.setKv(BACKFILL_UNTIL, String(NOW - 60 * MIN));
  store.upsertAnomaly(anomaly('an_cpu', { startTs: NOW - 20 * MIN, endTs: NOW - 15 * MIN }));
  const p = {
    ...PROPOSAL,
    id: 'rp_cpu',
    anomalyId: 'an_cpu',
    action: 'scale_up' as const,
    state: 'withdrawn' as const,
    result: 'resolved first',
  };
  store.insertProposal(p, { proposalId: p.id, from: null, to: 'proposed', actor: 'pipeline', ts: NOW - 20 * MIN, note: '' });
  return {
    store,
    targets,
    now: NOW,
    staleAfterMs: 90_000,
    remediationRules: config.remediation.rules,
    runbooks: config.chat.runbooks,
  };
}

const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, c.targets), c);

describe('"why wasn\'t the disk on db-1 cleaned up?"', () => {
  it('gives each anomaly of the latest episode and what remediation made of it', () => {
    const lines = ask("why wasn't the disk on db-1 cleaned up?").split('\n');
    expect(lines[0]).toBe('The latest episode on db-1 disk, from 2026-12-05 10:20:00 UTC: 3 anomalies.');
    expect(lines[1]).toBe('• an_fc (forecast, critical): No remediation rule matches disk from forecast at critical on db-1.');
    expect(lines[2]).toMatch(
      /^• an_th \(threshold, critical\): Rule "clean up a filling disk" \(cleanup_disk\) matches, but this opened in the history replayed/,
    );
    expect(lines[3]).toMatch(/^• an_rb \(robust, critical\): No remediation rule matches/);
    expect(lines.join('\n')).not.toMatch(/an_old/);
  });

  it('names the proposal and how it ended where there was one', () => {
    expect(ask("why didn't you scale up web-1?")).toMatch(
      /\n• an_cpu \(threshold, warning\): proposed rp_cpu scale_up on web-1 .*withdrawn; result: resolved first/,
    );
    expect(ask('why was no action taken on db-1?').split('\n')[0]).toMatch(/^The latest episode on db-1 disk/);
  });

  it("asked of a metric, takes that series' own episode before a later host-level one that blames it", () => {
    const c = ctx();
    c.store.upsertAnomaly(
      anomaly('an_host', {
        target: 'db-1',
        metric: 'host',
        feature: 'disk',
        detector: 'iforest',
        startTs: NOW - 80 * MIN,
        endTs: NOW - 75 * MIN,
      }),
    );
    expect(ask("why wasn't the disk on db-1 cleaned up?", c).split('\n')[0]).toBe(
      'The latest episode on db-1 disk, from 2026-12-05 10:20:00 UTC: 3 anomalies.',
    );
    // Asked of the host, the latest of any series.
    expect(ask('why was no action taken on db-1?', c).split('\n')[0]).toMatch(/^The latest episode on db-1 host metrics/);
  });
});

describe('runbooks and "what would you do?"', () => {
  it('lists the runbooks that fit the metric and target asked about, or says none is configured', () => {
    const disk = ask("what's the runbook for disk full?").split('\n');
    expect(disk).toEqual([
      'Runbooks for disk (linked on the alerts they match; {target} and {metric} are filled in there):',
      '• Disk full: https://wiki.example/disk-full?host={target} — metric disk',
      '• Database: https://wiki.example/db — role db',
    ]);
    expect(ask('runbook for web-1 cpu')).toMatch(/\n• Runbook: https:\/\/wiki\.example\/web-cpu — target web-\*, metric cpu$/);
    expect(ask('runbooks for memory', { ...ctx(), runbooks: [] })).toBe(
      'No runbook for memory is configured (chat.runbooks in the config file).',
    );
  });

  it('answers "what would you do about web-1 cpu?" with the remediation rules that apply', () => {
    const lines = ask('what would you do about web-1 cpu?').split('\n');
    expect(lines[0]).toMatch(/^Remediation rules for CPU, web-1 /);
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^• scale out: scale_up on CPU, threshold anomalies/)]);
  });
});
