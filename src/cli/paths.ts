// Where staffwork is installed, found from wherever this code was bundled to (dist/cli.js,
// dist/chunks/*.js, or src/cli/*.ts under tsx).
import { existsSync, readdirSync, statSync } from 'node:fs';
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
  // The common case (a file under the working folder) without path.relative's normalising.
  if (file.startsWith(cwd) && file[cwd.length] === sep && !file.includes(`${sep}.`))
    return sep === '/'
      ? file.slice(cwd.length + 1)
      : file
          .slice(cwd.length + 1)
          .split(sep)
          .join('/');
  const rel = relative(cwd, file);
  return (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
}

/**
 * Identifies the checker's code, for `check --cache`: bundled, the content-hashed names of the
 * chunks (the core and its data live there) and the entry files' sizes; from source (tsx), the
 * mtimes and sizes of every source file. A rebuild that changes any rule changes it.
 */
export function codeFingerprint(): string {
  const parts: string[] = [];
  const add = (file: string) => {
    const info = statSync(file, { throwIfNoEntry: false });
    parts.push(`${relative(packageRoot, file)}:${info?.size}:${here.endsWith('.ts') ? info?.mtimeMs : ''}`);
  };
  if (here.endsWith('.ts')) {
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else add(join(dir, e.name));
      }
    };
    walk(join(packageRoot, 'src'));
  } else {
    for (const name of readdirSync(join(packageRoot, 'dist/chunks')).sort()) if (name.endsWith('.js')) parts.push(name);
    for (const entry of ['cli.js', 'check-worker.js']) add(join(packageRoot, 'dist', entry));
  }
  return parts.join('\n');
}
