import { sloTargets, type Slo, type SloReport } from '../core/slo-report.js';
import type { AnswerContext } from './answer-context.js';
import { formatValue, METRIC_LABEL } from './format-reply.js';

/** "What SLOs do we have?", "which hosts have no SLO?", "add an SLO for db-1 memory under 80%". */
export type CatalogueAsk = 'list' | 'uncovered' | 'add';

const LIST =
  /\b(?:what|which|list|show)\b(?:\s+(?:are|is|me))?\s+(?:the\s+|our\s+|all\s+)?slos\b|\bslos (?:do we have|are (?:there|set|defined|configured))\b|\bhow many slos\b|^slos\??$/i;
const UNCOVERED =
  /\b(?:no|without(?: an?)?|not covered by(?: an?| any)?|missing(?: an?)?|lack(?:s|ing)?(?: an?)?) slos?\b|\bnot (?:covered|under) (?:by )?(?:an? |any )?slos?\b|\bslo coverage\b|\bcovered by (?:an? |any )?slos?\b/i;
const ADD = /\b(?:add|create|set up|setup|define|make|configure|new)\b.*\bslos?\b|\bslos?\b.*\b(?:add|create|define)\b/i;

/** Which catalogue question, if any, the text asks. Pure. */
export function catalogueAsk(text: string): CatalogueAsk | undefined {
  return ADD.test(text) ? 'add' : UNCOVERED.test(text) ? 'uncovered' : LIST.test(text) ? 'list' : undefined;
}

const boundOf = (slo: Slo) =>
  slo.goodBelow !== undefined ? `under ${formatValue(slo.metric, slo.goodBelow)}` : `above ${formatValue(slo.metric, slo.goodAbove!)}`;
const scopeOf = (slo: Slo, c: Pick<AnswerContext, 'targets'>) =>
  slo.targets
    ? slo.targets.join(', ')
    : slo.role
      ? `role ${slo.role} (${sloTargets(slo, c.targets).join(', ') || 'none now'})`
      : 'every target';

/** "What SLOs do we have?": one line each, what it asks of which targets and where it stands; the report is "error budget". */
export function listSlos(slos: readonly Slo[], report: (slo: Slo) => SloReport, c: Pick<AnswerContext, 'targets'>): string {
  const lines = slos.map((slo) => {
    const r = report(slo);
    const now =
      r.verdict === 'no_data'
        ? 'no samples yet'
        : `${r.verdict === 'at_risk' ? 'at risk' : r.verdict}, ${Math.round(r.spent * 100)}% of the budget spent`;
    return `• ${slo.name}: ${METRIC_LABEL[slo.metric] ?? slo.metric} ${boundOf(slo)} in ${slo.objective}% of samples over ${slo.windowDays} d, on ${scopeOf(slo, c)}: ${now}`;
  });
  return [
    `${slos.length} SLO${slos.length === 1 ? '' : 's'} (config slos):`,
    ...lines,
    '"Error budget" gives each one\'s figures and burn rates.',
  ].join('\n');
}

/** "Which hosts have no SLO?": the targets no SLO covers, and each SLO's. */
export function uncoveredTargets(slos: readonly Slo[], c: Pick<AnswerContext, 'targets'>): string {
  const covered = new Map<string, string[]>();
  for (const slo of slos) for (const t of sloTargets(slo, c.targets)) covered.set(t, [...(covered.get(t) ?? []), slo.name]);
  const none = c.targets.map((t) => t.name).filter((t) => !covered.has(t));
  const head = none.length
    ? `No SLO covers ${none.length} of ${c.targets.length} targets: ${none.join(', ')}.`
    : `Every target (${c.targets.length}) is covered by at least one SLO.`;
  const each = [...covered].map(([t, names]) => `${t} (${names.join(', ')})`);
  return [head, ...(each.length ? [`Covered: ${each.join(', ')}.`] : [])].join('\n');
}

export interface SloDraftAsk {
  target?: string | undefined;
  group?: string[] | undefined;
  metrics?: string[] | undefined;
  bound?: { above: boolean; value: number } | undefined;
  /** What the question said of the objective and the window (draftSaid). */
  said?: { objective?: number; windowDays?: number } | undefined;
}

/** "99.9%" (not the bound's own number) and "over 7 days" in an ask to add an SLO. Pure. */
export function draftSaid(text: string): { objective?: number; windowDays?: number } {
  const objective = /(?<![\d.])(9\d(?:\.\d{1,3})?)\s*%(?!\s*(?:cpu|memory|disk))/.exec(text)?.[1];
  const days = /\b(\d{1,2})[\s-]*(?:d|days?)\b/.exec(text)?.[1];
  return { ...(objective ? { objective: Number(objective) } : {}), ...(days ? { windowDays: Math.min(90, Number(days)) } : {}) };
}

/**
 * "Add an SLO for db-1 memory under 80%": config is validated once at boot, so chat does not change
 * it; the entry to paste, from what the question said (the metric, the hosts or their role, the
 * bound, an objective like "99.9%" and a window like "over 7 days"), with the defaults named.
 */
export function draftSlo(ask: SloDraftAsk, c: Pick<AnswerContext, 'targets' | 'slos'>): string {
  const lead = 'SLOs are set in config (slos), not in chat: config is checked once when I start.';
  const metric = ask.metrics?.length === 1 ? ask.metrics[0] : undefined;
  if (!metric || !ask.bound)
    return `${lead} Say the metric and the bound ("add an SLO for db-1 memory under 80%", "api latency below 300 ms 99.9% over 7 days") and I will write the entry to paste.`;
  const names = ask.target ? [ask.target] : ask.group;
  const roles = new Set(c.targets.filter((t) => names?.includes(t.name)).map((t) => t.role));
  // A role said ("the api hosts") is the role, so a host added to it joins; one host named is that host.
  const role = !ask.target && names && roles.size === 1 ? [...roles][0] : undefined;
  const wholeRole = role && c.targets.filter((t) => t.role === role).length === names!.length;
  const scope = wholeRole ? { role } : names ? { targets: names } : {};
  // The bound's own number ("under 95%") is no objective.
  const said = ask.said?.objective === ask.bound.value ? { ...ask.said, objective: undefined } : ask.said;
  const objective = said?.objective ?? 99;
  const windowDays = said?.windowDays ?? 30;
  const who = wholeRole ? role : (names?.join('-') ?? 'all');
  const base = `${who}-${(METRIC_LABEL[metric] ?? metric).toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.replace(/^-+|-+$/g, '');
  const taken = (n: string) => c.slos?.some((x) => x.name === n) ?? false;
  let name = base;
  for (let k = 2; taken(name); k++) name = `${base}-${k}`;
  const entry = { name, metric, ...scope, [ask.bound.above ? 'goodAbove' : 'goodBelow']: ask.bound.value, objective, windowDays };
  const renamed = name !== base ? ` (${base} is taken)` : '';
  return [
    `${lead} To add this one, put it under "slos" and restart (or send SIGHUP to reload):`,
    JSON.stringify(entry),
    `A sample is good ${ask.bound.above ? 'above' : 'under'} ${formatValue(metric, ask.bound.value)}; ${objective}% of them over ${windowDays} d must be${defaults(said)}; named ${name}${renamed}. "smartcloudops config check" says whether the samples kept cover the window.`,
  ].join('\n');
}

function defaults(said: SloDraftAsk['said']): string {
  const filled = [
    ...(said?.objective === undefined ? ['the 99% objective'] : []),
    ...(said?.windowDays === undefined ? ['the 30-day window'] : []),
  ];
  return filled.length ? ` (${filled.join(' and ')} I filled in; say others to change them)` : '';
}
