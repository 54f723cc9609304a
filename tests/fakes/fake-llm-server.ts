import http from 'node:http';
import type net from 'node:net';

/** One request as the fake saw it, in a shape common to both APIs. */
export interface LlmSeen {
  api: 'openai' | 'gemini';
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  system: string;
  /** Every user/assistant/tool text in order, flattened. */
  texts: string[];
  /** The last user text (the question with its data block). */
  lastUser: string;
  toolResults: string[];
  tools: string[];
}

export type FakeReply =
  | { text: string; inputTokens?: number; outputTokens?: number }
  | { toolCalls: { name: string; args: Record<string, unknown> }[] }
  | { status: number; body?: string; headers?: Record<string, string> }
  | { hang: true };

export type Script = (req: LlmSeen) => FakeReply;

/** The grounded context inside a prompt's <data> block. */
export const dataBlock = (s: string) => /<data>\n([\s\S]*)\n<\/data>/.exec(s)?.[1] ?? '';

function normalise(api: 'openai' | 'gemini', url: string, headers: http.IncomingHttpHeaders, body: Record<string, unknown>): LlmSeen {
  const texts: string[] = [];
  const toolResults: string[] = [];
  let system = '';
  let lastUser = '';
  let tools: string[];
  if (api === 'openai') {
    for (const m of body.messages as { role: string; content: string | null }[]) {
      if (m.role === 'system') system = m.content ?? '';
      else if (m.role === 'tool') toolResults.push(m.content ?? '');
      else {
        texts.push(m.content ?? '');
        if (m.role === 'user') lastUser = m.content ?? '';
      }
    }
    tools = ((body.tools as { function: { name: string } }[] | undefined) ?? []).map((t) => t.function.name);
  } else {
    const cfg = (body.systemInstruction ?? (body as { config?: { systemInstruction?: unknown } }).config?.systemInstruction) as
      { parts?: { text: string }[] } | string | undefined;
    system = typeof cfg === 'string' ? cfg : (cfg?.parts?.map((p) => p.text).join('') ?? '');
    for (const c of body.contents as { role: string; parts: { text?: string; functionResponse?: { response: { result: string } } }[] }[]) {
      for (const p of c.parts) {
        if (p.functionResponse) toolResults.push(p.functionResponse.response.result);
        else if (p.text !== undefined) {
          texts.push(p.text);
          if (c.role === 'user') lastUser = p.text;
        }
      }
    }
    tools = ((body.tools as { functionDeclarations: { name: string }[] }[] | undefined) ?? []).flatMap((t) =>
      t.functionDeclarations.map((f) => f.name),
    );
  }
  return { api, url, headers, body, system, texts, lastUser, toolResults, tools };
}

/**
 * A local stand-in for OpenAI Chat Completions (/v1/chat/completions) and Gemini generateContent
 * (/v1beta/models/{model}:generateContent), reached by the real SDKs over HTTP. It records every
 * request and answers from a queue of scripted replies (then from `fallback`).
 */
export async function startFakeLlm(fallback: Script = () => ({ text: 'I do not know.' })) {
  const seen: LlmSeen[] = [];
  const queue: Script[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const url = req.url ?? '';
      const gem = /^\/v1beta\/models\/([^:]+):generateContent/.exec(url);
      const api = url === '/v1/chat/completions' ? 'openai' : gem ? 'gemini' : undefined;
      if (!api) {
        res.writeHead(404).end('{}');
        return;
      }
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      const n = normalise(api, url, req.headers, body);
      seen.push(n);
      const reply = (queue.shift() ?? fallback)(n);
      if ('hang' in reply) return; // never answers: the client's timeout must fire
      if ('status' in reply) {
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(reply.body ?? JSON.stringify({ error: { message: `fake error ${reply.status}`, code: reply.status } }));
        return;
      }
      res.setHeader('content-type', 'application/json');
      const usage =
        'text' in reply ? { in: reply.inputTokens ?? Math.ceil(raw.length / 4), out: reply.outputTokens ?? 40 } : { in: 100, out: 10 };
      if (api === 'openai') {
        const message =
          'text' in reply
            ? { role: 'assistant', content: reply.text }
            : {
                role: 'assistant',
                content: null,
                tool_calls: reply.toolCalls.map((c, i) => ({
                  id: `call_${seen.length}_${i}`,
                  type: 'function',
                  function: { name: c.name, arguments: JSON.stringify(c.args) },
                })),
              };
        res.end(
          JSON.stringify({
            id: `chatcmpl-${seen.length}`,
            object: 'chat.completion',
            created: 0,
            model: body.model,
            choices: [{ index: 0, message, finish_reason: 'text' in reply ? 'stop' : 'tool_calls' }],
            usage: { prompt_tokens: usage.in, completion_tokens: usage.out, total_tokens: usage.in + usage.out },
          }),
        );
      } else {
        const parts =
          'text' in reply ? [{ text: reply.text }] : reply.toolCalls.map((c) => ({ functionCall: { name: c.name, args: c.args } }));
        res.end(
          JSON.stringify({
            candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
            usageMetadata: { promptTokenCount: usage.in, candidatesTokenCount: usage.out, totalTokenCount: usage.in + usage.out },
            modelVersion: gem![1],
          }),
        );
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    /** Queue replies for the next requests, in order. */
    script(...replies: (FakeReply | Script)[]) {
      for (const r of replies) queue.push(typeof r === 'function' ? r : () => r);
    },
    /** Drops replies not yet used. */
    reset() {
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

export type FakeLlm = Awaited<ReturnType<typeof startFakeLlm>>;
