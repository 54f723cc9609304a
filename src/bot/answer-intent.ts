import type { RemediationRule, ThresholdRule } from '../config/schema.js';
import { describeMatch } from './alert-routes.js';
import type { MuteTime } from './mute-times.js';
import { describeWindow, inWindow } from './time-window.js';
import type { Anomaly } from '../core/anomaly.js';
import type { Store } from '../core/ports.js';
import { ACTIONS } from '../core/remediation.js';
import type { Sample } from '../core/sample.js';
import { ALL_METRICS, answerMetricSpan, METRICS_OF } from './answer-metric-span.js';
import { answerAttention } from './answer-attention.js';
import { answerTimeline } from './alert-timeline.js';
import { answerExplain } from './answer-explain.js';
import { answerTrend } from './answer-trend.js';
import { groupFleetEvents, type FleetEvent, type FleetGrouping } from './fleet-events.js';
import { describeAnomaly, describeProposal, formatValue, METRIC_LABEL, stamp, table, when } from './format-reply.js';
import type { Intent, TargetRef } from './parse-intent.js';
import type { Stat } from './parse-time-span.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';

export interface AnswerContext {
  store: Store;
  targets: TargetRef[];
  now: number;
  staleAfterMs: number;
  /** The threshold rules, so that a trend can say when it would reach one. */
  thresholds?: ThresholdRule[];
  /** How alerts are grouped across targets (chat.fleetGroup), so answers group them the same way. */
  fleetGrouping?: FleetGrouping;
  /** Maintenance windows (chat.muteTimes), listed with the silences. */
  muteTimes?: MuteTime[];
  /** remediation.rules, so "explain" can say why an anomaly has no proposal. */
  remediationRules?: RemediationRule[];
}

export const HELP = [
  'I answer from the live data. Try:',
  '• "what\'s current CPU?", "cpu on web-1", "memory of the db", "disk", "how is api-2 doing"',
  '• "cpu on web-1 an hour ago", "peak memory on db-1 over the last 6h", "which host had the highest cpu today"',
  '• "is disk filling up on db-1?", "memory trend over the last 24h", "when will db-1 run out of space?"',
  '• "anything wrong?", "summarise the last 3 anomalies", "anomalies today", "what happened on web-1", "explain an_…"',
  '• "status", "pending approvals", "remediation history"',
  '• "approve rp_…", "deny rp_…" (approvers only)',
  '• "snooze web-1 cpu for 30m", "silences", "unsnooze web-1"',
  '• "ack web-1" or "ack an_…" (I have it: no reminders), "unack web-1"',
  '• "timeline an_…" (or "timeline" in an alert\'s thread): what happened and who did what',
].join('\n');

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function latestBy(store: Store): Map<string, Map<string, Sample>> {
  const m = new Map<string, Map<string, Sample>>();
  for (const s of store.latestSamples()) (m.get(s.target) ?? m.set(s.target, new Map()).get(s.target)!).set(s.metric, s);
  return m;
}

function unknownTargetReply(name: string, targets: TargetRef[]): string {
  return `I don't know a target called ${quoteUntrusted(name)}. Targets: ${targets.map((t) => t.name).join(', ') || 'none yet'}.`;
}

function answerMetrics(i: Extract<Intent, { kind: 'metrics' }>, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  if (i.span)
    return answerMetricSpan({ metric: i.metric, target: i.target, group: i.group, span: i.span, stat: i.stat, limit: i.limit }, c);
  // "Peak CPU on web-1" asks about a stretch of time, not the latest reading: the last hour.
  if (i.stat && i.target)
    return answerMetricSpan({ metric: i.metric, target: i.target, span: { kind: 'last', ms: 3_600_000 }, stat: i.stat }, c);
  const latest = latestBy(c.store);
  const asked = i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name));
  const metrics = i.metric ? METRICS_OF[i.metric] : ALL_METRICS;
  // A table lists the targets that report what was asked; the others are named once below it rather
  // than as rows of "-" (db-1 has no latency), so a ranking is never padded with them.
  const names = asked.filter((n) => metrics.some((m) => latest.get(n)?.has(m)));
  const absent = asked.filter((n) => !names.includes(n));
  if (!i.target && latest.size === 0) return 'No samples yet: the first tick has not completed. Try again in a few seconds.';

  if (i.target) {
    const t = i.target;
    const got = metrics.map((m) => latest.get(t)?.get(m)).filter((s): s is Sample => Boolean(s));
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
  if (i.stat === 'max' || i.stat === 'min') {
    const v = (n: string) => latest.get(n)?.get(shown[0] ?? '')?.value ?? (i.stat === 'max' ? -Infinity : Infinity);
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
  const title = i.metric ? `Current ${METRIC_LABEL[metrics[0]!] ?? i.metric}` : 'Current metrics';
  const count =
    ranked.length < names.length
      ? `the ${i.stat === 'min' ? 'lowest' : 'highest'} ${ranked.length} of ${names.length} targets`
      : plural(names.length, 'target');
  return `${rankLine(i.stat, shown[0], names, latest)}${title} for ${count}:\n${table(['target', ...shown.map((m) => METRIC_LABEL[m] ?? m), 'at'], rows)}${footer}`;
}

/** The highest (or lowest) of the readings; `got` is not empty. */
const extreme = (got: Sample[], highest: boolean) => got.reduce((a, s) => ((highest ? s.value > a.value : s.value < a.value) ? s : a));

function targetHeadline(target: string, c: AnswerContext): string {
  const state = c.store.targetStates().find((x) => x.target === target)?.state ?? 'unknown';
  const open = c.store.openAnomalies().filter((a) => a.target === target);
  const worst = open.some((a) => a.severity === 'critical') ? ' (critical)' : '';
  const said = state === 'up' ? 'up, reporting' : state === 'silent' ? 'SILENT: not reporting' : 'state unknown';
  return `${target}: ${said}; ${plural(open.length, 'open anomaly', 'open anomalies')}${worst}.`;
}

/** "Hosts with cpu above 80%": the targets whose latest reading is past the bound, highest first. */
function answerBound(
  bound: { above: boolean; value: number },
  metric: string,
  names: string[],
  latest: Map<string, Map<string, Sample>>,
  c: AnswerContext,
): string {
  const got = names.map((n) => latest.get(n)?.get(metric)).filter((s): s is Sample => Boolean(s));
  const past = got.filter((s) => (bound.above ? s.value > bound.value : s.value < bound.value));
  past.sort((a, z) => (bound.above ? z.value - a.value : a.value - z.value));
  const label = METRIC_LABEL[metric] ?? metric;
  const side = `${bound.above ? 'above' : 'below'} ${formatValue(metric, bound.value)}`;
  if (past.length === 0) {
    const e = extreme(got, bound.above);
    return `No target has ${label} ${side} now (${bound.above ? 'highest' : 'lowest'}: ${e.target} ${formatValue(metric, e.value)}).`;
  }
  return `${past.length} of ${got.length} targets have ${label} ${side} now:\n${table(
    ['target', label, 'at'],
    past.map((s) => [s.target, formatValue(metric, s.value), `${stamp(s.ts).slice(11)}${c.now - s.ts > c.staleAfterMs ? ' STALE' : ''}`]),
  )}`;
}

/** "Which host has the highest memory?": the answer first, then the table sorted by that column. */
function rankLine(stat: Stat | undefined, metric: string | undefined, names: string[], latest: Map<string, Map<string, Sample>>): string {
  if (!stat || !metric) return '';
  const got = names.map((n) => latest.get(n)?.get(metric)).filter((s): s is Sample => Boolean(s));
  if (got.length === 0) return '';
  const label = METRIC_LABEL[metric] ?? metric;
  if (stat === 'avg')
    return `Average ${label} across ${got.length} targets now: ${formatValue(metric, got.reduce((a, s) => a + s.value, 0) / got.length)}.\n`;
  const best = extreme(got, stat === 'max');
  return `${stat === 'max' ? 'Highest' : 'Lowest'} ${label} now: ${best.target} ${formatValue(metric, best.value)}.\n`;
}

function answerAnomalies(i: Extract<Intent, { kind: 'anomalies' }>, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const dayStart = c.now - (c.now % 86_400_000);
  // Anomalies that started in the span, like "today" always meant.
  let since = i.today ? dayStart : 0;
  let until = Infinity;
  let when = i.today ? ' today (UTC)' : '';
  if (i.span?.kind === 'last') [since, when] = [c.now - i.span.ms, ` in the last ${formatDuration(i.span.ms)}`];
  else if (i.span?.kind === 'at') [since, when] = [c.now - i.span.agoMs, ` since ${stamp(c.now - i.span.agoMs)}`];
  else if (i.span?.kind === 'day' && i.span.daysBack === 1) [since, until, when] = [dayStart - 86_400_000, dayStart, ' yesterday (UTC)'];
  // "Open" means open now, however long ago it started. A count reads them all (up to a cap it
  // then admits to); a list only needs the newest, but its total admits to the cap as well.
  const cap = i.count ? COUNT_CAP : 500;
  let list = i.open ? c.store.openAnomalies() : c.store.recentAnomalies(cap, since);
  const capped = !i.open && list.length >= cap;
  list = list.filter((a) => a.startTs >= since && a.startTs < until);
  if (i.target) list = list.filter((a) => a.target === i.target);
  if (i.group) list = list.filter((a) => i.group!.includes(a.target));
  if (i.severity) list = list.filter((a) => a.severity === i.severity);
  const kind = `${i.open ? 'open ' : ''}${i.severity ? `${i.severity} ` : ''}`;
  const scope = `${i.target ? ` on ${i.target}` : i.group ? ` on ${i.group.join(', ')}` : ''}${when}`;
  if (list.length === 0) return `No ${kind}anomalies${scope}.`;
  const atLeast = capped ? 'at least ' : '';
  // A change on many targets at once is one line (and one message, as the notifier sent it).
  const { events, singles } = i.target ? { events: [], singles: list } : groupFleetEvents(list, c.fleetGrouping);
  const what = `${kind}anomal${list.length === 1 ? 'y' : 'ies'}${scope}`;
  if (i.count) return countAnomalies(list, atLeast, what, !i.open, events);
  const lines = [
    ...events.map((e) => ({ ts: e.startTs, text: `• ${describeFleetEvent(e)}` })),
    ...singles.map((a) => ({ ts: a.startTs, text: `• ${describeAnomaly(a, c.now)}${a.summary ? ` — ${a.summary}` : ''}` })),
  ].sort((a, z) => z.ts - a.ts);
  const shown = lines.slice(0, i.limit);
  const open = list.filter((a) => a.status === 'open').length;
  const inEvents = events.reduce((n, e) => n + e.members.length, 0);
  const fleetNote = events.length
    ? `, ${inEvents} of them in ${events.length === 1 ? 'one fleet-wide event' : `${events.length} fleet-wide events`}`
    : '';
  const head = `${atLeast}${list.length} ${what}${i.open ? '' : `, ${open} open`}${fleetNote}; ${shown.length === lines.length ? 'all' : `the last ${shown.length}`}:`;
  return [head, ...shown.map((l) => l.text)].join('\n');
}

/** "fleet-wide: disk on 12 targets (robust) from …, 3 open — e.g. an_… web-1: …". */
function describeFleetEvent(e: FleetEvent): string {
  const open = e.members.filter((a) => a.status === 'open').length;
  const first = e.members[0]!;
  return (
    `fleet-wide: ${METRIC_LABEL[e.metric] ?? e.metric} on ${e.targets} targets (${e.detector}) from ${stamp(e.startTs)}, ` +
    `${open ? `${open} open` : 'all resolved'} — e.g. ${first.id} ${first.target}${first.summary ? `: ${first.summary}` : ''}`
  );
}

/** "How many alerts this week?": totals by severity, target, metric and detector, largest first. */
const COUNT_CAP = 100_000;

function countAnomalies(list: Anomaly[], atLeast: string, what: string, sayOpen: boolean, events: FleetEvent[]): string {
  const by = (key: (a: Anomaly) => string) => {
    const m = new Map<string, number>();
    for (const a of list) m.set(key(a), (m.get(key(a)) ?? 0) + 1);
    return [...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  };
  const line = (title: string, rows: [string, number][]) =>
    `${title}: ${rows
      .slice(0, 10)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}${rows.length > 10 ? `, and ${rows.length - 10} more` : ''}`;
  const open = list.filter((a) => a.status === 'open').length;
  return [
    `${atLeast}${list.length} ${what}${sayOpen ? `, ${open} open` : ''}.`,
    line(
      'By severity',
      by((a) => a.severity),
    ),
    line(
      'By target',
      by((a) => a.target),
    ),
    line(
      'By metric',
      by((a) => METRIC_LABEL[a.metric] ?? a.metric),
    ),
    line(
      'By detector',
      by((a) => a.detector),
    ),
    ...(events.length
      ? [
          `Fleet-wide (one kind on many targets at once): ${events
            .slice(0, 5)
            .map((e) => `${METRIC_LABEL[e.metric] ?? e.metric} (${e.detector}) on ${e.targets} targets from ${stamp(e.startTs)}`)
            .join('; ')}${events.length > 5 ? `; and ${events.length - 5} more` : ''}`,
        ]
      : []),
    'Ask without "how many" for the list.',
  ].join('\n');
}

function answerStatus(c: AnswerContext): string {
  const latest = latestBy(c.store);
  const open = c.store.openAnomalies();
  const pending = c.store.listProposals({ states: ['proposed'], limit: 100 });
  const states = new Map(c.store.targetStates().map((t) => [t.target, t.state]));
  const rows = c.targets.map((t) => {
    const row = latest.get(t.name);
    const newest = Math.max(0, ...[...(row?.values() ?? [])].map((s) => s.ts));
    const f = (m: string) => (row?.get(m) ? formatValue(m, row.get(m)!.value) : '-');
    const stale = newest && c.now - newest > c.staleAfterMs ? ' STALE' : '';
    return [
      t.name,
      (states.get(t.name) ?? 'unknown') + stale,
      f('cpu'),
      f('memory'),
      f('disk'),
      String(open.filter((a) => a.target === t.name).length),
    ];
  });
  const newest = Math.max(0, ...c.store.latestSamples().map((s) => s.ts));
  return [
    `${plural(c.targets.length, 'target')}, ${plural(open.length, 'open anomaly', 'open anomalies')}, ${plural(pending.length, 'pending approval')}. Latest data ${newest ? when(newest, c.now, c.staleAfterMs) : 'none yet'}.`,
    table(['target', 'state', 'CPU', 'memory', 'disk', 'anomalies'], rows),
  ].join('\n');
}

function answerPending(c: AnswerContext): string {
  const pending = c.store.listProposals({ states: ['proposed'], limit: 50 });
  if (pending.length === 0) return 'No proposals are waiting for approval.';
  return [
    `${pending.length} waiting for approval:`,
    ...pending.map(
      (p) =>
        `• ${p.id}: ${p.action} on ${p.target} — ${p.reason} (expires ${stamp(p.expiresTs)}, in ${formatDuration(p.expiresTs - c.now)})`,
    ),
    'Answer with "approve <id>" or "deny <id>".',
  ].join('\n');
}

function answerHistory(limit: number, c: AnswerContext): string {
  const done = c.store.listProposals({ states: ['succeeded', 'failed', 'denied', 'expired', 'withdrawn', 'running', 'approved'], limit });
  if (done.length === 0) return 'No remediation has run or been decided yet.';
  return [
    done.length === 1 ? 'The last remediation:' : `The last ${done.length} remediations:`,
    ...done.map((p) => `• ${stamp(p.updatedTs)} ${describeProposal(p)}`),
  ].join('\n');
}

/**
 * "Restart nginx on api-1": nothing typed in chat becomes an action or its parameters (decision
 * 0003), so the reply says how remediations do happen and what is waiting for approval there.
 */
function answerActionRequest(i: Extract<Intent, { kind: 'action_request' }>, c: AnswerContext): string {
  const lines = [
    `I don't run commands typed in chat: nothing was done. Remediations (${ACTIONS.join(', ')}) are proposed by the pipeline when an anomaly matches a rule in config (remediation.rules) and run when an approver says "approve rp_…" or presses Approve.`,
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

export function answerSilences(c: AnswerContext): string {
  const list = c.store.chat.silences(c.now);
  const windows = (c.muteTimes ?? []).map(
    (m) => `• ${m.name}: ${describeWindow(m)}, ${describeMatch(m.match)}${inWindow(m, c.now) ? ' (in effect now)' : ''}`,
  );
  const tail = windows.length > 0 ? ['Maintenance windows (alerts opening inside are held until they end):', ...windows] : [];
  if (list.length === 0) return ['Nothing is silenced.', ...tail].join('\n');
  return [
    'Silenced:',
    ...list.map(
      (s) =>
        `• ${s.id}: ${s.target === '*' ? 'all targets' : s.target} / ${s.metric === '*' ? 'all metrics' : s.metric} until ${stamp(s.untilTs)} (by ${s.createdBy})`,
    ),
    ...tail,
  ].join('\n');
}

/** Read-only intents, answered from the store. Decisions and silences go through the chat service. */
export function answerIntent(i: Intent, c: AnswerContext): string {
  switch (i.kind) {
    case 'metrics':
      return answerMetrics(i, c);
    case 'trend':
      return i.unknownTarget && !i.target ? unknownTargetReply(i.unknownTarget, c.targets) : answerTrend(i, c);
    case 'anomalies':
      return answerAnomalies(i, c);
    case 'explain':
      return answerExplain(i.id, c, i.target);
    case 'timeline':
      return answerTimeline(i, c);
    case 'attention':
      return i.unknownTarget && !i.target && !i.group ? unknownTargetReply(i.unknownTarget, c.targets) : answerAttention(i, c);
    case 'status':
      return answerStatus(c);
    case 'pending':
      return answerPending(c);
    case 'history':
      return answerHistory(i.limit, c);
    case 'silences':
      return answerSilences(c);
    case 'action_request':
      return answerActionRequest(i, c);
    case 'help':
      return HELP;
    case 'bad_input':
      return `I can't take that: ${i.reason}.`;
    case 'unknown':
      return `I'm not sure what you mean. ${HELP}`;
    default:
      return HELP;
  }
}
