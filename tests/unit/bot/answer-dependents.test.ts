import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const targets = [
  { name: 'db-1', role: 'db', labels: { env: 'prod' } },
  { name: 'db-2', role: 'db', labels: { env: 'staging' } },
  { name: 'api-1', role: 'api', labels: { env: 'prod' } },
  { name: 'api-2', role: 'api', labels: { env: 'staging' } },
  { name: 'web-1', role: 'web', labels: { env: 'prod' } },
];
const inhibit = [
  // A critical db alert holds the api hosts' latency alerts, in the same env only.
  {
    name: 'db causes api latency',
    source: { roles: ['db'], severities: ['critical' as const] },
    target: { roles: ['api'], metrics: ['latency_ms'] },
    equal: ['env'],
  },
  { source: { targets: ['api-*'] }, target: { roles: ['web'] }, equal: [] },
];

function ctx(rules = inhibit): AnswerContext {
  return {
    store: createSqliteStore(':memory:'),
    targets,
    now: Date.UTC(2026, 11, 6, 12),
    staleAfterMs: 90_000,
    routing: { routes: [], channels: {}, muteTimes: [], pendingFor: 0, inhibit: rules } as unknown as AnswerContext['routing'],
  };
}
const ask = (q: string, c = ctx()) => answerIntent(parseIntent(q, targets), c).split('\n');

describe('"which hosts depend on db-1?"', () => {
  it('reads dependents, dependencies and what would break', () => {
    expect(parseIntent('which hosts depend on db-1?', targets)).toEqual({ kind: 'dependents', target: 'db-1' });
    expect(parseIntent('what would break if db-1 went down?', targets)).toEqual({ kind: 'dependents', target: 'db-1' });
    expect(parseIntent('what does api-1 depend on?', targets)).toEqual({ kind: 'dependents', target: 'api-1', upstream: true });
    expect(parseIntent('api-1 dependencies', targets)).toEqual({ kind: 'dependents', target: 'api-1', upstream: true });
  });

  it('answers from the inhibit rules, narrowed by their equal fields, and says it knows no service map', () => {
    const lines = ask('which hosts depend on db-1?');
    expect(lines[0]).toBe('What depends on db-1, as chat.inhibit declares it:');
    // api-2 is staging: the rule's equal [env] keeps it out.
    expect(lines[1]).toBe(
      '• api-1 depends on db-1 ("db causes api latency"): while db-1 has an alert of severity critical open, api-1\'s alerts of metric latency_ms are held.',
    );
    expect(lines.at(-1)).toMatch(/^I know no service map/);
    expect(ask('what does api-2 depend on?').slice(1, 2)).toEqual([
      '• api-2 depends on db-2 ("db causes api latency"): while db-2 has an alert of severity critical open, api-2\'s alerts of metric latency_ms are held.',
    ]);
    expect(ask('what depends on api-1?')[1]).toBe(
      '• web-1 depends on api-1 ("inhibit rule 2"): while api-1 has an alert open, web-1\'s alerts are held.',
    );
  });

  it('says nothing depends on a host no rule names, and that nothing is declared without rules', () => {
    expect(ask('what depends on web-1?')[0]).toMatch(/^Nothing depends on web-1 as far as chat\.inhibit says \(2 rules;/);
    expect(ask('which hosts depend on db-1?', ctx([]))[0]).toMatch(/None is set, so I cannot say what depends on what\.$/);
    expect(ask('show dependencies')).toEqual([
      'Dependencies declared in chat.inhibit (2):',
      '• db causes api latency: db-1, db-2 → api-1, api-2',
      '• inhibit rule 2: api-1, api-2 → web-1',
      expect.stringMatching(/^I know no service map/),
    ]);
  });
});
