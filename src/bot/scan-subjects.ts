import { METRIC_WORDS, ALONGSIDE } from './intent-words.js';
import type { MetricKey } from './intent.js';
import { BYTES_MOVED, networkMetric } from './free-figures.js';
import { labelGroup, matchTarget, placeGroup, roleGroup, type TargetRef } from './match-target.js';
import { VOCAB } from './vocab.js';
import { UNCOLLECTED } from './uncollected-words.js';
import { parseDuration } from './text-tools.js';

/** "p95", "p99.9": a percentile, not a host (a host of that name still matches first). */
const PERCENTILE_WORD = /^p\d{1,2}(\.\d{1,2})?$/;
/** "S3", "ec2", "k8s", "v2.5": services and versions, never a host we do not know (a host of that name still matches first). */
const NOT_A_HOST = /^(?:s3|ec2|k8s|k3s|http2|ipv4|ipv6|utf8|base64|sha256|md5|v\d+(?:\.\d+)*)$/;

/** Who does something ("you're" splits to "re"). */
const SUBJECT = new Set(['you', 'we', 'they', 'i', 're', 'im']);

/**
 * Label values that are everyday words: "when did you last collect data?" is not about the tier=data
 * hosts. They name targets only beside a host word ("the data tier", "data hosts") or as key=value.
 */
const EVERYDAY_LABELS = new Set(['data', 'ops', 'app', 'apps', 'main', 'core', 'test', 'default', 'public', 'internal', 'edge', 'live']);
const HOST_NOUN = /^(?:tier|tiers|hosts?|servers?|nodes?|boxes|box|machines?|instances?|targets?|fleet|layer|cluster|side)$/;

/** Between the words that leave targets out and the targets: "except for the db hosts", "other than web-1 and web-2". */
const ZONE = new Set([
  'than',
  'from',
  'the',
  'a',
  'an',
  'any',
  'and',
  'or',
  'nor',
  'for',
  'of',
  'in',
  'on',
  'hosts',
  'host',
  'servers',
  'ones',
  'role',
  'tier',
]);

/** Whether a word here begins a list of targets left out: "except", "excluding", "other than", "but" after "all". */
function exclusionAt(tokens: readonly string[], i: number, text: string): boolean {
  const t = tokens[i]!;
  const next = tokens[i + 1];
  if (['except', 'excluding', 'minus', 'without', 'besides', 'non'].includes(t)) return true;
  if (t === 'not' && tokens[i - 1] !== 'but') return true;
  if ((t === 'other' && next === 'than') || (t === 'apart' && next === 'from')) return true;
  // "All web hosts but web-2"; "web-1 is fine but web-2?" names web-2.
  return t === 'but' && /\b(?:all|every|everything|each|any)\b.*\bbut\b/.test(text);
}

/** Words that look like host names: letters and digits joined by - _ . with a digit somewhere. */
const HOSTLIKE = /^[a-z][a-z0-9]*[-_.]?[a-z0-9-_.]*\d[a-z0-9-_.]*$/;

/**
 * What a question is about: its metric (and those read alongside), the targets it names (by name, role
 * or label) and a host-like word that names none. `words` are the tokens after fuzzy matching. Pure.
 */
export function scanSubjects(
  text: string,
  tokens: readonly string[],
  words: readonly string[],
  targets: TargetRef[],
): { metric: MetricKey | undefined; more: MetricKey[]; named: string[]; unknownTarget: string | undefined } {
  let metric: MetricKey | undefined;
  const more: MetricKey[] = [];
  let unknownTarget: string | undefined;
  const named: string[] = [];
  const excluded: string[] = [];
  // "Except db-1", "other than the web hosts", "non-db": the targets named next are left out, not read.
  let excluding = false;
  const name = (n: string) => (excluding ? excluded.includes(n) || excluded.push(n) : named.includes(n) || named.push(n));
  const labelled: string[] = [];
  for (const [i, raw] of tokens.entries()) {
    const w = words[i]!;
    if (exclusionAt(tokens, i, text)) {
      excluding = true;
      continue;
    }
    const t = /^non-./.test(raw) ? raw.slice(4) : raw;
    if (t !== raw) excluding = true;
    if (excluding && ZONE.has(t)) continue;
    const before = excluded.length;
    // "The slowest host": latency. Matched exactly, since "lowest" is one letter away.
    if (!metric && (t === 'slowest' || t === 'fastest')) {
      metric = 'latency';
      continue;
    }
    if (METRIC_WORDS[w]) {
      if (w === 'response' && !tokens.includes('time') && !tokens.includes('times')) continue;
      if (w === 'space' && i > 0 && tokens[i - 1] === 'disk') continue;
      if (w === 'load' && UNCOLLECTED[0]![0].test(text)) continue;
      // "cpu and memory on web-1": the first is the subject, the others are read alongside.
      if (metric && ALONGSIDE.has(w) && METRIC_WORDS[w] !== metric && !more.includes(METRIC_WORDS[w])) more.push(METRIC_WORDS[w]);
      metric ??= METRIC_WORDS[w];
      continue;
    }
    if (VOCAB.includes(w) || /^(an|rp|sl|wt|ch)_/.test(t)) continue;
    // "What are you monitoring?": a verb after its subject, not the monitoring role.
    if (/ing$/.test(t) && SUBJECT.has(tokens[i - 1] ?? '')) continue;
    const m = matchTarget(t, targets);
    const shared = m ? undefined : roleGroup(t, targets);
    if (m) name(m);
    else if (shared) shared.forEach(name);
    // "cpu in us-east-1": a region or auto scaling group looks like a host name but names its targets.
    else if (HOSTLIKE.test(t) && placeGroup(t, targets).length) (excluding ? excluded : labelled).push(...placeGroup(t, targets));
    else if (HOSTLIKE.test(t) && !unknownTarget && !parseDuration(t) && !PERCENTILE_WORD.test(t) && !NOT_A_HOST.test(t)) unknownTarget = t;
    // "cpu on 10.9.9.9": an address no target has.
    else if (/^(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?$/.test(t) && !unknownTarget) unknownTarget = t;
    // "Which host sends the most data?": the bytes, not the tier=data label.
    else if (!(t === 'data' && BYTES_MOVED.test(text)) && (!EVERYDAY_LABELS.has(t) || HOST_NOUN.test(tokens[i + 1] ?? '')))
      (excluding ? excluded : labelled).push(...labelGroup(t, targets));
    // A word that names no target ends the list of those left out ("not reporting" leaves nothing out).
    if (excluding && excluded.length === before) excluding = false;
  }
  // "cpu in prod": a label value names targets only when nothing else in the question does.
  excluding = false;
  if (named.length === 0 && !unknownTarget) labelled.forEach(name);
  if (excluded.length) {
    const kept = (named.length ? named : targets.map((x) => x.name)).filter((n) => !excluded.includes(n));
    named.splice(0, named.length, ...kept);
  }
  // "Which api host is slower?": speed is latency. Matched exactly: "lowest" is a fuzzy "slowest".
  metric ??= /\b(?:slower|slowest|faster|fastest|quicker|laggy|laggier)\b/.test(text) ? 'latency' : undefined;
  // "How full is monitoring-1?", "which host is fullest?", "when will db-1 be full?": its disk.
  metric ??= /\bhow full\b|\bfullest\b|\b(?:is|be|get|gets) \S*\s*(?:almost |nearly )?full\b|\bfill(?:s|ing)? up\b/.test(text)
    ? 'disk'
    : undefined;
  return { metric: networkMetric(text, metric), more, named, unknownTarget };
}
