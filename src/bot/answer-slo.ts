import { createSloTracker } from '../core/slo-tracker.js';
import type { Intent } from './intent.js';
import { SLO_WHAT } from './uncollected-words.js';
import type { Slo } from '../config/slo-schema.js';
import type { AnswerContext } from './answer-context.js';
import { formatValue, METRIC_LABEL, stamp } from './format-reply.js';
import { BURN_WINDOWS, budgetLastsMs, sloTargets, type SloReport } from '../core/slo-report.js';
import { formatDuration, plural } from './text-tools.js';
import { sloOverSpan } from './answer-slo-span.js';
import { ninesLine } from './slo-nines.js';
import { catalogueAsk, draftSaid, draftSlo, listSlos, uncoveredTargets, type CatalogueAsk } from './answer-slo-catalogue.js';
import { findTimeSpan, type TimeSpan } from './parse-time-span.js';

const DAY = 86_400_000;
const n = (x: number) => x.toLocaleString('en-US');
const pct = (x: number) => `${x >= 0.99995 && x < 1 ? '99.99' : Number((x * 100).toFixed(2))}%`;
const times = (b: number) => `${b < 10 ? b.toFixed(1) : Math.round(b)}×`;

type Focus = 'left' | 'runs_out' | 'closest' | 'nines' | 'burning';
interface SloAsk {
  target?: string;
  group?: string[];
  metrics?: string[];
  sloName?: string;
  /** "Last week", "yesterday": the SLO over that span (answer-slo-span.ts), not its window. */
  span?: TimeSpan;
  /** "How much is left?", "when does it run out?", "which SLO is closest to breaching?": that answered first. */
  sloFocus?: Focus;
  /** "What SLOs do we have?", "which hosts have no SLO?", "add an SLO …" (answer-slo-catalogue.ts). */
  sloCatalogue?: CatalogueAsk;
  /** With "add": the bound said, and the objective and window. */
  bound?: { above: boolean; value: number };
  sloSaid?: { objective?: number; windowDays?: number };
}

const EXAMPLE = '{"name": "api-latency", "metric": "latency_ms", "role": "api", "goodBelow": 500, "objective": 99, "windowDays": 30}';

/**
 * "What's the error budget?", "are we within our SLOs?", "error budget on api-1": each SLO (slos in
 * config) over the samples kept of its window: the good share against the objective, the budget
 * spent, the burn rate over the last 1 h and 6 h, and how long the rest lasts at that rate.
 */
export function answerSlo(ask: SloAsk, c: AnswerContext): string {
  const slos = c.slos ?? [];
  if (ask.sloCatalogue === 'add') return draftSlo({ ...ask, said: ask.sloSaid }, c);
  if (slos.length === 0)
    return [
      'No SLOs are set, so there is no error budget to read.',
      `Add one under "slos" in config, e.g. ${EXAMPLE}: a sample is good under 500 ms, and 99% of them over 30 days must be.`,
      'Until then, "uptime of api-1 this month" says whether data arrived.',
    ].join('\n');
  if (ask.sloCatalogue === 'list') return listSlos(slos, (slo) => reportOf(slo, undefined, c), c);
  if (ask.sloCatalogue === 'uncovered') return uncoveredTargets(slos, c);
  // "Error budget for web-cpu": that one, whatever else the words matched.
  const byName = slos.find((s) => s.name === ask.sloName);
  const names = ask.target ? [ask.target] : ask.group;
  if (byName) {
    // "Error budget for web-cpu on web-2": that SLO on that host, when it covers it.
    const covered = sloTargets(byName, c.targets);
    const on = names?.filter((t) => covered.includes(t));
    const lead =
      names && !on?.length
        ? [`${byName.name} does not cover ${names.join(', ')}; it covers ${covered.join(', ') || 'no target now'}:`]
        : [];
    return [...lead, ...describeSlo(byName, on?.length ? on : undefined, ask, c)].join('\n');
  }
  const fits = (s: Slo) =>
    (!ask.metrics || ask.metrics.includes(s.metric)) && (!names || sloTargets(s, c.targets).some((t) => names.includes(t)));
  const picked = slos.filter(fits);
  const lead =
    picked.length === 0
      ? [`No SLO covers ${[...(names ?? []), ...(ask.metrics ?? []).map((m) => METRIC_LABEL[m] ?? m)].join(' ')}; all of them:`]
      : [];
  const shown = picked.length ? picked : slos;
  // One SLO ("is the api slo at risk?") is its report: there is nothing to rank.
  if ((ask.sloFocus === 'closest' || ask.sloFocus === 'burning') && !ask.span && shown.length > 1)
    return closest(shown, picked.length ? names : undefined, ask, c);
  return [...lead, ...shown.flatMap((s) => describeSlo(s, picked.length ? names : undefined, ask, c))].join('\n');
}

/** "Which SLO is closest to breaching?": the SLOs by how much of their budget is gone, most first, the answer leading. */
function closest(slos: readonly Slo[], only: string[] | undefined, ask: SloAsk, c: AnswerContext): string {
  // "Which SLO is burning fastest?": by the faster of its two burn rates now, not by what is already spent.
  const burning = ask.sloFocus === 'burning';
  const burn = (r: SloReport) => Math.max(...r.burn.map((b) => b ?? 0));
  const ranked = slos
    .map((slo) => ({ slo, r: reportOf(slo, only, c) }))
    .sort(
      (x, z) =>
        Number(x.r.verdict === 'no_data') - Number(z.r.verdict === 'no_data') ||
        (burning ? burn(z.r) - burn(x.r) : 0) ||
        z.r.spent - x.r.spent,
    );
  const said = ranked
    .filter(({ r }) => r.verdict !== 'no_data')
    .map(({ slo, r }) =>
      burning && burn(r) === 0
        ? `${slo.name} not burning (no bad samples in the last ${BURN_WINDOWS.at(-1)!.hours} h; ${Math.round(r.spent * 100)}% of its budget spent)`
        : burning
          ? `${slo.name} ${times(burn(r))} over the last ${BURN_WINDOWS[r.burn.indexOf(burn(r))]?.hours ?? BURN_WINDOWS[0]!.hours} h (${Math.round(r.spent * 100)}% of its budget spent)`
          : `${slo.name} (${r.verdict === 'at_risk' ? 'at risk' : r.verdict}, ${Math.round(r.spent * 100)}% of its budget spent)`,
    );
  const breached = ranked.filter(({ r }) => r.verdict === 'breached').length;
  const head = !said.length
    ? `No SLO has samples in its window yet, so none is ${burning ? 'burning faster' : 'nearer a breach'} than another.`
    : burning
      ? `By burn rate now, fastest first (1× spends the budget exactly over the window): ${said.join('; ')}.`
      : `${breached ? `Already breached: ${plural(breached, 'SLO')}. ` : ''}By budget spent, most first: ${said.join('; ')}.`;
  const { sloFocus: _f, ...rest } = ask;
  return [head, ...ranked.flatMap(({ slo }) => describeSlo(slo, only, rest, c))].join('\n');
}

function describeSlo(slo: Slo, only: string[] | undefined, ask: SloAsk, c: AnswerContext): string[] {
  const covered = sloTargets(slo, c.targets);
  const on = only ? covered.filter((t) => only.includes(t)) : covered;
  if (ask.span) return sloOverSpan(slo, ask.span, on, c, ask.sloFocus === 'nines');
  const r = reportOf(slo, only && on.length < covered.length ? on : undefined, c);
  const label = METRIC_LABEL[slo.metric] ?? slo.metric;
  const bound =
    slo.goodBelow !== undefined ? `under ${formatValue(slo.metric, slo.goodBelow)}` : `above ${formatValue(slo.metric, slo.goodAbove!)}`;
  const scope = only && on.length < covered.length ? `${on.join(', ')} of ${covered.join(', ')}` : covered.join(', ');
  const head = `${slo.name}: ${label} ${bound} in ${slo.objective}% of samples over ${slo.windowDays} d (${scope || 'no targets'})`;
  if (r.verdict === 'no_data') return [`${head}: no samples in its window yet, so nothing to judge.`];
  const lead =
    ask.sloFocus === 'nines'
      ? [`${slo.name}: ${ninesLine(r.good, r.bad)}`]
      : ask.sloFocus === 'burning'
        ? [focusLine(slo, r, 'runs_out', c)]
        : ask.sloFocus
          ? [focusLine(slo, r, ask.sloFocus, c)]
          : [];
  return [...lead, `${head}: ${verdictOf(slo, r)}.`, ...figures(slo, r, c)].map((l, k) => (k ? `  ${l}` : l));
}

/** "How much budget is left?", "when will it run out?": the answer to that, before the report. */
function focusLine(slo: Slo, r: SloReport, focus: Exclude<Focus, 'nines' | 'burning'>, c: AnswerContext): string {
  const allowed = Math.floor(((100 - slo.objective) / 100) * (r.good + r.bad));
  if (r.spent >= 1)
    return `${slo.name}: no error budget left${focus === 'runs_out' ? ', it has already run out' : ''}: ${n(r.bad)} bad samples against the ${n(allowed)} that ${slo.objective}% allows (${Math.round(r.spent * 100)}% spent).`;
  const left = `${Math.round((1 - r.spent) * 100)}% of the error budget left (${n(allowed - r.bad)} more bad samples of the ${n(allowed)} allowed in these)`;
  if (focus === 'left') return `${slo.name}: ${left}.`;
  const fastest = Math.max(...r.burn.map((b) => b ?? 0));
  const over = `over the last ${BURN_WINDOWS[r.burn.indexOf(fastest)]!.hours} h`;
  const lasts = budgetLastsMs(slo, r.spent, fastest);
  if (fastest > 1 && lasts !== undefined)
    return `${slo.name}: at the present burn (${times(fastest)} ${over}) the ${Math.round((1 - r.spent) * 100)}% left runs out in about ${formatDuration(lasts)} (around ${stamp(c.now + lasts)}).`;
  if (fastest > 0)
    return `${slo.name}: not at the present rate: ${times(fastest)} ${over} spends less than the window allows, so it lasts unless that rises above 1×; ${left}.`;
  return `${slo.name}: nothing is spending it now (no bad samples in the last ${BURN_WINDOWS.at(-1)!.hours} h); ${left}.`;
}

function verdictOf(slo: Slo, r: SloReport): string {
  const ratio = r.good / (r.good + r.bad);
  if (r.verdict === 'breached') return `breached, ${pct(ratio)} good against the ${slo.objective}% objective`;
  if (r.verdict === 'at_risk') {
    const k = r.burn.findIndex((b, j) => b !== undefined && b >= BURN_WINDOWS[j]!.pages);
    return `met so far, but at risk: burning ${times(r.burn[k]!)} over the last ${BURN_WINDOWS[k]!.hours} h`;
  }
  return 'met';
}

function figures(slo: Slo, r: SloReport, c: AnswerContext): string[] {
  const total = r.good + r.bad;
  const windowMs = slo.windowDays * DAY;
  const kept = c.now - r.firstTs!;
  // Less than the window kept (retention.samplesHours, or watched only lately): the figures cover what is.
  const since =
    kept < windowMs - 3_600_000
      ? ` since ${stamp(r.firstTs!)}: the samples held cover only ${formatDuration(kept)} of the ${slo.windowDays} d window (retention.samplesHours, or watched since), so that is what is judged`
      : ` over the last ${slo.windowDays} d`;
  const by =
    r.badBy.length > 1
      ? ` (${r.badBy
          .slice(0, 4)
          .map(([t, b]) => `${t} ${n(b)}`)
          .join(', ')})`
      : '';
  const allowed = ((100 - slo.objective) / 100) * total;
  const lines = [
    `${pct(r.good / total)} good: ${n(r.good)} of ${plural(total, 'sample').replace(String(total), n(total))}, ${n(r.bad)} bad${by}${since}.`,
    `Error budget: ${Math.round(r.spent * 100)}% spent (${n(r.bad)} bad of the ${n(Math.floor(allowed))} that ${slo.objective}% allows in these)${r.spent > 1 ? ': overspent' : ''}.`,
    `Burn rate: ${BURN_WINDOWS.map((w, k) => `${r.burn[k] === undefined ? 'no samples' : times(r.burn[k]!)} over the last ${w.hours} h`).join(', ')} (1× spends the budget exactly over ${slo.windowDays} d; ${BURN_WINDOWS.map((w) => `${w.pages}× over ${w.hours} h`).join(' or ')} usually pages).`,
  ];
  const fastest = Math.max(...r.burn.map((b) => b ?? 0));
  const lasts = budgetLastsMs(slo, r.spent, fastest);
  if (lasts !== undefined && fastest > 1)
    lines.push(`At ${times(fastest)} the ${Math.round((1 - r.spent) * 100)}% left lasts about ${formatDuration(lasts)}.`);
  return lines;
}

/** A digest's line: each SLO's verdict and budget now, for those covering `target` when one is asked; nothing with none set. */
export function sloLine(c: AnswerContext, target?: string): string[] {
  const slos = (c.slos ?? []).filter((s) => !target || sloTargets(s, c.targets).includes(target));
  if (slos.length === 0) return [];
  const each = slos.map((slo) => {
    const r = reportOf(slo, target ? [target] : undefined, c);
    if (r.verdict === 'no_data') return `${slo.name} no samples yet`;
    const verdict = r.verdict === 'at_risk' ? 'at risk' : r.verdict;
    return `${slo.name} ${verdict} (${pct(r.good / (r.good + r.bad))} good of ${slo.objective}%, ${Math.round(r.spent * 100)}% of the budget spent)`;
  });
  return [`SLOs now: ${each.join('; ')}; "error budget" for the burn rates.`];
}

/** A stakeholder draft's line: each SLO that covers the hosts asked about, met or not, in plain words (no budget or burn). */
export function sloPlainLine(c: AnswerContext, group?: readonly string[]): string[] {
  const slos = (c.slos ?? []).filter((s) => !group || sloTargets(s, c.targets).some((t) => group.includes(t)));
  const said = slos.flatMap((slo) => {
    const r = reportOf(slo, undefined, c);
    if (r.verdict === 'no_data') return [];
    const good = pct(r.good / (r.good + r.bad));
    return [`${slo.name} ${r.verdict === 'breached' ? 'below' : 'within'} its objective (${good} against ${slo.objective}%)`];
  });
  return said.length ? [`Service levels: ${said.join('; ')}.`] : [];
}

/** The SLO over its window, on the targets in `only` when given: through the tracker that keeps whole hours, else read afresh. */
function reportOf(slo: Slo, only: string[] | undefined, c: AnswerContext): SloReport {
  const tracker = c.sloTracker ?? createSloTracker({ store: c.store, targets: () => c.targets });
  return tracker.report(slo, c.now, only);
}

// Kinds an SLO's own name ("how is api-latency doing?") overrides: the words around it asked nothing narrower.
const GENERAL = new Set<Intent['kind']>(['status', 'metrics', 'no_group', 'unknown', 'trend']);

/**
 * "How is api-latency doing?", "is web-cpu ok?": an SLO called by its name as written in config is
 * that SLO, not the fleet's status. Only names with a hyphen, underscore or digit count, so an SLO
 * named "availability" does not take over every question with that word, nor a name a target has.
 * "How many nines do we have?", with SLOs set: their good shares, not whether data arrived.
 */
function byOwnName(intent: Intent, text: string, slos: readonly Slo[] | undefined): Intent {
  const nines = intent.kind === 'availability' && NINES.test(text) && !!slos?.length;
  if (!nines && !GENERAL.has(intent.kind)) return intent;
  const named = slos?.find((s) => /[-_\d]/.test(s.name) && written(s.name).test(text));
  if (!named && !nines) return intent;
  const from = intent as { target?: string; group?: string[]; span?: TimeSpan };
  const found = from.span ? undefined : findTimeSpan(text);
  const span = from.span ?? (found && 'span' in found ? found.span : undefined);
  // A host said besides the name ("is web-cpu ok on web-2?") narrows it; "api" inside "api-latency" names no group.
  const rest = named ? text.replace(written(named.name), ' ') : text;
  const target = from.target && written(from.target).test(rest) ? from.target : undefined;
  const asked: Intent = {
    kind: 'uncollected',
    what: SLO_WHAT,
    ...(named ? { sloName: named.name } : {}),
    ...(target ? { target } : !named && from.group ? { group: from.group } : {}),
    ...(span ? { span } : {}),
  };
  return withSloName(asked, text, slos);
}
const written = (name: string) => new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'i');
const spoken = (name: string) => new RegExp(`\\b${name.replace(/[-_]/g, '[-_ ]')}\\b`, 'i');

const RUNS_OUT =
  /\b(?:run(?:s|ning)? out|exhaust(?:ed|s)?|depleted?|used up|how long (?:will|does|would|can) (?:[\w-]+ ){1,4}last|last(?:s)? until)\b/i;
// "Which SLO is closest to breaching?", "which SLOs are at risk?", "worst SLO": ranked by the budget spent.
const CLOSEST =
  /\b(?:closest|nearest|next|most likely|likeliest) to (?:breach\w*|miss\w*|fail\w*|blow\w*|run\w* out)\b|\b(?:which|what) slos? (?:is|are) (?:the )?(?:most )?at risk\b|\b(?:worst|riskiest|weakest) slos?\b|\bslos (?:most )?at risk\b|\brank (?:the |our )?slos\b/i;
const NINES = /\bnines\b/i;
// "Which SLO is burning fastest?", "highest burn rate", "what's burning budget the most?".
const BURNING =
  /\bburn(?:ing|s)?\b(?:\s+\S+){0,3}?\s+(?:the\s+)?(?:fastest|quickest|most|hardest)\b|\b(?:fastest|highest|worst|biggest) burn(?:ing| rates?)?\b|\bburn rates?\b.*\b(?:highest|worst|rank\w*|compare\w*)\b/i;
const LEFT = /\b(?:left|remain(?:s|ing)?|remainder|how much (?:of (?:the|our) )?(?:error )?budget)\b/i;

/**
 * The SLO an SLO question names ("error budget for api latency" names api-latency), and what it asks
 * first ("how much is left", "when will it run out"), set on the intent; others untouched.
 */
export function withSloName(intent: Intent, text: string, slos: readonly Slo[] | undefined): Intent {
  const asks =
    (intent.kind === 'uncollected' && intent.what === SLO_WHAT) || (intent.kind === 'metrics' && intent.uncollected === SLO_WHAT);
  if (!asks) return byOwnName(intent, text, slos);
  const named = slos?.find((s) => spoken(s.name).test(text));
  const sloFocus: Focus | undefined = BURNING.test(text)
    ? 'burning'
    : CLOSEST.test(text)
      ? 'closest'
      : NINES.test(text)
        ? 'nines'
        : RUNS_OUT.test(text)
          ? 'runs_out'
          : LEFT.test(text)
            ? 'left'
            : undefined;
  // "Which SLOs are at risk?" ranks them; it is not the list of SLOs.
  const sloCatalogue = sloFocus === 'closest' || sloFocus === 'burning' ? undefined : catalogueAsk(text);
  // "Burning fastest": "fast" names latency elsewhere; here it is the rate of the burn, unless latency is said.
  const base: Intent =
    sloFocus === 'burning' && intent.kind === 'metrics' && !/\b(?:latency|response times?|slow\w*)\b/i.test(text)
      ? { kind: 'uncollected', what: SLO_WHAT }
      : intent;
  return {
    ...base,
    ...(named ? { sloName: named.name } : {}),
    ...(sloFocus ? { sloFocus } : {}),
    ...(sloCatalogue ? { sloCatalogue, ...(sloCatalogue === 'add' ? { sloSaid: draftSaid(text) } : {}) } : {}),
  };
}
