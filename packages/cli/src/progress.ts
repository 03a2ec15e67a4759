// A one-line progress bar on stderr, redrawn with `\r`, only when stdout and stderr are terminals
// (quiet in pipes, files, CI and tests).

import type { Io, Writer } from './io.js';

const isTTY = (w: Writer): boolean => (w as { isTTY?: boolean }).isTTY === true;

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the bar (call before printing results). */
  stop(): void;
}

const quiet: Progress = { update() {}, stop() {} };

export function progressBar(io: Io, label: string): Progress {
  if (!isTTY(io.stdout) || !isTTY(io.stderr) || io.env.CI) return quiet;
  const start = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < 100) return;
      last = now;
      const width = 30;
      const frac = total > 0 ? Math.min(1, done / total) : 1;
      const fill = Math.round(frac * width);
      const secs = (now - start) / 1000;
      const eta = done > 0 && done < total ? ` eta ${Math.ceil((secs / done) * (total - done))}s` : '';
      io.stderr.write(`\r${label} [${'#'.repeat(fill)}${'-'.repeat(width - fill)}] ${done}/${total} ${secs.toFixed(1)}s${eta}\x1b[K`);
      drawn = true;
    },
    stop() {
      if (drawn) io.stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}
