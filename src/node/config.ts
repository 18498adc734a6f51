// Finding and reading staffwork.config.json / .staffworkrc (JSON), nearest first, upward.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtinRules, DEFAULT_CONFIG, parseConfig, type Config } from '../core/index.ts';

export const CONFIG_FILES = ['staffwork.config.json', '.staffworkrc', '.staffworkrc.json'];

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined for the defaults. */
  path: string | undefined;
}

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

/** Reads and validates a config file; throws an Error with one readable line. */
export function readConfig(file: string): Config {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const why = e instanceof SyntaxError ? `not valid JSON (${e.message.split('\n')[0]})` : 'cannot be read';
    throw new Error(`${file}: ${why}`);
  }
  return parseConfig(data, builtinRules.map((r) => r.meta.id), file);
}

export function loadConfig(startDir: string, explicit?: string): LoadedConfig {
  const path = explicit ? resolve(explicit) : findConfig(startDir);
  if (!path) return { config: DEFAULT_CONFIG, path: undefined };
  if (explicit && !existsSync(path)) throw new Error(`${explicit}: no such config file`);
  return { config: readConfig(path), path };
}
