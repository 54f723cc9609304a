import type { ThresholdRule } from '../config/schema.js';
import type { Store } from '../core/ports.js';
import { METRICS_OF } from '../bot/answer-metric-span.js';
import { answerTrend } from '../bot/answer-trend.js';
import { answerTimeline } from '../bot/alert-timeline.js';
import { formatValue, METRIC_LABEL } from '../bot/format-reply.js';
import { anomalyLabel, expectedText, figureMetric } from '../core/metrics.js';
import type { MetricKey } from '../bot/parse-intent.js';
import type { ToolSpec } from './llm-provider.js';
import { quoteData } from './grounding-context.js';

export interface ToolDeps {
  store: Store;
  targets: () => { name: string; role?: string | null }[];
  now: () => number;
  staleAfterMs: number;
  thresholds?: ThresholdRule[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const int = (v: unknown, lo: number, hi: number, dflt: number) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : dflt;
const hhmm = (ts: number) => `${new Date(ts).toISOString().slice(11, 19)}Z`;
const label = (m: string) => METRIC_LABEL[m] ?? m;
// The chat's metric words: network covers in and out, as "network trend" does in chat.
const TREND_METRICS = Object.keys(METRICS_OF) as MetricKey[];

/**
 * Read-only tools the model may call for detail the context left out. None of them can run,
 * approve or change anything: actions only ever go through the approval buttons.
 */
export const TOOL_SPECS: ToolSpec[] = [
  {
    name: 'current_metrics',
    description: 'Latest reading of each metric, for one target or the whole fleet (at most 50 rows).',
    parameters: {
      type: 'object',
      properties: {
        target: { type: 'string', description: 'target name; omit for all' },
        metric: { type: 'string', enum: ['cpu', 'memory', 'disk', 'net_in', 'net_out', 'latency_ms'] },
      },
    },
  },
  {
    name: 'list_anomalies',
    description: 'Recent anomalies, newest first, with observed, expected and peak figures.',
    parameters: {
      type: 'object',
      properties: {
        target: { type: 'string' },
        status: { type: 'string', enum: ['open', 'all'] },
        limit: { type: 'integer', minimum: 1, maximum: 20 },
      },
    },
  },
  {
    name: 'metric_series',
    description: 'One metric of one target over the last N minutes: min, avg, max and up to 30 evenly spaced points.',
    parameters: {
      type: 'object',
      properties: {
        target: { type: 'string' },
        metric: { type: 'string', enum: ['cpu', 'memory', 'disk', 'net_in', 'net_out', 'latency_ms'] },
        minutes: { type: 'integer', minimum: 5, maximum: 1440 },
      },
      required: ['target', 'metric'],
    },
  },
  {
    name: 'metric_trend',
    description:
      'Robust straight-line trend of one metric (one target, or each target) over the last N hours: rate per hour, fitted start and end, scatter, and when it would reach its threshold or 100% (within 4x the window). Use it for any claim about a trend or a forecast.',
    parameters: {
      type: 'object',
      properties: {
        target: { type: 'string', description: 'target name; omit for every target' },
        metric: { type: 'string', enum: TREND_METRICS },
        hours: { type: 'integer', minimum: 1, maximum: 168 },
      },
      required: ['metric'],
    },
  },
  {
    name: 'list_proposals',
    description: 'Remediation proposals: pending ones, or the most recent decisions and outcomes.',
    parameters: { type: 'object', properties: { which: { type: 'string', enum: ['pending', 'recent'] } } },
  },
  { name: 'list_silences', description: 'Active alert silences.', parameters: { type: 'object', properties: {} } },
  {
    name: 'alert_timeline',
    description:
      'What happened to one alert, in order: when its anomalies opened and resolved, where it was posted, who acknowledged or silenced it, and each remediation step with its output. Use it to summarise an incident.',
    parameters: {
      type: 'object',
      properties: { id: { type: 'string', description: 'an anomaly id (an_…) or a proposal id (rp_…)' } },
      required: ['id'],
    },
  },
];

export function createContextTools(d: ToolDeps) {
  const names = () => d.targets().map((t) => t.name);
  const unknown = (t: string) => `error: no target named ${quoteData(t, 40)}; targets include ${names().slice(0, 20).join(', ')}`;
  const known = (t: string | undefined) => t === undefined || names().includes(t);

  const tools: Record<string, (a: Record<string, unknown>) => string> = {
    current_metrics(a) {
      const target = str(a.target);
      const metric = str(a.metric);
      if (!known(target)) return unknown(target!);
      const rows = d.store
        .latestSamples()
        .filter((s) => (!target || s.target === target) && (!metric || s.metric === metric))
        .slice(0, 50);
      if (!rows.length) return 'no readings match';
      const now = d.now();
      return rows
        .map(
          (s) =>
            `[${s.target} ${label(s.metric)} @${hhmm(s.ts)}${now - s.ts > d.staleAfterMs ? ' STALE' : ''}] ${formatValue(s.metric, s.value)}`,
        )
        .join('\n');
    },
    list_anomalies(a) {
      const target = str(a.target);
      if (!known(target)) return unknown(target!);
      const limit = int(a.limit, 1, 20, 5);
      const all = a.status === 'open' ? d.store.openAnomalies() : d.store.recentAnomalies(200);
      const rows = all.filter((x) => !target || x.target === target).slice(0, limit);
      if (!rows.length) return 'no anomalies match';
      return rows
        .map(
          (x) =>
            `[${x.id} ${x.target} ${anomalyLabel(x)}] ${x.status} ${x.severity} ${x.detector}:${x.detector === 'alertmanager' ? ' no value sent,' : ` observed ${formatValue(figureMetric(x), x.observed)}, ${expectedText(x)}, peak ${formatValue(figureMetric(x), x.peak)},`} from ${hhmm(x.startTs)}${x.endTs ? ` to ${hhmm(x.endTs)}` : ''}; summary ${quoteData(x.summary)}`,
        )
        .join('\n');
    },
    metric_series(a) {
      const target = str(a.target);
      const metric = str(a.metric);
      if (!target || !metric) return 'error: target and metric are required';
      if (!known(target)) return unknown(target);
      const minutes = int(a.minutes, 5, 1440, 60);
      const now = d.now();
      const pts = d.store.series(target, metric, now - minutes * 60_000, now);
      if (!pts.length) return `no ${label(metric)} readings for ${target} in the last ${minutes} min`;
      const vals = pts.map((p) => p.value);
      const avg = vals.reduce((x, y) => x + y, 0) / vals.length;
      const step = Math.max(1, Math.ceil(pts.length / 30));
      const sampled = pts.filter((_, i) => i % step === 0 || i === pts.length - 1);
      return [
        `[${target} ${label(metric)} last ${minutes} min] ${pts.length} readings: min ${formatValue(metric, Math.min(...vals))}, avg ${formatValue(metric, avg)}, max ${formatValue(metric, Math.max(...vals))}`,
        `[${target} ${label(metric)} points] ${sampled.map((p) => `${hhmm(p.ts)} ${formatValue(metric, p.value)}`).join(', ')}`,
      ].join('\n');
    },
    metric_trend(a) {
      const target = str(a.target);
      const metric = str(a.metric);
      if (!known(target)) return unknown(target!);
      if (!metric || !(TREND_METRICS as string[]).includes(metric)) return `error: metric must be one of ${TREND_METRICS.join(', ')}`;
      const hours = int(a.hours, 1, 168, 6);
      const text = answerTrend(
        { metric: metric as MetricKey, ...(target ? { target } : {}), span: { kind: 'last', ms: hours * 3_600_000 } },
        { store: d.store, targets: d.targets(), now: d.now(), staleAfterMs: d.staleAfterMs, thresholds: d.thresholds },
      );
      return `[${target ?? 'fleet'} ${metric} trend, last ${hours} h]\n${text}`;
    },
    list_proposals(a) {
      const rows =
        a.which === 'recent'
          ? d.store.listProposals({ states: ['approved', 'denied', 'expired', 'withdrawn', 'running', 'succeeded', 'failed'], limit: 10 })
          : d.store.listProposals({ states: ['proposed'], limit: 10 });
      if (!rows.length) return 'none';
      return rows
        .map(
          (p) =>
            `[${p.id} ${p.action} on ${p.target}] ${p.state}${p.decidedBy ? ` by ${quoteData(p.decidedBy, 40)}` : ''}, proposed ${hhmm(p.createdTs)}; reason ${quoteData(p.reason, 120)}${p.result ? `; result ${quoteData(p.result, 120)}` : ''}`,
        )
        .join('\n');
    },
    alert_timeline(a) {
      const id = str(a.id);
      if (!id || !/^(an|rp)_[a-z0-9]{3,40}$/.test(id)) return 'error: give an anomaly id (an_…) or a proposal id (rp_…)';
      return answerTimeline({ id }, { store: d.store, targets: d.targets(), now: d.now(), staleAfterMs: d.staleAfterMs });
    },
    list_silences() {
      const rows = [...d.store.chat.silences(d.now()), ...d.store.chat.scheduledSilences(d.now())];
      return rows.length
        ? rows
            .map(
              (s) =>
                `[${s.id}] ${s.target === '*' ? 'all targets' : s.target} ${s.metric === '*' ? '' : label(s.metric)}${s.startsTs ? ` scheduled from ${new Date(s.startsTs).toISOString().slice(0, 16)}Z` : ''} until ${hhmm(s.untilTs)}`,
            )
            .join('\n')
        : 'no active silences';
    },
  };

  return {
    specs: TOOL_SPECS,
    /** Never throws: a bad call becomes an error string the model can read. */
    run(name: string, args: Record<string, unknown>): string {
      const fn = Object.hasOwn(tools, name) ? tools[name] : undefined;
      if (!fn)
        return `error: there is no tool called ${quoteData(name, 40)}; tools are read-only: ${TOOL_SPECS.map((t) => t.name).join(', ')}`;
      try {
        return fn(args ?? {}).slice(0, 6000);
      } catch (err) {
        return `error: ${(err as Error).message}`;
      }
    },
  };
}

export type ContextTools = ReturnType<typeof createContextTools>;
