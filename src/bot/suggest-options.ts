import type { Clock, Store } from '../core/ports.js';
import type { ChatService } from './chat-service.js';
import { METRIC_LABEL } from '../core/metrics.js';
import { formatDuration } from './text-tools.js';

/** What a command option names: a target, a proposal waiting for a decision, or an open alert (its target or id). */
export type SuggestField = 'target' | 'proposal' | 'alert';

export interface Choice {
  /** What the picker shows (Discord: at most 100 characters). */
  name: string;
  /** What the command receives. */
  value: string;
}

/** Discord shows at most 25 choices. */
export const MAX_CHOICES = 25;

const fit = (s: string) => (s.length > 100 ? `${s.slice(0, 99)}…` : s);

/**
 * The choices a command option's picker offers for what has been typed so far: the names and ids
 * the user would otherwise have to copy from an alert. Matched anywhere in the name, case-blind;
 * the most urgent first (critical, then the soonest to expire).
 */
export function suggestOptions(store: Store, targets: readonly string[], field: SuggestField, typed: string, now: number): Choice[] {
  const q = typed.trim().toLowerCase().slice(0, 100);
  const hit = (c: Choice) => !q || c.name.toLowerCase().includes(q) || c.value.toLowerCase().includes(q);
  // Discord refuses the whole list if one value is longer than 100 characters.
  const done = (cs: Choice[]) => cs.filter((c) => c.value.length <= 100 && hit(c)).slice(0, MAX_CHOICES);
  const open = store.openAnomalies();
  const openOn = (t: string) => open.filter((a) => a.target === t);
  if (field === 'proposal')
    return done(
      store
        .listProposals({ states: ['proposed'], limit: 200 })
        .sort((a, z) => a.expiresTs - z.expiresTs)
        .map((p) => ({
          value: p.id,
          name: fit(`${p.id} ${p.action} on ${p.target}, expires in ${formatDuration(Math.max(0, p.expiresTs - now))}`),
        })),
    );
  if (field === 'target')
    return done(
      targets
        .map((t) => ({ value: t, name: fit(`${t}${openOn(t).length ? ` (${openOn(t).length} open)` : ''}`) }))
        .sort((a, z) => openOn(z.value).length - openOn(a.value).length || a.value.localeCompare(z.value)),
    );
  // An alert: each target with something open (all of it), then each open anomaly by id.
  const rank = (sev: string) => (sev === 'critical' ? 0 : 1);
  const byTarget = [...new Set(open.map((a) => a.target))]
    .map((t) => {
      const mine = openOn(t);
      const worst = mine.some((a) => a.severity === 'critical') ? 'critical' : 'warning';
      const what = [...new Set(mine.map((a) => METRIC_LABEL[a.metric] ?? a.metric))].join(', ');
      return { sev: worst, choice: { value: t, name: fit(`${t}: ${mine.length} open, ${worst} (${what})`) } };
    })
    .sort((a, z) => rank(a.sev) - rank(z.sev) || a.choice.value.localeCompare(z.choice.value));
  const byId = [...open]
    .sort((a, z) => rank(a.severity) - rank(z.severity) || z.startTs - a.startTs)
    .map((a) => ({
      sev: a.severity,
      choice: { value: a.id, name: fit(`${a.id} ${a.target} ${METRIC_LABEL[a.metric] ?? a.metric} [${a.severity}] (${a.detector})`) },
    }));
  return done([...byTarget, ...byId].map((x) => x.choice));
}

/** What Discord's pickers and Slack's Home tab read, for the platform adapters. */
export function platformExtrasOf(
  store: Store,
  names: () => readonly string[],
  chat: { home: ChatService['home']; homeKeys: ChatService['homeKeys'] },
  clock: Clock,
) {
  return {
    suggest: (field: SuggestField, typed: string) => suggestOptions(store, names(), field, typed, clock.now()),
    home: (user: string) => chat.home(clock.now(), { platform: 'slack', id: user, roles: [] }),
    homeKeys: () => {
      const of = chat.homeKeys(clock.now());
      return (user: string) => of({ platform: 'slack', id: user, roles: [] });
    },
  };
}
