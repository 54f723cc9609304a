import { platformTitle } from './platform-names.js';
import { dayStart, dayZone } from './day-start.js';
import type { OutboxStats } from '../core/chat-store.js';
import type { AnswerContext } from './answer-intent.js';
import { spanBounds, windowSpan } from './answer-metric-span.js';
import { stamp } from './format-reply.js';
import type { Intent } from './intent.js';
import { formatDuration, plural } from './text-tools.js';

const DAY = 86_400_000;
// The outbox keeps delivered items this long (sqlite-chat-store.ts prunes them on enqueue).
const KEPT = 7 * DAY;
// What a top-level post was, by its message key's first part; replies and updates are counted apart.
const KINDS: Record<string, [string, string]> = {
  alert: ['alert', 'alerts'],
  'fleet-alert': ['fleet-wide alert', 'fleet-wide alerts'],
  digest: ['digest', 'digests'],
  incident: ['incident', 'incidents'],
  proposal: ['remediation proposal', 'remediation proposals'],
  request: ['action request', 'action requests'],
  watch: ['watch notice', 'watch notices'],
  'test-alert': ['test alert', 'test alerts'],
};
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
  if (i.platform === 'alertmanager') return answerAlertmanager(c);
  const a = c.about?.();
  const started = new Set(a?.platforms ?? ['web']);
  const components = a?.self?.components ?? {};
  // Today by default, as before; "this week", "yesterday" and "since 09:00" as asked, within what is kept.
  const today = !i.span || (i.span.kind === 'day' && i.span.daysBack === 0);
  const b = !today
    ? spanBounds(windowSpan(i.span, DAY), c)
    : { from: dayStart(c.now, c.zone), until: c.now, label: `today (${dayZone(c.zone)}) so far` };
  if ('ahead' in b && b.ahead) return b.ahead;
  const from = Math.max(b.from, c.now - KEPT);
  const when = from > b.from ? 'in the last 7 days' : b.label.replace(/^over /, 'in ');
  const stats = new Map(c.store.chat.outboxStats(from, b.until + 1).map((s) => [s.platform, s]));
  const asked = i.platform
    ? [i.platform as Exclude<typeof i.platform, 'alertmanager'>]
    : (['web', 'slack', 'discord'] as const).filter((p) => started.has(p) || stats.has(p));
  const lines = asked.map((p) => {
    const s = stats.get(p);
    if (!started.has(p))
      return `• ${platformTitle(p)}: not connected here: ${HOW[p]}.${s?.pending ? ` ${plural(s.pending, 'message')} queued for it from an earlier run wait.` : ''}`;
    const h = components[`chat_${p}`];
    const state = !h
      ? 'running'
      : h.ok
        ? `connected${typeof h.mode === 'string' ? ` (${h.mode})` : ''}`
        : `NOT OK${typeof h.state === 'string' ? ` (${h.state})` : ''}`;
    const last = typeof h?.lastEvent === 'string' ? `, last event from it ${h.lastEvent.replace('T', ' ').slice(0, 19)} UTC` : '';
    return `• ${platformTitle(p)}: ${state}${last}. ${sent(s, when)} ${waiting(s, c.now)}`;
  });
  return [
    `Chat delivery, ${when}:`,
    ...lines,
    ...(from > b.from ? [`Delivered messages are kept 7 days: counted from ${stamp(from)}.`] : []),
    'Everything is sent through the outbox: an outage leaves a backlog that is sent when the platform is back.',
  ].join('\n');
}

function sent(s: OutboxStats | undefined, when: string): string {
  if (!s || s.posts + s.replies + s.updates === 0) return `Nothing delivered ${when}.`;
  return `Delivered ${when}: ${plural(s.posts, 'message')}${posts(s.postsByKind)}, ${plural(s.replies, 'thread reply', 'thread replies')}, ${plural(s.updates, 'update')} in place.`;
}

/** " (4 alerts, 1 digest)": what the new messages were, alerts first. */
function posts(byKind: Record<string, number>): string {
  const order = Object.keys(KINDS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const parts = Object.entries(byKind)
    .filter(([, n]) => n > 0)
    .sort(([a], [z]) => rank(a) - rank(z) || a.localeCompare(z))
    .map(([k, n]) => (KINDS[k] ? plural(n, KINDS[k][0], KINDS[k][1]) : `${n} ${k}`));
  return parts.length ? ` (${parts.join(', ')})` : '';
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

/**
 * "Is alertmanager connected?": both ways it is wired. Alerts in (POST /alertmanager, with what
 * arrived today and when the last did), and silences out (the mirror's /health component).
 */
function answerAlertmanager(c: AnswerContext): string {
  const a = c.about?.();
  const dayStart = c.now - (c.now % DAY);
  const received = c.store.recentAnomalies(10_000, dayStart - 7 * DAY).filter((x) => x.detector === 'alertmanager');
  const today = received.filter((x) => x.startTs >= dayStart).length;
  const last = received.reduce((m, x) => Math.max(m, x.updatedTs), 0);
  const inbound = a?.alertmanagerWebhook
    ? `• Alerts in: POST /alertmanager takes them (a webhook receiver with SCO_ALERTMANAGER_TOKEN as its bearer token). ${plural(today, 'alert')} opened from it today (UTC)${last ? `; the last update from it ${formatDuration(c.now - last)} ago (${stamp(last)})` : '; none in the last 7 days'}.`
    : '• Alerts in: off. Set SCO_ALERTMANAGER_TOKEN and point a webhook receiver at POST /alertmanager with it as the bearer token (docs/api.md).';
  const h = a?.self?.components.alertmanager_silences;
  const outbound = !h
    ? '• Silences out: off. Set alertmanager.url (or ALERTMANAGER_URL) and silences set in chat are mirrored there, so they hold its other pages too (docs/configuration.md#alertmanager).'
    : h.ok
      ? `• Silences out: mirrored to ${String(h.url)}, checked every tick; ${plural(Number(h.mirrored ?? 0), 'silence')} of mine there now.`
      : `• Silences out: NOT OK. ${String(h.url)} answered the last sync with: ${String(h.lastError ?? 'an error').slice(0, 200)}. Each tick tries again; chat's own silences hold meanwhile.`;
  return ['Alertmanager:', inbound, outbound].join('\n');
}
