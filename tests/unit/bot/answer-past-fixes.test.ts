import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { itOf } from '../../../src/bot/follow-up.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';
import type { Proposal } from '../../../src/core/remediation.js';

const NOW = Date.UTC(2026, 10, 2, 12, 0, 0);
const H = 3_600_000;
const targets = [{ name: 'db-1' }, { name: 'web-1' }];

/**
 * db-1 disk: at 02:00 for 20 min a clean-up ran (dry run), slack:U1 took the alert on and noted
 * "rotated logs"; at 06:00 for 10 min nothing was done; at 11:30 one is open now.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const disk = { target: 'db-1', metric: 'disk' };
  store.upsertAnomaly(resolvedAnomaly('an_a', NOW, { ...disk, startTs: NOW - 10 * H, endTs: NOW - 10 * H + 20 * 60_000 }));
  store.upsertAnomaly(resolvedAnomaly('an_b', NOW, { ...disk, startTs: NOW - 6 * H, endTs: NOW - 6 * H + 10 * 60_000 }));
  store.upsertAnomaly({ ...resolvedAnomaly('an_now', NOW, { ...disk, startTs: NOW - 30 * 60_000 }), status: 'open', endTs: null });
  const ran: Proposal = { ...PROPOSAL, id: 'rp_clean', anomalyId: 'an_a', target: 'db-1', action: 'cleanup_disk', mode: 'dry_run' };
  store.insertProposal(
    { ...ran, state: 'succeeded', createdTs: NOW - 10 * H + 60_000, updatedTs: NOW - 10 * H + 120_000 },
    { proposalId: 'rp_clean', from: null, to: 'proposed', actor: 'pipeline', ts: NOW - 10 * H + 60_000, note: '' },
  );
  store.chat.linkAlert('an_a', 'msg-a');
  store.chat.acknowledge({ msgKey: 'msg-a', by: 'slack:U1', ts: NOW - 10 * H + 5 * 60_000 });
  store.appendRecord('alert_note', NOW - 10 * H + 6 * 60_000, { anomaly: 'an_a', target: 'db-1', actor: 'slack:U1', text: 'rotated logs' });
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c).split('\n');

describe('how it was fixed before', () => {
  it('reads the question, of what is named or of the anomaly the conversation is about', () => {
    expect(parseIntent('how did we handle the db-1 disk alert before?', targets)).toEqual({
      kind: 'precedent',
      fixed: true,
      target: 'db-1',
      metric: 'disk',
    });
    expect(parseIntent('what fixed it last time?', targets)).toEqual({ kind: 'precedent', fixed: true });
    expect(itOf(parseIntent('how was this fixed before?', targets), 'an_now')).toEqual({ kind: 'precedent', fixed: true, id: 'an_now' });
    expect(itOf(parseIntent('has this happened before?', targets), 'an_now')).toEqual({ kind: 'precedent', id: 'an_now' });
  });

  it('says what the records show was done each earlier time, newest first, and when nothing was', () => {
    const lines = ask('how did we handle the db-1 disk alert before?');
    expect(lines[0]).toMatch(/^db-1 disk has had 2 earlier episodes/);
    expect(lines.slice(1, 4)).toEqual([
      'What was done the last 2 times, from the records (remediations, acks, notes, changes):',
      '• 2026-11-02 06:00:00 UTC, for 10 min: nothing recorded as done: it ended on its own, as far as the records go',
      '• 2026-11-02 02:00:00 UTC, for 20 min: cleanup_disk ran (rp_clean, a dry run); taken on by slack:U1; noted 2026-11-02 02:06:00 UTC slack:U1: rotated logs',
    ]);
    // An ended one asked about is itself the last time.
    const ended = answerIntent({ kind: 'precedent', fixed: true, id: 'an_b' }, ctx()).split('\n');
    expect(ended[1]).toBe('What was done the last 2 times, from the records (remediations, acks, notes, changes):');
    expect(ended[2]).toMatch(/^• 2026-11-02 06:00:00 UTC, for 10 min: nothing recorded/);
  });

  it('reads a person\'s notes, and a time said after "from" as the time', () => {
    expect(parseIntent('what did alice say about db-1?', targets)).toEqual({
      kind: 'audit',
      actor: 'alice',
      target: 'db-1',
      span: { kind: 'last', ms: 7 * 24 * H },
      verbs: ['noted'],
    });
    expect(parseIntent('show notes from today', targets)).not.toHaveProperty('actor');
    expect(parseIntent('notes from yesterday', targets)).not.toHaveProperty('actor');
  });
});
