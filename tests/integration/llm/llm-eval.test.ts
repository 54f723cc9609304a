import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../../fakes/fake-llm-server.js';
import { llmHarness } from '../../helpers/llm-harness.js';
import { loadEvalSet, runEval } from '../../helpers/run-llm-eval.js';

const items = loadEvalSet();
let fake: FakeLlm;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());

describe('LLM evaluation set (tests/fixtures/llm-eval.json)', () => {
  it('has at least 50 questions covering both paths and adversarial replies', () => {
    expect(items.length).toBeGreaterThanOrEqual(50);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.filter((i) => i.route === 'deterministic').length).toBeGreaterThanOrEqual(20);
    expect(items.filter((i) => i.route === 'llm').length).toBeGreaterThanOrEqual(20);
    expect(items.filter((i) => i.path === 'fallback').length).toBeGreaterThanOrEqual(5);
  });

  it('answers every question right on the deterministic path (no LLM configured)', async () => {
    const h = llmHarness({ api: 'none' });
    const det = items.filter((i) => i.route === 'deterministic');
    const results = await runEval(det, (q, t) => h.ask(q, t));
    h.close();
    expect(results.filter((r) => !r.ok).map((r) => `${r.id} ${r.question}: ${r.problems.join('; ')}`)).toEqual([]);
  });

  it.each(['openai', 'gemini'] as const)('routes, grounds and checks every question with the fake model over the %s SDK', async (api) => {
    const h = llmHarness({ api, fake });
    const results = await runEval(items, (q, t) => h.ask(q, t), fake);
    h.close();
    expect(results.filter((r) => !r.ok).map((r) => `${r.id} ${r.question}: ${r.problems.join('; ')}`)).toEqual([]);
  });
});
