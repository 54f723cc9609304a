import type { Sample } from '../core/sample.js';
import { METRIC_LABEL, formatValue } from '../core/metrics.js';
import { watchingSince } from '../core/watching-since.js';
import { changeInAverage } from './answer-compare.js';
import type { AnswerContext } from './answer-intent.js';
import { metricsOf, summarise } from './answer-metric-span.js';
import { stamp, table, unknownTargetReply } from './format-reply.js';
import type { DayPart, Intent } from './intent.js';
import { formatDuration } from './text-tools.js';

type Asked = Extract<Intent, { kind: 'daypart' }>;

const WEEK = 7 * 86_400_000;

export const SAID: Record<DayPart, { part: string; rest: string; col: string; test: (ts: number) => boolean }> = {
  night: {
    part: 'at night (22:00–06:00 UTC)',
    rest: 'the day',
    col: 'day',
    test: (ts) => {
      const h = new Date(ts).getUTCHours();
      return h >= 22 || h < 6;
    },
  },
  business: {
    part: 'in business hours (Mon–Fri 09:00–17:00 UTC)',
    rest: 'the rest of the week',
    col: 'other',
    test: (ts) => {
      const d = new Date(ts);
      return d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && d.getUTCHours() >= 9 && d.getUTCHours() < 17;
    },
  },
  weekend: {
    part: 'at the weekend (Sat–Sun UTC)',
    rest: 'weekdays',
    col: 'weekday',
    test: (ts) => new Date(ts).getUTCDay() % 6 === 0,
  },
};

/**
 * "Is cpu higher at night?": each target's average in that part of the week against the rest, over
 * the stored samples of the last week, with the fleet's averages first. A part not yet seen (a
 * weekend on a fleet watched since Monday) is said so, not compared. Averages only: a difference
 * within the usual scatter is not a pattern.
 */
export function answerDaypart(i: Asked, c: AnswerContext): string {
  if (i.unknownTarget && !i.target && !i.group) return unknownTargetReply(i.unknownTarget, c.targets);
  const metric = metricsOf(i.metric)![0]!;
  const label = METRIC_LABEL[metric] ?? metric;
  const from = Math.max(c.now - WEEK, watchingSince(c.store) ?? 0);
  const names = i.target ? [i.target] : (i.group ?? c.targets.map((t) => t.name));
  const { part, rest, col, test } = SAID[i.part];
  const split = (xs: Sample[]) => ({ inside: xs.filter((s) => test(s.ts)), outside: xs.filter((s) => !test(s.ts)) });
  const rows = names.flatMap((n) => {
    const xs = c.store.series(n, metric, from, c.now);
    if (!xs.length) return [];
    const { inside, outside } = split(xs);
    return [{ n, inside: summarise(inside), outside: summarise(outside), all: xs }];
  });
  if (!rows.length)
    return `No ${label} samples ${names.length === 1 ? `from ${names[0]} ` : ''}in the last ${formatDuration(c.now - from)}.`;
  const fleet = split(rows.flatMap((r) => r.all));
  const a = summarise(fleet.inside);
  const b = summarise(fleet.outside);
  const over = `over the last ${formatDuration(c.now - from)}${from > c.now - WEEK ? ` (watched since ${stamp(from)})` : ''}`;
  const lead = !a
    ? `No ${label} samples ${part} ${over} yet, so there is nothing to set against ${rest}.`
    : !b
      ? `Every ${label} sample ${over} is ${part}; there is nothing to set it against.`
      : `${label} ${part} against ${rest}, ${over}: ${rows.length === 1 ? rows[0]!.n : `across ${rows.length} targets`} ${formatValue(metric, a.avg)} against ${formatValue(metric, b.avg)} (${changeInAverage(metric, a, b)}).`;
  if (rows.length === 1 || !a || !b)
    return [lead, 'Averages of the stored samples: a difference within the usual scatter is not a pattern.'].join('\n');
  return [
    lead,
    table(
      ['target', `${i.part} avg`, `${col} avg`, 'change', `${i.part} samples`],
      rows.map((r) => [
        r.n,
        r.inside ? formatValue(metric, r.inside.avg) : '-',
        r.outside ? formatValue(metric, r.outside.avg) : '-',
        changeInAverage(metric, r.inside, r.outside),
        String(r.inside?.n ?? 0),
      ]),
    ),
    'Averages of the stored samples: a difference within the usual scatter is not a pattern.',
  ].join('\n');
}
