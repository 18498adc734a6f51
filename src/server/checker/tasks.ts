// What the check workers do, as plain functions: describe a text for listing, evaluate a
// portfolio, render a printable page. Checked results are kept per revision (an artifact's
// revision never changes), so a portfolio view re-checks only what was saved since.
import { checkText, createCheckMemo, defaultModule, type FileResult } from '../../core/index.ts';
import { WORKBENCH_CHECK_OPTIONS, describe, evaluatePortfolio, type PortfolioEntry } from '../portfolio.ts';
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

export type Task =
  | { type: 'describe'; text: string }
  | { type: 'portfolio'; items: Item[]; texts: Record<string, string> }
  | { type: 'print'; heading: string; showHeading: boolean; items: Item[]; texts: Record<string, string> }
  /** Each revision's own findings (no set rules), for review threads that cite a rule and the mistake map. */
  | { type: 'findings'; items: Item[]; texts: Record<string, string> };

export type TaskResult =
  | { type: 'describe'; meta: ArtifactMeta }
  | { type: 'missing'; keys: string[] }
  | { type: 'portfolio'; artifacts: PortfolioEntry[]; progress: ReturnType<typeof evaluatePortfolio>['progress']; checked: Record<string, FindingCounts> }
  | { type: 'print'; html: string; checked: Record<string, FindingCounts> }
  | { type: 'findings'; findings: Record<string, { ruleId: string; range: [number, number] }[]>; checked: Record<string, FindingCounts> };

export const describeText = (text: string): ArtifactMeta => describe(text);

/** Kept across checks in one worker: makes re-checking similar texts cheap. */
const memo = createCheckMemo();

export class Checker {
  readonly #cache = new Map<string, FileResult>();
  #chars = 0;

  run(task: Task): TaskResult {
    if (task.type === 'describe') return { type: 'describe', meta: describeText(task.text) };
    const missing = task.items.filter((it) => !this.#cache.has(it.key) && task.texts[it.key] === undefined).map((it) => it.key);
    if (missing.length > 0) return { type: 'missing', keys: missing };
    const checked: Record<string, FindingCounts> = {};
    const results = task.items.map((it) => this.#result(it, task.texts[it.key], checked));
    if (task.type === 'portfolio') return { type: 'portfolio', ...evaluate(task.items, results), checked };
    if (task.type === 'findings')
      return { type: 'findings', findings: Object.fromEntries(task.items.map((it, i) => [it.key, (results[i] as FileResult).diagnostics.map((d) => ({ ruleId: d.ruleId, range: [d.range[0], d.range[1]] as [number, number] }))])), checked };
    const { artifacts } = evaluate(task.items, results);
    const html = printPage(
      task.heading,
      task.items.map((it, i) => printItem(it.artifact, (results[i] as FileResult).doc.text, artifacts[i])),
      task.showHeading,
    );
    return { type: 'print', html, checked };
  }

  #result(it: Item, text: string | undefined, checked: Record<string, FindingCounts>): FileResult {
    const hit = this.#cache.get(it.key);
    if (hit) {
      // Most recently used last: eviction takes the oldest.
      this.#cache.delete(it.key);
      this.#cache.set(it.key, hit);
      return hit;
    }
    const result = checkText(text as string, { ...WORKBENCH_CHECK_OPTIONS, filePath: it.artifact.id, memo });
    checked[it.key] = { errors: result.errorCount, warnings: result.warningCount, infos: result.infoCount };
    this.#cache.set(it.key, result);
    this.#chars += result.doc.text.length;
    for (const [key, old] of this.#cache) {
      if (this.#chars <= CACHE_CHARS || key === it.key) break;
      this.#cache.delete(key);
      this.#chars -= old.doc.text.length;
    }
    return result;
  }
}

/** The portfolio from cached per-revision results: only the set rules (which compare variants) run again. */
function evaluate(items: Item[], cached: FileResult[]) {
  return evaluatePortfolio(
    items.map((it, i) => ({ artifact: it.artifact, text: (cached[i] as FileResult).doc.text, own: cached[i] as FileResult })),
    memo,
  );
}

function printItem(artifact: { title: string; kind: string | null; updatedAt: string }, text: string, counts: { errorCount: number; warningCount: number } | undefined): PrintItem {
  const e = counts?.errorCount ?? 0;
  const w = counts?.warningCount ?? 0;
  const findings = e + w === 0 ? 'no errors or warnings' : `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
  const kind = defaultModule.kinds.find((k) => k.id === artifact.kind)?.name ?? null;
  return { title: artifact.title, kind, updatedAt: artifact.updatedAt, text, findings, plain: text.length > PRINT_MARKDOWN_LIMIT };
}
