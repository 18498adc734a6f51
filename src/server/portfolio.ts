// The server's use of the core: what an artifact is called, the portfolio's findings and
// completion standard, and export file names.
import { artifactMeta, builtinRules, checkText, defaultModule, evaluateProgress, parse, Project, slug, type CheckMemo, type CourseModule, type FileResult, type PortfolioEntry, type Progress, type ProjectResult } from '../core/index.ts';
import type { ArtifactMeta, ArtifactSummary } from './storage/types.ts';

export { slug, type PortfolioEntry };

/** The workbench's own module: what a learner's artifacts and portfolio are read against (a cohort's view uses the cohort's module). */
export const WORKBENCH_CHECK_OPTIONS = { module: defaultModule, rules: builtinRules };

/** What the storage keeps for listing, as the core reads it (the workbench's module): kind, title, and a variant's set and audience. */
export function describe(text: string): ArtifactMeta {
  const meta = artifactMeta(parse(text), defaultModule);
  return { kind: meta.kind?.id ?? null, title: meta.title.slice(0, 200), set: meta.set ?? null, audience: meta.set ? (meta.audience ?? null) : null };
}

/**
 * Checks every artifact against `module`, compares the variants of each set (one learner's
 * portfolio: every artifact is a member) and evaluates the module's standard. `own` is an item's
 * result already checked alone with that module (a cache of checked revisions), so only set rules
 * run again for it. An entry's kind is the one `module` reads, not the stored (workbench) one.
 */
export function evaluatePortfolio(module: CourseModule, items: { artifact: ArtifactSummary; text: string; own?: FileResult }[], memo?: CheckMemo): { artifacts: PortfolioEntry[]; progress: Progress } {
  let own: FileResult | undefined;
  const project = new Project({ module, rules: builtinRules, membership: 'all', ...(memo ? { memo } : {}), checkFile: (text, options) => own ?? checkText(text, options) });
  for (const it of items) {
    own = it.own;
    project.upsert(it.artifact.id, it.text);
  }
  own = undefined;
  const results = items.map((it) => project.result(it.artifact.id) as ProjectResult);
  return {
    artifacts: items.map(({ artifact }, i) => {
      const r = results[i] as ProjectResult;
      return { ...artifact, kind: r.kind?.id ?? null, ...(r.set ? { set: r.set, audience: r.audience ?? 'executive' } : {}), errorCount: r.errorCount, warningCount: r.warningCount, infoCount: r.infoCount };
    }),
    progress: evaluateProgress(module, results),
  };
}

/** Distinct, portable `.md` file names from titles. */
export function fileNames(titles: string[]): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const base = slug(title) || 'artifact';
    let name = `${base}.md`;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}.md`;
    used.add(name);
    return name;
  });
}
