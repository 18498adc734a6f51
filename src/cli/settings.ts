// What every checking command needs: the config (file + --rule overrides), the course
// module (built-in or --module) and the size limit, each failure one readable line.
import { parse as parseYaml } from 'yaml';
import { builtinRules, DEFAULT_CONFIG, defaultModule, loadModule, parseConfig, type Config, type CourseModule } from '../core/index.ts';
import { parseConfigText } from '../node/config.ts';
import { DEFAULT_MAX_FILE_SIZE } from '../node/read-text.ts';
import { CliError, firstLine } from './errors.ts';
import { parseSize, readModuleText, readRawSettings, type RawSettings, type SettingsOptions } from './raw-settings.ts';

export type { SettingsOptions } from './raw-settings.ts';

export interface Settings {
  config: Config;
  /** The config file in use, if any; its folder is the base of `ignore` globs. */
  configPath: string | undefined;
  module: CourseModule;
  maxFileSize: number;
}

export function loadSettings(cwd: string, opts: SettingsOptions): Settings {
  return validateSettings(readRawSettings(cwd, opts), opts);
}

export function validateSettings(raw: RawSettings, opts: SettingsOptions): Settings {
  let config: Config;
  try {
    config = raw.configPath && raw.configText !== undefined ? parseConfigText(raw.configText, raw.configPath) : DEFAULT_CONFIG;
  } catch (e) {
    throw new CliError(firstLine(e));
  }
  if (opts.rule?.length) {
    const rules = { ...config.rules };
    for (const spec of opts.rule) {
      const at = spec.lastIndexOf(':');
      if (at <= 0) throw new CliError(`--rule ${spec}: expected <rule-id>:<off|info|warning|error>`);
      rules[spec.slice(0, at)] = spec.slice(at + 1) as Config['rules'][string];
    }
    try {
      config = parseConfig(
        { ...config, rules },
        builtinRules.map((r) => r.meta.id),
        '--rule',
      );
    } catch (e) {
      throw new CliError(firstLine(e));
    }
  }
  const maxFileSize = opts.maxFileSize !== undefined ? parseSize(opts.maxFileSize) : (config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  const module = opts.module !== undefined && raw.moduleText !== undefined ? parseModule(opts.module, raw.moduleText) : defaultModule;
  return { config, configPath: raw.configPath, module, maxFileSize };
}

/** A course module from YAML, validated like the built-in ones. */
export function loadModuleFile(file: string): CourseModule {
  return parseModule(file, readModuleText(file));
}

function parseModule(file: string, text: string): CourseModule {
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
