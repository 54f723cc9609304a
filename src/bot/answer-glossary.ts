import type { AnswerContext } from './answer-intent.js';
import { ROBUST_CRITICAL_DEVIATIONS } from '../pipeline/detect/detection-engine.js';
import type { Intent } from './intent.js';
import { SILENCE_BUTTON_MS } from './alert-silence.js';

import type { GlossaryTerm } from './glossary-terms.js';

export type { GlossaryTerm };

/**
 * "What detectors do you use?", "what is an isolation forest?", "what does score mean?": what the
 * words on an alert mean, said as the code does it, with the config's own counts where they
 * matter. Defaults are named as defaults; docs/detection.md has the measurements.
 */
export function answerGlossary(i: Extract<Intent, { kind: 'glossary' }>, c: AnswerContext): string {
  const rules = c.thresholds?.length ?? 0;
  const forecasts = c.forecasts?.length ?? 0;
  const lines: Record<GlossaryTerm, string> = {
    threshold: `Threshold rules (${rules} set; "what thresholds are set?" lists them): a metric above (or below) a bound for N samples in a row opens an anomaly of the rule's severity; it resolves after detectors.resolveAfterSamples normal samples. "Suggest better thresholds" replays a rule at other bounds.`,
    forecast: `Forecasts (${forecasts} set): a line fitted to the last hour of a series (disk by default) that reaches the rule's limit within its horizon, while the value is already past the rule's "from", opens a critical anomaly before the limit is hit.`,
    robust: `The robust detector: one per series, online. Each new value is measured against the series' own recent values with medians and median absolute deviations (robust: a few wild values do not move them) in six ways: a spike, outside the recent range, a level shift, a change in variability, unusual for the time of day, a gradual drift. Each is divided by the largest it has been on that series, so one setting fits CPU in percent and requests in thousands: only a new extreme for that series alarms. Critical from ${ROBUST_CRITICAL_DEVIATIONS} robust deviations, a warning below. It alarms only once a series has 100 samples by default (detectors.robust.minHistory: about 50 min at a 30 s read); its time-of-day statistic learns each slot over the first day.`,
    shapes:
      'What the robust detector looks for, each on one series against its own recent values: a spike (one value far from the recent median); outside the recent range (past the highest or lowest of its trailing window); a level shift (the median of the last 4 values moved away from the usual level, and staying); a change in variability (the spread of the last 32 values grown, or collapsed, against the usual spread); unusual for the time of day (far from what that half hour of the day usually reads against the level, once two days agree on it); a gradual drift (the median of the last 32 values moved from that of the last 128). An alert says which one fired: "a level shift from its usual 45.17%–46.98%". docs/detection.md has each, with its floor.',
    deviation: `A robust deviation is the distance from the series' recent median in units of 1.4826 × its median absolute deviation (a standard deviation for normal noise, but not moved by outliers). "125 robust deviations" means far outside anything recent; the robust detector also needs a floor of change in the metric's own unit (detectors.robust.minChange) before it alarms.`,
    iforest: `The Isolation Forest: one per host, over all its metrics together, refitted on its recent history. A reading that random splits isolate in few steps is unlike that history even when no single metric is extreme. It opens warnings (score 0.74 and above by default), naming the metric furthest from its usual range.`,
    silence:
      'Silent hosts: a target that sends no sample for detectors.silence.afterSeconds opens a critical anomaly ("not reporting"); it resolves when data arrives again.',
    score: `Score: how strong the finding is, 0 to 1. Threshold, forecast and silent-host anomalies are 1.00 while they hold. The robust detector's is r / (1 + r), r being the statistic over its largest before on that series (0.2809 and above opens one by default, the NAB-tuned threshold), discounted when the series alarmed just before. The Isolation Forest's is its isolation score (0.74 and above opens one by default). It says how unusual, not how urgent: severity says that.`,
    expected:
      "Expected, on an alert: for a threshold rule, the side of the bound that is normal (0 to the bound); for the robust detector, the lowest and highest of the series' recent values (its trailing window); for the Isolation Forest, the host's usual range of the metric it names; for a forecast, the limit it is projected to reach instead.",
    percentile:
      "A percentile is the reading that that share of the readings in the window are at or below: p95 is the one 95% of them do not exceed, so the top 5% (a short spike) is left out; p50 is the median. I take a reading that was made (nearest rank), never one between two. Latency percentiles are over the stored readings, one per target and sample, not over individual requests. Capacity uses each host's p95, so a spike is not counted as need.",
    episode: `An episode is one stretch of one detector finding one target and metric unusual: it opens, is updated while it lasts, and resolves after detectors.resolveAfterSamples normal samples. Several detectors on the same target and metric at once are one episode in counts ("as episodes"), and one alert message.`,
    severity: `Severity is set by the detector that opened the anomaly, never by chat: a threshold or forecast rule's own "severity" in the config; critical for the robust detector from ${ROBUST_CRITICAL_DEVIATIONS} robust deviations, a warning below; a warning from the Isolation Forest; critical for a silent host; an Alertmanager alert's "severity" label (critical, page or error are critical, anything else a warning). An alert message takes its most severe anomaly's. Critical alerts are the ones reminded of and escalated by default (chat.remind, chat.escalate); routes and silences can match on it. "Where do critical alerts go?" shows where each goes.`,
    ack: 'Acknowledge ("ack" in the alert\'s thread, "ack an_…", or its Acknowledge button): you take the alert on. Its message shows who has it, reminders and escalation stop for it, and it still updates and resolves as before; "unack" hands it back. A silence ("snooze web-1 for 1h", or the Silence button) holds alerts for a target, a metric and a severity for a while: new ones there are not posted, an open one shows the silence, and it ends by itself. Ack when someone is on it; silence when noise is expected (maintenance, a known issue).',
    detection: '',
    buttons: `An open alert's message has two buttons: Acknowledge (you take it on: its message names you, and reminders and escalation stop) and Silence ${SILENCE_BUTTON_MS / 3_600_000} h (holds new alerts for its target and metric for that long, for everyone). A proposal's message has Approve and Deny, for approvers; the message says what approving runs. A button goes once its work is done (acknowledged, silenced, decided). In chat the same are "ack", "snooze for 2h" in the alert's thread, and "approve rp_…" / "deny rp_…".`,
    colours:
      'Red (🔴, :red_circle:) is critical, yellow (🟡) a warning, green (✅) resolved, blue (ℹ️) information; in Discord the side colour of the message says the same. An alert message takes the colour of its most severe anomaly, so it turns green only when all of them have ended. "How is severity decided?" says what makes one critical.',
    resolved: `Resolved: the detector sees the series back in range for ${c.resolveAfterSamples ?? 3} samples in a row (detectors.resolveAfterSamples); a silent host resolves when data arrives, an Alertmanager alert when Alertmanager says so. The alert message is updated in place, never deleted: it shows when each anomaly ended and turns green once all have. It also changes as it goes: another anomaly on the target, who acknowledged it, a silence that holds it. "Timeline an_…" gives each step.`,
    mentions:
      'An alert mentions people where a route sets them (chat.routes[].mentions, and mentions.onCall for whoever holds the pager), and chat.escalate pings after a wait; "where do db-1 alerts go?" shows which route an alert takes. To be pinged yourself: "subscribe to db-1" (its alerts), "subscribe to critical alerts", "my subscriptions". A reminder of a time: "remind me in 30m to check db-1".',
    alert:
      'An anomaly (an_…) is what one detector finds on one target and metric: it opens, updates while it lasts and resolves on its own. An alert is the chat message posted for it: the detectors on one episode share one message, many targets with the same finding at once may share a fleet-wide one, and an anomaly that ends within chat.pendingFor, or is silenced, gets none. An incident (in_…) is declared by people ("declare an incident: …") and may cover several alerts. Counts say which they count: "how many alerts this week?" gives the anomalies, the episodes and the messages posted.',
  };
  const all: GlossaryTerm[] = ['threshold', 'forecast', 'robust', 'iforest', 'silence'];
  if (!i.term || i.term === 'detection')
    return [
      'Each sample goes through these detectors; an anomaly is an episode of one of them (docs/detection.md has how each is measured):',
      ...all.map((t) => `• ${lines[t]}`),
      '"What does score mean?", "what is a robust deviation?" and "what does expected mean?" explain an alert\'s words.',
    ].join('\n');
  return lines[i.term];
}
