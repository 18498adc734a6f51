// `check --cache`: each file's findings kept by the hash of its bytes, under a key made of
// everything else that decides them (staffwork's version and code, the config file's bytes,
// the --module file's bytes, --rule, --max-file-size, the working folder, which names files
// in messages). Files with `set:` also keep a key of their set's members (paths and hashes),
// so a set is checked again when any member changes. A file that cannot be read as a cache
// (missing, corrupted, another version) is an empty cache; nothing here loads the core.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Diagnostic } from '../core/index.ts';
import { decodeText, readBytesSync } from '../node/read-text.ts';
import { replaceFileSync } from '../node/write-text.ts';
import { contentHashOf } from './hash.ts';

export const DEFAULT_CACHE_FILE = '.staffworkcache';
const FORMAT = 1;
/** A cache file larger than this is not read (and is rewritten). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

export interface CacheEntry {
  hash: string;
  /** The file's stat when it was hashed (see cached-check.ts): the same stat, the same hash. */
  stamp?: string;
  /** The file's final findings; absent for a file only read as another variant of a set. */
  diagnostics?: readonly Diagnostic[];
  set?: string;
  /** The members of `set` (paths and hashes) the findings were computed with. */
  setKey?: string;
}

export interface CachedSettings {
  ignore: string[];
  maxFileSize: number;
}

interface CacheData {
  format: number;
  key: string;
  settings: CachedSettings;
  files: Record<string, CacheEntry>;
}

export class ResultCache {
  private changed = false;
  private constructor(
    readonly file: string,
    private readonly key: string,
    private data: CacheData | undefined,
  ) {}

  /** Loads the cache at `location` (a file, or a folder to keep `.staffworkcache` in); a cache of other settings is empty. */
  static open(location: string | undefined, cwd: string, key: string): ResultCache {
    const file = cacheFilePath(location, cwd);
    const data = readCache(file);
    return new ResultCache(file, key, data?.key === key ? data : undefined);
  }

  /** The settings the key was validated with, when the cache holds this key. */
  get settings(): CachedSettings | undefined {
    return this.data?.settings;
  }

  get(path: string): CacheEntry | undefined {
    const entry = this.data?.files[path];
    return entry && validEntry(entry) ? entry : undefined;
  }

  set(path: string, entry: CacheEntry, settings: CachedSettings): void {
    this.data ??= { format: FORMAT, key: this.key, settings, files: {} };
    const old = this.data.files[path];
    if (old && JSON.stringify(old) === JSON.stringify(entry)) return;
    this.data.files[path] = entry;
    this.changed = true;
  }

  delete(path: string): void {
    if (this.data?.files[path] === undefined) return;
    delete this.data.files[path];
    this.changed = true;
  }

  /** Drops the entries of files that no longer exist (files this run looked at are kept). */
  prune(seen: ReadonlySet<string>): void {
    for (const path of Object.keys(this.data?.files ?? {})) if (!seen.has(path) && !existsSync(path)) this.delete(path);
  }

  /** Writes the cache if anything changed; one line on failure. */
  save(): string | undefined {
    if (!this.changed || !this.data) return undefined;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
    } catch {
      // replaceFileSync says why below.
    }
    const written = replaceFileSync(this.file, JSON.stringify(this.data));
    return written.ok ? undefined : `staffwork: cannot write the cache ${this.file}: ${written.error}`;
  }
}

export function cacheKey(parts: unknown[]): string {
  return contentHashOf(JSON.stringify([FORMAT, ...parts]));
}

function cacheFilePath(location: string | undefined, cwd: string): string {
  if (location === undefined) return join(cwd, DEFAULT_CACHE_FILE);
  const path = isAbsolute(location) ? location : resolve(cwd, location);
  // As ESLint: a folder (existing, or written with a trailing slash) holds the default file name.
  return /[\\/]$/.test(location) || statSync(path, { throwIfNoEntry: false })?.isDirectory() ? join(path, DEFAULT_CACHE_FILE) : path;
}

function readCache(file: string): CacheData | undefined {
  const read = readBytesSync(file, MAX_CACHE_BYTES);
  const text = read.ok ? decodeText(read.bytes, MAX_CACHE_BYTES) : undefined;
  if (!text?.ok) return undefined;
  try {
    const data = JSON.parse(text.text) as CacheData;
    const ok =
      data?.format === FORMAT &&
      typeof data.key === 'string' &&
      Array.isArray(data.settings?.ignore) &&
      data.settings.ignore.every((g) => typeof g === 'string') &&
      typeof data.settings.maxFileSize === 'number' &&
      typeof data.files === 'object' &&
      data.files !== null &&
      !Array.isArray(data.files);
    return ok ? data : undefined;
  } catch {
    return undefined;
  }
}

const isPosition = (p: unknown) => typeof (p as { line?: unknown })?.line === 'number' && typeof (p as { column?: unknown }).column === 'number';

/** Enough of the shape that every reporter can print the entry; anything else is a miss. */
function validEntry(e: CacheEntry): boolean {
  if (typeof e !== 'object' || typeof e.hash !== 'string') return false;
  if ((e.set !== undefined && typeof e.set !== 'string') || (e.stamp !== undefined && typeof e.stamp !== 'string')) return false;
  if (e.diagnostics === undefined) return true;
  return (
    Array.isArray(e.diagnostics) &&
    e.diagnostics.every(
      (d) =>
        typeof d === 'object' &&
        d !== null &&
        typeof d.ruleId === 'string' &&
        typeof d.message === 'string' &&
        typeof d.messageId === 'string' &&
        (d.severity === 'error' || d.severity === 'warning' || d.severity === 'info') &&
        isPosition(d.loc?.start) &&
        isPosition(d.loc?.end),
    )
  );
}
