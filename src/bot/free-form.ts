import { answerIntent, type AnswerContext } from './answer-intent.js';
import { matchTarget, type MetricKey } from './parse-intent.js';

// Questions that ask for reasoning rather than a lookup: these go to the LLM when one is configured,
// with the lookup's answer as the fallback. Trends and forecasts are not here: they have a
// deterministic answer (answer-trend.ts) whose every figure is computed from the store.
const REASONING =
  /\b(why|how come|compare[sd]?|comparison|versus|vs\.?|differen(ce|t)|unusual|odd|weird|strange|causes?d?|root cause|correlat\w*|should (i|we)|worry|worried|what changed|since (the )?(deploy\w*|release|restart|change|upgrade))\b/i;

export const wantsReasoning = (text: string) => REASONING.test(text);

const METRIC_HINTS: [RegExp, MetricKey][] = [
  [/\b(cpu|load|processor)\b/i, 'cpu'],
  [/\b(mem|memory|ram)\b/i, 'memory'],
  [/\b(disk|storage)\b/i, 'disk'],
  [/\b(net|network|traffic)\b/i, 'network'],
  [/\b(latency|slow)\b/i, 'latency'],
];

/**
 * The deterministic answer for a free-form question: the named targets' readings and anomalies,
 * or the fleet status when it names none. Used without an LLM, and whenever the LLM's answer
 * cannot be used.
 */
export function freeFormFallback(text: string, c: AnswerContext): string {
  const roles = new Set(c.targets.map((t) => t.role?.toLowerCase()).filter(Boolean));
  // Host-like words (with a digit) and role words only: "is" must not prefix-match "istio-1".
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9._-]+/)
    .filter((w) => /\d/.test(w) || roles.has(w) || roles.has(w.replace(/s$/, '')));
  const targets = [...new Set(words.map((w) => matchTarget(w, c.targets)).filter((t): t is string => Boolean(t)))].slice(0, 3);
  const metric = METRIC_HINTS.find(([re]) => re.test(text))?.[1];
  if (!targets.length) return answerIntent({ kind: 'status' }, c);
  return targets
    .map((target) =>
      [answerIntent({ kind: 'metrics', target, metric }, c), answerIntent({ kind: 'anomalies', limit: 3, today: false, target }, c)].join(
        '\n',
      ),
    )
    .join('\n\n');
}

export const NO_LLM_NOTE =
  'Free-form questions need an LLM and none is configured (set OPENAI_API_KEY, OPENAI_BASE_URL for a local server, or GEMINI_API_KEY), so I can only answer the questions below.';
