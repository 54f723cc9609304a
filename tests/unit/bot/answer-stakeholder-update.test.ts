import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Proposal } from '../../../src/core/remediation.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly, resolvedAnomaly } from '../../fixtures/anomaly.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const M = 60_000;
const targets = [{ name: 'web-1' }, { name: 'db-1' }, { name: 'api-1' }];

function quiet(): AnswerContext {
  const store = createSqliteStore(':memory:');
  for (const t of targets) store.setTargetState(t.name, 'up');
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

/** An incident with an update, web-1 CPU open (critical), db-1 silent, two episodes resolved today, one yesterday, fixes and silences. */
function busy(): AnswerContext {
  const c = quiet();
  const { store } = c;
  store.setTargetState('db-1', 'silent');
  store.upsertAnomaly({ ...cpuAnomaly('an_open'), severity: 'critical', startTs: NOW - 20 * M, updatedTs: NOW });
  store.upsertAnomaly({
    ...cpuAnomaly('an_lat', 'web-1', 'latency_ms'),
    observed: 800,
    peak: 900,
    expectedHigh: 500,
    startTs: NOW - 15 * M,
  });
  store.upsertAnomaly(resolvedAnomaly('an_d1', NOW, { target: 'api-1', metric: 'disk', startTs: NOW - 120 * M, endTs: NOW - 110 * M }));
  // The same episode, from a second detector: counted once.
  store.upsertAnomaly(
    resolvedAnomaly('an_d2', NOW, { target: 'api-1', metric: 'disk', detector: 'robust', startTs: NOW - 119 * M, endTs: NOW - 112 * M }),
  );
  store.upsertAnomaly(resolvedAnomaly('an_m1', NOW, { target: 'web-1', metric: 'memory', startTs: NOW - 60 * M, endTs: NOW - 30 * M }));
  store.upsertAnomaly(
    resolvedAnomaly('an_y', NOW, { target: 'web-1', metric: 'disk', startTs: NOW - 20 * 60 * M, endTs: NOW - 19 * 60 * M }),
  );
  const proposal = (p: Partial<Proposal>) => {
    const full = { ...PROPOSAL, ...p };
    store.insertProposal(full, { proposalId: full.id, from: null, to: 'proposed', actor: 'pipeline', ts: full.createdTs, note: '' });
  };
  proposal({ id: 'rp_done', executor: 'script', state: 'succeeded', createdTs: NOW - 40 * M, updatedTs: NOW - 35 * M });
  proposal({ id: 'rp_sim', target: 'api-1', executor: 'simulate', state: 'succeeded', createdTs: NOW - 100 * M, updatedTs: NOW - 100 * M });
  proposal({ id: 'rp_wait', createdTs: NOW - 5 * M, updatedTs: NOW - 5 * M });
  store.appendRecord('incident_declared', NOW - 25 * M, { id: 'in_a', title: 'checkout slow', targets: ['web-1'], actor: 'slack:alice' });
  store.appendRecord('incident_update', NOW - 10 * M, { id: 'in_a', text: 'rolled back v2.4', actor: 'slack:alice' });
  store.appendRecord('incident_declared', NOW - 180 * M, { id: 'in_b', title: 'search errors', targets: ['api-1'], actor: 'slack:bob' });
  store.appendRecord('incident_resolved', NOW - 150 * M, { id: 'in_b', actor: 'slack:bob' });
  store.chat.addSilence({
    id: 'sl_m',
    target: 'db-1',
    metric: '*',
    untilTs: NOW + 90 * M,
    createdBy: 'slack:bob',
    createdTs: NOW - 30 * M,
    reason: 'database migration',
  });
  store.chat.addSilence({
    id: 'sl_n',
    target: 'api-1',
    metric: '*',
    untilTs: NOW + 60 * M,
    createdBy: 'slack:bob',
    createdTs: NOW - 30 * M,
  });
  return c;
}

const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, targets), c);

describe('a status update for people outside the team', () => {
  it('reads each way of asking for one, and leaves an incident update, a digest of a day and the table alone', () => {
    for (const q of [
      'status update for stakeholders',
      'what do I tell my boss?',
      'what should I tell customers?',
      'draft a status page update',
      'write an update for management',
      'exec summary',
      'explain to leadership what is going on',
    ])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'status', update: true });
    expect(parseIntent('status update for web-1 and api-1', targets)).toEqual({ kind: 'status', update: true, group: ['web-1', 'api-1'] });
    expect(parseIntent('status update: rolled back', targets)).toMatchObject({ kind: 'incident', action: 'update', text: 'rolled back' });
    expect(parseIntent('give me a status report for yesterday', targets)).toMatchObject({ kind: 'anomalies', digest: true });
    expect(parseIntent('status report', targets)).toEqual({ kind: 'status' });
  });

  it('says all is normal when nothing is open, with no next update promised', () => {
    expect(ask('status update for stakeholders', quiet()).split('\n')).toEqual([
      'Draft update for people outside the team (as of 12:00 UTC; plain words, no ids — check it before you send it):',
      'Status: all systems normal.',
      'Nothing is affected right now.',
      'Earlier today: no other issues.',
      'No further updates planned unless something changes.',
    ]);
  });

  it('leads with the incident and its latest update, then what is affected, in plain words and without ids', () => {
    const reply = ask('what do I tell my boss?', busy());
    expect(reply.split('\n')).toEqual([
      'Draft update for people outside the team (as of 12:00 UTC; plain words, no ids — check it before you send it):',
      'Status: incident in progress.',
      'We are working on an incident: "checkout slow" (web-1), since 11:35 UTC (25 min); alice leads the response.',
      'Latest from the team (11:50 UTC): rolled back v2.4.',
      'Not reporting: db-1 (we cannot see its health until it is back).',
      'Affected now:',
      '• web-1: high CPU load since 11:40 UTC; slow responses since 11:45 UTC',
      // api-1 disk from two detectors is one issue; yesterday's web-1 disk is not today's.
      'Earlier today: 2 issues on 2 hosts, all resolved, typically within 10 min (the longest 30 min).',
      'Resolved today: "search errors", 09:00 UTC to 09:30 UTC (30 min).',
      // The simulated run changed nothing: only the script's restart is a fix applied.
      'Fixes applied today: restart service on web-1 (11:25 UTC).',
      "1 fix is proposed and awaiting the team's go-ahead.",
      // A silence with no reason says nothing planned.
      'Planned: database migration (db-1, until 13:30 UTC).',
      'Next update: by 12:30 UTC, or sooner if anything changes.',
    ]);
    expect(reply).not.toMatch(/\b(?:an|rp|in|sl)_\w+|score|robust|threshold|slack:/);
  });

  it('keeps to the targets named, and calls an open warning alone minor', () => {
    const c = quiet();
    c.store.upsertAnomaly({ ...cpuAnomaly('an_w', 'api-1', 'memory'), startTs: NOW - 5 * M });
    c.store.upsertAnomaly({ ...cpuAnomaly('an_x', 'db-1', 'disk'), severity: 'critical', startTs: NOW - 5 * M });
    const lines = ask('status update for api-1', c).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Draft update for people outside the team on api-1 (as of 12:00 UTC; plain words, no ids — check it before you send it):',
      'Status: minor issues.',
      'Affected now:',
      '• api-1: high memory use since 11:55 UTC',
    ]);
    expect(ask('status update for stakeholders', c)).toContain('Status: degraded.');
  });
});
