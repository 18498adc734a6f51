// The completion standard over a portfolio: each criterion pass/fail with its evidence.
import type { FileResult } from '../engine/check.ts';
import { hasContent } from '../query/doc-query.ts';
import type { CourseModule, Criterion } from './schema.ts';

export interface Evidence {
  file: string;
  ok: boolean;
  /** Its errors, set findings (a variant that disagrees with a sibling) included. */
  errors: number;
  /** Why the file does not count, in plain words, never rule ids (empty when ok). */
  reasons: string[];
}

export interface CriterionResult {
  id: string;
  description: string;
  pass: boolean;
  needed: number;
  count: number;
  evidence: Evidence[];
}

export interface Progress {
  module: string;
  pass: boolean;
  criteria: CriterionResult[];
}

export function evaluateProgress(module: CourseModule, results: readonly FileResult[]): Progress {
  const criteria = module.completion.map((c) => evaluate(c, results));
  return { module: module.id, pass: criteria.every((c) => c.pass), criteria };
}

function evaluate(c: Criterion, results: readonly FileResult[]): CriterionResult {
  const candidates = results.filter((r) => r.kind && (!c.kind || r.kind.id === c.kind));
  const evidence = candidates.map((r) => ({ file: r.filePath, ...judge(c, r) }));
  // Clean first, then the nearest to counting: a variant with errors is never cited before a clean one.
  evidence.sort((a, b) => Number(b.ok) - Number(a.ok) || a.errors - b.errors || a.reasons.length - b.reasons.length || (a.file < b.file ? -1 : 1));
  const count = evidence.filter((e) => e.ok).length;
  return { id: c.id, description: c.description, pass: count >= c.min, needed: c.min, count, evidence };
}

function judge(c: Criterion, r: FileResult): { ok: boolean; errors: number; reasons: string[] } {
  const reasons: string[] = [];
  // Counted from the findings: set rules add theirs after the file's own counts were taken.
  const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
  if (c.complete && errors > 0) reasons.push(`${errors} error${errors === 1 ? '' : 's'} to fix`);
  for (const key of c.sections) {
    const s = r.doc.sections.find((x) => x.key === key || x.also?.includes(key));
    const title = r.kind?.sections.find((d) => d.id === key)?.title ?? key;
    if (!s) reasons.push(`no ${title} section`);
    else if (!hasContent(r.doc, s)) reasons.push(`${title} is empty`);
  }
  for (const rule of c.clean) {
    const d = r.diagnostics.find((x) => x.ruleId === rule);
    if (d) reasons.push(firstSentence(d.message));
  }
  return { ok: reasons.length === 0, errors, reasons: [...new Set(reasons)] };
}

/** A finding's message as a reason: its first sentence, backticks dropped. */
function firstSentence(message: string): string {
  const m = /^(.+?)[.!?](\s|$)/.exec(message);
  return (m?.[1] ?? message).replace(/`/g, '').trim();
}
