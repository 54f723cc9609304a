import type { AnswerContext } from './answer-context.js';
import { formatValue, METRIC_LABEL, stamp, table } from './format-reply.js';
import { latestBy, newestOf } from './latest-by-target.js';
import { sayShare, thresholdShares, type ThresholdShare } from './nearest-thresholds.js';
import { plural } from './text-tools.js';

const DAY = 86_400_000;
const ROWS = 10;

interface Standing {
  target: string;
  reporting: boolean;
  lastTs?: number | undefined;
  critical: number;
  warning: number;
  /** Open anomalies' metrics, critical first. */
  openOn: string[];
  nearest?: ThresholdShare | undefined;
  lastDay: number;
}

/**
 * "Which host is worst right now?", "which host is in the worst shape?", "the unhealthiest host":
 * the targets ranked by how they stand now, not by their history ("which host alerts most" is
 * that). Not reporting first, then critical and then warning anomalies open, then the reading that
 * stands nearest (or furthest past) its threshold line, then anomalies begun in the last 24 h. The
 * leader and why, then the table. Pure over the store.
 */
export function answerWorst(c: AnswerContext, group?: readonly string[]): string {
  const targets = c.targets.filter((t) => !group || group.includes(t.name));
  if (targets.length === 0) return 'No targets to rank yet.';
  const latest = latestBy(c.store);
  const states = new Map(c.store.targetStates().map((t) => [t.target, t.state]));
  const open = c.store.openAnomalies();
  const recent = c.store.recentAnomalies(10_000, c.now - DAY, c.now);
  const shares = thresholdShares(
    targets.map((t) => t.name),
    c.thresholds ?? [],
    latest,
  );
  const rows: Standing[] = targets.map(({ name }) => {
    const mine = open
      .filter((a) => a.target === name)
      .sort((a, z) => (a.severity === 'critical' ? 0 : 1) - (z.severity === 'critical' ? 0 : 1));
    const lastTs = newestOf(latest, name);
    return {
      target: name,
      reporting: states.get(name) !== 'silent' && lastTs !== undefined && c.now - lastTs <= c.staleAfterMs,
      lastTs,
      critical: mine.filter((a) => a.severity === 'critical').length,
      warning: mine.filter((a) => a.severity === 'warning').length,
      openOn: [...new Set(mine.map((a) => METRIC_LABEL[a.metric] ?? a.metric))],
      nearest: shares.find((x) => x.s.target === name),
      lastDay: recent.filter((a) => a.target === name).length,
    };
  });
  rows.sort(
    (a, z) =>
      Number(a.reporting) - Number(z.reporting) ||
      z.critical - a.critical ||
      z.warning - a.warning ||
      (z.nearest?.share ?? 0) - (a.nearest?.share ?? 0) ||
      z.lastDay - a.lastDay ||
      a.target.localeCompare(z.target),
  );
  const shown = rows.slice(0, ROWS);
  const body = table(
    ['target', 'state', 'open (critical/warning)', 'nearest to a line', 'anomalies 24 h'],
    shown.map((r) => [
      r.target,
      r.reporting ? 'reporting' : r.lastTs ? `silent since ${stamp(r.lastTs).slice(11)}` : 'no data',
      r.critical + r.warning ? `${r.critical}/${r.warning} (${r.openOn.join(', ')})` : '0',
      r.nearest ? shareCell(r.nearest) : '-',
      String(r.lastDay),
    ]),
  );
  return [
    leadOf(rows[0]!, rows),
    body,
    ...(rows.length > ROWS ? [`and ${rows.length - ROWS} more, in better standing.`] : []),
    'Ranked by: not reporting, then critical and warning anomalies open, then the reading nearest (or past) its threshold line, then anomalies begun in the last 24 h. "Which host alerts most this week" ranks by history.',
  ].join('\n');
}

const shareCell = (x: ThresholdShare) => {
  const line = `${x.above ? 'above' : 'below'} ${formatValue(x.s.metric, x.line)}`;
  const where = x.share >= 1 ? `past its line, ${line}` : `${Math.round(x.share * 100)}% of the way to ${line}`;
  return `${METRIC_LABEL[x.s.metric] ?? x.s.metric} ${formatValue(x.s.metric, x.s.value)} (${where})`;
};

function leadOf(worst: Standing, rows: Standing[]): string {
  const calm = rows.every((r) => r.reporting && r.critical + r.warning === 0);
  if (calm)
    return `Nothing is open and all ${plural(rows.length, 'target')} report${rows.length === 1 ? 's' : ''}; nearest to a line: ${worst.nearest ? sayShare(worst.nearest) : 'no reading has a threshold rule'}.`;
  const why = [
    ...(worst.reporting ? [] : [worst.lastTs ? `not reporting since ${stamp(worst.lastTs)}` : 'no data yet']),
    ...(worst.critical + worst.warning
      ? [
          `${[worst.critical && `${worst.critical} critical`, worst.warning && `${worst.warning} warning`].filter(Boolean).join(' and ')} ${worst.critical + worst.warning === 1 ? 'anomaly' : 'anomalies'} open (${worst.openOn.join(', ')})`,
        ]
      : []),
    ...(worst.nearest && worst.nearest.share >= 0.8 ? [sayShare(worst.nearest).replace(`${worst.target} `, '')] : []),
  ];
  return `Worst now: ${worst.target}: ${why.join('; ')}.`;
}
