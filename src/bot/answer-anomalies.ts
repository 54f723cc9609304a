import { listOrder } from './list-order.js';
import { SAID } from './answer-daypart.js';
import { actorIs } from './actor-name.js';
import { wallClock } from './wall-clock.js';
import type { Anomaly } from '../core/anomaly.js';
import { summariseAnomalies } from './anomaly-summary.js';
import { alertingNowLine } from './alerting-now.js';
import type { AnswerContext } from './answer-intent.js';
import { figureMetric } from '../core/metrics.js';
import { METRICS_OF, spanBounds } from './answer-metric-span.js';
import { postedLines, unpostedLines } from './posted-alerts.js';
import { dayStart, dayZone } from './day-start.js';
import { incidentsLine, openIncidentsLine } from './incidents.js';
import { groupFleetEvents, type FleetEvent } from './fleet-events.js';
import { describeAnomaly, METRIC_LABEL, stamp, unknownTargetReply } from './format-reply.js';
import type { Intent } from './parse-intent.js';
import { MAX_SPAN } from './parse-time-span.js';
import { verdictsBetween } from './alert-feedback.js';
import { nextShift, qualityLine, shiftWindow, sinceLastLine } from './anomaly-lead-lines.js';
import { countEpisodes, rankLine } from './tally.js';
import { shareLines } from './anomaly-shares.js';
import { crossTab } from './anomaly-cross-tab.js';
import { oftenLine } from './anomaly-repeats.js';
import { groupValueOf } from './match-target.js';
import { describeEpisode, groupEpisodes } from './episodes.js';
import { resolveByTarget, timeLines } from './anomaly-times.js';
import { digestLines } from './answer-digest.js';
import { countAnomalies } from './count-anomalies.js';
import { formatDuration } from './text-tools.js';
import { answerQuietTargets } from './quiet-targets.js';
import { changesLine, sinceChange } from './change-log.js';
import { unwatchedLines } from './unwatched-line.js';
import { watchingSince } from '../core/watching-since.js';

/** "Summarise the last 3 anomalies", "alerts yesterday", "what was firing at 03:00", "how many this week". */
export function answerAnomalies(i: Extract<Intent, { kind: 'anomalies' }>, c: AnswerContext): string {
  if (i.unknownTarget && !i.target) return unknownTargetReply(i.unknownTarget, c.targets);
  if (i.afterChange) return sinceChange(i, c, answerAnomalies);
  // Anomalies that started in the span, like "today" always meant (the asker's day, in their display zone).
  let since = i.today ? dayStart(c.now, c.zone) : 0;
  let until = Infinity;
  // "Incidents" are episodes here; the incidents people declared in the same time are said beside them.
  // A part of the day ("at night") filters anomalies by their start; declared incidents are not cut so, and are left out.
  const declared = () => (i.daypart ? [] : incidentsLine(c.store, since, Math.min(until, c.now + 1), c.now, i.target));
  let when = i.today ? ` today (${dayZone(c.zone)})` : '';
  // "Ever": everything kept, said as a count with no span says it (since the first anomaly kept).
  if (i.span?.kind === 'last')
    [since, when] = [c.now - i.span.ms, i.span.ms >= MAX_SPAN ? '' : ` in the last ${formatDuration(i.span.ms)}`];
  else if (i.span?.kind === 'at') [since, when] = [c.now - i.span.agoMs, ` since ${stamp(c.now - i.span.agoMs)}`];
  else if (i.span?.kind === 'day' && i.span.daysBack === 1) {
    const today = dayStart(c.now, c.zone);
    [since, until, when] = [dayStart(today - 1, c.zone), today, ` yesterday (${dayZone(c.zone)})`];
  }
  // "Handover notes": this shift so far, or the one just handed over.
  if (i.shift && !i.span) [since, until, when] = shiftWindow(c, i.shift === 'mine');
  // "Catch me up": since the asker went away (their last question before a 30 min gap); "since I last
  // asked": since their previous question, however recent (asked twice a minute apart, what is new is what opened between).
  // Only up to a week back; else the last day.
  const before = c.askedBefore;
  const usable = (ts: number | undefined) => ts !== undefined && c.now - ts > 0 && c.now - ts <= 7 * 86_400_000;
  const back = i.sinceAsked === 'previous' && usable(before?.previous) ? before?.previous : i.sinceAsked ? before?.awaySince : undefined;
  if (back !== undefined && usable(back))
    [since, until, when] = [
      back,
      Infinity,
      ` since ${back === before?.previous ? 'your last question' : 'you were last here'} (${stamp(back)}, ${formatDuration(c.now - back)} ago)`,
    ];
  // "What was firing at 03:00?": open at that instant, wherever it started. "Since 09:30",
  // "between 9 and 10": started in the window, as for the other spans.
  let openAt: number | undefined;
  // A span said beside "while I was away" is only its fallback ("at lunch": since 12:00): the time away wins where known.
  if ((i.span?.kind === 'clock' || i.span?.kind === 'range') && !(back !== undefined && usable(back))) {
    const b = spanBounds(i.span, c);
    if (b.ahead) return b.ahead;
    if (b.at !== undefined) [openAt, when] = [b.at, ` open ${b.label}`];
    else [since, until, when] = [b.from, b.until, ` ${b.label}`];
  }
  // "Open" means open now, however long ago it started. A count reads them all (up to a cap it
  // then admits to); a list only needs the newest, but its total admits to the cap as well.
  // A ranking by hour of the day is of counts, however it was asked ("what time do alerts usually fire?").
  const counting =
    i.count ||
    i.rankBy !== undefined ||
    i.rank === 'hour' ||
    i.rank === 'day' ||
    i.rank === 'weekday' ||
    i.rank === 'series' ||
    i.rank === 'severity';
  // The first ones are at the far end of a capped read: read them all.
  const cap = counting || i.first ? COUNT_CAP : 500;
  let list =
    openAt !== undefined
      ? openAnomaliesAt(openAt, cap, c)
      : i.open
        ? c.store.openAnomalies()
        : c.store.recentAnomalies(cap, since, until === Infinity ? undefined : until);
  const capped = !i.open && list.length >= cap;
  // "Open longer than 2 hours" is of the open ones however old; "over 2 hours" is no window there.
  if (openAt === undefined && !i.openForMs) list = list.filter((a) => a.startTs >= since && a.startTs < until);
  if (i.daypart) {
    const part = SAID[i.daypart];
    const local = wallClock(c.zone);
    list = list.filter((a) => part.test(local(a.startTs)) !== Boolean(i.outside));
    when += ` that began ${i.outside ? part.part.replace(/^in /, 'outside ') : part.part}`.replace(/ UTC\)/, c.zone ? ')' : ' UTC)');
  }
  if (i.shorterMs) {
    list = list.filter((a) => a.endTs !== null && a.endTs - a.startTs < i.shorterMs!);
    when += ` that ended within ${formatDuration(i.shorterMs)}`;
  }
  if (i.lastedMs) {
    list = list.filter((a) => (a.endTs ?? c.now) - a.startTs >= i.lastedMs!);
    when += ` that lasted ${formatDuration(i.lastedMs)} or more`;
  }
  if (i.openForMs) {
    list = list.filter((a) => c.now - a.startTs >= i.openForMs!);
    when = ` open for longer than ${formatDuration(i.openForMs)}`;
  }
  // Where a count's rate starts: the span, or the first anomaly kept on any target if that is later (the bot was not watching before).
  const watched = Math.max(
    since,
    list.reduce((m, a) => Math.min(m, a.startTs), Infinity),
  );
  const metrics: readonly string[] | undefined = i.metric ? METRICS_OF[i.metric] : undefined;
  // What people said of them (alert-feedback.ts): marked after they started, so read up to now.
  const verdicts = verdictsBetween(c.store, i.open || openAt !== undefined ? 0 : since, c.now);
  const asked = (a: Anomaly) =>
    (!i.target || a.target === i.target) &&
    (!i.group || i.group.includes(a.target)) &&
    // "What percentage of alerts are critical?" counts every severity, the one named against the rest.
    (!i.severity || i.rank === 'severity' || a.severity === i.severity) &&
    (!metrics || metrics.includes(figureMetric(a))) &&
    (!i.silent || a.detector === 'silence') &&
    (!i.detector || a.detector === i.detector) &&
    (!i.feedback || verdicts.get(a.id) === i.feedback) &&
    (!i.resolved || a.status !== 'open') &&
    (i.acked === undefined || Boolean(c.store.chat.ackOfAnomaly(a.id)) === i.acked) &&
    (!i.mine || c.store.chat.ackOfAnomaly(a.id)?.by === c.asker) &&
    (!i.ackedBy || actorIs(c.store.chat.ackOfAnomaly(a.id)?.by, i.ackedBy, c.onCall?.actorsNamed(i.ackedBy)));
  list = list.filter(asked);
  // "Anything unusual overnight?" with many: the summary answers it, not a line each (decision 0068).
  if (i.glance && !counting && !i.open && list.length > GLANCE_MAX) {
    const digest = answerAnomalies({ ...i, glance: false, count: true, digest: true }, c).split('\n');
    return [`Yes: ${digest[0]}`, ...digest.slice(1, -1), 'For each one, ask "list the anomalies" with the same time.'].join('\n');
  }
  if (i.mine && !c.asker) return 'I cannot tell who is asking here, so I cannot say which alerts are yours.';
  const acked = i.acked === undefined || i.mine ? '' : i.acked ? 'acknowledged ' : 'unacknowledged ';
  const metricWord = metrics ? `${metrics.length > 1 ? i.metric : (METRIC_LABEL[metrics[0]!] ?? i.metric)} ` : '';
  const marked = i.feedback ? `marked-${i.feedback} ` : '';
  const kind = `${marked}${i.open && openAt === undefined && !i.openForMs ? 'open ' : ''}${i.resolved ? 'resolved ' : ''}${acked}${i.severity && i.rank !== 'severity' ? `${i.severity} ` : ''}${metricWord}${i.silent ? 'silent-host ' : ''}${i.detector ? `${i.detector} ` : ''}`;
  const scope = `${i.mine ? ' acknowledged by you' : i.ackedBy ? ` acknowledged by ${i.ackedBy}` : ''}${i.target ? ` on ${i.target}` : i.group ? ` on ${i.group.join(', ')}` : ''}${when}`;
  // "Which hosts never alerted?": every target is a candidate, whatever one the question names.
  if (i.none)
    return answerQuietTargets(
      list,
      i.group ?? c.targets.map((t) => t.name),
      kind,
      // With no anomaly kept at all there is no first one to date from.
      when || (Number.isFinite(watched) ? ` since ${stamp(watched)} (the first anomaly kept)` : ' (no anomaly is kept yet)'),
    );
  // A time asked about from before I began watching: nothing seen there is no evidence of quiet.
  const unwatched =
    when && !i.open && !i.openForMs ? unwatchedLines(openAt ?? since, openAt ?? Math.min(until, c.now), watchingSince(c.store)) : [];
  if (list.length === 0)
    return [
      `No ${kind}anomalies${scope}.${openAt === undefined ? '' : nearInstant(openAt, asked, c)}`,
      ...unwatched,
      // "What changed in the last hour?" with nothing detected: the change log still answers.
      ...(i.digest ? changesLine(c.store, since, Math.min(until, c.now), i.target) : []),
      ...(i.episodes ? (i.open ? openIncidentsLine(c.store, c.now, i.target) : declared()) : []),
    ].join('\n');
  const atLeast = capped ? 'at least ' : '';
  // A change on many targets at once is one line (and one message, as the notifier sent it).
  const { events, singles } = i.target ? { events: [], singles: list } : groupFleetEvents(list, c.fleetGrouping);
  if (counting) {
    // "How often does web-1's cpu spike?" names no time: say which time the count covers, and its rate.
    const what = `${kind}anomal${list.length === 1 ? 'y' : 'ies'}${scope}${when || i.open ? '' : ` since ${stamp(watched)} (the first anomaly kept)`}`;
    const window = i.open || openAt !== undefined ? 0 : Math.min(until, c.now) - watched;
    const said = list.map((a) => verdicts.get(a.id)).filter((v) => v !== undefined);
    const feedback = said.length
      ? [
          `Marked in chat: ${said.filter((v) => v === 'noise').length} noise, ${said.filter((v) => v === 'useful').length} useful (of ${list.length}).`,
        ]
      : [];
    // "MTTR this week", "how fast do we ack?": the time asked for leads; the counts follow.
    const times = timeLines(list, i.timeTo, c, i.ackWithinMs, window);
    const lead = { ack: 'Acknowledged in chat', resolve: 'Time to resolve', between: 'Time between', open: 'Time in alert' } as const;
    const asked = i.timeTo ? times.filter((l) => l.startsWith(lead[i.timeTo!])) : [];
    const counts = countAnomalies(
      list,
      atLeast,
      what,
      { open: !i.open, episodes: i.episodes, rate: i.rate },
      events,
      [...feedback, ...(i.unposted ? [] : postedLines(list, c.store)), ...times.filter((l) => !asked.includes(l)), ...declared()],
      c.now,
      window,
      c.zone,
    );
    // "Which host is noisiest?": the ranking and the total it ranks, not every other breakdown after it.
    const total = counts.slice(0, 2).filter((l, k) => k === 0 || l.startsWith('As episodes'));
    if (asked.length && !i.digest) counts.unshift(...asked);
    if (i.ongoing) counts.unshift(alertingNowLine(list, i.target ?? i.group?.join(', ') ?? 'The fleet', c.now));
    if (i.unposted) counts.unshift(...unpostedLines(list, c.store));
    // "What's the false positive rate?": only what people marked can say; the rest is unknown, not fine.
    if (i.quality) counts.unshift(qualityLine(list, verdicts));
    // "Which host has the most alerts?": the leaders first, the counts below.
    // "Which tier has the most alerts?": the targets' groups ranked instead of the targets.
    const byGroup = i.rankBy
      ? { of: (n: string) => groupValueOf(c.targets.find((t) => t.name === n) ?? { name: n }, i.rankBy!) ?? '(none)', name: i.rankBy }
      : undefined;
    const ranked = i.timesAtLeast
      ? oftenLine(list, i.timesAtLeast, c.now)
      : i.rank === 'target' && i.timeTo === 'resolve' && !byGroup
        ? resolveByTarget(list, i.fastFirst === true)
        : i.rank && i.crossBy && !i.digest
          ? crossTab(list, i.rank === 'series' ? 'target' : i.rank, i.crossBy, (m) => METRIC_LABEL[m] ?? m, c.now, c.zone)
          : i.rank && !i.digest
            ? rankLine(list, i.rank, i.limit === 50 ? 5 : i.limit, (m) => METRIC_LABEL[m] ?? m, c.now, byGroup, c.zone)
            : '';
    // Hours and days keep theirs: the by-day and by-hour lines are the pattern asked about.
    if (
      ranked &&
      (i.rank === 'target' || i.rank === 'metric' || i.rank === 'series' || i.rank === 'detector') &&
      !i.crossBy &&
      !i.digest &&
      !i.timesAtLeast &&
      !i.quality &&
      !i.timeTo &&
      !i.unposted &&
      !i.shareOf
    )
      return [ranked, ...total, ...unwatched, 'Ask "how many" of the same time without "which" or "most" for every breakdown.'].join('\n');
    if (ranked) counts.unshift(ranked);
    // Before the closing hint, which a digest drops.
    counts.splice(counts.length - 1, 0, ...unwatched);
    // "What percentage of alerts are critical?", "what share are on web-2?": the shares, of anomalies.
    counts.unshift(...shareLines(list, { severity: i.rank === 'severity', target: i.shareOf }, c.now));
    if (!i.digest) return counts.join('\n');
    return [
      ...digestLines(counts.slice(0, -1), list, { from: since, until, target: i.target, changed: i.changed }, c),
      ...(i.shift ? nextShift(c) : []),
    ].join('\n');
  }
  const what = `${kind}anomal${list.length === 1 ? 'y' : 'ies'}${scope}`;
  const lasted = (from: number, until: number | null) => (until ?? c.now) - from;
  // A long list ("what happened overnight?") reads by episode: one line each, every anomaly id in it.
  // A number said ("the last 20 anomalies") is of anomalies: only the default of a span (50) folds.
  const folded = !i.episodes && i.limit === 50 && singles.length > FOLD_OVER ? groupEpisodes(singles, c.now) : undefined;
  const eps = i.episodes ? groupEpisodes(singles, c.now) : folded && folded.length <= 0.75 * singles.length ? folded : undefined;
  const lines = [
    ...events.map((e) => ({
      ts: e.startTs,
      ms: Math.max(...e.members.map((m) => lasted(m.startTs, m.endTs))),
      critical: e.members.some((m) => m.severity === 'critical'),
      of: e.members,
      text: `• ${describeFleetEvent(e)}`,
    })),
    // "Open incidents", "the last 3 episodes": one line per episode, its anomalies named in it.
    ...(eps
      ? eps.map((e) => ({
          ts: e.startTs,
          ms: lasted(e.startTs, e.endTs),
          critical: e.members.some((m) => m.severity === 'critical'),
          of: e.members,
          text: `• ${describeEpisode(e, c.now)}`,
        }))
      : singles.map((a) => ({
          ts: a.startTs,
          ms: lasted(a.startTs, a.endTs),
          critical: a.severity === 'critical',
          of: [a],
          text: `• ${describeAnomaly(a, c.now)}${a.summary ? ` — ${a.summary}` : ''}`,
        }))),
  ].sort(
    (a, z) =>
      (i.worst ? Number(z.critical) - Number(a.critical) : 0) ||
      (i.longest || i.worst ? z.ms - a.ms : 0) ||
      (i.first ? a.ts - z.ts : z.ts - a.ts),
  );
  const shown = lines.slice(0, i.sinceLast ? 1 : i.limit);
  const open = list.filter((a) => a.status === 'open').length;
  const inEvents = events.reduce((n, e) => n + e.members.length, 0);
  const fleetNote = events.length
    ? `, ${inEvents} of them in ${events.length === 1 ? 'one fleet-wide event' : `${events.length} fleet-wide events`}`
    : '';
  const which = listOrder(i, shown.length, lines.length);
  // Several detectors on one episode are several lines: say how many episodes they make.
  const episodes = countEpisodes(list, c.now);
  const inEpisodes = !capped && episodes < list.length ? `, in ${episodes} episode${episodes === 1 ? '' : 's'}` : '';
  // Every episode one anomaly: say anomalies, as without the grouping.
  const grouped = eps && eps.length < singles.length;
  const openNow = grouped
    ? eps.filter((e) => e.endTs === null).length + events.filter((e) => e.members.some((a) => a.status === 'open')).length
    : open;
  const counted = grouped
    ? `${lines.length} episode${lines.length === 1 ? '' : 's'} of ${list.length} ${what}`
    : `${list.length} ${what}${inEpisodes}`;
  const head = `${atLeast}${counted}${i.open || i.resolved ? '' : `, ${openNow} ${openAt === undefined ? 'open' : 'still open now'}`}${fleetNote}; ${which}:`;
  // "What incidents are open?": the declared ones still open lead, the detectors' episodes follow (decision 0072).
  const declaredOpen = i.episodes && i.open ? openIncidentsLine(c.store, c.now, i.target) : [];
  const listed = i.episodes && !i.open ? declared() : [];
  // "Summarise the last 3 anomalies": what those listed share and how they stand, before each one.
  const summed = shown.flatMap((l) => l.of);
  return [
    ...sinceLastLine(i.sinceLast ? list : [], c.now),
    ...declaredOpen,
    ...(i.summarised && summed.length > 1 ? [summariseAnomalies(summed, c.now)] : []),
    head,
    ...shown.map((l) => l.text),
    ...unwatched,
    ...listed.map((l) => `${l.replace(/\.$/, '')}; "declared incidents" lists them.`),
  ].join('\n');
}

// More anomalies than this in a list, and folding them into episodes saves a quarter of the lines: it is folded.
const FOLD_OVER = 15;

/** Anomalies open at `at`: started by then and not ended before. Episodes longer than a week are found while still open. */
// "What happened at 04:11?": a clock time names a minute, so what was open at any moment of it.
function openAnomaliesAt(at: number, cap: number, c: AnswerContext): Anomaly[] {
  const end = at + 60_000;
  const started = c.store.recentAnomalies(cap, at - 7 * 86_400_000, end);
  const seen = new Set(started.map((a) => a.id));
  const stillOpen = c.store.openAnomalies().filter((a) => a.startTs < end && !seen.has(a.id));
  return [...started, ...stillOpen].filter((a) => a.startTs < end && (a.endTs ?? Infinity) >= at);
}

/** Near misses for an instant with nothing open: how far the closest starts and ends were, up to 30 min either side. */
function nearInstant(at: number, asked: (a: Anomaly) => boolean, c: AnswerContext): string {
  const near = 30 * 60_000;
  const moments = c.store
    .recentAnomalies(500, at - 7 * 86_400_000, at + near)
    .filter(asked)
    .flatMap((a) => [{ a, ts: a.startTs, what: 'started' }, ...(a.endTs !== null ? [{ a, ts: a.endTs, what: 'ended' }] : [])])
    .filter((m) => Math.abs(m.ts - at) <= near)
    .sort((x, z) => Math.abs(x.ts - at) - Math.abs(z.ts - at));
  const seen = new Set<string>();
  const closest = moments.filter((m) => !seen.has(m.a.id) && seen.add(m.a.id)).slice(0, 3);
  if (!closest.length) return ' Nothing started or ended within 30 min of it either.';
  const off = (ts: number) => `${formatDuration(Math.abs(ts - at))} ${ts < at ? 'before' : 'after'}`;
  return `\nClosest (within 30 min):\n${closest
    .map(
      (m) =>
        `• ${m.a.id} ${m.a.target} ${METRIC_LABEL[m.a.metric] ?? m.a.metric} (${m.a.detector}) ${m.what} at ${stamp(m.ts).slice(11)}, ${off(m.ts)}`,
    )
    .join('\n')}`;
}

/** "fleet-wide: disk on 12 targets (robust) from …, 3 open — e.g. an_… web-1: …". */
function describeFleetEvent(e: FleetEvent): string {
  const open = e.members.filter((a) => a.status === 'open').length;
  const first = e.members[0]!;
  return (
    `fleet-wide: ${METRIC_LABEL[e.metric] ?? e.metric} on ${e.targets} targets (${e.detector}) from ${stamp(e.startTs)}, ` +
    `${open ? `${open} open` : 'all resolved'} — e.g. ${first.id} ${first.target}${first.summary ? `: ${first.summary}` : ''}`
  );
}

/** "How many alerts this week?": totals by severity, target, metric and detector, largest first. */
const COUNT_CAP = 100_000;
// A yes-or-no ask ("anything overnight?") with more than this gets the summary.
const GLANCE_MAX = 10;
