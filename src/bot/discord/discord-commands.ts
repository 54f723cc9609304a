import type { SuggestField } from '../suggest-options.js';

/** The /ops command with subcommands matching Slack's. Raw API JSON (what SlashCommandBuilder emits). */
export function opsCommand(name = 'ops') {
  const str = (n: string, description: string, required = false) => ({ type: 3, name: n, description, required });
  // Offered as the user types (suggest-options.ts): no id copied from an alert by hand.
  const picked = (n: string, description: string, required = false) => ({ ...str(n, description, required), autocomplete: true });
  return {
    name,
    description: 'SmartCloudOps: metrics, anomalies, approvals',
    options: [
      { type: 1, name: 'cpu', description: 'Current CPU', options: [picked('target', 'one target, e.g. web-1')] },
      {
        type: 1,
        name: 'anomalies',
        description: 'Recent anomalies',
        options: [{ type: 4, name: 'count', description: 'how many', required: false, min_value: 1, max_value: 50 }],
      },
      { type: 1, name: 'status', description: 'Fleet overview' },
      { type: 1, name: 'pending', description: 'Proposals waiting for approval, with buttons' },
      { type: 1, name: 'approve', description: 'Approve a proposal', options: [picked('id', 'proposal id, rp_…', true)] },
      { type: 1, name: 'deny', description: 'Deny a proposal', options: [picked('id', 'proposal id, rp_…', true)] },
      {
        type: 1,
        name: 'ack',
        description: 'Acknowledge open alerts (I have this: no reminders)',
        options: [picked('what', 'a target (web-1) or an anomaly id (an_…); empty lists the open ones')],
      },
      {
        type: 1,
        name: 'snooze',
        description: 'Silence a target’s alerts (or one alert’s) for a while',
        options: [
          picked('what', 'a target (web-1) or an anomaly id (an_…)', true),
          str('for', 'how long: 30m, 2h, "until 15:00" or "from 22:00 to 23:00" (UTC); 1h if empty'),
          str('reason', 'why, e.g. "db migration": shown with the silence'),
        ],
      },
      {
        type: 1,
        name: 'watch',
        description: 'Tell me here when a target recovers, or when a figure crosses a line',
        options: [
          picked('target', 'a target, e.g. web-1', true),
          str('when', '"recovers" if empty, or a line: "cpu below 50%", "disk reaches 90%"'),
          str('for', 'how long to keep watching, e.g. 2h, 3d; 24h if empty (a week at most)'),
        ],
      },
      { type: 1, name: 'ask', description: 'Ask a question', options: [str('question', 'e.g. summarise the last 3 anomalies', true)] },
      { type: 1, name: 'help', description: 'What I can do' },
    ],
  };
}

/** A subcommand and its options → the text the router understands. */
export function commandText(sub: string, opts: Record<string, string | number | undefined>): string {
  switch (sub) {
    case 'cpu':
      return `cpu ${opts.target ?? ''}`.trim();
    case 'anomalies':
      return `anomalies ${opts.count ?? ''}`.trim();
    case 'approve':
    case 'deny':
      return `${sub} ${opts.id ?? ''}`;
    case 'ack':
      return `ack ${opts.what ?? ''}`.trim();
    case 'snooze': {
      const span = String(opts.for ?? '').trim();
      // A time said as such ("until 15:00", "from 22:00 to 23:00", "tomorrow 02:00-04:00") is passed as it is.
      const when =
        span === '' ? 'for 1h' : /^(?:until|till|from|at|between|tomorrow|tonight|overnight)\b/i.test(span) ? span : `for ${span}`;
      const reason = String(opts.reason ?? '').trim();
      return `snooze ${opts.what ?? ''} ${when}${reason ? `: ${reason}` : ''}`;
    }
    case 'watch': {
      const span = String(opts.for ?? '').trim();
      return `tell me when ${opts.target ?? ''} ${String(opts.when ?? '').trim() || 'recovers'}${span ? ` for the next ${span}` : ''}`;
    }
    case 'ask':
      return String(opts.question ?? '');
    default:
      return sub;
  }
}

export interface OptionData {
  name: string;
  type: number;
  value?: string | number | boolean;
  options?: readonly OptionData[];
}

/**
 * The subcommand and its option values from an interaction's raw option tree, whatever their
 * types. discord.js's typed getters throw when a registered option's type differs from the one
 * asked for (a guild still holding an older release's registration), which would leave the
 * user's deferred reply "thinking" for ever.
 */
export function readSubcommand(data: readonly OptionData[]): { sub: string; opts: Record<string, string | undefined> } {
  const sub = data.find((d) => d.type === 1);
  const opts: Record<string, string | undefined> = {};
  for (const d of sub?.options ?? []) if (d.value !== undefined) opts[d.name] = String(d.value);
  return { sub: sub?.name ?? 'help', opts };
}

/** Which picker an option's autocomplete fills: targets, proposals waiting, or open alerts. */
export function fieldOf(sub: string, option: string): SuggestField | undefined {
  if (option === 'target') return 'target';
  if (option === 'id' && (sub === 'approve' || sub === 'deny')) return 'proposal';
  if (option === 'what' && (sub === 'ack' || sub === 'snooze')) return 'alert';
  return undefined;
}

/** The subcommand and the option being typed, from an autocomplete interaction's raw option tree. */
export function readFocused(
  data: readonly (OptionData & { focused?: boolean })[],
): { sub: string; option: string; typed: string } | undefined {
  const sub = data.find((d) => d.type === 1);
  const focused = (sub?.options as (OptionData & { focused?: boolean })[] | undefined)?.find((d) => d.focused);
  if (!sub || !focused) return undefined;
  return { sub: sub.name, option: focused.name, typed: String(focused.value ?? '') };
}
