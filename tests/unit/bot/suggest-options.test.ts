import { describe, expect, it } from 'vitest';
import { MAX_CHOICES, suggestOptions } from '../../../src/bot/suggest-options.js';
import type { Proposal } from '../../../src/core/remediation.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const M = 60_000;

const proposal = (id: string, target: string, expiresInMin: number): Proposal => ({
  id,
  anomalyId: 'an_x',
  anomalyKey: 'k',
  target,
  action: 'restart_service',
  params: {},
  mode: 'approval',
  executor: 'simulate',
  state: 'proposed',
  reason: 'r',
  createdTs: NOW - M,
  updatedTs: NOW - M,
  expiresTs: NOW + expiresInMin * M,
  requestedBy: 'pipeline',
  decidedBy: null,
  decidedTs: null,
  result: null,
});

function store() {
  const s = createSqliteStore(':memory:');
  s.upsertAnomaly({ ...cpuAnomaly('an_webcpu', 'web-1', 'cpu'), startTs: NOW - 5 * M });
  s.upsertAnomaly({
    ...cpuAnomaly('an_dbdisk', 'db-1', 'disk'),
    key: 'db-1|disk|robust',
    detector: 'robust',
    severity: 'critical',
    startTs: NOW - 9 * M,
  });
  const event = (p: Proposal) => ({
    proposalId: p.id,
    from: null,
    to: 'proposed' as const,
    actor: 'pipeline',
    ts: p.createdTs,
    note: 'rule',
  });
  for (const p of [proposal('rp_late', 'web-1', 25), proposal('rp_soon', 'db-1', 3)]) s.insertProposal(p, event(p));
  return s;
}

describe('suggestOptions', () => {
  const targets = ['api-1', 'db-1', 'web-1', 'web-2'];

  it('offers targets with something open first, matched anywhere and case-blind', () => {
    const s = store();
    expect(suggestOptions(s, targets, 'target', '', NOW).map((c) => c.name)).toEqual(['db-1 (1 open)', 'web-1 (1 open)', 'api-1', 'web-2']);
    expect(suggestOptions(s, targets, 'target', 'WEB', NOW).map((c) => c.value)).toEqual(['web-1', 'web-2']);
    expect(suggestOptions(s, targets, 'target', 'b-2', NOW).map((c) => c.value)).toEqual(['web-2']);
  });

  it('offers the proposals waiting for a decision, the soonest to expire first', () => {
    const s = store();
    expect(suggestOptions(s, targets, 'proposal', '', NOW)).toEqual([
      { value: 'rp_soon', name: 'rp_soon restart_service on db-1, expires in 3 min' },
      { value: 'rp_late', name: 'rp_late restart_service on web-1, expires in 25 min' },
    ]);
    expect(suggestOptions(s, targets, 'proposal', 'web', NOW).map((c) => c.value)).toEqual(['rp_late']);
  });

  it('offers open alerts: each target with the worst first, then each anomaly by id', () => {
    const s = store();
    expect(suggestOptions(s, targets, 'alert', '', NOW)).toEqual([
      { value: 'db-1', name: 'db-1: 1 open, critical (disk)' },
      { value: 'web-1', name: 'web-1: 1 open, warning (CPU)' },
      { value: 'an_dbdisk', name: 'an_dbdisk db-1 disk [critical] (robust)' },
      { value: 'an_webcpu', name: 'an_webcpu web-1 CPU [warning] (threshold)' },
    ]);
    expect(suggestOptions(s, targets, 'alert', 'cpu', NOW).map((c) => c.value)).toEqual(['web-1', 'an_webcpu']);
  });

  it('keeps to 25 choices of at most 100 characters, whatever the fleet and the typing', () => {
    const s = store();
    const many = Array.from({ length: 60 }, (_, i) => `host-${String(i).padStart(2, '0')}-${'x'.repeat(i % 2 ? 90 : 120)}`);
    const got = suggestOptions(s, many, 'target', 'host', NOW);
    expect(got).toHaveLength(MAX_CHOICES);
    // A value Discord would refuse (over 100 characters) is left out rather than failing the whole list.
    expect(got.every((c) => c.name.length <= 100 && c.value.length <= 100)).toBe(true);
    expect(suggestOptions(s, targets, 'target', 'x'.repeat(5000), NOW)).toEqual([]);
  });
});
