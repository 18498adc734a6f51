// Reading an artifact (or a config or module file) from disk or stdin, refusing what is not a
// text document with one line that says why. Shared by the CLI and the language server.
//
// A path may name anything git can store or a user can type: a symlink to /dev/zero, a FIFO,
// a device. So a file is opened without blocking (a FIFO with no writer would wait forever),
// refused by fstat unless it is a regular file within the size limit, and read with a bound
// (never more than the limit + 1 bytes), since a file can grow after fstat and /proc files
// report size 0.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** `bom`: the bytes started with a UTF-8 byte order mark (decoding drops it; writers put it back). */
export type ReadResult = { ok: true; text: string; bytes: number; bom: boolean } | { ok: false; error: string };
export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; error: string };

// O_NONBLOCK: opening a FIFO returns at once (fstat then refuses it); no effect on regular files.
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

const decoder = new TextDecoder('utf-8', { fatal: true });

const LIMIT_HINT = '(maxFileSize in staffwork.config.json, or --max-file-size)';

/** Decodes bytes as a Markdown document, or says in one line why it is not one. */
export function decodeText(bytes: Uint8Array, maxSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  // Bounded readers stop at maxSize + 1 bytes, so the true size is unknown here.
  if (bytes.length > maxSize) return { ok: false, error: `file is larger than the ${formatBytes(maxSize)} limit ${LIMIT_HINT}` };
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return { ok: false, error: 'binary file (it contains NUL bytes), not a Markdown document' };
  try {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { ok: true, text: decoder.decode(bytes), bytes: bytes.length, bom };
  } catch {
    return { ok: false, error: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}; save the file as UTF-8` };
  }
}

/** A regular file's bytes (at most maxSize + 1 of them), or one line saying why not. */
export function readBytesSync(path: string, maxSize = DEFAULT_MAX_FILE_SIZE): BytesResult {
  try {
    const fd = openSync(path, OPEN_FLAGS);
    try {
      const info = fstatSync(fd);
      const refused = refusal(info, maxSize);
      if (refused) return { ok: false, error: refused };
      return { ok: true, bytes: readBounded((buffer, at) => readSync(fd, buffer, at, buffer.length - at, null), info.size, maxSize) };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return { ok: false, error: describeFsError(e) };
  }
}

let scratch: Buffer | undefined;

/**
 * Feeds a regular file's bytes (at most maxSize + 1) to `update` through one reused buffer, for
 * hashing many files without allocating each one; refuses what readBytesSync refuses.
 */
export function digestFileSync(path: string, maxSize: number, update: (chunk: Buffer) => void): { ok: true } | { ok: false; error: string } {
  try {
    const fd = openSync(path, OPEN_FLAGS);
    try {
      const refused = refusal(fstatSync(fd), maxSize);
      if (refused) return { ok: false, error: refused };
      scratch ??= Buffer.allocUnsafe(1024 * 1024);
      let total = 0;
      for (let n; (n = readSync(fd, scratch, 0, scratch.length, null)) > 0; ) {
        total += n;
        if (total > maxSize) return { ok: false, error: `file is larger than the ${formatBytes(maxSize)} limit ${LIMIT_HINT}` };
        update(scratch.subarray(0, n));
      }
      return { ok: true };
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return { ok: false, error: describeFsError(e) };
  }
}

export async function readBytes(path: string, maxSize = DEFAULT_MAX_FILE_SIZE): Promise<BytesResult> {
  try {
    const handle = await open(path, OPEN_FLAGS);
    try {
      const info = await handle.stat();
      const refused = refusal(info, maxSize);
      if (refused) return { ok: false, error: refused };
      return { ok: true, bytes: await readBoundedAsync(handle, info.size, maxSize) };
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { ok: false, error: describeFsError(e) };
  }
}

export async function readText(path: string, maxSize = DEFAULT_MAX_FILE_SIZE): Promise<ReadResult> {
  const read = await readBytes(path, maxSize);
  return read.ok ? decodeText(read.bytes, maxSize) : read;
}

/**
 * `readText` without a thread-pool hop per file: `staffwork check` reads files one after another,
 * and awaiting each small read left its thread idle a quarter of the time.
 */
export function readTextSync(path: string, maxSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  const read = readBytesSync(path, maxSize);
  return read.ok ? decodeText(read.bytes, maxSize) : read;
}

/** Why a file is not read at all, from its fstat: not a regular file, or over the limit. */
function refusal(info: Stats, maxSize: number): string | undefined {
  if (info.isDirectory()) return 'is a directory';
  if (!info.isFile()) return `not a regular file (${kindOf(info)}); only regular files are read`;
  if (info.size > maxSize) return `file is ${formatBytes(info.size)}, over the ${formatBytes(maxSize)} limit ${LIMIT_HINT}`;
  return undefined;
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

/** Reads until EOF or maxSize + 1 bytes, starting from a buffer sized by fstat. */
function readBounded(read: (buffer: Buffer, at: number) => number, size: number, maxSize: number): Buffer {
  let buffer: Buffer = Buffer.allocUnsafe(Math.min(size, maxSize) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxSize) break;
      buffer = grow(buffer, maxSize);
    }
    const n = read(buffer, length);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

async function readBoundedAsync(handle: import('node:fs/promises').FileHandle, size: number, maxSize: number): Promise<Buffer> {
  let buffer: Buffer = Buffer.allocUnsafe(Math.min(size, maxSize) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxSize) break;
      buffer = grow(buffer, maxSize);
    }
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

function grow(buffer: Buffer, maxSize: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.min(maxSize + 1, Math.max(buffer.length * 2, 64 * 1024)));
  buffer.copy(bigger);
  return bigger;
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EFBIG') return 'file size limit exceeded (EFBIG)';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENOTDIR') return 'a parent in the path is not a folder';
  return e instanceof Error ? (e.message.split('\n')[0] ?? 'cannot be read') : 'cannot be read';
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}
