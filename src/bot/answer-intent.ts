import { ACTIONS } from '../core/remediation.js';
import { unitOf } from '../core/metrics.js';
import type { Sample } from '../core/sample.js';
import { ALL_METRICS, answerMetricSpan, isWindowed, metricsOf } from './answer-metric-span.js';
import { FREE_OF, withFreeFigures } from './free-figures.js';
import { answerAttention } from './answer-attention.js';
import { answerTimeline } from './alert-timeline.js';
import { answerExplain, answerQuiet, answerWhy } from './answer-explain.js';
import { answerTrend } from './answer-trend.js';
import { describeProposal, formatValue, METRIC_LABEL, noGroupReply, stamp, table, unknownTargetReply, when } from './format-reply.js';
import { answerAnomalies } from './answer-anomalies.js';
import { answerChart } from './answer-chart.js';
import type { Intent } from './parse-intent.js';
import type { Stat } from './parse-time-span.js';
import { formatDuration, plural } from './text-tools.js';
import { answerAckStatus } from './answer-ack-status.js';
import { answerCompare } from './answer-compare.js';
import { answerRules } from './answer-rules.js';
import { answerElsewhere, answerUncollected } from './answer-uncollected.js';
import { answerAvailability } from './answer-availability.js';
import { answerAbout, answerDigestSchedule } from './answer-about.js';
import { answerWhyNoAction } from './answer-why-no-action.js';
import { answerRouting } from './answer-routing.js';
import { answerLastSeen } from './answer-last-seen.js';
import { answerHistory } from './answer-history.js';
import { answerTotal } from './answer-total.js';
import { answerByHour } from './answer-by-hour.js';
import { answerByGroup } from './answer-by-group.js';
import { latestBy } from './latest-by-target.js';
import { answerBound, extreme } from './answer-bound.js';
import { targetHeadline } from './target-headline.js';
import { answerInventory } from './answer-inventory.js';
import { answerUndo } from './answer-undo.js';
import { answerForestStatus } from './answer-forest-status.js';
import { answerCorrelate } from './answer-correlate.js';
import { answerTimePast } from './answer-time-past.js';
import { answerAdvice } from './answer-advice.js';
import { answerDelivery } from './answer-delivery.js';
import { answerDashboard } from './answer-dashboard.js';
import { answerExport, BACKUP } from './answer-export.js';
import { answerStarts } from './answer-starts.js';
import { answerFlapping } from './answer-flapping.js';
import { answerTune } from './answer-tune.js';
import { answerCapacity } from './answer-capacity.js';
import { answerChangeImpact } from './answer-change-impact.js';
import { answerSchedule } from './answer-schedule.js';
import { answerMyRequests } from './answer-my-requests.js';
import { answerGlossary } from './answer-glossary.js';
import { answerAnomalyChange } from './answer-anomaly-change.js';
import { answerChanges } from './change-log.js';
import { answerPrecedent } from './answer-precedent.js';
import { approveEffect } from './approve-effect.js';
import { answerSilences } from './answer-silences.js';
import { answerStatus } from './answer-status.js';
import { answerAudit } from './answer-audit.js';
import { answerActionQuestion } from './answer-action-question.js';

export { answerSilences };

export type { AnswerContext } from './answer-context.js';
import type { AnswerContext } from './answer-context.js';

const spanAsked = (i: Extract<Intent, { kind: 'metrics' }>) => ({
  metric: i.metric,
  target: i.target,
  group: i.group,
  stat: i.stat,
  limit: i.limit,
  ...(i.lowFirst ? { lowFirst: true } : {}),
});

export const HELP = [
  'I answer from the live data. Try:',
  '• "what\'s current CPU?", "cpu on web-1", "memory of the db", "disk", "how is api-2 doing"',
  '• "cpu on web-1 an hour ago", "cpu on web-1 at 10:00" (UTC), "peak memory on db-1 over the last 6h", "p95 latency today", "api-1 latency percentiles", "how variable is db-1 memory?"',
  '• "when did web-1 cpu last exceed 80%?", "how long was db-1 above 50% disk today?", "which hosts had cpu above 90% today?"',
  '• "which host had the highest cpu today", "the busiest hour yesterday", "free disk on db-1", "what was firing at 03:00", "why is cpu high on web-1?"',
  '• "is disk filling up on db-1?", "memory trend over the last 24h", "when will db-1 run out of space?", "graph cpu on web-1", "capacity outlook", "which hosts are idle?"',
  '• "cpu on web-1 vs yesterday", "is memory higher than last week?" (today so far against the same hours)',
  '• "alerts this week vs last week", "more alerts than yesterday?", "more incidents than usual?" (counts only over time I was watching)',
  '• "anything wrong?", "anything about to fire?", "summarise the last 3 anomalies", "open incidents", "anomalies today", "what happened on web-1", "explain an_…"',
  '• "why is there no alert for web-1 cpu?", "is db-1 memory unusual?", "why didn\'t web-2 alert?": each detector\'s own reason; "has this happened before?"',
  '• "status", "pending approvals", "remediation history", "what thresholds are set?", "suggest better thresholds", "which rules propose restarts?", "who can approve?"',
  '• "who approved the last restart?", "failed remediations this week", "what ran automatically today?", "how many scale-ups today?", "MTTR this week"',
  '• "audit log", "who did what today?", "what did alice do?", "who touched db-1 this week?", "what have I done?"',
  '• "total network in", "how much data did web-1 send today?"',
  '• "when did web-2 last report?", "which hosts are down?", "resolved alerts today", "what do you monitor?", "send a test alert", "show times in Europe/Berlin"',
  '• "inventory", "what region is db-1 in?", "ip of api-2", "which host is i-0a1b…?", "cpu in us-east-1"',
  '• "approve rp_…", "deny rp_…", "approve the scale up on web-2", or "approve" in an alert\'s thread (approvers only)',
  '• "restart app on web-1", "scale up web-2", "clean up the disk on db-1": a request, as remediation.rules allow it, that an approver approves; "cancel rp_…" takes it back',
  '• "snooze web-1 cpu for 30m", "snooze db-1 until 15:00", "mute db-1 from 22:00 to 23:00", "mute everything for 1h", "silences", "unsnooze web-1", "extend sl_… by 1h"',
  '• "ack web-1", "ack an_…" or "ack all" (I have it: no reminders), "unack web-1", "what am I on?", "who acked the last alert?", "escalate web-1" (pings chat.escalate.mentions now), "page bob about web-1", "who is on call?", "I\'m on call until 18:00"',
  '• "timeline an_…" (or "timeline" in an alert\'s thread): what happened and who did what',
  '• "declare an incident: checkout is down", "incident update: …", "I\'ll take command", "resolve the incident", "incident status" (posted in the alert channels)',
  '• "notify me about db-1 alerts", "subscribe me to critical alerts" (a mention on each new alert that matches, Slack and Discord), "my subscriptions", "unfollow db-1"',
  '• "tell me when web-1 recovers", "ping me when cpu on db-1 stays below 50% for 10 min", "remind me in 30m to check web-1", "my watches", "stop watching web-1"',
  '• "this alert is noise" or "it\'s a real issue" in an alert\'s thread, "mark an_… as a false positive", "how many false positives this week?"',
  '• "note an_…: restarted nginx by hand" (or "note: …" in an alert\'s thread): kept on its timeline',
  '• "deployed v2.3 to api-1", "change on db-1: raised max_connections": recorded and named on the alerts of the hour after; "recent changes"',
].join('\n');

function answerMetrics(i: Extract<Intent, { kind: 'metrics' }>, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  if (i.byHour) return answerByHour({ metric: i.metric, target: i.target, group: i.group, span: i.span, lowest: i.byHour === 'min' }, c);
  if (i.total) return answerTotal(i, c);
  if (i.groupBy && !i.span && !i.free && !i.bound) return answerByGroup({ ...i, groupBy: i.groupBy }, c);
  // "Any hosts over 90% on anything?": each share metric past the bound.
  if (i.bound && !i.metric) return (['cpu', 'memory', 'disk'] as const).map((metric) => answerMetrics({ ...i, metric }, c)).join('\n');
  // "How much headroom does db-1 have?": what is free of each metric that has a free side.
  if (i.free && !i.metric && !i.span)
    return (['cpu', 'memory', 'disk'] as const).map((metric) => answerMetrics({ ...i, metric }, c)).join('\n');
  const free = i.free && i.metric && FREE_OF[i.metric] ? { free: true } : {};
  if (free.free) c = { ...c, store: withFreeFigures(c.store) };
  // "When did web-1 cpu last exceed 80%?", "which hosts had cpu above 90% today?": the stretches past it.
  if (i.bound && i.boundAsk && i.metric)
    return answerTimePast(
      { metric: i.metric, target: i.target, group: i.group, span: i.span, bound: i.bound, ask: i.boundAsk, ...free },
      c,
    );
  if (i.span) return answerMetricSpan({ ...spanAsked(i), span: i.span, ...free }, c);
  // "Peak CPU on web-1" asks about a stretch of time, not the latest reading: the last hour. So
  // does a percentile, for any number of targets.
  if ((i.stat && i.target) || isWindowed(i.stat))
    return answerMetricSpan({ ...spanAsked(i), span: { kind: 'last', ms: 3_600_000 }, ...free }, c);
  const latest = latestBy(c.store);
  const asked = i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name));
  const metrics = metricsOf(i.metric, free.free) ?? ALL_METRICS;
  // A table lists the targets that report what was asked; the others are named once below it rather
  // than as rows of "-" (db-1 has no latency), so a ranking is never padded with them.
  const names = asked.filter((n) => metrics.some((m) => latest.get(n)?.has(m)));
  const absent = asked.filter((n) => !names.includes(n));
  if (!i.target && latest.size === 0) return 'No samples yet: the first tick has not completed. Try again in a few seconds.';

  // "Is web-1 over 90%?": yes or no, with the figure.
  if (i.target && i.bound && i.metric && names.length) return answerBound(i.bound, metrics[0]!, names, latest, c, true);
  if (i.target) {
    const t = i.target;
    // An overview also lists what a source adds beyond the usual metrics (a Prometheus query's own).
    const own = i.metric ? [] : [...(latest.get(t)?.keys() ?? [])].filter((m) => !metrics.includes(m)).sort();
    const got = [...metrics, ...own].map((m) => latest.get(t)?.get(m)).filter((s): s is Sample => Boolean(s));
    if (got.length === 0) return `No ${i.metric ? (METRIC_LABEL[metrics[0]!] ?? i.metric) : ''} samples for ${t} yet.`.replace('  ', ' ');
    const lines = got.map(
      (s) => `${t} ${METRIC_LABEL[s.metric] ?? s.metric} ${formatValue(s.metric, s.value)} (${when(s.ts, c.now, c.staleAfterMs)})`,
    );
    // "How is api-2 doing?", "is api-1 up?": whether it reports, and what is open there, before the figures.
    return i.metric ? lines.join('\n') : [targetHeadline(t, c), ...lines].join('\n');
  }
  const shown = metrics.filter((m) => names.some((n) => latest.get(n)?.has(m)));
  const what = i.metric ? (METRIC_LABEL[metrics[0]!] ?? i.metric) : 'samples';
  if (shown.length === 0) return `No ${i.metric ? `${what} samples` : 'samples'} from ${i.group ? i.group.join(', ') : 'any target'} yet.`;
  const footer = absent.length > 0 ? `\nNo ${what} from ${absent.join(', ')}.` : '';
  if (i.bound) return answerBound(i.bound, shown[0]!, names, latest, c);
  // "Which host uses the most network?": both directions, ranked by their sum (a column of its own).
  const total = i.metric === 'network' && (i.stat === 'max' || i.stat === 'min') && shown.length === 2;
  if (total) withNetworkTotal(latest, shown);
  const rankBy = total ? 'net_total' : shown[0];
  if (i.stat === 'max' || i.stat === 'min') {
    const v = (n: string) => latest.get(n)?.get(rankBy ?? '')?.value ?? (i.stat === 'max' ? -Infinity : Infinity);
    names.sort((a, z) => (i.stat === 'max' ? v(z) - v(a) : v(a) - v(z)));
  }
  const ranked = i.limit ? names.slice(0, i.limit) : names;
  const rows = ranked.map((n) => {
    const row = latest.get(n);
    const newest = Math.max(...shown.map((m) => row?.get(m)?.ts ?? 0));
    const stale = newest > 0 && c.now - newest > c.staleAfterMs ? ' STALE' : '';
    return [
      n,
      ...shown.map((m) => (row?.get(m) ? formatValue(m, row.get(m)!.value) : '-')),
      newest ? `${stamp(newest).slice(11)}${stale}` : '-',
    ];
  });
  const title = i.metric ? `Current ${metrics.length > 1 ? i.metric : (METRIC_LABEL[metrics[0]!] ?? i.metric)}` : 'Current metrics';
  const count =
    ranked.length < names.length
      ? `the ${i.stat === 'min' ? 'lowest' : 'highest'} ${ranked.length} of ${names.length} targets`
      : plural(names.length, 'target');
  return `${rankLine(i.stat, rankBy, names, latest, i.group?.length === 2)}${title} for ${count}:\n${table(['target', ...shown.map((m) => METRIC_LABEL[m] ?? m), 'at'], rows)}${footer}`;
}

const formatGap = (metric: string, d: number) => (unitOf(metric) === '%' ? `${d.toFixed(1)} points` : formatValue(metric, d));

/** "Which host has the highest memory?": the answer first, then the table sorted by that column. */
function rankLine(
  stat: Stat | undefined,
  metric: string | undefined,
  names: string[],
  latest: Map<string, Map<string, Sample>>,
  pair = false,
): string {
  if (!stat || !metric) return '';
  const got = names.map((n) => latest.get(n)?.get(metric)).filter((s): s is Sample => Boolean(s));
  if (got.length === 0) return '';
  const label = METRIC_LABEL[metric] ?? metric;
  if (stat === 'avg')
    return `Average ${label} across ${got.length} targets now: ${formatValue(metric, got.reduce((a, s) => a + s.value, 0) / got.length)}.\n`;
  const best = extreme(got, stat === 'max');
  // Two side by side ("which is higher, web-1 or web-2?"): by how much, in points for a share.
  const other = pair && got.length === 2 ? got.find((s) => s !== best) : undefined;
  const gap = other
    ? ` (${formatGap(metric, Math.abs(best.value - other.value))} ${stat === 'max' ? 'above' : 'below'} ${other.target})`
    : '';
  return `${stat === 'max' ? 'Highest' : 'Lowest'} ${label} now: ${best.target} ${formatValue(metric, best.value)}${gap}.\n`;
}

/** Adds each target's network in + out (both read) to its latest figures, and the column to `shown`. */
function withNetworkTotal(latest: Map<string, Map<string, Sample>>, shown: string[]): void {
  for (const [target, row] of latest) {
    const [a, b] = [row.get('net_in'), row.get('net_out')];
    if (a && b) row.set('net_total', { target, metric: 'net_total', ts: Math.min(a.ts, b.ts), value: a.value + b.value });
  }
  shown.push('net_total');
}

function answerPending(c: AnswerContext): string {
  const pending = c.store.listProposals({ states: ['proposed'], limit: 50 });
  if (pending.length === 0) return 'No proposals are waiting for approval.';
  return [
    `${pending.length} waiting for approval:`,
    ...pending.map(
      (p) =>
        `• ${p.id}: ${p.action} on ${p.target} — ${p.reason} (expires ${stamp(p.expiresTs)}, in ${formatDuration(p.expiresTs - c.now)}). ${approveEffect(p)}`,
    ),
    `Answer with "approve <id>" or "deny <id>"${pending.length === 1 ? `, or in words ("approve the ${pending[0]!.action.replace('_', ' ')} on ${pending[0]!.target}")` : ''}.`,
  ].join('\n');
}

/**
 * A request that names no allow-listed action ("reboot web-1", "deploy v2", "roll back"), or one made
 * where nothing can be proposed: which actions may be asked for, and what is waiting for approval.
 * Parameters never come from chat (decision 0003); a request picks what remediation.rules allow.
 */
function answerActionRequest(i: Extract<Intent, { kind: 'action_request' }>, c: AnswerContext): string {
  if (i.undo) return answerUndo(i, c);
  if (i.question && i.action && i.target) return answerActionQuestion({ ...i, action: i.action, target: i.target }, c);
  if (i.question && i.action)
    return `Which target? Ask about one${i.several ? ` (of ${i.several.join(', ')})` : ''}: a request names one target, so what it would do depends on which.`;
  const allowed = [...new Set((c.remediationRules ?? []).map((r) => r.action))].filter((a) => a !== 'notify_only');
  const lines = [
    i.action
      ? `Nothing was done: actions are not requested here.`
      : `${i.question ? '' : 'Nothing was done: '}"${i.verb}" is not an action I run. ${
          allowed.length
            ? `A request may name ${allowed.join(', ')} on one target ("restart app on web-1", "scale up web-2"), as the rules in remediation.rules allow it; an approver then approves it.`
            : `No rule in remediation.rules names an action (of ${ACTIONS.join(', ')}) to ask for.`
        }`,
  ];
  if (i.unknownTarget && !i.target) lines.push(unknownTargetReply(i.unknownTarget, c.targets));
  const pending = c.store.listProposals({ states: ['proposed'], ...(i.target ? { target: i.target } : {}), limit: 10 });
  const where = i.target ? ` on ${i.target}` : '';
  lines.push(
    pending.length === 0
      ? `Nothing is waiting for approval${where}.`
      : [`Waiting for approval${where}:`, ...pending.map((p) => `• ${describeProposal(p)} — ${p.reason}`)].join('\n'),
  );
  return lines.join('\n');
}

/** Read-only intents, answered from the store. Decisions and silences go through the chat service. */
export function answerIntent(i: Intent, c: AnswerContext): string {
  switch (i.kind) {
    case 'metrics': {
      const each = [i, ...(i.more ?? []).map((metric) => ({ ...i, metric }))].map((q) => answerMetrics({ ...q, more: undefined }, c));
      return each.join('\n') + (i.uncollected ? `\nI don't collect ${i.uncollected}: no source here reads it.` : '');
    }
    case 'chart':
      return i.unknownTarget && !i.target ? unknownTargetReply(i.unknownTarget, c.targets) : answerChart(i, c);
    case 'trend':
      return i.unknownTarget && !i.target ? unknownTargetReply(i.unknownTarget, c.targets) : answerTrend(i, c);
    case 'anomalies':
      return answerAnomalies(i, c);
    case 'explain':
      if (i.proposal) return explainProposalOf(i.proposal, c);
      if (i.remediation && !i.id) return answerWhyNoAction(i.target, i.metric, c);
      if (!i.id && i.metric && !i.latest && !i.span)
        return answerWhy(
          i.target,
          i.metric,
          c,
          answerMetrics({ kind: 'metrics', metric: i.metric, ...(i.target ? { target: i.target } : {}) }, c),
          i.usual,
        );
      if (i.quiet && i.target) return answerQuiet(i.target, c);
      return answerExplain(i.id, c, {
        it: i.it,
        target: i.target,
        severity: i.severity,
        metric: i.metric,
        span: i.span,
        ...(i.metric && i.target && i.span
          ? { figure: () => answerMetrics({ kind: 'metrics', metric: i.metric, target: i.target, span: i.span }, c) }
          : {}),
      });
    case 'timeline':
      return answerTimeline(i, c);
    case 'rules':
      return answerRules(i, c);
    case 'compare':
      return answerCompare(i, c);
    case 'advice':
      return answerAdvice(i, c);
    case 'delivery':
      return answerDelivery(i, c);
    case 'flapping':
      return answerFlapping(i, c);
    case 'tune':
      return answerTune(i, c);
    case 'capacity':
      return answerCapacity(i, c);
    case 'change_impact':
      return answerChangeImpact(i, c);
    case 'schedule':
      return answerSchedule(c);
    case 'precedent':
      return answerPrecedent(i, c);
    case 'changes':
      return answerChanges(i, c);
    case 'anomaly_change':
      return answerAnomalyChange(i, c);
    case 'ack_status':
      return answerAckStatus(i, c);
    case 'uncollected':
      return answerUncollected(i, c);
    case 'about':
      return i.starts ? answerStarts(i.starts, c) : i.digest ? answerDigestSchedule(c) : answerAbout(c);
    case 'availability':
      return answerAvailability(i, c);
    case 'inventory':
      return answerInventory(i, c);
    case 'forest_status':
      return answerForestStatus(i, c);
    case 'correlate':
      return answerCorrelate(i, c);
    case 'audit':
      return answerAudit(i, c);
    case 'elsewhere':
      if (i.what === 'dashboards') return answerDashboard(i.view ?? {}, c);
      if (i.what === 'export') return answerExport(i.view ?? {}, c);
      return i.what === 'backup' ? BACKUP : answerElsewhere(i.what);
    case 'routing':
      return answerRouting(i, c);
    case 'last_seen':
      return answerLastSeen(i, c);
    case 'attention':
      return i.unknownTarget && !i.target && !i.group ? unknownTargetReply(i.unknownTarget, c.targets) : answerAttention(i, c);
    case 'status':
      return answerStatus(c, i);
    case 'pending':
      return answerPending(c);
    case 'my_requests':
      return answerMyRequests(i, c);
    case 'glossary':
      return answerGlossary(i, c);
    case 'history':
      return answerHistory(i, c);
    case 'silences':
      return answerSilences(c);
    case 'action_request':
      return answerActionRequest(i, c);
    case 'help':
      return HELP;
    case 'small_talk':
      if (i.clock) return clockReply(c);
      return i.thanks ? 'You’re welcome.' : `Hello. ${answerStatus(c).split('\n')[0]} Ask "help" for what I answer.`;
    case 'bad_input':
      return `I can't take that: ${i.reason}.`;
    case 'ahead':
      return `That is still ahead (it is ${stamp(c.now)} now): I only answer about what has happened. For where a metric is heading, ask for its trend ("is disk filling up on db-1?", "when will db-1 run out of space?").`;
    case 'no_group':
      return noGroupReply(i.word, c.targets);
    case 'unknown':
      return `I'm not sure what you mean. ${HELP}`;
    default:
      return HELP;
  }
}

/** "What time is it?": now, with the weekday where the asker reads times (the stamp is rewritten there too). */
function clockReply(c: AnswerContext): string {
  const day = new Date(c.now).toLocaleDateString('en-GB', { weekday: 'long', timeZone: c.zone ?? 'UTC' });
  return c.zone
    ? `It is ${stamp(c.now)}, ${day}. My replies to you give times in ${c.zone}, and "today" is your day there; a time you type is UTC unless you add a zone ("at 15:00 ${c.zone}"), and alerts in channels stay UTC.`
    : `It is ${stamp(c.now)}, ${day}. I read and say times in UTC.`;
}

/** "Why was the scale up on web-2 proposed?": the latest proposal of that action and target, explained. */
function explainProposalOf(q: { action?: string; target?: string }, c: AnswerContext): string {
  const p = c.store.listProposals({ ...q, limit: 1 })[0];
  const what = [q.action, q.target && `on ${q.target}`].filter(Boolean).join(' ');
  return p ? `The latest ${what || 'proposal'}:\n${answerExplain(p.id, c)}` : `No ${what || 'remediation'} was proposed.`;
}
