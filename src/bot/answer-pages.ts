import { platformName } from './platform-names.js';
import type { Anomaly } from '../core/anomaly.js';
import { anomalyLabel } from '../core/metrics.js';
import type { AnswerContext } from './answer-context.js';
import { spanBounds } from './answer-metric-span.js';
import { isAlertKey, postedAt } from './alert-keys.js';
import { dayStart, dayZone } from './day-start.js';
import { clock, stamp } from './format-reply.js';
import type { TimeSpan } from './parse-time-span.js';
import { plural } from './text-tools.js';

const DAY = 86_400_000;
const SEVERITY: Record<string, number> = { info: 0, warning: 1, critical: 2 };
const SHOWN = 15;

/** " (pinging <@U1> the on-call)": chat.escalate's first level, as configured now. */
function escalatedTo(c: AnswerContext): string {
  const m = c.routing?.escalate?.mentions as { slack?: string[]; discord?: string[]; onCall?: unknown } | undefined;
  if (!m) return '';
  const who = [...(m.slack ?? []), ...(m.discord ?? []), ...(m.onCall ? ['the on-call'] : [])];
  return ` (pinging ${who.join(' ') || 'nobody named'})`;
}

/**
 * "Was anyone paged last night?", "who got pinged today?", "how many pages this week?": the alert
 * messages posted in the window that pinged someone (a route's mentions, the on-call's as they were
 * then), the escalations that followed, and how many were posted without a mention. From where the
 * notifier recorded each alert went; pure over the store.
 */
export function answerPages(i: { span?: TimeSpan | undefined; target?: string | undefined }, c: AnswerContext): string {
  const b = i.span ? spanBounds(i.span, c) : undefined;
  if (b?.ahead) return b.ahead;
  const from = b ? b.from : dayStart(c.now, c.zone);
  const until = b ? Math.min(b.until, c.now) : c.now;
  const label = b?.label ?? `today (${dayZone(c.zone)}) so far`;
  const on = i.target ? ` on ${i.target}` : '';
  // Each alert message posted in the window, named by its most severe anomaly (one posted late may have started a day before).
  const alerts = new Map<string, Anomaly>();
  for (const a of c.store.recentAnomalies(10_000, from - DAY, until)) {
    if (i.target && a.target !== i.target) continue;
    const key = c.store.chat.alertKeyFor(a.id);
    if (!key || !isAlertKey(key) || postedAt(key) < from || postedAt(key) > until) continue;
    const had = alerts.get(key);
    if (!had || (SEVERITY[a.severity] ?? 0) > (SEVERITY[had.severity] ?? 0)) alerts.set(key, a);
  }
  if (!alerts.size) return `No alert was posted${on} ${label}, so nobody was paged.`;
  const rows = [...alerts]
    .map(([key, a]) => {
      const where = c.store.chat.destinationsOf(key) ?? [];
      const escalated = Number(c.store.getKv(`escalate:${key}`) ?? Number.NaN);
      return { key, a, at: postedAt(key), where, escalated: Number.isFinite(escalated) ? escalated : undefined };
    })
    .sort((x, y) => y.at - x.at);
  const pinged = rows.filter((r) => r.where.some((d) => d.mentions?.length) || r.escalated !== undefined);
  const quiet = rows.length - pinged.length;
  const places = [
    ...new Set(
      rows.flatMap((r) => r.where.map((d) => (d.platform === 'web' ? platformName('web') : `${platformName(d.platform)} ${d.channel}`))),
    ),
  ];
  if (!pinged.length)
    return [
      `Nobody was paged${on} ${label}: ${plural(rows.length, 'alert was', 'alerts were')} posted${places.length ? ` (to ${places.join(', ')})` : ''}, none with a mention and none escalated.`,
      'An alert pings people only where a route sets mentions (chat.routes[].mentions, or mentions.onCall for whoever is on call), or when chat.escalate pages after a wait; "where do alerts go?" shows the routes.',
    ].join('\n');
  const lines = [
    `Paged${on} ${label}: ${plural(pinged.length, 'alert')} of ${rows.length} posted pinged someone${quiet ? `; ${quiet} went out without a mention` : ''}.`,
  ];
  // "Who's been paged the most?": each mention by the alerts that pinged it, most first.
  const byWho = new Map<string, number>();
  for (const r of pinged) for (const m of new Set(r.where.flatMap((d) => d.mentions ?? []))) byWho.set(m, (byWho.get(m) ?? 0) + 1);
  if (byWho.size > 1)
    lines.push(
      `By who was pinged: ${[...byWho]
        .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
        .map(([m, n]) => `${m} ${n}`)
        .join(', ')}.`,
    );
  for (const r of pinged.slice(0, SHOWN)) {
    const who = r.where
      .filter((d) => d.mentions?.length)
      .map((d) => `${platformName(d.platform)} ${d.channel} pinging ${d.mentions!.join(' ')}`);
    const esc = r.escalated !== undefined ? `escalated at ${clock(r.escalated)}${escalatedTo(c)}` : '';
    lines.push(
      `• ${stamp(r.at)} ${r.a.target} ${anomalyLabel(r.a)} [${r.a.severity}] (${r.a.id}): ${[...who, esc].filter(Boolean).join('; ')}`,
    );
  }
  if (pinged.length > SHOWN) lines.push(`… and ${pinged.length - SHOWN} more; ask for a shorter span.`);
  lines.push('Who acknowledged each, and when, is in its timeline ("timeline an_…").');
  return lines.join('\n');
}
