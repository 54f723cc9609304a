import type { Config } from '../config/load-config.js';
import type { ChatAdapter, NeutralMessage, Platform } from '../core/chat.js';
import type { Logger } from '../core/ports.js';
import type { SidePort } from '../http/side-port.js';
import type { Choice, SuggestField } from './suggest-options.js';

/**
 * The Slack and Discord adapters, for the tokens configured and not yet added. Their SDKs are heavy,
 * so they are imported only then: the web console alone starts without loading either.
 */
export async function loadChatAdapters(
  config: Pick<Config, 'slack' | 'discord' | 'chat'>,
  o: {
    logger: Logger;
    sidePort: SidePort;
    has: (p: Platform) => boolean;
    add: (a: ChatAdapter) => void;
    /** Discord's option pickers. */
    suggest?: (field: SuggestField, typed: string) => Choice[];
    /** Slack's Home tab. */
    home?: (user: string) => { text: string; messages: NeutralMessage[] };
    /** What each viewer's Home tab lists, read once per refresh (the shared part once). */
    homeKeys?: () => (user: string) => string;
  },
): Promise<void> {
  if (config.slack && !o.has('slack')) {
    const { createSlackAdapter } = await import('./slack/slack-adapter.js');
    const slack = createSlackAdapter({
      ...config.slack,
      command: config.chat.slack.command,
      watchdogMs: config.chat.slack.watchdogSeconds * 1000,
      logger: o.logger.child({ component: 'slack' }),
      ...(o.home ? { home: o.home } : {}),
      ...(o.homeKeys ? { homeKeys: o.homeKeys } : {}),
    });
    slack.register(o.sidePort);
    o.add(slack);
  }
  if (config.discord && !o.has('discord')) {
    const { createDiscordAdapter } = await import('./discord/discord-adapter.js');
    o.add(
      createDiscordAdapter({
        token: config.discord.token,
        apiUrl: config.discord.apiUrl,
        command: config.chat.discord.command,
        listenChannels: config.chat.discord.listenChannels,
        logger: o.logger.child({ component: 'discord' }),
        ...(o.suggest ? { suggest: o.suggest } : {}),
      }),
    );
  }
}
