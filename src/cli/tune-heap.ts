import v8 from 'node:v8';

/**
 * Caps how far the old generation grows between full collections. The tick's garbage is mostly
 * promoted (the young generation is kept small on purpose), and V8's adaptive growth let the heap
 * sit at three to four times its live size: about 45 MB of RSS on a 1,000-series fleet for a few
 * ms of CPU per tick (docs/performance.md). It is a V8 flag that NODE_OPTIONS refuses, so it is
 * set here, before the app allocates; V8 reads it each time it sizes the heap.
 */
export function tuneHeap(percent: number, setFlags: (flags: string) => void = v8.setFlagsFromString): void {
  if (percent > 0) setFlags(`--heap-growing-percent=${percent}`);
}
