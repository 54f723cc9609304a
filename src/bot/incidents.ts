import { calendarLabel } from './parse-calendar.js';
import type { ClockSpan } from './parse-clock.js';
import { rangeTs } from './range-ts.js';
import { incidentPeople } from './incident-people.js';
import type { ChatReply, ChatUser, NeutralMessage, Platform } from '../core/chat.js';
import type { Store } from '../core/ports.js';
import { hashString } from '../core/random.js';
import { stamp } from '../core/stamp.js';
import { changesBetween } from './change-log.js';
import { describeAnomaly } from './format-reply.js';
import type { Intent } from './intent.js';
import { formatDuration, plural, quoteUntrusted } from './text-tools.js';
import { incidentTimeline } from './incident-timeline.js';
import { anomaliesOfIncident, incidentReview, noIncidentToReview } from './incident-review.js';
import { groupEpisodes } from './episodes.js';

/**
 * Incidents people declare ("declare an incident: checkout is down"): a title, a commander, updates
 * and an end, kept as records (`incident_*`, in the store, the daily files and S3) and announced in
 * the alert channels, with each update in the announcement's thread. Not the detectors' episodes:
 * one incident may span many alerts, or none ("customers report errors").
 */
export const INCIDENT_KINDS = [
  'incident_declared',
  'incident_update',
  'incident_commander',
  'incident_resolved',
  'incident_reopened',
  'incident_scope',
] as const;

export interface Incident {
  id: string;
  title: string;
  targets: string[];
  declaredBy: string;
  commander: string;
  openedTs: number;
  closedTs?: number;
  closedBy?: string;
  updates: { ts: number; by: string; text: string }[];
  /** Who handed command to whom, and when. */
  handovers: { ts: number; by: string; to: string }[];
  /** Targets added to it or taken off it after it was declared. */
  scopes: { ts: number; by: string; added: string[]; removed: string[] }[];
}

type IncidentIntent = Extract<Intent, { kind: 'incident' }>;

/** How far back incidents are read: the records' default retention. */
const FIND_MS = 30 * 86_400_000;
const LISTED = 5;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
export const incidentKey = (id: string) => `incident:${id}`;

/** The incidents whose records fall in the window, folded from their records, oldest first. Pure over the store. */
export function incidentsBetween(store: Pick<Store, 'recordsBetween'>, from: number, until: number): Incident[] {
  const byId = new Map<string, Incident>();
  for (const r of store.recordsBetween(from, until, [...INCIDENT_KINDS], 10_000)) {
    const id = str(r.data.id);
    const actor = str(r.data.actor) || 'someone';
    if (r.kind === 'incident_declared') {
      const targets = Array.isArray(r.data.targets) ? r.data.targets.filter((t): t is string => typeof t === 'string') : [];
      byId.set(id, {
        id,
        title: str(r.data.title),
        targets,
        declaredBy: actor,
        commander: actor,
        openedTs: r.ts,
        updates: [],
        handovers: [],
        scopes: [],
      });
      continue;
    }
    const inc = byId.get(id);
    if (!inc) continue;
    if (r.kind === 'incident_update') inc.updates.push({ ts: r.ts, by: actor, text: str(r.data.text) });
    else if (r.kind === 'incident_scope') {
      const names = (v: unknown) => (Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []);
      const [added, removed] = [names(r.data.added), names(r.data.removed)];
      inc.targets = [...new Set([...inc.targets, ...added])].filter((t) => !removed.includes(t));
      inc.scopes.push({ ts: r.ts, by: actor, added, removed });
    } else if (r.kind === 'incident_commander') {
      inc.commander = str(r.data.commander) || actor;
      inc.handovers.push({ ts: r.ts, by: actor, to: inc.commander });
    } else if (r.kind === 'incident_resolved' && inc.closedTs === undefined) {
      [inc.closedTs, inc.closedBy] = [r.ts, actor];
      if (str(r.data.text)) inc.updates.push({ ts: r.ts, by: actor, text: str(r.data.text) });
    } else if (r.kind === 'incident_reopened' && inc.closedTs !== undefined) {
      delete inc.closedTs;
      delete inc.closedBy;
      inc.updates.push({ ts: r.ts, by: actor, text: 'reopened' });
    }
  }
  return [...byId.values()];
}

export const openIncidents = (store: Pick<Store, 'recordsBetween'>, now: number) =>
  incidentsBetween(store, now - FIND_MS, now + 1).filter((i) => i.closedTs === undefined);

/** A digest's line: the incidents declared in its window (on its target, or naming none), with how each stands; nothing when none. */
export function incidentsLine(store: Pick<Store, 'recordsBetween'>, from: number, until: number, now: number, target?: string): string[] {
  const list = incidentsBetween(store, from, until).filter((i) => !target || !i.targets.length || i.targets.includes(target));
  if (!list.length) return [];
  return [`Incidents declared then: ${list.length}: ${list.map((i) => describeIncident(i, now)).join('; ')}.`];
}

/** "Open incidents" with no anomaly open: the incidents people declared that are still open, said beside it. */
export function openIncidentsLine(store: Pick<Store, 'recordsBetween'>, now: number, target?: string): string[] {
  const list = openIncidents(store, now).filter((i) => !target || !i.targets.length || i.targets.includes(target));
  if (!list.length) return [];
  return [`Declared and still open: ${list.map((i) => describeIncident(i, now)).join('; ')} ("incident status" tells it).`];
}

const lasted = (inc: Incident, now: number) => formatDuration((inc.closedTs ?? now) - inc.openedTs);

/** One line: id, title, commander, how long. */
export function describeIncident(inc: Incident, now: number): string {
  const where = inc.targets.length ? ` on ${inc.targets.join(', ')}` : '';
  const state =
    inc.closedTs === undefined ? `open for ${lasted(inc, now)}` : `resolved at ${stamp(inc.closedTs)} after ${lasted(inc, now)}`;
  return `${inc.id} "${inc.title}"${where}: commander ${inc.commander}, declared ${stamp(inc.openedTs)}, ${state}`;
}

/** The announcement in the alert channels, updated in place as the incident moves. Pure. */
export function renderIncident(inc: Incident, now: number): NeutralMessage {
  return {
    title: `Incident ${inc.id}: ${inc.title}`,
    severity: inc.closedTs === undefined ? 'critical' : 'ok',
    text: inc.closedTs === undefined ? `Declared by ${inc.declaredBy}. Updates go in this thread.` : `Declared by ${inc.declaredBy}.`,
    fields: [
      { label: 'commander', value: inc.commander },
      { label: 'declared', value: stamp(inc.openedTs) },
      ...(inc.targets.length ? [{ label: 'targets', value: inc.targets.join(', ') }] : []),
      ...(inc.updates.length ? [{ label: 'latest update', value: `${inc.updates.at(-1)!.text} (${inc.updates.at(-1)!.by})` }] : []),
    ],
    context: `${inc.id} · "timeline ${inc.id}" gives what happened during it`,
    actions: [],
    ...(inc.closedTs !== undefined ? { status: `Resolved by ${inc.closedBy} at ${stamp(inc.closedTs)} after ${lasted(inc, now)}` } : {}),
  };
}

export interface IncidentOptions {
  store: Pick<Store, 'recordsBetween' | 'openAnomalies' | 'recentAnomalies' | 'listProposals' | 'chat'>;
  record?: ((kind: string, ts: number, data: Record<string, unknown>) => void) | undefined;
  /** Posts or updates a message in the alert channels (or, with `thread`, in that message's thread). */
  announce?:
    | ((
        op: 'post' | 'update',
        msgKey: string,
        msg: NeutralMessage,
        thread?: string,
        mentions?: Partial<Record<Platform, string[]>>,
      ) => void)
    | undefined;
}

/**
 * "Declare an incident: …", "incident update: …", "I'll take command", "resolve the incident",
 * "incidents", "timeline in_…". Which incident: the one named, the one whose thread it is, or the
 * only one open; with several open, the reply asks.
 */
export function createIncidents(o: IncidentOptions) {
  const actorOf = (u: ChatUser) => `${u.platform}:${u.id}`;

  function pick(i: IncidentIntent, now: number, reading = false): Incident | string {
    // "Is there an incident for db-1?": those open on it, or on the whole fleet (declared with no target).
    const on = ['show', 'review', 'timeline', 'resolve'].includes(i.action) && i.targets?.length ? i.targets : undefined;
    const covers = (x: Incident) => !on || !x.targets.length || x.targets.some((t) => on.includes(t));
    const open = openIncidents(o.store, now).filter(covers);
    if (i.id) {
      const found = incidentsBetween(o.store, now - FIND_MS, now + 1).find((x) => x.id === i.id);
      return found ?? `No incident ${quoteUntrusted(i.id)} in the last 30 days; "declared incidents" lists them.`;
    }
    if (open.length === 1) return open[0]!;
    // "Incident status", "postmortem": with none open, the one resolved last (in the last 7 days).
    const before =
      on && !open.length
        ? incidentsBetween(o.store, now - 7 * 86_400_000, now + 1)
            .filter(covers)
            .at(-1)
        : undefined;
    if (before && (i.action === 'review' || i.action === 'timeline')) return before;
    if (before) return `No incident is open on ${on!.join(', ')}; the last there: ${describeIncident(before, now)}.`;
    const last = reading && !open.length && !on ? incidentsBetween(o.store, now - 7 * 86_400_000, now + 1).at(-1) : undefined;
    if (last) return last;
    // "Is there an incident?": none declared, so say what the detectors have open, which may be one undeclared.
    const anomalies = reading ? o.store.openAnomalies().filter((a) => !on || on.includes(a.target)).length : 0;
    return open.length === 0
      ? `No incident is open${on ? ` on ${on.join(', ')}` : ''}. "Declare an incident: <what is wrong>" opens one.${reading ? ` ${anomalies === 0 ? 'No anomaly is open either.' : `${plural(anomalies, 'anomaly is', 'anomalies are')} open ("anything wrong?" lists them).`}` : ''}`
      : `${open.length} incidents are open: ${open.map((x) => `${x.id} "${x.title}"`).join(', ')}. Name one ("… ${open[0]!.id}").`;
  }

  function declare(i: IncidentIntent, user: ChatUser, now: number): ChatReply {
    const intent = 'incident';
    if (!o.record) return { text: 'Incidents are declared and updated from chat or the web console.', intent, private: true };
    if (!i.text)
      return { text: 'What is the incident? Say it after a colon: "declare an incident: checkout is failing".', intent, private: true };
    const actor = actorOf(user);
    const id = `in_${hashString(`${actor}/${i.text}/${now}`, 9).toString(36)}`;
    o.record('incident_declared', now, { id, title: i.text, targets: i.targets ?? [], actor });
    const inc: Incident = {
      id,
      title: i.text,
      targets: i.targets ?? [],
      declaredBy: actor,
      commander: actor,
      openedTs: now,
      updates: [],
      handovers: [],
      scopes: [],
    };
    o.announce?.('post', incidentKey(id), renderIncident(inc, now));
    const open = o.store.openAnomalies().filter((a) => !inc.targets.length || inc.targets.includes(a.target));
    return {
      text: [
        `Declared incident ${id} "${inc.title}"${inc.targets.length ? ` on ${inc.targets.join(', ')}` : ''} at ${stamp(now)}; you (${actor}) are its commander. It is posted in the alert channels.`,
        `"Incident update: …" adds to it, "I'll take command" hands it over, "resolve the incident" ends it; "timeline ${id}" tells it.`,
        ...(open.length
          ? [
              `Open now${inc.targets.length ? ' there' : ''}: ${open
                .slice(0, LISTED)
                .map((a) => `${a.id} ${a.target} ${a.metric}`)
                .join(', ')}${open.length > LISTED ? ` and ${open.length - LISTED} more` : ''}.`,
            ]
          : []),
      ].join('\n'),
      intent,
    };
  }

  function act(i: IncidentIntent, user: ChatUser, now: number): ChatReply {
    const intent = 'incident';
    // Reopening picks the one resolved last, as reading does when none is open.
    const reading = i.action === 'show' || i.action === 'timeline' || i.action === 'review' || i.action === 'reopen';
    const found = pick(i, now, reading);
    if (typeof found === 'string')
      return {
        text:
          i.action === 'review' &&
          !i.id &&
          !incidentsBetween(o.store, now - 7 * 86_400_000, now + 1).some(
            (x) => !i.targets || !x.targets.length || x.targets.some((t) => i.targets!.includes(t)),
          )
            ? noIncidentToReview(o.store, now, i.targets)
            : found,
        intent,
        private: true,
      };
    const inc = found;
    const actor = actorOf(user);
    if (i.action === 'reopen') return reopen(inc, actor, now);
    if (inc.closedTs !== undefined && !reading)
      return { text: `${inc.id} was resolved at ${stamp(inc.closedTs)}; declare a new incident if it is back.`, intent, private: true };
    if (!o.record && !reading) return { text: 'Incidents are declared and updated from chat or the web console.', intent, private: true };
    const thread = incidentKey(inc.id);
    if (i.action === 'update') {
      if (!i.text) return { text: `Update ${inc.id} with what? "incident update: rolled back v2.4".`, intent, private: true };
      o.record!('incident_update', now, { id: inc.id, text: i.text, actor });
      inc.updates.push({ ts: now, by: actor, text: i.text });
      o.announce?.('update', thread, renderIncident(inc, now));
      o.announce?.(
        'post',
        `${thread}:update:${now}`,
        { title: `Update on ${inc.id}`, severity: 'ok', text: `${i.text} (${actor})`, fields: [], actions: [] },
        thread,
      );
      return { text: `Added to ${inc.id} "${inc.title}" by ${actor}: ${i.text}`, intent };
    }
    if (i.action === 'scope') return scope(inc, i, actor, now);
    if (i.action === 'command') {
      const commander = i.commander ?? actor;
      if (commander === inc.commander) return { text: `${commander} already commands ${inc.id}.`, intent, private: true };
      o.record!('incident_commander', now, { id: inc.id, commander, actor });
      inc.commander = commander;
      o.announce?.('update', thread, renderIncident(inc, now));
      return { text: `${commander} now commands ${inc.id} "${inc.title}".`, intent };
    }
    if (i.action === 'resolve') {
      o.record!('incident_resolved', now, { id: inc.id, actor, ...(i.text ? { text: i.text } : {}) });
      Object.assign(inc, { closedTs: now, closedBy: actor });
      if (i.text) inc.updates.push({ ts: now, by: actor, text: i.text });
      o.announce?.('update', thread, renderIncident(inc, now));
      return { text: [`Resolved ${inc.id} "${inc.title}" after ${lasted(inc, now)}.`, ...summary(inc, now)].join('\n'), intent };
    }
    if (i.action === 'timeline') return { text: incidentTimeline(inc, o.store, now), intent };
    if (i.action === 'review') return { text: incidentReview(inc, o.store, now), intent };
    // "Is there an open incident?" with none open: said first, then the one resolved last.
    const none = inc.closedTs !== undefined && !i.id ? ['No incident is open; the one resolved last:'] : [];
    return { text: [...none, describeIncident(inc, now), ...summary(inc, now)].join('\n'), intent };
  }

  /** "Add web-1 to the incident", "remove db-1 from in_…": the targets it covers, announced and recorded. */
  function scope(inc: Incident, i: IncidentIntent, actor: string, now: number): ChatReply {
    const intent = 'incident';
    const add = (i.targets ?? []).filter((t) => !inc.targets.includes(t));
    const remove = (i.remove ?? []).filter((t) => inc.targets.includes(t));
    if (i.remove && !inc.targets.length)
      return {
        text: `${inc.id} covers every target (it was declared on none), so there is nothing to take off; "add web-1 to the incident" narrows it to the targets named.`,
        intent,
        private: true,
      };
    if (!add.length && !remove.length)
      return { text: `${inc.id} already covers ${inc.targets.join(', ')}: nothing changed.`, intent, private: true };
    if (remove.length === inc.targets.length && !add.length)
      return { text: `${inc.id} would cover no target; resolve it instead, or add one first.`, intent, private: true };
    o.record!('incident_scope', now, { id: inc.id, added: add, removed: remove, actor });
    inc.targets = [...inc.targets, ...add].filter((t) => !remove.includes(t));
    inc.scopes.push({ ts: now, by: actor, added: add, removed: remove });
    o.announce?.('update', incidentKey(inc.id), renderIncident(inc, now));
    const what = [add.length ? `added ${add.join(', ')}` : '', remove.length ? `took off ${remove.join(', ')}` : '']
      .filter(Boolean)
      .join(', ');
    return { text: `${inc.id} "${inc.title}" now covers ${inc.targets.join(', ')} (${what}, by ${actor}).`, intent };
  }

  /** What happened during it: the anomalies on its targets (or anywhere), the changes, the remediations, the updates. */
  function summary(inc: Incident, now: number): string[] {
    const until = inc.closedTs ?? now;
    const on = (t: string) => !inc.targets.length || inc.targets.includes(t);
    const during = anomaliesOfIncident(inc, o.store, now);
    const changes = changesBetween(o.store, inc.openedTs - 60 * 60_000, until).filter((c) => !c.targets.length || c.targets.some(on));
    const proposals = o.store.listProposals({ updatedSince: inc.openedTs, limit: 500 }).filter((p) => on(p.target) && p.createdTs <= until);
    return [
      `Anomalies${inc.targets.length ? ` on ${inc.targets.join(', ')}` : ''} from 30 min before it: ${during.length}${during.length ? ':' : '.'}`,
      ...during.slice(0, LISTED).map((a) => `• ${describeAnomaly(a, now)}`),
      ...(during.length > LISTED ? [`…and ${during.length - LISTED} more.`] : []),
      changes.length
        ? `Changes from an hour before it: ${changes
            .slice(-LISTED)
            .reverse()
            .map((c) => `"${c.text}" at ${stamp(c.ts)} (${c.actor})`)
            .join('; ')}${changes.length > LISTED ? `; and ${changes.length - LISTED} earlier ("recent changes")` : ''}.`
        : 'No change was recorded from an hour before it.',
      proposals.length
        ? `Remediations: ${proposals.map((p) => `${p.id} ${p.action} on ${p.target} (${p.state})`).join('; ')}.`
        : 'No remediation during it.',
      ...(inc.updates.length ? ['Updates:', ...inc.updates.map((u) => `• ${stamp(u.ts)} ${u.by}: ${u.text}`)] : []),
      incidentPeople(inc, during, proposals, (id) => o.store.chat.ackOfAnomaly(id)),
    ];
  }

  /** "Reopen the incident": it came back; the same id, commander and thread, and its reminders again. */
  function reopen(inc: Incident, actor: string, now: number): ChatReply {
    const intent = 'incident';
    if (inc.closedTs === undefined) return { text: `${inc.id} "${inc.title}" is still open.`, intent, private: true };
    if (!o.record) return { text: 'Incidents are declared and updated from chat or the web console.', intent, private: true };
    o.record('incident_reopened', now, { id: inc.id, actor });
    delete inc.closedTs;
    delete inc.closedBy;
    inc.updates.push({ ts: now, by: actor, text: 'reopened' });
    o.announce?.('update', incidentKey(inc.id), renderIncident(inc, now));
    return {
      text: `Reopened ${inc.id} "${inc.title}" (declared ${stamp(inc.openedTs)}); ${inc.commander} still commands it. "Resolve the incident" ends it again.`,
      intent,
    };
  }

  function list(now: number, days = 7, span?: ClockSpan): ChatReply {
    // "This month", "last month", "in november": calendar months on the asker's calendar, not 30 days.
    const r = span?.kind === 'range' ? rangeTs(span.from, span.until, now) : { from: now - days * 86_400_000, until: now };
    const named =
      span &&
      (calendarLabel(span, r.from, span.kind === 'range' ? span.from.zone : undefined) ?? `between ${stamp(r.from)} and ${stamp(r.until)}`);
    const when = named || (days === 1 ? 'in the last 24 h' : `in the last ${days} days`);
    const recent = incidentsBetween(o.store, r.from, r.until + 1).reverse();
    // "How many incidents?" may mean alerts: the anomalies of the same days are counted beside, never in place of, the incidents.
    const started = o.store.recentAnomalies(Number.MAX_SAFE_INTEGER, r.from, r.until + 1);
    const episodes = groupEpisodes(started, now).length;
    const alerts = `Anomalies ${when}, which are not incidents until one is declared: ${plural(episodes, 'episode')} (${plural(started.length, 'anomaly', 'anomalies')}); "how many alerts" counts them.`;
    if (recent.length === 0)
      return {
        text: `No incident was declared ${when}. "Declare an incident: <what is wrong>" opens one.\n${alerts}`,
        intent: 'incident',
      };
    return {
      text: [
        `Incidents declared ${when}: ${recent.length}`,
        ...recent.slice(0, 10).map((x) => `• ${describeIncident(x, now)}`),
        alerts,
      ].join('\n'),
      intent: 'incident',
    };
  }

  function handle(i: IncidentIntent, user: ChatUser, now: number): ChatReply {
    if (i.action === 'declare') return declare(i, user, now);
    if (i.action === 'list') return list(now, i.days, i.span);
    return act(i, user, now);
  }

  return { handle };
}
