/** The /ops command with subcommands matching Slack's. Raw API JSON (what SlashCommandBuilder emits). */
export function opsCommand(name = 'ops') {
  const str = (n: string, description: string, required = false) => ({ type: 3, name: n, description, required });
  return {
    name,
    description: 'SmartCloudOps: metrics, anomalies, approvals',
    options: [
      { type: 1, name: 'cpu', description: 'Current CPU', options: [str('target', 'one target, e.g. web-1')] },
      {
        type: 1,
        name: 'anomalies',
        description: 'Recent anomalies',
        options: [{ type: 4, name: 'count', description: 'how many', required: false, min_value: 1, max_value: 50 }],
      },
      { type: 1, name: 'status', description: 'Fleet overview' },
      { type: 1, name: 'pending', description: 'Proposals waiting for approval, with buttons' },
      { type: 1, name: 'approve', description: 'Approve a proposal', options: [str('id', 'proposal id, rp_…', true)] },
      { type: 1, name: 'deny', description: 'Deny a proposal', options: [str('id', 'proposal id, rp_…', true)] },
      {
        type: 1,
        name: 'ack',
        description: 'Acknowledge open alerts (I have this: no reminders)',
        options: [str('what', 'a target (web-1) or an anomaly id (an_…); empty lists the open ones')],
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
