import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.js';
import { median } from '../../../src/pipeline/detect/ring-buffer.js';
import { SortedWindow } from '../../../src/pipeline/detect/sorted-window.js';

// The quickselect figures the detector used before the window was kept in order: the same values must give the same bits.
function byQuickselect(values: number[]) {
  const a = Float64Array.from(values, Math.fround);
  const scratch = new Float64Array(2 * a.length);
  const med = median(a, a.length, scratch);
  const dev = a.map((v) => Math.abs(v - med));
  return { med, mad: median(dev, dev.length, scratch) };
}

describe('sorted window', () => {
  it('slides with the same median and MAD as quickselect over a copy, duplicates and both parities included', () => {
    const rng = createRng(7);
    for (const [cap, levels] of [
      [1, 5],
      [2, 3],
      [9, 4],
      [16, 1000],
      [128, 6],
    ] as const) {
      const w = new SortedWindow(cap + 1);
      const kept: number[] = [];
      for (let i = 0; i < 600; i++) {
        // Few levels give many ties; a scale factor gives values that are not exact in 32 bits.
        const x = Math.floor(rng() * levels) * 0.1 - 0.2;
        w.insert(x);
        kept.push(x);
        if (kept.length > cap) expect(w.remove(kept.shift()!)).toBe(true);
        expect(w.length).toBe(kept.length);
        const want = byQuickselect(kept);
        expect(w.median()).toBe(want.med);
        expect(w.medianDistance(w.median())).toBe(want.mad);
      }
    }
  });

  it('says so when asked to remove a value it does not hold, and refuses to overfill', () => {
    const w = new SortedWindow(2);
    expect(w.median()).toBeNaN();
    w.insert(1);
    w.insert(3);
    expect(w.remove(2)).toBe(false);
    expect(w.length).toBe(2);
    expect(() => w.insert(5)).toThrow(RangeError);
    expect(w.median()).toBe(2);
    expect(w.medianDistance(2)).toBe(1);
  });
});
