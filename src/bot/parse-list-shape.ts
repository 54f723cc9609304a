import { LONGEST } from './intent-words.js';

/** "Open incidents", "the last 3 episodes", "alerts grouped", "deduplicated alerts": one line per episode, not per anomaly. */
const EPISODES = /\b(?:incidents?|episodes?|grouped|de-?dup(?:ed|licated|e)?)\b|\bgroup (?:\w+ )?(?:by|into) (?:incidents?|episodes?)\b/;

/** How an anomaly list is laid out: ranked by how long each lasted, and whether by episode. A count leads with episodes when they are asked for. */
export function listShape(text: string, counting: boolean): { longest?: true; episodes?: true } {
  return { ...(LONGEST.test(text) && !counting ? { longest: true } : {}), ...(EPISODES.test(text) ? { episodes: true } : {}) };
}
