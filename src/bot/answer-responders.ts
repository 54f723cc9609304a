import { answerResponse } from './answer-response.js';
import type { AnswerContext } from './answer-context.js';
import { spanBounds } from './answer-metric-span.js';
import { isAlertKey } from './alert-keys.js';
import { table } from './format-reply.js';
import type { RespondersIntent } from './parse-responders.js';
import type { TimeSpan } from './parse-time-span.js';
import { nearestRank } from './tally.js';
import { formatDuration, plural } from './text-tools.js';

const WEEK: TimeSpan = { kind: 'last', ms: 7 * 86_400_000 };
const SCAN = 20_000;

interface Responder {
  who: string;
  acks: number;
  anomalies: number;
  afterMs: number[];
  handedBack: number;
}

/**
 * "Who acknowledged the most alerts?", "who responds fastest?": each person's acknowledgements over
 * the span (a week by default), from the records: how many alert messages, the anomalies they carried,
 * the median and longest time from the alert's start to the acknowledgement, and how many they handed
 * back; then how many of the alert messages posted for that time nobody took on. Pure over the store.
 */
export function answerResponders(i: RespondersIntent, c: AnswerContext): string {
  if (i.alert) return answerResponse(i.alert, c);
  const b = spanBounds(i.span ?? WEEK, c);
  if (b.ahead) return b.ahead;
  const read = c.store.recordsBetween(b.from, Math.min(b.until, c.now + 1), ['alert_acknowledged', 'alert_unacknowledged'], SCAN);
  const people = new Map<string, Responder>();
  const of = (who: string) => people.get(who) ?? people.set(who, { who, acks: 0, anomalies: 0, afterMs: [], handedBack: 0 }).get(who)!;
  const ackedKeys = new Set<string>();
  for (const r of read) {
    const who = typeof r.data.actor === 'string' ? r.data.actor : undefined;
    if (!who) continue;
    if (r.kind === 'alert_unacknowledged') {
      of(who).handedBack += Array.isArray(r.data.keys) ? r.data.keys.length : 1;
      continue;
    }
    const p = of(who);
    p.acks++;
    p.anomalies += Array.isArray(r.data.anomalies) ? r.data.anomalies.length : 0;
    if (typeof r.data.afterMs === 'number' && Number.isFinite(r.data.afterMs)) p.afterMs.push(Math.max(0, r.data.afterMs));
    if (typeof r.data.key === 'string') ackedKeys.add(r.data.key);
  }
  const posted = postedKeys(c, b.from, b.until);
  const never = [...posted].filter((k) => !ackedKeys.has(k) && !c.store.chat.ackOf(k)).length;
  const postedLine = posted.size
    ? `${plural(posted.size, 'alert message')} went out for anomalies that began ${b.label}; ${never === 0 ? 'every one was acknowledged' : `${never} never ${never === 1 ? 'was' : 'were'} acknowledged`}.`
    : `No alert message went out for anomalies that began ${b.label}.`;
  const cut = read.length === SCAN ? ` Only the first ${SCAN.toLocaleString('en-US')} records were read; ask for a shorter time.` : '';
  const acked = [...people.values()].filter((p) => p.acks > 0);
  if (!acked.length)
    return `Nobody acknowledged an alert ${b.label}, as far as the records go. ${postedLine} An alert is taken on with its Acknowledge button, or "ack web-1" in chat.${cut}`;
  const median = (p: Responder) =>
    p.afterMs.length
      ? nearestRank(
          [...p.afterMs].sort((x, y) => x - y),
          0.5,
        )
      : Infinity;
  const ranked = [...people.values()].sort((x, y) =>
    i.bySpeed ? median(x) - median(y) || y.acks - x.acks : y.acks - x.acks || median(x) - median(y) || x.who.localeCompare(y.who),
  );
  const top = ranked.find((p) => p.acks > 0)!;
  const total = acked.reduce((s, p) => s + p.acks, 0);
  const lead = i.bySpeed
    ? `Fastest to acknowledge ${b.label}: ${top.who}, a median ${formatDuration(median(top))} after the alert began (${plural(top.acks, 'alert')}).`
    : `Most acknowledgements ${b.label}: ${top.who}, ${plural(top.acks, 'alert')} of ${total} acknowledged by ${plural(acked.length, 'person', 'people')}.`;
  return [
    lead,
    table(
      ['person', 'acked', 'anomalies', 'median after start', 'longest', 'handed back'],
      ranked.map((p) => [
        p.who,
        String(p.acks),
        String(p.anomalies),
        p.afterMs.length ? formatDuration(median(p)) : '-',
        p.afterMs.length ? formatDuration(Math.max(...p.afterMs)) : '-',
        String(p.handedBack),
      ]),
    ),
    postedLine,
    `Times run from the alert's start to the acknowledgement; "unacknowledged alerts" lists what waits.${cut}`,
  ].join('\n');
}

/** The alert messages that carried anomalies begun in [from, until). */
function postedKeys(c: AnswerContext, from: number, until: number): Set<string> {
  const keys = new Set<string>();
  for (const a of c.store.recentAnomalies(50_000, from)) {
    if (a.startTs < from || a.startTs >= until) continue;
    const key = c.store.chat.alertKeyFor(a.id);
    if (key && isAlertKey(key)) keys.add(key);
  }
  return keys;
}
