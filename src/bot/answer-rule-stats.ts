import type { ForecastRule, ThresholdRule } from '../config/schema.js';
import type { Anomaly } from '../core/anomaly.js';
import { globMatch } from '../pipeline/remediate/plan-remediation.js';
import { verdictsBetween } from './alert-feedback.js';
import type { AnswerContext } from './answer-intent.js';
import { stamp, table } from './format-reply.js';
import { groupEpisodes } from './episodes.js';
import type { Intent } from './intent.js';
import { formatDuration, plural } from './text-tools.js';
import { watchingSince } from '../core/watching-since.js';
import { formatValue, METRIC_LABEL } from '../core/metrics.js';
import { METRICS_OF } from './answer-metric-span.js';

type Asked = Extract<Intent, { kind: 'rule_stats' }>;

const WEEK = 7 * 86_400_000;

/** Which threshold rule opened a threshold anomaly: its metric, target, severity and side; the first that fits. */
function thresholdOf(a: Anomaly, rules: readonly ThresholdRule[]): number {
  return rules.findIndex(
    (r) =>
      r.metric === a.metric &&
      (!r.target || globMatch(r.target, a.target)) &&
      r.severity === a.severity &&
      (a.observed > a.expectedHigh ? r.above !== undefined : a.observed < a.expectedLow ? r.below !== undefined : true),
  );
}

const label = (m: string) => METRIC_LABEL[m] ?? m;
/** "disk > 90% ×3 (critical)": short enough for a table row in chat. */
const thresholdName = (r: ThresholdRule) =>
  `${label(r.metric)}${r.target ? ` on ${r.target}` : ''} ${[r.above !== undefined ? `> ${formatValue(r.metric, r.above)}` : '', r.below !== undefined ? `< ${formatValue(r.metric, r.below)}` : ''].filter(Boolean).join(' or ')} ×${r.forSamples} (${r.severity})`;
/** "disk → 100% within 4 h (critical)". */
const forecastName = (r: ForecastRule) =>
  `${label(r.metric)}${r.target ? ` on ${r.target}` : ''} → ${formatValue(r.metric, r.reaches)} within ${formatDuration(r.withinMinutes * 60_000)} (${r.severity})`;

/**
 * Whether each forecast anomaly was borne out: the threshold on the same target and metric opened
 * within the rule's horizon after it, and how far ahead the forecast came.
 */
function forecastLines(list: readonly Anomaly[], all: readonly Anomaly[], rules: readonly ForecastRule[]): string[] {
  if (!list.length) return [];
  const leads: number[] = [];
  for (const f of list) {
    const horizon = (rules.find((r) => r.metric === f.metric)?.withinMinutes ?? 240) * 60_000;
    const hit = all.find(
      (a) =>
        a.detector === 'threshold' &&
        a.target === f.target &&
        a.metric === f.metric &&
        a.startTs >= f.startTs - 60_000 &&
        a.startTs <= f.startTs + horizon,
    );
    if (hit) leads.push(Math.max(0, hit.startTs - f.startTs));
  }
  leads.sort((x, z) => x - z);
  const median = leads.length ? leads[Math.floor(leads.length / 2)]! : 0;
  return [
    `Borne out: ${leads.length} of ${list.length} forecasts were followed by the threshold on the same target and metric within the rule's horizon${leads.length ? `, a median ${formatDuration(median)} ahead of it (longest ${formatDuration(leads.at(-1)!)})` : ''}; ${list.length - leads.length} were not (the value stopped short, or no threshold rule is set for it).`,
  ];
}

interface Row {
  name: string;
  list: Anomaly[];
}

/**
 * "Which rule fires most?", "which rule never fires?", "is the forecast rule useful?": each
 * configured rule and detector with what it opened over the span (a week by default, from when
 * watching began): episodes (one target and metric at overlapping times), anomalies, targets, how many
 * were acknowledged and how many people marked noise or useful. A rule that opened nothing is said so:
 * it may be set where nothing ever gets, or it may be what keeps a quiet fleet quiet.
 */
export function answerRuleStats(i: Asked, c: AnswerContext): string {
  const from = c.now - (i.spanMs ?? WEEK);
  // "How noisy is the disk rule?": that metric's rules and series; the forest and silent hosts judge whole hosts.
  const metrics = i.metric ? METRICS_OF[i.metric] : undefined;
  const ofMetric = (m: string) => !metrics || metrics.includes(m);
  const list = c.store.recentAnomalies(50_000, from).filter((a) => a.startTs >= from && ofMetric(a.metric));
  // Watched since: the data dir's first history, else the oldest anomaly kept (as the counts say it).
  const first = watchingSince(c.store) ?? list.reduce((m, a) => Math.min(m, a.startTs), c.now);
  const thresholds = c.thresholds ?? [];
  const forecasts = c.forecasts ?? [];
  const rows: Row[] = [
    ...thresholds.flatMap((r, k) =>
      ofMetric(r.metric)
        ? [
            {
              name: `threshold: ${thresholdName(r)}`,
              list: list.filter((a) => a.detector === 'threshold' && thresholdOf(a, thresholds) === k),
            },
          ]
        : [],
    ),
    ...forecasts
      .filter((r) => ofMetric(r.metric))
      .map((r: ForecastRule) => ({
        name: `forecast: ${forecastName(r)}`,
        list: list.filter((a) => a.detector === 'forecast' && a.metric === r.metric && (!r.target || globMatch(r.target, a.target))),
      })),
    {
      name: `robust statistics (every ${i.metric ? `${label(metrics![0]!)} series` : 'series'})`,
      list: list.filter((a) => a.detector === 'robust'),
    },
    ...(i.metric
      ? []
      : [
          { name: 'isolation forest (every host)', list: list.filter((a) => a.detector === 'iforest') },
          { name: 'silent hosts', list: list.filter((a) => a.detector === 'silence') },
        ]),
  ];
  // A threshold anomaly no rule fits any more (the rule was changed since): counted apart, not lost.
  const unmatched = list.filter((a) => a.detector === 'threshold' && thresholdOf(a, thresholds) < 0);
  if (unmatched.length) rows.push({ name: 'threshold rules no longer set', list: unmatched });
  const verdicts = verdictsBetween(c.store, from, c.now);
  const acked = (a: Anomaly) => c.store.chat.ackOfAnomaly(a.id) !== undefined;
  const only = i.detector ? rows.filter((r) => r.name.startsWith(i.detector!)) : rows;
  const shown = [...only].sort((x, z) => z.list.length - x.list.length);
  const span = `${formatDuration(c.now - Math.max(from, first))}${first > from ? ` (watched since ${stamp(first)})` : ''}`;
  const fired = shown.filter((r) => r.list.length);
  const silent = shown.filter((r) => !r.list.length);
  const lead = !list.length
    ? `No ${i.metric ? `${label(metrics![0]!)} ` : ''}anomaly at all in the last ${formatDuration(c.now - from)}: no rule or detector fired.`
    : !fired.length
      ? `${shown.length === 1 ? `The ${shown[0]!.name}` : `No ${i.detector ?? ''} rule`} opened nothing in the last ${span}.`
      : i.detector && fired.length === 1 && shown.length === 1
        ? `The ${shown[0]!.name}: ${plural(groupEpisodes(fired[0]!.list, c.now).length, 'episode')} on ${plural(new Set(fired[0]!.list.map((a) => a.target)).size, 'target')} in the last ${span}.`
        : i.never
          ? silent.length
            ? `Never fired in the last ${span}: ${silent.map((r) => r.name).join('; ')}.`
            : `Every rule and detector fired at least once in the last ${span}.`
          : `Most: ${fired[0]!.name}, ${plural(groupEpisodes(fired[0]!.list, c.now).length, 'episode')} (${plural(fired[0]!.list.length, 'anomaly', 'anomalies')}) in the last ${span}.`;
  const rowsOut = shown.map((r) => {
    const eps = groupEpisodes(r.list, c.now).length;
    const noise = r.list.filter((a) => verdicts.get(a.id) === 'noise').length;
    const useful = r.list.filter((a) => verdicts.get(a.id) === 'useful').length;
    return [
      r.name,
      String(eps),
      String(r.list.length),
      String(new Set(r.list.map((a) => a.target)).size),
      String(r.list.filter(acked).length),
      noise || useful ? `${noise}/${useful}` : '-',
    ];
  });
  // "Which alerts are safe to ignore?": none is called safe here; what people marked, and how often each rule fires, is the record.
  const ignore = i.ignore
    ? [
        'I never call an alert safe to ignore: each rule\'s record is below (how often it fires, how often someone took it on, what people marked as noise or useful); a rule that is all noise is one to tune ("suggest better thresholds").',
      ]
    : [];
  return [
    ...ignore,
    lead,
    table(['rule or detector', 'episodes', 'anomalies', 'targets', 'acked', 'noise/useful'], rowsOut),
    ...(i.never || !silent.length ? [] : [`${silent.length} never fired in that time (0 episodes above).`]),
    ...(i.detector === 'forecast'
      ? forecastLines(
          only.flatMap((r) => r.list),
          list,
          forecasts,
        )
      : []),
    'A rule that never fires may be set where nothing gets, or be what a quiet fleet looks like; "suggest better thresholds" replays a rule at other bounds, and "this alert is noise" in an alert\'s thread is counted here.',
  ].join('\n');
}
