// `staffwork init`: a config file to start from, never over an existing one.
import { existsSync, writeFileSync } from 'node:fs';
import { CONFIG_FILES } from '../../node/config.ts';
import { CliError } from '../errors.ts';

const STARTER = {
  rules: {},
  ignore: ['node_modules/**', 'CHANGELOG.md'],
};

export async function init(): Promise<number> {
  const existing = CONFIG_FILES.find((f) => existsSync(f));
  if (existing) throw new CliError(`${existing} already exists here; not overwriting it`);
  writeFileSync('staffwork.config.json', JSON.stringify(STARTER, null, 2) + '\n', { flag: 'wx' });
  process.stdout.write(
    [
      'wrote staffwork.config.json:',
      '  "rules":  rule id (or "area/*") -> "off" | "info" | "warning" | "error"; `staffwork explain` lists them',
      '  "ignore": globs, relative to this folder, that check and progress skip',
      '  "maxFileSize": (optional) bytes; larger files are refused',
      'next: `staffwork new strategy` writes a skeleton, `staffwork check` checks every *.md here.',
      '',
    ].join('\n'),
  );
  return 0;
}
