// A progress bar on stderr for long runs, only for a person watching a terminal: never when
// stderr is piped or in CI logs, where it would be noise.
const MIN_FILES = 100;
const WIDTH = 30;
const FRAME_MS = 80;

export interface ProgressBar {
  tick(): void;
  done(): void;
}

export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY || process.env['CI'] || total < MIN_FILES) return { tick() {}, done() {} };
  let count = 0;
  let last = 0;
  const draw = () => {
    const filled = Math.round((count / total) * WIDTH);
    stream.write(`\r${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)} ${count}/${total} files`);
  };
  return {
    tick() {
      count++;
      const now = Date.now();
      if (now - last >= FRAME_MS || count === total) {
        last = now;
        draw();
      }
    },
    done() {
      stream.write('\r\x1b[K');
    },
  };
}
