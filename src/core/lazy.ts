/** Memoised async factory: heavy SDKs load on first use, not at boot (the EC2 client alone is ~75 MB). */
export function lazy<T>(factory: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    p ??= factory().catch((err: unknown) => {
      p = undefined;
      throw err;
    });
    return p;
  };
}
