// What the server knows about the workspace on disk: the staffwork config that governs each
// folder, and which Markdown files belong to which `set:` (audience variants checked together).
import { statSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { DEFAULT_CONFIG, parse, type Config } from '../core/index.ts';
import { findConfig, readConfig } from '../node/config.ts';
import { readText } from '../node/read-text.ts';

export class ConfigStore {
  /** Folder -> the config file that governs it (undefined: none, defaults). */
  private fileOf = new Map<string, string | undefined>();
  /** Config file -> its last good contents. */
  private good = new Map<string, Config>();
  /** Config file -> the stamp (mtime, size, inode) it was last read at. */
  private read = new Map<string, string>();
  /** Problems already shown, so an invalid file is reported once, not on every keystroke. */
  private shown = new Set<string>();
  /**
   * Whether the editor tells us when config files change (watched files). If it cannot,
   * nothing is cached that could go stale: every lookup looks for the file again (a config
   * created later is found) and re-reads it when its stamp changed.
   */
  watching = true;

  constructor(private readonly report: (message: string) => void) {}

  /** The config file that governs files in `dir` (the nearest upward), if any. */
  fileFor(dir: string): string | undefined {
    if (!this.watching) return findConfig(dir);
    if (!this.fileOf.has(dir)) this.fileOf.set(dir, findConfig(dir));
    return this.fileOf.get(dir);
  }

  /** The config for files in `dir`: the nearest file upward, or the last good one if it is invalid. */
  forDir(dir: string): Config {
    const file = this.fileFor(dir);
    if (!file) return DEFAULT_CONFIG;
    const stamp = this.watching ? 'read' : stampOf(file);
    if (this.read.get(file) !== stamp) {
      this.read.set(file, stamp);
      try {
        this.good.set(file, readConfig(file));
        for (const key of this.shown) if (key.startsWith(`${file}\0`)) this.shown.delete(key);
      } catch (e) {
        const message = (e as Error).message;
        const key = `${file}\0${message}`;
        if (!this.shown.has(key)) {
          this.shown.add(key);
          this.report(`staffwork: invalid config, keeping the last good one: ${message}`);
        }
      }
    }
    return this.good.get(file) ?? DEFAULT_CONFIG;
  }

  /** Which config file governs this folder, and its stamp: it changes when the file does, appears or goes. */
  signature(dir: string): string {
    const file = findConfig(dir);
    return file ? `${file}:${stampOf(file)}` : '';
  }

  /** Forget what was found and read; the next lookups read the files again. */
  invalidate(): void {
    this.fileOf.clear();
    this.read.clear();
  }
}

function stampOf(file: string): string {
  const info = statSync(file, { throwIfNoEntry: false });
  return info ? `${info.mtimeMs}:${info.size}:${info.ino}` : 'missing';
}

export const MARKDOWN_GLOB = '**/*.{md,markdown}';
const SKIP = ['**/node_modules/**', '**/.git/**'];
/** A workspace with more Markdown files than this is not indexed for sets (too slow to read at start). */
const MAX_INDEXED_FILES = 5000;

/** Which Markdown files on disk declare which `set:`; built on first need, kept fresh by file events. */
export class SetIndex {
  private setOf = new Map<string, string>();
  private ready: Promise<void> | undefined;

  constructor(private readonly roots: readonly string[]) {}

  async filesOf(set: string): Promise<string[]> {
    this.ready ??= this.build();
    await this.ready;
    return [...this.setOf].filter(([, s]) => s === set).map(([file]) => file);
  }

  /** Re-reads one file after it changed on disk (or was created). */
  async update(file: string): Promise<void> {
    if (!this.ready) return;
    await this.ready;
    await this.index(file);
  }

  remove(file: string): void {
    this.setOf.delete(file);
  }

  private async build(): Promise<void> {
    const files = (await Promise.all(this.roots.map((cwd) => glob(MARKDOWN_GLOB, { cwd, absolute: true, ignore: SKIP, dot: false })))).flat();
    if (files.length > MAX_INDEXED_FILES) return;
    await Promise.all(files.map((f) => this.index(f)));
  }

  private async index(file: string): Promise<void> {
    const read = await readText(file);
    const set = read.ok ? setOfText(read.text) : undefined;
    if (set) this.setOf.set(file, set);
    else this.setOf.delete(file);
  }
}

/** The `set:` a file declares, as the core reads it; most files have none and are not parsed. */
export function setOfText(input: string): string | undefined {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (!text.startsWith('---') || !/^\s*["']?set["']?\s*:/m.test(text)) return undefined;
  const set = parse(text).frontMatter?.data['set'];
  return typeof set === 'string' && set.trim() ? set.trim() : undefined;
}
