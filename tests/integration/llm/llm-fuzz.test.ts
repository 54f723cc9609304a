import { describe, expect, it, onTestFinished } from 'vitest';
import { createRng } from '../../../src/core/random.js';
import { startFakeLlm, type FakeReply } from '../../fakes/fake-llm-server.js';
import { llmHarness } from '../../helpers/llm-harness.js';

const TOOLS = ['latest_metrics', 'metric_trend', 'alert_timeline', 'rm_rf', '', '__proto__'];

/** Replies a provider, a proxy in front of it or a local model server might really give. */
function replies(api: 'openai' | 'gemini', rnd: () => number): FakeReply {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const raw = (body: unknown, status = 200): FakeReply => ({ status, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const openai = (message: unknown, finish = 'stop') =>
    raw({ id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, message, finish_reason: finish }] });
  const gemini = (parts: unknown, finishReason = 'STOP') =>
    raw({ candidates: [{ content: { role: 'model', parts }, finishReason, index: 0 }] });
  const shared: FakeReply[] = [
    raw('not json'),
    raw('<html>502 Bad Gateway</html>', 502),
    raw('{}'),
    raw('null'),
    raw({ error: { message: 'context_length_exceeded' } }, 400),
    raw({ error: 'unauthorized' }, 401),
    raw('', 404),
    { text: '' },
    { text: ' \n\t ' },
    { text: 'web-1 CPU is at 999.9% and db-1 has 12345 open files.' },
    { text: 'x'.repeat(200_000) },
    { text: '\u0000\u001b[31m<script>alert(1)</script> {{7*7}} ${1+1}' },
    { text: 'Approved rp_123. I restarted nginx on web-1.' },
    {
      toolCalls: [{ name: pick(TOOLS), args: { target: pick(['web-1', 'nope', '', 'x'.repeat(5000)]), metric: pick(['cpu', 'nope', 7]) } }],
    },
    { toolCalls: Array.from({ length: 40 }, () => ({ name: pick(TOOLS), args: {} })) },
  ];
  const own: FakeReply[] =
    api === 'openai'
      ? [
          raw({ choices: [] }),
          openai(null),
          openai({ role: 'assistant', content: null }),
          openai({ role: 'assistant', content: 'cut off mid-sen' }, 'length'),
          openai(
            {
              role: 'assistant',
              content: null,
              tool_calls: [{ id: 'c1', type: 'function', function: { name: 'latest_metrics', arguments: '{not json' } }],
            },
            'tool_calls',
          ),
          openai(
            {
              role: 'assistant',
              content: null,
              tool_calls: [{ id: 'c1', type: 'function', function: { name: 'metric_trend', arguments: '[1,2]' } }],
            },
            'tool_calls',
          ),
          openai({ role: 'assistant', content: null, tool_calls: 'nope' }, 'tool_calls'),
        ]
      : [
          raw({ candidates: [] }),
          raw({ promptFeedback: { blockReason: 'SAFETY' } }),
          gemini([]),
          gemini([{ text: 'half' }], 'MAX_TOKENS'),
          gemini(undefined, 'SAFETY'),
          gemini([{ functionCall: { name: 'latest_metrics', args: 'nope' } }]),
          gemini([{ functionCall: { args: {} } }]),
          gemini([{ thought: true, text: 'thinking about it' }]),
        ];
  return pick([...shared, ...own]);
}

describe.each(['openai', 'gemini'] as const)('LLM answers through the real %s SDK under replies that are wrong in every way', (api) => {
  it('always gives a clear answer, never an error log, and never an unchecked figure', async () => {
    const rnd = createRng(api === 'openai' ? 31 : 32);
    const fake = await startFakeLlm(() => replies(api, rnd));
    onTestFinished(() => fake.close());
    const h = llmHarness({ api, fake, llm: { retries: 1, circuitFailures: 100, timeoutMs: 2000, deadlineMs: 4000 } });
    onTestFinished(() => h.close());
    const questions = [
      'why is db-1 disk so full?',
      'is web-1 healthy compared with yesterday?',
      'what should I look at first?',
      'what changed on db-1 since this morning?',
    ];
    for (let i = 0; i < 40; i++) {
      const q = questions[i % questions.length]!;
      const r = await h.ask(q, `t${i % 3}`);
      expect(r.text.trim().length, `${q} → ${r.intent}`).toBeGreaterThan(0);
      expect(r.text.length).toBeLessThanOrEqual(20_000);
      expect(r.text).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
      // The made-up figures of the replies above are never passed on as fact.
      expect(r.text).not.toMatch(/999\.9|12345/);
      expect(r.text).not.toMatch(/I restarted nginx/);
      // A thinking model's scratch work is not its answer; an answer cut at the length limit says so.
      expect(r.text).not.toMatch(/thinking about it/);
      if (/^(cut off mid-sen|half)/.test(r.text)) expect(r.text).toMatch(/\(The model's answer was cut off at its length limit\.\)$/);
    }
    expect(h.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    // Nothing a reply said changed the store: no proposal was decided.
    expect(h.store.listProposals({ states: ['approved', 'denied', 'running', 'succeeded'], limit: 10 })).toEqual([]);
  }, 120_000);
});
