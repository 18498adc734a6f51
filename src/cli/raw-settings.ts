// The bytes every checking command's settings come from (config file, --module file) and the
// options that change results, read without loading the core: `check --cache` keys on them.
import { readConfigText, configPathFor } from '../node/config-file.ts';
import { decodeText, readBytesSync } from '../node/read-text.ts';
import { CliError, firstLine } from './errors.ts';

export interface SettingsOptions {
  config?: string;
  module?: string;
  rule?: string[];
  maxFileSize?: string;
}

export interface RawSettings {
  /** The config file in use, if any; its folder is the base of `ignore` globs. */
  configPath: string | undefined;
  configText: string | undefined;
  moduleText: string | undefined;
}

export function readRawSettings(cwd: string, opts: SettingsOptions): RawSettings {
  let configPath: string | undefined;
  let configText: string | undefined;
  try {
    configPath = configPathFor(cwd, opts.config);
    configText = configPath === undefined ? undefined : readConfigText(configPath);
  } catch (e) {
    throw new CliError(firstLine(e));
  }
  return { configPath, configText, moduleText: opts.module === undefined ? undefined : readModuleText(opts.module) };
}

/** A --module file's text, read like an artifact (regular files only, bounded). */
export function readModuleText(file: string): string {
  const read = readBytesSync(file);
  const text = read.ok ? decodeText(read.bytes) : read;
  if (!text.ok) throw new CliError(`${file}: ${text.error === 'no such file' ? 'no such module file' : text.error}`);
  return text.text;
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** "2000", "500KB", "1.5mb" -> bytes. */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const unit = m ? UNITS[(m[2] as string).toLowerCase()] : undefined;
  const bytes = m && unit ? Math.floor(Number(m[1]) * unit) : NaN;
  if (!(bytes > 0)) throw new CliError(`--max-file-size ${value}: expected a size such as 2000, 500KB or 20MB`);
  return bytes;
}
