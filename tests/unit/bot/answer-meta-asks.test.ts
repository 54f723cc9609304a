import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { aboutFactsOf } from '../../../src/bot/answer-about.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

// "api" is a role here, as on most fleets: "is there an api?" must still be the question about me.
const targets = [
  { name: 'api-1', role: 'api' },
  { name: 'web-1', role: 'web' },
];
const parse = (q: string) => parseIntent(q, targets);
const ctx = (): AnswerContext => ({ store: createSqliteStore(':memory:'), targets, now: Date.UTC(2026, 11, 6, 12), staleAfterMs: 90_000 });
const ask = (q: string) => answerIntent(parse(q), ctx());
const ROOT = path.resolve(__dirname, '../../..');

describe('questions about me rather than the hosts', () => {
  it('reads the side port API, erasing data, the licence and the docs as such, never as hosts or commands', () => {
    for (const q of ['is there an api?', 'can I query you with curl?', 'which endpoints do you have?'])
      expect(parse(q), q).toEqual({ kind: 'elsewhere', what: 'api' });
    expect(parse('is there an api problem?').kind).toBe('attention');
    for (const q of ['delete all data', 'can you forget everything?', 'wipe the database'])
      expect(parse(q), q).toEqual({ kind: 'elsewhere', what: 'erase' });
    expect(parse('delete ch_abc123')).toMatchObject({ kind: 'change', withdraw: 'ch_abc123' });
    for (const q of ['are you open source?', 'what license are you under?', 'where is the source code?'])
      expect(parse(q), q).toEqual({ kind: 'elsewhere', what: 'license' });
    for (const q of ['where are the docs?', 'docs']) expect(parse(q), q).toEqual({ kind: 'elsewhere', what: 'howto' });
    for (const q of ["what's new in this version?", 'when were you last updated?']) expect(parse(q), q).toEqual({ kind: 'about' });
    expect(parse("I'm new here, where do I start?")).toEqual({ kind: 'help' });
  });

  it('answers each with where it is, and names a licence that ships', () => {
    expect(ask('is there an api?')).toMatch(/^Yes: my side port \(8080 by default\) answers `POST \/api\/query`.*docs\/api\.md/);
    expect(ask('delete all data')).toMatch(/^I don't delete what I recorded from chat: .*SCO_DATA_DIR/);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string };
    expect(ask('are you open source?')).toBe(
      `SmartCloudOps ${pkg.version}, open source under the MIT licence (package.json, LICENSE): the repository I run from holds the code, the docs (docs/) and the reasons behind each choice (docs/decisions/).`,
    );
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(ask('where are the docs?')).toContain('• what I answer in chat: docs/chat.md · the side port API: docs/api.md');
    // Every doc the answers name is there.
    for (const doc of ask('where are the docs?').match(/docs\/[\w-]+\.md/g)!) expect(existsSync(path.join(ROOT, doc)), doc).toBe(true);
  });

  it('gives the help lines of what "how do I …?" asks, and explains the words of an alert, quoted or not', () => {
    expect(parse('how do I silence an alert?')).toEqual({ kind: 'help', topic: 'silence' });
    expect(parse('how do I approve a remediation?')).toEqual({ kind: 'help', topic: 'approve' });
    expect(ask('how do I silence an alert?').split('\n')[0]).toBe('About silence, try:');
    expect(parse('what does "robust" mean in an alert?')).toEqual({ kind: 'glossary', term: 'robust' });
    for (const q of ["what's a level shift?", 'what is a spike?', 'what does drift mean?'])
      expect(parse(q), q).toEqual({ kind: 'glossary', term: 'shapes' });
    expect(parse('what are the spikes on web-1 today?').kind).toBe('anomalies');
    expect(parse('who decides the severity?')).toEqual({ kind: 'glossary', term: 'severity' });
    expect(ask("what's a level shift?")).toMatch(/a level shift \(the median of the last 4 values moved away from the usual level/);
  });
});

describe('my own logs, uploads and model, and where an alert went', () => {
  it("reads my logs, S3 uploads and the LLM as those integrations, and a host's logs as not collected", () => {
    for (const q of ['are the json logs rotating?', 'where are the logs written?', 'where do your logs go?'])
      expect(parse(q), q).toEqual({ kind: 'integrations', systems: ['logs'] });
    expect(parse('show the logs of api-1')).toMatchObject({ kind: 'uncollected', what: 'host logs' });
    expect(parse('export the json logs')).toMatchObject({ kind: 'elsewhere', what: 'export' });
    for (const q of ['when was the last s3 upload?', 'how many records were uploaded today?'])
      expect(parse(q), q).toEqual({ kind: 'integrations', systems: ['s3'] });
    // Whether it works leads the S3 answer (decision 0072), from what the shipper last saw.
    expect(parse('is s3 upload working?')).toEqual({ kind: 'integrations', systems: ['s3'] });
    for (const q of ['is the llm working?', 'how many llm calls today?'])
      expect(parse(q), q).toEqual({ kind: 'integrations', systems: ['llm'] });
    expect(parse('did prometheus send anything today?')).toEqual({ kind: 'pipeline', focus: 'sources', source: 'prometheus' });
    expect(parse("why didn't the alert reach slack?")).toEqual({ kind: 'timeline' });
  });

  it('says where my logs go and how long they are kept, and whether S3 is on with what waits', () => {
    const config = configSchema.parse({ retention: { recordsDays: 9 } });
    const c: AnswerContext = {
      ...ctx(),
      about: () =>
        aboutFactsOf(config, {
          intervalMs: 30_000,
          targets,
          platforms: ['web'],
          self: { startedTs: 0, lastTickTs: null, components: { s3: { ok: true, backlog: 4 } } },
        }),
    };
    const say = (q: string) => answerIntent(parse(q), c);
    expect(say('where are the logs written?')).toMatch(
      /^• My logs: JSON lines \(secrets redacted\) to stdout and to <data dir>\/logs\/app-YYYY-MM-DD\.jsonl.*Files older than 9 days are removed/,
    );
    expect(say('when was the last s3 upload?')).toMatch(/\(on here, ok; 4 waiting to upload\)/);
    expect(answerIntent(parse('when was the last s3 upload?'), ctx())).toMatch(/\(off here: set records\.s3\.bucket or SCO_S3_BUCKET\)/);
  });
});

describe('the site, and names that are no target', () => {
  it('reads "is the website up?" as whether the hosts report, and a name no target has as none', () => {
    for (const q of ['is the website up?', 'can users reach the site?', 'is the site down?'])
      expect(parse(q), q).toEqual({ kind: 'status', silent: true });
    expect(parse('is checkout working?')).toEqual({ kind: 'no_group', word: 'checkout' });
    expect(ask('is checkout working?')).toMatch(/^No target has the role or a label "checkout", so I have no figures for it\./);
    // A target or a role is read as such.
    expect(parse('is web-1 up?')).toMatchObject({ target: 'web-1' });
    expect(parse('is api working?')).toMatchObject({ target: 'api-1' });
    expect(parse('is it working?').kind).not.toBe('no_group');
  });
});
