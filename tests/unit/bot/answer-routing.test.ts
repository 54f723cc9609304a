import { describe, expect, it } from 'vitest';
import { answerIntent, type AnswerContext } from '../../../src/bot/answer-intent.js';
import { parseIntent } from '../../../src/bot/parse-intent.js';
import { configSchema } from '../../../src/config/schema.js';
import { createSqliteStore } from '../../../src/store/sqlite-store.js';

const NOW = Date.UTC(2026, 11, 5, 12, 0, 0);
const targets = [
  { name: 'web-1', role: 'web' },
  { name: 'db-1', role: 'db', labels: { team: 'storage' } },
];

function ctx(chat: Record<string, unknown>): AnswerContext {
  return {
    store: createSqliteStore(':memory:'),
    targets,
    now: NOW,
    staleAfterMs: 90_000,
    routing: configSchema.parse({ chat }).chat,
  };
}

const paging = {
  channels: { slack: ['C-OPS'] },
  routes: [
    { name: 'storage', match: { labels: { team: 'storage' } }, slack: ['C-STORAGE'], continue: true },
    { name: 'page', match: { severities: ['critical'] }, slack: ['C-PAGE'], mentions: { slack: ['<!subteam^S0ONCALL>'] } },
  ],
  escalate: { afterMinutes: 15, mentions: { slack: ['<@U0LEAD>'] } },
};

const ask = (q: string, c: AnswerContext) => answerIntent(parseIntent(q, c.targets), c);

describe('"where do alerts go?" and "who is on call?"', () => {
  it('gives the routing table, the escalation and the reminders', () => {
    const lines = ask('where do alerts go?', ctx(paging)).split('\n');
    expect(lines).toContain('  1. storage: team=storage -> slack: C-STORAGE (continue)');
    expect(lines).toContain('  2. page: severity critical -> slack: C-PAGE pinging <!subteam^S0ONCALL>');
    expect(lines).toContain(
      'Escalation: a critical alert nobody has acknowledged or silenced after 15 min gets one reply pinging <@U0LEAD>.',
    );
    expect(lines.at(-1)).toBe('Reminders: open critical alerts are repeated in their thread every 4 h.');
  });

  it('says where an alert on the target named would go, and by which route', () => {
    const db = ask('who gets paged for db-1?', ctx(paging)).split('\n');
    expect(db[0]).toBe('A critical CPU alert on db-1 (threshold rule) now would go to:');
    expect(db[1]).toBe('  slack: C-STORAGE, C-PAGE pinging <!subteam^S0ONCALL> (route "storage", "page")');
    const web = ask('which channel gets warning disk alerts for web-1', ctx(paging)).split('\n');
    expect(web[0]).toBe('A warning disk alert on web-1 (threshold rule) now would go to:');
    expect(web[1]).toBe('  slack: C-OPS (default)');
  });

  it('names no one for on-call, and says when nothing escalates', () => {
    const text = ask('who is on call?', ctx({}));
    expect(text).toMatch(/\(none: every alert goes to the default channels\)/);
    expect(text).toMatch(/\nNo escalation is set \(chat\.escalate\.afterMinutes is 0\)\.\n/);
    expect(text.split('\n').at(-1)).toBe(
      'No on-call rotation is set (chat.onCall): the people pinged are the mentions above, from chat.routes and chat.escalate in the config.',
    );
  });

  it('says it does not page through PagerDuty, and points at who it does ping', () => {
    expect(ask('page the oncall via pagerduty', ctx(paging))).toMatch(
      /^I don't page through PagerDuty or Opsgenie: .*\("who is on call\?" shows them\)/,
    );
  });
});
