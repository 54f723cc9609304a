/** The process's own size and CPU so far, as "about" reports it. */
export function footprintOf(store: { sizeBytes(): number }) {
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage();
  return { rssBytes: mem.rss, heapBytes: mem.heapUsed, storeBytes: store.sizeBytes(), cpuMs: (cpu.user + cpu.system) / 1000 };
}
