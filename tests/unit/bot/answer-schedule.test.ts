import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { createOnCall } from '../../../src/bot/on-call.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { onCallSchema } from '../../../src/config/on-call-schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const H = 3_600_000;

describe('"what\'s scheduled?"', () => {
  it('lists what is already set in the next week, soonest first, and says when nothing is', () => {
    const store = createSqliteStore(':memory:');
    const targets = [{ name: 'db-1' }];
    const empty: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    expect(answerIntent(parseIntent("what's scheduled?", targets), empty)).toMatch(/^Nothing is scheduled in the next 7 days/);

    // A silence in force ending at 14:00, one scheduled for tomorrow night, and one ending after a week.
    store.chat.addSilence({ id: 'sl_now', target: 'db-1', metric: '*', untilTs: NOW + 2 * H, createdBy: 'slack:U1', createdTs: NOW - H });
    store.chat.addSilence({
      ...{ id: 'sl_next', target: 'db-1', metric: 'disk', createdBy: 'slack:U1', createdTs: NOW },
      ...{ startsTs: NOW + 34 * H, untilTs: NOW + 35 * H },
    });
    store.chat.addSilence({ id: 'sl_far', target: '*', metric: '*', untilTs: NOW + 9 * 24 * H, createdBy: 'slack:U1', createdTs: NOW });
    const onCall = createOnCall(
      onCallSchema.parse({ members: [{ name: 'alice' }, { name: 'bob' }], shiftHours: 24, handoff: '2026-12-01T09:00:00Z' }),
      { store, clock: { now: () => NOW } },
    );
    // A weekly maintenance window: NOW is a Saturday, so it next opens on Sunday at 02:00.
    const muteTimes = [{ name: 'patching', match: { targets: ['db-1'] }, weekdays: ['sun' as const], start: '02:00', end: '03:00' }];
    const c: AnswerContext = { ...empty, onCall, muteTimes };
    expect(answerIntent(parseIntent("what's coming up?", targets), c).split('\n')).toEqual([
      'Coming up in the next 7 days (5):',
      '• 2026-12-05 14:00:00 UTC (in 2 h): silence sl_now on db-1 ends',
      '• 2026-12-06 02:00:00 UTC (in 14 h): maintenance window "patching" (Sun 02:00–03:00 UTC) opens, until 2026-12-06 03:00:00 UTC',
      // The 2026-12-01 09:00 hand-off makes alice's shift run to 09:00 on the 6th; the next two hand-overs show.
      '• 2026-12-06 09:00:00 UTC (in 21 h): on call: bob takes over from alice',
      '• 2026-12-06 22:00:00 UTC (in 34 h): silence sl_next on db-1 disk begins, until 2026-12-06 23:00:00 UTC',
      '• 2026-12-07 09:00:00 UTC (in 45 h): on call: alice takes over from bob',
      '"Silences" lists what each silence and maintenance window holds.',
    ]);
  });

  it('says whether one host is silenced now when asked "is db-1 in maintenance?"', () => {
    const store = createSqliteStore(':memory:');
    const targets = [{ name: 'db-1' }, { name: 'web-1' }];
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    store.chat.addSilence({ id: 'sl_db', target: 'db-1', metric: '*', untilTs: NOW + 2 * H, createdBy: 'slack:U1', createdTs: NOW - H });
    expect(answerIntent(parseIntent('is db-1 in maintenance?', targets), c).split('\n')[0]).toBe(
      'db-1 is silenced now: sl_db (db-1 until 2026-12-05 14:00:00 UTC, by slack:U1).',
    );
    expect(answerIntent(parseIntent('is web-1 in maintenance?', targets), c).split('\n')[0]).toBe('web-1 is not silenced now.');
  });
});
