import type { Sample } from '../../core/sample.js';
import type { ThresholdRule } from '../../config/schema.js';
import { AnomalyTracker } from './anomaly-tracker.js';
import { ThresholdDetector } from './threshold-detector.js';

export interface ReplayResult {
  /** Episodes opened over the samples, as the live tracker would have opened them. */
  episodes: number;
  byTarget: Map<string, number>;
  /** Episodes still open after the last sample. */
  open: number;
}

/**
 * A threshold rule run over stored samples through the live ThresholdDetector and AnomalyTracker,
 * so "what if the bound were 95?" is answered by the code that alerts, not by a second model of it.
 * Each target's samples must be in time order. Pure.
 */
export function replayThreshold(rule: ThresholdRule, series: ReadonlyMap<string, readonly Sample[]>, resolveAfter: number): ReplayResult {
  const byTarget = new Map<string, number>();
  let episodes = 0;
  let open = 0;
  for (const [target, samples] of series) {
    // The rule stands alone here, so it applies to this target whatever its own `target` says.
    const detector = new ThresholdDetector([{ ...rule, target }]);
    const tracker = new AnomalyTracker([], resolveAfter);
    let opened = 0;
    for (const s of samples) {
      const f = detector.observe(s);
      if (f) opened += tracker.apply([f]).opened.length;
    }
    if (opened) byTarget.set(target, opened);
    episodes += opened;
    open += tracker.openCount;
  }
  return { episodes, byTarget, open };
}

/**
 * The furthest level each series held past the rule's direction for `forSamples` samples in a row:
 * the bound at which the rule would have stopped firing on it ("above" rules: the highest rolling
 * minimum; "below" rules: the lowest rolling maximum). Undefined for a series shorter than that.
 */
export function heldLevel(samples: readonly Sample[], forSamples: number, direction: 'above' | 'below'): number | undefined {
  if (samples.length < forSamples) return undefined;
  const worse = direction === 'above' ? (a: number, b: number) => a <= b : (a: number, b: number) => a >= b;
  // A monotonic deque of indexes: the window's least extreme value is at its head.
  const dq: number[] = [];
  let best: number | undefined;
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i]!.value;
    while (dq.length && !worse(samples[dq[dq.length - 1]!]!.value, v)) dq.pop();
    dq.push(i);
    if (dq[0]! <= i - forSamples) dq.shift();
    if (i >= forSamples - 1) {
      const held = samples[dq[0]!]!.value;
      if (best === undefined || (direction === 'above' ? held > best : held < best)) best = held;
    }
  }
  return best;
}
