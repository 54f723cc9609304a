import { METRIC_WORDS, WORDS } from './intent-words.js';

/** Every word the parser knows: what a typo is matched against. */
export const VOCAB = [...new Set([...Object.keys(METRIC_WORDS), ...Object.values(WORDS).flat()])];
