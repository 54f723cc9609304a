import type { Link } from './runbooks.js';

/** chat.dashboard: one dashboard (Grafana's, or any that takes its time range in the URL) linked from alerts and answers. */
export interface Dashboard {
  /** May hold {target}, {metric}, {from}, {to}; {from} and {to} are epoch milliseconds, or "now". */
  url: string;
  label: string;
  /** How much of the time before an alert began the link shows, and after it ended. */
  beforeMinutes: number;
  afterMinutes: number;
}

export interface DashboardView {
  targets: readonly string[];
  metric?: string;
  from: number;
  /** Absent while the thing shown is still going on: the dashboard's own "now", so it keeps moving. */
  until?: number;
}

/**
 * The dashboard's URL for a view. A query parameter that is exactly `{target}` ("var-target={target}",
 * Grafana's variable syntax) is repeated once per target, which is how Grafana takes several values;
 * a {target} anywhere else gets the first. Pure.
 */
export function dashboardUrl(d: Pick<Dashboard, 'url'>, v: DashboardView): string {
  const enc = encodeURIComponent;
  const fill: Record<string, string> = {
    metric: enc(v.metric ?? ''),
    from: String(Math.floor(v.from)),
    to: v.until === undefined ? 'now' : String(Math.ceil(v.until)),
    target: enc(v.targets[0] ?? ''),
  };
  const repeated = d.url.replace(/([?&])([^=&#?]+)=\{target\}(?=&|#|$)/g, (_, sep: string, name: string) =>
    v.targets.length ? sep + v.targets.map((t) => `${name}=${enc(t)}`).join('&') : `${sep}${name}=`,
  );
  return repeated.replace(/\{(target|metric|from|to)\}/g, (_, k: string) => fill[k]!);
}

/**
 * The link an alert carries: its targets over the alert's time, from `beforeMinutes` before the
 * first start to `afterMinutes` after the last end, or to "now" while any is open. The alert message
 * is redrawn when it resolves, so the link then gets its end. Pure.
 */
export function alertDashboardLink(
  d: Dashboard,
  anomalies: readonly { target: string; metric: string; feature?: string; startTs: number; endTs: number | null }[],
): Link | undefined {
  if (anomalies.length === 0) return undefined;
  const targets = [...new Set(anomalies.map((a) => a.target))];
  const metrics = [...new Set(anomalies.map((a) => a.feature ?? a.metric))];
  const open = anomalies.some((a) => a.endTs === null);
  const view: DashboardView = {
    targets,
    ...(metrics.length === 1 ? { metric: metrics[0] } : {}),
    from: Math.min(...anomalies.map((a) => a.startTs)) - d.beforeMinutes * 60_000,
    ...(open ? {} : { until: Math.max(...anomalies.map((a) => a.endTs!)) + d.afterMinutes * 60_000 }),
  };
  return { label: d.label, url: dashboardUrl(d, view) };
}
