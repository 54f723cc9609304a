import { stamp } from '../core/stamp.js';
import type { Store } from '../core/ports.js';
import { incidentsBetween, type Incident } from './incidents.js';
import type { Intent } from './intent.js';
import type { ClockTime } from './parse-clock.js';
import { formatDuration, quoteUntrusted } from './text-tools.js';

type Metrics = Extract<Intent, { kind: 'metrics' }>;

const DAY = 86_400_000;
/** How far back a declared incident is looked for: the records' default retention, as incidents.ts reads them. */
const FIND_MS = 30 * DAY;

/** A timestamp as a clock time on its UTC date, so a window between two instants is a span like any said one. */
const at = (ts: number, up = false): ClockTime => {
  const midnight = ts - (((ts % DAY) + DAY) % DAY);
  return { minute: (up ? Math.ceil : Math.floor)((ts - midnight) / 60_000), day: { date: midnight } };
};

/**
 * "Cpu during the incident", "peak memory on db-1 during in_…": the read over the declared incident's
 * window, from its declaration to its resolution (or now), on the hosts asked about or else the ones
 * it covers. Which incident: the one named, else the open one on those hosts, else the last declared
 * there. The head line says which, so a window picked for the asker is never silent. Pure over the store.
 */
export function duringIncident(
  i: Metrics,
  store: Pick<Store, 'recordsBetween'>,
  now: number,
): { read: Metrics; head: string } | { reply: string } {
  const asked = i.group ?? (i.target ? [i.target] : undefined);
  const all = incidentsBetween(store, now - FIND_MS, now + 1);
  const covers = (x: Incident) => !asked || !x.targets.length || x.targets.some((t) => asked.includes(t));
  const named = i.incident && i.incident !== 'latest' ? all.find((x) => x.id === i.incident) : undefined;
  if (i.incident !== 'latest' && !named)
    return { reply: `No incident ${quoteUntrusted(i.incident ?? '')} in the last 30 days; "declared incidents" lists them.` };
  const fitting = all.filter(covers);
  const x = named ?? fitting.filter((y) => y.closedTs === undefined).at(-1) ?? fitting.at(-1);
  if (!x)
    return {
      reply: `No incident was declared${asked ? ` on ${asked.join(', ')}` : ''} in the last 30 days, so there is no window to read; ask for a time instead ("cpu between 14:00 and 15:00").`,
    };
  const until = x.closedTs ?? now;
  const where = asked ? {} : x.targets.length > 1 ? { group: x.targets } : x.targets.length ? { target: x.targets[0]! } : {};
  const { incident: _i, ...rest } = i;
  const read: Metrics = {
    ...rest,
    ...where,
    span: { kind: 'range', from: at(x.openedTs), until: at(Math.max(until, x.openedTs + 60_000), true) },
  };
  // Picked for the asker among several open: say so, with how to name another.
  const others = named ? 0 : all.filter((y) => y.closedTs === undefined && y.id !== x.id && covers(y)).length;
  const head =
    `During ${x.id} "${x.title}" (declared ${stamp(x.openedTs)}, ${x.closedTs !== undefined ? `resolved after ${formatDuration(until - x.openedTs)}` : `open for ${formatDuration(until - x.openedTs)} so far`})` +
    `${others ? `; ${others} more open: name one ("… during in_…") for its window` : ''}:`;
  return { read, head };
}
