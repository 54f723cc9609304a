import { describe, expect, it } from 'vitest';
import { createRng, gaussianFrom } from '../../../src/core/random.js';
import { cFactor, fitForest, scoreForest } from '../../../src/pipeline/detect/isolation-forest.js';

function cloud(n: number, dims: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const rows = new Float64Array(n * dims);
  for (let i = 0; i < rows.length; i++) rows[i] = gaussianFrom(rng(), rng());
  return rows;
}

describe('isolation forest', () => {
  it('c(n) matches the paper: c(2)=1, c(256)≈10.24', () => {
    expect(cFactor(1)).toBe(0);
    expect(cFactor(2)).toBe(1);
    expect(cFactor(256)).toBeCloseTo(10.2448, 3);
  });

  it('scores an outlier well above points of the cloud', () => {
    const rows = cloud(2000, 3, 1);
    const f = fitForest(rows, 2000, 3, { trees: 100, sampleSize: 256, seed: 9 });
    const inlier = scoreForest(f, [0, 0, 0]);
    const outlier = scoreForest(f, [6, -6, 6]);
    expect(inlier).toBeLessThan(0.5);
    expect(outlier).toBeGreaterThan(0.7);
  });

  it('is deterministic under a seed and changes with the seed', () => {
    const rows = cloud(500, 2, 2);
    const a = fitForest(rows, 500, 2, { trees: 50, sampleSize: 128, seed: 1 });
    const b = fitForest(rows, 500, 2, { trees: 50, sampleSize: 128, seed: 1 });
    const c = fitForest(rows, 500, 2, { trees: 50, sampleSize: 128, seed: 2 });
    expect(scoreForest(a, [1, 1])).toBe(scoreForest(b, [1, 1]));
    expect(scoreForest(a, [1, 1])).not.toBe(scoreForest(c, [1, 1]));
  });

  it('subsamples: each tree holds at most sampleSize points and the forest stays small', () => {
    const rows = cloud(4000, 5, 3);
    const f = fitForest(rows, 4000, 5, { trees: 100, sampleSize: 256, seed: 1 });
    expect(f.sampleSize).toBe(256);
    const root = f.roots[0]!;
    // Leaves under the root add up to the subsample size.
    let leaves = 0;
    const walk = (n: number): void => {
      if (f.size[n] === -1) {
        walk(n + 1);
        walk(f.right[n]!);
      } else leaves += f.size[n]!;
    };
    walk(root);
    expect(leaves).toBe(256);
    const bytes = f.feature.byteLength + f.split.byteLength + f.right.byteLength + f.size.byteLength + f.lo.byteLength + f.hi.byteLength;
    expect(bytes).toBeLessThan(700_000);
    // Every node array is trimmed to the nodes actually built.
    for (const a of [f.feature, f.split, f.right, f.size, f.lo, f.hi]) expect(a.length).toBe(f.size.length);
    // The default (50 trees on 128-row subsamples) stays around 0.1 MB.
    const d = fitForest(rows, 4000, 5, { trees: 50, sampleSize: 128, seed: 1 });
    expect(
      d.feature.byteLength + d.split.byteLength + d.right.byteLength + d.size.byteLength + d.lo.byteLength + d.hi.byteLength,
    ).toBeLessThan(120_000);
  });

  it('scores a point beyond the training range as more anomalous the further out it is', () => {
    const rows = cloud(1000, 3, 4);
    const f = fitForest(rows, 1000, 3, { trees: 50, sampleSize: 128, seed: 3 });
    const s = [4, 8, 16].map((v) => scoreForest(f, [v, 0, 0]));
    expect(s[0]).toBeLessThan(s[1]!);
    expect(s[1]).toBeLessThan(s[2]!);
    expect(s[2]).toBeGreaterThan(0.7);
  });

  it('handles constant data without looping or NaN', () => {
    const rows = new Float64Array(300).fill(5);
    const f = fitForest(rows, 100, 3, { trees: 10, sampleSize: 64, seed: 1 });
    expect(Number.isFinite(scoreForest(f, [5, 5, 5]))).toBe(true);
  });
});

describe('median (quickselect)', () => {
  it('matches a sort-based median on random inputs', async () => {
    const { median } = await import('../../../src/pipeline/detect/ring-buffer.js');
    const rng = createRng(11);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(rng() * 70);
      const v = new Float64Array(n).map(() => Math.round(rng() * 20));
      const sorted = [...v].sort((a, b) => a - b);
      const want = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      expect(median(v, n, new Float64Array(n))).toBe(want);
    }
  });
});
