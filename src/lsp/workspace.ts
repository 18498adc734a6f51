// What the server knows about the workspace on disk: the staffwork config that governs each
// folder, and which Markdown files belong to which `set:` (audience variants checked together).
import { glob } from 'tinyglobby';
import { DEFAULT_CONFIG, lineStartsOf, type Config } from '../core/index.ts';
import { parseFrontMatter } from '../core/model/front-matter.ts';
import { findConfig, readConfig } from '../node/config.ts';
import { readText } from '../node/read-text.ts';

export class ConfigStore {
  /** Folder -> the config file that governs it (undefined: none, defaults). */
  private fileOf = new Map<string, string | undefined>();
  /** Config file -> its last good contents. */
  private good = new Map<string, Config>();
  private read = new Set<string>();
  /** Problems already shown, so an invalid file is reported once, not on every keystroke. */
  private shown = new Set<string>();

  constructor(private readonly report: (message: string) => void) {}

  /** The config file that governs files in `dir` (the nearest upward), if any. */
  fileFor(dir: string): string | undefined {
    if (!this.fileOf.has(dir)) this.fileOf.set(dir, findConfig(dir));
    return this.fileOf.get(dir);
  }

  /** The config for files in `dir`: the nearest file upward, or the last good one if it is invalid. */
  forDir(dir: string): Config {
    const file = this.fileFor(dir);
    if (!file) return DEFAULT_CONFIG;
    if (!this.read.has(file)) {
      this.read.add(file);
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

  /** Forget what was found and read; the next lookups read the files again. */
  invalidate(): void {
    this.fileOf.clear();
    this.read.clear();
  }
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

export function setOfText(input: string): string | undefined {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const set = parseFrontMatter(text, lineStartsOf(text))?.data['set'];
  return typeof set === 'string' && set.trim() ? set.trim() : undefined;
}
