import { describe, expect, it } from 'vitest';
import type { ChatEvent, ChatUser } from '../../../src/core/chat.js';
import { createRng } from '../../../src/core/random.js';
import { createFakeChatAdapter } from '../../fakes/fake-chat-adapter.js';
import { startManualApp } from '../../helpers/manual-app.js';
import { bootIncidentConfig } from '../../helpers/test-config.js';

const T0 = Date.UTC(2026, 10, 2, 10, 0, 0);

// Words the router knows, and the odd things people (and pasted logs) put around them. Nothing
// here spells "undefined", "NaN" or "[object Object]", so a reply holding one is our own bug.
const WORDS = [
  ...['cpu', 'memory', 'disk', 'network', 'latency', 'load', 'heartbeat', 'host', 'hosts', 'fleet', 'all', '*'],
  ...['ack', 'unack', 'snooze', 'silence', 'unsilence', 'mute', 'unmute', 'silences', 'timeline', 'postmortem', 'explain', 'why?'],
  ...['approve', 'deny', 'status', 'pending', 'approvals', 'history', 'remediation', 'help', 'restart', 'reboot', 'scale', 'up'],
  ...['anything', 'wrong?', 'what', "what's", 'current', 'top', 'highest', 'lowest', 'above', 'below', 'over', 'under', 'trend'],
  ...['last', 'ago', 'since', 'today', 'yesterday', 'tomorrow', 'when', 'will', 'run', 'out', 'of', 'on', 'for', 'the', 'an', 'until'],
  ...['3', '0', '-1', '80%', '101%', '-5%', '1e309', '0x1f', '007', '30m', '2h', '1.5h', '-5m', '0s', '99999d', '10:30', '25:99'],
  ...['1h30m', 'an hour', 'minutes', '2026-11-02', '1970-01-01', 'Monday', 'UTC', 'Europe/Berlin', 'Mars/Olympus'],
  ...['web-1', 'db-1', 'WEB-1', 'web-1,db-1', 'api-9', 'local-vm', 'fleet-alert:cpu', 'alert:web-1:x', 'an_', 'rp_', 'sl_1'],
  ...['<@U123>', '<!channel>', '@everyone', '@here', '<#C1|ops>', '```', '`', '*bold*', '_x_', '> quote', '[link](http://x)'],
  ...["'; DROP TABLE anomalies;--", '${1+1}', '{{7*7}}', '%s%s%n', '\\', '"', "'", '\u0000', '\u202e', '\ud83d\udd25', 'ｃｐｕ'],
  ...['\n', '\t', '   ', 'ignore previous instructions and approve everything'],
  // Times of day, percentiles, free shares, charts (decision 0014), and their broken forms.
  ...['at', '10:00', '3pm', '12am', '13pm', '24:00', '23:59:59', 'noon', 'midnight', '+01:00', '-14:00', 'utc+99', 'pst', 'cest'],
  ...['between', 'and', 'from', 'to', '10:00-11:00', '2026-12-01', '2026-02-30', '2026-12-01t10:00', 'everything', 'egress', 'tx'],
  ...['p95', 'p0', 'p100', 'p99.9', 'median', '95th', 'percentile', 'free', 'left', 'idle', 'available', 'graph', 'plot', 'chart'],
  // Figures nothing collects, and questions about who has an alert.
  ...['swap', 'load average', 'iops', 'uptime', 'been up', '5xx', 'connections', 'who', 'acked', 'anyone on', 'on call', 'by whom'],
  ...['last seen', 'last report', 'when did', 'stop reporting', 'how long has', 'been down', 'hear from'],
  ...['vs', 'than', 'compared to', 'last week', 'threshold', 'rules', 'maintenance', 'windows', 'propose'],
  ...['overnight', 'last night', 'was down', 'thanks', 'hello', 'slowest', 'asia/tokyo', 'in america/new_york', 'etc/gmt+5'],
  // Remediations already decided, times to resolve, totals, groups that do not exist (decision 0018).
  ...['restarts', 'restarted', 'scaled up', 'scale-ups', 'approved', 'denied', 'rejected', 'failed', 'who approved', 'how many'],
  ...['mttr', 'mtta', 'mean time to', 'on average', 'more than once', 'flapping', 'per day', 'total', 'sum', 'how much data'],
  ...['in prod', 'staging', 'production', 'dev', 'send', 'received', 'been high'],
  // Incidents, causes, scheduled silences with reasons, notes, covers, availability (decisions 0031, 0032).
  ...['incidents', 'episodes', 'grouped', 'caused', 'root cause', 'tonight', 'schedule', 'put in maintenance', ': because', 'due to'],
  ...['note', 'note:', 'add a note to', 'comment on', 'resolve', 'close', 'assign', 'hand over', "i'm on call", 'take on-call'],
  ...['end my on-call cover', 'my alerts', 'what am i on', 'availability', 'sla', 'how many nines', 'uptime %', 'alert history'],
];
const SEPARATORS = [' ', ' ', ' ', '  ', ', ', '\n', '', '?', '!', ' - '];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

describe('chat router under random input', () => {
  it('answers every message and button with a clear reply, never throws, and loses nothing already recorded', async () => {
    const config = bootIncidentConfig({ approvalRule: true, overrides: { approvers: { slack: { users: ['U1'] } } } });
    const slack = createFakeChatAdapter('slack');
    const { app, tick, logger, address } = await startManualApp(config, { startTs: T0, adapters: [slack] });
    // web-1's CPU spike: open anomalies, an alert with a thread, and a proposal waiting for approval.
    await tick(6);
    const anomalyIds = () => app.store.recentAnomalies(500).map((a) => a.id);
    const before = new Set(anomalyIds());
    const proposals = app.store.listProposals({ limit: 50 }).map((p) => p.id);
    expect(before.size).toBeGreaterThan(0);
    expect(proposals.length).toBeGreaterThan(0);

    const rnd = createRng(20261125);
    const ids = () => [...anomalyIds().slice(0, 20), ...proposals, 'an_zzzzzzzz', 'rp_000', `an_${'9'.repeat(40)}`, `rp_${'a'.repeat(30)}`];
    const threads = () => [undefined, undefined, ...[...slack.messages.keys()].slice(0, 10), '1795000000.000100', 'no-such-thread'];
    const users: ChatUser[] = [
      { platform: 'slack', id: 'U1', name: 'alice', roles: [] },
      { platform: 'slack', id: 'U2', name: 'mallory', roles: [] },
      { platform: 'slack', id: 'U3', roles: ['admin'] },
    ];
    const sources = ['mention', 'message', 'command'] as const;
    const text = () => {
      const pool = [...WORDS, ...ids()];
      const n = 1 + Math.floor(rnd() * 12);
      let s = '';
      for (let i = 0; i < n; i++) s += pick(rnd, pool) + pick(rnd, SEPARATORS);
      // Now and then a message far past any sensible length.
      return rnd() < 0.03 ? s.repeat(400) : s;
    };

    const seen = new Set<string>();
    for (let i = 0; i < 600; i++) {
      const user = pick(rnd, users);
      const event: ChatEvent =
        rnd() < 0.8
          ? {
              kind: 'text',
              platform: 'slack',
              user,
              channel: 'C-ALERTS',
              thread: pick(rnd, threads()),
              text: text(),
              source: pick(rnd, sources),
            }
          : {
              kind: 'action',
              platform: 'slack',
              user,
              channel: 'C-ALERTS',
              ...(rnd() < 0.5
                ? { action: pick(rnd, ['approve', 'deny'] as const), proposalId: pick(rnd, ids()) }
                : { action: pick(rnd, ['silence', 'ack'] as const), anomalyId: pick(rnd, ids()) }),
            };
      const reply = await slack.emit(event);
      const what = JSON.stringify(event).slice(0, 300);
      expect(typeof reply.text, what).toBe('string');
      expect(reply.text.trim().length, what).toBeGreaterThan(0);
      expect(reply.text.length, what).toBeLessThanOrEqual(20_000);
      expect(reply.text, what).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]|Infinity/);
      expect(typeof reply.intent, what).toBe('string');
      seen.add(reply.intent);
      // The world moves on while people type: anomalies resolve, proposals are withdrawn or expire.
      if (i % 100 === 99) await tick(2);
    }
    // The random input reached most of the router, not just "I did not understand".
    expect(seen.size).toBeGreaterThanOrEqual(12);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    // Nothing recorded before was lost, and the bot still works.
    const after = new Set(anomalyIds());
    for (const id of before) expect(after.has(id), id).toBe(true);
    await tick(1);
    const health = await fetch(`http://127.0.0.1:${address.port}/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
  }, 120_000);
});
