import * as messages from '../messages.js';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/**
 * One line on a terminal, redrawn as charts finish: count, the chart just
 * done, time left. Only on a TTY and never in CI, where redraws would
 * flood the log; `clear()` before printing anything else keeps lines whole.
 */
export function progressLine(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env) {
  const ci = !!env.CI && env.CI !== 'false' && env.CI !== '0';
  const enabled = !!stream.isTTY && !ci;
  let shown = false;
  return {
    enabled,
    update(done: number, total: number, current: string, elapsedMs: number) {
      if (!enabled || total < 2) return;
      const etaSeconds = done > 0 ? ((elapsedMs / done) * (total - done)) / 1000 : undefined;
      const text = messages.build.progress(done, total, current, etaSeconds);
      const width = Math.max(20, (stream.columns || 80) - 1);
      stream.write(`\r\x1b[2K${text.length > width ? text.slice(0, width - 1) + '…' : text}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[2K');
      shown = false;
    },
  };
}
