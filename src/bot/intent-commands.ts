/**
 * The commands people give that change what the bot keeps for them or their team: subscriptions,
 * incidents, on-call covers and swaps, watches and reminders, feedback, notes and changes. Part of
 * Intent (intent.ts), kept apart so that file stays small enough to read.
 */
import type { ClockSpan, ClockTime } from './parse-clock.js';
import type { TimeSpan } from './parse-time-span.js';
import type { Bound } from './parse-bound.js';
import type { MetricKey } from './intent.js';

export type CommandIntent =
  /** "What did I ask you earlier?", "what was my last question?" (`last`): the asker's messages in this channel (question-history.ts). */
  | { kind: 'asked'; last?: boolean }
  /** "Notify me about db-1 alerts", "subscribe me to critical alerts", "follow the api" (subscriptions.ts). */
  | {
      kind: 'subscribe';
      targets?: string[];
      metric?: MetricKey;
      severity?: 'critical' | 'warning';
      unknownTarget?: string;
      /** "For 8h": otherwise until taken back. */
      forMs?: number;
    }
  /** "Unfollow db-1", "unsubscribe su_…", "stop following": the asker's own. */
  | { kind: 'unsubscribe'; id?: string; targets?: string[] }
  /** "My subscriptions"; "who follows db-1?" (`targets`). */
  | { kind: 'subscriptions'; targets?: string[] }
  /** "Declare an incident: …", "incident update: …", "I'll take command", "resolve the incident", "incident status" (incidents.ts). */
  | {
      kind: 'incident';
      action: 'declare' | 'update' | 'command' | 'resolve' | 'reopen' | 'show' | 'timeline' | 'review' | 'list' | 'scope';
      id?: string;
      /** The title, update or closing words, as typed. */
      text?: string;
      /** Declared on these targets; with `scope`, added to it ("add web-1 to the incident"). */
      targets?: string[];
      /** With `scope`: taken off it ("remove db-1 from the incident"). */
      remove?: string[];
      commander?: string;
      /** With `list`: how many days back ("the past month": 30); a week otherwise. */
      days?: number;
      /** With `list`: a calendar span ("this month", "last month", "in november"), read on the asker's calendar. */
      span?: ClockSpan;
    }
  /** "I'm on call until 18:00", "take on-call for 4h" (a cover of the chat.onCall rotation); "end my on-call cover". */
  | {
      kind: 'on_call_cover';
      until?: ClockTime;
      durationMs?: number;
      end?: boolean;
      /** A word that may name a rotation ("for db"). */ rotation?: string;
    }
  /** "Swap shifts with bob", "accept the swap", "decline the swap", "cancel the swap" (on-call-swaps.ts). */
  /** `day`: "swap my friday shift with bob", my shift starting that weekday (0 Sunday … 6 Saturday), not my next. */
  | { kind: 'on_call_swap'; action: 'offer' | 'accept' | 'decline' | 'cancel'; with?: string; id?: string; rotation?: string; day?: number }
  /** "Tell me when web-1 recovers", "ping me when cpu on db-1 drops below 50%" (watches.ts). */
  | {
      kind: 'watch';
      target?: string;
      /** "The api hosts": any of them. */
      group?: string[];
      metric?: MetricKey;
      unknownTarget?: string;
      /** 'resolved': nothing open (of `metric`) on `target`; a bound: the latest reading past it. */
      when: 'resolved' | Bound;
      forMs: number;
      /** "Stays below 50% for 10 min": the line must hold this long, not just be crossed. */
      sustainMs?: number;
      /** "Tell me when everything is resolved": nothing open on any target. */
      all?: boolean;
      /** "Tell me when it recovers": said of the alert whose thread it was asked in, which fills in the target. */
      it?: boolean;
    }
  | { kind: 'watches' }
  /** "Remind me in 30 min to check web-1", "remind me at 15:00 about db-1": a message here then (watches.ts). */
  | { kind: 'remind'; inMs?: number; at?: ClockTime; note?: string }
  /** "Mark an_… as a false positive", "this alert is noise" (in its thread): recorded per anomaly (alert-feedback.ts). */
  /** `latest`: "mark the last alert as noise", the newest anomaly; `target`/`metric`: "the web-2 disk alert was noise", the newest there. */
  /** `none`: "unmark an_…", the mark taken back. */
  | { kind: 'feedback'; id?: string; verdict: 'noise' | 'useful' | 'none'; latest?: boolean; target?: string; metric?: MetricKey }
  /** `reminders`: "cancel my reminder", only the asker's reminders. */
  /** `about`: "cancel the backups reminder", only reminders whose words include it. */
  | { kind: 'unwatch'; id?: string; target?: string; reminders?: boolean; about?: string }
  /** "note an_…: restarted nginx by hand", "add a note: …" in an alert's thread: recorded on the alert, shown in its timeline. */
  | { kind: 'note'; id?: string; target?: string; text: string; latest?: true }
  /** "Cancel that", "never mind": nothing named, so the asker's own cancellable things are listed (answer-cancel-which.ts). */
  | { kind: 'cancel_which' }
  /** "Give me a one line summary", "tl;dr": the fleet now and today in one line (answer-one-line.ts). */
  /** `target`: "web-2 status in one line", that target's line. */
  | { kind: 'one_line'; target?: string }
  /** "What looks unusual but hasn't alerted?", "near misses": series outside their usual range now (answer-unusual-now.ts). */
  | { kind: 'unusual_now' }
  /** "Deployed v2.3 to api-1": a change people made, recorded to set beside the anomalies after it (change-log.ts). */
  | { kind: 'change'; text: string; targets: string[]; /** "Delete ch_…": that change withdrawn. */ withdraw?: string; span?: TimeSpan };
