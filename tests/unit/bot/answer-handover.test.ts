import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { createOnCall } from '../../../src/bot/on-call.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { onCallSchema } from '../../../src/config/on-call-schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const H = 3_600_000;
// Shifts of 24 h from 09:00: alice holds 2026-12-05 09:00 to 2026-12-06 09:00.
const HANDOFF = Date.UTC(2026, 11, 5, 9, 0, 0);
const targets = [{ name: 'web-1' }];

function ctx(now: number, rotation = true): AnswerContext {
  const store = createSqliteStore(':memory:');
  // One anomaly in bob's shift before (08:00), two in alice's (10:00, 20:00).
  for (const [id, at] of [
    ['an_before', HANDOFF - H],
    ['an_one', HANDOFF + H],
    ['an_two', HANDOFF + 11 * H],
  ] as const)
    store.upsertAnomaly(resolvedAnomaly(id, at + 60_000, { startTs: at, endTs: at + 60_000, target: 'web-1' }));
  const onCall = rotation
    ? createOnCall(onCallSchema.parse({ members: [{ name: 'alice' }, { name: 'bob' }], shiftHours: 24, handoff: '2026-12-01T09:00:00Z' }), {
        store,
        clock: { now: () => now },
      })
    : undefined;
  return { store, targets, now, staleAfterMs: 90_000, ...(onCall ? { onCall } : {}) };
}
const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, targets), c).split('\n');

describe('"handover notes"', () => {
  it('is the digest of the on-call shift so far, with who takes over, not of the UTC day', () => {
    expect(parseIntent('handover notes', targets)).toMatchObject({ kind: 'anomalies', digest: true, shift: true });
    expect(parseIntent('anything I should know before my shift?', targets)).toMatchObject({ kind: 'anomalies', digest: true, shift: true });
    expect(parseIntent('brief me before my shift', targets)).toMatchObject({ digest: true, shift: true });
    expect(parseIntent('when is my shift?', targets)).toMatchObject({ kind: 'routing', onCall: true, me: true });
    expect(parseIntent('daily digest', targets)).not.toHaveProperty('shift');
    // 00:30 the next day: the UTC day has nothing, alice's shift two anomalies.
    const c = ctx(HANDOFF + 15.5 * H);
    const lines = ask('handover notes', c);
    expect(lines[0]).toBe("2 anomalies in alice's shift so far (since 2026-12-05 09:00:00 UTC), 0 open.");
    expect(lines.at(-1)).toBe('On call now: alice, until 2026-12-06 09:00:00 UTC; next: bob (in 8 h 30 min).');
    expect(ask('daily digest', c)[0]).toBe('No anomalies today (UTC).');
  });

  it('covers the shift just handed over in the first hour of the next, and the last 12 h without a rotation', () => {
    // 09:20: alice took over 20 min ago, so the notes are of bob's shift, which just ended.
    expect(ask('shift report', ctx(HANDOFF + 20 * 60_000))[0]).toBe(
      "1 anomaly in bob's shift, just handed over (2026-12-04 09:00:00 UTC to 2026-12-05 09:00:00 UTC), 0 open.",
    );
    expect(ask('handover notes', ctx(HANDOFF + 12 * H, false))[0]).toBe(
      '2 anomalies in the last 12 h (no on-call rotation is set, so no shift), 0 open.',
    );
  });
});
