import { answerDigestSchedule } from './answer-about.js';
import { answerDashboard } from './answer-dashboard.js';
import { answerExport, BACKUP } from './answer-export.js';
import type { AnswerContext } from './answer-intent.js';
import { answerRules } from './answer-rules.js';
import { answerElsewhere } from './answer-uncollected.js';
import type { Intent } from './intent.js';

/**
 * What is done somewhere else (a dashboard, an export, the config file, a backup), with what can be
 * said here beside it: "set the disk warning to 85%" shows the rule set now, "change the digest time"
 * when it goes now (chat.digest).
 */
export function answerElsewhereView(i: Extract<Intent, { kind: 'elsewhere' }>, c: AnswerContext): string {
  if (i.what === 'dashboards') return answerDashboard(i.view ?? {}, c);
  if (i.what === 'export') return answerExport(i.view ?? {}, c);
  if (i.what === 'config' && i.view?.metric)
    return `${answerElsewhere('config')}\nSet now:\n${answerRules({ metric: i.view.metric, only: 'thresholds' }, c)}\n"How many alerts would we get with ${i.view.metric} at …?" replays the rule at another bound on the stored samples first.`;
  if (i.what === 'config' && i.view?.digest) return `${answerElsewhere('config')}\nSet now: ${answerDigestSchedule(c)}`;
  return i.what === 'backup' ? BACKUP : answerElsewhere(i.what);
}
