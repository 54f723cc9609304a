/** One alert decision, counted on /metrics (sco_alerts_total{outcome}). */
export type AlertOutcome =
  | 'posted'
  | 'joined'
  | 'fleet'
  | 'late'
  | 'held_silenced'
  | 'held_maintenance'
  | 'held_inhibited'
  | 'held_pending'
  | 'routed_nowhere'
  | 'reminder'
  | 'escalated';

/** What held an alert, from the reason the notifier records (`held:<id>`): a silence, an inhibit rule, or a maintenance window's name. */
export const heldOutcome = (why: string): AlertOutcome =>
  why === 'silenced' ? 'held_silenced' : why.startsWith(INHIBITED) ? 'held_inhibited' : 'held_maintenance';

/** The prefix of an inhibit rule's reason: `inhibited|<rule>|<anomaly id>`. */
export const INHIBITED = 'inhibited|';
