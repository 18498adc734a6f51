// A project: the files a surface knows about (a folder the CLI checks, the language server's
// workspace, the workbench's open artifact and its variants, a learner's portfolio), each
// checked alone and the audience variants of each `set:` compared with each other. Which files
// of a set are compared (its members) is the surface's choice, the membership policy; what a
// file's set and audience are is the core's (meta.ts). Results are immutable: upserting one file
// re-checks that file and re-runs the set rules of its set, and every other result stays as it was.
import type { CourseModule, KindDef } from '../course/schema.ts';
import { applies, checkText, countsOf, finishPairs, frozen, internalError, stamper, type CheckOptions, type FileResult } from '../engine/check.ts';
import { DEFAULT_CONFIG, levelOf, type Config } from '../engine/config.ts';
import type { Diagnostic } from '../engine/diagnostic.ts';
import { createCheckMemo, type CheckMemo } from '../engine/memo.ts';
import { createMemo } from '../nlp/index.ts';
import { contentViews } from '../kinds/detect.ts';
import { DocQuery } from '../query/doc-query.ts';
import { isSetRule, type AnyRule, type SetMember } from '../rules/define.ts';
import { metaOf } from './meta.ts';

/**
 * Which files with the same `set:` are compared: those in the same folder (the CLI: what a
 * folder holds is what it checks), under the same workspace folder (the language server, given
 * `roots`), or all of the project's (one learner's portfolio, the workbench).
 */
export type Membership = 'sameFolder' | 'workspace' | 'all';

export interface ProjectOptions {
  module: CourseModule;
  rules: readonly AnyRule[];
  membership: Membership;
  /** With `workspace`: the workspace folders. A file under none of them is grouped by its folder. */
  roots?: readonly string[];
  /** The config of files upserted without one. */
  config?: Config;
  /** Kept across checks (createCheckMemo); the project makes its own when none is given. */
  memo?: CheckMemo;
  /** How a file is checked alone (default checkText): a surface with its own cache of results passes one. */
  checkFile?: (text: string, options: CheckOptions) => FileResult;
}

export interface UpsertOptions {
  /** The name findings and messages use (default: the path). */
  filePath?: string;
  config?: Config;
}

export interface ProjectResult extends FileResult {
  /** The project's key for the file. */
  readonly path: string;
  readonly title: string;
  readonly audience: string | undefined;
  /** The set rules' findings on this file (they are in `diagnostics` too). */
  readonly setDiagnostics: readonly Diagnostic[];
  /** The paths of the other members of its set, in the order the set rules saw them. */
  readonly members: readonly string[];
}

interface Entry {
  text: string;
  filePath: string;
  config: Config;
  own: FileResult;
  /** Its set's group key, when it has a set. */
  group: string | undefined;
}

export class Project {
  readonly #options: ProjectOptions;
  readonly #memo: CheckMemo;
  readonly #files = new Map<string, Entry>();
  /** Group key -> member paths. */
  readonly #groups = new Map<string, Set<string>>();
  /** Final results; a file's is dropped when it or its set changes, and computed again on demand. */
  readonly #results = new Map<string, ProjectResult>();

  constructor(options: ProjectOptions) {
    this.#options = options;
    this.#memo = options.memo ?? createCheckMemo();
  }

  /** Adds or replaces a file; the same text, name and config again changes nothing. */
  upsert(path: string, text: string, options: UpsertOptions = {}): void {
    const filePath = options.filePath ?? path;
    const config = options.config ?? this.#options.config ?? DEFAULT_CONFIG;
    const old = this.#files.get(path);
    if (old && old.text === text && old.filePath === filePath && old.config === config) return;
    const { module, rules, checkFile = checkText } = this.#options;
    const own = checkFile(text, { module, rules, config, filePath, memo: this.#memo });
    if (old) this.#leave(path, old);
    const group = own.set === undefined ? undefined : `${this.#scopeOf(path)}\0${own.set}`;
    this.#files.set(path, { text, filePath, config, own, group });
    this.#results.delete(path);
    if (group !== undefined) {
      const members = this.#groups.get(group) ?? new Set();
      members.add(path);
      this.#groups.set(group, members);
      this.#stale(group);
    }
  }

  remove(path: string): void {
    const old = this.#files.get(path);
    if (!old) return;
    this.#leave(path, old);
    this.#files.delete(path);
  }

  has(path: string): boolean {
    return this.#files.has(path);
  }

  /** The file's `set:` (without checking its set), or undefined. */
  setOf(path: string): string | undefined {
    return this.#files.get(path)?.own.set;
  }

  /** The paths of the project's files, in the order they were first added. */
  paths(): string[] {
    return [...this.#files.keys()];
  }

  /** The file's findings with its set's, or undefined for a path the project does not hold. */
  result(path: string): ProjectResult | undefined {
    const cached = this.#results.get(path);
    if (cached) return cached;
    const entry = this.#files.get(path);
    if (!entry) return undefined;
    if (entry.group !== undefined) this.#checkGroup(entry.group);
    else this.#results.set(path, resultOf(path, entry, [], []));
    return this.#results.get(path);
  }

  /** Every file's result, in the order of paths(). */
  results(): ProjectResult[] {
    return this.paths().map((p) => this.result(p) as ProjectResult);
  }

  #leave(path: string, old: Entry): void {
    this.#results.delete(path);
    if (old.group === undefined) return;
    const members = this.#groups.get(old.group);
    members?.delete(path);
    if (!members?.size) this.#groups.delete(old.group);
    else this.#stale(old.group);
  }

  #stale(group: string): void {
    for (const p of this.#groups.get(group) ?? []) this.#results.delete(p);
  }

  #scopeOf(path: string): string {
    const { membership, roots = [] } = this.#options;
    if (membership === 'all') return '';
    if (membership === 'workspace') {
      let best: string | undefined;
      for (const root of roots) {
        const r = root.replace(/[\\/]+$/, '');
        if ((path.startsWith(`${r}/`) || path.startsWith(`${r}\\`)) && (best === undefined || r.length > best.length)) best = r;
      }
      if (best !== undefined) return best;
    }
    return folderOf(path);
  }

  #checkGroup(group: string): void {
    const paths = [...(this.#groups.get(group) ?? [])].sort(cmp);
    const entries = paths.map((p) => this.#files.get(p) as Entry);
    const found = checkSet(entries[0]?.own.set as string, entries, this.#options, this.#memo);
    paths.forEach((path, i) => {
      this.#results.set(
        path,
        resultOf(
          path,
          entries[i] as Entry,
          found[i] as Diagnostic[],
          paths.filter((p) => p !== path),
          this.#options.rules,
        ),
      );
    });
  }
}

function resultOf(path: string, entry: Entry, setFindings: readonly Diagnostic[], members: string[], rules: readonly AnyRule[] = []): ProjectResult {
  const { own } = entry;
  let diagnostics = own.diagnostics;
  let setDiagnostics: readonly Diagnostic[] = [];
  if (setFindings.length) {
    const fromSet = new Set(setFindings);
    const pairs = finishPairs(own.doc, [...own.diagnostics, ...setFindings], rules);
    diagnostics = frozen(pairs.map((p) => p.finished));
    setDiagnostics = Object.freeze(pairs.flatMap((p) => (fromSet.has(p.source) ? [p.finished] : [])));
  }
  const meta = metaOf(own.doc, own.kind);
  return Object.freeze({ ...own, path, title: meta.title, audience: meta.audience, diagnostics, ...countsOf(diagnostics), setDiagnostics, members: Object.freeze(members) });
}

/** Runs the set rules over one set's files (in order): the findings each file gets, not yet finished. */
function checkSet(set: string, entries: readonly Entry[], options: ProjectOptions, memo: CheckMemo): Diagnostic[][] {
  const found: Diagnostic[][] = entries.map(() => []);
  if (entries.length < 2) return found;
  const members: SetMember[] = entries.map(({ own }) => {
    const query = new DocQuery(own.doc, own.kind && contentViews(own.doc, own.kind, own.kindSource));
    return { filePath: own.filePath, doc: own.doc, kind: own.kind, section: (key: string) => query.section(key), view: (key: string) => query.view(key), body: query.body, nlp: createMemo(memo.nlpUnits) };
  });
  const severityOf = (rule: AnyRule, i: number) => levelOf((entries[i] as Entry).config, rule.meta.id, rule.meta.severity);
  for (const rule of options.rules) {
    if (!isSetRule(rule)) continue;
    const eligible = members.flatMap((m, i) => (applies(rule, m.kind as KindDef | undefined) && severityOf(rule, i) ? [i] : []));
    if (eligible.length < 2) continue;
    try {
      rule.checkSet({
        set,
        members: eligible.map((i) => members[i] as SetMember),
        module: options.module,
        report: (member, r) => {
          const i = members.indexOf(member);
          const severity = i < 0 ? undefined : severityOf(rule, i);
          if (severity) (found[i] as Diagnostic[]).push(stamper(member.doc)(rule, severity, r));
        },
      });
    } catch (e) {
      // The set's findings are incomplete for every file the rule was comparing: each says so.
      for (const i of eligible) (found[i] as Diagnostic[]).push(internalError(rule, e, set));
    }
  }
  return found;
}

function folderOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'), 0));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
