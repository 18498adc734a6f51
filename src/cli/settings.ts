// What every checking command needs: the config (file + --rule overrides), the course
// module (built-in or --module) and the size limit, each failure one readable line.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { builtinRules, defaultModule, loadModule, parseConfig, type Config, type CourseModule } from '../core/index.ts';
import { loadConfig } from '../node/config.ts';
import { DEFAULT_MAX_FILE_SIZE } from '../node/read-text.ts';
import { CliError, firstLine } from './errors.ts';

export interface Settings {
  config: Config;
  /** The config file in use, if any; its folder is the base of `ignore` globs. */
  configPath: string | undefined;
  module: CourseModule;
  maxFileSize: number;
}

export interface SettingsOptions {
  config?: string;
  module?: string;
  rule?: string[];
  maxFileSize?: string;
}

export function loadSettings(cwd: string, opts: SettingsOptions): Settings {
  let loaded;
  try {
    loaded = loadConfig(cwd, opts.config);
  } catch (e) {
    throw new CliError(firstLine(e));
  }
  let config = loaded.config;
  if (opts.rule?.length) {
    const rules = { ...config.rules };
    for (const spec of opts.rule) {
      const at = spec.lastIndexOf(':');
      if (at <= 0) throw new CliError(`--rule ${spec}: expected <rule-id>:<off|info|warning|error>`);
      rules[spec.slice(0, at)] = spec.slice(at + 1) as Config['rules'][string];
    }
    try {
      config = parseConfig({ ...config, rules }, builtinRules.map((r) => r.meta.id), '--rule');
    } catch (e) {
      throw new CliError(firstLine(e));
    }
  }
  const maxFileSize = opts.maxFileSize !== undefined ? parseSize(opts.maxFileSize) : (config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  return { config, configPath: loaded.path, module: opts.module ? loadModuleFile(opts.module) : defaultModule, maxFileSize };
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

/** A course module from YAML, validated like the built-in ones. */
export function loadModuleFile(file: string): CourseModule {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such module file' : firstLine(e)}`);
  }
  let data: unknown;
  try {
    // Module files are hand-written data; a few aliases at most, never an alias bomb.
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new CliError(`${file}: not valid YAML (${firstLine(e)})`);
  }
  try {
    return loadModule(data);
  } catch (e) {
    throw new CliError(`${file}: ${firstLine(e)}`);
  }
}
