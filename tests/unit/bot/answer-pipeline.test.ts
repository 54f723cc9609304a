import { describe, expect, it, vi } from 'vitest';
import { aboutFactsOf } from '../../../src/bot/answer-about.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import { createMetrics } from '../../../src/observability/metrics.js';
import type { TickSummary } from '../../../src/pipeline/pipeline.js';
import { createScheduler } from '../../../src/pipeline/scheduler.js';
import { createTickRunner, type TickEntry } from '../../../src/pipeline/tick-runner.js';
import { pipelineHeadline } from '../../../src/bot/answer-pipeline.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';
import { captureLogger } from '../../helpers/test-config.js';

const NOW = Date.UTC(2026, 11, 6, 2, 0, 0);
const S = 1000;
const targets = [
  { name: 'web-1', role: 'web', source: 'prometheus' },
  { name: 'web-2', role: 'web', source: 'prometheus' },
  { name: 'db-1', role: 'db', source: 'cloudwatch' },
];
const config = configSchema.parse({});

const ok = (ts: number, o: Partial<TickEntry> = {}): TickEntry => ({
  ts,
  outcome: 'ok',
  durationMs: 40,
  samples: 12,
  rejected: 0,
  opened: 0,
  resolved: 0,
  proposals: 0,
  openAnomalies: 1,
  sources: [
    { name: 'prometheus', samples: 8, gaps: 0, ms: 30 },
    { name: 'cloudwatch', samples: 4, gaps: 0, ms: 90 },
  ],
  ...o,
});

function ctx(ticks: TickEntry[] | undefined, o: { lastTickTs?: number | null; nextTickTs?: number | null } = {}): AnswerContext {
  return {
    store: createSqliteStore(':memory:'),
    targets,
    now: NOW,
    staleAfterMs: 90_000,
    about: () =>
      aboutFactsOf(config, {
        intervalMs: 30 * S,
        targets,
        platforms: ['web'],
        self: {
          startedTs: NOW - 3_600_000,
          lastTickTs: o.lastTickTs === undefined ? NOW - 10 * S : o.lastTickTs,
          components: {},
          schedule: '*/30 * * * * *',
          nextTickTs: o.nextTickTs === undefined ? NOW + 20 * S : o.nextTickTs,
          ...(ticks ? { ticks } : {}),
        },
      }),
  };
}

const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c);

describe('pipeline questions are read as such', () => {
  it.each([
    ['when does the next tick run?', 'next'],
    ['next run', 'next'],
    ['when will you poll again?', 'next'],
    ['run the pipeline now', 'run'],
    ['can you scrape now', 'run'],
    ['force a tick', 'run'],
    ['what did the last tick find?', 'last'],
    ['how long did the last tick take?', 'last'],
    ['how long does a tick take?', 'history'],
    ['tick history', 'history'],
    ['show recent ticks', 'history'],
    ['is the pipeline ok?', 'history'],
    ['any failed ticks?', 'failures'],
    ['any pipeline errors?', 'failures'],
    ['did any tick fail today?', 'failures'],
    ['are the sources ok?', 'sources'],
    ['is ingestion healthy?', 'sources'],
    ['which source is slowest?', 'sources'],
    ['any scrape errors?', 'sources'],
    ['tick now', 'run'],
    ["what's the cron schedule?", 'next'],
    ['pause the pipeline', 'pause'],
    ['please stop polling', 'pause'],
    ['disable detection', 'pause'],
    ['shut yourself down', 'pause'],
    ['resume the pipeline', 'resume'],
    ['turn monitoring back on', 'resume'],
    ['why was that answer so slow?', 'history'],
  ])('%s → %s', (q, focus) => {
    expect(parseIntent(q, targets)).toEqual({ kind: 'pipeline', focus });
  });

  it('names the source a question is about', () => {
    expect(parseIntent('is prometheus up?', targets)).toEqual({ kind: 'pipeline', focus: 'sources', source: 'prometheus' });
    expect(parseIntent('is cloudwatch reachable?', targets)).toEqual({ kind: 'pipeline', focus: 'sources', source: 'cloudwatch' });
    expect(parseIntent('is the metrics file source ok?', targets)).toEqual({ kind: 'pipeline', focus: 'sources', source: 'file' });
    expect(parseIntent('prometheus status', targets)).toEqual({ kind: 'pipeline', focus: 'sources', source: 'prometheus' });
    expect(parseIntent('why is there no data from prometheus?', targets)).toEqual({
      kind: 'pipeline',
      focus: 'sources',
      source: 'prometheus',
    });
    expect(parseIntent('is cloudwatch throttling?', targets)).toEqual({ kind: 'pipeline', focus: 'sources', source: 'cloudwatch' });
  });

  it.each([
    ['latency by source', 'metrics'],
    ['is prometheus configured?', 'integrations'],
    ['is s3 working?', 'integrations'],
    ['when is the next digest?', 'about'],
    ['cpu on web-1', 'metrics'],
    ['is web-1 up?', 'metrics'],
    ['restart web-1 now', 'action_request'],
  ])('leaves %s alone (%s)', (q, kind) => {
    expect(parseIntent(q, targets).kind).toBe(kind);
  });
});

describe('answerPipeline', () => {
  const clean = Array.from({ length: 6 }, (_, k) => ok(NOW - (6 - k) * 30 * S));

  it('says when the next tick is due and what the last one did', () => {
    const c = ctx(clean);
    expect(ask('when is the next tick?', c)).toBe(
      [
        'The next tick is due at 02:00:20 UTC, in 20 s; ticks run every 30 s (schedule `*/30 * * * * *`).',
        'The last tick, 01:59:30 UTC (30 s ago), took 40 ms: read 12 samples (prometheus 8, cloudwatch 4); opened 0 anomalies, resolved 0; 1 open after it.',
      ].join('\n'),
    );
    expect(ask('next run', ctx(clean, { nextTickTs: null }))).toMatch(/^No tick is scheduled in this process/);
  });

  it('never pauses from chat, says what stops alerts instead, and has nothing to resume', () => {
    const pause = ask('pause the pipeline', ctx(clean)).split('\n');
    expect(pause[0]).toMatch(/^I don't pause from chat: ticks run for as long as I run, .*silence them .*targets file .*SIGTERM/);
    expect(pause[1]).toBe('The next tick is due at 02:00:20 UTC, in 20 s; ticks run every 30 s (schedule `*/30 * * * * *`).');
    expect(ask('resume the pipeline', ctx(clean))).toMatch(
      /^Ticks are never paused, so there is nothing to resume\. The next tick is due at 02:00:20 UTC.*\n.*"silences" lists/,
    );
    // A target named is its monitoring, which the config holds; an alert silence is lifted as before.
    expect(parseIntent('stop monitoring web-1', targets)).toEqual({ kind: 'elsewhere', what: 'config' });
    expect(parseIntent('resume web-1 alerts', targets).kind).toBe('unsilence');
  });

  it('never runs a tick on demand, and says why and when the next one comes', () => {
    const reply = ask('run the pipeline now', ctx(clean));
    expect(reply).toMatch(/^I don't run ticks on demand: detectors count samples as time/);
    expect(reply).toContain('The next tick is due at 02:00:20 UTC');
  });

  it('sums up the kept ticks: outcomes, time per tick, what they found, the latest five', () => {
    const ticks = [...clean.slice(0, 5), ok(NOW - 30 * S, { durationMs: 2500, opened: 2, proposals: 1 })];
    const reply = ask('tick history', ctx(ticks));
    expect(reply).toContain('The pipeline is running: the last good tick ended 10 s ago.');
    expect(reply).toContain(
      'Of the last 6 ticks (since 01:57:00 UTC; kept in memory since the start at 01:00:00 UTC): 6 ok, 0 failed, 0 skipped',
    );
    expect(reply).toContain('Time per tick: median 40 ms, p95 2.5 s, longest 2.5 s at 01:59:30 UTC, of the 30 s between ticks.');
    expect(reply).toContain('Over them: opened 2 anomalies, resolved 0, proposed 1 action.');
    expect(reply.match(/^\d\d:\d\d:\d\d UTC {2}ok/gm)).toHaveLength(5);
  });

  it('leads with failures, skips and gaps, newest first, and says when there were none', () => {
    expect(ask('any failed ticks?', ctx(clean))).toMatch(/^No tick failed, was skipped or had a source gap, of the last 6 ticks/);
    const ticks: TickEntry[] = [
      ok(NOW - 120 * S),
      { ts: NOW - 90 * S, outcome: 'failed', durationMs: 5, error: 'database is locked' },
      { ts: NOW - 60 * S, outcome: 'skipped' },
      ok(NOW - 30 * S, {
        sources: [
          { name: 'prometheus', samples: 0, gaps: 1, ms: 10_000, problem: 'collect failed: timeout', failed: true },
          { name: 'cloudwatch', samples: 4, gaps: 0, ms: 90 },
        ],
      }),
    ];
    const reply = ask('did any tick fail?', ctx(ticks));
    expect(reply.split('\n')[0]).toBe(
      '1 tick failed, 1 skipped and 1 had source gaps, of the last 4 ticks (since 01:58:00 UTC; kept in memory since the start at 01:00:00 UTC).',
    );
    const rows = reply.split('\n').filter((l) => /^\d\d:\d\d:\d\d UTC/.test(l));
    expect(rows).toEqual([
      expect.stringMatching(/^01:59:30 UTC {2}ok .*prometheus: collect failed: timeout$/),
      expect.stringMatching(/^01:59:00 UTC {2}skipped/),
      expect.stringMatching(/^01:58:30 UTC {2}failed .*database is locked$/),
    ]);
  });

  it('calls the pipeline late when no good tick has ended for three intervals', () => {
    expect(ask('is the pipeline ok?', ctx(clean, { lastTickTs: NOW - 5 * 60 * S }))).toMatch(
      /^The pipeline is LATE: no good tick for 5 min \(ticks run every 30 s\)\./,
    );
  });

  it('gives each source over the kept ticks, the slowest first, and leads with one that fails', () => {
    const reply = ask('which source is slowest?', ctx(clean));
    expect(reply).toContain('Every source read cleanly in the last 6 ticks (since 01:57:00 UTC): no failure, no gap.');
    expect(reply).toContain('Slowest: cloudwatch, median 90 ms a read (longest 90 ms).');
    const table = reply.split('\n').filter((l) => /^(?:cloudwatch|prometheus)\s/.test(l));
    expect(table).toEqual([
      expect.stringMatching(/^cloudwatch\s+1\s+6\s+0\s+0\s+4\s+90 ms, 90 ms$/),
      expect.stringMatching(/^prometheus\s+2\s+6\s+0\s+0\s+8\s+30 ms, 30 ms$/),
    ]);

    const failing = [
      ...clean.slice(0, 4),
      ok(NOW - 30 * S, {
        sources: [{ name: 'prometheus', samples: 0, gaps: 1, ms: 10_000, problem: 'collect failed: timeout', failed: true }],
      }),
    ];
    expect(ask('is prometheus up?', ctx(failing)).split('\n')[0]).toBe(
      'prometheus: 1 of 5 reads got nothing; the last problem at 01:59:30 UTC: collect failed: timeout; the last read with data 2 min ago.',
    );
    // A read that returned no sample and only gaps got nothing too, though it did not throw.
    const empty = clean.map((t, k) =>
      ok(t.ts, {
        sources: [
          { name: 'prometheus', samples: 0, gaps: 5, ms: 2, problem: 'fetch failed (ECONNREFUSED)' },
          { name: 'cloudwatch', samples: 4, gaps: k === 5 ? 1 : 0, ms: 90, problem: k === 5 ? 'throttled' : undefined },
        ],
      }),
    );
    expect(ask('are the sources ok?', ctx(empty)).split('\n').slice(0, 2)).toEqual([
      'prometheus: 6 of 6 reads got nothing; the last problem at 01:59:30 UTC: fetch failed (ECONNREFUSED); no read with data kept.',
      'cloudwatch: 0 of 6 reads got nothing and 1 more had gaps; the last problem at 01:59:30 UTC: throttled; the last read with data 30 s ago.',
    ]);
    expect(ask('what did the last tick find?', ctx(empty))).toContain(
      'read 4 samples (prometheus FAILED: fetch failed (ECONNREFUSED), cloudwatch 4 with 1 gap)',
    );
    expect(ask('is cloudwatch ok?', ctx(failing)).split('\n')[0]).toBe(
      'The cloudwatch source read cleanly in the last 5 ticks (since 01:57:00 UTC): no failure, no gap.',
    );
    expect(ask('is the metrics file source ok?', ctx(clean))).toBe(
      'No file source is configured here: I read from prometheus, cloudwatch (sources in the config file).',
    );
  });

  it("gives the bot's own size and load: memory, store, series, samples a minute", () => {
    const c = ctx(Array.from({ length: 4 }, (_, k) => ok(NOW - (4 - k) * 30 * S, { rejected: k === 0 ? 2 : 0 })));
    c.store.saveSamples([
      { target: 'web-1', metric: 'cpu', ts: NOW, value: 1 },
      { target: 'web-1', metric: 'memory', ts: NOW, value: 1 },
      { target: 'db-1', metric: 'cpu', ts: NOW, value: 1 },
    ]);
    const base = c.about!();
    const sized = {
      ...c,
      about: () => ({ ...base, self: { ...base.self!, footprint: { rssBytes: 156e6, heapBytes: 61.2e6, storeBytes: 104.5e6 } } }),
    };
    expect(parseIntent('how much memory is the bot using?', targets)).toEqual({ kind: 'pipeline', focus: 'footprint' });
    expect(ask('how many series do you track?', sized).split('\n')).toEqual([
      'This process: 156.0 MB resident (61.2 MB of it JavaScript heap); the store 104.5 MB on disk, holding 3 samples, keeping samples 24 h and anomalies 90 d.',
      'Series: 3 (a target and a metric each) on 2 targets.',
      'Ingest: a median 12 samples a tick, one tick every 30 s: about 24 a minute; 2 samples rejected over the 4 good ticks kept. Each tick takes a median 40 ms.',
    ]);
    expect(ask('how big is the store?', c).split('\n')[0]).toMatch(/^This process does not report its size here; \/metrics has /);
    // Said of the bot's data rather than of a host's disk.
    for (const q of ['how many samples are stored?', "how much disk does the bot's data use?", 'how many readings do you have?'])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'pipeline', focus: 'footprint' });
    c.store.saveSamples([{ target: 'web-1', metric: 'cpu', ts: NOW + 30 * S, value: 2 }]);
    expect(ask('how many samples are stored?', sized)).toContain('the store 104.5 MB on disk, holding 4 samples,');
    // The process's CPU time since its start, an hour before NOW: 90 s is 2.5% of one core.
    const busy = {
      ...c,
      about: () => ({
        ...base,
        self: { ...base.self!, footprint: { rssBytes: 156e6, heapBytes: 61.2e6, storeBytes: 104.5e6, cpuMs: 90_000 } },
      }),
    };
    expect(parseIntent('how much cpu do you use?', targets)).toEqual({ kind: 'pipeline', focus: 'footprint' });
    expect(ask('how much cpu do you use?', busy).split('\n')[2]).toBe(
      'CPU: 90.0 s used since I started 60 min ago, 2.5% of one core on average.',
    );
    // The store said as "the store" is the bot's own, not a host's disk; "when did the last scrape fail?" is the failures.
    expect(parseIntent('how much disk does the store use?', targets)).toEqual({ kind: 'pipeline', focus: 'footprint' });
    expect(parseIntent('when did the last scrape fail?', targets)).toEqual({ kind: 'pipeline', focus: 'failures' });
  });

  it('without a running pipeline (the CLI) points to /status and /metrics', () => {
    expect(ask('any failed ticks?', ctx(undefined))).toMatch(/^This process runs no ticks .*\/status .*sco_ticks_total/);
    expect(ask('tick history', ctx([]))).toMatch(/^No tick has run since the start at 01:00:00 UTC\. The next tick is due/);
  });
});

describe("the console header's pipeline line", () => {
  it('says when the last tick ran, and names a source that got nothing in each of its latest reads', () => {
    const clean = Array.from({ length: 6 }, (_, k) => ok(NOW - (6 - k) * 30 * S));
    expect(pipelineHeadline(clean, NOW, 30 * S)).toEqual({ text: 'pipeline: last tick 30 s ago', ok: true, problems: [] });
    const dead = clean.map((t) =>
      ok(t.ts, { sources: [{ name: 'prometheus', samples: 0, gaps: 5, ms: 2, problem: 'fetch failed' }, t.sources![1]!] }),
    );
    expect(pipelineHeadline(dead, NOW)).toEqual({
      text: 'pipeline: last tick 30 s ago · prometheus getting nothing: ask "are the sources ok?"',
      ok: false,
      problems: ['prometheus got nothing in its last 5 reads'],
    });
    // One good read among the last five: not dead.
    dead[4] = ok(dead[4]!.ts);
    expect(pipelineHeadline(dead, NOW).ok).toBe(true);
    expect(pipelineHeadline([...clean, { ts: NOW - 1000, outcome: 'failed', error: 'x' }], NOW)).toMatchObject({
      text: 'pipeline: last tick 1 s ago (FAILED)',
      ok: false,
      problems: ['the last tick failed (x)'],
    });
    // Late: the last good tick is more than three intervals old.
    expect(pipelineHeadline(clean, NOW + 5 * 60 * S, 30 * S).problems).toEqual(['no good tick for 6 min (ticks every 30 s)']);
    expect(pipelineHeadline([], NOW)).toEqual({ text: 'pipeline: no tick yet', ok: true, problems: [] });
  });

  it('leads "anything wrong?" when monitoring itself is in trouble', () => {
    const dead = Array.from({ length: 6 }, (_, k) =>
      ok(NOW - (6 - k) * 30 * S, { sources: [{ name: 'prometheus', samples: 0, gaps: 5, ms: 2, problem: 'fetch failed' }] }),
    );
    expect(ask('anything wrong?', ctx(dead)).split('\n')[0]).toBe(
      'Monitoring itself: prometheus got nothing in its last 5 reads. "Are the sources ok?" and "tick history" say more.',
    );
    expect(ask('anything wrong?', ctx(Array.from({ length: 6 }, (_, k) => ok(NOW - (6 - k) * 30 * S)))).split('\n')[0]).not.toMatch(
      /^Monitoring/,
    );
  });
});

describe('the tick runner', () => {
  it('logs good, failed and skipped ticks, keeps the newest, and rethrows a failure', async () => {
    let t = NOW;
    let fail = false;
    const summary = (ts: number): TickSummary => ({
      ts,
      durationMs: 1,
      samples: 3,
      rejected: 0,
      gaps: [],
      sources: [{ name: 'synthetic', samples: 3, gaps: 0, ms: 1 }],
      opened: 1,
      updated: 0,
      resolved: 0,
      proposals: 0,
      expired: 0,
      withdrawn: 0,
      openAnomalies: 1,
    });
    const after = vi.fn();
    const runner = createTickRunner({
      pipeline: {
        tick: async () => {
          if (fail) throw new Error('disk full');
          return summary(t);
        },
      },
      metrics: createMetrics(),
      clock: { now: () => t },
      logger: captureLogger(),
      after,
      pendingProposals: () => 0,
      keep: 3,
    });
    await runner.run();
    t += 30 * S;
    fail = true;
    await expect(runner.run()).rejects.toThrow('disk full');
    t += 30 * S;
    runner.skipped();
    fail = false;
    t += 30 * S;
    await runner.run();
    const f = runner.facts();
    expect(f.ticks.map((e) => [e.ts - NOW, e.outcome, e.error])).toEqual([
      [30 * S, 'failed', 'disk full'],
      [60 * S, 'skipped', undefined],
      [90 * S, 'ok', undefined],
    ]);
    expect(f.ticks[2]!.sources).toEqual([{ name: 'synthetic', samples: 3, gaps: 0, ms: 1 }]);
    expect([f.lastTickTs, f.skippedTicks]).toEqual([NOW + 90 * S, 1]);
    expect(after).toHaveBeenCalledTimes(2);
  });

  it('the scheduler tells when it fires next, and nothing once stopped', async () => {
    const s = createScheduler({ expression: '*/30 * * * * *', logger: captureLogger(), run: async () => undefined });
    expect(s.nextRunTs()).toBeNull();
    s.start();
    const next = s.nextRunTs()!;
    expect(next).toBeGreaterThan(Date.now() - 1000);
    expect(next - Date.now()).toBeLessThanOrEqual(30 * S);
    expect(new Date(next).getUTCSeconds() % 30).toBe(0);
    await s.stop();
    expect(s.nextRunTs()).toBeNull();
  });
});
