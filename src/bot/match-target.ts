/**
 * Which targets a word in a question names: a host (exact, loose, prefix, one typo), or a group by
 * role ("the db", "databases") or label value ("prod"). Pure.
 */
import { compact, levenshtein } from './text-tools.js';

export interface TargetRef {
  name: string;
  /** The source that feeds it, for "what do you monitor?". */
  source?: string;
  role?: string | null;
  /** The targets file's labels: "cpu in prod", "the frontend hosts" name the targets carrying that value. */
  labels?: Record<string, string>;
  /** Where it runs, as the targets file or discovery says: "what region is db-1 in?", "cpu in us-east-1". */
  region?: string;
  instanceId?: string;
  address?: string;
  autoScalingGroup?: string;
}

/** What chat reads of a target: its name, source, role, labels and where it runs. */
export function targetRefOf(t: {
  name: string;
  source?: string;
  role?: string | undefined;
  labels?: Record<string, string>;
  region?: string | undefined;
  instanceId?: string | undefined;
  address?: string | undefined;
  autoScalingGroup?: string | undefined;
}): TargetRef {
  return {
    name: t.name,
    role: t.role ?? null,
    labels: t.labels ?? {},
    ...(t.source ? { source: t.source } : {}),
    ...(t.region ? { region: t.region } : {}),
    ...(t.instanceId ? { instanceId: t.instanceId } : {}),
    ...(t.address ? { address: t.address } : {}),
    ...(t.autoScalingGroup ? { autoScalingGroup: t.autoScalingGroup } : {}),
  };
}

/** The value a target has for a grouping: its role, region, auto scaling group, or one label. */
export function groupValueOf(t: TargetRef, key: string): string | undefined {
  if (key === 'role') return t.role ?? undefined;
  if (key === 'region') return t.region;
  if (key === 'asg') return t.autoScalingGroup;
  return t.labels?.[key];
}

/** "region=us-east-1", "asg=web-asg": the keys that name where a target runs, beside its labels. */
const PLACE_KEYS: Record<string, 'region' | 'asg'> = { region: 'region', asg: 'asg', autoscalinggroup: 'asg' };

/** The targets in a region or auto scaling group said exactly ("us-east-1", "web-asg"); [] for none. */
export function placeGroup(word: string, targets: TargetRef[]): string[] {
  const w = word.toLowerCase();
  return targets.filter((t) => t.region?.toLowerCase() === w || t.autoScalingGroup?.toLowerCase() === w).map((t) => t.name);
}

// Everyday names for the usual roles: "the database" is the db role.
const ROLE_ALIASES: Record<string, string> = {
  database: 'db',
  databases: 'db',
  dbs: 'db',
  webserver: 'web',
  webservers: 'web',
};

/** The targets a word names by role ("db", "databases"); [] for none. */
function membersOf(word: string, targets: TargetRef[]): string[] {
  const forms = formsOf(word);
  return targets.filter((t) => t.role && forms.has(t.role.toLowerCase())).map((t) => t.name);
}

// The long and short names of the usual environments: "production" finds env=prod and the reverse.
const ENV_ALIASES: Record<string, string[]> = {
  prod: ['production', 'prd'],
  production: ['prod', 'prd'],
  prd: ['prod', 'production'],
  staging: ['stage', 'stg'],
  stg: ['staging', 'stage'],
  dev: ['development'],
  development: ['dev'],
};

function formsOf(word: string): Set<string> {
  const w = word.toLowerCase();
  return new Set([w, w.replace(/s$/, ''), ROLE_ALIASES[w] ?? w, ...(ENV_ALIASES[w] ?? [])]);
}

/**
 * The targets carrying a word as a label value ("prod", "frontend"); [] for none, and for short,
 * common or numeric words. The parser uses it only when the question names no target otherwise:
 * a label such as app=nginx must not turn "restart nginx on api-1" into a question about every
 * nginx host.
 */
export function labelGroup(word: string, targets: TargetRef[]): string[] {
  const w = word.toLowerCase();
  // "tier=data", "env:prod": that label's value, as Prometheus and the targets file write it.
  const pair = /^([a-z_][a-z0-9_]*)[=:]([a-z0-9._-]+)$/.exec(w);
  if (pair)
    return targets
      .filter(
        (t) =>
          (PLACE_KEYS[pair[1]!] !== undefined && groupValueOf(t, PLACE_KEYS[pair[1]!]!)?.toLowerCase() === pair[2]) ||
          Object.entries(t.labels ?? {}).some(([k, v]) => k.toLowerCase() === pair[1] && v.toLowerCase() === pair[2]),
      )
      .map((t) => t.name);
  if (w.length < 3 || COMMON.has(w) || /^\d+$/.test(w)) return [];
  const placed = placeGroup(w, targets);
  if (placed.length) return placed;
  const forms = formsOf(w);
  return targets.filter((t) => Object.values(t.labels ?? {}).some((v) => forms.has(v.toLowerCase()))).map((t) => t.name);
}

/**
 * Resolves a word to a target: exact name, name without punctuation ("web1"), a unique role or
 * name prefix ("the db"), or a name within one edit ("wbe-1").
 */
export function matchTarget(word: string, targets: TargetRef[]): string | undefined {
  const w = word.toLowerCase();
  const exact = targets.find((t) => t.name.toLowerCase() === w);
  if (exact) return exact.name;
  // "cpu on i-0a1b2c3d4e5f60003": an EC2 instance id names its target, as CloudWatch alarms say it.
  if (/^i-[0-9a-f]{8,17}$/.test(w)) return targets.find((t) => t.instanceId?.toLowerCase() === w)?.name;
  // "cpu on 10.0.1.10": its address (a port, if said, must match too).
  if (/^(?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?$/.test(w))
    return targets.find((t) => t.address && (t.address === w || (!w.includes(':') && t.address.replace(/:\d+$/, '') === w)))?.name;
  // "cpu on web-1.example.com": a host name whose first label is the target's.
  const fqdn = /^([a-z0-9][a-z0-9-]*)\.(?:[a-z0-9-]+\.)*[a-z]{2,}$/.exec(w);
  if (fqdn) return targets.find((t) => t.name.toLowerCase() === fqdn[1])?.name;
  const c = compact(w);
  if (c.length < 2) return undefined;
  const loose = targets.filter((t) => compact(t.name) === c);
  if (loose.length === 1) return loose[0]!.name;
  const members = membersOf(w, targets);
  if (members.length === 1) return members[0]!;
  // A prefix must be a real fragment of a name: "we" in "do we have…" is not web-1, nor "monitor" in
  // "how many hosts do we monitor?" monitoring-1.
  const prefix = w.length >= 3 && !COMMON.has(w) ? targets.filter((t) => t.name.toLowerCase().startsWith(w)) : [];
  if (prefix.length === 1) return prefix[0]!.name;
  // A typo in the letters only: "wbe-1" is web-1, but "web-2" is another host, never web-1.
  if (c.length >= 4) {
    const digits = (x: string) => x.replace(/\D/g, '');
    const near = targets.filter((t) => digits(compact(t.name)) === digits(c) && levenshtein(compact(t.name), c, 1) <= 1);
    if (near.length === 1) return near[0]!.name;
  }
  return undefined;
}

/** A role that several targets share ("api", "web servers" → web): all of them, else undefined. */
export function roleGroup(word: string, targets: TargetRef[]): string[] | undefined {
  const hits = membersOf(word, targets);
  return hits.length > 1 ? hits : undefined;
}

const COMMON = new Set(
  'the and any all are how who why what was were has had have can for not you our out off new now top get got its did does was is monitor monitors monitored'.split(
    ' ',
  ),
);

/** "api 2", "web 1": the target's name with its dash, when one is called that (never "top 3" or "last 2"). */
export function joinSpacedNames(text: string, targets: TargetRef[]): string {
  return text.replace(/\b([a-z][a-z0-9]*(?:-[a-z0-9]+)*) (\d{1,3})\b/g, (m, word: string, n: string) =>
    targets.some((t) => t.name.toLowerCase() === `${word}-${n}`) ? `${word}-${n}` : m,
  );
}
