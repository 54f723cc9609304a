import { answerSlo } from './answer-slo.js';
import { SLO_WHAT } from './uncollected-words.js';
import { scopeOf } from './scope-of.js';
import { withExact } from './answer-exact.js';
import type { Sample } from '../core/sample.js';
import { ALL_METRICS, answerMetricSpan, isWindowed, METRICS_OF, metricsOf } from './answer-metric-span.js';
import { FREE_OF, withFreeFigures } from './free-figures.js';
import { answerAttention } from './answer-attention.js';
import { answerTimeline } from './alert-timeline.js';
import { answerExplain, answerQuiet, answerWhy } from './answer-explain.js';
import { answerTrend } from './answer-trend.js';
import { formatValue, METRIC_LABEL, noGroupReply, stamp, table, unknownTargetReply, when, withBits } from './format-reply.js';
import { answerAnomalies } from './answer-anomalies.js';
import { answerChart } from './answer-chart.js';
import type { Intent } from './parse-intent.js';
import { pairHourTable, rankLine } from './rank-line.js';
import { plural } from './text-tools.js';
import { answerAckStatus } from './answer-ack-status.js';
import { answerCompareSpans } from './answer-compare-spans.js';
import { answerCompare } from './answer-compare.js';
import { answerRules } from './answer-rules.js';
import { answerFlatline } from './answer-flatline.js';
import { answerDecisionTimes } from './answer-decision-times.js';
import { answerUncollected } from './answer-uncollected.js';
import { answerAvailability } from './answer-availability.js';
import { answerAbout, answerDigestSchedule } from './answer-about.js';
import { answerPipeline } from './answer-pipeline.js';
import { answerPages } from './answer-pages.js';
import { answerResponders } from './answer-responders.js';
import { answerDependents } from './answer-dependents.js';
import { answerDeployCheck } from './answer-deploy-check.js';
import { answerRecovery } from './answer-recovery.js';
import { answerCancelWhich } from './answer-cancel-which.js';
import { answerOneLine } from './answer-one-line.js';
import { answerUnusualNow } from './answer-unusual-now.js';
import { answerIntegrations } from './answer-integrations.js';
import { answerCoAlerts } from './answer-co-alerts.js';
import { resolveAround } from './answer-around.js';
import { answerSuspect } from './answer-suspect.js';
import { answerBuckets } from './answer-buckets.js';
import { answerReadings } from './answer-readings.js';
import { answerValueCheck } from './answer-value-check.js';
import { answerWhyNoAction } from './answer-why-no-action.js';
import { answerRouting } from './answer-routing.js';
import { answerLastSeen } from './answer-last-seen.js';
import { answerHistory } from './answer-history.js';
import { answerTotal } from './answer-total.js';
import { duringIncident } from './during-incident.js';
import { answerByHour } from './answer-by-hour.js';
import { answerByGroup } from './answer-by-group.js';
import { latestBy } from './latest-by-target.js';
import { answerBound, drawnLines } from './answer-bound.js';
import { targetHeadline } from './target-headline.js';
import { answerInventory, placeLine } from './answer-inventory.js';
import { answerForestStatus } from './answer-forest-status.js';
import { answerCorrelate } from './answer-correlate.js';
import { clockReply } from './answer-clock.js';
import { answerCrossCorrelate } from './answer-cross-correlate.js';
import { answerRuleStats } from './answer-rule-stats.js';
import { answerDaypart } from './answer-daypart.js';
import { answerPeers } from './answer-peers.js';
import { HELP, helpFor, WRONG_REPLY } from './help-text.js';

export { HELP };
import { answerTimePast } from './answer-time-past.js';
import { answerAdvice } from './answer-advice.js';
import { answerDelivery } from './answer-delivery.js';
import { answerElsewhereView } from './answer-elsewhere-view.js';
import { answerCaughtFirst } from './answer-caught-first.js';
import { answerLoseOne } from './answer-lose-one.js';
import { answerConfirm } from './answer-confirm.js';
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
import { answerSilences } from './answer-silences.js';
import { answerStatus } from './answer-status.js';
import { answerAudit } from './answer-audit.js';
import { answerActionRequest, answerPending } from './answer-action-request.js';

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
  ...(i.ranked ? { ranked: true } : {}),
});

function answerMetrics(i: Extract<Intent, { kind: 'metrics' }>, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  const drawn = drawnLines(i, c);
  if ('reply' in drawn) return drawn.reply;
  i = drawn.read;
  if (i.byHour)
    return answerByHour(
      { metric: i.metric, target: i.target, group: i.group, span: i.span, lowest: i.byHour === 'min', ofDay: i.hourOfDay },
      c,
    );
  if (i.every && i.metric)
    return i.every === 'sample'
      ? answerReadings({ ...i, metric: i.metric }, c)
      : answerBuckets({ ...i, metric: i.metric, every: i.every }, c);
  // "How much bandwidth is web-1 using?": one host now has nothing to sum, so its readings; over a span, its volume.
  if (i.total && (!i.target || i.span)) return answerTotal(i, c);
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
      { metric: i.metric, target: i.target, group: i.group, span: i.span, bound: i.bound, ask: i.boundAsk, also: i.also, ...free },
      c,
    );
  if (i.span) return answerMetricSpan({ ...spanAsked(i), span: i.span, ...free }, c);
  // "Peak CPU on web-1", or a percentile for any number of targets, asks about the last hour, not the latest reading.
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
  // "Which hosts have no latency?": those it does not come from are the answer, not a footnote.
  if (i.missing && i.metric && !i.target) return missingLine(absent, asked.length, METRIC_LABEL[metrics[0]!] ?? i.metric);

  // "Is web-1 over 90%?": yes or no, with the figure.
  const also = i.also && { ...i.also, metric: METRICS_OF[i.also.metric][0]! };
  if (i.target && i.bound && i.metric && names.length) return answerBound(i.bound, metrics[0]!, names, latest, c, true, also);
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
  if (i.bound)
    return answerBound(i.bound, shown[0]!, names, latest, c, false, i.also && { ...i.also, metric: METRICS_OF[i.also.metric][0]! });
  // "Which host uses the most network?": both directions, ranked by their sum (a column of its own).
  const total = i.metric === 'network' && (i.stat === 'max' || i.stat === 'min') && shown.length === 2;
  if (total) withNetworkTotal(latest, shown);
  const rankBy = total ? 'net_total' : shown[0];
  // "Top 3" of now ranks by the reading whatever statistic was said: one reading has no average.
  if (i.stat === 'max' || i.stat === 'min' || i.limit) {
    const low = i.stat === 'min';
    const v = (n: string) => latest.get(n)?.get(rankBy ?? '')?.value ?? (low ? Infinity : -Infinity);
    names.sort((a, z) => (low ? v(a) - v(z) : v(z) - v(a)));
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
  // "Compare web-1 and web-2", "cpu on web-1 and web-2": the last hour beside the readings now.
  const hour = i.group?.length === 2 && names.length === 2 && !i.stat && !i.limit ? pairHourTable(names[0]!, names[1]!, shown, c) : '';
  return `${rankLine(i.stat, rankBy, names, latest, i.group?.length === 2 ? c : undefined)}${title} for ${count}:\n${table(['target', ...shown.map((m) => METRIC_LABEL[m] ?? m), 'at'], rows)}${hour}${footer}`;
}

const missingLine = (absent: string[], of: number, what: string) =>
  absent.length
    ? `${absent.length} of ${of} targets ${absent.length === 1 ? 'sends' : 'send'} no ${what}: ${absent.join(', ')}. The others do ("${what.toLowerCase()}" shows their readings).`
    : `Every one of the ${of} targets sends ${what}.`;

/** Adds each target's network in + out (both read) to its latest figures, and the column to `shown`. */
function withNetworkTotal(latest: Map<string, Map<string, Sample>>, shown: string[]): void {
  for (const [target, row] of latest) {
    const [a, b] = [row.get('net_in'), row.get('net_out')];
    if (a && b) row.set('net_total', { target, metric: 'net_total', ts: Math.min(a.ts, b.ts), value: a.value + b.value });
  }
  shown.push('net_total');
}

/** Read-only intents, answered from the store. Decisions and silences go through the chat service. */
export function answerIntent(i: Intent, c: AnswerContext): string {
  switch (i.kind) {
    case 'metrics': {
      if (i.incident) {
        const d = duringIncident(i, c.store, c.now);
        return 'reply' in d ? d.reply : `${d.head}\n${answerIntent(d.read, c)}`;
      }
      // "How much error budget is left for api latency?": the SLOs of that metric and those hosts.
      if (i.uncollected === SLO_WHAT) return answerSlo({ ...i, ...(i.metric ? { metrics: METRICS_OF[i.metric] } : {}) }, c);
      const each = [i, ...(i.more ?? []).map((metric) => ({ ...i, metric }))].map((q) => answerMetrics({ ...q, more: undefined }, c));
      const said = each.join('\n') + (i.uncollected ? `\nI don't collect ${i.uncollected}: no source here reads it.` : '');
      return withExact(i, i.bits ? withBits(said) : said, c);
    }
    case 'chart':
      return i.unknownTarget && !i.target ? unknownTargetReply(i.unknownTarget, c.targets) : answerChart(i, c);
    case 'trend':
      return i.unknownTarget && !i.target ? unknownTargetReply(i.unknownTarget, c.targets) : answerTrend(i, c);
    case 'anomalies':
      return answerAnomalies(i, c);
    case 'explain':
      if (i.first) return answerCaughtFirst(i, c);
      if (i.proposal) return explainProposalOf(i.proposal, c);
      if (i.remediation && !i.id) return answerWhyNoAction(i.target, i.metric, c, i.action);
      if (!i.id && i.metric && !i.latest && !i.span)
        return answerWhy(
          i.group ?? i.target,
          i.metric,
          c,
          answerMetrics({ kind: 'metrics', metric: i.metric, ...scopeOf({ target: i.target, named: i.group }) }, c),
          i.usual,
        );
      if (i.quiet && i.target) return answerQuiet(i.target, c);
      return answerExplain(i.id, c, {
        it: i.it,
        detector: i.detector,
        target: i.target,
        severity: i.severity,
        metric: i.metric,
        span: i.span,
        changes: i.changes,
        ...(i.metric && i.target && i.span
          ? { figure: () => answerMetrics({ kind: 'metrics', metric: i.metric, target: i.target, span: i.span }, c) }
          : {}),
      });
    case 'timeline':
      return answerTimeline(i, c);
    case 'rules':
      return answerRules(i, c);
    case 'compare':
      return i.spans ? answerCompareSpans({ ...i, spans: i.spans }, c) : answerCompare(i, c);
    case 'advice':
      return answerAdvice(i, c);
    case 'delivery':
      return answerDelivery(i, c);
    case 'flapping':
      return answerFlapping(i, c);
    case 'tune':
      return answerTune(i, c);
    case 'capacity':
      return i.lose ? answerLoseOne({ lost: i.target, group: i.group }, c) : answerCapacity(i, c);
    case 'change_impact':
      return answerChangeImpact(i, c);
    case 'schedule':
      return answerSchedule(c, i.aheadMs);
    case 'precedent':
      return answerPrecedent(i, c);
    case 'changes':
      return answerChanges(i, c);
    case 'anomaly_change':
      return answerAnomalyChange(i, c);
    case 'ack_status':
      return answerAckStatus(i, c);
    case 'uncollected':
      return i.what === SLO_WHAT ? answerSlo(i, c) : answerUncollected(i, c);
    case 'about':
      return i.starts ? answerStarts(i.starts, c, i.valid) : i.digest ? answerDigestSchedule(c) : answerAbout(c, i.collected, i.count);
    case 'availability':
      return answerAvailability(i, c);
    case 'inventory': {
      // "Describe api-1": where it runs (the targets file), then its overview.
      const t = i.full ? c.targets.find((x) => x.name === i.target) : undefined;
      return t ? `${placeLine(t)}\n${answerMetrics({ kind: 'metrics', target: t.name }, c)}` : answerInventory(i, c);
    }
    case 'pipeline':
      return answerPipeline(i, c);
    case 'pages':
      return answerPages(i, c);
    case 'value_check':
      return answerValueCheck(i, c);
    case 'responders':
      return answerResponders(i, c);
    case 'dependents':
      return answerDependents(i, c);
    case 'deploy_check':
      return answerDeployCheck(i, c);
    case 'recovery':
      return answerRecovery(i, c);
    case 'cancel_which':
      return answerCancelWhich(c);
    case 'one_line':
      return answerOneLine(c, i.target);
    case 'unusual_now':
      return answerUnusualNow(c);
    case 'flatline':
      return answerFlatline(i, c);
    case 'decision_times':
      return answerDecisionTimes(i, c);
    case 'integrations':
      return answerIntegrations(i, c);
    case 'co_alerts':
      return answerCoAlerts(i, c);
    case 'around': {
      if (i.part === 'suspect') return answerSuspect(i, c);
      const r = resolveAround(i, c);
      return typeof r === 'string' ? r : `${r.lead}\n${answerMetrics(r.metrics, c)}`;
    }
    case 'forest_status':
      return answerForestStatus(i, c);
    case 'correlate':
      return i.cross ? answerCrossCorrelate(i, c) : answerCorrelate(i, c);
    case 'rule_stats':
      return answerRuleStats(i, c);
    case 'daypart':
      return answerDaypart(i, c);
    case 'peers':
      return answerPeers(i, c);
    case 'audit':
      return answerAudit(i, c);
    case 'elsewhere':
      return answerElsewhereView(i, c);
    case 'routing':
      return answerRouting(i, c);
    case 'last_seen':
      return answerLastSeen(i, c);
    case 'attention':
      return i.unknownTarget && !i.target && !i.group ? unknownTargetReply(i.unknownTarget, c.targets) : answerAttention(i, c);
    case 'status':
      return answerStatus(c, i);
    case 'pending':
      return answerPending(c, i.deny);
    case 'my_requests':
      return answerMyRequests(i, c);
    case 'glossary':
      return answerGlossary(i, c);
    case 'history':
      return answerHistory(i, c);
    case 'silences':
      return answerSilences(c, i);
    case 'action_request':
      return answerActionRequest(i, c);
    case 'help':
      return helpFor(i.topic);
    case 'small_talk':
      if (i.clock) return clockReply(c, i.clockIn);
      if (i.ok) return 'OK.';
      if (i.confirm !== undefined) return answerConfirm(i.confirm, c);
      if (i.wrong) return WRONG_REPLY;
      return i.thanks ? 'You’re welcome.' : `Hello. ${answerStatus(c).split('\n')[0]} Ask "help" for what I answer.`;
    case 'bad_input':
      return /^Nothing \w+:/.test(i.reason) ? `${i.reason}.` : `I can't take that: ${i.reason}.`;
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
/** "Why was the scale up on web-2 proposed?": the latest proposal of that action and target, explained. */
function explainProposalOf(q: { action?: string; target?: string }, c: AnswerContext): string {
  const p = c.store.listProposals({ ...q, limit: 1 })[0];
  const what = [q.action, q.target && `on ${q.target}`].filter(Boolean).join(' ');
  return p ? `The latest ${what || 'proposal'}:\n${answerExplain(p.id, c)}` : `No ${what || 'remediation'} was proposed.`;
}
