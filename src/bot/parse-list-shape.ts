import { LONGEST } from './intent-words.js';

/** "Open incidents", "the last 3 episodes", "alerts grouped", "deduplicated alerts": one line per episode, not per anomaly. */
const EPISODES = /\b(?:incidents?|episodes?|grouped|de-?dup(?:ed|licated|e)?)\b|\bgroup (?:\w+ )?(?:by|into) (?:incidents?|episodes?)\b/;

/** "Which hosts never alerted?", "hosts without any alerts this week": the targets that had none. */
const NONE =
  /\b(?:hosts?|targets?|servers?|machines?|nodes?|instances?|which|any)\b.*\b(?:never|without|with no|had no|have no|has no|zero|free of)\s+(?:any\s+|an?\s+)?(?:[a-z-]+\s+){0,2}?(?:alerts?|anomal\w*|incidents?|problems?|issues?)\b|\bnever (?:alerted|alarmed|fired|paged)\b|\bnot? (?:once )?(?:alerted|fired)\b/;

/**
 * How an anomaly list is laid out: ranked by how long each lasted, by episode, or as the targets
 * without any. A count leads with episodes when they are asked for.
 */
export function listShape(text: string, counting: boolean): { longest?: true; episodes?: true; none?: true } {
  if (NONE.test(text)) return { none: true };
  return { ...(LONGEST.test(text) && !counting ? { longest: true } : {}), ...(EPISODES.test(text) ? { episodes: true } : {}) };
}
