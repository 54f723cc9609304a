/**
 * The values of a sliding window kept in order, so its median is a lookup and its MAD a merge of
 * two ordered runs instead of two quickselects over copies: the series detector's reference window
 * slides by one value per sample, and those two selections were its largest cost. Stored as 32-bit
 * floats, like the ring the values come from, so nothing is rounded on the way.
 */
export class SortedWindow {
  private readonly v: Float32Array;
  private n = 0;

  constructor(readonly capacity: number) {
    this.v = new Float32Array(capacity);
  }

  get length(): number {
    return this.n;
  }

  clear(): void {
    this.n = 0;
  }

  insert(x: number): void {
    if (this.n === this.capacity) throw new RangeError('sorted window is full');
    const i = this.lowerBound(Math.fround(x));
    this.v.copyWithin(i + 1, i, this.n);
    this.v[i] = x;
    this.n++;
  }

  /** Removes one value equal to x; false when there is none (the caller rebuilds from its source). */
  remove(x: number): boolean {
    const f = Math.fround(x);
    const i = this.lowerBound(f);
    if (i >= this.n || this.v[i] !== f) return false;
    this.v.copyWithin(i, i + 1, this.n);
    this.n--;
    return true;
  }

  /** The same figure as median() in ring-buffer.ts over these values: the mean of the two middles when n is even. */
  median(): number {
    const n = this.n;
    if (n === 0) return Number.NaN;
    const hi = this.v[n >> 1]!;
    return n % 2 ? hi : (this.v[(n >> 1) - 1]! + hi) / 2;
  }

  /** The median of |x - m| over the values. The distances left and right of m are two ordered runs; merging them finds the middle. */
  medianDistance(m: number): number {
    const n = this.n;
    if (n === 0) return Number.NaN;
    const v = this.v;
    let r = this.lowerBound(m);
    let l = r - 1;
    const want = n >> 1;
    let prev = 0;
    let cur = 0;
    for (let k = 0; k <= want; k++) {
      prev = cur;
      const dl = l >= 0 ? m - v[l]! : Infinity;
      const dr = r < n ? v[r]! - m : Infinity;
      if (dl <= dr) {
        cur = dl;
        l--;
      } else {
        cur = dr;
        r++;
      }
    }
    return n % 2 ? cur : (prev + cur) / 2;
  }

  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.v[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
