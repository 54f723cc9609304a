import type { Severity } from './anomaly.js';

export type Platform = 'web' | 'slack' | 'discord' | 'cli' | 'api' | 'fake';

export interface ChatUser {
  platform: Platform;
  id: string;
  name?: string;
  /** Platform roles or groups, matched against approvers.<platform>.roles. */
  roles: string[];
}

/** Every incoming interaction, from any platform, becomes one of these. */
export type ChatEvent =
  | {
      kind: 'text';
      platform: Platform;
      user: ChatUser;
      channel: string;
      thread?: string;
      text: string;
      source: 'command' | 'mention' | 'message' | 'console' | 'api' | 'cli';
      /** The zone the client shows times in (the web console sends the browser's): used when the person chose none. */
      clientZone?: string;
    }
  | ({
      kind: 'action';
      platform: Platform;
      user: ChatUser;
      channel: string;
    } & ActionRef);

/** What a button does and to what: a decision on a proposal, or silencing or acknowledging an alert. */
export type ActionRef =
  { action: 'approve' | 'deny'; proposalId: string } | { action: 'silence'; anomalyId: string } | { action: 'ack'; anomalyId: string };

/** The id a button carries back (Slack value, Discord custom id, console payload). */
export const actionValue = (a: ActionRef): string => ('anomalyId' in a ? a.anomalyId : a.proposalId);

const PROPOSAL_ID = /^rp_[a-z0-9]{3,30}$/;
const ANOMALY_ID = /^an_[a-z0-9]{3,40}$/;

/** A button payload from any platform, validated: only the shapes we render come back as events. */
export function parseActionRef(action: unknown, value: unknown): ActionRef | undefined {
  if (typeof value !== 'string') return undefined;
  if ((action === 'approve' || action === 'deny') && PROPOSAL_ID.test(value)) return { action, proposalId: value };
  if (action === 'silence' && ANOMALY_ID.test(value)) return { action, anomalyId: value };
  if (action === 'ack' && ANOMALY_ID.test(value)) return { action, anomalyId: value };
  return undefined;
}

export interface ChatReply {
  /** Plain text; a fenced block (```) holds a table. Adapters render it for their platform. */
  text: string;
  intent: string;
  /** True when the reply concerns only the asker (refusals, errors). */
  private?: boolean;
  /** Rich attachments (e.g. pending proposals with their buttons) for platforms that show them. */
  messages?: NeutralMessage[];
}

export interface MessageRef {
  platform: Platform;
  channel: string;
  id: string;
  thread?: string;
}

export type MessageAction = ActionRef & { label: string };

/** A platform-neutral message; each adapter renders it (Block Kit, embed, HTML). */
export interface NeutralMessage {
  title: string;
  severity: Severity | 'ok';
  text: string;
  fields: { label: string; value: string }[];
  sparkline?: { label: string; values: number[]; unit: string; from: string; to: string };
  context?: string;
  actions: MessageAction[];
  status?: string;
  /**
   * Who to ping, in the platform's own syntax (Slack "<!subteam^S1>", Discord "<@&1>"). Set only
   * by the notifier, from config routes and from subscriptions (the subscriber's own platform user
   * id, as the platform gave it), never from chat or alert text, which stay escaped.
   */
  mentions?: string[];
  /** Link buttons (runbooks): http(s) URLs from config, opened by the user's client, never by us. */
  links?: { label: string; url: string }[];
  /** A thread reply that should also show in the channel (Slack "also send to channel", a Discord reply). */
  surface?: boolean;
}

export interface ChatAdapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  post(channel: string, msg: NeutralMessage, opts?: { thread?: string }): Promise<MessageRef>;
  update(ref: MessageRef, msg: NeutralMessage): Promise<void>;
  onEvent(handler: (e: ChatEvent) => Promise<ChatReply>): void;
  health?(): { ok: boolean; [k: string]: unknown };
  /** After each tick: re-renders what the adapter keeps on show (Slack's Home tab) if what it lists changed. Never throws. */
  refresh?(): Promise<void>;
}
