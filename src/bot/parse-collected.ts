import type { Intent } from './intent.js';

// "What are you watching on web-1?", "what do you collect for db-1?" ("which metrics does db-1 report?" is its figures),
// "is latency collected for db-1?", "why no latency for db-1?": what arrives from the hosts named.
const COLLECTED =
  /\bwhat (?:metrics |figures |data )?(?:are|do) you (?:watching|monitoring|collecting|watch|monitor|collect|read|get) (?:on|for|from)\b|\b(?:is|are) \w+(?: \w+)? (?:collected|read|reported|sent|monitored) (?:for|on|from)\b|\bwhy (?:no|is there no|are there no|don'?t you have|don'?t i see) (?:any )?(?:latency|cpu|memory|disk|network(?: in| out)?|data|metrics?|samples?|figures?|readings?) (?:for|on|from)\b/;

/** The metrics arriving from the hosts named (answer-collected.ts). Pure; undefined when no host is named. */
export function collectedQuestion(text: string, named: readonly string[]): Intent | undefined {
  if (!named.length || !COLLECTED.test(text)) return undefined;
  return { kind: 'about', collected: [...named] };
}
