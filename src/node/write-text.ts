// Rewriting a file (`check --fix`, the `--cache` file) so that a failed write never leaves it
// half-written: the text goes to a temporary file beside it, which then replaces it. A write
// that fails part-way (disk full, EFBIG under `ulimit -f`) leaves the original as it was.
import { chmodSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describeFsError } from './read-text.ts';

// node:worker_threads only for this thread's id in a temporary name: required when a file is
// written, not loaded by every check that imports this file (~2 ms).
const require = createRequire(import.meta.url);
const threadId = (): number => (require('node:worker_threads') as typeof import('node:worker_threads')).threadId;

export type WriteResult = { ok: true } | { ok: false; error: string };

export function replaceFileSync(path: string, data: string | Uint8Array): WriteResult {
  let target = path;
  let mode: number | undefined;
  try {
    // Beside the real file, so a symlink stays a symlink, keeping the file's permissions.
    target = realpathSync(path);
    const info = statSync(target);
    // Renaming over a device or a FIFO (say `--cache-location /dev/null`, as root) would replace it.
    if (!info.isFile()) return { ok: false, error: 'not a regular file' };
    mode = info.mode & 0o7777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, error: describeFsError(e) };
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}-${threadId()}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
  } catch (e) {
    rmSync(temp, { force: true });
    // A folder we may not create files in, holding a file we may write: write it in place.
    if ((e as NodeJS.ErrnoException).code !== 'EACCES') return { ok: false, error: describeFsError(e) };
    try {
      writeFileSync(target, data);
      return { ok: true };
    } catch (inPlace) {
      return { ok: false, error: describeFsError(inPlace) };
    }
  }
  try {
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, target);
    return { ok: true };
  } catch (e) {
    rmSync(temp, { force: true });
    return { ok: false, error: describeFsError(e) };
  }
}
