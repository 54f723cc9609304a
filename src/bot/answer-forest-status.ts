import type { ForestStatus } from '../core/inspection.js';
import { METRIC_LABEL } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { table } from './format-reply.js';
import type { Intent } from './intent.js';
import { formatDuration } from './text-tools.js';

type Asked = Extract<Intent, { kind: 'forest_status' }>;

type State = 'ready' | 'open' | 'learning' | 'fitting' | 'no data';

function stateOf(s: ForestStatus | undefined): State {
  if (!s) return 'no data';
  if (!s.fitted) return 'fitting';
  if (s.seen < s.warmup) return 'learning';
  return s.last?.open ? 'open' : 'ready';
}

/**
 * "Is the isolation forest trained?", "which hosts is the forest still learning?": each host's
 * forest, from the live detectors: ready (with its latest score against the line), still learning
 * (how much of the warm-up it has seen, and about when it may alert at the read interval), not yet
 * fitted, or without host metrics at all. Before the warm-up a time of day it has not seen looks
 * novel, so it does not alert.
 */
export function answerForestStatus(i: Asked, c: AnswerContext): string {
  const about = c.about?.();
  if (about && !about.iforest) return 'The Isolation Forest is off (detectors.iforest.enabled is false), so no host is scored by it.';
  const all = c.detectors?.forestStatus?.();
  if (!all) return 'The detectors do not run in this process (the chat CLI reads the store only), so I cannot say how far each forest is.';
  const byTarget = new Map(all.map((s) => [s.target, s]));
  const asked = c.targets.filter((t) => (i.target ? t.name === i.target : !i.group || i.group.includes(t.name)));
  const intervalMs = about?.intervalMs;
  const rows = asked.map((t) => {
    const s = byTarget.get(t.name);
    const state = stateOf(s);
    const seen = s ? `${s.seen} of ${s.warmup} (${Math.min(100, Math.floor((100 * s.seen) / s.warmup))} %)` : '-';
    const note =
      state === 'learning' || state === 'fitting'
        ? intervalMs
          ? `may alert in about ${formatDuration((s!.warmup - s!.seen) * intervalMs)}`
          : `needs ${s!.warmup - s!.seen} more samples`
        : state === 'ready'
          ? `score ${s!.last!.score.toFixed(2)}, under its ${s!.last!.threshold.toFixed(2)}`
          : state === 'open'
            ? `episode open, mostly ${METRIC_LABEL[s!.last!.feature] ?? s!.last!.feature}`
            : 'no CPU, memory, disk or network sample since I started; its forest loads with the next';
    // "When did the forest last retrain?": samples since its fit, as a time at the read interval.
    const fit =
      s?.sinceFit === undefined ? '-' : intervalMs ? `~${formatDuration(s.sinceFit * intervalMs)} ago` : `${s.sinceFit} samples ago`;
    return { state, cells: [t.name, state, seen, fit, note] };
  });
  const every = all.find((s) => s.refitEvery)?.refitEvery;
  const count = (x: State[]) => rows.filter((r) => x.includes(r.state)).length;
  const ready = count(['ready', 'open']);
  const waiting = count(['learning', 'fitting']);
  const lead =
    asked.length === 1
      ? `${asked[0]!.name}'s Isolation Forest: ${rows[0]!.state === 'open' || rows[0]!.state === 'ready' ? 'trained, and alerting' : rows[0]!.state === 'no data' ? 'not started' : 'still learning'}.`
      : `The Isolation Forest (one per host, over CPU, memory, disk and network together): ${ready} of ${asked.length} hosts trained and alerting${waiting ? `, ${waiting} still learning` : ''}.`;
  return [
    lead,
    table(
      ['target', 'state', 'samples seen of the warm-up', 'last fit', 'now'],
      rows.map((r) => r.cells),
    ),
    `Until it has seen the warm-up (detectors.iforest.warmup, a day at 30 s), a time of day it has not met looks novel, so it scores but does not alert. It refits on its recent history as it goes${every ? `, every ${every} samples${intervalMs ? ` (about ${formatDuration(every * intervalMs)})` : ''}` : ''} ("explain the isolation forest").`,
  ].join('\n');
}
