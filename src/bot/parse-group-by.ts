import type { TargetRef } from './match-target.js';

/** A word as a grouping the targets carry ("roles", "tier", "environment", "asg"); undefined for none. */
function keyOf(raw: string, targets: readonly TargetRef[]): string | undefined {
  const word = raw.replace(/s$/, '');
  if (/^(?:role|group)$/.test(word) && targets.some((t) => t.role)) return 'role';
  if (word === 'region' && targets.some((t) => t.region)) return 'region';
  if (/^(?:asg|autoscaling|scaling)$/.test(word) && targets.some((t) => t.autoScalingGroup)) return 'asg';
  const keys = new Set(targets.flatMap((t) => Object.keys(t.labels ?? {})));
  return keys.has(word) ? word : keys.has(`${word}s`) ? `${word}s` : word === 'environment' && keys.has('env') ? 'env' : undefined;
}

// "Which tier is busiest?", "which role has the highest cpu?", "what env uses the most memory?", "the busiest role".
const RANKED_GROUP =
  /\b(?:which|what)\s+(?:the\s+)?([a-z][a-z0-9_-]{0,30})\s+(?:is|has|have|are|uses?|had|was|runs?|gets?|sees?)\b.*\b(?:busiest|highest|most|max(?:imum)?|top|worst|slowest|fullest|lowest|least|min(?:imum)?|quietest|fastest)\b|\b(?:busiest|highest|fullest|slowest|quietest|lowest)\s+([a-z][a-z0-9_-]{0,30})\b/;

/**
 * "Average memory per role", "cpu by tier", "disk for each env", "cpu by region": the figures grouped
 * by the targets' role, region, auto scaling group or one of their label keys (as the targets file
 * names it); "which tier is busiest?" ranks those groups. Undefined when the question groups by
 * nothing the targets carry.
 */
export function groupByOf(text: string, targets: readonly TargetRef[]): { groupBy: string } | undefined {
  const m = /\b(?:per|by|for each|for every|each|across)\s+(?:the\s+)?([a-z][a-z0-9_-]{0,30})(?:\s+(?:scaling\s+)?groups?)?\b/.exec(text);
  const key = m && keyOf(m[1]!, targets);
  if (key) return { groupBy: key };
  // "The api hosts vs the web hosts", "compare the web tier and the api tier": two roles side by side.
  if (/\b(?:vs\.?|versus|compared?|against)\b/.test(text)) {
    const roles = new Set(targets.map((t) => t.role).filter((r): r is string => Boolean(r)));
    // A role word on its own: "web-1" names a host, not the web role.
    const said = [...roles].filter((r) => new RegExp(`(?<![\\w-])${r.replace(/[^a-z0-9-]/g, '')}s?(?![\\w-])`).test(text));
    if (said.length >= 2) return { groupBy: 'role' };
    // "tier=frontend vs tier=backend": two values of one label key.
    const pair = /\b([a-z][\w-]*)=[\w.-]+\b.*\b\1=[\w.-]+/.exec(text);
    const key = pair && keyOf(pair[1]!, targets);
    if (key) return { groupBy: key };
  }
  const r = RANKED_GROUP.exec(text);
  const ranked = r && keyOf(r[1] ?? r[2]!, targets);
  return ranked ? { groupBy: ranked } : undefined;
}
