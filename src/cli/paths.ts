// Where staffwork is installed, found from wherever this code was bundled to (dist/cli.js,
// dist/chunks/*.js, or src/cli/*.ts under tsx).
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);

export const packageRoot = (() => {
  let dir = dirname(here);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

export const workerFile = here.endsWith('.ts') ? join(packageRoot, 'src/cli/check-worker.ts') : join(packageRoot, 'dist/check-worker.js');

/** The rule's page, generated from its metadata (docs/rules/<area>/<name>.md). */
export function ruleDocsUri(ruleId: string): string {
  return pathToFileURL(join(packageRoot, 'docs/rules', `${ruleId}.md`)).href;
}

/** A path as the user reads it: relative to the working folder, with forward slashes. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
}
