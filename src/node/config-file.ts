// Finding and reading staffwork.config.json / .staffworkrc (JSON), nearest first, upward,
// without the core: `check --cache` keys its results on these bytes before loading any rule.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { decodeText, readBytesSync } from './read-text.ts';

export const CONFIG_FILES = ['staffwork.config.json', '.staffworkrc', '.staffworkrc.json'];

export function findConfig(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const file = join(dir, name);
      if (existsSync(file)) return file;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A config file's text, read like an artifact (regular files only, bounded); throws one line. */
export function readConfigText(file: string): string {
  const read = readBytesSync(file);
  const text = read.ok ? decodeText(read.bytes) : read;
  if (!text.ok) throw new Error(`${file}: ${text.error === 'no such file' ? 'no such config file' : text.error}`);
  return text.text;
}

/** The config file in use: `explicit` (which must exist), else the nearest upward. */
export function configPathFor(startDir: string, explicit?: string): string | undefined {
  if (!explicit) return findConfig(startDir);
  const path = resolve(startDir, explicit);
  if (!existsSync(path)) throw new Error(`${explicit}: no such config file`);
  return path;
}
