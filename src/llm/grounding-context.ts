import type { Anomaly } from '../core/anomaly.js';
import type { Proposal } from '../core/remediation.js';
import type { Sample } from '../core/sample.js';
import { formatValue, METRIC_LABEL } from '../bot/format-reply.js';
import { anomalyLabel, expectedText, figureMetric } from '../core/metrics.js';
import { CONTROL_CHARS, formatDuration } from '../bot/text-tools.js';

export interface SeriesStats {
  min: number;
  avg: number;
  max: number;
  n: number;
}

/** Everything the context may draw on; gathered from the store by the caller. */
export interface FleetSnapshot {
  now: number;
  staleAfterMs: number;
  targets: { name: string; role?: string | null }[];
  latest: Sample[];
  /** Last-hour statistics for the focus targets, keyed "target/metric". */
  hourStats: Map<string, SeriesStats>;
  /** Newest first, open and resolved. */
  anomalies: Anomaly[];
  /** Pending first, then recent decisions and outcomes. */
  proposals: Proposal[];
  /** In force, then scheduled ahead (with `startsTs`). */
  silences: { id: string; target: string; metric: string; untilTs: number; startsTs?: number }[];
  /** Who acknowledged the alert an open anomaly is in, by anomaly id. */
  acks?: Map<string, string>;
  thresholds: { metric: string; target?: string; above?: number; below?: number; severity: string }[];
  /** What each detector makes of the series the question names, one line per series ("why no alert?"). */
  verdicts?: { target: string; metric: string; text: string }[];
  /** Notes people wrote on alerts (newest first): their words, quoted as data. */
  notes?: { anomaly: string; target: string; actor: string; ts: number; text: string }[];
}

export interface Focus {
  targets: string[];
  metrics: string[];
}

export interface GroundingContext {
  text: string;
  tokens: number;
  /** Lines left out to stay under the budget. */
  omitted: number;
  focus: Focus;
}

const METRIC_WORDS: [RegExp, string[]][] = [
  [/\b(cpu|processor|load)\b/i, ['cpu']],
  [/\b(mem|memory|ram)\b/i, ['memory']],
  [/\b(disk|storage|space)\b/i, ['disk']],
  [/\b(net|network|traffic|bandwidth)\b/i, ['net_in', 'net_out']],
  [/\b(latency|slow|slowness|response time)\b/i, ['latency_ms']],
];

/** The model sees about four characters per token; we count conservatively the same way. */
export const estimateTokens = (s: string) => Math.ceil(s.length / 4);

/** Untrusted text (alert summaries, labels, host-supplied strings) as inert, quoted data. */
export function quoteData(s: string, max = 160): string {
  const t = s
    .replace(CONTROL_CHARS, ' ')
    .replace(/[<>`"\\]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return `"${t.slice(0, max)}${t.length > max ? '…' : ''}"`;
}

/** Which targets and metrics a question is about: names as words, or a role ("the db hosts"). */
export function focusOf(question: string, targets: FleetSnapshot['targets']): Focus {
  const q = question.toLowerCase();
  const words = new Set(q.split(/[^a-z0-9._-]+/).filter(Boolean));
  const named = targets.filter((t) => words.has(t.name.toLowerCase())).map((t) => t.name);
  const byRole = named.length
    ? []
    : targets.filter((t) => t.role && (words.has(t.role.toLowerCase()) || words.has(`${t.role.toLowerCase()}s`))).map((t) => t.name);
  const metrics = METRIC_WORDS.filter(([re]) => re.test(question)).flatMap(([, m]) => m);
  return { targets: [...new Set([...named, ...byRole])].slice(0, 20), metrics };
}

const hhmm = (ts: number) => `${new Date(ts).toISOString().slice(11, 16)}Z`;
const label = (m: string) => METRIC_LABEL[m] ?? m;

function anomalyLine(a: Anomaly, now: number, ackedBy?: string): string {
  const span =
    a.endTs === null
      ? `open since ${hhmm(a.startTs)} (${formatDuration(now - a.startTs)})`
      : `${hhmm(a.startTs)}–${hhmm(a.endTs)} (${formatDuration(a.endTs - a.startTs)}), resolved`;
  const u = figureMetric(a);
  const figures =
    a.detector === 'alertmanager'
      ? ''
      : a.detector === 'silence'
        ? ` silent for ${formatDuration(a.peak * 1000)};`
        : ` observed ${formatValue(u, a.observed)}, ${expectedText(a)}, peak ${formatValue(u, a.peak)};`;
  const ack = ackedBy ? `; acknowledged by ${quoteData(ackedBy, 40)}` : '';
  return `[${a.id} ${a.target} ${anomalyLabel(a)}] ${a.severity} ${a.detector}:${figures} ${span}${ack}; summary ${quoteData(a.summary)}`;
}

function proposalLine(p: Proposal): string {
  const decided = p.decidedBy ? ` by ${quoteData(p.decidedBy, 40)} at ${hhmm(p.decidedTs ?? p.updatedTs)}` : '';
  const result = p.result ? `; result ${quoteData(p.result, 120)}` : '';
  const expires = p.state === 'proposed' ? `, expires ${hhmm(p.expiresTs)}` : '';
  return `[${p.id} ${p.action} on ${p.target}] ${p.state}${decided} (proposed ${hhmm(p.createdTs)}${expires}, ${p.mode}); reason ${quoteData(p.reason, 120)}${result}`;
}

/**
 * A compact, source-tagged summary of the fleet for one question, capped at `budgetTokens` however
 * large the fleet or history. Sections are added in priority order: what the question names first,
 * then open anomalies, fleet-wide summaries, decisions, and per-target rows while room remains.
 * Every line starts with its source tag so a reply's figures can be traced back. Pure.
 */
export function buildGroundingContext(s: FleetSnapshot, question: string, budgetTokens: number): GroundingContext {
  const focus = focusOf(question, s.targets);
  const lines: string[] = [];
  let used = 0;
  let omitted = 0;
  const budget = budgetTokens - 30; // room for the omission note
  const add = (line: string) => {
    const cost = estimateTokens(line) + 1;
    if (used + cost > budget) {
      omitted += 1;
      return false;
    }
    lines.push(line);
    used += cost;
    return true;
  };

  const latest = new Map<string, Map<string, Sample>>();
  for (const x of s.latest) (latest.get(x.target) ?? latest.set(x.target, new Map()).get(x.target)!).set(x.metric, x);
  const roles = new Map<string, number>();
  for (const t of s.targets) roles.set(t.role ?? 'unassigned', (roles.get(t.role ?? 'unassigned') ?? 0) + 1);
  const open = s.anomalies.filter((a) => a.status === 'open');

  add(
    `[now] ${new Date(s.now).toISOString().slice(0, 19)}Z. Fleet: ${s.targets.length} targets (${[...roles]
      .map(([r, n]) => `${r} ${n}`)
      .join(', ')}); ${open.length} open anomalies; readings older than ${formatDuration(s.staleAfterMs)} are STALE.`,
  );
  if (s.thresholds.length)
    add(
      `[thresholds] ${s.thresholds
        .map(
          (t) =>
            `${t.target ? `${t.target} ` : ''}${label(t.metric)} ${t.above !== undefined ? `above ${t.above}` : `below ${t.below}`} → ${t.severity}`,
        )
        .join('; ')}`,
    );

  // 1. What the question names.
  for (const t of focus.targets) {
    const row = latest.get(t);
    if (!row) {
      add(`[${t}] no samples yet`);
      continue;
    }
    // The metrics asked about first, then the rest of the target's readings ("why is it slow?" may be CPU).
    const metrics = [...focus.metrics.filter((m) => row.has(m)), ...[...row.keys()].filter((m) => !focus.metrics.includes(m))];
    for (const m of metrics) {
      const x = row.get(m)!;
      const st = s.hourStats.get(`${t}/${m}`);
      const stale = s.now - x.ts > s.staleAfterMs ? ' STALE' : '';
      const hour =
        st && st.n > 1 ? ` (last hour: min ${formatValue(m, st.min)}, avg ${formatValue(m, st.avg)}, max ${formatValue(m, st.max)})` : '';
      add(`[${t} ${label(m)} @${hhmm(x.ts)}${stale}] ${formatValue(m, x.value)}${hour}`);
    }
  }
  for (const v of s.verdicts ?? []) add(`[${v.target} ${label(v.metric)} detectors] ${quoteData(v.text, 900)}`);
  const inFocus = (a: Anomaly) => focus.targets.includes(a.target);
  for (const a of open.filter(inFocus)) add(anomalyLine(a, s.now, s.acks?.get(a.id)));
  for (const a of s.anomalies.filter((a) => a.status === 'resolved' && inFocus(a)).slice(0, 5))
    add(anomalyLine(a, s.now, s.acks?.get(a.id)));
  // What people said they did, beside what the detectors saw: the asked-about targets' notes first.
  const notes = [...(s.notes ?? [])].sort((x, z) => Number(focus.targets.includes(z.target)) - Number(focus.targets.includes(x.target)));
  for (const n of notes.slice(0, 10))
    add(`[note on ${n.anomaly} ${n.target} by ${quoteData(n.actor, 40)} @${hhmm(n.ts)}] ${quoteData(n.text, 300)}`);

  // 2. Open anomalies everywhere, most severe first.
  const rank = { critical: 0, warning: 1, info: 2 } as Record<string, number>;
  for (const a of open
    .filter((a) => !inFocus(a))
    .sort((x, y) => (rank[x.severity] ?? 3) - (rank[y.severity] ?? 3) || y.startTs - x.startTs))
    add(anomalyLine(a, s.now, s.acks?.get(a.id)));

  // 3. Fleet-wide summary per metric: average, extremes, the top five.
  const metricsSeen = [...new Set(s.latest.map((x) => x.metric))].sort();
  for (const m of focus.metrics.length ? [...focus.metrics, ...metricsSeen.filter((x) => !focus.metrics.includes(x))] : metricsSeen) {
    const vals = s.latest.filter((x) => x.metric === m).sort((a, b) => b.value - a.value);
    if (vals.length < 2) continue;
    const avg = vals.reduce((acc, x) => acc + x.value, 0) / vals.length;
    const top = vals
      .slice(0, 5)
      .map((x) => `${x.target} ${formatValue(m, x.value)}`)
      .join(', ');
    add(
      `[fleet ${label(m)}] ${vals.length} targets: avg ${formatValue(m, avg)}, max ${formatValue(m, vals[0]!.value)} on ${vals[0]!.target}, min ${formatValue(m, vals.at(-1)!.value)} on ${vals.at(-1)!.target}; highest: ${top}`,
    );
  }

  // 4. Decisions and what came of them; silences.
  for (const p of s.proposals.slice(0, 15)) add(proposalLine(p));
  for (const x of s.silences.slice(0, 10))
    add(
      `[${x.id}] silence on ${x.target === '*' ? 'all targets' : x.target}${x.metric === '*' ? '' : ` ${label(x.metric)}`}${x.startsTs ? ` scheduled from ${new Date(x.startsTs).toISOString().slice(0, 16)}Z` : ''} until ${hhmm(x.untilTs)}`,
    );

  // 5. Recent resolved anomalies, then every target's latest row while room remains.
  for (const a of s.anomalies.filter((a) => a.status === 'resolved' && !inFocus(a)).slice(0, 10))
    add(anomalyLine(a, s.now, s.acks?.get(a.id)));
  for (const t of s.targets) {
    if (focus.targets.includes(t.name)) continue;
    const row = latest.get(t.name);
    if (!row) continue;
    const newest = Math.max(...[...row.values()].map((x) => x.ts));
    const stale = s.now - newest > s.staleAfterMs ? ' STALE' : '';
    add(
      `[${t.name} @${hhmm(newest)}${stale}] ${[...row.values()]
        .sort((a, b) => a.metric.localeCompare(b.metric))
        .map((x) => `${label(x.metric)} ${formatValue(x.metric, x.value)}`)
        .join(', ')}`,
    );
  }
  if (omitted) lines.push(`[note] ${omitted} more lines left out to fit the budget; use the tools for anything not shown.`);
  const text = lines.join('\n');
  return { text, tokens: estimateTokens(text), omitted, focus };
}
