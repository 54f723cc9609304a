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
