/** A time as people read it in chat and records: "2026-11-25 10:42:00 UTC". */
export const stamp = (ts: number) => new Date(ts).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
