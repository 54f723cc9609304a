/** A one-line progress bar on a terminal; silent when the stream is not a TTY (pipes, CI). */
export function createProgressBar(stream: NodeJS.WriteStream, total: number, label: string) {
  const enabled = Boolean(stream.isTTY) && total > 0;
  let lastDraw = 0;
  const draw = (done: number) => {
    const width = 30;
    const frac = Math.min(1, done / total);
    const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
    stream.write(`\r${label} [${bar}] ${Math.round(frac * 100)}% ${done}/${total}`);
  };
  return {
    update(done: number) {
      if (!enabled) return;
      const now = Date.now();
      if (now - lastDraw < 100 && done < total) return;
      lastDraw = now;
      draw(done);
    },
    done() {
      if (!enabled) return;
      draw(total);
      stream.write('\n');
    },
  };
}
