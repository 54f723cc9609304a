import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { createOnCall } from '../../../src/bot/on-call.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { onCallSchema } from '../../../src/config/on-call-schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const H = 3_600_000;
// Shifts of 24 h from 09:00, alice first: alice holds 2026-12-05 09:00 to 12-06 09:00, bob the day before and after.
const DEC5 = Date.UTC(2026, 11, 5, 9, 0, 0);
const NOW = DEC5 + 27 * H; // 2026-12-06 12:00, bob on call
const targets = [{ name: 'web-1' }, { name: 'db-1' }];

function ctx(rotation = true): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.upsertAnomaly(resolvedAnomaly('an_dbq', DEC5 + 2 * H, { startTs: DEC5 + H, endTs: DEC5 + 2 * H, target: 'db-1' }));
  store.upsertAnomaly(
    resolvedAnomaly('an_web', DEC5 + 11 * H + 60_000, { startTs: DEC5 + 11 * H, endTs: DEC5 + 11 * H + 60_000, target: 'web-1' }),
  );
  const onCall = rotation
    ? createOnCall(onCallSchema.parse({ members: [{ name: 'alice' }, { name: 'bob' }], shiftHours: 24, handoff: '2026-12-01T09:00:00Z' }), {
        store,
        clock: { now: () => NOW },
      })
    : undefined;
  return { store, targets, now: NOW, staleAfterMs: 90_000, ...(onCall ? { onCall } : {}) };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, targets), c).split('\n');
const holders = (lines: string[]) => lines.filter((l) => l.startsWith('• '));

describe('"who was on call when…"', () => {
  it('names who held the pager while an anomaly was open, not who holds it now', () => {
    const c = ctx();
    const lines = ask('who was on call when web-1 alerted?', c);
    expect(lines[0]).toBe('On call while an_web (web-1 CPU, warning) was open: 2026-12-05 20:00:00 UTC to 2026-12-05 20:01:00 UTC (60 s):');
    expect(holders(lines)).toEqual(['• alice, 2026-12-05 09:00:00 UTC to 2026-12-06 09:00:00 UTC (their rotation shift)']);
    expect(holders(ask('who was on call during an_dbq?', c))).toEqual([
      '• alice, 2026-12-05 09:00:00 UTC to 2026-12-06 09:00:00 UTC (their rotation shift)',
    ]);
    expect(holders(ask('who was on call at 2026-12-05 08:00?', c))).toEqual([
      '• bob, 2026-12-04 09:00:00 UTC to 2026-12-05 09:00:00 UTC (their rotation shift)',
    ]);
    expect(parseIntent('who is on call?', targets)).toEqual({ kind: 'routing', onCall: true });
  });

  it('follows covers set in chat from the records, even one replaced or ended since, and swaps', () => {
    const c = ctx();
    const rotation = c.onCall!.names[0]!;
    c.store.appendRecord('oncall_cover', DEC5 + 9 * H, {
      rotation,
      member: 'bob',
      until: DEC5 + 14 * H,
      actor: 'slack:U2',
      instead: 'alice',
    });
    // "Last night" is 22:00 to 06:00: bob's cover until 23:00, then alice's own shift.
    expect(holders(ask('who had the pager last night?', c))).toEqual([
      '• bob, 2026-12-05 18:00:00 UTC to 2026-12-05 23:00:00 UTC (a cover set in chat by slack:U2, for alice)',
      '• alice, 2026-12-05 09:00:00 UTC to 2026-12-06 09:00:00 UTC (their rotation shift)',
    ]);
    // Ended early at 21:00: alice again from then.
    c.store.appendRecord('oncall_cover_ended', DEC5 + 12 * H, { rotation, member: 'bob', actor: 'slack:U2' });
    expect(holders(ask('who was on call at 22:30 yesterday?', c))).toEqual([
      '• alice, 2026-12-05 09:00:00 UTC to 2026-12-06 09:00:00 UTC (their rotation shift)',
    ]);
    c.store.appendRecord('oncall_swap', DEC5 - 3 * 24 * H, {
      id: 'sw_1',
      rotation,
      a: 'alice',
      b: 'bob',
      aShift: { from: DEC5 - 2 * 24 * H, until: DEC5 - 24 * H },
      bShift: { from: DEC5 - 24 * H, until: DEC5 },
    });
    expect(holders(ask('who was on call at 2026-12-03 12:00?', c))).toEqual([
      "• bob, 2026-12-03 09:00:00 UTC to 2026-12-04 09:00:00 UTC (alice's shift, by swap sw_1)",
    ]);
  });

  it('says when there is nothing to place, and when no rotation is set', () => {
    expect(ask('who was on call during an_nope?', ctx())).toEqual(['No anomaly an_nope is kept, so there is no time to place.']);
    expect(ask('who was on call when web-1 alerted?', ctx(false))[0]).toBe(
      'No on-call rotation is set (chat.onCall in the config file), so I cannot say who was on call.',
    );
  });
});
