import { sloPlainLine } from './answer-slo.js';
import type { Anomaly } from '../core/anomaly.js';
import { figureMetric, METRIC_LABEL } from '../core/metrics.js';
import type { AnswerContext } from './answer-context.js';
import { dayStart } from './day-start.js';
import { groupEpisodes, type Episode } from './episodes.js';
import { incidentsBetween, openIncidents, type Incident } from './incidents.js';
import { formatDuration, plural } from './text-tools.js';

/** How soon the draft promises the next update while something is open. */
const NEXT_UPDATE_MS = 30 * 60_000;
const LISTED = 5;
const HALF_DAY = 12 * 3_600_000;

/** "03:27 UTC", with the date when more than half a day away (a reply's clock times are read as the nearest such time). */
const at = (ts: number, now: number) => {
  const iso = new Date(ts).toISOString();
  return `${Math.abs(now - ts) > HALF_DAY ? `${iso.slice(0, 10)} ` : ''}${iso.slice(11, 16)} UTC`;
};

const HIGH: Record<string, string> = {
  cpu: 'high CPU load',
  memory: 'high memory use',
  disk: 'disk space running low',
  latency_ms: 'slow responses',
  net_in: 'a spike in incoming traffic',
  net_out: 'a spike in outgoing traffic',
};
const LOW: Record<string, string> = {
  cpu: 'unusually low CPU load',
  latency_ms: 'unusual response times',
  net_in: 'a drop in incoming traffic',
  net_out: 'a drop in outgoing traffic',
};

/** "high CPU load", "not reporting": what an anomaly means in words for people outside the team. */
function plainIssue(a: Pick<Anomaly, 'metric' | 'feature' | 'detector' | 'peak' | 'expectedLow' | 'expectedHigh'>): string {
  if (a.detector === 'silence' || a.metric === 'heartbeat') return 'not reporting';
  const m = figureMetric(a);
  if (a.peak > a.expectedHigh) return HIGH[m] ?? `unusual ${METRIC_LABEL[m] ?? m}`;
  if (a.peak < a.expectedLow) return LOW[m] ?? `unusual ${METRIC_LABEL[m] ?? m}`;
  return `unusual ${METRIC_LABEL[m] ?? m}`;
}

/** "web-1 (high CPU load since 03:27 UTC; slow responses since 03:30 UTC)": what is open, by host, the earliest first. */
function affected(open: readonly Anomaly[], now: number): string[] {
  const byHost = new Map<string, Map<string, number>>();
  for (const a of [...open].sort((x, z) => x.startTs - z.startTs)) {
    const issues = byHost.get(a.target) ?? byHost.set(a.target, new Map()).get(a.target)!;
    const what = plainIssue(a);
    if (!issues.has(what)) issues.set(what, a.startTs);
  }
  const hosts = [...byHost.entries()];
  return [
    ...hosts
      .slice(0, LISTED)
      .map(([host, issues]) => `• ${host}: ${[...issues].map(([what, ts]) => `${what} since ${at(ts, now)}`).join('; ')}`),
    ...(hosts.length > LISTED ? [`• and ${plural(hosts.length - LISTED, 'more host')}`] : []),
  ];
}

/** "Earlier today: 11 short issues on 5 hosts, all resolved, typically within 4 min (the longest 14 min)." */
function earlier(episodes: readonly Episode[], label: string): string {
  const done = episodes.filter((e) => e.endTs !== null);
  if (!done.length) return `Earlier ${label}: no other issues.`;
  const lasted = done.map((e) => e.endTs! - e.startTs).sort((a, z) => a - z);
  const median = lasted[Math.floor((lasted.length - 1) / 2)]!;
  const hosts = new Set(done.map((e) => e.target)).size;
  return `Earlier ${label}: ${plural(done.length, 'issue')} on ${plural(hosts, 'host')}, all resolved, typically within ${formatDuration(median)} (the longest ${formatDuration(lasted.at(-1)!)}).`;
}

// "slack:U1" is the record's actor; outside the team the name alone reads ("U1", "alice").
const person = (actor: string) => actor.replace(/^[a-z]+:/, '');
const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

function incidentLines(inc: Incident, now: number): string[] {
  const latest = inc.updates.at(-1);
  return [
    `We are working on an incident: "${inc.title}"${inc.targets.length ? ` (${inc.targets.join(', ')})` : ''}, since ${at(inc.openedTs, now)} (${formatDuration(now - inc.openedTs)}); ${person(inc.commander)} leads the response.`,
    ...(latest ? [`Latest from the team (${at(latest.ts, now)}): ${sentence(latest.text)}`] : []),
  ];
}

/**
 * "Status update for stakeholders", "what do I tell my boss?": a draft for people outside the team, in
 * plain words — no ids, scores or detector names — built only from the records: open incidents and their
 * latest update, what is affected now and since when, hosts not reporting, today's resolved issues, the
 * fixes applied or waiting, planned quiet (silences with a reason), and when the next update is due.
 * `group`: only these targets. Pure over the store.
 */
export function answerStakeholderUpdate(c: AnswerContext, group?: readonly string[]): string {
  const names = new Set(group ?? c.targets.map((t) => t.name));
  const on = (t: string) => names.has(t);
  const from = dayStart(c.now, c.zone);
  const scope = group ? ` on ${[...names].join(', ')}` : '';
  const incidents = openIncidents(c.store, c.now).filter((i) => !group || !i.targets.length || i.targets.some(on));
  const closed = incidentsBetween(c.store, from, c.now + 1).filter(
    (i) => i.closedTs !== undefined && i.closedTs >= from && (!group || !i.targets.length || i.targets.some(on)),
  );
  const open = c.store.openAnomalies().filter((a) => on(a.target));
  const silent = c.store.targetStates().filter((t) => on(t.target) && t.state !== 'up');
  const today = c.store.recentAnomalies(50_000, from).filter((a) => a.startTs >= from && on(a.target));
  const episodes = groupEpisodes(today, c.now);
  const proposals = c.store.listProposals({ updatedSince: from, limit: 500 }).filter((p) => on(p.target));
  // A dry run or a simulated executor changed nothing on the host: not a fix to announce.
  const applied = proposals.filter((p) => p.state === 'succeeded' && p.mode !== 'dry_run' && p.executor !== 'simulate');
  const waiting = proposals.filter((p) => p.state === 'proposed' || p.state === 'approved' || p.state === 'running');
  const planned = c.store.chat
    .silences(c.now)
    .filter((s) => s.reason && (s.target === '*' || on(s.target)) && (s.startsTs ?? s.createdTs) <= c.now);
  const critical = open.some((a) => a.severity === 'critical');

  const state = incidents.length
    ? 'incident in progress'
    : silent.length || critical
      ? 'degraded'
      : open.length
        ? 'minor issues'
        : 'all systems normal';
  const lines = [
    `Draft update for people outside the team${scope} (as of ${at(c.now, c.now)}; plain words, no ids — check it before you send it):`,
    `Status: ${state}.`,
    ...incidents.slice(0, 2).flatMap((i) => incidentLines(i, c.now)),
    ...(incidents.length > 2 ? [`${plural(incidents.length - 2, 'more incident is', 'more incidents are')} open.`] : []),
    ...(silent.length
      ? [
          `Not reporting: ${silent.map((t) => t.target).join(', ')} (we cannot see ${silent.length === 1 ? 'its health until it is' : 'their health until they are'} back).`,
        ]
      : []),
    ...(open.length ? ['Affected now:', ...affected(open, c.now)] : [`Nothing is affected right now${scope}.`]),
    earlier(
      episodes.filter((e) => e.endTs !== null),
      'today',
    ),
    ...sloPlainLine(c, group),
    ...closed.map(
      (i) =>
        `Resolved today: "${i.title}", ${at(i.openedTs, c.now)} to ${at(i.closedTs!, c.now)} (${formatDuration(i.closedTs! - i.openedTs)}).`,
    ),
    ...(applied.length
      ? [
          `Fixes applied today: ${applied.map((p) => `${p.action.replace(/_/g, ' ')} on ${p.target} (${at(p.updatedTs, c.now)})`).join('; ')}.`,
        ]
      : []),
    ...(waiting.length ? [`${plural(waiting.length, 'fix is', 'fixes are')} proposed and awaiting the team's go-ahead.`] : []),
    ...planned.map((s) => `Planned: ${s.reason} (${s.target === '*' ? 'all hosts' : s.target}, until ${at(s.untilTs, c.now)}).`),
    open.length || incidents.length || silent.length
      ? `Next update: by ${at(c.now + NEXT_UPDATE_MS, c.now)}, or sooner if anything changes.`
      : 'No further updates planned unless something changes.',
  ];
  return lines.join('\n');
}
