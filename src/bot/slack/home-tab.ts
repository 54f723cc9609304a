import type { NeutralMessage } from '../../core/chat.js';
import type { Logger } from '../../core/ports.js';
import { renderBlocks, renderReplyText } from './render-blocks.js';

/** What the Home tab shows; `key` changes when what it lists changes (not when a duration ticks on). */
export interface HomeView {
  text: string;
  messages: NeutralMessage[];
  key?: string;
}

/** A user who has not opened the tab for this long is no longer kept up to date (Slack still shows the last one). */
const VIEWER_TTL_MS = 7 * 86_400_000;
/** Bounds the views.publish calls one change can cost. */
const MAX_VIEWERS = 200;

/**
 * Slack's Home tab: published when a user opens it, and published again for those who opened it
 * lately whenever what it lists changes (an alert opens or ends, a proposal arrives or is decided),
 * so a tab left open does not keep offering buttons for proposals already decided.
 */
export function createHomeTab(o: {
  home: (user: string) => HomeView;
  /** Each viewer's key without building their tab (a tab can list the viewer's own watches); else the first viewer's tab's key. */
  keys?: () => (user: string) => string | undefined;
  publish: (user: string, blocks: unknown[]) => Promise<unknown>;
  logger: Logger;
  now: () => number;
  command: string;
}) {
  const viewers = new Map<string, { seenTs: number; key?: string }>();

  async function publish(user: string, notice?: string): Promise<void> {
    try {
      const h = o.home(user);
      const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text: renderReplyText(text).slice(0, 2900) } });
      const blocks = [
        { type: 'header', text: { type: 'plain_text', text: 'SmartCloudOps' } },
        ...(notice ? [section(notice), { type: 'divider' }] : []),
        section(h.text),
        ...h.messages.slice(0, 10).flatMap((m) => [{ type: 'divider' }, ...renderBlocks(m).blocks]),
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: `As of ${new Date(o.now()).toISOString().slice(11, 19)} UTC; updated when an alert or a proposal changes. Ask with ${o.command} or a mention.`,
            },
          ],
        },
      ].slice(0, 100);
      await o.publish(user, blocks);
      const v = viewers.get(user);
      if (v) v.key = h.key;
    } catch (err) {
      o.logger.warn({ err: (err as Error).message }, 'slack home tab not published');
    }
  }

  return {
    publish,
    /** The user opened the tab: published now, and kept up to date from here on. */
    async opened(user: string): Promise<void> {
      viewers.delete(user);
      viewers.set(user, { seenTs: o.now() });
      // The oldest viewer makes room for a new one.
      if (viewers.size > MAX_VIEWERS) viewers.delete(viewers.keys().next().value!);
      await publish(user);
    },
    /** After a tick: publishes again for each recent viewer whose tab lists something else now. Returns how many. */
    async refresh(): Promise<number> {
      const now = o.now();
      for (const [user, v] of viewers) if (now - v.seenTs > VIEWER_TTL_MS) viewers.delete(user);
      if (!viewers.size) return 0;
      let keyOf: (user: string) => string | undefined;
      try {
        if (o.keys) keyOf = o.keys();
        else {
          const key = o.home([...viewers.keys()][0]!).key;
          keyOf = () => key;
        }
      } catch (err) {
        o.logger.warn({ err: (err as Error).message }, 'slack home tab not built');
        return 0;
      }
      let n = 0;
      for (const [user, v] of viewers) {
        let key: string | undefined;
        try {
          key = keyOf(user);
        } catch (err) {
          o.logger.warn({ err: (err as Error).message }, 'slack home tab not built');
          continue;
        }
        if (key !== undefined && v.key !== key) {
          await publish(user);
          n++;
        }
      }
      return n;
    },
  };
}
