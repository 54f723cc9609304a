/**
 * Fixed-size ring of numbers; the window every per-series detector keeps. Stored as 32-bit floats:
 * seven significant digits are plenty for robust statistics and halve the largest per-series state
 * (a thousand series keep 4 MB instead of 8). push() returns what was stored, rounded.
 */
export class RingBuffer {
  readonly data: Float32Array;
  private head = 0;
  private filled = 0;

  constructor(readonly capacity: number) {
    this.data = new Float32Array(capacity);
  }

  get length(): number {
    return this.filled;
  }

  /** Appends v (rounded to 32 bits, see Math.fround); returns the value it overwrote, or NaN while the ring is filling. */
  push(v: number): number {
    const evicted = this.filled === this.capacity ? this.data[this.head]! : Number.NaN;
    this.data[this.head] = v;
    this.head = (this.head + 1) % this.capacity;
    if (this.filled < this.capacity) this.filled++;
    return evicted;
  }

  /** i = 0 is the oldest kept value. */
  at(i: number): number {
    const start = (this.head - this.filled + this.capacity) % this.capacity;
    return this.data[(start + i) % this.capacity]!;
  }

  /** Copies the newest `n` values (oldest first) into `out`; returns how many were copied. */
  tail(n: number, out: Float64Array): number {
    const k = Math.min(n, this.filled, out.length);
    // Two contiguous segments instead of a modulo per element.
    let start = this.head - k;
    if (start >= 0) out.set(this.data.subarray(start, this.head));
    else {
      start += this.capacity;
      const first = this.data.subarray(start, this.capacity);
      out.set(first);
      out.set(this.data.subarray(0, this.head), first.length);
    }
    return k;
  }

  toArray(): Float64Array {
    const out = new Float64Array(this.filled);
    this.tail(this.filled, out);
    return out;
  }

  static from(values: Float64Array, capacity: number): RingBuffer {
    const r = new RingBuffer(capacity);
    for (const v of values.subarray(Math.max(0, values.length - capacity))) r.push(v);
    return r;
  }
}

/** Median of the first n values, by quickselect on a scratch copy (values is left untouched). */
export function median(values: Float64Array, n: number, scratch: Float64Array): number {
  for (let i = 0; i < n; i++) scratch[i] = values[i]!;
  const hi = select(scratch, n, n >> 1);
  if (n % 2) return hi;
  // The lower middle is the largest value left of the selected position.
  let lo = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (scratch[i]! > lo) lo = scratch[i]!;
  return (lo + hi) / 2;
}

/** Hoare quickselect: puts the k-th smallest at k, smaller values before it. */
function select(a: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (left < right) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}
