import type { AnswerContext } from './answer-intent.js';
import { spanBounds } from './answer-metric-span.js';
import type { Intent } from './intent.js';

type View = NonNullable<Extract<Intent, { kind: 'elsewhere' }>['view']>;

const iso = (ts: number) => new Date(ts).toISOString().replace('.000Z', 'Z');

/**
 * "Export anomalies as csv", "download last week's alerts": chat posts no files, so the reply gives
 * the side port's URL and the CLI command, filled in with the target and time asked about.
 */
export function answerExport(view: View, c: AnswerContext): string {
  const b = view.span
    ? spanBounds(view.span.kind === 'at' || view.span.kind === 'clock' ? { kind: 'last', ms: 86_400_000 } : view.span, c)
    : undefined;
  const since = b ? iso(b.from) : '24h';
  const until = b && b.until < c.now - 60_000 ? iso(b.until) : undefined;
  const target = view.target && c.targets.some((t) => t.name === view.target) ? view.target : undefined;
  const params = [
    `since=${encodeURIComponent(since)}`,
    ...(until ? [`until=${encodeURIComponent(until)}`] : []),
    ...(target ? [`target=${target}`] : []),
  ];
  const flags = [`--since ${since}`, ...(until ? [`--until ${until}`] : []), ...(target ? [`--target ${target}`] : [])];
  if (view.remediations)
    return [
      `I can't post files here. The remediations${target ? ` on ${target}` : ''} proposed ${b ? b.label : 'in the last 24 h'}, as CSV (one row each: id, anomaly, target, action and parameters, mode, executor, state, reason, who decided and when, the result):`,
      `• on my side port, with the console's token: /api/remediations?${params.join('&')} (add &format=json for JSON)`,
      `• on my host: \`smartcloudops export remediations ${flags.join(' ')}\` (--format json, --out FILE)`,
    ].join('\n');
  return [
    `I can't post files here. The anomalies${target ? ` on ${target}` : ''} ${b ? b.label : 'of the last 24 h'}, as CSV (one row each: id, target, metric, detector, severity, start, end, duration, peak, expected range, summary, who acked it):`,
    `• on my side port, with the console's token: /api/anomalies?${params.join('&')} (add &format=json for JSON; the web console's Export link gives the last 24 h)`,
    `• on my host: \`smartcloudops export anomalies ${flags.join(' ')}\` (--format json, --out FILE)`,
    ...(view.records ? [RECORDS] : []),
  ].join('\n');
}

const RECORDS =
  '• my own daily JSON records (every anomaly, proposal and decision, one line each): <SCO_DATA_DIR>/logs on my host, /logs on my side port, and S3 when records.s3 is set ("are the records going to S3?" says whether it is).';

/** "How do I back up the data?": the store is one SQLite file, and the CLI copies it safely while running. */
export const BACKUP = [
  'Everything I keep is one SQLite file, <SCO_DATA_DIR>/smartcloudops.db (samples, anomalies, proposals, silences, acks, notes, detector state), plus my own JSON logs in <SCO_DATA_DIR>/logs (and S3 when records.s3 is set).',
  "• `smartcloudops backup /backups/sco-$(date +%F).db` copies it while I run (SQLite's online backup: one consistent moment) and checks the copy; run it from cron.",
  '• To restore: stop me, run `smartcloudops restore <file>` (it checks the copy first and keeps the store it replaces), start me; an older schema is upgraded at start.',
  '• Copying the file with cp while I write can catch a half-written page; use the command.',
].join('\n');
