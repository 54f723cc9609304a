import type { Intent } from './intent.js';
import { capacityQuestion } from './parse-capacity.js';
import { glossaryQuestion } from './parse-glossary.js';
import { rulesQuestion } from './parse-rules-question.js';
import { tuneQuestion, type QuestionScope } from './parse-tune.js';

/**
 * Questions about how detection and the fleet are set up, asked before the history and figure
 * questions: what a word on an alert means, how a threshold would do at other bounds, how much
 * room the hosts have, and the rules themselves. Pure.
 */
export function setupQuestionOf(text: string, tokens: readonly string[], o: QuestionScope): Intent | undefined {
  const { metric, target, group, span, unknownTarget } = o;
  return (
    glossaryQuestion(text) ??
    tuneQuestion(text, o) ??
    capacityQuestion(text, { target, group, span, unknownTarget }) ??
    rulesQuestion(text, tokens, { metric, target, unknownTarget })
  );
}
