// Which files a command reads: explicit files as given, folders walked for Markdown, globs
// expanded; node_modules, .git and the config's `ignore` globs skipped. Sorted, so every
// run (and every --jobs) reports in the same order.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { ignoreMatcher } from '../node/ignore.ts';

export const MARKDOWN = ['**/*.{md,markdown}'];
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];

export interface FoundFiles {
  /** Absolute paths, sorted. */
  files: string[];
  /** One line each: `target: why` (missing file, glob with no match). */
  problems: string[];
  /** Explicit files skipped because an ignore glob matches them. */
  ignored: string[];
}

export function findFiles(targets: string[], cwd: string, ignore: string[], ignoreBase: string): FoundFiles {
  const isIgnored = ignoreMatcher(ignore, ignoreBase);
  const found = new Set<string>();
  const problems: string[] = [];
  const ignored: string[] = [];
  const glob = (patterns: string[], dir: string) => globSync(patterns, { cwd: dir, absolute: true, ignore: ALWAYS_SKIPPED, expandDirectories: false });
  for (const target of targets) {
    const abs = resolve(cwd, target);
    const info = statSync(abs, { throwIfNoEntry: false });
    let matches: string[];
    if (info?.isDirectory()) matches = glob(MARKDOWN, abs);
    else if (info) {
      if (isIgnored(abs)) {
        ignored.push(target);
        continue;
      }
      found.add(abs);
      continue;
    } else if (isDynamicPattern(target)) {
      matches = glob([target], cwd);
      if (!matches.length) problems.push(`${target}: no files match this pattern`);
    } else {
      problems.push(`${target}: no such file or folder`);
      continue;
    }
    // tinyglobby's absolute paths are already normal with forward slashes; resolve() only for Windows.
    for (const m of matches) if (!isIgnored(m)) found.add(sep === '/' ? m : resolve(m));
  }
  return { files: [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), problems, ignored };
}

export const isMarkdownName = (name: string) => /\.(md|markdown)$/i.test(name);

/**
 * The Markdown files beside `members` that are not in `asked`: folders in first-seen order,
 * names sorted. The set rules read them to compare audience variants (sets.ts).
 */
export function siblingPaths(members: readonly string[], asked: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const folder of new Set(members.map((m) => dirname(m)))) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      const path = join(folder, name);
      if (isMarkdownName(name) && !asked.has(path)) out.push(path);
    }
  }
  return out;
}
