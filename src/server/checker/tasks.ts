// What the check workers do, as plain functions: describe a text for listing, evaluate a
// portfolio, render a printable page. Each portfolio, print and findings task names the module
// it is read against (a cohort's, or the workbench's own). Checked results are kept per module
// and revision (an artifact's revision never changes), so a view re-checks only what was saved since.
import { builtinModules, builtinRules, checkText, createCheckMemo, type CourseModule, type FileResult } from '../../core/index.ts';
import { describe, evaluatePortfolio, type PortfolioEntry } from '../portfolio.ts';
import { printPage, type PrintItem } from '../print.ts';
import type { ArtifactMeta, ArtifactSummary, FindingCounts } from '../storage/types.ts';

/** Above this a text prints as plain preformatted text: rendering is bounded, the words are all there. */
export const PRINT_MARKDOWN_LIMIT = 512 * 1024;
/** Checked results kept, by total text length (UTF-16 units): a few hundred typical artifacts, or a handful of huge ones. */
const CACHE_CHARS = 48 * 1024 * 1024;

export interface Item {
  /** `${artifactId}@${revisionId}`: a revision's text never changes. */
  key: string;
  artifact: ArtifactSummary;
}

/** `module`: the id of a served module (CheckPoolOptions.modules) the items are checked against. */
export type Task =
  | { type: 'describe'; text: string }
  | { type: 'portfolio'; module: string; items: Item[]; texts: Record<string, string> }
  | { type: 'print'; module: string; heading: string; showHeading: boolean; items: Item[]; texts: Record<string, string> }
  /** Each revision's own findings (no set rules) and kind, for review threads that cite a rule and the mistake map. */
  | { type: 'findings'; module: string; items: Item[]; texts: Record<string, string> };

export type TaskResult =
  | { type: 'describe'; meta: ArtifactMeta }
  | { type: 'missing'; keys: string[] }
  | { type: 'portfolio'; artifacts: PortfolioEntry[]; progress: ReturnType<typeof evaluatePortfolio>['progress']; checked: Record<string, FindingCounts> }
  | { type: 'print'; html: string; checked: Record<string, FindingCounts> }
  | { type: 'findings'; findings: Record<string, { ruleId: string; range: [number, number] }[]>; kinds: Record<string, string | null>; checked: Record<string, FindingCounts> };

export const describeText = (text: string): ArtifactMeta => describe(text);

/** Kept across checks in one worker: makes re-checking similar texts cheap. */
const memo = createCheckMemo();

export class Checker {
  /** Checked results by `${moduleId} ${item.key}`: the same revision reads differently under another module. */
  readonly #cache = new Map<string, FileResult>();
  #chars = 0;
  readonly #modules: ReadonlyMap<string, CourseModule>;

  /** `modules`: every module a task may name (the server's served modules); each keeps its identity across tasks, so the core's per-kind caches hold. */
  constructor(modules: readonly CourseModule[] = builtinModules) {
    this.#modules = new Map(modules.map((m) => [m.id, m]));
  }

  run(task: Task): TaskResult {
    if (task.type === 'describe') return { type: 'describe', meta: describeText(task.text) };
    const module = this.#modules.get(task.module);
    if (!module) throw new Error(`the check workers were not given the module "${task.module}"`);
    const cacheKey = (it: Item) => `${module.id} ${it.key}`;
    const missing = task.items.filter((it) => !this.#cache.has(cacheKey(it)) && task.texts[it.key] === undefined).map((it) => it.key);
    if (missing.length > 0) return { type: 'missing', keys: missing };
    const checked: Record<string, FindingCounts> = {};
    const results = task.items.map((it) => this.#result(module, cacheKey(it), it, task.texts[it.key], checked));
    if (task.type === 'portfolio') return { type: 'portfolio', ...evaluate(module, task.items, results), checked };
    if (task.type === 'findings')
      return {
        type: 'findings',
        findings: Object.fromEntries(task.items.map((it, i) => [it.key, (results[i] as FileResult).diagnostics.map((d) => ({ ruleId: d.ruleId, range: [d.range[0], d.range[1]] as [number, number] }))])),
        kinds: Object.fromEntries(task.items.map((it, i) => [it.key, (results[i] as FileResult).kind?.id ?? null])),
        checked,
      };
    const { artifacts } = evaluate(module, task.items, results);
    const html = printPage(
      task.heading,
      task.items.map((it, i) => printItem(module, it.artifact, (results[i] as FileResult).doc.text, artifacts[i])),
      task.showHeading,
    );
    return { type: 'print', html, checked };
  }

  #result(module: CourseModule, cacheKey: string, it: Item, text: string | undefined, checked: Record<string, FindingCounts>): FileResult {
    const hit = this.#cache.get(cacheKey);
    if (hit) {
      // Most recently used last: eviction takes the oldest.
      this.#cache.delete(cacheKey);
      this.#cache.set(cacheKey, hit);
      return hit;
    }
    const result = checkText(text as string, { module, rules: builtinRules, filePath: it.artifact.id, memo });
    checked[it.key] = { errors: result.errorCount, warnings: result.warningCount, infos: result.infoCount };
    this.#cache.set(cacheKey, result);
    this.#chars += result.doc.text.length;
    for (const [key, old] of this.#cache) {
      if (this.#chars <= CACHE_CHARS || key === cacheKey) break;
      this.#cache.delete(key);
      this.#chars -= old.doc.text.length;
    }
    return result;
  }
}

/** The portfolio from cached per-revision results: only the set rules (which compare variants) run again. */
function evaluate(module: CourseModule, items: Item[], cached: FileResult[]) {
  return evaluatePortfolio(
    module,
    items.map((it, i) => ({ artifact: it.artifact, text: (cached[i] as FileResult).doc.text, own: cached[i] as FileResult })),
    memo,
  );
}

function printItem(module: CourseModule, artifact: { title: string; updatedAt: string }, text: string, entry: PortfolioEntry | undefined): PrintItem {
  const e = entry?.errorCount ?? 0;
  const w = entry?.warningCount ?? 0;
  const findings = e + w === 0 ? 'no errors or warnings' : `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
  const kind = module.kinds.find((k) => k.id === entry?.kind)?.name ?? null;
  return { title: artifact.title, kind, updatedAt: artifact.updatedAt, text, findings, plain: text.length > PRINT_MARKDOWN_LIMIT };
}
