import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { aboutFactsOf } from '../../../src/bot/answer-about.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const targets = [{ name: 'web-1', source: 'prometheus' }];

function ctx(): AnswerContext {
  const facts = aboutFactsOf(configSchema.parse({}), {
    intervalMs: 30_000,
    targets,
    platforms: ['web', 'slack'],
    llm: { name: 'openai', model: 'gpt-4o-mini' },
  });
  return { store: createSqliteStore(':memory:'), targets, now: Date.UTC(2026, 11, 6, 12), staleAfterMs: 90_000, about: () => facts };
}
const ask = (q: string) => answerIntent(parseIntent(q, targets), ctx());

describe('"do you support kubernetes?", "what integrations do you have?"', () => {
  it('reads a system named in a capability question, or integrations in general, and leaves status questions alone', () => {
    expect(parseIntent('do you support kubernetes?', targets)).toEqual({ kind: 'integrations', systems: ['kubernetes'] });
    expect(parseIntent('does it work with datadog?', targets)).toEqual({ kind: 'integrations', systems: ['otherMetrics'] });
    expect(parseIntent('what integrations do you have?', targets)).toEqual({ kind: 'integrations' });
    expect(parseIntent('is prometheus up?', targets).kind).toBe('pipeline');
    expect(parseIntent('is slack connected?', targets).kind).toBe('delivery');
    expect(parseIntent('can you restart web-1?', targets).kind).toBe('action_request');
    expect(parseIntent('do you support time zones?', targets).kind).not.toBe('integrations');
  });

  it('says what each is to this bot and whether it is on here', () => {
    expect(ask('do you support kubernetes?')).toMatch(/^• Kubernetes: not directly .*\(sources\.prometheus, on here\)\.$/);
    expect(ask('can you post to slack?')).toMatch(/^• Slack: .*\(on here\)\. docs\/slack\.md\.$/);
    expect(ask('do you work with discord?')).toMatch(/\(off here\)/);
    expect(ask('can you use openai?')).toMatch(/\(openai gpt-4o-mini here\)/);
    expect(ask('do you support teams?')).toBe(
      '• Other chat (Teams, Mattermost, Telegram…): not supported; Slack, Discord and the web console are.',
    );
    const all = ask('what integrations do you have?').split('\n');
    expect(all[0]).toBe('What I connect to (docs/configuration.md has each setting):');
    expect(all.length).toBeGreaterThan(7);
  });
});

describe('"what model are you using?", "is the slack token set?"', () => {
  it('reads which model answers, and whether a system named is set up, as that system', () => {
    for (const q of ['what model are you using?', 'which llm?', 'are you an AI?', 'are you using an llm?', 'is openai configured?'])
      expect(parseIntent(q, targets), q).toEqual({ kind: 'integrations', systems: ['llm'] });
    expect(parseIntent('is the slack token set?', targets)).toEqual({ kind: 'integrations', systems: ['slack'] });
    expect(parseIntent('is discord enabled?', targets)).toEqual({ kind: 'integrations', systems: ['discord'] });
    // A detector's model, or a host's, is not the LLM.
    expect(parseIntent('what model does the isolation forest use?', targets).kind).not.toBe('integrations');
    expect(parseIntent('are you a bot?', targets)).toEqual({ kind: 'about' });
  });

  it('names the model that answers free text, or says that none does and how to set one', () => {
    expect(ask('what model are you using?')).toMatch(
      /^• LLMs: .*only for questions with no fixed answer; a figure in its reply .* is refused.*\(openai gpt-4o-mini here\)/,
    );
    const none = aboutFactsOf(configSchema.parse({}), { intervalMs: 30_000, targets, platforms: ['web'] });
    const bare = answerIntent(parseIntent('is the llm configured?', targets), { ...ctx(), about: () => none });
    expect(bare).toMatch(/\(none configured here: every answer comes from the store by fixed rules; set OPENAI_API_KEY/);
    expect(answerIntent(parseIntent('is the slack token set?', targets), { ...ctx(), about: () => none })).toMatch(
      /^• Slack: .*\(off here\)/,
    );
  });
});
