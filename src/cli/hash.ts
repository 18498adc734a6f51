// The content hash `check --cache` keys files by (no core, no worker: it runs before either).
// node:crypto takes ~4 ms to load and only --cache hashes, so it is required on the first hash,
// not imported at start-up (check-file.ts, which every check loads, imports this file).
import { createRequire } from 'node:module';
import { digestFileSync } from '../node/read-text.ts';

const require = createRequire(import.meta.url);
let crypto: typeof import('node:crypto') | undefined;
const sha256 = () => (crypto ??= require('node:crypto') as typeof import('node:crypto')).createHash('sha256');

export function contentHashOf(bytes: Uint8Array | string): string {
  return sha256().update(bytes).digest('base64url');
}

/** The hash of a file's bytes, as contentHashOf would give for them, or why it cannot be read. */
export function hashFileSync(path: string, maxSize: number): { ok: true; hash: string } | { ok: false; error: string } {
  const hash = sha256();
  const read = digestFileSync(path, maxSize, (chunk) => hash.update(chunk));
  return read.ok ? { ok: true, hash: hash.digest('base64url') } : read;
}
