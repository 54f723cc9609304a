import { createWebAdapter } from '../../src/bot/web/web-adapter.js';
import { createSidePort } from '../../src/http/side-port.js';
import { createSqliteStore } from '../../src/store/sqlite-store.js';
import { captureLogger } from '../helpers/test-config.js';
import { runChatAdapterContract } from './chat-adapter-contract.js';

/** The web adapter over real HTTP: incoming events arrive as the console sends them. */
runChatAdapterContract('web', async () => {
  const store = createSqliteStore(':memory:');
  const adapter = createWebAdapter({ store, clock: { now: () => Date.now() }, snapshot: () => ({}) });
  const port = createSidePort({ host: '127.0.0.1', port: 0, logger: captureLogger() });
  adapter.register(port);
  const addr = await port.start();
  const base = `http://127.0.0.1:${addr.port}`;
  const post = async (path: string, body: unknown) => {
    const r = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await r.json()) as { reply: string };
  };
  return {
    adapter,
    channel: 'console',
    read: async (ref) => {
      const r = (await (await fetch(`${base}/api/console`)).json()) as {
        messages: { id: string; thread: string | null; payload: never }[];
      };
      const m = r.messages.find((x) => x.id === ref.id)!;
      return { msg: m.payload, thread: m.thread ?? undefined };
    },
    sendText: async (text, user) => (await post('/api/query', { question: text, user })).reply,
    click: async (action, value, user) =>
      (await post('/api/actions', { action, [action === 'silence' ? 'anomalyId' : 'proposalId']: value, user })).reply,
    close: async () => {
      await port.stop();
      store.close();
    },
  };
});
