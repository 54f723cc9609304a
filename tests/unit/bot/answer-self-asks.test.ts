import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'web-2', role: 'web' },
  { name: 'db-1', role: 'db' },
];

function ctx(): AnswerContext {
  const cfg = configSchema.parse({});
  return {
    store: createSqliteStore(':memory:'),
    targets,
    now: NOW,
    staleAfterMs: 90_000,
    thresholds: cfg.thresholds,
    forecasts: cfg.forecasts,
  };
}
const ask = (q: string, c: AnswerContext = ctx()) => answerIntent(parseIntent(q, targets), c);

describe('secrets are never given, whoever asks', () => {
  it.each([
    "what's the slack token?",
    'print your environment variables',
    'show me the openai api key',
    'what is the password for db-1?',
    'list the env vars',
    'cat .env',
  ])('%s', (q) => {
    expect(parseIntent(q, targets)).toEqual({ kind: 'elsewhere', what: 'secrets' });
    expect(ask(q)).toMatch(/^I don't give out tokens, keys, passwords or my environment, to anyone: .*"Which integrations are on\?"/);
  });

  it('leaves questions that only name a key word alone', () => {
    expect(parseIntent("what's the key metric for db-1?", targets).kind).not.toBe('elsewhere');
    expect(parseIntent('is the slack token set?', targets)).toEqual({ kind: 'integrations', systems: ['slack'] });
  });
});

describe('how a detector works, asked by what it looks at', () => {
  it.each([
    ['what does the isolation forest look at?', 'iforest'],
    ['what inputs does the iforest use?', 'iforest'],
    ['what does the robust detector measure?', 'robust'],
    ['how is the forecast computed?', 'forecast'],
    ['how is the score calculated?', 'score'],
    ['what does the threshold rule compare?', 'threshold'],
    ['what does p95 mean?', 'percentile'],
    ['what is a percentile?', 'percentile'],
    ['how many detectors do you have?', 'detection'],
  ])('%s → %s', (q, term) => {
    expect(parseIntent(q, targets)).toEqual({ kind: 'glossary', term });
  });

  it('says what a percentile is, and reads one asked of a metric as its figure', () => {
    expect(ask('what does p95 mean?', ctx())).toMatch(/^A percentile is the reading .* p95 is the one 95% of them do not exceed/);
    expect(parseIntent('what is the p99 latency?', targets)).toMatchObject({ kind: 'metrics', metric: 'latency', stat: 'p99' });
  });

  it('still reads a host named as that host', () => {
    expect(parseIntent('what does web-1 use?', targets)).toEqual({ kind: 'metrics', target: 'web-1' });
  });
});

describe('"which metrics does db-1 report?"', () => {
  it("is db-1's figures, not when it last reported", () => {
    const c = ctx();
    c.store.saveSamples([
      { target: 'db-1', metric: 'cpu', ts: NOW - 10_000, value: 30 },
      { target: 'db-1', metric: 'disk', ts: NOW - 10_000, value: 60 },
    ]);
    for (const q of ['which metrics does db-1 report?', 'what data does db-1 send?'])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'metrics', target: 'db-1' });
    expect(ask('which metrics does db-1 report?', c)).toMatch(/db-1 CPU 30\.0% .*\n.*db-1 disk 60\.0%/s);
    expect(parseIntent('did db-1 report in the last hour?', targets)).toMatchObject({ kind: 'last_seen', target: 'db-1' });
  });
});

describe('feedback on the newest alert, or the newest on a target', () => {
  it.each([
    ['the last alert was useful', { kind: 'feedback', verdict: 'useful', latest: true }],
    ['mark the web-2 alert as false positive', { kind: 'feedback', verdict: 'noise', target: 'web-2' }],
    ['the web-2 disk alert was noise', { kind: 'feedback', verdict: 'noise', target: 'web-2', metric: 'disk' }],
    ['the disk alert was useful', { kind: 'feedback', verdict: 'useful', metric: 'disk' }],
  ])('%s', (q, intent) => {
    expect(parseIntent(q, targets)).toEqual(intent);
  });

  it('never marks anything when asked about alerts', () => {
    expect(parseIntent('how many alerts were false positives?', targets).kind).toBe('anomalies');
    expect(parseIntent('was the web-2 alert noise?', targets).kind).not.toBe('feedback');
  });
});

/** web-1 and web-2 send cpu, memory and latency now; db-1 sends cpu now and stopped sending memory at 11:00. */
function arriving(): AnswerContext {
  const store = createSqliteStore(':memory:');
  const now = (target: string, metric: string) => ({ target, metric, ts: NOW - 30_000, value: 1 });
  store.saveSamples([
    ...['web-1', 'web-2'].flatMap((t) => ['latency_ms', 'memory', 'cpu'].map((m) => now(t, m))),
    now('db-1', 'cpu'),
    { target: 'db-1', metric: 'memory', ts: NOW - 3_600_000, value: 1 },
  ]);
  return { store, targets, now: NOW, staleAfterMs: 90_000 };
}
const askArriving = (q: string) => answerIntent(parseIntent(q, targets), arriving()).split('\n');

describe('which metrics arrive from a host', () => {
  it("reads the question for the hosts named, and leaves the asker's watches and figures alone", () => {
    for (const q of [
      'what do you collect for db-1?',
      'what are you watching on db-1?',
      'why no latency for db-1?',
      'is latency collected for db-1?',
    ])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'about', collected: ['db-1'] });
    expect(parseIntent('what are you monitoring on the web hosts?', targets)).toEqual({ kind: 'about', collected: ['web-1', 'web-2'] });
    // "Which metrics does db-1 report?" stays its figures (each metric with its value); "why is there no alert …" the detectors' verdict.
    expect(parseIntent('which metrics does db-1 report?', targets)).toEqual({ kind: 'metrics', target: 'db-1' });
    expect(parseIntent('why is there no alert for db-1 cpu?', targets)).toMatchObject({ kind: 'explain' });
    expect(parseIntent('what am I watching?', targets)).toEqual({ kind: 'watches' });
    expect(parseIntent('latency on db-1', targets)).toMatchObject({ kind: 'metrics' });
  });

  it('says what arrives now, what stopped and when, and what others send that it does not', () => {
    expect(askArriving('why no latency for db-1?')[0]).toBe(
      'db-1: CPU (latest 11:59:30 UTC); stopped: memory (last 11:00:00 UTC); none from it: latency (2 other targets send it).',
    );
    expect(askArriving('what are you monitoring on the web hosts?').slice(0, 2)).toEqual([
      'web-1: CPU, memory, latency (latest 11:59:30 UTC).',
      'web-2: CPU, memory, latency (latest 11:59:30 UTC).',
    ]);
  });
});
