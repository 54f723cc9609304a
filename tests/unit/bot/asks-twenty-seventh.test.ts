import { describe, expect, it } from 'vitest';
import { onCallContext } from '../../helpers/on-call-rotation.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createOnCall } from '../../../src/bot/on-call.js';
import { onCallSchema } from '../../../src/config/on-call-schema.js';
import { findDayDate, resolveDayDate, unknownDayWord } from '../../../src/bot/parse-day-date.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import type { Sample } from '../../../src/core/sample.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';
import { sloWarnings } from '../../../src/cli/slo-warnings.js';
import type { Config } from '../../../src/config/load-config.js';
import type { Target } from '../../../src/core/target.js';
import { createAlertEscalation } from '../../../src/bot/alert-escalate.js';
import { onCallRotationFor } from '../../../src/bot/alert-routes.js';
import { alertRoute } from '../../../src/config/route-schema.js';
import type { Intent } from '../../../src/bot/intent.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';
import { Registry } from 'prom-client';
import { sloLine, withSloName } from '../../../src/bot/answer-slo.js';
import { registerSloGauges } from '../../../src/observability/slo-gauges.js';
import { sloSchema } from '../../../src/config/slo-schema.js';
import { configSchema } from '../../../src/config/schema.js';
import { budgetLastsMs, sloReport } from '../../../src/core/slo-report.js';
import { createSloTracker } from '../../../src/core/slo-tracker.js';
import { createSloBoard } from '../../../src/status/slo-board.js';

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const targets = [{ name: 'web-1' }, { name: 'web-2' }, { name: 'db-1' }];
const day = (ts: number | undefined) => (ts === undefined ? undefined : new Date(ts).toISOString().slice(0, 10));
const TODAY = Date.UTC(2026, 11, 7);

describe('who is on call on a date', () => {
  // 24 h shifts from 09:00 on 12-01: alice, bob, carol. NOW is Monday 12-07 12:00 (alice's shift).
  const onCallCtx = (asker: string, zone?: string) => onCallContext(targets, NOW, asker, zone);

  it('reads a date said after "on" (ISO, "the 12th", a month and day either way round, a holiday), and a tense', () => {
    expect(findDayDate('who is on call on 2026-12-12?')).toEqual({ day: 12, month: 11, year: 2026 });
    expect(findDayDate("who's on call on the 12th?")).toEqual({ day: 12 });
    expect(findDayDate('on call on the 3rd of january')).toEqual({ day: 3, month: 0 });
    expect(findDayDate('who has the pager on dec 24')).toEqual({ day: 24, month: 11 });
    expect(findDayDate('was I on call on 3 dec')).toEqual({ day: 3, month: 11, past: true });
    expect(findDayDate("who's on call on christmas day?")).toEqual({ day: 25, month: 11 });
    expect(findDayDate("who's on call on new year's eve?")).toEqual({ day: 31, month: 11 });
    // A count, a time and a bare number are no dates.
    for (const q of ['on call for 12 hours', 'on call on 2026-12-12 at 10:00', 'who is on call at 3pm', 'on call on dec 12 at 3pm'])
      expect(findDayDate(q)).toBeUndefined();
    expect(unknownDayWord("who's on call on funday?")).toBe('funday');
    for (const q of ['on call on friday', 'on call on thursday', 'on call on my birthday', 'on call on payday'])
      expect(unknownDayWord(q)).toBeUndefined();
  });

  it('resolves a date to the next such day ahead, or the latest one gone when asked in the past tense', () => {
    expect(day(resolveDayDate({ day: 12 }, TODAY))).toBe('2026-12-12');
    expect(day(resolveDayDate({ day: 3 }, TODAY))).toBe('2027-01-03');
    expect(day(resolveDayDate({ day: 3, past: true }, TODAY))).toBe('2026-12-03');
    expect(day(resolveDayDate({ day: 12, past: true }, TODAY))).toBe('2026-11-12');
    expect(day(resolveDayDate({ day: 5, month: 0 }, TODAY))).toBe('2027-01-05');
    expect(day(resolveDayDate({ day: 5, month: 0, past: true }, TODAY))).toBe('2026-01-05');
    // The 31st skips the months without one; February 29 waits for a leap year; February 30 never comes.
    expect(day(resolveDayDate({ day: 31, past: true }, Date.UTC(2026, 3, 15)))).toBe('2026-03-31');
    expect(day(resolveDayDate({ day: 29, month: 1 }, TODAY))).toBe('2028-02-29');
    expect(resolveDayDate({ day: 30, month: 1 }, TODAY)).toBeUndefined();
    expect(resolveDayDate({ day: 31, month: 10, year: 2026 }, TODAY)).toBeUndefined();
    expect(day(resolveDayDate({ day: 7 }, TODAY))).toBe('2026-12-07');
  });

  it('lists who held or will hold the pager over that whole day', () => {
    const c = onCallCtx('web:carol');
    expect(answerIntent(parseIntent("who's on call on the 12th?", targets), c).split('\n')).toEqual([
      'On call on Saturday 2026-12-12 (UTC):',
      '• bob, 2026-12-11 09:00:00 UTC to 2026-12-12 09:00:00 UTC',
      '• carol (you), 2026-12-12 09:00:00 UTC to 2026-12-13 09:00:00 UTC',
    ]);
    expect(answerIntent(parseIntent('who was on call on december 3?', targets), c).split('\n')).toEqual([
      'On call on Thursday 2026-12-03 (UTC):',
      '• bob, 2026-12-02 09:00:00 UTC to 2026-12-03 09:00:00 UTC',
      '• carol (you), 2026-12-03 09:00:00 UTC to 2026-12-04 09:00:00 UTC',
    ]);
    expect(answerIntent(parseIntent('was I on call on the 3rd?', targets), c).split('\n')[0]).toBe(
      'Yes: you were on call on Thursday 2026-12-03 (UTC), 2026-12-03 09:00:00 UTC to 2026-12-04 09:00:00 UTC.',
    );
    expect(answerIntent(parseIntent('am I on call on christmas day?', targets), onCallCtx('web:alice')).split('\n')[0]).toBe(
      'Yes: you are on call on Friday 2026-12-25 (UTC), 2026-12-25 09:00:00 UTC to 2026-12-26 09:00:00 UTC.',
    );
    expect(answerIntent(parseIntent('am I on call on christmas day?', targets), onCallCtx('web:bob')).split('\n')[0]).toBe(
      'No: you are not on call on Friday 2026-12-25 (UTC).',
    );
  });

  it('says so of a day word that is none, and of a date that does not exist, rather than answering for now', () => {
    const c = onCallCtx('web:carol');
    expect(answerIntent(parseIntent("who's on call on funday?", targets), c)).toMatch(
      /^I don't know which day "funday" is\. Ask about a weekday/,
    );
    expect(answerIntent(parseIntent('who is on call on february 30?', targets), c)).toBe(
      `I can't take that: There is no February 30: ask about a day that exists ("on the 12th", "on dec 5", "on 2026-12-24").`,
    );
  });

  it("reads the date on the asker's calendar", () => {
    // The 12th in Tokyo is 15:00 UTC on the 11th to 15:00 UTC on the 12th: bob's shift, then carol's from 09:00 UTC.
    const lines = answerIntent(parseIntent("who's on call on the 12th?", targets), onCallCtx('web:bob', 'Asia/Tokyo')).split('\n');
    expect(lines[0]).toBe('On call on Saturday 2026-12-12 (Asia/Tokyo):');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['• bob (you)', '• carol']);
  });
});

describe('which of two hosts is higher, beyond the latest reading', () => {
  /** Two hosts' CPU every 30 s over the last hour: `a` and `b` give each reading by its index. */
  function pairCtx(a: (n: number) => number, b: (n: number) => number): AnswerContext {
    const store = createSqliteStore(':memory:');
    const samples: Sample[] = [];
    for (let n = 0; n < 120; n++) {
      const ts = NOW - (119 - n) * 30_000;
      samples.push({ target: 'web-1', metric: 'cpu', ts, value: a(n) }, { target: 'web-2', metric: 'cpu', ts, value: b(n) });
    }
    store.saveSamples(samples);
    return { store, targets, now: NOW, staleAfterMs: 90_000 };
  }
  const ask = (c: AnswerContext) => answerIntent(parseIntent('which is busier, web-1 or web-2?', targets), c).split('\n').slice(0, 2);

  it('says when the leader now has led all hour', () => {
    expect(
      ask(
        pairCtx(
          () => 60,
          (n) => 40 + (n % 3),
        ),
      ),
    ).toEqual([
      'Highest CPU now: web-1 60.0% (18.0 points above web-2).',
      'Over the last hour too: web-1 was higher in 100% of the 120 readings both sent in the last 60 min (averages web-1 60.0%, web-2 41.0%).',
    ]);
  });

  it('says when the lead is only recent, and when they trade places', () => {
    const recent = ask(
      pairCtx(
        (n) => (n >= 115 ? 90 : 30),
        () => 50,
      ),
    );
    expect(recent[0]).toBe('Highest CPU now: web-1 90.0% (40.0 points above web-2).');
    expect(recent[1]).toBe(
      'But that is recent: web-2 was higher in 96% of the 120 readings both sent in the last 60 min (averages web-1 32.5%, web-2 50.0%).',
    );
    const even = ask(
      pairCtx(
        (n) => (n % 2 ? 52 : 48),
        () => 50,
      ),
    );
    expect(even[1]).toBe(
      'No steady difference: web-1 was higher in 50% of the 120 readings both sent in the last 60 min, web-2 in the rest (averages web-1 50.0%, web-2 50.0%).',
    );
  });

  it('puts the last hour under "compare web-1 and web-2", each metric with the one higher in most readings', () => {
    const c = pairCtx(
      () => 60,
      (n) => (n >= 119 ? 70 : 40),
    );
    c.store.saveSamples(
      Array.from({ length: 120 }, (_, n) => [
        { target: 'web-1', metric: 'memory', ts: NOW - (119 - n) * 30_000, value: n % 2 ? 55 : 45 },
        { target: 'web-2', metric: 'memory', ts: NOW - (119 - n) * 30_000, value: 50 },
      ]).flat(),
    );
    const lines = answerIntent(parseIntent('compare web-1 and web-2', targets), c).split('\n');
    const at = lines.indexOf('Over the last hour (averages of the readings both sent; higher in at least 80% of them):');
    expect(at).toBeGreaterThan(0);
    // Now web-2 reads higher CPU (70 against 60), but web-1 was higher all hour but the last reading.
    expect(lines.slice(at + 1, at + 6)).toEqual([
      '```',
      'metric  web-1  web-2  higher',
      'CPU     60.0%  40.3%  web-1 (99%)',
      'memory  50.0%  50.0%  neither',
      '```',
    ]);
    // With a ranking asked, no table: the line above the readings says it. One metric asked: its row (decision 0068).
    expect(answerIntent(parseIntent('which is higher, web-1 or web-2 cpu?', targets), c)).not.toContain('Over the last hour (averages');
    expect(answerIntent(parseIntent('compare cpu on web-1 and web-2', targets), c).split('\n').slice(-4)).toEqual([
      '```',
      'metric  web-1  web-2  higher',
      'CPU     60.0%  40.3%  web-1 (99%)',
      '```',
    ]);
  });

  it('says nothing of the hour when too few readings line up, and the lowest reads the other way', () => {
    const c = pairCtx(
      () => 60,
      () => 40,
    );
    c.now = NOW + 2 * H;
    c.staleAfterMs = 3 * H;
    expect(answerIntent(parseIntent('which is busier, web-1 or web-2?', targets), c).split('\n')[1]).toBe('Current CPU for 2 targets:');
    const low = answerIntent(
      parseIntent('which has the lowest cpu, web-1 or web-2?', targets),
      pairCtx(
        () => 60,
        () => 40,
      ),
    ).split('\n');
    expect(low[1]).toMatch(/^Over the last hour too: web-2 was lower in 100% /);
  });
});

describe('SLOs and error budgets (slos)', () => {
  const latency = sloSchema.parse({
    name: 'api-latency',
    metric: 'latency_ms',
    role: 'api',
    goodBelow: 500,
    objective: 99,
    windowDays: 30,
  });
  const fleet = [
    { name: 'api-1', role: 'api' },
    { name: 'api-2', role: 'api' },
    { name: 'db-1', role: 'db' },
  ];
  /** Latency every 30 s for `hours` up to NOW; `slow(target, n)` says which readings (n counts back from the newest) are slow. */
  function sloCtx(hours: number, slow: (target: string, n: number) => boolean, slos = [latency]): AnswerContext {
    const store = createSqliteStore(':memory:');
    const samples: Sample[] = [];
    for (const target of ['api-1', 'api-2'])
      for (let n = 0; n < hours * 120; n++)
        samples.push({ target, metric: 'latency_ms', ts: NOW - n * 30_000, value: slow(target, n) ? 900 : 120 });
    store.saveSamples(samples);
    return { store, targets: fleet, now: NOW, staleAfterMs: 90_000, slos };
  }

  it('refuses an SLO with both bounds or neither, an objective out of range, and two of one name', () => {
    const base = { name: 'a', metric: 'cpu', objective: 99 };
    expect(sloSchema.safeParse({ ...base, goodBelow: 90, goodAbove: 10 }).success).toBe(false);
    expect(sloSchema.safeParse(base).success).toBe(false);
    expect(sloSchema.safeParse({ ...base, goodBelow: 90, objective: 100 }).success).toBe(false);
    expect(sloSchema.safeParse({ ...base, goodBelow: 90, windowDays: 91 }).success).toBe(false);
    const twice = configSchema.safeParse({
      slos: [
        { ...base, goodBelow: 90 },
        { ...base, goodAbove: 5 },
      ],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]).toMatchObject({ path: ['slos', 1, 'name'], message: '"a" names another SLO too' });
    expect(configSchema.parse({}).slos).toEqual([]);
  });

  it('counts good and bad samples in the window, the budget spent and the burn over 1 h and 6 h', () => {
    const series = new Map([
      ['api-1', Array.from({ length: 1000 }, (_, n) => ({ ts: NOW - n * 60_000, value: n < 3 ? 900 : 100 }))],
      [
        'api-2',
        [
          { ts: NOW - 40 * 86_400_000, value: 900 },
          { ts: NOW - 1000, value: Number.NaN },
          { ts: NOW, value: 500 },
        ],
      ],
    ]);
    const r = sloReport(latency, series, NOW);
    // 500 is not under 500; the sample from before the window and the NaN are not counted.
    expect(r).toMatchObject({
      good: 997,
      bad: 4,
      badBy: [
        ['api-1', 3],
        ['api-2', 1],
      ],
      verdict: 'met',
      firstTs: NOW - 999 * 60_000,
    });
    expect(r.spent).toBeCloseTo(4 / (0.01 * 1001), 6);
    expect(r.burn[0]).toBeCloseTo(4 / 61 / 0.01, 6);
    expect(r.burn[1]).toBeCloseTo(4 / 361 / 0.01, 6);
    expect(sloReport(latency, new Map(), NOW).verdict).toBe('no_data');
    // Within the objective but burning fast over the last hour: at risk; past the budget: breached.
    const fast = new Map([['api-1', Array.from({ length: 1000 }, (_, n) => ({ ts: NOW - n * 60_000, value: n < 10 ? 900 : 100 }))]]);
    expect(sloReport(latency, fast, NOW).verdict).toBe('at_risk');
    const over = new Map([['api-1', Array.from({ length: 100 }, (_, n) => ({ ts: NOW - n * 60_000, value: n % 50 === 49 ? 900 : 100 }))]]);
    expect(sloReport(latency, over, NOW)).toMatchObject({ verdict: 'breached', spent: 2 });
    expect(budgetLastsMs(latency, 0.5, 2)).toBe(7.5 * 86_400_000);
    expect(budgetLastsMs(latency, 1.2, 2)).toBeUndefined();
    expect(budgetLastsMs(latency, 0.5, 0)).toBeUndefined();
  });

  it('reads "error budget", "slos", "burn rate" and "are we within slo?" as the SLOs, and "slos" is not "slow"', () => {
    for (const q of ["what's the error budget?", 'slos', 'show slos', 'burn rate', 'are we within our slos?', 'error budget on api-1'])
      expect(
        answerIntent(
          parseIntent(q, fleet),
          sloCtx(2, () => false),
        ).split('\n')[0],
      ).toMatch(/^api-latency: latency under 500 ms/);
  });

  it('answers each SLO with its verdict, the budget spent, the burn rates and how long the rest lasts', () => {
    // api-2 slow in 20 of the last 120 readings (the last hour), api-1 never: 20 bad of 4,800 over 20 h.
    const c = sloCtx(20, (t, n) => t === 'api-2' && n < 120 && n % 6 === 0);
    expect(answerIntent(parseIntent("what's the error budget?", fleet), c).split('\n')).toEqual([
      'api-latency: latency under 500 ms in 99% of samples over 30 d (api-1, api-2): met.',
      '  99.58% good: 4,780 of 4,800 samples, 20 bad since 2026-12-06 16:00:30 UTC: the samples held cover only 20 h of the 30 d window (retention.samplesHours, or watched since), so that is what is judged.',
      '  Error budget: 42% spent (20 bad of the 48 that 99% allows in these).',
      '  Burn rate: 8.3× over the last 1 h, 1.4× over the last 6 h (1× spends the budget exactly over 30 d; 14.4× over 1 h or 6× over 6 h usually pages).',
      '  At 8.3× the 58% left lasts about 2 d 2 h.',
    ]);
    // Both slow for the last 10 min: within the objective so far, but burning at a paging rate.
    expect(
      answerIntent(
        parseIntent('burn rate', fleet),
        sloCtx(20, (_, n) => n < 20),
      ).split('\n')[0],
    ).toBe(
      'api-latency: latency under 500 ms in 99% of samples over 30 d (api-1, api-2): met so far, but at risk: burning 17× over the last 1 h.',
    );
    // Asked of one host: that host's share only.
    expect(answerIntent(parseIntent('error budget on api-1', fleet), c).split('\n')[0]).toBe(
      'api-latency: latency under 500 ms in 99% of samples over 30 d (api-1 of api-1, api-2): met.',
    );
    // Asked of a host no SLO covers: said, then all of them.
    const other = answerIntent(parseIntent('slo for db-1', fleet), c).split('\n');
    expect(other[0]).toBe('No SLO covers db-1; all of them:');
    expect(other[1]).toMatch(/^api-latency: .* \(api-1, api-2\): met\.$/);
  });

  it("puts each SLO's verdict in the digest, and only those covering the host a digest is about", () => {
    const c = sloCtx(20, (t, n) => t === 'api-2' && n < 120 && n % 6 === 0);
    expect(sloLine(c)).toEqual([
      'SLOs now: api-latency met (99.58% good of 99%, 42% of the budget spent); "error budget" for the burn rates.',
    ]);
    expect(sloLine(c, 'api-1')).toEqual([
      'SLOs now: api-latency met (100% good of 99%, 0% of the budget spent); "error budget" for the burn rates.',
    ]);
    expect(sloLine(c, 'db-1')).toEqual([]);
    c.store.upsertAnomaly(resolvedAnomaly('an_slow', NOW, { target: 'api-2', startTs: NOW - H, endTs: NOW - H + 600_000 }));
    expect(answerIntent(parseIntent('summarise today', fleet), c).split('\n')).toContain(sloLine(c)[0]);
  });

  it('answers the SLO named in the question, and reads "at risk" and "burning the budget" as SLO words', () => {
    const cpu = sloSchema.parse({ name: 'web-cpu', metric: 'cpu', targets: ['api-1'], goodBelow: 90, objective: 99.5, windowDays: 7 });
    const c = sloCtx(2, () => false, [latency, cpu]);
    const said = (q: string) => answerIntent(withSloName(parseIntent(q, fleet), q, c.slos), c).split('\n');
    expect(said('error budget for web-cpu')[0]).toMatch(/^web-cpu: CPU under 90\.0% in 99\.5% of samples over 7 d \(api-1\): /);
    expect(said('error budget for web-cpu').some((l) => l.startsWith('api-latency'))).toBe(false);
    expect(said('how fast are we burning the api latency budget?')[0]).toMatch(/^api-latency: /);
    expect(said('how fast are we burning the api latency budget?').some((l) => l.startsWith('web-cpu'))).toBe(false);
    expect(said('is the api slo at risk?')[0]).toMatch(/^api-latency: /);
    // Only an SLO question gets a name: "api latency" alone is the latency.
    expect(withSloName(parseIntent('api latency', fleet), 'api latency', c.slos)).not.toHaveProperty('sloName');
    expect(parseIntent('how fast is disk growing?', fleet)).toMatchObject({ kind: 'trend' });
  });

  it('says in the stakeholder draft whether each SLO is within its objective, in plain words', () => {
    const checkout = sloSchema.parse({
      name: 'checkout-latency',
      metric: 'latency_ms',
      targets: ['api-2'],
      goodBelow: 500,
      objective: 99.9,
    });
    const c = sloCtx(20, (t, n) => t === 'api-2' && n < 120 && n % 6 === 0, [latency, checkout]);
    const draft = answerIntent(parseIntent('status update for stakeholders', fleet), c).split('\n');
    expect(draft).toContain(
      'Service levels: api-latency within its objective (99.58% against 99%); checkout-latency below its objective (99.17% against 99.9%).',
    );
    expect(draft.join('\n')).not.toMatch(/budget|burn/);
  });

  it('says how to set one when none is set, rather than that SLOs are not collected', () => {
    const c = { ...sloCtx(1, () => false), slos: [] };
    expect(answerIntent(parseIntent("what's the error budget?", fleet), c).split('\n')[0]).toBe(
      'No SLOs are set, so there is no error budget to read.',
    );
  });
});

describe('SLOs on /metrics', () => {
  const slo = sloSchema.parse({ name: 'api-latency', metric: 'latency_ms', role: 'api', goodBelow: 500, objective: 99 });
  const fleet = [
    { name: 'api-1', role: 'api' },
    { name: 'db-1', role: 'db' },
  ];

  it('exports the good share, objective, budget spent and burn rates, read at most once a minute', async () => {
    const store = createSqliteStore(':memory:');
    // 100 readings a minute apart, the newest 2 slow; db-1 is slow too but no SLO covers it.
    store.saveSamples(
      Array.from({ length: 100 }, (_, n) => [
        { target: 'api-1', metric: 'latency_ms', ts: NOW - n * 60_000, value: n < 2 ? 800 : 100 },
        { target: 'db-1', metric: 'latency_ms', ts: NOW - n * 60_000, value: 800 },
      ]).flat(),
    );
    let now = NOW;
    const registry = new Registry();
    registerSloGauges(registry, createSloBoard({ store, slos: [slo], targets: () => fleet, now: () => now }));
    const text = await registry.metrics();
    expect(text).toContain('sco_slo_objective_ratio{slo="api-latency"} 0.99');
    expect(text).toContain('sco_slo_good_ratio{slo="api-latency"} 0.98');
    expect(text).toContain('sco_slo_error_budget_spent_ratio{slo="api-latency"} 2');
    // 2 bad of the 60 readings in the last hour, against the 1% allowed.
    expect(text).toMatch(/sco_slo_burn_rate\{slo="api-latency",window="1h"\} 3\.33333/);
    expect(text).toContain('sco_slo_burn_rate{slo="api-latency",window="6h"} 2');
    // A newer slow reading is read only once the minute is up.
    store.saveSamples([{ target: 'api-1', metric: 'latency_ms', ts: NOW + 1000, value: 900 }]);
    now = NOW + 30_000;
    expect(await registry.metrics()).toContain('sco_slo_good_ratio{slo="api-latency"} 0.98\n');
    now = NOW + 61_000;
    expect(await registry.metrics()).toMatch(/sco_slo_good_ratio\{slo="api-latency"\} 0\.970297/);
    const none = new Registry();
    registerSloGauges(none, createSloBoard({ store, slos: [], targets: () => fleet, now: () => now }));
    // With none set, each family is declared with no series.
    const bare = await none.metrics();
    expect(bare).toContain('# TYPE sco_slo_burn_rate gauge');
    expect(bare.split('\n').filter((l) => l.startsWith('sco_slo'))).toEqual([]);
  });
});

describe('"did the scale up fix web-2?" while it waits', () => {
  it('names the request still waiting for approval rather than only saying none ran', () => {
    const store = createSqliteStore(':memory:');
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    expect(answerIntent(parseIntent('did the scale up fix web-2?', targets), c)).toBe('No scale_up ran on web-2.');
    const asked = {
      ...PROPOSAL,
      id: 'rp_up2',
      target: 'web-2',
      action: 'scale_up' as const,
      params: { by: 1 },
      createdTs: NOW - 5 * 60_000,
      updatedTs: NOW - 5 * 60_000,
      expiresTs: NOW + 25 * 60_000,
      requestedBy: 'web:operator',
    };
    store.insertProposal(asked, { proposalId: 'rp_up2', from: null, to: 'proposed', actor: 'web:operator', ts: asked.createdTs, note: '' });
    expect(answerIntent(parseIntent('did the scale up fix web-2?', targets), c).split('\n')).toEqual([
      'No scale_up ran on web-2.',
      'Waiting for approval now: rp_up2 (scale_up on web-2, proposed 2026-12-07 11:55:00 UTC); "pending approvals" lists them.',
    ]);
    // Asked of a time gone by, or of an outcome, the request now is not what was asked.
    expect(answerIntent(parseIntent('did web-2 scale up yesterday?', targets), c)).not.toContain('rp_up2');
    expect(answerIntent(parseIntent('which scale ups failed?', targets), c)).not.toContain('rp_up2');
  });
});

describe('"which host is noisiest?"', () => {
  it('answers with the ranking and the total it ranks, not every breakdown after it', () => {
    const store = createSqliteStore(':memory:');
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    [
      ['web-1', 5],
      ['web-1', 4],
      ['web-2', 3],
    ].forEach(([target, hoursAgo], n) =>
      store.upsertAnomaly(
        resolvedAnomaly(`an_r${n}`, NOW, {
          target: target as string,
          startTs: NOW - (hoursAgo as number) * H,
          endTs: NOW - (hoursAgo as number) * H + 300_000,
        }),
      ),
    );
    const lines = answerIntent(parseIntent('which host is noisiest?', targets), c).split('\n');
    expect(lines[0]).toBe('Most episodes by target: web-1 2; then web-2 1.');
    expect(lines.at(-1)).toBe('Ask "how many" of the same time without "which" or "most" for every breakdown.');
    expect(lines.some((l) => l.startsWith('By severity') || l.startsWith('Busiest hours'))).toBe(false);
    // Without "which", every breakdown.
    expect(answerIntent(parseIntent('how many alerts?', targets), c).split('\n')).toContainEqual(
      expect.stringMatching(/^By target: web-1 2, web-2 1$/),
    );
  });
});

describe('SLO warnings at start and in config check', () => {
  it('warns of a window longer than the samples kept and of targets or roles no target has, and is quiet otherwise', () => {
    const cfg = (slos: unknown[], samplesHours = 24) =>
      ({ ...configSchema.parse({ slos }), retention: { samplesHours } }) as unknown as Config;
    const fleet = [{ name: 'api-1', role: 'api' }] as unknown as Target[];
    const slo = { name: 'a', metric: 'cpu', goodBelow: 90, objective: 99 };
    expect(sloWarnings(cfg([{ ...slo, role: 'api', windowDays: 1 }]), fleet)).toEqual([]);
    expect(sloWarnings(cfg([{ ...slo, role: 'apis', windowDays: 7 }], 168), fleet)).toEqual([
      `slos[0] (a): role "apis" is no configured target's role`,
    ]);
    expect(sloWarnings(cfg([{ ...slo, windowDays: 2 }]), fleet)[0]).toMatch(
      /^slos\[0\] \(a\): windowDays 2 is longer than the 24 h of samples kept/,
    );
  });
});

describe('"page the on-call" with several rotations', () => {
  it("pages the holder of the rotation that the alert's route names, and the first rotation's otherwise", () => {
    const store = createSqliteStore(':memory:');
    const fleet = [
      { name: 'web-1', role: 'web', labels: {} },
      { name: 'db-1', role: 'db', labels: {} },
    ];
    for (const [k, target] of ['web-1', 'db-1'].entries()) {
      const a = { ...resolvedAnomaly(`an_q${k}`, NOW, { target, startTs: NOW - H }), status: 'open' as const, endTs: null };
      store.upsertAnomaly(a);
      store.chat.linkAlert(a.id, `alert:${a.id}`);
      store.chat.addDestinations(`alert:${a.id}`, [{ platform: 'slack', channel: 'C1' }], NOW);
    }
    const people = createOnCall(
      onCallSchema.parse([
        { name: 'web', members: [{ name: 'alice', slack: '<@UALICE>' }], shiftHours: 24, handoff: '2026-12-01T09:00:00Z' },
        { name: 'db', members: [{ name: 'dana', slack: '<@UDANA>' }], shiftHours: 24, handoff: '2026-12-01T09:00:00Z' },
      ]),
      { store, clock: { now: () => NOW } },
    );
    const routes = [alertRoute.parse({ match: { roles: ['db'] }, slack: ['C-db'], mentions: { onCall: 'db' } })];
    const e = createAlertEscalation({
      store,
      actor: (u) => `${u.platform}:${u.id}`,
      mentions: {},
      people,
      rotationOf: (a, now) =>
        onCallRotationFor(
          routes,
          a,
          fleet.find((t) => t.name === a.target),
          now,
        ),
    });
    const page = (q: string) =>
      e.escalate(parseIntent(q, fleet) as Extract<Intent, { kind: 'escalate' }>, { platform: 'slack', id: 'UOPS', roles: [] }, NOW).text;
    expect(page('page the on-call about db-1')).toBe('Escalated the alert on db-1 to dana (on call now for db), pinging <@UDANA>.');
    expect(page('page the on-call about web-1')).toBe('Escalated the alert on web-1 to alice (on call now), pinging <@UALICE>.');
    // A route that pings no on-call names no rotation.
    const off = [alertRoute.parse({ match: { roles: ['db'] }, slack: ['C-db'], mentions: { slack: ['<@UXX>'] } })];
    expect(
      onCallRotationFor(off, { target: 'db-1', metric: 'cpu', detector: 'threshold', severity: 'critical' }, fleet[1], NOW),
    ).toBeUndefined();
  });
});

describe('the SLO tracker', () => {
  const slo = sloSchema.parse({ name: 'lat', metric: 'latency_ms', role: 'api', goodBelow: 500, objective: 99, windowDays: 2 });
  const fleet = [
    { name: 'api-1', role: 'api' },
    { name: 'api-2', role: 'api' },
  ];
  function counted() {
    const store = createSqliteStore(':memory:');
    // Three days of readings a minute apart; every 37th slow on api-1, every 53rd on api-2.
    for (const [target, every] of [
      ['api-1', 37],
      ['api-2', 53],
    ] as const)
      store.saveSamples(
        Array.from({ length: 3 * 1440 }, (_, n) => ({ target, metric: 'latency_ms', ts: NOW - n * 60_000, value: n % every ? 100 : 900 })),
      );
    const reads: number[] = [];
    const counting = {
      series: (t: string, m: string, from: number, until?: number) => (reads.push((until ?? NOW) - from), store.series(t, m, from, until)),
    };
    return { store, reads, tracker: createSloTracker({ store: counting, targets: () => fleet }) };
  }

  it('gives the same report as reading the whole window, and reads only the last hours after the first', () => {
    const { store, reads, tracker } = counted();
    const direct = sloReport(slo, new Map(fleet.map((t) => [t.name, store.series(t.name, 'latency_ms', NOW - 2 * 86_400_000, NOW)])), NOW);
    expect(tracker.report(slo, NOW)).toEqual(direct);
    reads.length = 0;
    // A minute on: the whole hours are kept, so only the live part (about 7 h) is read again.
    store.saveSamples([{ target: 'api-1', metric: 'latency_ms', ts: NOW + 60_000, value: 900 }]);
    const next = tracker.report(slo, NOW + 60_000);
    expect(Math.max(...reads)).toBeLessThanOrEqual(7 * H + 60_000);
    expect(reads.length).toBe(4);
    const later = NOW + 60_000;
    expect(next).toEqual(
      sloReport(slo, new Map(fleet.map((t) => [t.name, store.series(t.name, 'latency_ms', later - 2 * 86_400_000, later)])), later),
    );
    // Narrowed to a host: read afresh.
    expect(tracker.report(slo, NOW, ['api-2']).badBy).toEqual([['api-2', direct.badBy.find(([t]) => t === 'api-2')![1]]]);
  });

  it('counts an hour that was empty when first asked once samples arrive for it, and starts again when the SLO changes', () => {
    const store = createSqliteStore(':memory:');
    const tracker = createSloTracker({ store, targets: () => fleet });
    store.saveSamples([{ target: 'api-1', metric: 'latency_ms', ts: NOW - 60_000, value: 100 }]);
    expect(tracker.report(slo, NOW)).toMatchObject({ good: 1, bad: 0 });
    // The first start's backfill writes yesterday's readings after that report.
    store.saveSamples([{ target: 'api-1', metric: 'latency_ms', ts: NOW - 20 * H, value: 900 }]);
    expect(tracker.report(slo, NOW)).toMatchObject({ good: 1, bad: 1 });
    expect(tracker.report({ ...slo, goodBelow: 1000 }, NOW)).toMatchObject({ good: 2, bad: 0 });
  });
});
