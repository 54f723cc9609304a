import { anomalyLabel } from '../core/metrics.js';
import type { AnswerContext } from './answer-intent.js';
import { spanBounds } from './answer-metric-span.js';
import { alertDashboardLink, dashboardUrl, type Dashboard } from './dashboard-link.js';
import { METRIC_LABEL, stamp, unknownTargetReply } from './format-reply.js';
import type { Intent } from './intent.js';
import { clockTs } from './parse-clock.js';

type View = NonNullable<Extract<Intent, { kind: 'elsewhere' }>['view']>;

const CONSOLE =
  'The web console is at / on my side port (http://<host>:8080 by default): targets with their CPU lines, pending approvals, open anomalies, alerts and this question box.';
const SHIPPED =
  'Grafana dashboards for the hosts and for SmartCloudOps itself ship in infra/grafana/dashboards, provisioned by infra/compose.yaml (Grafana on :3000 there).';
const DEFAULT_MS = 6 * 3_600_000;
// One link names every target in it; past this many the URL stops being one anyone opens.
const MAX_TARGETS = 20;

/** "Dashboard for web-1 cpu yesterday", "grafana link for an_…", "where is grafana?": the link, filled in. */
export function answerDashboard(view: View, c: AnswerContext & { dashboard?: Dashboard }): string {
  const d = c.dashboard;
  if (!d)
    return [
      CONSOLE,
      `${SHIPPED} I am not told where your Grafana runs, so I have no link to give: set chat.dashboard.url (docs/chat.md#dashboard) and I link it here and on every alert.`,
    ].join('\n');
  if (view.id) {
    const a = c.store.getAnomaly(view.id);
    if (!a) return `No anomaly ${view.id}. "anomalies" lists the recent ones with their ids.`;
    const link = alertDashboardLink(d, [a])!;
    const span = `${stamp(a.startTs)} to ${a.endTs === null ? 'now (still open)' : stamp(a.endTs)}`;
    return `${a.id}, ${a.target} ${anomalyLabel(a)}, ${span}, with ${d.beforeMinutes} min before:\n${link.url}`;
  }
  const targets = view.target ? [view.target] : view.group?.length ? view.group : defaultTargets(c);
  if (view.target && !c.targets.some((t) => t.name === view.target)) return unknownTargetReply(view.target, c.targets);
  const shown = targets.slice(0, MAX_TARGETS);
  const { from, until, label } = windowOf(view, c);
  const url = dashboardUrl(d, { targets: shown, ...(view.metric ? { metric: view.metric } : {}), from, ...(until ? { until } : {}) });
  const what = `${shown.join(', ')}${view.metric ? ` ${METRIC_LABEL[view.metric] ?? view.metric}` : ''}`;
  const more =
    targets.length > shown.length ? ` (the first ${shown.length} of ${targets.length} targets; name one or a role for the rest)` : '';
  const why = view.target || view.group?.length ? '' : c.store.openAnomalies().length ? ' (what is open now)' : '';
  return `${d.label}: ${what}${why}${more}, ${label}:\n${url}`;
}

/** Nothing named: the targets with something open, worst first; else every target. */
function defaultTargets(c: AnswerContext): string[] {
  const rank = { critical: 0, warning: 1, info: 2 } as const;
  const open = [...c.store.openAnomalies()].sort((a, b) => rank[a.severity] - rank[b.severity] || a.startTs - b.startTs);
  const names = [...new Set(open.map((a) => a.target))];
  return names.length ? names : c.targets.map((t) => t.name);
}

/** A window as the dashboard takes it; an instant ("at 10:00") is the half hour either side. */
function windowOf(view: View, c: AnswerContext): { from: number; until?: number; label: string } {
  const span = view.span;
  if (!span) return { from: c.now - DEFAULT_MS, label: 'the last 6 h' };
  if (span.kind === 'at' || span.kind === 'clock') {
    const at = span.kind === 'at' ? c.now - span.agoMs : clockTs(span.at, c.now);
    return { from: at - 30 * 60_000, until: Math.min(c.now, at + 30 * 60_000), label: `the half hour either side of ${stamp(at)}` };
  }
  const b = spanBounds(span, c);
  // A window that ends now is left open, so the dashboard keeps moving.
  return { from: b.from, ...(b.until < c.now - 60_000 ? { until: b.until } : {}), label: b.label };
}
