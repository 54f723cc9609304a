/**
 * Detector state as a compact binary blob: a JSON header for scalars plus raw Float64 arrays, so a
 * 720-sample window costs 5.8 KB rather than three times that as JSON text.
 */
export function packState(meta: Record<string, unknown>, arrays: Float64Array[]): Buffer {
  const head = Buffer.from(JSON.stringify({ meta, lengths: arrays.map((a) => a.length) }), 'utf8');
  const pad = (8 - ((4 + head.length) % 8)) % 8;
  const body = arrays.reduce((n, a) => n + a.byteLength, 0);
  const out = Buffer.alloc(4 + head.length + pad + body);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  let off = 4 + head.length + pad;
  for (const a of arrays) {
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, off);
    off += a.byteLength;
  }
  return out;
}

export function unpackState(buf: Buffer): { meta: Record<string, unknown>; arrays: Float64Array[] } {
  const len = buf.readUInt32LE(0);
  const head = JSON.parse(buf.subarray(4, 4 + len).toString('utf8')) as { meta: Record<string, unknown>; lengths: number[] };
  let off = 4 + len + ((8 - ((4 + len) % 8)) % 8);
  const arrays = head.lengths.map((n) => {
    const a = new Float64Array(n);
    Buffer.from(a.buffer).set(buf.subarray(off, off + n * 8));
    off += n * 8;
    return a;
  });
  return { meta: head.meta, arrays };
}
