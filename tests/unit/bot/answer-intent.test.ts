import { describe, expect, it } from 'vitest';
import { countEpisodes } from '../../../src/bot/tally.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { renderAnomalyGroup } from '../../../src/bot/render-message.js';
import type { Anomaly } from '../../../src/core/anomaly.js';
import { createRng } from '../../../src/core/random.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { configSchema } from '../../../src/config/schema.js';
import { PROPOSAL } from '../../fixtures/llm-fleet.js';
import { stamp } from '../../../src/bot/format-reply.js';

const NOW = Date.UTC(2026, 10, 2, 12, 0, 0);
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db' },
];

function ctx(): AnswerContext {
  const store = createSqliteStore(':memory:');
  store.saveSamples([
    { target: 'web-1', metric: 'cpu', ts: NOW - 20_000, value: 42.35 },
    { target: 'web-1', metric: 'memory', ts: NOW - 20_000, value: 61 },
    { target: 'db-1', metric: 'cpu', ts: NOW - 3_600_000, value: 12.5 },
    { target: 'db-1', metric: 'net_in', ts: NOW - 3_600_000, value: 2_500_000 },
  ]);
  const a: Anomaly = {
    id: 'an_one',
    key: 'web-1|cpu|threshold',
    target: 'web-1',
    metric: 'cpu',
    detector: 'threshold',
    status: 'resolved',
    severity: 'warning',
    score: 1,
    observed: 50,
    expectedLow: 0,
    expectedHigh: 90,
    startTs: NOW - 600_000,
    endTs: NOW - 300_000,
    updatedTs: NOW - 300_000,
    peak: 97.2,
    summary: 'cpu 97.2 > 90 for 3 samples',
  };
  store.upsertAnomaly(a);
  store.upsertAnomaly({
    ...a,
    id: 'an_two',
    key: 'db-1|memory|robust',
    target: 'db-1',
    metric: 'memory',
    detector: 'robust',
    status: 'open',
    endTs: null,
    startTs: NOW - 60_000,
    peak: 88,
    expectedLow: 60,
    expectedHigh: 70,
    summary: 'memory up',
  });
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}

const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c);

describe('answers', () => {
  it('gives one target’s figure with its time', () => {
    expect(ask('cpu on web-1')).toBe('web-1 CPU 42.4% (at 11:59:40 UTC, 20 s ago)');
  });

  it('calls stale data stale, with its age', () => {
    expect(ask('cpu on db-1')).toBe('db-1 CPU 12.5% (STALE: from 2026-11-02 11:00:00 UTC, 60 min old)');
    const table = ask("what's current CPU?");
    expect(table).toMatch(/^Current CPU for 2 targets:/);
    expect(table).toMatch(/web-1\s+42\.4%\s+11:59:40 UTC\n/);
    expect(table).toMatch(/db-1\s+12\.5%\s+11:00:00 UTC STALE/);
  });

  it('summarises anomalies with figures, ranges, detector and times', () => {
    const r = ask('summarise the last 3 anomalies');
    // A summary asked for: one line over those listed leads (decision 0072), then the list.
    expect(r.split('\n')[0]).toBe(
      'In short: 2 anomalies, on db-1 memory 1, web-1 CPU 1; all warning, found by robust 1, threshold 1; from 2026-11-02 11:50:00 UTC to now; 1 resolved after 5 min, 1 still open for 60 s.',
    );
    expect(r.split('\n')[1]).toMatch(/^2 anomalies, 1 open; all:/);
    expect(r).toContain(
      'an_two [warning] db-1 memory: peak 88.0% (expected 60.0%–70.0%); since 2026-11-02 11:59:00 UTC (60 s, ongoing); robust',
    );
    expect(r).toContain(
      'an_one [warning] web-1 CPU: peak 97.2% (expected 0.0%–90.0%); 2026-11-02 11:50:00 UTC for 5 min, resolved; threshold',
    );
    expect(ask('what happened on db-1')).toMatch(/^1 anomaly on db-1/);
    expect(ask('anomalies today')).toMatch(/today \(UTC\)/);
    // Spans count anomalies by when they started, like "today".
    expect(ask('anomalies in the last 5 minutes')).toMatch(/^1 anomaly in the last 5 min, 1 open; all:\n• an_two /);
    expect(ask('anomalies in the last hour')).toMatch(/^2 anomalies in the last 60 min, 1 open; all:/);
    expect(ask('anomalies yesterday')).toBe('No anomalies yesterday (UTC).');
  });

  it('filters anomalies by open and severity, and explains the latest one when no id is given', () => {
    const c = ctx();
    c.store.upsertAnomaly({
      ...c.store.getAnomaly('an_one')!,
      id: 'an_old',
      key: 'web-1|disk|robust',
      metric: 'disk',
      status: 'open',
      severity: 'critical',
      startTs: NOW - 5 * 86_400_000,
      endTs: null,
    });
    const open = ask('show open anomalies', c);
    // Open now, however long ago it started; the resolved an_one is not listed.
    expect(open).toMatch(/^2 open anomalies; all:/);
    expect(open).toContain('an_old');
    expect(open).not.toContain('an_one');
    expect(ask('any critical alerts?', c)).toMatch(/^1 critical anomaly, 1 open; all:\n• an_old /);
    expect(ask('warning alerts on web-1', c)).toMatch(/^1 warning anomaly on web-1, 0 open; all:\n• an_one /);
    expect(ask('explain the last anomaly', c)).toMatch(/^The latest anomaly .*:\nan_two /);
    expect(ask('why did web-1 alert?', c)).toMatch(/^The latest anomaly on web-1 .*:\nan_one /);
    expect(ask('why did web-1 alert?', { ...c, store: createSqliteStore(':memory:') })).toBe('No anomalies on web-1 to explain.');
  });

  it('lists the targets past a bound, or says none is and which comes closest', () => {
    expect(ask('hosts with cpu above 40%')).toMatch(
      /^1 of 2 targets have CPU above 40\.0% now:\n```\ntarget\s+CPU\s+at\nweb-1\s+42\.4%\s+11:59:40 UTC\n```$/,
    );
    expect(ask('cpu > 50')).toBe('No target has CPU above 50.0% now (highest: web-1 42.4%).');
    expect(ask('cpu below 20')).toMatch(
      /^1 of 2 targets have CPU below 20\.0% now:\n```\ntarget\s+CPU\s+at\ndb-1\s+12\.5%\s+11:00:00 UTC STALE\n```$/,
    );
    expect(ask('cpu under 10')).toBe('No target has CPU below 10.0% now (lowest: db-1 12.5%).');
    expect(ask('latency above 100ms')).toBe('No latency samples from any target yet.');
  });

  it('never throws and never prints undefined or NaN, whatever is asked of whatever is stored', () => {
    const pool = `cpu memory disk network latency web-1 db-1 web-99 the db an_one an_x rp_abc sl_abc approve deny snooze mute
      silences anomalies alerts open critical warning last past 3 6h an hour ago today yesterday over above below > < 80 1.5mb
      peak max min average which host show list explain why status pending history restart scale run cleanup_disk please ? !
      trend rising filling full run out of forecast leak at 10:00 3pm noon +01:00 pst between and since 09:30 2026-12-01
      p95 median 99th percentile free left idle graph chart plot egress network out in everything until tomorrow`.split(/\s+/);
    const rng = createRng(11);
    for (const c of [ctx(), { ...ctx(), store: createSqliteStore(':memory:') }]) {
      for (let i = 0; i < 1500; i++) {
        const q = Array.from({ length: 1 + Math.floor(rng() * 6) }, () => pool[Math.floor(rng() * pool.length)]).join(' ');
        const r = ask(q, c);
        expect(r, q).toMatch(/\S/);
        expect(r, q).not.toMatch(/undefined|NaN|Infinity/);
      }
    }
  });

  it('answers each of the newer questions over a full store and an empty one without throwing or printing undefined', () => {
    const questions = [
      'inventory',
      'what region is db-1 in?',
      'which host is i-0a1b2c3d4e5f60003?',
      'does cpu correlate with latency on web-1?',
      'does cpu correlate with latency?',
      'correlation between web-1 and db-1 cpu',
      'which rule fires most?',
      'which rule never fires?',
      'is the forecast rule useful?',
      'is the isolation forest detector useful?',
      "what's the false positive rate?",
      'is the isolation forest trained?',
      'is cpu higher at night?',
      'weekday vs weekend cpu',
      "what's different about web-1?",
      'which host is the odd one out?',
      'rank hosts by health',
      'healthiest hosts',
      'which tier is busiest?',
      'handover notes',
      'how was the night?',
      'roll back the scale up',
      'scale down web-1',
      'time since last alert',
      'what percentage of alerts are critical?',
      "what's the most common alert?",
      'which day had the most alerts?',
      'describe web-1',
      // This session's: each answered over a full store, an empty one and no targets.
      'which hosts never alerted?',
      'which hosts are quiet?',
      'did anything flatline?',
      'did anything drop to zero today?',
      'what changed the most in the last hour?',
      'how long do approvals take?',
      'when will web-1 disk reach 90%?',
      'alerts outside business hours this week',
      'short-lived alerts today',
      'silence history',
      'which alerts did bob acknowledge?',
      'set the disk warning to 85%',
      'change the digest time to 08:00',
      'what does ack do?',
      'highest average cpu today',
      "what's the replica count for app?",
      'is the disk on db-1 going to be a problem?',
      'what percent of the time was web-1 cpu over 50%?',
      'how many alerts were suppressed today?',
    ];
    for (const c of [
      ctx(),
      { ...ctx(), store: createSqliteStore(':memory:') },
      { ...ctx(), targets: [], store: createSqliteStore(':memory:') },
    ])
      for (const q of questions) {
        const r = ask(q, c);
        expect(r, q).toMatch(/\S/);
        expect(r, q).not.toMatch(/undefined|NaN|Infinity/);
      }
  });

  it('quotes no figures for an Alertmanager alert, which carries none', () => {
    const c = ctx();
    const am: Anomaly = {
      ...c.store.getAnomaly('an_one')!,
      id: 'an_am1',
      key: 'db-1|highload|alertmanager|f1',
      target: 'db-1',
      metric: 'highload',
      detector: 'alertmanager',
      status: 'open',
      endTs: null,
      startTs: NOW - 30_000,
      observed: 0,
      peak: 0,
      expectedLow: 0,
      expectedHigh: 0,
      summary: 'Load high',
    };
    c.store.upsertAnomaly(am);
    const r = ask('open alerts on db-1', c);
    expect(r).toContain('an_am1 [warning] db-1 highload: firing in Alertmanager; since');
    expect(r).not.toMatch(/peak 0|expected 0/);
    const card = renderAnomalyGroup('db-1', [am], undefined, NOW);
    expect(JSON.stringify(card)).toContain('from Alertmanager (no value sent)');
    expect(JSON.stringify(card)).not.toMatch(/peak 0|expected 0/);
  });

  it('quotes a host-level anomaly in the units of the metric it blames', () => {
    const c = ctx();
    const host: Anomaly = {
      ...c.store.getAnomaly('an_one')!,
      id: 'an_host',
      key: 'db-1|host|iforest',
      target: 'db-1',
      metric: 'host',
      detector: 'iforest',
      feature: 'net_in',
      observed: 48_000_000,
      peak: 52_000_000,
      expectedLow: 900_000,
      expectedHigh: 2_100_000,
      summary: 'unusual metric mix on db-1, mostly network in at 48.00 MB/s (isolation score 0.74)',
    };
    c.store.upsertAnomaly(host);
    expect(ask('anomalies on db-1', c)).toContain(
      'an_host [warning] db-1 host metrics (network in): peak 52.00 MB/s (expected 900.0 kB/s–2.10 MB/s)',
    );
    const card = renderAnomalyGroup('db-1', [host], undefined, NOW);
    expect(card.fields[0]).toMatchObject({ label: 'host metrics (network in) · iforest' });
    expect(card.fields[0]!.value).toMatch(/^peak 52\.00 MB\/s, expected 900\.0 kB\/s–2\.10 MB\/s;/);
  });

  it('explains an anomaly, including that nothing was proposed', () => {
    const r = ask('explain an_one');
    expect(r).toContain('What: cpu 97.2 > 90 for 3 samples.');
    expect(r).toContain('No remediation was proposed');
    expect(ask('explain an_nothere')).toBe('No anomaly "an_nothere".');
  });

  it('says exactly why an anomaly has no proposal when it knows the rules', () => {
    const rules = configSchema.parse({
      remediation: {
        rules: [
          {
            name: 'restart on memory',
            when: { metrics: ['memory'], forSeconds: 300 },
            action: 'restart_service',
            params: { service: 'app' },
          },
          { name: 'scale on cpu', when: { metrics: ['cpu'], forSeconds: 120 }, action: 'scale_up', cooldownSeconds: 900 },
        ],
      },
    }).remediation.rules;
    const c = { ...ctx(), remediationRules: rules };
    // Open for a minute of its five: the rule waits, and says until when.
    expect(ask('explain an_two', c)).toContain(
      'Rule "restart on memory" (restart_service) waits for it to last 300 s: it proposes if this is still open at 2026-11-02 12:04:00 UTC.',
    );
    // Lasted five minutes, more than the cpu rule's two, so the rule's cooldown must have held it.
    c.store.insertProposal(
      { ...PROPOSAL, id: 'rp_early', anomalyId: 'an_zero', action: 'scale_up', createdTs: NOW - 700_000, updatedTs: NOW - 700_000 },
      { proposalId: 'rp_early', from: null, to: 'proposed', actor: 'pipeline', ts: NOW - 700_000, note: 'scale on cpu' },
    );
    expect(ask('explain an_one', c)).toContain(
      'Rule "scale on cpu" (scale_up) was in its cooldown on web-1 (rp_early at 2026-11-02 11:48:20 UTC, 900 s), so nothing was proposed.',
    );
    c.store.upsertAnomaly({
      ...c.store.getAnomaly('an_one')!,
      id: 'an_blip',
      key: 'web-1|cpu|robust',
      startTs: NOW - 200_000,
      endTs: NOW - 170_000,
    });
    expect(ask('explain an_blip', c)).toContain('waits for an anomaly to last 120 s; this one ended sooner, so nothing was proposed.');
    c.store.upsertAnomaly({ ...c.store.getAnomaly('an_one')!, id: 'an_disk', key: 'web-1|disk|threshold', metric: 'disk' });
    expect(ask('explain an_disk', c)).toContain('No remediation rule matches disk from threshold at warning on web-1.');
  });

  it('says an anomaly of the history replayed at the first start had no proposal because that replay proposes nothing', () => {
    const rules = configSchema.parse({ remediation: { rules: [{ name: 'scale now', when: { metrics: ['cpu'] }, action: 'scale_up' }] } })
      .remediation.rules;
    const c = { ...ctx(), remediationRules: rules };
    expect(ask('explain an_one', c)).toContain('made no proposal (its parameters may be invalid: see the log).');
    c.store.setKv('backfill:until', String(NOW));
    expect(ask('explain an_one', c)).toContain(
      'Rule "scale now" (scale_up) matches, but this opened in the history replayed at the first start (until 2026-11-02 12:00:00 UTC), which proposes nothing; an anomaly still open when it ended gets its proposal then.',
    );
  });

  it('counts anomalies by severity, target, metric and detector when asked how many', () => {
    expect(ask('how many alerts today?')).toBe(
      [
        '2 anomalies today (UTC), 1 open.',
        'By severity: warning 2',
        'By target: db-1 1, web-1 1',
        'By metric: CPU 1, memory 1',
        'By detector: robust 1, threshold 1',
        'Posted to chat: none of them. Not posted: 1 ended within its pending period (chat.pendingFor) or with no chat listening; 1 still within its pending period.',
        "Time to resolve (start to the detector's all-clear, 1 resolved): median 5 min, mean 5 min, 90th percentile 5 min, longest 5 min (an_one, web-1 CPU).",
        'Still open: 1, the oldest for 60 s (an_two).',
        'Ask without "how many" for the list.',
      ].join('\n'),
    );
    expect(ask('how many open anomalies').split('\n')[0]).toBe('1 open anomaly.');
    expect(ask('how many critical alerts this week?')).toBe('No critical anomalies in the last 7 d.');
  });

  it('narrows an anomaly list or count to the metric named, a host anomaly by the metric it blames', () => {
    const c = ctx();
    expect(ask('memory alerts today', c)).toMatch(/^1 memory anomaly today \(UTC\), 1 open; all:\n• an_two /);
    expect(ask('how many cpu anomalies today', c).split('\n')[0]).toBe('1 CPU anomaly today (UTC), 0 open.');
    expect(ask('disk alerts today', c)).toBe('No disk anomalies today (UTC).');
    c.store.upsertAnomaly({
      ...c.store.getAnomaly('an_one')!,
      id: 'an_host',
      key: 'web-1|host|iforest',
      metric: 'host',
      feature: 'disk',
      detector: 'iforest',
    });
    expect(ask('disk alerts today', c)).toMatch(/^1 disk anomaly today \(UTC\), 0 open; all:\n• an_host /);
    expect(ask('network alerts today', c)).toBe('No network anomalies today (UTC).');
  });

  it('counts the anomalies of several detectors on one series at overlapping times as one episode', () => {
    const c = ctx();
    const one = c.store.getAnomaly('an_one')!;
    // The robust detector on the same CPU episode, starting inside it; then a later one that does not touch it.
    c.store.upsertAnomaly({
      ...one,
      id: 'an_one_r',
      key: 'web-1|cpu|robust',
      detector: 'robust',
      startTs: NOW - 400_000,
      endTs: NOW - 200_000,
    });
    c.store.upsertAnomaly({
      ...one,
      id: 'an_later',
      key: 'web-1|cpu|robust',
      detector: 'robust',
      startTs: NOW - 100_000,
      endTs: NOW - 90_000,
    });
    expect(ask('how many alerts today?', c).split('\n').slice(0, 2)).toEqual([
      '4 anomalies today (UTC), 1 open.',
      'As episodes: 3 (anomalies on the same target and metric at overlapping times, from different detectors, counted once).',
    ]);
    expect(countEpisodes([], NOW)).toBe(0);
    // An open one runs to now; touching ends join; another metric is another series.
    const span = (metric: string, startTs: number, endTs: number | null) => ({ target: 'a', metric, startTs, endTs });
    expect(countEpisodes([span('cpu', 0, 10), span('cpu', 10, 20), span('cpu', 5, null), span('disk', 0, 10)], 100)).toBe(2);
    expect(countEpisodes([span('cpu', 50, null), span('cpu', 0, 10), span('cpu', 11, 12)], 100)).toBe(3);
  });

  it('leads a target’s overview with whether it reports and what is open there', () => {
    const c = ctx();
    c.store.setTargetState('db-1', 'silent');
    c.store.setTargetState('web-1', 'up');
    expect(ask('is db-1 up?', c).split('\n')[0]).toBe(
      'db-1 (role db): SILENT: not reporting; 1 open anomaly, open since 2026-11-02 11:59:00 UTC (60 s).',
    );
    expect(ask('how is web-1 doing', c).split('\n')[0]).toBe('web-1 (role web): up, reporting; 0 open anomalies.');
    // "Up" in the store but nothing for longer than stale, before the silent-host rule fires: not "reporting".
    const quiet = { ...c, now: NOW + 10 * 60_000 };
    expect(answerIntent(parseIntent('is web-1 down?', quiet.targets), quiet).split('\n')[0]).toMatch(
      /^web-1 \(role web\): NO DATA for 10 min \(last at 2026-11-02 1[12]:\d\d:\d\d UTC\), not yet counted silent; 0 open anomalies\.$/,
    );
    // What the targets file says of it: "what role is db-1?", "what does web-1 run?".
    const labelled = { ...c, targets: [{ name: 'web-1', role: 'web', labels: { env: 'prod', app: 'nginx' } }] };
    expect(answerIntent(parseIntent('what does web-1 run', labelled.targets), labelled).split('\n')[0]).toBe(
      'web-1 (role web, env=prod, app=nginx): up, reporting; 0 open anomalies.',
    );
    // A metric question stays a one-liner.
    expect(ask('cpu on web-1', c)).toMatch(/^web-1 CPU 42\.4% \(at/);
    // A metric a source adds (a Prometheus query's own) is in the overview, after the usual ones.
    c.store.saveSamples([{ target: 'web-1', metric: 'http_errors', ts: NOW - 20_000, value: 3 }]);
    expect(ask('how is web-1 doing', c).split('\n').slice(1)).toEqual([
      expect.stringMatching(/^Last anomaly, ended 5 min ago: an_one /),
      expect.stringMatching(/^web-1 CPU 42\.4% /),
      expect.stringMatching(/^web-1 memory 61\.0% /),
      expect.stringMatching(/^web-1 http_errors 3 \(at /),
    ]);
  });

  it('answers for several named targets, and only for them', () => {
    const c = ctx();
    c.store.saveSamples([{ target: 'api-1', metric: 'cpu', ts: NOW - 20_000, value: 77 }]);
    const t3 = [...targets, { name: 'api-1', role: 'api' }];
    const r = answerIntent(parseIntent('cpu on web-1 and db-1', t3), { ...c, targets: t3 });
    expect(r).toMatch(/^Current CPU for 2 targets:/);
    expect(r).toMatch(/web-1\s+42\.4%/);
    expect(r).toMatch(/db-1\s+12\.5%/);
    expect(r).not.toMatch(/api-1/);
    expect(answerIntent(parseIntent('anomalies on web-1 and db-1', t3), { ...c, targets: t3 })).toMatch(
      /^2 anomalies on web-1, db-1, 1 open; all:/,
    );
  });

  it('names the targets that do not report a metric instead of listing them as empty rows', () => {
    const c = ctx();
    const t3 = [...targets, { name: 'api-1', role: 'api' }];
    const r = answerIntent(parseIntent('memory across the fleet', t3), { ...c, targets: t3 });
    // "Across the fleet" leads with the average of those that report (decision 0070).
    expect(r).toMatch(/^Average memory across 1 target now: 61\.0%\.\nCurrent memory for 1 target:\n/);
    expect(r).toMatch(/web-1\s+61\.0%/);
    expect(r).not.toMatch(/^db-1|^api-1/m);
    expect(r.split('\n').at(-1)).toBe('No memory from db-1, api-1.');
    // A ranking is not padded with them either, and a target that never reported is named in a full table.
    expect(answerIntent(parseIntent('top 2 hosts by memory', t3), { ...c, targets: t3 })).toMatch(
      /^Highest memory now: web-1 61\.0%\.\nCurrent memory for 1 target:/,
    );
    const all = answerIntent(parseIntent('web-1 and api-1 figures', t3), { ...c, targets: t3 });
    expect(all).toMatch(/^Current metrics for 1 target:/);
    expect(all.split('\n').at(-1)).toBe('No samples from api-1.');
    // Asked how they are, their state: the one that never reported is named first.
    const state = answerIntent(parseIntent('how are web-1 and api-1 doing', t3), { ...c, targets: t3 }).split('\n');
    expect(state[0]).toBe('Not reporting: api-1 (no data yet).');
    expect(state[1]).toMatch(/^2 targets \(web-1, api-1\), 0 open anomalies, 0 pending approvals\. Latest data at /);
    expect(state.slice(4, 6).map((l) => l.split(/\s+/).slice(0, 3))).toEqual([
      ['web-1', 'unknown', '42.4%'],
      ['api-1', 'unknown', '-'],
    ]);
    expect(answerIntent(parseIntent('memory on db-1 and api-1', t3), { ...c, targets: t3 })).toBe(
      'No memory samples from db-1, api-1 yet.',
    );
  });

  it('answers how a group is with its state table and what is open on it', () => {
    const lines = ask('how are web-1 and db-1 doing?').split('\n');
    expect(lines[0]).toMatch(/^Not reporting: db-1 \(stale, last data .*, 60 min ago\)\.$/);
    expect(lines[1]).toMatch(/^2 targets \(web-1, db-1\), 1 open anomaly, 0 pending approvals\. Latest data at .*\.$/);
    expect(lines.at(-2)).toBe('Open:');
    expect(lines.at(-1)).toMatch(/^• an_\w+ \[\w+\] (web-1|db-1) /);
    expect(ask('is web-1 healthy?')).toMatch(/^web-1 .*: up|^web-1 /);
  });

  it('shows only the top rows of a ranking when a count is given', () => {
    const r = ask('top 1 host by cpu');
    expect(r).toMatch(/^Highest CPU now: web-1 42\.4%\.\nCurrent CPU for the highest 1 of 2 targets:/);
    expect(r).not.toMatch(/db-1/);
  });

  it('handles unknown hosts, network units and the empty cases', () => {
    expect(ask('cpu on web-99')).toMatch(/^I don't know a target called "web-99". Targets: web-1, db-1\.$/);
    expect(ask('network on db-1')).toMatch(/^db-1 network in 2\.50 MB\/s \(STALE/);
    expect(ask('pending approvals')).toBe('No proposals are waiting for approval.');
    expect(ask('remediation history')).toBe('No remediation has run or been decided yet.');
    expect(ask('tell me a joke')).toMatch(/^I'm not sure what you mean\. I answer from the live data/);
    expect(ask('status')).toMatch(/^2 targets, 1 open anomaly, 0 pending approvals\./);
  });
});

describe('answers about the past', () => {
  // Two hours of 30 s samples: web-1 climbs 0.01 % per sample from 20 % with one 91.5 % spike 75 min
  // ago; db-1 is flat at 35 %; db-1's memory only has the last 10 minutes.
  const SPIKE = NOW - 75 * 60_000;
  function history(): AnswerContext {
    const c: AnswerContext = { store: createSqliteStore(':memory:'), targets, now: NOW, staleAfterMs: 90_000 };
    const rows = [];
    for (let ts = NOW - 2 * 3_600_000; ts <= NOW; ts += 30_000) {
      rows.push({ target: 'web-1', metric: 'cpu', ts, value: ts === SPIKE ? 91.5 : 20 + (ts - (NOW - 2 * 3_600_000)) / 3_000_000 });
      rows.push({ target: 'db-1', metric: 'cpu', ts, value: 35 });
      if (ts > NOW - 600_000) rows.push({ target: 'db-1', metric: 'memory', ts, value: 70 });
    }
    c.store.saveSamples(rows);
    return c;
  }
  const askPast = (q: string, c = history()) => answerIntent(parseIntent(q, targets), c);

  it('reads the stored sample nearest to "an hour ago", not the latest one', () => {
    const at = NOW - 3_600_000;
    const want = 20 + (at - (NOW - 2 * 3_600_000)) / 3_000_000; // 21.2 %
    expect(askPast('what was cpu on web-1 an hour ago?')).toBe(
      `web-1 CPU 60 min ago (2026-11-02 11:00:00 UTC): ${want.toFixed(1)}% (sample at 11:00:00 UTC)`,
    );
  });

  it('gives a window’s peak with its time, the average and the low, asked statistic first', () => {
    const r = askPast('peak cpu on web-1 over the last 2 hours');
    expect(r).toMatch(
      /^web-1 CPU over the last 2 h: peak 91\.5% at 10:45:00 UTC, average 21\.5%, lowest 20\.0% at 10:00:00 UTC \(241 samples, 10:00:00 UTC–12:00:00 UTC\)$/,
    );
    // Outside the window the spike does not count.
    expect(askPast('max cpu on web-1 over the last 30m')).toMatch(/^web-1 CPU over the last 30 min: peak 22\.4% at 12:00:00 UTC/);
    // A statistic about one target with no span means the last hour.
    expect(askPast('lowest cpu on web-1')).toMatch(/^web-1 CPU over the last 60 min: lowest 21\.2% at 11:00:00 UTC/);
  });

  it('ranks the fleet by the statistic asked for', () => {
    const r = askPast('which host had the highest cpu today');
    expect(r.split('\n')[0]).toBe('Highest CPU today (UTC): web-1 91.5% at 10:45:00 UTC.');
    expect(r).toMatch(/web-1\s+91\.5%[\s\S]*db-1\s+35\.0%/);
    expect(askPast('lowest cpu today').split('\n')[0]).toMatch(/^Lowest CPU today \(UTC\): web-1 20\.0%/);
    const now = askPast('which host has the lowest cpu?');
    expect(now.split('\n')[0]).toBe('Lowest CPU now: web-1 22.4%.');
  });

  it('says so when the store has nothing for the span instead of giving the current figure', () => {
    expect(askPast('memory on db-1 an hour ago')).toMatch(/^No memory samples for db-1 60 min ago .*retention\.samplesHours/);
    expect(askPast('cpu on web-1 3 days ago')).toMatch(/^No CPU samples for web-1 3 d ago/);
    expect(askPast('memory on db-1 yesterday')).toMatch(/^No memory samples for db-1 yesterday \(2026-11-01 UTC\)/);
  });
});

describe('requests to act', () => {
  it('runs nothing and lists what waits for approval on that target', () => {
    const c = ctx();
    c.store.insertProposal(
      {
        id: 'rp_wait1',
        anomalyId: 'an_one',
        anomalyKey: 'web-1|cpu|threshold',
        target: 'web-1',
        action: 'restart_service',
        params: { service: 'nginx' },
        mode: 'approval',
        executor: 'script',
        state: 'proposed',
        reason: 'cpu above 90',
        createdTs: NOW - 60_000,
        updatedTs: NOW - 60_000,
        expiresTs: NOW + 3_600_000,
        requestedBy: 'policy',
        decidedBy: null,
        decidedTs: null,
        result: null,
      },
      { proposalId: 'rp_wait1', from: null, to: 'proposed', actor: 'policy', ts: NOW - 60_000, note: '' },
    );
    const r = ask('please restart nginx on web-1', c);
    // Answered where no remediation runs (answerIntent alone): nothing is proposed here.
    expect(r).toMatch(/^Nothing was done: actions are not requested here\./);
    expect(r).toContain('Waiting for approval on web-1:\n• rp_wait1 restart_service on web-1 (approval, script): proposed — cpu above 90');
    expect(c.store.getProposal('rp_wait1')!.state).toBe('proposed');
    expect(ask('reboot db-1', c)).toMatch(
      /^Nothing was done: "reboot" is not an action I run\. No rule in remediation\.rules names an action .*\nNothing is waiting for approval on db-1\.$/,
    );
    const ruled = {
      ...c,
      remediationRules: configSchema.parse({ remediation: { rules: [{ name: 'r', when: {}, action: 'scale_up' }] } }).remediation.rules,
    };
    expect(answerIntent(parseIntent('reboot db-1', targets), ruled)).toMatch(
      /^Nothing was done: "reboot" is not an action I run\. A request may name scale_up on one target/,
    );
    expect(ask('restart web-99', c)).toContain('I don\'t know a target called "web-99"');
  });
});

describe('what needs attention', () => {
  const proposal = (id: string, target: string) =>
    [
      {
        id,
        anomalyId: 'an_two',
        anomalyKey: `${target}|memory|robust`,
        target,
        action: 'restart_service' as const,
        params: { service: 'app' },
        mode: 'approval' as const,
        executor: 'script' as const,
        state: 'proposed' as const,
        reason: 'memory leak',
        createdTs: NOW - 60_000,
        updatedTs: NOW - 60_000,
        expiresTs: NOW + 20 * 60_000,
        requestedBy: 'policy',
        decidedBy: null,
        decidedTs: null,
        result: null,
      },
      { proposalId: id, from: null, to: 'proposed' as const, actor: 'policy', ts: NOW - 60_000, note: '' },
    ] as const;

  it('lists what is open now, worst first, and what waits for a decision; never resolved ones', () => {
    const c = ctx();
    c.store.upsertAnomaly({
      ...c.store.getAnomaly('an_two')!,
      id: 'an_hb',
      key: 'web-1|heartbeat|silence',
      target: 'web-1',
      metric: 'heartbeat',
      detector: 'silence',
      severity: 'critical',
      startTs: NOW - 240_000,
      observed: 240,
      peak: 240,
      summary: 'no samples from web-1 for 240 s',
    });
    c.store.insertProposal(...proposal('rp_att1', 'db-1'));
    c.store.chat.addSilence({
      id: 'sl_att1',
      target: 'db-1',
      metric: 'memory',
      untilTs: NOW + 3_600_000,
      createdBy: 'ann',
      createdTs: NOW,
    });
    const lines = ask('anything wrong?', c).split('\n');
    // The counts lead (decision 0070): "is everything ok?" is answered before the detail.
    expect(lines[0]).toBe('Needs attention (2026-11-02 12:00:00 UTC): 2 open anomalies (1 critical), 1 waiting for approval.');
    expect(lines[1]).toBe('2 open anomalies, 1 critical:');
    expect(lines[2]).toMatch(/^• an_hb \[critical\] web-1 heartbeat: silent for 4 min; since .* — no samples from web-1 for 240 s$/);
    expect(lines[3]).toMatch(/^• an_two \[warning\] db-1 memory: .* — memory up \(silenced until 2026-11-02 13:00:00 UTC\)$/);
    expect(lines[4]).toBe('1 waiting for approval:');
    expect(lines[5]).toBe('• rp_att1 restart_service on db-1 (approval, script): proposed — memory leak (expires in 20 min)');
    expect(ask('anything wrong?', c)).not.toContain('an_one');
    // One target: only its own.
    const web = ask('anything wrong with web-1?', c);
    expect(web).toMatch(/^Needs attention on web-1 /);
    expect(web).toContain('an_hb');
    expect(web).not.toMatch(/an_two|rp_att1/);
    expect(web.split('\n').at(-1)).toBe('Nothing waiting for approval.');
  });

  it('says plainly when nothing needs attention', () => {
    const c = ctx();
    c.store.upsertAnomaly({ ...c.store.getAnomaly('an_two')!, status: 'resolved', endTs: NOW - 1000 });
    c.store.touchTargets(['web-1'], NOW);
    c.store.setTargetState('web-1', 'up');
    expect(ask('what needs my attention?', c)).toBe(
      'Nothing needs attention: 1 of 2 targets reporting, no open anomalies, nothing waiting for approval.',
    );
    expect(ask('is anything wrong with web-9?', c)).toMatch(/^I don't know a target called "web-9"/);
  });

  it('quotes a silence by its longest gap once it has resolved', () => {
    const c = ctx();
    const hb: Anomaly = {
      ...c.store.getAnomaly('an_one')!,
      id: 'an_hb2',
      key: 'web-1|heartbeat|silence',
      metric: 'heartbeat',
      detector: 'silence',
      observed: 0,
      peak: 180,
    };
    c.store.upsertAnomaly(hb);
    expect(ask('anomalies on web-1', c)).toContain('an_hb2 [warning] web-1 heartbeat: silent for 3 min;');
    expect(renderAnomalyGroup('web-1', [hb], undefined, NOW).fields[0]!.value).toMatch(/^no samples for 3 min;/);
  });
});

describe('anomalies across the fleet', () => {
  const cleanUp = (c: AnswerContext, n: number, startTs: number) => {
    for (let k = 0; k < n; k++)
      c.store.upsertAnomaly({
        ...c.store.getAnomaly('an_one')!,
        id: `an_fl${k}x${startTs % 1000}`,
        key: `host-${k + 1}|disk|robust`,
        target: `host-${k + 1}`,
        metric: 'disk',
        detector: 'robust',
        startTs: startTs + k * 30_000,
        updatedTs: startTs + k * 30_000,
        endTs: startTs + 600_000,
        summary: 'disk recent level 40.1% (latest 40.1%): a level shift from its usual 42–42.5%',
      });
  };

  it('lists a change on many targets at once as one line, and counts it as one event', () => {
    const c = ctx();
    cleanUp(c, 12, NOW - 2 * 3_600_000);
    const r = ask('anomalies today', c).split('\n');
    expect(r[0]).toBe('14 anomalies today (UTC), 1 open, 12 of them in one fleet-wide event; all:');
    expect(r).toHaveLength(4);
    expect(r[3]).toBe(
      '• fleet-wide: disk on 12 targets (robust) from 2026-11-02 10:00:00 UTC, all resolved — e.g. an_fl0x0 host-1: disk recent level 40.1% (latest 40.1%): a level shift from its usual 42–42.5%',
    );
    expect(ask('how many anomalies today?', c)).toContain(
      'Fleet-wide (one kind on many targets at once): disk (robust) on 12 targets from 2026-11-02 10:00:00 UTC',
    );
    // Four at once is below the grouping's minimum, and one target's own list is never grouped.
    const d = ctx();
    cleanUp(d, 4, NOW - 2 * 3_600_000);
    expect(ask('anomalies today', d).split('\n')).toHaveLength(7);
    const withHost = [...targets, { name: 'host-1', role: null }];
    expect(answerIntent(parseIntent('anomalies on host-1 today', withHost), { ...c, targets: withHost })).toMatch(/^1 anomaly on host-1/);
  });
});

describe('"what time is it?"', () => {
  it('gives the time and weekday I answer by, in UTC', () => {
    expect(answerIntent(parseIntent('what time is it?', targets), ctx())).toBe(
      'It is 2026-11-02 12:00:00 UTC, Monday. I read and say times in UTC.',
    );
    // Noon UTC on Monday is 02:00 on Tuesday at UTC+14: the weekday is the asker's (chat-service rewrites the stamp).
    expect(answerIntent(parseIntent('what time is it?', targets), { ...ctx(), zone: 'Pacific/Kiritimati' })).toMatch(
      /^It is 2026-11-02 12:00:00 UTC, Tuesday\. My replies to you give times in Pacific\/Kiritimati, and "today" and a time you type are on that clock /,
    );
  });
});

describe('"how was web-1 in the last hour?"', () => {
  it('gives each metric the target reports over the window, then the anomalies open in it', () => {
    expect(parseIntent('web-1 last hour', targets)).toMatchObject({ kind: 'metrics', span: { kind: 'last', ms: 3_600_000 } });
    const lines = ask('how was web-1 in the last hour?').split('\n');
    expect(lines.map((l) => l.split(' over ')[0])).toEqual([
      'web-1 CPU',
      'web-1 memory',
      'Anomalies on web-1 then: 1:',
      expect.any(String),
    ]);
    expect(lines[3]).toMatch(/^• an_one \[warning\] web-1 CPU: /);
    // db-1 reports CPU and network in only; its memory anomaly is still open.
    const db = ask('how did db-1 do in the last 2 hours?').split('\n');
    expect(db.map((l) => l.split(' over ')[0])).toEqual(['db-1 CPU', 'db-1 network in', 'Anomalies on db-1 then: 1:', expect.any(String)]);
    expect(db[3]).toMatch(/^• an_two \[warning\] db-1 memory: .*ongoing/);
    expect(ask('how was web-1 in the last 2 minutes?').split('\n').at(-1)).toBe('No anomalies on web-1 then.');
    // One metric asked and missing still says so.
    expect(ask('db-1 memory in the last 2 hours')).toMatch(/^No memory samples for db-1 over the last 2 h\./);
  });
});

describe('"which hosts never alerted?"', () => {
  it('names the targets without anomalies of the kind asked, then what the others had', () => {
    expect(parseIntent('hosts without any critical alerts this week', targets)).toMatchObject({ severity: 'critical', none: true });
    expect(parseIntent('alerts that nobody acked', targets)).toMatchObject({ kind: 'anomalies', acked: false });
    expect(ask('which hosts never alerted?')).toMatch(/^Every target had anomalies since .*: db-1 1, web-1 1\.$/);
    expect(ask('which hosts had no memory anomalies?').split('\n')).toEqual([
      expect.stringMatching(/^Without memory anomalies since .*: web-1 \(1 of 2 targets\)\.$/),
      'The others had: db-1 1.',
    ]);
    expect(ask('hosts without critical alerts today')).toBe('Without critical anomalies today (UTC): web-1, db-1 (2 of 2 targets).');
  });
});

describe('questions about acting', () => {
  const rules = configSchema.parse({
    remediation: {
      rules: [
        {
          name: 'restart app',
          when: { metrics: ['memory'] },
          action: 'restart_service',
          params: { service: 'app' },
          executor: 'script',
          mode: 'approval',
        },
        { name: 'clean disk', when: { metrics: ['disk'] }, action: 'cleanup_disk', executor: 'simulate' },
      ],
    },
  }).remediation.rules;
  const c = () => ({ ...ctx(), remediationRules: rules });

  it('say what asking would do, what is open there, and propose nothing', () => {
    const cx = c();
    const r = answerIntent(parseIntent('should I restart app on web-1?', targets), cx).split('\n');
    expect(r[0]).toMatch(
      /^Asked for \("restart app on web-1"\), it is proposed by the rule "restart app": restart_service \{"service":"app"\} via script, waiting for an approver to decide\. /,
    );
    expect(r.slice(1)).toEqual([
      'Nothing is open on web-1 now.',
      'No restart_service was proposed for web-1 before.',
      'Whether to do it is your call: I only say what asking would do.',
    ]);
    expect(cx.store.listProposals({ limit: 10 })).toEqual([]);
    // One already waiting is named, rather than when the last was proposed.
    cx.store.insertProposal(
      { ...PROPOSAL, params: { service: 'app' } },
      { proposalId: PROPOSAL.id, from: null, to: 'proposed', actor: 'pipeline', ts: PROPOSAL.createdTs, note: '' },
    );
    expect(answerIntent(parseIntent('should I restart app on web-1?', targets), cx).split('\n').at(-2)).toBe(
      `One is already waiting for approval: rp_web1, proposed ${stamp(PROPOSAL.createdTs)} (for an_cpu1: CPU above 90% for 3 samples), until ${stamp(PROPOSAL.expiresTs)}; asking again would point at it.`,
    );
    expect(answerIntent(parseIntent('is it safe to clean up the disk on db-1?', targets), c()).split('\n')[0]).toMatch(
      /, run at once as a dry run\./,
    );
    expect(answerIntent(parseIntent('what would happen if I restart nginx on web-1?', targets), c())).toMatch(
      /^Asked for, restart_service on web-1 would not be proposed: the service comes from config, not chat: .* it restarts app, not nginx\./,
    );
    expect(answerIntent(parseIntent('can I reboot web-1?', targets), c())).toMatch(/^"reboot" is not an action I run\. /);
    expect(answerIntent(parseIntent('should I restart web-1 and db-1?', targets), c())).toBe(
      'Which target? Ask about one (of web-1, db-1): a request names one target, so what it would do depends on which.',
    );
  });
});
