// The engine: parse, detect the kind, run the rules, stamp and filter the findings.
import type { CourseModule, KindDef } from '../course/schema.ts';
import { assignSections, detectKind, type KindSource } from '../kinds/detect.ts';
import { parse } from '../model/parse.ts';
import { positionAt } from '../model/positions.ts';
import type { Doc, Span } from '../model/types.ts';
import { DocQuery } from '../query/doc-query.ts';
import { isSetRule, type AnyRule, type Report, type ReportedFix, type Rule, type RuleContext, type SetMember, type SetRule } from '../rules/define.ts';
import { createMemo } from '../nlp/index.ts';
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

export interface FileResult {
  filePath: string;
  doc: Doc;
  kind: KindDef | undefined;
  kindSource: KindSource;
  /** The `set:` this file belongs to (audience variants checked together). */
  set: string | undefined;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
}

export function checkText(text: string, options: CheckOptions): FileResult {
  const doc = parse(text);
  const stems = { stems: options.memo?.stems ?? new Map<string, string>() };
  const match = detectKind(doc, options.module, stems);
  if (match.kind) assignSections(doc, match.kind, stems);
  // The language layer's answers for this check; its paragraph tagging outlives it in the memo.
  const nlp = createMemo(options.memo?.nlpUnits);
  const setName = doc.frontMatter?.data['set'];
  const result: FileResult = {
    filePath: options.filePath ?? '<text>',
    doc,
    kind: match.kind,
    kindSource: match.source,
    set: typeof setName === 'string' && setName.trim() ? setName.trim() : undefined,
    diagnostics: [],
    errorCount: 0,
    warningCount: 0,
    infoCount: 0,
  };
  const stamp = stamper(doc);
  // One query per check: every rule reads the same views, and their memos die with the check.
  const query = new DocQuery(doc);
  const section = (key: string) => query.section(key);
  const view = (key: string) => query.view(key);
  const viewOf = (s: Parameters<DocQuery['viewOf']>[0]) => query.viewOf(s);
  for (const rule of options.rules) {
    if (isSetRule(rule) || !applies(rule, match.kind)) continue;
    const severity = levelOf(options.config ?? DEFAULT_CONFIG, rule.meta.id, rule.meta.severity);
    if (!severity) continue;
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
      report: (r) => result.diagnostics.push(stamp(rule, severity, r)),
    };
    try {
      rule.check(context);
    } catch (e) {
      result.diagnostics.push(internalError(rule, e));
    }
  }
  finish(result, options.rules);
  return result;
}

/** Runs the set rules over files that share a `set:`, adding their findings in place. */
export function checkSets(results: FileResult[], options: Omit<CheckOptions, 'filePath'>): void {
  const groups = new Map<string, FileResult[]>();
  for (const r of results) {
    if (!r.set) continue;
    const key = r.set;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const [set, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const members: SetMember[] = group.map((r) => {
      const query = new DocQuery(r.doc);
      return { filePath: r.filePath, doc: r.doc, kind: r.kind, section: (key: string) => query.section(key), view: (key: string) => query.view(key), body: query.body, nlp: createMemo(options.memo?.nlpUnits) };
    });
    for (const rule of options.rules) {
      if (!isSetRule(rule)) continue;
      const severity = levelOf(options.config ?? DEFAULT_CONFIG, rule.meta.id, rule.meta.severity);
      if (!severity) continue;
      const eligible = members.filter((m) => applies(rule, m.kind));
      if (eligible.length < 2) continue;
      try {
        rule.checkSet({
          set,
          members: eligible,
          module: options.module,
          report: (member, r) => {
            const target = group[members.indexOf(member)] as FileResult;
            target.diagnostics.push(stamper(target.doc)(rule, severity, r));
          },
        });
      } catch (e) {
        const first = group[0] as FileResult;
        first.diagnostics.push(internalError(rule, e));
      }
    }
  }
  for (const r of results) if (r.set) finish(r, options.rules);
}

function applies(rule: AnyRule, kind: KindDef | undefined): boolean {
  return !rule.meta.kinds || (kind !== undefined && rule.meta.kinds.includes(kind.id));
}

function stamper(doc: Doc) {
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

function internalError(rule: Rule | SetRule, e: unknown): Diagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return {
    id: '',
    ruleId: rule.meta.id,
    messageId: 'internalError',
    message: `Rule ${rule.meta.id} failed on this file (${message}); please report it.`,
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
  return (a, b) =>
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || rank(a.ruleId) - rank(b.ruleId) || a.range[0] - b.range[0] || a.range[1] - b.range[1] || cmp(a.ruleId, b.ruleId);
}

/** Applies inline disable comments, sorts (compareDiagnostics) and counts. */
function finish(result: FileResult, rules: readonly AnyRule[]): void {
  const { doc } = result;
  let list = result.diagnostics;
  if (doc.directives.length) list = list.filter((d) => !disabled(doc, d));
  const ranks = new Map(rules.map((r) => [r.meta.id, lessonRank(r)]));
  list.sort(compareDiagnostics((id) => ranks.get(id) ?? 1));
  // The same rule reporting the same span twice (e.g. a set rule run again) is one finding.
  const seen = new Set<string>();
  result.diagnostics = list.filter((d) => {
    const key = `${d.ruleId}\0${d.range[0]}\0${d.range[1]}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Identities: by content, not position; repeats of one finding are told apart by their order.
  const count = new Map<string, number>();
  for (const d of result.diagnostics) {
    const base = findingHash(d, doc.text);
    const n = (count.get(base) ?? 0) + 1;
    count.set(base, n);
    d.id = n === 1 ? base : `${base}#${n}`;
  }
  result.errorCount = result.diagnostics.filter((d) => d.severity === 'error').length;
  result.warningCount = result.diagnostics.filter((d) => d.severity === 'warning').length;
  result.infoCount = result.diagnostics.filter((d) => d.severity === 'info').length;
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
