import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { clockTs } from '../../../src/bot/parse-clock.js';
import { silenceWindow } from '../../../src/bot/silence-window.js';
import { withSloName } from '../../../src/bot/answer-slo.js';
import { sloSchema } from '../../../src/config/slo-schema.js';
import { createSloTracker } from '../../../src/core/slo-tracker.js';
import { sloReport } from '../../../src/core/slo-report.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { createSloBoard } from '../../../src/status/slo-board.js';
import { renderStatusText } from '../../../src/status/render-status-text.js';
import { cpuAnomaly, resolvedAnomaly } from '../../fixtures/anomaly.js';
import { D, H, fleet, latency, NOW } from '../../fixtures/slo-fleet.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';
import type { StatusDoc } from '../../../src/status/build-status.js';

const dayOf = (ts: number) => new Date(ts).toISOString().slice(0, 10);

/** `days` of readings a minute apart on api-1 and api-2, ending at NOW; `slow` picks the bad ones. */
function ctx(days: number, slow: (target: string, ts: number) => boolean, slos = [latency]): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  for (const target of ['api-1', 'api-2'])
    for (let n = 0; n < days * 1440; n++) {
      const ts = NOW - n * 60_000;
      samples.push({ target, metric: 'latency_ms', ts, value: slow(target, ts) ? 900 : 120 });
    }
  store.saveSamples(samples);
  return { store, targets: fleet, now: NOW, staleAfterMs: 90_000, slos };
}
const ask = (q: string, c: AnswerContext) => answerIntent(withSloName(parseIntent(q, fleet), q, c.slos), c).split('\n');

describe('an SLO over a span asked for', () => {
  // Three days kept (from 12-04 12:01); on 12-05 api-1 is slow every 10th minute and api-2 every 30th.
  const slow = (t: string, ts: number) => dayOf(ts) === '2026-12-05' && (ts / 60_000) % (t === 'api-1' ? 10 : 30) === 0;

  it('judges last week on the samples in it, says where they start, and gives each day', () => {
    expect(ask('did we meet the slo last week?', ctx(3, slow))).toEqual([
      'api-latency over the last 7 d: missed, 97.78% good against the 99% objective (8,448 of 8,640 samples good; 192 bad: api-1 144, api-2 48).',
      '  Error budget for those samples: 86 bad allowed, 192 spent (222%): overspent.',
      // Against the rolling window: 192 bad of the 864 a 30 d budget allows (decision 0069).
      '  Burn over it: 2.2×, 22% of a 30 d budget (1× spends the budget exactly over 30 d).',
      '  The samples held start at 2026-12-04 12:01:00 UTC: the time before (past retention.samplesHours, or before I watched) is not judged.',
      '  By day (UTC, good share): 12-04 100%, 12-05 93.33% (below), 12-06 100%, 12-07 100%.',
      '  The SLO itself is judged over a rolling 30 d: "error budget" says where it stands now, with the burn rates.',
    ]);
  });

  it('reads yesterday and a date as whole days, and says when nothing is held for the span', () => {
    const c = ctx(3, slow);
    expect(ask('error budget yesterday', c).slice(0, 2)).toEqual([
      'api-latency yesterday (2026-12-06 UTC): met, 100% good against the 99% objective (2,880 of 2,880 samples good; 0 bad).',
      '  Error budget for those samples: 28 bad allowed, 0 spent (0%).',
    ]);
    expect(ask('slo on dec 5', c)[0]).toMatch(
      /^api-latency .*2026-12-05.*: missed, 93\.33% good against the 99% objective \(2,688 of 2,880/,
    );
    expect(ask('api slo in november', c)).toEqual([
      'api-latency in November 2026 (UTC): no samples of api-1, api-2 are held for then, so there is nothing to judge.',
      '  How far back samples are kept is retention.samplesHours (and nothing was kept before I began watching).',
    ]);
    // Without a span, the rolling window as before.
    expect(ask('did we meet the slo?', c)[0]).toMatch(
      /^api-latency: latency under 500 ms in 99% of samples over 30 d \(api-1, api-2\): breached/,
    );
  });

  it('lists only the days below the objective over a long span, worst first', () => {
    // Twelve days kept; api-1 slow every 10th minute on 12-01 and every 5th on 12-03.
    const c = ctx(
      12,
      (t, ts) =>
        t === 'api-1' && ['2026-12-01', '2026-12-03'].includes(dayOf(ts)) && (ts / 60_000) % (dayOf(ts) === '2026-12-01' ? 10 : 5) === 0,
    );
    const said = ask('slo over the last 2 weeks', c);
    expect(said).toContain('  Days below 99% (UTC, good share): 2 of 13 with samples, the worst 12-03 90%, 12-01 95%.');
    expect(said.some((l) => l.includes('By day'))).toBe(false);
  });
});

describe('"how much budget is left?" and "when will it run out?"', () => {
  // A day at one a minute on api-1 and api-2: 2,880 readings, of which 1% allows 28. `n`: minutes before NOW.
  const day = (slow: (t: string, n: number) => boolean) => ctx(1, (t, ts) => slow(t, (NOW - ts) / 60_000));

  it('leads with what is left, and says nothing is spending it when no bad sample is recent', () => {
    // 10 slow readings on api-1, all over 7 h ago.
    const c = day((t, n) => t === 'api-1' && n > 420 && n % 100 === 0);
    expect(ask('how much budget is left?', c)[0]).toBe(
      'api-latency: 65% of the error budget left (18 more bad samples of the 28 allowed in these).',
    );
    expect(ask('when will the api-latency budget run out?', c)[0]).toBe(
      'api-latency: nothing is spending it now (no bad samples in the last 6 h); 65% of the error budget left (18 more bad samples of the 28 allowed in these).',
    );
    // The report follows, indented.
    expect(ask('how much budget is left?', c)[1]).toMatch(/^ {2}api-latency: latency under 500 ms/);
  });

  it('says when it runs out at the fastest recent burn, that it lasts below 1×, and that an overspent one has run out', () => {
    // 6 slow readings in the last hour (6 of 120: 5×) and 6 more 8 h ago: 12 of the 28.8 allowed, 58% left.
    const fast = day((t, n) => t === 'api-1' && (n < 60 ? n % 10 === 0 : n >= 480 && n < 486));
    expect(ask('when will the budget run out?', fast)[0]).toBe(
      'api-latency: at the present burn (5.0× over the last 1 h) the 58% left runs out in about 3 d 12 h (around 2026-12-11 00:00:00 UTC).',
    );
    // One slow reading 3 h ago: 1 of 720 over 6 h is 0.14×.
    const slowBurn = day((t, n) => t === 'api-1' && n === 180);
    expect(ask('how long will the api-latency budget last?', slowBurn)[0]).toBe(
      'api-latency: not at the present rate: 0.1× over the last 6 h spends less than the window allows, so it lasts unless that rises above 1×; 97% of the error budget left (27 more bad samples of the 28 allowed in these).',
    );
    // Every 50th minute slow on both: 58 bad.
    const over = day((t, n) => n % 50 === 0);
    expect(ask('is the error budget exhausted?', over)[0]).toBe(
      'api-latency: no error budget left, it has already run out: 58 bad samples against the 28 that 99% allows (201% spent).',
    );
    expect(ask('how much error budget remains?', over)[0]).toMatch(/^api-latency: no error budget left: 58 bad/);
  });

  it('reads "how long will the web-cpu budget last" and "budget exhausted" as SLO questions', () => {
    for (const q of ['how long will the web-cpu budget last?', 'when is the web-cpu budget exhausted', 'how much budget have we used'])
      expect(parseIntent(q, fleet)).toMatchObject({ kind: 'uncollected', what: 'SLOs or error budgets' });
    expect(withSloName(parseIntent('error budget left', fleet), 'error budget left', [latency])).toMatchObject({ sloFocus: 'left' });
    expect(withSloName(parseIntent('error budget', fleet), 'error budget', [latency])).not.toHaveProperty('sloFocus');
  });
});

describe('counting SLO windows in the background', () => {
  const slo = sloSchema.parse({ name: 'lat', metric: 'latency_ms', role: 'api', goodBelow: 500, objective: 99, windowDays: 3 });
  function counted() {
    const store = createSqliteStore(':memory:');
    store.saveSamples(
      Array.from({ length: 3 * 1440 }, (_, n) =>
        ['api-1', 'api-2'].map((target) => ({ target, metric: 'latency_ms', ts: NOW - n * 60_000, value: n % 41 ? 100 : 900 })),
      ).flat(),
    );
    const reads: number[] = [];
    const counting = {
      series: (t: string, m: string, from: number, until?: number) => (reads.push((until ?? NOW) - from), store.series(t, m, from, until)),
    };
    const tracker = createSloTracker({ store: counting, targets: () => fleet });
    let turns = 0;
    // The background count, stopping once `stopAfter` turns are done; returns how many were.
    const warm = async (stopAfter = Infinity) => {
      await tracker.warm(
        [slo],
        () => NOW,
        () => turns >= stopAfter,
        async () => void turns++,
      );
      return turns;
    };
    const direct = () => sloReport(slo, new Map(['api-1', 'api-2'].map((t) => [t, store.series(t, 'latency_ms', NOW - 3 * D, NOW)])), NOW);
    return { reads, tracker, warm, direct };
  }

  it('counts a day per turn, after which a report reads only the live hours and equals a full read', async () => {
    const { reads, tracker, warm, direct } = counted();
    // 3 d less the 7 live hours, a day at a time: 3 turns, none reading more than a day per target.
    expect(await warm()).toBe(3);
    expect(Math.max(...reads)).toBeLessThanOrEqual(D);
    reads.length = 0;
    expect(tracker.report(slo, NOW)).toEqual(direct());
    expect(Math.max(...reads)).toBeLessThanOrEqual(7 * H);
  });

  it('stops between days when told to, and a report then reads the rest itself', async () => {
    const { reads, tracker, warm, direct } = counted();
    expect(await warm(1)).toBe(1);
    reads.length = 0;
    expect(tracker.report(slo, NOW)).toEqual(direct());
    expect(Math.max(...reads)).toBeGreaterThan(D);
  });
});

describe('SLOs on the status document', () => {
  it('gives each SLO with its verdict, shares and burn rates, and the status text lists them', async () => {
    const c = ctx(1, (t, ts) => t === 'api-1' && (ts / 60_000) % 50 === 0);
    const idle = sloSchema.parse({ name: 'db-latency', metric: 'latency_ms', role: 'db', goodBelow: 500, objective: 99.9 });
    const board = createSloBoard({ store: c.store, slos: [latency, idle], targets: () => fleet, now: () => NOW });
    board.start();
    await board.warmed();
    const [api, db] = board.status();
    expect(api).toEqual({
      name: 'api-latency',
      metric: 'latency_ms',
      objective: 99,
      windowDays: 30,
      verdict: 'breached',
      good: 2851,
      bad: 29,
      goodRatio: 2851 / 2880,
      errorBudgetSpent: expect.closeTo(29 / 28.8, 6),
      burnRate: { '1h': expect.closeTo(1 / 120 / 0.01, 6), '6h': expect.closeTo(7 / 720 / 0.01, 6) },
      since: new Date(NOW - (1440 - 1) * 60_000).toISOString(),
    });
    expect(db).toMatchObject({
      name: 'db-latency',
      verdict: 'no_data',
      goodRatio: null,
      burnRate: { '1h': null, '6h': null },
      since: null,
    });
    const doc: StatusDoc = {
      generatedAt: new Date(NOW).toISOString(),
      lastTick: null,
      targets: [],
      openAnomalies: [],
      pendingProposals: [],
      slos: board.status(),
    };
    expect(renderStatusText(doc).split('\n').slice(-3)).toEqual([
      'slos: 2',
      '  api-latency      breached 98.99% good of 99%, budget 101% spent, burn 1h 0.8x 6h 1.0x',
      '  db-latency       no_data  no samples, budget 0% spent, burn 1h - 6h -',
    ]);
    await board.stop();
  });
});

describe('a date said by its month and day', () => {
  const c = (): AnswerContext => {
    const store = createSqliteStore(':memory:');
    // api-1 latency a minute apart over 12-04 to 12-07 12:00, 300 ms on 12-05, 100 ms otherwise.
    store.saveSamples(
      Array.from({ length: 3 * 1440 + 720 }, (_, n) => {
        const ts = NOW - n * 60_000;
        return { target: 'api-1', metric: 'latency_ms', ts, value: dayOf(ts) === '2026-12-05' ? 300 : 100 };
      }),
    );
    return { store, targets: fleet, now: NOW, staleAfterMs: 90_000 };
  };

  it('reads "on dec 5", "on 5 december" and "on the 5th" as that whole day, the latest not after today', () => {
    for (const q of ['latency on api-1 on dec 5', 'latency on api-1 on 5 december', 'latency on api-1 on the 5th'])
      expect(answerIntent(parseIntent(q, fleet), c())).toMatch(/^api-1 latency on 2026-12-05 \(UTC\): peak 300 ms .* average 300 ms/);
    // December 25 has not come this year: last year's, of which nothing is held.
    expect(answerIntent(parseIntent('latency on api-1 on christmas day', fleet), c())).toMatch(/2025-12-25/);
    // An ISO date reads as before.
    expect(parseIntent('anomalies on 2026-12-01', fleet)).toMatchObject({ span: { from: { day: { date: Date.UTC(2026, 11, 1) } } } });
  });

  it('reads "on dec 5 at 3pm" as that instant, and for who will be on call the next such date', () => {
    expect(answerIntent(parseIntent('latency on api-1 on dec 5 at 3pm', fleet), c())).toMatch(
      /^api-1 latency at 2026-12-05 15:00:00 UTC: 300 ms/,
    );
    expect(parseIntent('who is on call on dec 12 at 3pm', fleet)).toMatchObject({
      kind: 'routing',
      at: { minute: 900, day: { dayOfMonth: 12, month: 11, ahead: true } },
    });
    expect(parseIntent('who was on call on dec 5 at 3pm', fleet)).toMatchObject({ past: { span: { kind: 'clock' } } });
    // "Was I on call on the 3rd?" stays the rotation's day, not a span of alerts.
    expect(parseIntent('was I on call on the 3rd?', fleet)).toMatchObject({ kind: 'routing', me: true, onDate: { day: 3, past: true } });
  });

  it('refuses a date that names no day rather than answering for now', () => {
    expect(parseIntent('anomalies on feb 30', fleet)).toEqual({
      kind: 'bad_input',
      reason: 'There is no February 30: ask about a day that exists ("on the 12th", "on dec 5", "on 2026-12-24")',
    });
    expect(parseIntent('cpu on web-1 on the 32nd', fleet)).toMatchObject({
      kind: 'bad_input',
      reason: expect.stringMatching(/^There is no day 32/),
    });
    // "At 10:00 mars/olympus" is still a zone that is none.
    expect(parseIntent('cpu at 10:00 mars/olympus', fleet)).toMatchObject({ reason: expect.stringMatching(/not a time zone/) });
  });
});

describe('"which host is worst right now?"', () => {
  const hosts = [
    { name: 'web-1', role: 'web' },
    { name: 'web-2', role: 'web' },
    { name: 'db-1', role: 'db' },
    { name: 'api-1', role: 'api' },
  ];
  const rules = [
    { metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' as const },
    { metric: 'disk', above: 90, forSamples: 3, severity: 'critical' as const },
  ];
  function standing(): AnswerContext {
    const store = createSqliteStore(':memory:');
    const at = (target: string, metric: string, value: number, ts = NOW - 30_000) => ({ target, metric, ts, value });
    store.saveSamples([
      at('web-1', 'cpu', 50),
      at('web-1', 'disk', 40),
      at('web-2', 'cpu', 60),
      at('web-2', 'disk', 85),
      at('db-1', 'cpu', 30),
      at('db-1', 'disk', 50),
      // api-1 last reported 20 minutes ago.
      at('api-1', 'cpu', 10, NOW - 20 * 60_000),
    ]);
    store.setTargetState('api-1', 'silent');
    store.upsertAnomaly({ ...cpuAnomaly('an_w1', 'web-1'), startTs: NOW - 5 * 60_000, updatedTs: NOW });
    store.upsertAnomaly(resolvedAnomaly('an_old', NOW, { target: 'db-1', startTs: NOW - H, endTs: NOW - H / 2 }));
    store.upsertAnomaly(resolvedAnomaly('an_old2', NOW, { target: 'db-1', startTs: NOW - 2 * H, endTs: NOW - H }));
    return { store, targets: hosts, now: NOW, staleAfterMs: 90_000, thresholds: rules };
  }

  it('ranks not reporting first, then what is open, then the reading nearest its line, then the last day', () => {
    const said = answerIntent(parseIntent("what's the worst host right now?", hosts), standing()).split('\n');
    expect(said[0]).toBe('Worst now: api-1: not reporting since 2026-12-07 11:40:00 UTC.');
    expect(said.slice(1, 8)).toEqual([
      '```',
      'target  state                      open (critical/warning)  nearest to a line                           anomalies 24 h',
      'api-1   silent since 11:40:00 UTC  0                        CPU 10.0% (11% of the way to above 90.0%)   0',
      'web-1   reporting                  0/1 (CPU)                CPU 50.0% (56% of the way to above 90.0%)   1',
      'web-2   reporting                  0                        disk 85.0% (94% of the way to above 90.0%)  0',
      // db-1's disk stands nearer its line than its CPU, and it had two anomalies today.
      'db-1    reporting                  0                        disk 50.0% (56% of the way to above 90.0%)  2',
      '```',
    ]);
  });

  it('leads with the open anomaly when every host reports, and says when nothing is open', () => {
    const c = standing();
    c.store.setTargetState('api-1', 'up');
    c.store.saveSamples([{ target: 'api-1', metric: 'cpu', ts: NOW, value: 95 }]);
    expect(answerIntent(parseIntent('which host is in the worst shape?', hosts), c).split('\n')[0]).toBe(
      'Worst now: web-1: 1 warning anomaly open (CPU).',
    );
    c.store.upsertAnomaly({ ...cpuAnomaly('an_w1', 'web-1'), status: 'resolved', endTs: NOW, updatedTs: NOW });
    expect(answerIntent(parseIntent('which server is most at risk?', hosts), c).split('\n')[0]).toBe(
      'Nothing is open and all 4 targets report; nearest to a line: api-1 CPU 95.0%, 5.0 points above its warning line (above 90.0%).',
    );
  });

  it('keeps "worst host this week" and "the unhealthiest host" the history ranking, and a metric its reading', () => {
    expect(parseIntent('which of web-1 and web-2 is in the worst shape', hosts)).toEqual({
      kind: 'status',
      worst: true,
      group: ['web-1', 'web-2'],
    });
    expect(parseIntent('worst host this week', hosts)).toMatchObject({ kind: 'anomalies', rank: 'target' });
    expect(parseIntent('which host is the unhealthiest?', hosts)).toMatchObject({ kind: 'anomalies', rank: 'target' });
    expect(parseIntent('which host has the worst cpu right now', hosts)).toMatchObject({ kind: 'metrics', metric: 'cpu' });
  });
});

describe('smaller asks', () => {
  it('reads "how many alerts did we get per host yesterday" as the anomalies by host, not chat delivery', () => {
    expect(parseIntent('how many alerts did we get per host yesterday?', fleet)).toMatchObject({ kind: 'anomalies', count: true });
    expect(parseIntent('how many alerts did we get yesterday?', fleet)).toMatchObject({ kind: 'delivery' });
  });
});

describe('"anything unusual overnight?" with many', () => {
  function withAnomalies(n: number): AnswerContext {
    const store = createSqliteStore(':memory:');
    // One every 20 minutes from 01:00 today, each 5 min long, on web-1 and db-1 in turn.
    for (let k = 0; k < n; k++) {
      const startTs = Date.UTC(2026, 11, 7, 1) + k * 20 * 60_000;
      store.upsertAnomaly(resolvedAnomaly(`an_${k}`, NOW, { target: k % 2 ? 'db-1' : 'api-1', startTs, endTs: startTs + 5 * 60_000 }));
    }
    return { store, targets: fleet, now: NOW, staleAfterMs: 90_000 };
  }

  it('answers a yes-or-no ask with the summary when there are more than ten, and lists a few', () => {
    const many = answerIntent(parseIntent('was there anything unusual today?', fleet), withAnomalies(12)).split('\n');
    expect(many[0]).toBe('Yes: 12 anomalies today (UTC), 0 open.');
    expect(many).toContain('By target: api-1 6, db-1 6');
    expect(many.at(-1)).toBe('For each one, ask "list the anomalies" with the same time.');
    expect(many.some((l) => l.startsWith('• '))).toBe(false);
    // Asked for the list, or with few, a line each.
    const listed = answerIntent(parseIntent('list the anomalies today', fleet), withAnomalies(12)).split('\n');
    expect(listed.filter((l) => l.startsWith('• '))).toHaveLength(12);
    const few = answerIntent(parseIntent('any alerts today?', fleet), withAnomalies(4)).split('\n');
    expect(few[0]).toMatch(/^4 anomalies today \(UTC\), 0 open; all:$/);
  });
});

describe('dates in silences and past-tense whys', () => {
  it('schedules "silence web-1 on dec 12 from 2am to 4am" on that coming date, and reads a date with a clock range as that range', () => {
    const i = parseIntent('silence web-1 on dec 12 from 2am to 4am', fleet);
    expect(i).toMatchObject({ kind: 'silence', from: { minute: 120 }, until: { minute: 240 } });
    if (i.kind !== 'silence') throw new Error('not a silence');
    expect(new Date(clockTs(i.from!, NOW)).toISOString()).toBe('2026-12-12T02:00:00.000Z');
    // The 5th has passed this month: a silence on it is next month's.
    const fifth = parseIntent('mute api-1 on the 5th at 02:00 for 1h', fleet);
    if (fifth.kind !== 'silence') throw new Error('not a silence');
    expect(new Date(clockTs(fifth.from!, NOW)).toISOString()).toBe('2027-01-05T02:00:00.000Z');
    // Asked of the past, the same words are this month's.
    const asked = parseIntent('cpu on api-1 on the 5th between 2 and 4pm', fleet);
    expect(asked).toMatchObject({ kind: 'metrics', span: { kind: 'range', from: { minute: 840 }, until: { minute: 960 } } });
    if (asked.kind !== 'metrics' || asked.span?.kind !== 'range') throw new Error('no range');
    expect(new Date(clockTs(asked.span.from, NOW)).toISOString()).toBe('2026-12-05T14:00:00.000Z');
  });

  it('explains the last episode for "why did web-1 disk fill up?", not only what is open', () => {
    expect(parseIntent('why did db-1 disk fill up?', fleet)).toEqual({ kind: 'explain', target: 'db-1', metric: 'disk', latest: true });
    expect(parseIntent('why is db-1 disk high?', fleet)).toEqual({ kind: 'explain', target: 'db-1', metric: 'disk' });
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets: fleet, now: NOW, staleAfterMs: 90_000 };
    c.store.upsertAnomaly(resolvedAnomaly('an_disk', NOW, { target: 'api-1', metric: 'disk', startTs: NOW - H, endTs: NOW - H / 2 }));
    expect(answerIntent(parseIntent('why did api-1 disk fill up?', fleet), c).split('\n')[0]).toBe(
      'The latest disk anomaly on api-1 (others: "anomalies", then "explain an_…"):',
    );
  });
});

describe('the SLOs set, the hosts none covers, and a new one to paste', () => {
  const cpu = sloSchema.parse({ name: 'db-cpu', metric: 'cpu', targets: ['db-1'], goodBelow: 90, objective: 99.5, windowDays: 7 });
  const c = () => ctx(1, (t, ts) => t === 'api-1' && (ts / 60_000) % 50 === 0, [latency, cpu]);

  it('lists each SLO in a line with where it stands, and names the hosts none covers', () => {
    expect(ask('what SLOs do we have?', c())).toEqual([
      '2 SLOs (config slos):',
      '• api-latency: latency under 500 ms in 99% of samples over 30 d, on role api (api-1, api-2): breached, 101% of the budget spent',
      '• db-cpu: CPU under 90.0% in 99.5% of samples over 7 d, on db-1: no samples yet',
      '"Error budget" gives each one\'s figures and burn rates.',
    ]);
    const both = ctx(1, () => false, [latency]);
    expect(ask('which hosts have no SLO?', both)).toEqual([
      'No SLO covers 1 of 3 targets: db-1.',
      'Covered: api-1 (api-latency), api-2 (api-latency).',
    ]);
    expect(ask('which hosts are not covered by an slo?', c())[0]).toBe('Every target (3) is covered by at least one SLO.');
  });

  it('writes the config entry for "add an SLO …" from what was said, with the defaults named and a free name', () => {
    const added = ask('add an slo for db-1 memory under 80%', c());
    expect(added[1]).toBe('{"name":"db-1-memory","metric":"memory","targets":["db-1"],"goodBelow":80,"objective":99,"windowDays":30}');
    expect(added[2]).toMatch(/\(the 99% objective and the 30-day window I filled in; say others to change them\); named db-1-memory\./);
    // The api hosts are a role; api-latency is taken, so the draft is named apart.
    const api = ask('create an slo: api latency below 300ms 99.9% over 7 days', c());
    expect(api[1]).toBe('{"name":"api-latency-2","metric":"latency_ms","role":"api","goodBelow":300,"objective":99.9,"windowDays":7}');
    expect(api[2]).toContain('named api-latency-2 (api-latency is taken)');
    expect(ask('new slo', c())[0]).toMatch(/^SLOs are set in config \(slos\), not in chat: .* Say the metric and the bound/);
  });
});

describe('"how long did it take us to respond to the last critical?"', () => {
  function responded(): AnswerContext {
    const store = createSqliteStore(':memory:');
    const start = NOW - 30 * 60_000;
    store.upsertAnomaly({
      ...cpuAnomaly('an_t', 'db-1'),
      severity: 'critical',
      startTs: start,
      updatedTs: NOW,
      endTs: NOW - 5 * 60_000,
      status: 'resolved',
    });
    // The robust detector saw the same series a minute later: one episode.
    store.upsertAnomaly({
      ...cpuAnomaly('an_r', 'db-1'),
      key: 'db-1|cpu|robust',
      detector: 'robust',
      startTs: start + 60_000,
      updatedTs: NOW,
      endTs: NOW - 6 * 60_000,
      status: 'resolved',
    });
    const key = `alert:db-1|cpu:${start + 90_000}`;
    store.chat.linkAlert('an_t', key);
    store.chat.acknowledge({ msgKey: key, by: 'web:bob', ts: start + 6 * 60_000 });
    // A warning since, not asked about.
    store.upsertAnomaly({ ...cpuAnomaly('an_w', 'api-1'), startTs: NOW - 60_000, updatedTs: NOW });
    return { store, targets: fleet, now: NOW, staleAfterMs: 90_000 };
  }

  it('times the post, the acknowledgement and the all-clear of the latest of that severity', () => {
    expect(answerIntent(parseIntent('how long did it take us to respond to the last critical?', fleet), responded()).split('\n')).toEqual([
      'Response to an_t [critical] db-1 CPU, which began 2026-12-07 11:30:00 UTC (one episode with an_r):',
      '• Posted to chat at 2026-12-07 11:31:30 UTC, 2 min after it began.',
      '• Acknowledged by web:bob at 2026-12-07 11:36:00 UTC, 6 min after it began (5 min after the post).',
      '• No remediation was proposed for it.',
      '• Resolved at 2026-12-07 11:55:00 UTC, 25 min after it began.',
      '"timeline an_t" gives every step; "time to acknowledge this week" the figures over many.',
    ]);
    const open = answerIntent(parseIntent('how fast did we ack the api-1 cpu alert?', fleet), responded()).split('\n');
    expect(open.slice(1)).toEqual([
      '• Not posted to chat ("timeline an_w" says why: a pending period, a silence, a route, or the history replayed at the first start).',
      '• Nobody acknowledged it yet.',
      '• No remediation was proposed for it.',
      '• Still open, 60 s so far.',
      '"timeline an_w" gives every step; "time to acknowledge this week" the figures over many.',
    ]);
  });

  it('keeps counts over many and "response time" of a host as they were', () => {
    expect(parseIntent('time to ack this week', fleet)).toMatchObject({ kind: 'anomalies', timeTo: 'ack' });
    expect(parseIntent("what's the response time on api-1?", fleet)).toMatchObject({ kind: 'metrics', metric: 'latency' });
    expect(parseIntent('response time for the last critical', fleet)).toEqual({ kind: 'responders', alert: { severity: 'critical' } });
  });
});

describe('"is anything trending toward a threshold?"', () => {
  it('carries each line a day ahead rather than listing the rules', () => {
    expect(parseIntent('is anything trending toward a threshold?', fleet)).toEqual({ kind: 'attention', building: true, aheadMs: 24 * H });
    expect(parseIntent('is db-1 memory creeping towards its limit?', fleet)).toMatchObject({
      target: 'db-1',
      metric: 'memory',
      aheadMs: 24 * H,
    });
    expect(parseIntent('what thresholds are set?', fleet)).toMatchObject({ kind: 'rules' });
    // api-1 memory climbs 1 point an hour from 70%: 90% in 20 h.
    const store = createSqliteStore(':memory:');
    store.saveSamples(
      Array.from({ length: 360 }, (_, n) => ({ target: 'api-1', metric: 'memory', ts: NOW - n * 60_000, value: 70 - n / 60 })),
    );
    const c: AnswerContext = {
      store,
      targets: fleet,
      now: NOW,
      staleAfterMs: 90_000,
      thresholds: [{ metric: 'memory', above: 90, forSamples: 3, severity: 'warning' }],
    };
    expect(answerIntent(parseIntent("what's heading for a threshold?", fleet), c)).toMatch(/api-1 memory .*90\.0%.* in about 20 h/);
  });
});

describe('"what should we fix this week?"', () => {
  it('lists what the figures say is worth fixing, most pressing first, and says when nothing is', () => {
    // api-1 slow every 50th minute (the SLO breached); db-1 silent; api-2 CPU back five times this week.
    const c = ctx(1, (t, ts) => t === 'api-1' && (ts / 60_000) % 50 === 0);
    c.store.setTargetState('db-1', 'silent');
    c.store.saveSamples([{ target: 'db-1', metric: 'cpu', ts: NOW - 2 * H, value: 20 }]);
    for (let k = 0; k < 5; k++) {
      const startTs = NOW - (k + 1) * 10 * H;
      c.store.upsertAnomaly(
        resolvedAnomaly(`an_b${k}`, NOW, { target: 'api-2', key: `api-2|cpu|threshold|${k}`, startTs, endTs: startTs + 10 * 60_000 }),
      );
    }
    c.store.insertProposal(
      { ...PROPOSAL, id: 'rp_f', target: 'api-2', state: 'failed', createdTs: NOW - 3 * H, updatedTs: NOW - 3 * H },
      { proposalId: 'rp_f', from: null, to: 'failed', actor: 'executor:ssm', ts: NOW - 3 * H, note: 'exit 1' },
    );
    expect(answerIntent(parseIntent('what should we fix this week?', fleet), c).split('\n')).toEqual([
      'Worth fixing, from the figures over the last 7 d (most pressing first):',
      '1. Not reporting: db-1 (last data 2026-12-07 10:00:00 UTC): fix the exporter or the host first, since nothing else can be judged there.',
      '2. SLO api-latency breached: 101% of its error budget spent, most on api-1 ("error budget for api-latency").',
      '3. Remediations that failed: 1 (restart_service on api-2): the fix itself needs fixing ("failed remediations").',
      '4. Keeps coming back: api-2 CPU (5 episodes): a cause to fix or a rule to tune, not an alert to acknowledge again ("why does api-2 CPU keep alerting?", "suggest better thresholds").',
      'From what I measure here; what matters most to the people using these hosts is yours to weigh.',
    ]);
    const calm = ctx(1, () => false);
    expect(answerIntent(parseIntent('where should we focus?', fleet), calm)).toMatch(
      /^Nothing in the figures over the last 7 d asks to be fixed: /,
    );
    expect(parseIntent('what should I look at first?', fleet)).toMatchObject({ kind: 'attention' });
  });
});

describe('an SLO named with a host', () => {
  it('narrows a named SLO to the host asked, says when it does not cover it, and names the host over a span', () => {
    const c = ctx(1, (t, ts) => t === 'api-1' && (ts / 60_000) % 50 === 0);
    const on = ask('error budget for api-latency on api-2', c);
    expect(on[0]).toMatch(/^api-latency: latency under 500 ms in 99% of samples over 30 d \(api-2 of api-1, api-2\): met\.$/);
    expect(ask('error budget for api-latency on db-1', c)[0]).toBe('api-latency does not cover db-1; it covers api-1, api-2:');
    expect(ask('did api-1 meet the slo today?', c)[0]).toMatch(/^api-latency today \(UTC\) on api-1: missed, /);
  });
});

describe('a silence that ends on a date', () => {
  const hoursFrom = (text: string, now = NOW) => {
    const i = parseIntent(text, fleet);
    if (i.kind !== 'silence') throw new Error(`${text}: ${i.kind}`);
    const w = silenceWindow(i, now);
    const midnight = Date.UTC(2026, 11, 7);
    return 'error' in w ? w.error : [(w.startTs - midnight) / H, (w.endTs - midnight) / H];
  };

  it('begins now and ends at that time on the next such date, said with or without "at"', () => {
    // Dec 12 09:00 is 5 d 9 h after Dec 7's midnight.
    expect(hoursFrom('mute api-1 until dec 12 at 9am')).toEqual([12, 129]);
    expect(hoursFrom('mute api-1 until dec 12 09:00')).toEqual([12, 129]);
    // Asked before 09:00 the start is still now.
    expect(hoursFrom('mute api-1 until dec 12 at 9am', Date.UTC(2026, 11, 7, 8))).toEqual([8, 129]);
    // The 9th, from the 7th: this month's.
    expect(hoursFrom('snooze db-1 until the 9th at 9am')).toEqual([12, 57]);
  });

  it('refuses a date with no time, or one that names no day, saying how', () => {
    // A date alone is its 09:00 now (decision 0072); a date that does not exist is still refused.
    expect(parseIntent('mute api-1 until feb 30 at 9am', fleet)).toMatchObject({
      kind: 'bad_input',
      reason: expect.stringContaining('"until dec 12 09:00"'),
    });
    expect(parseIntent('mute api-1 until dec 12', fleet)).toMatchObject({ kind: 'silence', until: { minute: 540 } });
  });
});
