/**
 * Runs the evaluation set (tests/fixtures/llm-eval.json) against a real LLM provider and prints
 * accuracy, latency and cost per answer. Provider from env, as the bot picks it:
 *   OPENAI_API_KEY [OPENAI_MODEL] [OPENAI_BASE_URL]   or   GEMINI_API_KEY [GEMINI_MODEL]
 *   npm run bench:llm
 * Without a key it runs only the deterministic questions and says so.
 */
import { llmHarness } from '../tests/helpers/llm-harness.js';
import { loadEvalSet, runEval, type EvalOutcome } from '../tests/helpers/run-llm-eval.js';

const items = loadEvalSet();
const api = process.env.OPENAI_API_KEY || process.env.OPENAI_BASE_URL ? 'openai' : process.env.GEMINI_API_KEY ? 'gemini' : 'none';

function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
}

function report(title: string, rs: EvalOutcome[]): void {
  const ok = rs.filter((r) => r.ok).length;
  const ms = rs.map((r) => r.ms);
  console.log(
    `${title.padEnd(28)} ${String(rs.length).padStart(3)} questions  accuracy ${((100 * ok) / Math.max(1, rs.length)).toFixed(1).padStart(5)}%  ` +
      `latency p50 ${pct(ms, 0.5).toFixed(0)} ms, p95 ${pct(ms, 0.95).toFixed(0)} ms`,
  );
  for (const r of rs.filter((x) => !x.ok)) console.log(`   ✗ ${r.id} ${r.question}: ${r.problems.join('; ')}`);
}

async function main(): Promise<void> {
  // The real provider answers for itself: scripted replies and adversarial items do not apply.
  const env = {
    openai: ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_MODEL'],
    gemini: ['GEMINI_API_KEY', 'GEMINI_BASE_URL', 'GEMINI_MODEL'],
  };
  const det = items.filter((i) => i.route === 'deterministic');
  const free = items.filter((i) => i.route === 'llm' && i.path !== 'fallback');
  const h = llmHarness({ api: 'none' });
  report('deterministic (no LLM)', await runEval(det, (q, t) => h.ask(q, t)));
  h.close();
  if (api === 'none') {
    console.log(`\nNo OPENAI_API_KEY, OPENAI_BASE_URL or GEMINI_API_KEY: skipped the ${free.length} free-form questions.`);
    return;
  }
  const live = llmHarness({ api, live: Object.fromEntries(env[api].map((k) => [k, process.env[k] ?? ''])) });
  let done = 0;
  const rs = await runEval(free, async (q, t) => {
    const r = await live.ask(q, t);
    process.stderr.write(`\r${++done}/${free.length}`);
    return r;
  });
  process.stderr.write('\n');
  report(`${api} free-form`, rs);
  const m = await live.metrics.registry.getMetricsAsJSON();
  const sum = (name: string, label?: Record<string, string>) =>
    (m.find((x) => x.name === name)?.values ?? [])
      .filter((v) => !label || Object.entries(label).every(([k, val]) => (v.labels as Record<string, string>)[k] === val))
      .reduce((a, v) => a + Number(v.value), 0);
  const answers = rs.length;
  const paths = Object.entries(rs.reduce<Record<string, number>>((acc, r) => ((acc[r.intent] = (acc[r.intent] ?? 0) + 1), acc), {})).map(
    ([k, v]) => `${k} ${v}`,
  );
  console.log(
    `paths: ${paths.join(', ')}\ntokens per answer: in ${(sum('sco_llm_tokens_total', { direction: 'in' }) / answers).toFixed(0)}, out ${(sum('sco_llm_tokens_total', { direction: 'out' }) / answers).toFixed(0)}; ` +
      `estimated cost per answer $${(sum('sco_llm_cost_usd_total') / answers).toFixed(5)} (prices from config llm.pricing)`,
  );
  live.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
