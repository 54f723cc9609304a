import { createSloTracker } from '../core/slo-tracker.js';
import { capacityOf } from './answer-capacity.js';
import type { AnswerContext } from './answer-context.js';
import { FLAP_REOPENS, seriesOf } from './answer-flapping.js';
import { stamp } from './format-reply.js';
import { describeIncident, openIncidents } from './incidents.js';
import { latestBy, newestOf } from './latest-by-target.js';
import { formatDuration } from './text-tools.js';

const DAY = 86_400_000;
const SERIES = 3;

/**
 * "What should we fix this week?", "where should we focus?", "our biggest problems": what the
 * figures here say is worth a team's time, most pressing first: incidents still open, hosts not
 * reporting, SLOs breached or burning, remediations that failed, series that keep coming back
 * (a rule or a host to fix, not an alert to acknowledge again), and hosts short of room or filling
 * their disk. Over the last 7 d unless a span is said. Each item says where its detail is. What
 * matters to the users behind these hosts is not in the figures, and the reply says so.
 */
export function answerPriorities(c: AnswerContext, spanMs = 7 * DAY, top?: number): string {
  const from = c.now - spanMs;
  const items: string[] = [];
  for (const inc of openIncidents(c.store, c.now)) items.push(`Incident still open: ${describeIncident(inc, c.now)} ("incident status").`);
  const latest = latestBy(c.store);
  const states = new Map(c.store.targetStates().map((t) => [t.target, t.state]));
  const silent = c.targets.filter((t) => states.get(t.name) === 'silent');
  if (silent.length)
    items.push(
      `Not reporting: ${silent.map((t) => `${t.name} (last data ${stamp(newestOf(latest, t.name) ?? 0)})`).join(', ')}: fix the exporter or the host first, since nothing else can be judged there.`,
    );
  const tracker = c.sloTracker ?? createSloTracker({ store: c.store, targets: () => c.targets });
  for (const slo of c.slos ?? []) {
    const r = tracker.report(slo, c.now);
    if (r.verdict === 'breached')
      items.push(
        `SLO ${slo.name} breached: ${Math.round(r.spent * 100)}% of its error budget spent${r.badBy[0] ? `, most on ${r.badBy[0][0]}` : ''} ("error budget for ${slo.name}").`,
      );
    else if (r.verdict === 'at_risk')
      items.push(`SLO ${slo.name} at risk: burning faster than it can last ("error budget for ${slo.name}").`);
  }
  const failed = c.store.listProposals({ states: ['failed'], updatedSince: from, limit: 100 }).filter((p) => p.updatedTs >= from);
  if (failed.length)
    items.push(
      `Remediations that failed: ${failed.length} (${[...new Set(failed.map((p) => `${p.action} on ${p.target}`))].slice(0, 3).join(', ')}): the fix itself needs fixing ("failed remediations").`,
    );
  const list = c.store.recentAnomalies(100_000, from).filter((a) => a.startTs >= from && a.detector !== 'silence');
  const noisy = seriesOf(list, c.now)
    .filter((s) => s.reopens >= FLAP_REOPENS || s.eps.length >= 5)
    .sort((x, z) => z.eps.length - x.eps.length || z.reopens - x.reopens)
    .slice(0, SERIES);
  if (noisy.length)
    items.push(
      `Keeps coming back: ${noisy.map((s) => `${s.series} (${s.eps.length} episodes${s.reopens >= FLAP_REOPENS ? `, re-opened ${s.reopens} times` : ''})`).join('; ')}: a cause to fix or a rule to tune, not an alert to acknowledge again ("why does ${noisy[0]!.series} keep alerting?", "suggest better thresholds").`,
    );
  const { rows } = capacityOf(
    c.targets.map((t) => t.name),
    from,
    c.now,
    c,
  );
  const busy = rows.filter((r) => r.verdict === 'busy').map((r) => r.target);
  const filling = rows.filter((r) => r.filling).map((r) => r.target);
  if (busy.length) items.push(`Short of room (95th percentile): ${busy.join(', ')} ("capacity outlook").`);
  if (filling.length)
    items.push(`Disk filling within 30 d at its trend: ${filling.join(', ')} ("when will ${filling[0]} disk reach 90%?").`);
  const over = `the last ${formatDuration(spanMs)}`;
  if (items.length === 0)
    return `Nothing in the figures over ${over} asks to be fixed: no open incident, every host reports, no SLO breached, no failed remediation, no series that keeps coming back, and room on every host.`;
  return [
    `Worth fixing, from the figures over ${over} (most pressing first):`,
    ...items.slice(0, top).map((t, k) => `${k + 1}. ${t}`),
    ...(top && items.length > top ? [`${items.length - top} more below these; ask without a number for all.`] : []),
    'From what I measure here; what matters most to the people using these hosts is yours to weigh.',
  ].join('\n');
}
