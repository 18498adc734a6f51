// The server's use of the core: what an artifact is called, the portfolio's findings and
// completion standard, and export file names.
import { builtinRules, checkSets, checkText, defaultModule, detectKind, evaluateProgress, parse, slug, titleOf, type FileResult, type PortfolioEntry, type Progress } from '../core/index.ts';
import type { ArtifactMeta, ArtifactSummary } from './storage/types.ts';

export { slug, type PortfolioEntry };

export const checkOptions = { module: defaultModule, rules: builtinRules };

/** Kind and title for listing: front matter first, then the first heading, then the kind's name. */
export function describe(text: string): ArtifactMeta {
  const doc = parse(text);
  const kind = detectKind(doc, defaultModule).kind;
  const title = titleOf(doc) ?? (kind ? `Untitled ${kind.name.toLowerCase()}` : 'Untitled artifact');
  return { kind: kind?.id ?? null, title: title.slice(0, 200) };
}

/** The `set:` a text belongs to and its `audience:` (executive when unsaid, as the rules read it), or undefined. */
export function setOf(text: string): { name: string; audience: string } | undefined {
  const data = parse(text).frontMatter?.data;
  const name = data?.['set'];
  if (typeof name !== 'string' || !name.trim()) return undefined;
  const audience = data?.['audience'];
  return { name: name.trim(), audience: typeof audience === 'string' && audience.trim() ? audience.trim().toLowerCase() : 'executive' };
}

/**
 * Checks every artifact's head (sets together, as the CLI does) and evaluates the standard;
 * `checked` gives results already checked (and set-checked) for these items, in order.
 */
export function evaluatePortfolio(items: { artifact: ArtifactSummary; text: string }[], checked?: FileResult[]): { artifacts: PortfolioEntry[]; progress: Progress } {
  let results = checked;
  if (!results) {
    results = items.map(({ artifact, text }) => checkText(text, { ...checkOptions, filePath: artifact.id }));
    checkSets(results, checkOptions);
  }
  return {
    artifacts: items.map(({ artifact, text }, i) => {
      const r = (results as FileResult[])[i] as FileResult;
      const set = r.set ? setOf(text) : undefined;
      return { ...artifact, ...(set ? { set: set.name, audience: set.audience } : {}), errorCount: r.errorCount, warningCount: r.warningCount, infoCount: r.infoCount };
    }),
    progress: evaluateProgress(defaultModule, results as FileResult[]),
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
