import { describe, expect, it } from 'vitest';
import type { RemediationRule } from '../../../src/config/schema.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { stamp } from '../../../src/bot/format-reply.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import type { Proposal } from '../../../src/core/remediation.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';

// 11:49 UTC on 2026-12-03.
const NOW = Date.UTC(2026, 11, 3, 11, 49, 0);
const H = 3_600_000;
const MIN = 60_000;
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];

/**
 * Five remediations: a restart alice approved today that succeeded, a scale-up bob denied today,
 * a clean-up the dry-run policy ran yesterday, a restart alice approved today that failed, and a
 * scale-up carol approved yesterday that only finished today.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const put = (p: Partial<Proposal> & { id: string }) =>
    store.insertProposal(
      { ...PROPOSAL, createdTs: (p.decidedTs ?? NOW) - MIN, expiresTs: NOW + H, ...p },
      { proposalId: p.id, from: null, to: p.state ?? 'proposed', actor: 'pipeline', ts: p.updatedTs ?? NOW, note: '' },
    );
  put({
    id: 'rp_ok',
    state: 'succeeded',
    decidedBy: 'slack:alice',
    decidedTs: NOW - 2 * H,
    updatedTs: NOW - 2 * H + MIN,
    result: 'restarted nginx',
  });
  put({
    id: 'rp_no',
    target: 'db-1',
    action: 'scale_up',
    state: 'denied',
    decidedBy: 'discord:bob',
    decidedTs: NOW - H,
    updatedTs: NOW - H,
  });
  put({
    id: 'rp_auto',
    target: 'db-1',
    action: 'cleanup_disk',
    mode: 'dry_run',
    state: 'succeeded',
    decidedBy: 'policy:dry_run',
    decidedTs: NOW - 26 * H,
    updatedTs: NOW - 26 * H,
  });
  put({
    id: 'rp_fail',
    target: 'db-1',
    state: 'failed',
    decidedBy: 'slack:alice',
    decidedTs: NOW - 3 * H,
    updatedTs: NOW - 3 * H + MIN,
    result: 'exit 1',
  });
  put({
    id: 'rp_late',
    action: 'scale_up',
    state: 'succeeded',
    decidedBy: 'slack:carol',
    decidedTs: NOW - 25 * H,
    updatedTs: NOW - 30 * MIN,
  });
  put({ id: 'rp_wait', action: 'scale_up', state: 'proposed', updatedTs: NOW - 5 * MIN });
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c);
const ids = (reply: string) => [...reply.matchAll(/\brp_\w+/g)].map((m) => m[0]);

describe('questions about remediations already decided or run', () => {
  it('says who approved the last one of an action, apart from the state it reached', () => {
    const c = ctx();
    expect(ask('who approved the last scale up?', c)).toBe(
      [
        'The last approved scale_up:',
        `• ${stamp(NOW - 25 * H)} rp_late scale_up on web-1 (approval, simulate): succeeded, approved by slack:carol at ${stamp(NOW - 25 * H)}`,
      ].join('\n'),
    );
    expect(ask('who denied the scale-up on db-1', c)).toMatch(
      /^The last denied scale_up on db-1:\n• .* rp_no .*: denied by discord:bob at /,
    );
    expect(ask('what was decided yesterday', c)).toMatch(/approved automatically \(mode dry_run\)/);
  });

  it('lists proposals that lapsed, and reads "the last thing you did" as the latest one', () => {
    const c = ctx();
    expect(ask('which proposals expired?', c)).toBe('No proposal expired undecided.');
    expect(ask('withdrawn restart requests', c).split('\n')[0]).toBe('No restart_service proposal was withdrawn.');
    c.store.insertProposal(
      { ...PROPOSAL, id: 'rp_gone', state: 'expired', createdTs: NOW - 2 * H, expiresTs: NOW - H, updatedTs: NOW - H },
      { proposalId: 'rp_gone', from: null, to: 'expired', actor: 'pipeline', ts: NOW - H, note: '' },
    );
    expect(ids(ask('which proposals expired?', c))).toEqual(['rp_gone']);
    expect(ids(ask("what's the last thing you did?", c))).toEqual(['rp_late']);
    // rp_no, a scale-up denied after rp_late ran, does not hide it.
    // rp_wait, a scale-up proposed since and not yet decided, is named below it.
    const lastUp = ask('when was the last scale up?', c).split('\n');
    expect(ids(lastUp.slice(0, -1).join('\n'))).toEqual(['rp_late']);
    expect(lastUp.at(-1)).toMatch(
      /^Waiting for approval now: rp_wait \(scale_up on web-1, proposed .*\); "pending approvals" lists them\.$/,
    );
  });

  it('finds decisions by when they were made, and the rest by when they last moved', () => {
    const c = ctx();
    // rp_late was approved yesterday and finished today; rp_no was denied today.
    expect(ids(ask('what was approved today', c))).toEqual(['rp_ok', 'rp_fail']);
    expect(ask('what was approved today', c).split('\n')[0]).toBe('The last 2 approved remediations today (UTC):');
    expect(ids(ask('did anyone approve anything yesterday?', c))).toEqual(['rp_late', 'rp_auto']);
    expect(ids(ask('remediations today', c))).toEqual(['rp_late', 'rp_no', 'rp_ok', 'rp_fail']);
    expect(ids(ask('denied proposals', c))).toEqual(['rp_no']);
    expect(ids(ask('any failed remediations?', c))).toEqual(['rp_fail']);
    expect(ask('any failed remediations?', c)).toMatch(
      /rp_fail restart_service on db-1 .*: failed, approved by slack:alice at .* — exit 1$/,
    );
    expect(ask('were any restarts denied this week', c)).toBe(
      [
        'No restart_service was denied over the last 7 d.',
        'Only restarts proposed here are listed; one done by hand or by the provider is not recorded, and host uptime is not a figure I collect.',
      ].join('\n'),
    );
    // What waits is still the pending list, whatever words it is asked in.
    expect(ask('pending restarts', c)).toMatch(/^1 waiting for approval:\n• rp_wait: scale_up on web-1/);
  });

  it('reads restarts, reboots and scale-ups asked about in the past as the history of that action', () => {
    const c = ctx();
    expect(ids(ask('what restarts happened today', c))).toEqual(['rp_ok', 'rp_fail']);
    expect(ids(ask('any restarts on db-1?', c))).toEqual(['rp_fail']);
    const last = ask('when was the last restart', c).split('\n');
    expect(last[0]).toBe('The last restart_service:');
    expect(ids(last[1]!)).toEqual(['rp_ok']);
    expect(last[2]).toMatch(/^Only restarts proposed here are listed/);
    expect(ids(ask('when was web-1 last scaled up', c))).toEqual(['rp_late', 'rp_wait']);
    // One that was denied or withdrawn did not happen: it is counted, not listed.
    expect(ask('was db-1 scaled up?', c)).toBe(
      'No scale_up ran on db-1.\nAlso proposed and not run: 1 (denied 1); ask for the history to list them.',
    );
    expect(ids(ask('scale up history on db-1', c))).toEqual(['rp_no']);
    expect(ids(ask('what did the bot do yesterday', c))).toEqual(['rp_auto']);
  });

  it('lists what a rule ran with no person deciding, and says which rules may', () => {
    const c = ctx();
    const rule: RemediationRule = {
      name: 'clean',
      when: { metrics: ['disk'], minSeverity: 'warning', forSeconds: 0 },
      action: 'cleanup_disk',
      params: {},
      executor: 'simulate',
      cooldownSeconds: 3600,
    };
    const dry = { ...c, remediationRules: [{ ...rule, mode: 'dry_run' as const }] };
    const reply = ask('did anything run automatically this week?', dry).split('\n');
    expect(ids(reply.join('\n'))).toEqual(['rp_auto']);
    expect(reply.at(-1)).toBe(
      'No rule is in auto mode: only dry_run rules ("clean") act without a person, and they record what they would do, never run it.',
    );
    expect(ask('auto remediations today', dry)).toBe(
      [
        'No remediation ran automatically today (UTC): each was decided by a person, or none was proposed.',
        'No rule is in auto mode: only dry_run rules ("clean") act without a person, and they record what they would do, never run it.',
      ].join('\n'),
    );
    const auto = { ...c, remediationRules: [{ ...rule, mode: 'auto' as const }] };
    expect(ask('was anything fixed without approval yesterday?', auto).split('\n').at(-1)).toBe(
      'Rules in auto mode (run with no approver): "clean".',
    );
    // The policy, not the history, when nothing is asked about the past.
    expect(parseIntent('what runs automatically?', targets)).toEqual({ kind: 'policy', focus: 'modes' });
    expect(parseIntent('is auto-remediation on?', targets)).toEqual({ kind: 'policy', focus: 'modes' });
    expect(ids(ask('what did you just do?', c))).toEqual(['rp_late', 'rp_no', 'rp_ok', 'rp_fail', 'rp_auto']);
  });

  it('counts by action, outcome, target and who decided when asked how many', () => {
    const c = ctx();
    expect(ask('how many remediations this week?', c)).toBe(
      [
        '5 remediations over the last 7 d.',
        'By action: restart_service 2, scale_up 2, cleanup_disk 1',
        'By outcome: succeeded 3, denied 1, failed 1',
        'Of those that ran: 3 succeeded, 1 failed (75% succeeded); 4 of them dry runs or simulations, which touch no host.',
        'By target: db-1 3, web-1 2',
        'Decided by: slack:alice 2, automatically (dry_run) 1, discord:bob 1, slack:carol 1',
        'Ask without "how many" for the list.',
      ].join('\n'),
    );
    expect(ask('how many restarts on db-1 this week', c).split('\n')[0]).toBe(
      '1 restart_service remediation that ran on db-1 over the last 7 d.',
    );
  });
});

describe('time to resolve and to acknowledge', () => {
  it('gives the median, mean, 90th percentile and longest open time, and how soon alerts were acked', () => {
    const store = createSqliteStore(':memory:');
    const minutes = [1, 2, 3, 4, 10];
    minutes.forEach((m, k) =>
      store.upsertAnomaly({
        ...cpuAnomaly(`an_r${k}`, k % 2 ? 'db-1' : 'web-1'),
        key: `k${k}`,
        status: 'resolved',
        startTs: NOW - 5 * H + k * H,
        endTs: NOW - 5 * H + k * H + m * MIN,
        updatedTs: NOW,
      }),
    );
    store.upsertAnomaly({ ...cpuAnomaly('an_open'), key: 'open', startTs: NOW - 90 * MIN, updatedTs: NOW });
    for (const [id, after] of [
      ['an_r0', 2],
      ['an_r4', 8],
      ['an_open', 30],
    ] as const) {
      store.chat.linkAlert(id, `msg-${id}`);
      const start = id === 'an_open' ? NOW - 90 * MIN : NOW - 5 * H + Number(id.slice(4)) * H;
      store.chat.acknowledge({ msgKey: `msg-${id}`, by: 'slack:U1', ts: start + after * MIN });
    }
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    const lines = ask('mttr today', c).split('\n');
    // The time asked for leads, the counts follow.
    expect(lines[0]).toBe(
      "Time to resolve (start to the detector's all-clear, 5 resolved): median 3 min, mean 4 min, 90th percentile 10 min, longest 10 min (an_r4, web-1 CPU).",
    );
    expect(lines[1]).toBe('6 anomalies today (UTC), 1 open.');
    expect(lines).toContain('Still open: 1, the oldest for 1 h 30 min (an_open).');
    expect(lines).toContain('More than once (same target and metric): web-1 CPU 4, db-1 CPU 2');
    expect(lines.some((l) => l.startsWith('By day'))).toBe(false);
    // Started at 06:49, 07:49, 08:49, 09:49, 10:49 and (the open one) 10:19.
    const busiest = 'Busiest hours of the day (UTC, by start): 10:00 2, 06:00 1, 07:00 1, 08:00 1, 09:00 1';
    expect(lines).toContain(busiest);
    expect(ask('which hour had the most anomalies today', c).split('\n')).toContain(busiest);
    store.upsertAnomaly({
      ...cpuAnomaly('an_old', 'web-1', 'disk'),
      key: 'old',
      status: 'resolved',
      startTs: NOW - 30 * H,
      endTs: NOW - 29 * H,
      updatedTs: NOW,
    });
    expect(ask('which alerts fired more than once this week', c).split('\n')).toContain('By day (UTC): 12-02 1, 12-03 6');
    // The slowest is named, so "which took longest to ack?" has its answer.
    expect(lines).toContain(
      'Acknowledged in chat: 3 of 6, a median 8 min after the start (mean 13 min, longest 30 min: an_open, web-1 CPU).',
    );
    // Asked about acknowledging, the share is of the alerts posted to chat, and the slowest are listed.
    const within = ask('how many alerts were acknowledged within 10 minutes today?', c).split('\n');
    expect(within[0]).toBe(
      'Acknowledged in chat: 3 of 6 (3 of them posted to chat), a median 8 min after the start (mean 13 min, longest 30 min: an_open, web-1 CPU); 2 of them within 10 min.',
    );
    expect(within).toContain(
      'Slowest to be acknowledged: an_open web-1 CPU after 30 min (slack:U1); an_r4 web-1 CPU after 8 min (slack:U1); an_r0 web-1 CPU after 2 min (slack:U1).',
    );
    expect(ask('how long do incidents on db-1 last on average', c)).toMatch(
      /\(start to the detector's all-clear, 2 resolved\): median 2 min, mean 3 min/,
    );
    // Asked for a time nothing has: said so rather than left out.
    const quiet: AnswerContext = { ...c, store: createSqliteStore(':memory:') };
    quiet.store.upsertAnomaly({ ...cpuAnomaly('an_new'), startTs: NOW - MIN, updatedTs: NOW });
    const acked = ask('mean time to acknowledge today', quiet).split('\n');
    expect(acked[0]).toBe('Acknowledged in chat: none of the 1 (it was not posted to chat).');
    expect(acked).toContain('Still open: 1, the oldest for 60 s (an_new).');
    expect(ask('mttr today', quiet)).toMatch(/Time to resolve: none of them has resolved yet\./);
  });
});
