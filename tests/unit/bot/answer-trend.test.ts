import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { departure, estimateTrend, timeToReach } from '../../../src/bot/estimate-trend.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createRng } from '../../../src/core/random.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { resolvedAnomaly } from '../../fixtures/anomaly.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 2, 12, 0, 0);

/** `hours` of 30 s samples ending at NOW, value f(hours before NOW). */
const line = (hours: number, f: (hoursAgo: number, i: number) => number) =>
  Array.from({ length: hours * 120 + 1 }, (_, i) => {
    const ts = NOW - hours * HOUR + i * 30_000;
    return { ts, value: f((NOW - ts) / HOUR, i) };
  });

describe('estimateTrend', () => {
  it('recovers a straight line exactly: rate, both ends, no scatter', () => {
    const t = estimateTrend(line(2, (ago) => 14 - 2 * ago))!;
    expect(t.perHour).toBeCloseTo(2, 9);
    expect(t.start).toBeCloseTo(10, 9);
    expect(t.level).toBeCloseTo(14, 9);
    expect(t.scatter).toBeCloseTo(0, 9);
    expect(t.clear).toBe(true);
    expect([t.n, t.from, t.until]).toEqual([241, NOW - 2 * HOUR, NOW]);
  });

  it('is not tilted by spikes: one sample in twenty 50 units high', () => {
    const t = estimateTrend(line(6, (ago, i) => 60 - 0.5 * ago + (i % 20 === 7 ? 50 : 0)))!;
    expect(Math.abs(t.perHour - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(t.level - 60)).toBeLessThan(0.1);
    expect(t.clear).toBe(true);
  });

  it('calls noise around a level "no clear trend", and finds a slow rise under the same noise', () => {
    const rng = createRng(7);
    const noise = () => (rng() - 0.5) * 4;
    const flat = estimateTrend(line(6, () => 50 + noise()))!;
    expect(flat.clear).toBe(false);
    expect(Math.abs(flat.perHour)).toBeLessThan(0.1);
    expect(flat.scatter).toBeGreaterThan(0.5);
    const rising = estimateTrend(line(6, (ago) => 50 - 0.5 * ago + noise()))!;
    expect(rising.clear).toBe(true);
    // About 0.03 %/h is the slope's standard error here (block medians of 7 samples, 100 blocks).
    expect(Math.abs(rising.perHour - 0.5)).toBeLessThan(0.1);
  });

  it('needs 5 samples over 10 minutes, ignores non-finite values and takes any order', () => {
    expect(estimateTrend([])).toBeUndefined();
    expect(estimateTrend(line(1, () => 1).slice(0, 4))).toBeUndefined();
    expect(estimateTrend(line(1, () => 1).slice(0, 15))).toBeUndefined(); // 7 minutes
    const pts = line(1, (ago) => 5 - ago);
    const messy = [...pts, { ts: NOW + 1, value: NaN }, { ts: NaN, value: 3 }, { ts: NOW + 2, value: Infinity }].reverse();
    expect(estimateTrend(messy)!.perHour).toBeCloseTo(1, 9);
    // A constant is flat, not a trend of zero that counts as clear.
    expect(estimateTrend(line(1, () => 7))!.clear).toBe(false);
  });

  it('says when the line reaches a limit, only when it heads there', () => {
    const t = estimateTrend(line(2, (ago) => 14 - 2 * ago))!;
    expect(timeToReach(t, 20)).toBeCloseTo(3 * HOUR, 3);
    expect(timeToReach(t, 10)).toBeUndefined();
    expect(timeToReach(t, 14)).toBeUndefined();
    const down = estimateTrend(line(2, (ago) => 14 + 2 * ago))!;
    expect(timeToReach(down, 10)).toBeCloseTo(2 * HOUR, 3);
  });
});

describe('trend answers', () => {
  const targets = [
    { name: 'web-1', role: 'web' },
    { name: 'db-1', role: 'db' },
    { name: 'new-1', role: 'new' },
  ];
  // db-1 disk climbs 0.5 %/h to 83 % now; web-1 disk is flat with noise; web-1 memory leaks
  // 4 %/h to 70 %; new-1 has 3 minutes of samples.
  function ctx(): AnswerContext {
    const store = createSqliteStore(':memory:');
    const rng = createRng(3);
    store.saveSamples([
      ...line(6, (ago) => 83 - 0.5 * ago).map((p) => ({ target: 'db-1', metric: 'disk', ...p })),
      ...line(6, () => 40 + (rng() - 0.5)).map((p) => ({ target: 'web-1', metric: 'disk', ...p })),
      ...line(6, (ago) => 70 - 4 * ago).map((p) => ({ target: 'web-1', metric: 'memory', ...p })),
      ...line(6, () => 5).map((p) => ({ target: 'web-1', metric: 'latency_ms', ...p })),
      ...line(1, () => 50)
        .slice(-7)
        .map((p) => ({ target: 'new-1', metric: 'disk', ...p })),
    ]);
    return {
      store,
      targets,
      now: NOW,
      staleAfterMs: 90_000,
      thresholds: [
        { metric: 'disk', above: 90, forSamples: 3, severity: 'warning' },
        { metric: 'memory', target: 'web-1', above: 95, forSamples: 3, severity: 'critical' },
      ],
    };
  }
  const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c);

  it('gives the rate, the fitted line and when a rising disk reaches its threshold; not past 4× the window', () => {
    const r = ask('is disk filling up on db-1?');
    expect(r).toBe(
      [
        'Trend over the last 6 h:',
        'db-1 disk 83.0% at 12:00:00 UTC, rising +0.50 %/h (line 80.0% at 06:00:00 UTC → 83.0% at 12:00:00 UTC; 721 samples, scatter ±0%).' +
          // (90 − 83) / 0.5 = 14 h; (100 − 83) / 0.5 = 34 h is past 4 × 6 h.
          ' At this rate: the 90.0% warning threshold in about 14 h (2026-11-03 02:00:00 UTC); full not within 24 h (4× the window; ask over a longer window to look further).',
      ].join('\n'),
    );
    // Over two hours the horizon is 8 h: the threshold is out of reach too.
    expect(ask('when will db-1 run out of space? last 2 hours')).toMatch(
      /rising \+0\.50 %\/h.* the 90\.0% warning threshold or full not within 8 h/,
    );
  });

  it('gives the rate per day or per week when asked so, fitted over at least that long', () => {
    expect(parseIntent('how fast is disk growing per day?', targets)).toEqual({ kind: 'trend', metric: 'disk', per: 'day' });
    expect(parseIntent('daily disk growth on db-1', targets)).toMatchObject({ target: 'db-1', per: 'day' });
    expect(parseIntent('disk growth per week', targets)).toMatchObject({ per: 'week' });
    // "In a day" is a time ahead, not a unit; a window said is kept beside the unit.
    expect(parseIntent('will disk be full in a day?', targets)).not.toHaveProperty('per');
    expect(parseIntent('memory trend on web-1 over the last 3 days, per day', targets)).toMatchObject({
      span: { kind: 'last', ms: 3 * 86_400_000 },
      per: 'day',
    });
    // 0.5 %/h is 12 %/day and 84 %/week; only 6 h are stored, so the line is the same one.
    expect(ask('how fast is db-1 disk growing per day?')).toMatch(
      /^Trend over the last 24 h:\ndb-1 disk 83\.0% at .*, rising \+12 %\/day \(/,
    );
    expect(ask('web-1 memory growth per week')).toMatch(/rising \+672 %\/week/);
    const fleet = ask('how fast is disk growing per day?');
    expect(fleet).toMatch(/^Disk over the last 24 h:/);
    expect(fleet).toMatch(/db-1 +\+12 %\/day/);
    expect(ask('how much does latency grow a day?')).toMatch(/web-1 +flat/);
  });

  it('uses a target’s own threshold rule and 100 % for memory', () => {
    // (95 − 70) / 4 = 6.25 h; (100 − 70) / 4 = 7.5 h.
    expect(ask('is web-1 memory going up?')).toMatch(
      /web-1 memory 70\.0% at 12:00:00 UTC, rising \+4\.0 %\/h .* At this rate: the 95\.0% critical threshold in about 6 h 15 min \(2026-11-02 18:15:00 UTC\); full in about 7 h 30 min \(2026-11-02 19:30:00 UTC\)\.$/,
    );
    // Asked as a leak: a climb of hours is only a maybe, but where it heads at this rate is said all the same.
    expect(ask('is there a memory leak on web-1')).toMatch(
      /^web-1: maybe: memory has climbed steadily for 6 h .* At this rate: the 95\.0% critical threshold in about 6 h 15 min \(2026-11-02 18:15:00 UTC\); full in about 7 h 30 min \(2026-11-02 19:30:00 UTC\)\.$/,
    );
  });

  it('says a falling line heads away from the threshold above it and from full', () => {
    const c = ctx();
    c.store.saveSamples(line(6, (ago) => 60 + ago).map((p) => ({ target: 'db-1', metric: 'memory', ...p })));
    expect(ask('will db-1 run out of memory?', c)).toMatch(
      /^Trend over the last 6 h:\ndb-1 memory 60\.0% at 12:00:00 UTC, falling -1\.00 %\/h \(.*\)\. Falling, so not heading for full at this rate\.$/,
    );
    // With a rule above it, that rule is named too.
    c.store.saveSamples(line(6, (ago) => 60 + ago).map((p) => ({ target: 'web-1', metric: 'cpu', ...p })));
    expect(ask('cpu trend on web-1', { ...c, thresholds: [{ metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' }] })).toMatch(
      /falling -1\.00 %\/h .*\. Falling, so not heading for the 90\.0% threshold at this rate\.$/,
    );
  });

  it('calls noise no clear trend, and says when history is too short', () => {
    expect(ask('disk trend on web-1')).toMatch(
      /^Trend over the last 6 h:\nweb-1 disk (39|40)\.\d% at 12:00:00 UTC: no clear trend \([+-]?0\.\d+ %\/h, within the scatter ±0\.\d+%;/,
    );
    expect(ask('is latency going up on web-1')).toMatch(/web-1 latency 5 ms at 12:00:00 UTC: no clear trend \(0 ms\/h/);
    expect(ask('disk trend on new-1')).toBe(
      'Trend over the last 6 h:\nnew-1 disk 50.0% at 12:00:00 UTC: too little history for a trend (7 samples over 3 min; a trend needs at least 5 spanning 10 min).',
    );
    expect(ask('cpu trend on db-1')).toBe('No CPU samples for db-1 over the last 6 h, so no trend to give.');
    expect(ask('memory trend on db-9')).toMatch(/^I don't know a target called "db-9"/);
  });

  it('names the fastest riser when none is on course to a limit: "which host will run out of disk first?"', () => {
    // No disk rule: 100 % is 34 h away at 0.5 %/h, past 4× the 6 h window.
    const r = ask('which host will run out of disk first?', { ...ctx(), thresholds: [] });
    expect(r.split('\n')[0]).toBe(
      'Disk over the last 6 h: 1 of 3 targets rising clearly, 0 falling. None reaches a threshold or 100% within 4× its window at these rates; the fastest rising is db-1 (+0.50 %/h).',
    );
  });

  it('ranks the fleet by the soonest limit, then by rate', () => {
    const r = ask('which disks are filling up?');
    const lines = r.split('\n');
    expect(lines[0]).toBe(
      'Disk over the last 6 h: 1 of 3 targets rising clearly, 0 falling. First to reach a limit: db-1, the 90.0% warning threshold in about 14 h.',
    );
    expect(lines[3]).toMatch(/^db-1\s+\+0\.50 %\/h\s+83\.0%\s+±0%\s+721\s+the 90\.0% warning threshold in ~14 h$/);
    expect(r).toMatch(/web-1\s+flat\s+(39|40)\.\d%/);
    expect(r).toMatch(/new-1\s+-\s+-\s+-\s+7\s+-/);
    const all = ask('any trends?');
    expect(all.split('\n')[0]).toBe(
      'Rising clearly over the last 6 h: web-1 memory +4.0 %/h (the 95.0% critical threshold in ~6 h 15 min), ' +
        'db-1 disk +0.50 %/h (the 90.0% warning threshold in ~14 h). Falling clearly: 0.',
    );
    expect(all.split('\n')[1]).toMatch(/^Trends over the last 6 h/);
    expect(all).toMatch(/web-1\s+-\s+\+4\.0 %\/h\s+flat/);
  });

  it('reads "is anything getting worse?" across the fleet, and "is it getting worse?" as what is open', () => {
    const c = ctx();
    c.store.upsertAnomaly({ ...resolvedAnomaly('an_db', NOW, { target: 'db-1', metric: 'disk' }), status: 'open', endTs: null });
    const any = ask('is anything getting worse?', c);
    expect(any).toMatch(/^Rising clearly over the last 6 h: web-1 memory \+4\.0 %\/h .*, db-1 disk \+0\.50 %\/h /);
    expect(ask("what's trending up?", c)).toBe(any);
    // Asked of hosts or metrics, "which"/"what" is the fleet too, even with an anomaly open; so are the everyday words for it.
    for (const q of [
      'which hosts are getting worse?',
      "what's slowly getting worse",
      "what's creeping up?",
      'is anything degrading slowly?',
    ])
      expect(ask(q, c), q).toBe(any);
    expect(parseIntent('is latency degrading?', targets)).toEqual({ kind: 'trend', metric: 'latency' });
    expect(parseIntent('is web-1 getting slower?', targets)).toMatchObject({ kind: 'trend', metric: 'latency', target: 'web-1' });
    expect(ask('is it getting worse?', c)).toMatch(/^The worst open anomaly is an_db .*\nTrend over the last 60 min:\ndb-1 disk 83\.0%/);
    // Nothing rising: said so, not a list of the falling.
    const calm: AnswerContext = { ...ctx(), store: createSqliteStore(':memory:') };
    calm.store.saveSamples(line(6, (ago) => 50 + ago).map((p) => ({ target: 'web-1', metric: 'cpu', ...p })));
    expect(ask('is anything getting worse?', calm).split('\n')[0]).toBe('Nothing rises clearly over the last 6 h. Falling clearly: 1.');
  });
});

describe('a series that has left its line at the end of the window', () => {
  // Six quiet hours at 33 %, then the disk fills: +6 points a minute over the last 9 minutes.
  const filling = line(6, (ago) => (ago * 60 <= 9 ? 33 + 6 * (9 - ago * 60) : 33 + ((ago * 7919) % 0.1)));

  it('finds the stretch the line does not describe, and gives it its own line when it is long enough', () => {
    const t = estimateTrend(filling)!;
    const d = departure(filling, t)!;
    expect(d.from.ts).toBeGreaterThanOrEqual(NOW - 9 * 60_000);
    expect(d.from.ts).toBeLessThanOrEqual(NOW - 8 * 60_000);
    expect(d.last).toEqual({ ts: NOW, value: 87 });
    expect(d.trend).toBeUndefined();
    // On the line (or a spike far back in the window): nothing left it.
    expect(
      departure(
        line(6, () => 40),
        estimateTrend(line(6, () => 40))!,
      ),
    ).toBeUndefined();
    const longer = line(6, (ago) => (ago <= 0.5 ? 33 + 100 * (0.5 - ago) : 33));
    expect(departure(longer, estimateTrend(longer)!)!.trend).toMatchObject({ clear: true });
  });

  it('says so, with the change since, instead of projecting the quiet hours', () => {
    const store = createSqliteStore(':memory:');
    store.saveSamples(filling.map((p) => ({ target: 'api-2', metric: 'disk', ...p })));
    store.upsertAnomaly({
      ...resolvedAnomaly('an_fill', NOW, { target: 'api-2', metric: 'disk', detector: 'forecast', startTs: NOW - 5 * 60_000 }),
      status: 'open',
      endTs: null,
      summary: 'disk 87%, rising 340 points/h over the last 60 min: at that rate it reaches 100% in about 2 min',
    });
    const c: AnswerContext = { store, targets: [{ name: 'api-2' }], now: NOW, staleAfterMs: 90_000 };
    const lines = answerIntent(parseIntent('is the disk on api-2 going to fill up?', c.targets), c).split('\n');
    // The break leads; the window's line follows as what came before it.
    expect(lines[1]).toMatch(
      /^api-2 disk 87\.0% at 12:00:00 UTC: since 11:5\d:\d\d UTC it has left its line over the window: 3\d\.\d% then, 87\.0% at 12:00:00 UTC \(\+5\d\.\d points in [89] min( 30 s)?, too short a stretch to project\)\. Before that, no clear trend /,
    );
    expect(lines[1]).not.toMatch(/At this rate/);
    // In a fleet table it comes first, flagged, whatever its window's rate.
    store.saveSamples(line(6, (ago) => 50 + 0.2 * (6 - ago)).map((p) => ({ target: 'db-1', metric: 'disk', ...p })));
    const fleet = answerIntent(parseIntent('which host will run out of disk first?', c.targets), {
      ...c,
      targets: [{ name: 'db-1' }, { name: 'api-2' }],
    }).split('\n');
    expect(fleet[0]).toContain('Left their line in the last minutes (its rate says nothing of them): api-2.');
    expect(fleet[3]).toMatch(/^api-2 .* left its line at 11:5\d:\d\d UTC: 87\.0% now$/);
    expect(fleet[4]).toMatch(/^db-1 +\+0\.20 %\/h/);
    // The fleet answer names the forecast open on it too, after the table.
    expect(fleet.at(-1)).toBe(
      'Open now: an_fill (forecast) on api-2: disk 87%, rising 340 points/h over the last 60 min: at that rate it reaches 100% in about 2 min.',
    );
    // Past its rule's line already: said so, and the others' outlook is of the others.
    const ruled = answerIntent(parseIntent('which host will run out of disk first?', c.targets), {
      ...c,
      targets: [{ name: 'db-1' }, { name: 'api-2' }],
      thresholds: [{ metric: 'disk', above: 85, forSamples: 3, severity: 'critical' }],
    }).split('\n');
    expect(ruled[0]).toContain('Already past a threshold: api-2 87.0% (the 85.0% critical threshold).');
    expect(ruled[0]).toContain('None of the others reaches a threshold or 100%');
    // And in the table of every metric.
    const all = answerIntent(parseIntent('any trends?', c.targets), { ...c, targets: [{ name: 'db-1' }, { name: 'api-2' }] }).split('\n');
    expect(all[0]).toBe(
      'Rising clearly over the last 6 h: db-1 disk +0.20 %/h. Falling clearly: 0. Left their line in the last minutes: api-2 disk (87.0% now).' +
        ' None of the others reaches a threshold or 100% within 4× the window at these rates.',
    );
    expect(all[1]).toMatch(/"left at" = off its line since then, and where it is now\):$/);
    expect(all.find((l) => l.startsWith('api-2'))).toMatch(/^api-2 +- +- +left at 11:5\d:\d\d UTC: 87\.0%$/);
    // The forecast alert open on it is named with the answer.
    expect(lines[2]).toBe(
      'Open now: an_fill (forecast): disk 87%, rising 340 points/h over the last 60 min: at that rate it reaches 100% in about 2 min.',
    );
  });
});

describe('"is it getting worse?"', () => {
  it('follows the worst open anomaly’s series over the last hour, or says nothing is open', () => {
    const store = createSqliteStore(':memory:');
    store.saveSamples(line(2, (ago) => 90 - 10 * ago).map((p) => ({ target: 'db-1', metric: 'memory', ...p })));
    const c: AnswerContext = { store, targets: [{ name: 'db-1' }, { name: 'web-1' }], now: NOW, staleAfterMs: 90_000 };
    const ask = (q: string) => answerIntent(parseIntent(q, c.targets), c).split('\n');
    expect(ask('is it getting worse?')).toEqual([
      'Nothing is open, so there is no "it" to follow: name it ("is web-1 cpu getting worse?"), or ask "any trends?".',
    ]);
    const open = { status: 'open' as const, endTs: null };
    store.upsertAnomaly({ ...resolvedAnomaly('an_warn', NOW, { target: 'web-1', startTs: NOW - 5 * 60_000 }), ...open });
    store.upsertAnomaly({
      ...resolvedAnomaly('an_crit', NOW, { target: 'db-1', metric: 'memory', severity: 'critical', startTs: NOW - 20 * 60_000 }),
      ...open,
    });
    const lines = ask('is it getting worse?');
    expect(lines[0]).toBe('The worst open anomaly is an_crit (critical, db-1 memory); its series:');
    expect(lines[1]).toBe('Trend over the last 60 min:');
    expect(lines[2]).toMatch(/^db-1 memory 90\.0% at 12:00:00 UTC, rising \+10 %\/h /);
  });
});

describe('a value asked ahead of now', () => {
  const targets = [{ name: 'db-1' }, { name: 'web-1' }];
  function ctx(): AnswerContext {
    const store = createSqliteStore(':memory:');
    const rng = createRng(5);
    store.saveSamples([
      ...line(6, (ago) => 83 - 0.5 * ago).map((p) => ({ target: 'db-1', metric: 'disk', ...p })),
      ...line(6, () => 40 + (rng() - 0.5)).map((p) => ({ target: 'web-1', metric: 'disk', ...p })),
      ...line(6, (ago) => 99 - 4 * ago).map((p) => ({ target: 'web-1', metric: 'memory', ...p })),
    ]);
    return { store, targets, now: NOW, staleAfterMs: 90_000 };
  }
  const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

  it('reads the line that far ahead, leads with it, and keeps the trend below', () => {
    expect(parseIntent('what will disk be on db-1 in 6 hours?', targets)).toMatchObject({ kind: 'trend', aheadMs: 6 * HOUR });
    const lines = ask('what will disk be on db-1 in 6 hours?');
    // 83 % now, rising 0.5 points an hour: 86 % in 6 h.
    expect(lines[0]).toBe(
      'db-1 disk in 6 h (2026-11-02 18:00:00 UTC): about 86.0% if this line holds. A line knows nothing of spikes or daily cycles.',
    );
    expect(lines[1]).toBe('Trend over the last 6 h:');
  });

  it('without a clear trend gives the level now, caps a share at 100%, and refuses past four times the window', () => {
    expect(ask('how full will web-1 disk be tomorrow?')[0]).toMatch(
      /^web-1 disk in 24 h \(2026-11-03 12:00:00 UTC\): about 40\.0%, where it is now: no clear trend to carry forward, give or take 0\.\d+% \(twice the scatter around the line\)\./,
    );
    expect(ask('forecast memory on web-1 for the next 2 hours')[0]).toMatch(
      /^web-1 memory in 2 h \(.*\): about 100\.0% if this line holds/,
    );
    expect(ask('what will disk be on db-1 in 2 days?')[0]).toBe(
      // Only 6 h of samples are held: a longer window would read the same ones (decision 0069).
      'db-1 disk in 2 d (2026-11-04 12:00:00 UTC): too far ahead for a line fitted over 6 h (at most 24 h); that is every sample kept (since 2026-11-02 06:00:00 UTC: retention.samplesHours, or since the target was first read), so a longer window would not help.',
    );
  });
});

describe('the time to a level asked', () => {
  const targets = [{ name: 'db-1' }, { name: 'web-1' }];
  function ctx(): AnswerContext {
    const store = createSqliteStore(':memory:');
    store.saveSamples([
      ...line(6, (ago) => 83 - 0.5 * ago).map((p) => ({ target: 'db-1', metric: 'disk', ...p })),
      ...line(6, (ago) => 40 + 0.5 * ago).map((p) => ({ target: 'web-1', metric: 'disk', ...p })),
    ]);
    return { store, targets, now: NOW, staleAfterMs: 90_000 };
  }
  const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx()).split('\n');

  it('reads "when will db-1 disk reach 85%?" as the line to that level, not whether it is there now', () => {
    expect(parseIntent('when will db-1 disk reach 85%?', targets)).toMatchObject({ kind: 'trend', target: 'db-1', level: 85 });
    expect(parseIntent('at this rate when does db-1 hit 85% disk?', targets)).toMatchObject({ kind: 'trend', level: 85 });
    expect(parseIntent('is db-1 disk above 85%?', targets)).toMatchObject({ kind: 'metrics', bound: { value: 85 } });
    // 83 % rising 0.5 an hour: 85 % in 4 h. The gap now leads.
    expect(ask('when will db-1 disk reach 85%?')[0]).toBe('db-1 disk 83.0% now: 2.0 points below 85.0%.');
    expect(ask('when will db-1 disk reach 85%?')[2]).toMatch(/At this rate: 85\.0% in about 4 h \(2026-11-02 16:00:00 UTC\)\.$/);
    // Falling away from it, or already past it: said so.
    expect(ask('when will web-1 disk reach 45%?')[2]).toMatch(/Below 45\.0% and falling, so not reaching it at this rate\.$/);
    expect(ask('when will db-1 disk reach 50%?')[0]).toBe('db-1 disk 83.0% now: 33.0 points above 50.0%.');
    expect(ask('when will db-1 disk reach 50%?')[2]).toMatch(/Its line is at 50\.0% or above already\.$/);
    expect(ask('when will disk reach 50%?')[0]).toMatch(/Already past 50\.0%: db-1 83\.0%\./);
  });
});

describe('the longest stretch kept, when the default window reaches no limit', () => {
  const targets = [{ name: 'db-1' }];
  // db-1 disk rises 0.2 %/h for 3 days to 80 % now (every 5 min): the 6 h line reaches 90 % in 50 h, past its 24 h.
  function ctx(days: number): AnswerContext {
    const store = createSqliteStore(':memory:');
    const pts = Array.from({ length: days * 288 + 1 }, (_, i) => {
      const ts = NOW - days * 24 * HOUR + i * 300_000;
      return { target: 'db-1', metric: 'disk', ts, value: 80 - (0.2 * (NOW - ts)) / HOUR };
    });
    store.saveSamples(pts);
    return {
      store,
      targets,
      now: NOW,
      staleAfterMs: 900_000,
      thresholds: [{ metric: 'disk', above: 90, forSamples: 3, severity: 'critical' }],
    };
  }
  const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, targets), c).split('\n');

  it('fits the line over what is kept (a week at most) and says when that reaches the limit', () => {
    const lines = ask('when will db-1 run out of space?', ctx(3));
    expect(lines[1]).toMatch(/not within 24 h \(4× the window; the longest stretch kept is read below\)\.$/);
    // (90 − 80) / 0.2 = 50 h, within 4 × 72 h; full at (100 − 80) / 0.2 = 100 h.
    expect(lines[2]).toBe(
      'db-1 disk over the 3 d kept (since 2026-10-30 12:00:00 UTC): rising +0.20 %/h. At this rate: the 90.0% critical threshold in about 2 d 2 h (2026-11-04 14:00:00 UTC); full in about 4 d 4 h (2026-11-06 16:00:00 UTC).',
    );
  });

  it('says "the last 7 d", not "kept", where the week is what bounds the read', () => {
    const lines = ask('when will db-1 run out of space?', ctx(10));
    expect(lines[2]).toMatch(/^db-1 disk over the last 7 d \(since 2026-10-26 12:00:00 UTC\): rising \+0\.20 %\/h\./);
    expect(lines[2]).not.toMatch(/all the samples kept/);
  });

  it('adds nothing where a window is said, the short line already reaches a limit, or nothing longer is kept', () => {
    expect(ask('when will db-1 run out of space over the last 6 hours?', ctx(3))).toHaveLength(2);
    expect(ask('when will db-1 run out of space?', ctx(3)).join('\n')).not.toMatch(/ask over a longer window/);
    // Only 8 h kept: not enough longer than 6 h to say more.
    const short = ask('when will db-1 run out of space?', ctx(1 / 3));
    expect(short).toHaveLength(2);
    expect(short[1]).toMatch(/ask over a longer window to look further\)\.$/);
  });
});
