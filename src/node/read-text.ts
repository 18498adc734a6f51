// Reading an artifact from disk or stdin, refusing what is not a text document with one
// line that says why. Shared by the CLI, the language server and the workbench.
import { closeSync, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** `bom`: the bytes started with a UTF-8 byte order mark (decoding drops it; writers put it back). */
export type ReadResult = { ok: true; text: string; bytes: number; bom: boolean } | { ok: false; error: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as a Markdown document, or says in one line why it is not one. */
export function decodeText(bytes: Uint8Array, maxSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  if (bytes.length > maxSize) return { ok: false, error: `file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxSize)} limit (maxFileSize in staffwork.config.json, or --max-file-size)` };
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return { ok: false, error: 'binary file (it contains NUL bytes), not a Markdown document' };
  try {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { ok: true, text: decoder.decode(bytes), bytes: bytes.length, bom };
  } catch {
    return { ok: false, error: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}; save the file as UTF-8` };
  }
}

export async function readText(path: string, maxSize = DEFAULT_MAX_FILE_SIZE): Promise<ReadResult> {
  try {
    const handle = await open(path, 'r');
    try {
      return refusal(await handle.stat(), maxSize) ?? decodeText(await handle.readFile(), maxSize);
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { ok: false, error: describeFsError(e) };
  }
}

/**
 * `readText` without a thread-pool hop per file: `staffwork check` reads files one after another,
 * and awaiting each small read left its thread idle a quarter of the time.
 */
export function readTextSync(path: string, maxSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  try {
    const fd = openSync(path, 'r');
    try {
      return refusal(fstatSync(fd), maxSize) ?? decodeText(readFileSync(fd), maxSize);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return { ok: false, error: describeFsError(e) };
  }
}

function refusal(info: Stats, maxSize: number): ReadResult | undefined {
  if (info.isDirectory()) return { ok: false, error: 'is a directory' };
  if (info.size > maxSize) return { ok: false, error: `file is ${formatBytes(info.size)}, over the ${formatBytes(maxSize)} limit (maxFileSize in staffwork.config.json, or --max-file-size)` };
  return undefined;
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message.split('\n')[0] ?? 'cannot be read' : 'cannot be read';
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
