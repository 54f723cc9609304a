import { appendFileSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';

export function dayOf(ts: number): string {
  return new Date(ts).toISOString().slice(0, 10);
}

/**
 * Appends lines to `<dir>/<prefix>-YYYY-MM-DD.jsonl`, switching file at UTC midnight and deleting
 * files older than `keepDays`. Synchronous appends: a record is on disk before the tick moves on.
 */
export class DailyFileWriter {
  private day = '';

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    private readonly keepDays: number,
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  fileFor(ts: number): string {
    return path.join(this.dir, `${this.prefix}-${dayOf(ts)}.jsonl`);
  }

  write(line: string, ts = this.now()): void {
    const day = dayOf(ts);
    if (day !== this.day) {
      this.day = day;
      this.prune(ts);
    }
    appendFileSync(this.fileFor(ts), line.endsWith('\n') ? line : `${line}\n`);
  }

  private prune(ts: number): void {
    const oldest = dayOf(ts - this.keepDays * 86_400_000);
    const re = new RegExp(`^${this.prefix}-(\\d{4}-\\d{2}-\\d{2})\\.jsonl$`);
    for (const f of readdirSync(this.dir)) {
      const m = re.exec(f);
      if (m && m[1]! < oldest) {
        try {
          unlinkSync(path.join(this.dir, f));
        } catch {
          // another process may have removed it
        }
      }
    }
  }
}
