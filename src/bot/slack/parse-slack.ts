import { parseActionRef, type ChatEvent } from '../../core/chat.js';

export interface SlashCommandBody {
  command?: string;
  text?: string;
  user_id?: string;
  user_name?: string;
  channel_id?: string;
}

/**
 * Text as the person typed it. Slack escapes "&", "<" and ">" in message and command text and wraps
 * links it detects ("web-1.example.com") as <url|label>: "cpu &gt; 80" is "cpu > 80", and a linked
 * host name is its label. Mentions (<@U…>, <#C…|name>) are left for cleanInput to drop.
 */
export const slackText = (text: string): string =>
  text
    .replace(/<((?:https?|mailto):[^|>\s]*)\|([^>]*)>/g, '$2')
    .replace(/<((?:https?|mailto):[^|>\s]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Pure parsers: Slack payloads → neutral events. Unknown shapes give undefined, never throw. */
export function parseSlashCommand(b: SlashCommandBody): ChatEvent | undefined {
  if (typeof b.user_id !== 'string' || typeof b.channel_id !== 'string') return undefined;
  return {
    kind: 'text',
    platform: 'slack',
    user: { platform: 'slack', id: b.user_id, name: b.user_name, roles: [] },
    channel: b.channel_id,
    text: typeof b.text === 'string' ? slackText(b.text) : '',
    source: 'command',
  };
}

export interface BlockActionBody {
  user?: { id?: string; name?: string; username?: string };
  channel?: { id?: string };
  container?: { channel_id?: string };
  /** A button on the app's Home tab: no channel, the view instead. */
  view?: { type?: string };
}

/** The channel name events from the Home tab are given. */
export const HOME_CHANNEL = 'app_home';

export function parseBlockAction(body: BlockActionBody, action: { action_id?: string; value?: string }): ChatEvent | undefined {
  const m = /^sco_(approve|deny|silence|ack)$/.exec(action.action_id ?? '');
  const channel = body.channel?.id ?? body.container?.channel_id ?? (body.view?.type === 'home' ? HOME_CHANNEL : undefined);
  const ref = m ? parseActionRef(m[1], action.value) : undefined;
  if (!ref || !body.user?.id || !channel) return undefined;
  return {
    kind: 'action',
    platform: 'slack',
    user: { platform: 'slack', id: body.user.id, name: body.user.name ?? body.user.username, roles: [] },
    channel,
    ...ref,
  };
}

export interface MessageEventBody {
  type?: string;
  user?: string;
  text?: string;
  channel?: string;
  channel_type?: string;
  ts?: string;
  thread_ts?: string;
  bot_id?: string;
  subtype?: string;
}

/** Mentions anywhere and direct messages; bots (including ourselves) and edits are ignored. */
export function parseMessageEvent(e: MessageEventBody): ChatEvent | undefined {
  if (e.bot_id || e.subtype || typeof e.user !== 'string' || typeof e.channel !== 'string') return undefined;
  const mention = e.type === 'app_mention';
  if (!mention && !(e.type === 'message' && e.channel_type === 'im')) return undefined;
  return {
    kind: 'text',
    platform: 'slack',
    user: { platform: 'slack', id: e.user, roles: [] },
    channel: e.channel,
    thread: e.thread_ts ?? e.ts,
    text: typeof e.text === 'string' ? slackText(e.text) : '',
    source: mention ? 'mention' : 'message',
  };
}
