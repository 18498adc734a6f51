// The completion standard over a portfolio: each criterion pass/fail with its evidence.
import type { FileResult } from '../engine/check.ts';
import { hasContent } from '../rules/util.ts';
import type { CourseModule, Criterion } from './schema.ts';

export interface Evidence {
  file: string;
  ok: boolean;
  /** Why the file does not count (empty when ok). */
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
  evidence.sort((a, b) => Number(b.ok) - Number(a.ok) || a.reasons.length - b.reasons.length || (a.file < b.file ? -1 : 1));
  const count = evidence.filter((e) => e.ok).length;
  return { id: c.id, description: c.description, pass: count >= c.min, needed: c.min, count, evidence };
}

function judge(c: Criterion, r: FileResult): { ok: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (c.complete && r.errorCount > 0) reasons.push(`${r.errorCount} error${r.errorCount === 1 ? '' : 's'} to fix`);
  for (const key of c.sections) {
    const s = r.doc.sections.find((x) => x.key === key);
    const title = r.kind?.sections.find((d) => d.id === key)?.title ?? key;
    if (!s) reasons.push(`no ${title} section`);
    else if (!hasContent(r.doc, s)) reasons.push(`${title} is empty`);
  }
  const fired = new Set(r.diagnostics.map((d) => d.ruleId));
  for (const rule of c.clean) if (fired.has(rule)) reasons.push(`${rule} fires`);
  return { ok: reasons.length === 0, reasons };
}
