import type { AlertHistory } from './alert-timeline.js';
import type { RoutingFacts } from './answer-routing.js';
import { formatDuration } from './text-tools.js';

type Mentions = RoutingFacts['escalate']['mentions'] | undefined;
const pings = (m: Mentions) => Boolean(m && (m.slack?.length || m.discord?.length || m.onCall));
const PLACE: Record<string, string> = { web: 'the web console', slack: 'Slack', discord: 'Discord' };

/**
 * "Why wasn't I paged?": one line on whether the alert pinged anyone, and if not, why not, from
 * where it went and what the routes and the escalation are set to ping. Pure.
 */
export function unpingedLine(h: AlertHistory, r: RoutingFacts | undefined): string {
  if (!h.key) return `Nobody was pinged: this alert was never posted (${h.notAnnounced ?? 'held back'}).`;
  const dests = h.destinations ?? [];
  const pinged = [...new Set(dests.flatMap((d) => d.mentions ?? []))];
  if (pinged.length)
    return `It did ping ${pinged.join(' ')}; if you are not among them, "who gets paged for ${h.members[0]!.target}?" shows who its route pings.`;
  const where = dests.length
    ? [...new Set(dests.map((d) => PLACE[d.platform] ?? d.platform))].join(', ')
    : 'nowhere (no route had a channel)';
  const why: string[] = [];
  if (dests.length && dests.every((d) => d.platform === 'web')) why.push('the web console has nobody to ping');
  if (r) {
    why.push(
      r.routes.some((x) => pings(x.mentions))
        ? 'the route it took pings nobody (no mentions on it, or nobody on call then)'
        : 'no route sets mentions (chat.routes[].mentions)',
    );
    const e = r.escalate;
    const severity = h.members.some((m) => m.severity === 'critical') ? 'critical' : 'warning';
    if (h.escalatedTs !== undefined) why.push('its escalation pinged nobody');
    else if (e.afterMinutes <= 0 || !pings(e.mentions)) why.push('no escalation pages anyone (chat.escalate.afterMinutes and mentions)');
    else if (!e.severities.includes(severity))
      why.push(`chat.escalate pages only for ${e.severities.join(' and ')} alerts, and this one was ${severity}`);
    else why.push(`it was acknowledged, silenced or resolved within chat.escalate's ${formatDuration(e.afterMinutes * 60_000)}`);
  }
  return `Nobody was pinged: it was posted to ${where} with no mention${why.length ? `, as ${why.join('; ')}` : ''}.`;
}
