import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/app.js';
import { startFakeLlm } from '../../fakes/fake-llm-server.js';
import { captureLogger, testConfig } from '../../helpers/test-config.js';
import { askApi } from '../../helpers/net.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the app with an OpenAI-compatible server configured by env', () => {
  it('answers a reasoning question from live data through the model and counts it on /metrics', async () => {
    const fake = await startFakeLlm();
    cleanups.push(() => fake.close());
    const app = createApp({
      config: testConfig({
        env: { OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_MODEL: 'llama3.1' },
        overrides: { sources: { backfillHours: 1 } },
      }),
      logger: captureLogger(),
    });
    const { port } = await app.start({ schedule: false });
    cleanups.push(() => app.stop());
    const base = `http://127.0.0.1:${port}`;
    // The model repeats the figure the context gave it: whatever the synthetic fleet shows now.
    fake.script((req) => {
      const line = /\[web-1 CPU @\d\d:\d\dZ\] (\d+\.\d%)/.exec(req.lastUser);
      return { text: line ? `web-1 CPU is ${line[1]}.` : 'no CPU line in the context' };
    });
    const ask = (question: string) => askApi(base, question);

    const r = await ask('why is web-1 busy?');
    expect(r.intent).toBe('llm');
    expect(r.reply).toMatch(/^web-1 CPU is \d+\.\d%\.\nSources: \[web-1 CPU @\d\d:\d\dZ\]/);
    expect(fake.seen[0]!.headers.authorization).toBe('Bearer none'); // a local server needs no key
    expect((fake.seen[0]!.body as { model: string }).model).toBe('llama3.1');
    expect((await ask("what's current CPU?")).intent).toBe('metrics');
    expect(fake.seen).toHaveLength(1);

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/sco_llm_requests_total\{provider="openai_compatible",outcome="ok"\} 1/);
    expect(metrics).toMatch(/sco_llm_request_duration_seconds_count\{provider="openai_compatible"\} 1/);
    expect(metrics).toMatch(/sco_llm_tokens_total\{provider="openai_compatible",direction="in"\} \d+/);
    expect(metrics).toMatch(/sco_llm_cost_usd_total\{provider="openai_compatible"\} [0-9.e-]+/);
    expect(metrics).toMatch(/sco_chat_answers_total\{path="llm"\} 1/);
  }, 30_000);
});
