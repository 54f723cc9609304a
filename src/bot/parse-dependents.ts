/** "Which hosts depend on db-1?", "what does api-1 depend on?" (answer-dependents.ts). */
export interface DependentsIntent {
  kind: 'dependents';
  target?: string;
  group?: string[];
  /** "What does api-1 depend on?": the sources whose alerts hold its own, not those it holds. */
  upstream?: boolean;
}

// "Which hosts depend on db-1?", "what depends on the db?", "db-1's dependents", "what would break if db-1 went down?",
// "blast radius of db-1", "what does api-1 depend on?", "api-1 dependencies".
const DEPENDS = new RegExp(
  [
    String.raw`\b(?:depends?|depending|relies|rely|relying) on\b`,
    String.raw`\bdependen(?:ts?|cies|cy)\b`,
    String.raw`\bwhat (?:else )?(?:would|will|could|might) (?:break|fail|be affected|be impacted|go down|suffer|be hit)\b.*\bif\b`,
    String.raw`\bknock-?on (?:effects?|impact)\b|\bdownstream (?:of|from)\b|\bupstream (?:of|from)\b`,
    String.raw`\b(?:who|what) (?:is|are) (?:affected|impacted) (?:if|when|by)\b`,
  ].join('|'),
);
// "What does api-1 depend on?", "api-1 dependencies", "upstream of api-1": what it needs, not what needs it ("dependents").
const UPSTREAM =
  /\b(?:does|do|did) (?:the )?[\w.-]+(?: \w+)? (?:depend|rely) on\b|\bdependenc(?:ies|y)\b|\bupstream (?:of|from)\b|\bwhat (?:is|are) [\w.-]+ (?:depending|relying) on\b/;

/** Pure; undefined when not asked. */
export function dependentsQuestion(
  text: string,
  o: { target?: string | undefined; group?: string[] | undefined },
): DependentsIntent | undefined {
  // "What's the blast radius?" with no host named is what is hurting now (attention); of a host, what hangs off it.
  if (!DEPENDS.test(text) && !(/\bblast radius\b/.test(text) && (o.target || o.group?.length))) return undefined;
  return {
    kind: 'dependents',
    ...(o.target ? { target: o.target } : o.group?.length ? { group: o.group } : {}),
    ...(UPSTREAM.test(text) ? { upstream: true } : {}),
  };
}
