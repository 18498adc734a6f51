// The content hash `check --cache` keys files by (no core, no worker: it runs before either).
import { createHash } from 'node:crypto';
import { digestFileSync } from '../node/read-text.ts';

export function contentHashOf(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

/** The hash of a file's bytes, as contentHashOf would give for them, or why it cannot be read. */
export function hashFileSync(path: string, maxSize: number): { ok: true; hash: string } | { ok: false; error: string } {
  const hash = createHash('sha256');
  const read = digestFileSync(path, maxSize, (chunk) => hash.update(chunk));
  return read.ok ? { ok: true, hash: hash.digest('base64url') } : read;
}
