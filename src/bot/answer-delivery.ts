import type { OutboxStats } from '../core/chat-store.js';
import type { AnswerContext } from './answer-intent.js';
import { stamp } from './format-reply.js';
import type { Intent } from './intent.js';
import { formatDuration, plural } from './text-tools.js';

const DAY = 86_400_000;
const NAME = { web: 'Web console', slack: 'Slack', discord: 'Discord' } as const;
const HOW = {
  web: 'it is always on (the side port\'s "/")',
  slack: 'set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode); docs/slack.md',
  discord: 'set DISCORD_TOKEN; docs/discord.md',
} as const;

/**
 * "Is slack connected?", "how many alerts did you send today?", "are messages stuck?": per chat
 * platform, whether it is set up and how its connection stands (/health's component), what the
 * outbox delivered today, and what waits, with the last error. Alerts are posted through the
 * outbox, so an outage shows here as a backlog rather than as lost messages.
 */
export function answerDelivery(i: Extract<Intent, { kind: 'delivery' }>, c: AnswerContext): string {
  const a = c.about?.();
  const started = new Set(a?.platforms ?? ['web']);
  const components = a?.self?.components ?? {};
  const stats = new Map(c.store.chat.outboxStats(c.now - (c.now % DAY)).map((s) => [s.platform, s]));
  const asked = i.platform ? [i.platform] : (['web', 'slack', 'discord'] as const).filter((p) => started.has(p) || stats.has(p));
  const lines = asked.map((p) => {
    const s = stats.get(p);
    if (!started.has(p))
      return `• ${NAME[p]}: not connected here: ${HOW[p]}.${s?.pending ? ` ${plural(s.pending, 'message')} queued for it from an earlier run wait.` : ''}`;
    const h = components[`chat_${p}`];
    const state = !h
      ? 'running'
      : h.ok
        ? `connected${typeof h.mode === 'string' ? ` (${h.mode})` : ''}`
        : `NOT OK${typeof h.state === 'string' ? ` (${h.state})` : ''}`;
    const last = typeof h?.lastEvent === 'string' ? `, last event from it ${h.lastEvent.replace('T', ' ').slice(0, 19)} UTC` : '';
    return `• ${NAME[p]}: ${state}${last}. ${sent(s)} ${waiting(s, c.now)}`;
  });
  return [
    `Chat delivery, today (UTC) so far:`,
    ...lines,
    'Everything is sent through the outbox: an outage leaves a backlog that is sent when the platform is back.',
  ].join('\n');
}

function sent(s: OutboxStats | undefined): string {
  if (!s || s.posts + s.replies + s.updates === 0) return 'Nothing delivered today.';
  return `Delivered today: ${plural(s.posts, 'message')}, ${plural(s.replies, 'thread reply', 'thread replies')}, ${plural(s.updates, 'update')} in place.`;
}

function waiting(s: OutboxStats | undefined, now: number): string {
  if (!s?.pending) return 'Nothing waiting.';
  const oldest =
    s.oldestPendingTs !== undefined
      ? `, the oldest queued ${formatDuration(now - s.oldestPendingTs)} ago (${stamp(s.oldestPendingTs)})`
      : '';
  const failed = s.retrying
    ? `; ${s.retrying} failed at least once and ${s.retrying === 1 ? 'is' : 'are'} retried${s.lastError ? ` (last error: ${s.lastError.slice(0, 200)})` : ''}`
    : '';
  return `${plural(s.pending, 'message')} waiting${oldest}${failed}.`;
}
