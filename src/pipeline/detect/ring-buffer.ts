/** Fixed-size ring of numbers; the window every per-series detector keeps. */
export class RingBuffer {
  readonly data: Float64Array;
  private head = 0;
  private filled = 0;

  constructor(readonly capacity: number) {
    this.data = new Float64Array(capacity);
  }

  get length(): number {
    return this.filled;
  }

  push(v: number): void {
    this.data[this.head] = v;
    this.head = (this.head + 1) % this.capacity;
    if (this.filled < this.capacity) this.filled++;
  }

  /** i = 0 is the oldest kept value. */
  at(i: number): number {
    const start = (this.head - this.filled + this.capacity) % this.capacity;
    return this.data[(start + i) % this.capacity]!;
  }

  /** Copies the newest `n` values (oldest first) into `out`; returns how many were copied. */
  tail(n: number, out: Float64Array): number {
    const k = Math.min(n, this.filled, out.length);
    for (let i = 0; i < k; i++) out[i] = this.at(this.filled - k + i);
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

export function median(values: Float64Array, n: number, scratch: Float64Array): number {
  for (let i = 0; i < n; i++) scratch[i] = values[i]!;
  const s = scratch.subarray(0, n).sort();
  return n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}
