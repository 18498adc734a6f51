// The staffwork config, found (config-file.ts) and validated by the core.
import { builtinRules, DEFAULT_CONFIG, parseConfig, type Config } from '../core/index.ts';
import { configPathFor, readConfigText } from './config-file.ts';

export { CONFIG_FILES, findConfig } from './config-file.ts';

export interface LoadedConfig {
  config: Config;
  /** The file it came from, or undefined for the defaults. */
  path: string | undefined;
}

/** Validates a config file's text; throws an Error with one readable line. */
export function parseConfigText(text: string, file: string): Config {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
  return parseConfig(
    data,
    builtinRules.map((r) => r.meta.id),
    file,
  );
}

/** Reads and validates a config file; throws an Error with one readable line. */
export function readConfig(file: string): Config {
  return parseConfigText(readConfigText(file), file);
}

export function loadConfig(startDir: string, explicit?: string): LoadedConfig {
  const path = configPathFor(startDir, explicit);
  return path ? { config: readConfig(path), path } : { config: DEFAULT_CONFIG, path: undefined };
}
