import { METRIC_WORDS, WORDS } from './intent-words.js';

// Everyday words a letter away from a command word, so never read as a typo of it: "which alerts were held?" is not "help".
const PLAIN = ['held'];

/** Every word the parser knows: what a typo is matched against. */
export const VOCAB = [...new Set([...Object.keys(METRIC_WORDS), ...Object.values(WORDS).flat(), ...PLAIN])];
