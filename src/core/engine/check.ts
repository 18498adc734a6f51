// The engine: parse, detect the kind, run the rules, stamp and filter the findings.
import type { CourseModule, KindDef } from '../course/schema.ts';
import { assignSections, contentViews, detectKind, type KindSource } from '../kinds/detect.ts';
import { parse } from '../model/parse.ts';
import { positionAt } from '../model/positions.ts';
import type { Doc, Span } from '../model/types.ts';
import { DocQuery } from '../query/doc-query.ts';
import { isSetRule, type AnyRule, type Report, type ReportedFix, type Rule, type RuleContext, type SetRule } from '../rules/define.ts';
import { bindMemo, createMemo } from '../nlp/index.ts';
import { setOf } from '../project/meta.ts';
import { DEFAULT_CONFIG, levelOf, type Config } from './config.ts';
import type { CheckMemo } from './memo.ts';
import { SEVERITY_RANK, type Diagnostic, type Fix, type Severity } from './diagnostic.ts';

export interface CheckOptions {
  module: CourseModule;
  rules: readonly AnyRule[];
  config?: Config;
  filePath?: string;
  /** Kept by a surface that re-checks the same documents (createCheckMemo): makes a re-check cheap. */
  memo?: CheckMemo;
}

/** One file checked alone: immutable (frozen), so caches and projects can share it. */
export interface FileResult {
  readonly filePath: string;
  readonly doc: Doc;
  readonly kind: KindDef | undefined;
  readonly kindSource: KindSource;
  /** The `set:` this file belongs to (audience variants checked together, by a Project). */
  readonly set: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
}

export function checkText(text: string, options: CheckOptions): FileResult {
  const doc = parse(text);
  const stems = options.memo ?? { stems: new Map<string, string>() };
  const match = detectKind(doc, options.module, stems);
  if (match.kind) assignSections(doc, match.kind, stems);
  // The language layer's answers for this check; its paragraph tagging outlives it in the memo.
  const nlp = createMemo(options.memo?.nlpUnits);
  bindMemo(doc, nlp);
  const diagnostics: Diagnostic[] = [];
  const stamp = stamper(doc);
  // One query per check: every rule reads the same views, and their memos die with the check.
  const query = new DocQuery(doc, match.kind && contentViews(doc, match.kind, match.source));
  const section = (key: string) => query.section(key);
  const view = (key: string) => query.view(key);
  const viewOf = (s: Parameters<DocQuery['viewOf']>[0]) => query.viewOf(s);
  // One context for every rule of the check; `report` stamps with the rule running now (rules are synchronous).
  let current: { rule: Rule; severity: Severity } | undefined;
  const context: RuleContext = {
    doc,
    module: options.module,
    kind: match.kind,
    kindSource: match.source,
    section,
    view,
    viewOf,
    nlp,
    get body() {
      return query.body;
    },
    textOf: (span: Span) => doc.text.slice(span.start, span.end),
    once: (key, compute) => query.once(key, compute),
    report: (r) => {
      if (current) diagnostics.push(stamp(current.rule, current.severity, r));
    },
  };
  for (const rule of options.rules) {
    if (isSetRule(rule) || !applies(rule, match.kind)) continue;
    const severity = levelOf(options.config ?? DEFAULT_CONFIG, rule.meta.id, rule.meta.severity);
    if (!severity) continue;
    current = { rule, severity };
    try {
      rule.check(context);
    } catch (e) {
      diagnostics.push(internalError(rule, e));
    }
  }
  current = undefined;
  const finished = frozen(finishDiagnostics(doc, diagnostics, options.rules));
  return Object.freeze({
    filePath: options.filePath ?? '<text>',
    doc,
    kind: match.kind,
    kindSource: match.source,
    set: setOf(doc),
    diagnostics: finished,
    ...countsOf(finished),
  });
}

/** Whether a rule runs on files of this kind. */
export function applies(rule: AnyRule, kind: KindDef | undefined): boolean {
  return !rule.meta.kinds || (kind !== undefined && rule.meta.kinds.includes(kind.id));
}

/** Turns a rule's report into a positioned Diagnostic of this document (ids come in finishDiagnostics). */
export function stamper(doc: Doc) {
  return (rule: AnyRule, severity: Severity, r: Report): Diagnostic => {
    const start = clamp(r.span.start, doc.text.length);
    const end = clamp(Math.max(r.span.end, start), doc.text.length);
    const s = positionAt(doc.lineStarts, start);
    const e = positionAt(doc.lineStarts, end);
    const message = messageOf(rule, r.messageId, r.data);
    const d: Diagnostic = {
      id: '',
      ruleId: rule.meta.id,
      messageId: r.messageId,
      ...(r.data ? { data: { ...r.data } } : {}),
      message,
      severity,
      range: [start, end],
      loc: { start: { line: s.line, column: s.column }, end: { line: e.line, column: e.column } },
      note: rule.meta.docs.better,
    };
    const words = r.words ?? (end > start && end - start <= 80 ? [doc.text.slice(start, end)] : undefined);
    if (words?.length) d.words = words;
    if (r.fix) d.fix = fixOf(rule, r.fix, `Fix: ${message.split(/(?<=\.)\s/)[0] ?? message}`);
    if (r.suggest?.length) d.suggestions = r.suggest.map((x) => fixOf(rule, x, x.messageId));
    if (r.related?.length) d.related = r.related.map((x) => ({ message: x.message, range: [x.span.start, x.span.end] }));
    return d;
  };
}

function messageOf(rule: AnyRule, messageId: string, data: Record<string, string | number> | undefined): string {
  return interpolate(rule.meta.messages[messageId] ?? messageId, data ?? {});
}

function fixOf(rule: AnyRule, f: ReportedFix, fallback: string): Fix {
  const out: Fix = { range: f.range, text: f.text, messageId: f.messageId ?? 'fix', title: f.messageId ? messageOf(rule, f.messageId, f.data) : fallback };
  if (f.data) out.data = { ...f.data };
  return out;
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(0, Math.floor(n)), max) : 0;
}

export function interpolate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, key: string) => (key in data ? String(data[key]) : all));
}

/** A rule that threw, as an error finding on the file (or, for a set rule, on each member it was checking). */
export function internalError(rule: Rule | SetRule, e: unknown, set?: string): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return {
    id: '',
    ruleId: rule.meta.id,
    messageId: 'internalError',
    message: `Rule ${rule.meta.id} failed on ${set === undefined ? 'this file' : `the set \`${set}\``} (${message}); please report it.`,
    severity: 'error',
    range: [0, 0],
    loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
  };
}

/**
 * Where a rule's findings sit in the report: the case study's own lesson (a rule with
 * `docs.caseStudy`, e.g. strategy/roadmap-not-strategy) first, structure/* last, others between.
 */
export function lessonRank(rule: AnyRule): number {
  if (rule.meta.docs.caseStudy !== undefined && !rule.meta.id.startsWith('structure/')) return 0;
  return rule.meta.id.startsWith('structure/') ? 2 : 1;
}

/**
 * The report order every surface shows (CLI, language server, workbench): severity, then the
 * lesson before structure (lessonRank), then position, then rule id. The sort is stable, so ties
 * keep the order the rule reported them in (rules run in registry order): missing sections are
 * listed, and their skeletons inserted, in the kind's order.
 */
export function compareDiagnostics(rank: (ruleId: string) => number): (a: Diagnostic, b: Diagnostic) => number {
  return (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || rank(a.ruleId) - rank(b.ruleId) || a.range[0] - b.range[0] || a.range[1] - b.range[1] || cmp(a.ruleId, b.ruleId);
}

/**
 * Applies inline disable comments, sorts (compareDiagnostics) and gives each finding its
 * identity; returns new findings, leaving `list` as it was.
 */
export function finishDiagnostics(doc: Doc, list: readonly Diagnostic[], rules: readonly AnyRule[]): Diagnostic[] {
  return finishPairs(doc, list, rules).map((p) => p.finished);
}

/** finishDiagnostics, with the finding of `list` each finished one came from. */
export function finishPairs(doc: Doc, list: readonly Diagnostic[], rules: readonly AnyRule[]): { source: Diagnostic; finished: Diagnostic }[] {
  const kept = doc.directives.length ? list.filter((d) => !disabled(doc, d)) : [...list];
  const ranks = ranksOf(rules);
  kept.sort(compareDiagnostics((id) => ranks.get(id) ?? 1));
  // Identities: by content, not position; repeats of one finding are told apart by their order.
  const count = new Map<string, number>();
  return kept.map((d) => {
    const base = findingHash(d, doc.text);
    const n = (count.get(base) ?? 0) + 1;
    count.set(base, n);
    return { source: d, finished: { ...d, id: n === 1 ? base : `${base}#${n}` } };
  });
}

// Each rule's lessonRank, once per rule list (program data, like the rules themselves; a list
// that has grown since is ranked again).
const rankMaps = new WeakMap<readonly AnyRule[], { length: number; ranks: Map<string, number> }>();
function ranksOf(rules: readonly AnyRule[]): Map<string, number> {
  let known = rankMaps.get(rules);
  if (known?.length !== rules.length) {
    known = { length: rules.length, ranks: new Map(rules.map((r) => [r.meta.id, lessonRank(r)])) };
    rankMaps.set(rules, known);
  }
  return known.ranks;
}

export function countsOf(diagnostics: readonly Diagnostic[]): { errorCount: number; warningCount: number; infoCount: number } {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errorCount++;
    else if (d.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { errorCount, warningCount, infoCount };
}

/** Results are shared (a project's files, a surface's caches): nobody may change one after the check. */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}

/** FNV-1a (two 32-bit lanes) of the rule, messageId, data and the text the finding points at. */
function findingHash(d: Diagnostic, text: string): string {
  const key = [d.ruleId, d.messageId, d.data ? JSON.stringify(Object.entries(d.data).sort(([a], [b]) => cmp(a, b))) : '', text.slice(d.range[0], d.range[1])].join('\u0000');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `staffwork-disable [rules]` turns rules off until `staffwork-enable`; placed before the first
 * section it covers the whole file. `-line` and `-next-line` cover one line.
 */
function disabled(doc: Doc, d: Diagnostic): boolean {
  const firstSection = doc.sections[0]?.titleSpan.start ?? doc.text.length;
  const matches = (rules: string[]) => rules.length === 0 || rules.includes(d.ruleId) || rules.includes(`${d.ruleId.split('/')[0]}/*`);
  const line = d.loc.start.line;
  let off = false;
  for (const dir of doc.directives) {
    if (!matches(dir.rules)) continue;
    const dirLine = positionAt(doc.lineStarts, dir.start).line;
    if (dir.kind === 'disable-line' && dirLine === line) return true;
    if (dir.kind === 'disable-next-line' && dirLine + 1 === line) return true;
    if (dir.kind === 'disable' && (dir.start <= d.range[0] || dir.start < firstSection)) off = true;
    if (dir.kind === 'enable' && dir.start <= d.range[0]) off = false;
  }
  return off;
}
