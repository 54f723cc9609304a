/** One observation of one metric on one target. `ts` is epoch milliseconds. */
export interface Sample {
  target: string;
  metric: string;
  ts: number;
  value: number;
}

/** A gap a source could not fill this tick: reported, never fatal. */
export interface SourceGap {
  source: string;
  target?: string;
  metric?: string;
  reason: string;
}

export interface IngestResult {
  samples: Sample[];
  gaps: SourceGap[];
}
