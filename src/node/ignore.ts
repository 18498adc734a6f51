// The config's `ignore` globs, relative to the config file's folder and gitignore-like:
// `drafts` and `drafts/**` both skip everything under drafts/. Shared by `check` and the LSP.
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';

export function ignoreMatcher(ignore: readonly string[], base: string): (file: string) => boolean {
  if (!ignore.length) return () => false;
  const matches = picomatch([...ignore], { dot: true });
  return (file) => {
    const rel = relative(base, file);
    if (!rel || rel.startsWith('..')) return false;
    const parts = rel.split(sep);
    return parts.some((_, i) => matches(parts.slice(0, i + 1).join('/')));
  };
}
