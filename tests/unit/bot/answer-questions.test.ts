import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { sparkline, timeSparkline } from '../../../src/bot/sparkline.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { cpuAnomaly } from '../../fixtures/anomaly.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';

// 11:49 UTC on 2026-12-03.
const NOW = Date.UTC(2026, 11, 3, 11, 49, 0);
const H = 3_600_000;
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];

// A resolved threshold anomaly on web-1's CPU unless told otherwise.
const anomaly = (over: Partial<Anomaly>): Anomaly => ({
  ...cpuAnomaly('an_x'),
  status: 'resolved',
  startTs: NOW,
  endTs: NOW,
  updatedTs: NOW,
  ...over,
});

/**
 * web-1's CPU is 20 + the UTC hour of each sample (30.0% at 10:xx), every 30 s for 26 h; its latency
 * over the last hour is 1, 2, … 120 ms; disk is 40% used on web-1 and 80% on db-1.
 */
function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  for (let ts = NOW - 26 * H; ts <= NOW; ts += 30_000)
    samples.push({ target: 'web-1', metric: 'cpu', ts, value: 20 + new Date(ts).getUTCHours() });
  for (let i = 1; i <= 120; i++) samples.push({ target: 'web-1', metric: 'latency_ms', ts: NOW - H + i * 30_000, value: i });
  for (const [target, value] of [
    ['web-1', 40],
    ['db-1', 80],
  ] as const) {
    samples.push({ target, metric: 'disk', ts: NOW - 10_000, value });
    samples.push({ target, metric: 'memory', ts: NOW - 10_000, value: 50 });
  }
  store.saveSamples(samples);
  store.upsertAnomaly(
    anomaly({ id: 'an_morning', key: 'web-1|cpu|threshold', startTs: Date.UTC(2026, 11, 3, 9, 50), endTs: Date.UTC(2026, 11, 3, 10, 10) }),
  );
  store.upsertAnomaly(
    anomaly({
      id: 'an_dbmem',
      key: 'db-1|memory|robust',
      target: 'db-1',
      metric: 'memory',
      detector: 'robust',
      status: 'open',
      severity: 'critical',
      startTs: Date.UTC(2026, 11, 3, 11, 0),
      endTs: null,
      summary: 'memory outside its recent range',
    }),
  );
  store.touchTargets(['web-1', 'db-1'], NOW - 10_000);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, c.targets), c);

describe('answers at a time of day', () => {
  it('reads the sample at that UTC time, on the latest day it has passed or the day named', () => {
    const c = ctx();
    expect(ask('cpu on web-1 at 10:00', c)).toBe('web-1 CPU at 2026-12-03 10:00:00 UTC: 30.0% (sample at 10:00:00 UTC)');
    // 15:00 has not come yet today, so it is yesterday's.
    expect(ask('cpu on web-1 at 3pm', c)).toBe('web-1 CPU at 2026-12-02 15:00:00 UTC: 35.0% (sample at 15:00:00 UTC)');
    expect(ask('cpu on web-1 yesterday at 10:00', c)).toMatch(/^web-1 CPU at 2026-12-02 10:00:00 UTC: 30\.0%/);
    // 10:00 at +01:00 is 09:00 UTC.
    expect(ask('cpu on web-1 at 10:00 +01:00', c)).toMatch(/^web-1 CPU at 2026-12-03 09:00:00 UTC: 29\.0%/);
  });

  it('summarises a window between two times, and says when a time is still ahead', () => {
    const c = ctx();
    expect(ask('cpu on web-1 between 9 and 10am', c)).toMatch(
      /^web-1 CPU between 2026-12-03 09:00:00 UTC and 10:00:00 UTC: peak 30\.0% at 10:00:00 UTC, average 29\.0%, lowest 29\.0% at 09:00:00 UTC \(121 samples/,
    );
    expect(ask('cpu on web-1 today at 23:00', c)).toBe(
      '2026-12-03 23:00:00 UTC is still ahead (it is 2026-12-03 11:49:00 UTC now); I can only answer about what has happened.',
    );
    expect(ask('cpu at 3pm pst', c)).toMatch(/^I can't take that: I read clock times as UTC and do not convert PST/);
  });

  it('lists what was open at an instant, and what started in a window', () => {
    const c = ctx();
    const at10 = ask('what was firing at 10:00', c).split('\n');
    expect(at10[0]).toBe('1 anomaly open at 2026-12-03 10:00:00 UTC; all:');
    expect(at10[1]).toMatch(/^• an_morning /);
    expect(ask('what was firing at 11:30', c).split('\n')[1]).toMatch(/^• an_dbmem /);
    expect(ask('what was firing at 09:00', c)).toBe(
      'No anomalies open at 2026-12-03 09:00:00 UTC. Nothing started or ended within 30 min of it either.',
    );
    // A near miss is named, with how far off it was: "at 3am" rarely means to the minute.
    expect(ask('what was firing at 09:30', c)).toBe(
      'No anomalies open at 2026-12-03 09:30:00 UTC.\nClosest (within 30 min):\n• an_morning web-1 CPU (threshold) started at 09:50:00 UTC, 20 min after',
    );
    expect(ask('what was firing on db-1 at 10:15', c)).toMatch(/^No anomalies on db-1 open at .*\. Nothing started or ended within 30 min/);
    expect(ask('what was firing at 10:15', c).split('\n')[2]).toBe(
      '• an_morning web-1 CPU (threshold) ended at 10:10:00 UTC, 5 min before',
    );
    const since = ask('anomalies since 10:30', c).split('\n');
    expect(since[0]).toBe('1 anomaly since 2026-12-03 10:30:00 UTC, 1 open; all:');
    expect(ask('anomalies on 2026-12-03', c).split('\n')[0]).toBe('2 anomalies on 2026-12-03 (UTC), 1 open; all:');
  });

  it('finds yesterday’s anomalies however many opened today', () => {
    const c = ctx();
    const midnight = Date.UTC(2026, 11, 3);
    c.store.upsertAnomaly(anomaly({ id: 'an_yday', key: 'y', startTs: midnight - 2 * H, endTs: midnight - H }));
    for (let i = 0; i < 600; i++)
      c.store.upsertAnomaly(
        anomaly({ id: `an_t${i}`, key: `t${i}`, startTs: midnight + 1000 * (i + 1), endTs: midnight + 1000 * (i + 2) }),
      );
    const r = ask('anomalies yesterday', c).split('\n');
    expect(r[0]).toBe('1 anomaly yesterday (UTC), 0 open; all:');
    expect(r[1]).toMatch(/^• an_yday /);
  });
});

describe('percentiles', () => {
  it('gives the nearest-rank percentile of the stored readings, and says what a latency percentile is not', () => {
    const c = ctx();
    const r = ask('p95 latency on web-1', c).split('\n');
    // 120 readings 1…120 ms: the 95th percentile by nearest rank is the 114th.
    expect(r[0]).toMatch(/^web-1 latency over the last 60 min: p95 114 ms, peak 120 ms at 11:49:00 UTC, average 61 ms, lowest 1 ms/);
    expect(r[1]).toBe('(p95 of the stored latency readings, one per sample: not a percentile over individual requests.)');
    expect(ask('median latency on web-1', c)).toMatch(/: p50 60 ms, /);
    // One target reports latency: the fleet's p95 is its own; asked which host, a ranking.
    expect(ask('what is the p95 latency', c).split('\n')[0]).toBe('p95 latency over the last 60 min: web-1 114 ms.');
    expect(ask('which host has the highest p95 latency', c).split('\n')[0]).toBe('Highest p95 latency over the last 60 min: web-1 114 ms.');
    expect(ask('p95 cpu on web-1 over the last 26h', c)).not.toMatch(/stored latency/);
  });
});

describe('what is free', () => {
  it('answers free shares, ranks by them and bounds them, so "least free" names the fullest host', () => {
    const c = ctx();
    expect(ask('free disk on db-1', c)).toBe('db-1 free disk 20.0% (at 11:48:50 UTC, 10 s ago)');
    expect(ask('which host has the least free disk', c).split('\n')[0]).toBe('Lowest free disk now: db-1 20.0%.');
    const under = ask('hosts with less than 30% free disk', c).split('\n');
    expect(under[0]).toBe('1 of 2 targets have free disk below 30.0% now:');
    expect(under.join('\n')).not.toMatch(/web-1/);
    // The used figure is untouched when nothing free was asked.
    expect(ask('disk on db-1', c)).toBe('db-1 disk 80.0% (at 11:48:50 UTC, 10 s ago)');
    expect(ask('idle cpu on web-1 at 10:00', c)).toMatch(/^web-1 idle CPU at 2026-12-03 10:00:00 UTC: 70\.0%/);
  });
});

describe('"why" about a figure', () => {
  it('explains the open anomaly behind it, or says nothing is open and what the figure is', () => {
    const c = ctx();
    const db = ask('why is memory high on db-1', c).split('\n');
    expect(db[0]).toBe('The open anomaly for db-1 memory:');
    expect(db[1]).toMatch(/^an_dbmem \[critical\] db-1 memory/);
    const web = ask('why is cpu high on web-1', c).split('\n');
    expect(web[0]).toBe('Nothing is open for web-1 CPU: no detector finds it unusual now.');
    expect(web[1]).toBe('web-1 CPU 31.0% (at 11:49:00 UTC, 0 s ago)');
    expect(web[2]).toMatch(/^The last anomaly there: an_morning /);
    expect(ask('why is db-1 slow', c).split('\n').at(-1)).toBe('No anomaly for db-1 latency is recorded.');
    // The newest is an_dbmem (critical); the latest warning is an_morning.
    expect(ask('explain the last warning anomaly', c).split('\n').slice(0, 2)).toEqual([
      'The latest warning anomaly (others: "anomalies", then "explain an_…"):',
      expect.stringMatching(/^an_morning \[warning\]/),
    ]);
  });
});

describe('whether targets report', () => {
  it('leads with the targets that are silent or stale, or says every one reports', () => {
    const c = ctx();
    expect(ask('any hosts down?', c).split('\n')[0]).toBe('Every target reports: all 2 targets sent data in the last 2 min.');
    c.store.setTargetState('db-1', 'silent');
    expect(ask('any hosts down?', c).split('\n')[0]).toBe('Not reporting: db-1 (SILENT, last data 2026-12-03 11:48:50 UTC, 10 s ago).');
  });
});

describe('charts', () => {
  it('draws the highest reading of each slice, blanks where nothing was read, scaled to the line', () => {
    // Four slices of one unit: 3 and 9 in the first (9 counts), none in the third; 5 is halfway, bar 4 of 0–7.
    const pts = [
      { ts: 0.1, value: 3 },
      { ts: 0.5, value: 9 },
      { ts: 1.5, value: 1 },
      { ts: 3.5, value: 5 },
    ];
    expect(timeSparkline(pts, 0, 4, 4)).toBe('█▁ ▅');
    expect(timeSparkline([{ ts: 0, value: 7 }], 0, 4, 4)).toBe('▁');
    // Evenly spaced readings, two per bar: a one-reading spike keeps its full height.
    expect(sparkline([1, 1, 1, 9, 1, 1], 3)).toBe('▁█▁');
  });

  it('charts a target’s metric over the last 6 hours unless asked, with its low, high and last reading', () => {
    const c = ctx();
    const lines = ask('graph cpu on web-1', c).split('\n');
    expect(lines[0]).toBe(
      "web-1 CPU over the last 6 h (2026-12-03 05:49:00 UTC to 11:49:00 UTC); each bar is the highest reading of 8 min, scaled to the line's own low–high:",
    );
    const row = lines[3]!.split(/\s{2,}/);
    // 05:xx reads 25%, 11:xx 31%: the bars rise from the lowest to the highest.
    expect(row.slice(1)).toEqual(['25.0%–31.0%', '31.0%']);
    expect(row[0]![0]).toBe('▁');
    expect(row[0]!.at(-1)).toBe('█');
    expect(ask('plot latency on web-1 between 9 and 10am', c)).toBe(
      'No samples for web-1 latency between 2026-12-03 09:00:00 UTC and 10:00:00 UTC.',
    );
  });
});

describe('charts over a gap', () => {
  it('name the stretches with no readings, so a blank bar is not read as zero', () => {
    const store = createSqliteStore(':memory:');
    // web-1 reports every 30 s over the last 6 h except 08:00–09:00; db-1 only since 10:00.
    const samples: Sample[] = [];
    for (let ts = NOW - 6 * H + 30_000; ts <= NOW; ts += 30_000) {
      const hour = new Date(ts).getUTCHours();
      if (hour !== 8) samples.push({ target: 'web-1', metric: 'cpu', ts, value: 30 });
      if (hour >= 10) samples.push({ target: 'db-1', metric: 'cpu', ts, value: 50 });
    }
    store.saveSamples(samples);
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    // The window is 05:49–11:49 in 48 slices of 7.5 min: 08:04–08:56 and 05:49–09:56 hold no reading.
    const one = ask('graph cpu on web-1', c).split('\n');
    expect(one.at(-1)).toBe('No readings (blank bars), UTC: 08:04–08:56 (53 min).');
    // Seven of the 48 bars are blank, and they are the stretch named.
    const bars = [...one.find((l) => l.includes('▁'))!].slice(0, 48).join('');
    expect(bars.indexOf(' ')).toBe(18);
    expect(bars.split('').filter((ch) => ch === ' ')).toHaveLength(7);
    const fleet = ask('plot cpu', c).split('\n');
    expect(fleet.at(-1)).toBe('No readings (blank bars), UTC: web-1 08:04–08:56 (53 min), db-1 05:49–09:56 (4 h 8 min).');
    expect(ask('plot cpu over the last hour', c)).not.toMatch(/No readings/);
    // Over a day the stretches carry their date, the end only when it is another day.
    expect(ask('graph cpu on web-1 over the last 24 hours', c).split('\n').at(-1)).toBe(
      'No readings (blank bars), UTC: 2026-12-02 11:49–2026-12-03 05:49 (18 h), 2026-12-03 08:19–08:49 (30 min).',
    );
  });
});

describe('fleet charts', () => {
  it('show the lines that peaked highest when there are more than asked (20 unless asked), and say so', () => {
    const store = createSqliteStore(':memory:');
    const names = Array.from({ length: 25 }, (_, i) => `h-${i + 1}`);
    store.saveSamples(names.flatMap((n, i) => [0, 1, 2].map((k) => ({ target: n, metric: 'cpu', ts: NOW - k * 60_000, value: i + k }))));
    const c: AnswerContext = { store, targets: names.map((name) => ({ name })), now: NOW, staleAfterMs: 90_000 };
    const all = ask('plot cpu', c).split('\n');
    expect(all.at(-1)).toBe('The 20 of 25 lines that peaked highest; name targets or a role for others.');
    const top = ask('plot cpu top 2', c).split('\n');
    expect(top.filter((l) => /^h-\d+ /.test(l)).map((l) => l.split(' ')[0])).toEqual(['h-25', 'h-24']);
    expect(top.at(-1)).toBe('The 2 of 25 lines that peaked highest; name targets or a role for others.');
    expect(ask('plot cpu on h-3', c)).not.toMatch(/peaked highest/);
  });
});

describe('remediation history', () => {
  it('lists what was done in the span or on the target asked about, and says when nothing was', () => {
    const c = ctx();
    const done = (id: string, target: string, ts: number) =>
      c.store.insertProposal(
        { ...PROPOSAL, id, target, state: 'succeeded', createdTs: ts, updatedTs: ts },
        { proposalId: id, from: null, to: 'succeeded', actor: 'pipeline', ts, note: '' },
      );
    done('rp_today', 'web-1', NOW - H);
    done('rp_yday', 'db-1', NOW - 24 * H);
    const today = ask('what did you restart today', c).split('\n');
    expect(today[0]).toBe('The last restart_service today (UTC):');
    expect(today.slice(1).join('\n')).toMatch(/rp_today/);
    expect(today.join('\n')).not.toMatch(/rp_yday/);
    expect(ask('was db-1 restarted?', c)).toMatch(/^The last restart_service on db-1:\n• .* rp_yday /);
    // Only restarts answer "restarted": a scale-up there is not one.
    c.store.insertProposal(
      {
        ...PROPOSAL,
        id: 'rp_scale',
        target: 'db-1',
        action: 'scale_up',
        state: 'succeeded',
        createdTs: NOW - 2 * H,
        updatedTs: NOW - 2 * H,
      },
      { proposalId: 'rp_scale', from: null, to: 'succeeded', actor: 'pipeline', ts: NOW - 2 * H, note: '' },
    );
    expect(ask('was db-1 restarted?', c)).not.toMatch(/rp_scale/);
    expect(ask('was db-1 scaled?', c)).toMatch(/^The last scale_up on db-1:\n• .* rp_scale /);
    expect(ask('did anything get cleaned up today', c)).toBe('No cleanup_disk ran today (UTC).');
    expect(ask('what did you restart on web-1 yesterday', c)).toBe(
      [
        'No restart_service ran on web-1 yesterday (2026-12-02 UTC).',
        'Only restarts proposed here are listed; one done by hand or by the provider is not recorded, and host uptime is not a figure I collect.',
      ].join('\n'),
    );
    // A metric's history is the metric over time, not the remediations.
    expect(ask('cpu history for web-1', c)).toMatch(/^web-1 CPU over the last 24 h: peak /);
  });
});

describe('a group no target belongs to', () => {
  it('is named with the roles and labels there are, not answered for the whole fleet', () => {
    const c = ctx();
    const labelled: AnswerContext = {
      ...c,
      targets: [
        { name: 'web-1', role: 'web', labels: { env: 'demo', tier: 'frontend' } },
        { name: 'db-1', role: 'db', labels: { env: 'demo' } },
      ],
    };
    expect(answerIntent(parseIntent('which hosts are in prod?', labelled.targets), labelled)).toBe(
      [
        'No target has the role or a label "prod", so I have no figures for it.',
        'Roles: db, web. Labels: env=demo; tier=frontend (the targets file). Ask without it for the whole fleet.',
      ].join('\n'),
    );
    expect(answerIntent(parseIntent('memory in prod', targets), c)).toMatch(
      /^No target has the role or a label "prod".*\nRoles: db, web\. Labels: none set /,
    );
  });
});

describe('figures nothing here collects', () => {
  it('says so and lists what there is, instead of answering with another figure', () => {
    const c = ctx();
    expect(ask('swap on web-1', c)).toBe(
      [
        "I don't collect swap: no source here reads it, so I have no figure to give.",
        'What I have for web-1: CPU, memory, disk, latency.',
      ].join('\n'),
    );
    // "load" alone is how busy a host is; "load average" is a figure we do not read, never the CPU.
    expect(ask('load on web-1', c)).toMatch(/^web-1 CPU 31\.0% /);
    expect(ask('load average on web-1', c).split('\n').slice(0, 2)).toEqual([
      "I don't collect load average: no source here reads it, so I have no figure to give.",
      'CPU use is the nearest figure I have: ask "cpu on <target>".',
    ]);
    expect(ask('requests per second on db-1', c).split('\n')).toEqual([
      "I don't collect request rate: no source here reads it, so I have no figure to give.",
      'What I have for db-1: memory, disk.',
    ]);
    expect(ask('how long has web-1 been up', c).split('\n').slice(0, 2)).toEqual([
      'Host uptime (time since boot) is not a figure I collect.',
      'web-1 is reporting (last sample at 11:48:50 UTC, 10 s ago).',
    ]);
    expect(ask('error rate on web-9', c)).toMatch(/^I don't know a target called "web-9"/);
    // The running version is not read; the change people recorded there is the nearest thing.
    expect(ask('what version is running on web-1?', c).split('\n').slice(0, 2)).toEqual([
      "I don't collect the running version: no source here reads it, so I have no figure to give.",
      'No change is recorded for web-1 in the last 30 days; "deployed v2.3 to api-1" records one, as a deploy job can through /api/query.',
    ]);
    c.store.appendRecord('change', c.now - 5 * 60_000, { id: 'ch_v24', targets: ['web-1'], text: 'deployed v2.4', actor: 'slack:U1' });
    expect(ask('which version is deployed on web-1?', c).split('\n')[1]).toBe(
      'The latest change recorded for web-1: ch_v24 2026-12-03 11:44:00 UTC web-1: "deployed v2.4" (slack:U1), 5 min ago ("recent changes" lists more).',
    );
    // "Any errors?" got the no-LLM notice: the applications' errors are not read, and the detectors' findings are.
    expect(ask('any errors?', c).split('\n')).toEqual([
      "I don't collect application errors: no source here reads them, so I have no figure to give.",
      'What the detectors found is what I can give: "anything wrong?" for what is open now, "anomalies today" for the day.',
      'What I have: CPU, memory, disk, latency.',
    ]);
    // A metric we do read, named with one we do not, is still answered, and the other named.
    expect(ask('cpu and swap on web-1', c).split('\n')).toEqual([
      expect.stringMatching(/^web-1 CPU 31\.0% /),
      "I don't collect swap: no source here reads it.",
    ]);
  });
});

describe('resolved alerts', () => {
  it('lists only the anomalies that have ended', () => {
    const c = ctx();
    expect(ask('resolved alerts today', c).split('\n')).toEqual([
      '1 resolved anomaly today (UTC); all:',
      expect.stringMatching(/^• an_morning \[warning\] web-1 CPU: .*resolved/),
    ]);
    expect(ask('resolved alerts on db-1', c)).toBe('No resolved anomalies on db-1.');
  });

  it('gives one anomaly for "the last alert", a list for "the last alerts"', () => {
    const c = ctx();
    expect(ask('what was the last alert?', c).split('\n')).toEqual([
      '2 anomalies, 1 open; the latest:',
      expect.stringMatching(/^• an_dbmem /),
    ]);
    expect(ask('the last alerts', c).split('\n')).toHaveLength(3);
  });
});

describe('when a target last reported', () => {
  it('gives the time of its last data, whether it is silent, and the silence check’s episodes', () => {
    const c = ctx();
    expect(ask('when did db-1 last report?', c).split('\n')).toEqual([
      'db-1 last sent data at 2026-12-03 11:48:50 UTC, 10 s ago: reporting.',
      'No silent-host anomaly in the last 24 h.',
    ]);
    // db-1 goes quiet: 20 minutes later the silence check has it open.
    c.store.upsertAnomaly(
      anomaly({
        id: 'an_dbquiet',
        key: 'db-1|heartbeat|silence',
        target: 'db-1',
        metric: 'heartbeat',
        detector: 'silence',
        status: 'open',
        startTs: NOW + 2 * 60_000,
        endTs: null,
        peak: 1190,
      }),
    );
    c.store.setTargetState('db-1', 'silent');
    const later = { ...c, now: NOW + 20 * 60_000 };
    for (const q of ['last seen db-1', 'how long has db-1 been down?', 'when did db-1 stop reporting', 'when did we last hear from db-1'])
      expect(ask(q, later).split('\n')).toEqual([
        'db-1 last sent data at 2026-12-03 11:48:50 UTC, 20 min ago: SILENT, nothing since.',
        'The silence check flagged it at 2026-12-03 11:51:00 UTC and it is still open (longest gap 20 min so far, an_dbquiet).',
      ]);
    // The fleet, web-1 still reporting: the longest quiet first.
    c.store.saveSamples([{ target: 'web-1', metric: 'cpu', ts: later.now - 5_000, value: 30 }]);
    expect(ask('when did the hosts last report', later).split('\n')).toEqual([
      '1 of 2 targets not reporting (nothing in the last 2 min); when each last sent data:',
      '```',
      'target  state      last data                ago',
      'db-1    SILENT     2026-12-03 11:48:50 UTC  20 min ago',
      'web-1   reporting  2026-12-03 12:08:55 UTC  5 s ago',
      '```',
    ]);
    expect(ask('when did web-9 last report', c)).toMatch(/^I don't know a target called "web-9"/);
  });

  it('says when the silence check will count a stale target, from my start when I was down for part of the gap', () => {
    const c = ctx();
    const about = (startedTs: number) => () =>
      ({ silentAfterSeconds: 120, self: { startedTs, lastTickTs: null, components: {} } }) as never;
    // db-1's last data 11:48:50; 90 s later, stale (over the 60 s here) but not yet silent.
    const stale = { ...c, now: NOW + 90_000, staleAfterMs: 60_000, about: about(NOW - 3_600_000) };
    expect(ask('why is db-1 not reporting?', stale).split('\n')).toEqual([
      'db-1 last sent data at 2026-12-03 11:48:50 UTC, 2 min ago: stale, nothing since.',
      'No silent-host anomaly in the last 24 h.',
      'The silence check counts it silent after 2 min without data: at 2026-12-03 11:50:50 UTC if nothing arrives.',
    ]);
    // Started after its last sample: the two minutes count from the start.
    const restarted = { ...stale, about: about(NOW + 60_000) };
    expect(ask('why is db-1 not reporting?', restarted).split('\n').at(-1)).toBe(
      'The silence check counts it silent after 2 min without data (counted from my start at 2026-12-03 11:50:00 UTC, since I was not running for all of the gap): at 2026-12-03 11:52:00 UTC if nothing arrives.',
    );
    // Uptime is still a figure we do not read, and "last" still lists anomalies.
    expect(ask('how long has web-1 been up', c)).toMatch(/^Host uptime \(time since boot\) is not a figure I collect/);
    expect(ask('summarise the last 3 anomalies', c)).toMatch(/^In short: \d+ anomal.*\n\d+ anomal/);
  });
});

describe('who has an alert', () => {
  it('names who acknowledged each open alert asked about, and which nobody has', () => {
    const c = ctx();
    c.store.upsertAnomaly(
      anomaly({ id: 'an_webcpu', key: 'web-1|cpu|robust', detector: 'robust', status: 'open', startTs: NOW - 20 * 60_000, endTs: null }),
    );
    c.store.chat.linkAlert('an_webcpu', 'web:1');
    c.store.chat.linkAlert('an_dbmem', 'web:2');
    c.store.chat.acknowledge({ msgKey: 'web:1', by: 'slack:U1', ts: NOW - 15 * 60_000 });
    expect(ask('who acked the last alert?', c).split('\n')).toEqual([
      '2 open alerts:',
      expect.stringMatching(/^• an_webcpu .*: acknowledged by slack:U1 at 2026-12-03 11:34:00 UTC \(5 min after it opened\)$/),
      expect.stringMatching(/^• an_dbmem .*: nobody has acknowledged it$/),
    ]);
    expect(ask('is anyone on the db-1 alert', c).split('\n')).toEqual([
      '1 open alert for db-1:',
      expect.stringMatching(/^• an_dbmem .*: nobody has acknowledged it$/),
    ]);
    expect(ask('has an_webcpu been acked', c)).toMatch(/^• an_webcpu .*: acknowledged by slack:U1 /);
    // Nothing open there: the latest, and one never posted could not have been acknowledged.
    c.store.upsertAnomaly({ ...c.store.getAnomaly('an_webcpu')!, status: 'resolved', endTs: NOW - 60_000 });
    expect(ask('was the web-1 alert acknowledged', c).split('\n')).toEqual([
      'Nothing is open for web-1; the latest:',
      expect.stringMatching(/^• an_webcpu .*: acknowledged by slack:U1 /),
    ]);
    c.store.upsertAnomaly(anomaly({ id: 'an_quiet', key: 'web-1|disk|robust', metric: 'disk', startTs: NOW - 30_000, endTs: NOW }));
    expect(ask('who acked the disk alert on web-1', c).split('\n')[1]).toMatch(
      /^• an_quiet .*: never posted as an alert \(held, silenced or routed nowhere\), so nobody could acknowledge it$/,
    );
    expect(ask('who acked an_nope', c)).toBe('I have no anomaly an_nope.');
    // Lists by whether someone took them on: with no time said, the open ones (an ended one needs no taker); today's, any.
    expect(
      ask('unacknowledged alerts', c)
        .split('\n')
        .slice(1)
        .map((l) => l.split(' ')[1]),
    ).toEqual(['an_dbmem']);
    expect(
      ask('unacknowledged alerts today', c)
        .split('\n')
        .slice(1)
        .map((l) => l.split(' ')[1]),
    ).toEqual(['an_quiet', 'an_dbmem', 'an_morning']);
    expect(ask('acknowledged alerts today', c).split('\n')).toEqual([
      '1 acknowledged anomaly today (UTC), 0 open; all:',
      expect.stringMatching(/^• an_webcpu /),
    ]);
    // Asking is never acknowledging.
    expect(c.store.chat.ackOfAnomaly('an_dbmem')).toBeUndefined();
  });
});

describe('today against yesterday', () => {
  it('compares today so far with the same hours the day before, and says when a side starts late', () => {
    const c = ctx();
    const web = ask('cpu on web-1 vs yesterday', c).split('\n');
    expect(web[0]).toBe('web-1, today so far vs the same hours yesterday (00:00–11:49 UTC):');
    expect(web[2]).toMatch(/^metric\s+today avg\s+yesterday avg\s+change\s+today peak\s+yesterday peak$/);
    // Readings are 20 + the hour: today 00:00–11:49 averages 25.4%; the store reaches back only to
    // 09:49 yesterday, so yesterday's side is those two hours (30.3%), and the reply says so.
    expect(web.slice(3)).toEqual([
      expect.stringMatching(/^CPU\s+25\.4%\s+30\.3%\s+−4\.9 pts\s+31\.0%\s+31\.0%$/),
      '```',
      "Yesterday's samples begin only at 09:49 UTC, after its window opens at 00:00; compare with care.",
    ]);
    // db-1's memory was first read ten seconds ago: nothing yesterday, and today only since then.
    expect(ask('is memory on db-1 higher than yesterday?', c).split('\n').slice(3)).toEqual([
      expect.stringMatching(/^memory\s+50\.0%\s+no samples\s+—\s+50\.0%\s+no samples$/),
      '```',
      "Today's samples begin only at 11:48 UTC, after its window opens at 00:00; compare with care.",
    ]);
    // Without a target: one line per target that has the metric, busiest today first.
    const fleet = ask('compare disk today and yesterday', c).split('\n');
    expect(fleet[0]).toBe('disk, today so far vs the same hours yesterday (00:00–11:49 UTC):');
    expect(fleet.slice(3, 5).map((l) => l.split(/\s+/)[0])).toEqual(['db-1', 'web-1']);
    expect(ask('cpu on web-1 compared to last week', c).split('\n')[3]).toMatch(/^CPU\s+\d+\.\d%\s+no samples\s+—/);
    expect(ask('latency on db-1 vs yesterday', c)).toBe('No latency samples for db-1 today or yesterday.');
  });

  it('ranks by the change when asked what changed the most, points for a share and percent otherwise', () => {
    const store = createSqliteStore(':memory:');
    const day = Date.UTC(2026, 11, 3);
    const at = (today: boolean, target: string, metric: string, value: number): Sample[] =>
      Array.from({ length: 70 }, (_, k) => ({ target, metric, ts: day - (today ? 0 : 86_400_000) + k * 600_000, value }));
    store.saveSamples([
      ...at(false, 'web-1', 'cpu', 20),
      ...at(true, 'web-1', 'cpu', 30),
      ...at(false, 'db-1', 'cpu', 52),
      ...at(true, 'db-1', 'cpu', 50),
      ...at(false, 'web-1', 'memory', 41),
      ...at(true, 'web-1', 'memory', 40),
      ...at(false, 'web-1', 'net_in', 1e6),
      ...at(true, 'web-1', 'net_in', 2e6),
    ]);
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    const fleet = ask('which host changed the most since yesterday?', c).split('\n');
    expect(fleet[0]).toBe('Largest change: web-1 CPU +10.0 pts (average 20.0% → 30.0%).');
    expect(fleet.slice(4, 7).map((l) => l.split(/\s{2,}/)[0])).toEqual(['web-1 CPU', 'db-1 CPU', 'web-1 memory']);
    const web = ask('which metric on web-1 changed most since yesterday', c).split('\n');
    expect(web.slice(0, 2)).toEqual([
      'Largest change: network in +100% (average 1.00 MB/s → 2.00 MB/s).',
      '(Shares are ranked by the points they moved, other figures by the percent of their average.)',
    ]);
    expect(ask('biggest change in memory since yesterday', c).split('\n')[0]).toBe(
      'Largest change: web-1 memory −1.0 pts (average 41.0% → 40.0%).',
    );
    // One way: the largest fall leads "improved", the largest rise "got worse"; traffic is neither.
    const better = ask('which host improved the most since yesterday?', c).split('\n');
    expect(better[0]).toBe('Most improved: db-1 CPU −2.0 pts (average 52.0% → 50.0%; lower is better for CPU, memory, disk).');
    expect(better.slice(4, 7).map((l) => l.split(/\s{2,}/)[0])).toEqual(['db-1 CPU', 'web-1 memory', 'web-1 CPU']);
    expect(ask('which host got worse since yesterday?', c).split('\n')[0]).toMatch(/^Most worsened: web-1 CPU \+10\.0 pts /);
    expect(ask("which host's memory got worse since yesterday?", c).split('\n')[0]).toBe(
      'Nothing got worse: no average rose against yesterday.',
    );
    expect(ask('which host network improved the most since yesterday?', c)).toMatch(/^Network traffic is neither better nor worse/);
  });
});

describe('what moved most lately, and averages ranked', () => {
  // web-1 cpu 20% then 35% over the last hour; db-1 cpu 50% then 48%; memory flat at 40% and 60%.
  function moved(): AnswerContext {
    const store = createSqliteStore(':memory:');
    const samples: Sample[] = [];
    for (let ts = NOW - 2 * H + 15_000; ts <= NOW; ts += 30_000) {
      const recent = ts > NOW - H;
      samples.push({ target: 'web-1', metric: 'cpu', ts, value: recent ? 35 : 20 });
      samples.push({ target: 'db-1', metric: 'cpu', ts, value: recent ? 48 : 50 });
      samples.push({ target: 'web-1', metric: 'memory', ts, value: 40 });
      samples.push({ target: 'db-1', metric: 'memory', ts, value: 60 });
    }
    store.saveSamples(samples);
    return { store, targets, now: NOW, staleAfterMs: 90_000 };
  }

  it('ranks "what changed the most in the last hour?" by the change against the hour before', () => {
    for (const q of ['what changed the most in the last hour?', 'biggest movers', 'which host changed the most?'])
      expect(parseIntent(q, targets), q).toMatchObject({ kind: 'compare', against: 'previous', windowMs: H, ranked: true });
    expect(parseIntent('biggest change in the last 30 min', targets)).toMatchObject({ against: 'previous', windowMs: 30 * 60_000 });
    const lines = ask('what changed the most in the last hour?', moved()).split('\n');
    expect(lines[0]).toBe('Largest change: web-1 CPU +15.0 pts (average 20.0% → 35.0%).');
    expect(lines[1]).toBe('metrics, the last 60 min vs the 60 min before (09:49–10:49–11:49 UTC):');
    expect(lines[3]).toMatch(/^target\s+last 60 min avg\s+60 min before avg\s+change/);
    expect(lines.slice(4, 6).map((l) => l.split(/\s{2,}/)[0])).toEqual(['web-1 CPU', 'db-1 CPU']);
    // "Since yesterday" is still today against the same hours yesterday.
    expect(parseIntent('which host changed the most since yesterday?', targets)).toMatchObject({ against: 'yesterday' });
  });

  it('ranks averages, lowest first when asked, over the last hour when no time is said', () => {
    expect(parseIntent('which host had the lowest average cpu today?', targets)).toMatchObject({ stat: 'avg', lowFirst: true });
    expect(parseIntent('which host had the highest average cpu?', targets)).toMatchObject({
      stat: 'avg',
      span: { kind: 'last', ms: H },
    });
    expect(ask('which host had the lowest average cpu?', moved()).split('\n')[0]).toBe(
      'Lowest average CPU over the last 60 min: web-1 35.0%.',
    );
    expect(ask('which host had the highest average cpu?', moved()).split('\n')[0]).toBe(
      'Highest average CPU over the last 60 min: db-1 48.0%.',
    );
    // A top-N of now ranks by the readings, whatever statistic was said.
    const top = ask('top 1 hosts by median memory now', moved());
    expect(top).toMatch(/^db-1\s+60\.0%/m);
    expect(top).not.toMatch(/^web-1\s/m);
  });
});

describe('the rules as configured', () => {
  it('lists thresholds, remediation rules and maintenance windows, narrowed to what is asked', () => {
    const c: AnswerContext = {
      ...ctx(),
      thresholds: [
        { metric: 'cpu', above: 90, forSamples: 3, severity: 'warning' },
        { metric: 'disk', target: 'db-1', above: 85, forSamples: 1, severity: 'critical' },
      ],
      remediationRules: [
        {
          name: 'restart a leaking service',
          when: { metrics: ['memory'], detectors: ['threshold'], minSeverity: 'warning', forSeconds: 300 },
          action: 'restart_service',
          params: { service: 'app' },
          mode: 'approval',
          executor: 'script',
          cooldownSeconds: 1800,
        },
        {
          name: 'db only',
          when: { minSeverity: 'critical', targets: ['db-*'], forSeconds: 0 },
          action: 'cleanup_disk',
          params: {},
          executor: 'simulate',
          cooldownSeconds: 600,
        },
      ],
      muteTimes: [{ name: 'patch night', weekdays: ['thu'], start: '00:00', end: '02:00', match: { roles: ['db'] } }],
    };
    expect(ask('what thresholds are set', c).split('\n')).toEqual([
      'Threshold rules (an anomaly opens when readings stay past the bound that many samples in a row):',
      '• CPU above 90.0% for 3 samples: warning',
      '• disk on db-1 above 85.0% for 1 sample: critical',
      'The robust detector opens anomalies too, measured against each series’ own history: critical at 12 robust deviations or more, a warning below. The Isolation Forest opens warnings for a host whose metrics together look unlike its history, and a host that stops reporting is critical (docs/detection.md).',
    ]);
    expect(ask('what is the disk threshold on web-1', c).split('\n')[0]).toBe('No threshold rule for disk, web-1.');
    expect(ask('which rules propose restarts', c).split('\n')).toEqual([
      'Remediation rules for restart_service (proposed when a matching anomaly opens, or asked for in chat; chat text never sets their parameters):',
      '• restart a leaking service: restart_service (service=app) on memory, threshold anomalies, warning or worse, once open 5 min; needs approval, script executor, cooldown 30 min',
    ]);
    // A rule without a mode runs its simulation as a dry run; one limited to db-* is db-1's, not web-1's.
    expect(ask('remediation rules for db-1', c)).toMatch(
      /\n• db only: cleanup_disk on any metric, any detector, critical or worse, on db-\*; dry run/,
    );
    expect(ask('remediation rules for web-1', c)).not.toMatch(/db only/);
    expect(ask('when is the next maintenance window', c).split('\n')).toEqual([
      'Maintenance windows (alerts opening inside are held until they end):',
      expect.stringMatching(/^• patch night: Thu 00:00–02:00 UTC, /),
    ]);
    // Asking which hosts are past a threshold is about the hosts.
    expect(ask('which hosts are over the cpu threshold', c)).not.toMatch(/^Threshold rules/);
    // Forecasts are listed with the thresholds of their metric.
    c.forecasts = [{ metric: 'disk', reaches: 100, withinMinutes: 240, fitMinutes: 60, from: 80, severity: 'critical' }];
    expect(ask('what is the disk threshold', c).split('\n').slice(2, 4)).toEqual([
      'Forecasts (an anomaly opens while the recent values are on course to reach the limit in time):',
      '• disk on course to reach 100.0% within 4 h (a line fitted to the last 60 min, from 80.0%): critical',
    ]);
    expect(ask('what is the cpu threshold', c)).not.toMatch(/Forecasts/);
  });
});

describe('the night, and hosts that were down', () => {
  it('reads "overnight" as 22:00 to 06:00 UTC and "was down" as the silent-host anomalies of then', () => {
    const c = ctx();
    c.store.upsertAnomaly(
      anomaly({
        id: 'an_gone',
        key: 'db-1|heartbeat|silence',
        target: 'db-1',
        metric: 'heartbeat',
        detector: 'silence',
        severity: 'critical',
        startTs: Date.UTC(2026, 11, 3, 2, 0),
        endTs: Date.UTC(2026, 11, 3, 2, 5),
      }),
    );
    expect(ask('what happened overnight', c).split('\n')[0]).toBe(
      '1 anomaly between 2026-12-02 22:00:00 UTC and 2026-12-03 06:00:00 UTC, 0 open; all:',
    );
    expect(ask('cpu on web-1 last night', c)).toMatch(
      /^web-1 CPU between 2026-12-02 22:00:00 UTC and 2026-12-03 06:00:00 UTC: peak 43\.0% at 23:00:00 UTC, average 27\.5%, lowest 20\.0% at 00:00:00 UTC/,
    );
    expect(ask('was db-1 down last night?', c).split('\n')).toEqual([
      '1 silent-host anomaly on db-1 between 2026-12-02 22:00:00 UTC and 2026-12-03 06:00:00 UTC, 0 open; all:',
      expect.stringMatching(/^• an_gone \[critical\] db-1 heartbeat/),
    ]);
    // Only silent hosts: the morning's CPU anomaly on web-1 is not "down".
    expect(ask('which host was down today', c).split('\n')[0]).toBe('1 silent-host anomaly today (UTC), 0 open; all:');
    expect(ask('was web-1 down?', c)).toBe('No silent-host anomalies on web-1 in the last 24 h.');
    // The present tense is still the fleet's reporting state now.
    expect(ask('any hosts down?', c).split('\n')[0]).toMatch(/^Every target reports/);
  });
});

describe('small talk', () => {
  it('thanks briefly, and greets with the fleet in one line', () => {
    const c = ctx();
    expect(ask('thank you', c)).toBe('You’re welcome.');
    expect(ask('hello', c)).toMatch(/^Hello\. 2 targets, 1 open anomaly, 0 pending approvals\. .* Ask "help" for what I answer\.$/);
  });
});

describe('comparing network across the fleet', () => {
  it('shows both directions, one line each, and names the fleet figure it compares', () => {
    const c = ctx();
    c.store.saveSamples([
      { target: 'web-1', metric: 'net_in', ts: NOW - 60_000, value: 2e6 },
      { target: 'web-1', metric: 'net_out', ts: NOW - 60_000, value: 1e6 },
      { target: 'web-1', metric: 'net_in', ts: NOW - 86_400_000 - 60_000, value: 1e6 },
    ]);
    const r = ask('network today vs yesterday', c).split('\n');
    expect(r[0]).toBe('network, today so far vs the same hours yesterday (00:00–11:49 UTC):');
    expect(r.slice(3, 5)).toEqual([
      expect.stringMatching(/^web-1 network in\s+2\.00 MB\/s\s+1\.00 MB\/s\s+\+100%/),
      expect.stringMatching(/^web-1 network out\s+1\.00 MB\/s\s+no samples\s+—/),
    ]);
    expect(ask('is cpu higher than yesterday', c).split('\n')[0]).toBe('CPU, today so far vs the same hours yesterday (00:00–11:49 UTC):');
  });
});

describe('how often, and what just ended', () => {
  it('counts "how often does web-1 cpu spike?" since the first anomaly kept, with a rate over the time watched', () => {
    const c = ctx();
    // Two more CPU episodes on web-1 (05:50 and 07:50; the one at 09:50 is in ctx); db-1's memory at 11:00 is the fleet's last.
    for (const h of [5, 7])
      c.store.upsertAnomaly(
        anomaly({ id: `an_h${h}`, key: `web-1|cpu|h${h}`, startTs: Date.UTC(2026, 11, 3, h, 50), endTs: Date.UTC(2026, 11, 3, h, 55) }),
      );
    const r = ask('how often does web-1 cpu spike?', c).split('\n');
    expect(r[0]).toBe('3 CPU anomalies on web-1 since 2026-12-03 05:50:00 UTC (the first anomaly kept), 0 open.');
    // 05:50 to 11:49 is 5 h 59 min; three episodes.
    expect(r[1]).toBe('About one anomaly every 2 h (3 in the 5 h 59 min watched).');
    // A week asked for on a store that holds six hours: the rate is over what was watched, not the week.
    expect(ask('how many cpu anomalies on web-1 this week', c).split('\n')[1]).toBe(
      'About one anomaly every 2 h (3 in the 5 h 59 min watched).',
    );
    // One anomaly has no rate.
    expect(ask('how often does db-1 alert', c)).toMatch(
      /^1 anomaly on db-1 since 2026-12-03 05:50:00 UTC \(the first anomaly kept\), 1 open\.\nBy severity/,
    );
    expect(ask('how often does db-1 alert', c)).not.toMatch(/About one/);
  });

  it('says what ended last on a target with nothing open ("is web-1 back to normal?")', () => {
    const c = ctx();
    const r = ask('is web-1 back to normal?', c).split('\n');
    expect(r[0]).toBe('web-1 (role web): up, reporting; 0 open anomalies.');
    expect(r[1]).toMatch(
      /^Last anomaly, ended 1 h 39 min ago: an_morning \[warning\] web-1 CPU: .*2026-12-03 09:50:00 UTC for 20 min, resolved/,
    );
    // With one open, that is the news: no line about the last one that ended.
    expect(ask('how is db-1 doing', c).split('\n')[0]).toBe(
      'db-1 (role db): up, reporting; 1 open anomaly (critical), open since 2026-12-03 11:00:00 UTC (49 min).',
    );
    expect(ask('how is db-1 doing', c)).not.toMatch(/Last anomaly/);
  });
});

describe('bounds and sorting across metrics', () => {
  it('answers "any hosts over 70% on anything?" for each share metric, and sorts by the metric named', () => {
    const c = ctx();
    expect(parseIntent('any hosts over 70% on anything?', c.targets)).toEqual({ kind: 'metrics', bound: { above: true, value: 70 } });
    // db-1's disk is at 80 %; nothing else passes 70 %.
    const r = ask('any hosts over 70% on anything?', c).split('\n');
    expect(r[0]).toBe('No target has CPU above 70.0% now (highest: web-1 31.0%).');
    expect(r[1]).toBe('No target has memory above 70.0% now (highest: web-1 50.0%).');
    expect(r[2]).toBe('1 of 2 targets have disk above 70.0% now:');
    expect(r.slice(3).join('\n')).toMatch(/db-1 +80\.0%/);
    // "Sorted by disk" ranks, highest first; "ascending" lowest first.
    expect(parseIntent('show all hosts sorted by disk', c.targets)).toMatchObject({ metric: 'disk', stat: 'max' });
    const rows = (q: string) =>
      ask(q, c)
        .split('\n')
        .filter((l) => /^(web|db)-1 /.test(l))
        .map((l) => l.split(' ')[0]);
    expect(rows('show all hosts sorted by disk')).toEqual(['db-1', 'web-1']);
    expect(rows('hosts sorted by disk ascending')).toEqual(['web-1', 'db-1']);
  });
});

describe('grouped by role or label, and parts of the day', () => {
  it('answers "average disk per role" with each role’s mean, highest and lowest, and groups by a label key', () => {
    const c = ctx();
    expect(parseIntent('average disk per role', c.targets)).toMatchObject({ kind: 'metrics', metric: 'disk', groupBy: 'role' });
    // "By memory" sorts; only a role or a label key the targets carry groups.
    expect(parseIntent('hosts sorted by memory', c.targets)).not.toHaveProperty('groupBy');
    expect(ask('average disk per role', c).split('\n')).toEqual([
      'Disk by role, the latest reading of each target (newest 11:48:50 UTC):',
      '```',
      'role  reporting  average  highest      lowest',
      'db    1/1        80.0%    80.0% db-1   80.0% db-1',
      'web   1/1        40.0%    40.0% web-1  40.0% web-1',
      '```',
    ]);
    const labelled = {
      ...c,
      targets: [
        { name: 'web-1', role: 'web', labels: { tier: 'front' } },
        { name: 'db-1', role: 'db' },
      ],
    };
    expect(parseIntent('memory by tier', labelled.targets)).toMatchObject({ groupBy: 'tier' });
    const rows = answerIntent(parseIntent('memory by tier', labelled.targets), labelled).split('\n');
    expect(rows[3]).toMatch(/^front +1\/1 +50\.0%/);
    // A target without the label is its own group, last.
    expect(rows[4]).toMatch(/^\(none\) +1\/1 +50\.0%/);
  });

  it('ranks the groups by their average for "which tier is busiest?", never leading with the targets that have no value', () => {
    const c = ctx();
    const labelled = {
      ...c,
      targets: [
        { name: 'web-1', role: 'web', region: 'us-east-1', labels: { tier: 'front' } },
        { name: 'db-1', role: 'db', region: 'eu-west-1', labels: { tier: 'data' } },
        { name: 'api-1', role: 'api' },
      ],
    };
    const ask2 = (q: string) => answerIntent(parseIntent(q, labelled.targets), labelled).split('\n');
    expect(parseIntent('which tier is busiest?', labelled.targets)).toMatchObject({ metric: 'cpu', stat: 'max', groupBy: 'tier' });
    expect(parseIntent('which role has the highest memory?', labelled.targets)).toMatchObject({
      metric: 'memory',
      stat: 'max',
      groupBy: 'role',
    });
    expect(parseIntent('busiest region', labelled.targets)).toMatchObject({ metric: 'cpu', stat: 'max', groupBy: 'region' });
    // Disk: db-1 80%, web-1 40%; api-1 has no tier and sends no disk.
    expect(ask2('which tier has the highest disk?')[0]).toBe('Highest average disk by tier: data 80.0% (1/1 reporting; front 40.0%).');
    expect(ask2('which tier is quietest on disk?')[0]).toBe('Lowest average disk by tier: front 40.0% (1/1 reporting; data 80.0%).');
    expect(ask2('disk by region').slice(3, 5)).toEqual([
      expect.stringMatching(/^eu-west-1 +1\/1 +80\.0%/),
      expect.stringMatching(/^us-east-1 +1\/1 +40\.0%/),
    ]);
    // A word that is no grouping the targets carry ranks hosts, as before.
    expect(parseIntent('which host is busiest?', labelled.targets)).not.toHaveProperty('groupBy');
    expect(parseIntent('which zone is busiest?', labelled.targets)).not.toHaveProperty('groupBy');
  });

  it('reads "this morning" and "yesterday afternoon" as 06–12 and 12–18 UTC, and says when that is still ahead', () => {
    const c = ctx();
    // 11:49 now: this morning is 06:00 to now.
    expect(ask('cpu on web-1 this morning', c)).toMatch(/^web-1 CPU since 2026-12-03 06:00:00 UTC: peak 31\.0% at 11:00:00 UTC/);
    expect(ask('cpu on web-1 yesterday afternoon', c)).toMatch(
      /^web-1 CPU between 2026-12-02 12:00:00 UTC and 18:00:00 UTC: peak 38\.0% at 18:00:00 UTC/,
    );
    expect(ask('cpu on web-1 this evening', c)).toMatch(/^2026-12-03 18:00:00 UTC is still ahead/);
  });
});

describe("one detector's anomalies", () => {
  it('lists or counts only the anomalies of the detector named', () => {
    const c = ctx();
    expect(parseIntent('threshold alerts on web-1', c.targets)).toMatchObject({
      kind: 'anomalies',
      detector: 'threshold',
      target: 'web-1',
    });
    expect(parseIntent('what thresholds are set?', c.targets)).toMatchObject({ kind: 'rules' });
    expect(parseIntent('anomalies from the isolation forest', c.targets)).toMatchObject({ detector: 'iforest' });
    const robust = ask('robust anomalies', c).split('\n');
    expect(robust[0]).toBe('1 robust anomaly, 1 open; all:');
    expect(robust[1]).toMatch(/^• an_dbmem /);
    expect(ask('forecast alerts', c)).toBe('No forecast anomalies.');
  });
});

describe('several metrics, "ever", and "how long until"', () => {
  it('answers "cpu and memory on web-1" with both, "ever" over all that is stored, "how long until full" as a trend', () => {
    const c = ctx();
    expect(parseIntent('cpu and memory on web-1', c.targets)).toMatchObject({ metric: 'cpu', more: ['memory'] });
    // "memory load" is one figure, not memory and CPU.
    expect(parseIntent('memory load on db-1', c.targets)).not.toHaveProperty('more');
    const both = ask('cpu and memory on web-1', c).split('\n');
    expect(both).toEqual([expect.stringMatching(/^web-1 CPU 31\.0% \(at /), expect.stringMatching(/^web-1 memory 50\.0% \(at /)]);
    expect(ask('peak cpu ever on web-1', c)).toMatch(/^web-1 CPU over all stored samples: peak 43\.0% at 2026-12-02 23:/);
    expect(parseIntent('how long until db-1 disk is full', c.targets)).toMatchObject({ kind: 'trend', metric: 'disk', target: 'db-1' });
    expect(parseIntent('how long has db-1 disk been full', c.targets)).toMatchObject({ kind: 'explain' });
  });
});

describe('a bound on one target', () => {
  it('answers "is web-1 over 90% on anything?" yes or no for each share metric, with the figure', () => {
    const c = ctx();
    expect(ask('is web-1 over 90% on anything?', c).split('\n')).toEqual([
      'No: web-1 CPU is 31.0% (at 11:49:00 UTC), not above 90.0%.',
      'No: web-1 memory is 50.0% (at 11:48:50 UTC), not above 90.0%.',
      'No: web-1 disk is 40.0% (at 11:48:50 UTC), not above 90.0%.',
    ]);
    expect(ask('is db-1 disk above 70%?', c)).toBe('Yes: db-1 disk is 80.0% (at 11:48:50 UTC), above 70.0%.');
  });
});

describe('two targets side by side', () => {
  it('answers "which is higher, web-1 or db-1 disk?" with the higher one and by how much', () => {
    const c = ctx();
    expect(parseIntent('which is higher, web-1 or db-1 disk?', c.targets)).toMatchObject({
      metric: 'disk',
      group: ['web-1', 'db-1'],
      stat: 'max',
    });
    expect(ask('which is higher, web-1 or db-1 disk?', c).split('\n')[0]).toBe('Highest disk now: db-1 80.0% (40.0 points above web-1).');
    expect(ask("what's the difference between web-1 and db-1 disk", c).split('\n')[0]).toBe(
      'Highest disk now: db-1 80.0% (40.0 points above web-1).',
    );
    expect(ask('which has less disk used, web-1 or db-1', c).split('\n')[0]).toBe('Lowest disk now: web-1 40.0% (40.0 points below db-1).');
    // "Busier" with no metric is CPU, as "the busiest host" is (db-1 reports no CPU here, so web-1 alone is ranked).
    expect(parseIntent('which is busier, web-1 or db-1', c.targets)).toMatchObject({
      metric: 'cpu',
      group: ['web-1', 'db-1'],
      stat: 'max',
    });
    expect(ask('which is busier, web-1 or db-1', c).split('\n')[0]).toBe('Highest CPU now: web-1 31.0%.');
  });
});

describe('network in both directions', () => {
  it('ranks "which host uses the most network?" by in + out, shown as a column of its own', () => {
    const store = createSqliteStore(':memory:');
    const at = NOW - 10_000;
    store.saveSamples([
      { target: 'web-1', metric: 'net_in', ts: at, value: 3e6 },
      { target: 'web-1', metric: 'net_out', ts: at, value: 0.5e6 },
      { target: 'db-1', metric: 'net_in', ts: at, value: 2e6 },
      { target: 'db-1', metric: 'net_out', ts: at, value: 2e6 },
    ]);
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    const lines = ask('which host uses the most network?', c).split('\n');
    expect(lines[0]).toBe('Highest network in + out now: db-1 4.00 MB/s.');
    expect(lines[1]).toBe('Current network for 2 targets:');
    expect(lines[3]).toMatch(/^target\s+network in\s+network out\s+network in \+ out\s+at$/);
    expect(lines.slice(4, 6).map((l) => l.split(/\s+/)[0])).toEqual(['db-1', 'web-1']);
    // One direction named: ranked by it alone.
    expect(ask('which host has the most network in?', c).split('\n')[0]).toBe('Highest network in now: web-1 3.00 MB/s.');
  });
});

describe('anomaly lists by episode', () => {
  it('says how many episodes the listed anomalies make when detectors overlap', () => {
    const store = createSqliteStore(':memory:');
    const H1 = Date.UTC(2026, 11, 3, 9, 0, 0);
    store.upsertAnomaly(anomaly({ id: 'an_t', key: 't', startTs: H1, endTs: H1 + 600_000 }));
    store.upsertAnomaly(anomaly({ id: 'an_r', key: 'r', detector: 'robust', startTs: H1 + 60_000, endTs: H1 + 900_000 }));
    store.upsertAnomaly(anomaly({ id: 'an_d', key: 'd', target: 'db-1', metric: 'disk', startTs: H1, endTs: H1 + 60_000 }));
    const c: AnswerContext = { store, targets, now: NOW, staleAfterMs: 90_000 };
    expect(ask('anomalies today', c).split('\n')[0]).toBe('3 anomalies today (UTC), in 2 episodes, 0 open; all:');
    expect(ask('anomalies on db-1 today', c).split('\n')[0]).toBe('1 anomaly on db-1 today (UTC), 0 open; all:');
  });
});
