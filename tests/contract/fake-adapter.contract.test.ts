import { createFakeChatAdapter } from '../fakes/fake-chat-adapter.js';
import { parseActionRef } from '../../src/core/chat.js';
import { runChatAdapterContract } from './chat-adapter-contract.js';

runChatAdapterContract('fake', async () => {
  const adapter = createFakeChatAdapter();
  return {
    adapter,
    channel: 'C1',
    read: async (ref) => {
      const m = adapter.messages.get(ref.id)!;
      return { msg: m.msg, thread: m.thread };
    },
    sendText: async (text, user) =>
      (
        await adapter.emit({
          kind: 'text',
          platform: 'fake',
          user: { platform: 'fake', id: user, roles: [] },
          channel: 'C1',
          text,
          source: 'message',
        })
      ).text,
    click: async (action, value, user) =>
      (
        await adapter.emit({
          kind: 'action',
          platform: 'fake',
          user: { platform: 'fake', id: user, roles: [] },
          channel: 'C1',
          ...parseActionRef(action, value)!,
        })
      ).text,
    close: async () => undefined,
  };
});
