import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aboutFactsOf } from '../../../src/bot/answer-about.js';
import { VERSION } from '../../../src/observability/version.js';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import type { Sample } from '../../../src/core/sample.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 2, 0, 0);
const H = 3_600_000;
const targets = [
  { name: 'web-1', role: 'web', source: 'prometheus' },
  { name: 'web-2', role: 'web', source: 'prometheus' },
  { name: 'db-1', role: 'db', source: 'cloudwatch' },
];

/** web-1 and web-2 send CPU and latency now; db-1 sends CPU now and stopped sending disk an hour ago. */
function ctx(about = true): AnswerContext {
  const store = createSqliteStore(':memory:');
  const samples: Sample[] = [];
  for (const t of ['web-1', 'web-2', 'db-1']) samples.push({ target: t, metric: 'cpu', ts: NOW - 10_000, value: 20 });
  for (const t of ['web-1', 'web-2']) samples.push({ target: t, metric: 'latency_ms', ts: NOW - 10_000, value: 80 });
  samples.push({ target: 'db-1', metric: 'disk', ts: NOW - H, value: 60 });
  store.saveSamples(samples);
  const config = configSchema.parse({
    retention: { samplesHours: 72 },
    sources: { backfillHours: 12 },
    detectors: { iforest: { enabled: false } },
  });
  return {
    store,
    targets,
    now: NOW,
    staleAfterMs: 90_000,
    ...(about
      ? {
          about: () =>
            aboutFactsOf(config, {
              intervalMs: 30_000,
              targets: targets.map((t) => ({ name: t.name, source: t.source })),
              llm: { name: 'openai_compatible', model: 'llama3' },
              platforms: ['web', 'slack'],
            }),
        }
      : {}),
  };
}

const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, c.targets), c);

describe('the version', () => {
  it('is package.json\'s, answered to "version" and "what version are you?"', () => {
    expect(VERSION).toBe(
      (JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string }).version,
    );
    expect(parseIntent('what version are you?', targets)).toEqual({ kind: 'about' });
    expect(parseIntent('version', targets)).toEqual({ kind: 'about' });
  });
});

describe('"what do you monitor?"', () => {
  it('names the targets by source, the metrics that arrive now, the detectors, what is kept and who answers', () => {
    expect(ask('how many hosts do we monitor?').split('\n')).toEqual([
      'I watch 3 targets, read every 30 s:',
      '• prometheus: web-1, web-2',
      '• cloudwatch: db-1',
      // The groups a question may name ("what roles are there?", "cpu on the web hosts").
      'Roles: web (web-1, web-2); db (db-1). Labels: none set.',
      // db-1's disk stopped an hour ago: not claimed.
      'Metrics arriving now, from 3 targets: CPU (all); latency (web-1, web-2).',
      'Detectors: 3 threshold rules, 1 forecast rule, robust statistics per series, silent hosts (no data for 2 min); "what thresholds are set?" lists the rules.',
      'Kept: samples 3 d, anomalies 90 d; 12 h of history are read from the sources at the first start. Every anomaly, proposal and decision also goes to the daily JSON records on this host (S3 is off: records.s3.bucket or SCO_S3_BUCKET).',
      'Chat: the web console, Slack. Free-form questions go to openai_compatible llama3; figures come from the store.',
    ]);
  });

  it('answers "what roles are there?" with the roles and labels a question may name', () => {
    expect(parseIntent('what roles are there?', targets)).toEqual({ kind: 'about' });
    expect(parseIntent('list the environments', targets)).toEqual({ kind: 'about' });
    expect(ask('what roles are there?')).toContain('\nRoles: web (web-1, web-2); db (db-1). Labels: none set.\n');
    // Where they run, when the targets file says: the regions and auto scaling groups, counted.
    const placed = {
      ...ctx(),
      targets: [
        { name: 'web-1', role: 'web', region: 'us-east-1', autoScalingGroup: 'web-asg' },
        { name: 'web-2', role: 'web', region: 'us-east-1', autoScalingGroup: 'web-asg' },
        { name: 'db-1', role: 'db', region: 'eu-west-1' },
      ],
    };
    expect(ask('what roles are there?', placed)).toContain(
      '\nRoles: web (web-1, web-2); db (db-1). Labels: none set. Regions: eu-west-1 (1), us-east-1 (2). Auto scaling groups: web-asg (2).\n',
    );
  });

  it('says so when nothing arrives, and names the targets without the wiring', () => {
    const c = ctx(false);
    expect(ask('which metrics do you collect?', { ...c, now: NOW + 2 * H }).split('\n')).toEqual([
      'I watch 3 targets: web-1, web-2, db-1.',
      'Roles: web (web-1, web-2); db (db-1). Labels: none set.',
      'No metric has arrived in the last few intervals.',
    ]);
  });
});

describe('a span longer than what is stored', () => {
  it('says the figures cover only the stored time, and not when the store covers the span', () => {
    const c = ctx();
    const samples: Sample[] = [];
    for (let ts = NOW - 24 * H; ts <= NOW; ts += 60_000) samples.push({ target: 'web-1', metric: 'memory', ts, value: 50 });
    c.store.saveSamples(samples);
    expect(ask('average memory on web-1 last week', c)).toMatch(
      /\n\(The stored samples start at 2026-12-04 02:00:00 UTC, so these figures cover only the time since then: /,
    );
    expect(ask('peak memory this week', c)).toMatch(/\n\(The stored samples start at 2026-12-04 02:00:00 UTC/);
    expect(ask('average memory on web-1 over the last 12 hours', c)).not.toMatch(/stored samples start/);
  });
});

describe('"are you ok?"', () => {
  it('leads with this process: uptime, the last tick (late when it is), and the components that are not ok', () => {
    const base = ctx();
    const facts = base.about!();
    const withSelf = (self: NonNullable<typeof facts.self>) => ({ ...base, about: () => ({ ...facts, self }) });
    const ok = withSelf({
      startedTs: NOW - 2 * H,
      lastTickTs: NOW - 20_000,
      components: { chat_web: { ok: true }, outbox: { ok: true, backlog: 0 } },
    });
    expect(ask('are you ok?', ok).split('\n')[0]).toBe(
      `SmartCloudOps ${VERSION}, up 2 h (since 2026-12-05 00:00:00 UTC); last tick 01:59:40 UTC, 20 s ago; every component ok (chat_web, outbox).`,
    );
    const bad = withSelf({
      startedTs: NOW - 2 * H,
      lastTickTs: NOW - 5 * 60_000,
      components: { chat_slack: { ok: false }, s3: { ok: false, backlog: 12 } },
    });
    expect(ask('bot health', bad).split('\n')[0]).toBe(
      `SmartCloudOps ${VERSION}, up 2 h (since 2026-12-05 00:00:00 UTC); last tick 01:55:00 UTC, 5 min ago (late: ticks run every 30 s); not ok: chat_slack, s3 (backlog 12) (/health has the details).`,
    );
    expect(ask('show config', bad)).toContain('shipped to S3 (NOT OK, 12 waiting)');
    expect(ask('is s3 upload working?', bad).split('\n')[0]).toBe(
      'S3 uploads are FAILING: the last try failed. No batch has landed yet; 12 batches waiting and are retried with backoff, so nothing is lost.',
    );
    // "How many hosts?": the count leads and this process's line follows it (decision 0069).
    expect(ask('how many hosts do we have?', ok).split('\n').slice(0, 4)).toEqual([
      'I watch 3 targets, read every 30 s:',
      '• prometheus: web-1, web-2',
      '• cloudwatch: db-1',
      `SmartCloudOps ${VERSION}, up 2 h (since 2026-12-05 00:00:00 UTC); last tick 01:59:40 UTC, 20 s ago; every component ok (chat_web, outbox).`,
    ]);
    // How long a tick took, and ticks skipped because the one before still ran: "are you falling behind?".
    const slow = withSelf({ startedTs: NOW - 2 * H, lastTickTs: NOW - 20_000, lastTickMs: 1840, skippedTicks: 3, components: {} });
    expect(ask('are you falling behind?', slow).split('\n')[0]).toContain(
      'last tick 01:59:40 UTC, 20 s ago, took 1.8 s of the 30 s between ticks, 3 skipped since the start because the one before still ran;',
    );
  });

  it('reads questions about its own data and sources as this answer, not as a host labelled "data"', () => {
    const labelled = [...targets, { name: 'pg-1', role: 'db', labels: { tier: 'data' } }];
    for (const q of ['is the data fresh?', 'where do you get metrics from?'])
      expect(parseIntent(q, labelled), q).toEqual({ kind: 'about' });
    // What is kept and how often it is read have answers of their own (answer-retention.ts, answer-pipeline.ts).
    expect(parseIntent('how much data do you keep?', labelled)).toEqual({ kind: 'pipeline', focus: 'retention' });
    expect(parseIntent('what is the sampling interval?', labelled)).toEqual({ kind: 'pipeline', focus: 'next' });
    // The ticks' own log answers these (answer-pipeline.ts).
    expect(parseIntent('is prometheus connected?', labelled)).toEqual({ kind: 'pipeline', focus: 'sources', source: 'prometheus' });
    expect(parseIntent('how long does a tick take?', labelled)).toEqual({ kind: 'pipeline', focus: 'history' });
    expect(parseIntent('when did you last collect data?', labelled)).toEqual({ kind: 'pipeline', focus: 'last' });
    expect(parseIntent('cpu on the data tier', labelled)).toMatchObject({ kind: 'metrics', target: 'pg-1' });
  });
});

describe('"when is the next digest?"', () => {
  it('gives the schedule, the next one with what it covers, the last slot and where it goes; or that none is set', () => {
    const c = ctx();
    const base = c.about!();
    const digest = {
      ts: Date.UTC(2026, 11, 7, 9, 0, 0),
      days: 7,
      at: '09:00',
      timezone: 'UTC',
      weeklyOn: 1,
      destinations: [{ platform: 'slack', channel: 'C-OPS' }],
      lastTs: Date.UTC(2026, 11, 4, 9, 0, 0),
    };
    expect(ask('when is the next digest?', { ...c, about: () => ({ ...base, digest }) }).split('\n')).toEqual([
      'The digest is posted every day at 09:00 UTC, to Slack C-OPS. On Mondays it covers the last 7 days.',
      'Next: 2026-12-07 09:00:00 UTC, in 2 d 7 h, covering the last 7 days. The last slot was 2026-12-04 09:00:00 UTC.',
      '"Daily summary" or "catch me up" gives one now; `smartcloudops digest` prints it. Its time, zone and channels are chat.digest in the config file; they are not changed from chat.',
    ]);
    expect(ask('what time is the daily summary posted?')).toMatch(/^No digest is scheduled \(chat\.digest\.at/);
  });
});
