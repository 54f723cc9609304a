import { createRng } from '../../core/random.js';

export interface ForestParams {
  trees: number;
  sampleSize: number;
  seed: number;
}

/**
 * Flat typed-array trees in pre-order, so a node's left child is always the next node and only the
 * right child is stored, and splits are float32: 11 bytes a node, about 0.1 MB for 50 trees on
 * 128-row subsamples.
 */
export interface Forest {
  dims: number;
  sampleSize: number;
  /** Per tree: offset of its first node in the node arrays. */
  roots: Int32Array;
  feature: Uint8Array;
  split: Float32Array;
  right: Int32Array;
  /** Leaf size (for leaves), -1 for internal nodes. */
  size: Int16Array;
  /** Range of the split feature among the node's rows (internal nodes). */
  lo: Float32Array;
  hi: Float32Array;
}

const EULER = 0.5772156649;

/**
 * Fits run often (every host, every refit period) and are synchronous, so the oversized build
 * arrays are reused across fits; only the trimmed copies the forest keeps are allocated. This
 * keeps a fleet's refits from churning megabytes of external memory per tick.
 */
let pool: Pick<Forest, 'feature' | 'split' | 'right' | 'size' | 'lo' | 'hi'> | undefined;
let ints = new Int32Array(0);

function workspace(nodes: number) {
  if (!pool || pool.feature.length < nodes) {
    pool = {
      feature: new Uint8Array(nodes),
      split: new Float32Array(nodes),
      right: new Int32Array(nodes),
      size: new Int16Array(nodes),
      lo: new Float32Array(nodes),
      hi: new Float32Array(nodes),
    };
  }
  return pool;
}

function scratchInts(n: number): Int32Array {
  if (ints.length < n) ints = new Int32Array(n);
  return ints;
}

/** Average path length of an unsuccessful BST search over n points (Liu et al. 2008). */
export function cFactor(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER) - (2 * (n - 1)) / n;
}

/**
 * Isolation Forest (Liu, Ting & Zhou 2008): each tree is grown on a random subsample of
 * `sampleSize` rows without replacement, to height ceil(log2 sampleSize). Seeded, so the same rows
 * and seed always give the same forest. `rows` is row-major, n × dims.
 */
export function fitForest(rows: Float64Array, n: number, dims: number, p: ForestParams): Forest {
  const rng = createRng(p.seed);
  const psi = Math.min(p.sampleSize, n);
  const maxDepth = Math.ceil(Math.log2(Math.max(psi, 2)));
  const maxNodes = p.trees * (2 * psi - 1);
  if (dims > 255) throw new RangeError('at most 255 features');
  const f: Forest = {
    dims,
    sampleSize: psi,
    roots: new Int32Array(p.trees),
    ...workspace(maxNodes),
  };
  const usable = new Int32Array(dims);
  let next = 0;
  const idx = scratchInts(n);
  const sample = new Int32Array(psi);

  const build = (lo0: number, hi0: number, depth: number): number => {
    const node = next++;
    const count = hi0 - lo0;
    f.size[node] = count;
    if (count <= 1 || depth >= maxDepth) return node;
    // Draw a feature uniformly; if it is constant here, draw again among the others. Only the
    // drawn feature is scanned, so a split costs O(count), not O(count × dims).
    let k = dims;
    for (let d = 0; d < dims; d++) usable[d] = d;
    let d = -1;
    let mn = 0;
    let mx = 0;
    while (k > 0) {
      const pick = Math.floor(rng() * k);
      const cand = usable[pick]!;
      mn = Infinity;
      mx = -Infinity;
      for (let i = lo0; i < hi0; i++) {
        const v = rows[sample[i]! * dims + cand]!;
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      if (mx > mn) {
        d = cand;
        break;
      }
      usable[pick] = usable[--k]!;
    }
    if (d < 0) return node;
    // Rounded to float32 here, so partitioning and scoring compare against the same stored value.
    const s = Math.fround(mn + rng() * (mx - mn));
    let i = lo0;
    let j = hi0 - 1;
    while (i <= j) {
      if (rows[sample[i]! * dims + d]! < s) i++;
      else {
        const tmp = sample[i]!;
        sample[i] = sample[j]!;
        sample[j] = tmp;
        j--;
      }
    }
    f.size[node] = -1;
    f.feature[node] = d;
    f.split[node] = s;
    f.lo[node] = mn;
    f.hi[node] = mx;
    build(lo0, i, depth + 1);
    f.right[node] = build(i, hi0, depth + 1);
    return node;
  };

  for (let t = 0; t < p.trees; t++) {
    for (let i = 0; i < n; i++) idx[i] = i;
    // Partial Fisher-Yates: the first psi entries become a uniform sample without replacement.
    for (let i = 0; i < psi; i++) {
      const j = i + Math.floor(rng() * (n - i));
      const tmp = idx[i]!;
      idx[i] = idx[j]!;
      idx[j] = tmp;
      sample[i] = idx[i]!;
    }
    f.roots[t] = build(0, psi, 0);
  }
  return {
    ...f,
    feature: f.feature.slice(0, next),
    split: f.split.slice(0, next),
    right: f.right.slice(0, next),
    size: f.size.slice(0, next),
    lo: f.lo.slice(0, next),
    hi: f.hi.slice(0, next),
  };
}

/**
 * Anomaly score in (0, 1]: ≈1 isolated quickly, ≤0.5 ordinary.
 *
 * Plain IF scores a point beyond the training range like the most extreme training point: every
 * split lies inside the training range, so such a point is never cut off on its own. Here, at a
 * node whose split feature has range [lo, hi] and x lies outside it, x is taken as isolated at that
 * node with the probability that a uniform split over the range widened to include x would fall
 * between x and the range: (x − hi)/(x − lo) above, (lo − x)/(hi − x) below. The path length is the
 * expectation over those chances; inside the training range it is exactly the classic one.
 */
export function scoreForest(f: Forest, x: ArrayLike<number>): number {
  let total = 0;
  for (let t = 0; t < f.roots.length; t++) {
    let node = f.roots[t]!;
    let depth = 0;
    let stay = 1;
    let path = 0;
    while (f.size[node] === -1) {
      const v = x[f.feature[node]!]!;
      const lo = f.lo[node]!;
      const hi = f.hi[node]!;
      const p = v > hi ? (v - hi) / (v - lo) : v < lo ? (lo - v) / (hi - v) : 0;
      path += stay * p * (depth + 1);
      stay *= 1 - p;
      node = v < f.split[node]! ? node + 1 : f.right[node]!;
      depth++;
      if (stay < 1e-6) break;
    }
    if (f.size[node] !== -1) path += stay * (depth + cFactor(f.size[node]!));
    else path += stay * depth;
    total += path;
  }
  const mean = total / f.roots.length;
  return Math.pow(2, -mean / cFactor(f.sampleSize));
}
