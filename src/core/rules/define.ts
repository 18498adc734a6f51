// The shape of a rule. A rule is plain data (meta) plus a `check` function that reads
// the document through its context and reports findings; the engine stamps rule id,
// severity, url and positions, as unified-lint-rule does.
import type { CourseModule, KindDef } from '../course/schema.ts';
import type { Severity, TextEdit } from '../engine/diagnostic.ts';
import type { Doc, Section, Span } from '../model/types.ts';
import type { NlpMemo } from '../nlp/index.ts';
import type { SectionView } from '../query/section-view.ts';

export interface RuleDocs {
  /** One line: what the rule catches. */
  description: string;
  /** Why it matters, in the module's terms. */
  why: string;
  /** How the better approach reads (from the case study). */
  better: string;
  /** The case study (1-5) whose wrong approach this catches, if any. */
  caseStudy?: number;
  /** The module concept it teaches. */
  concept?: string;
  /** A Markdown artifact on which the rule fires at least once. */
  bad: string;
  /** A Markdown artifact on which the rule does not fire. */
  good: string;
}

export interface RuleMeta<M extends string = string> {
  /** `<area>/<problem>`, also the file path under src/core/rules/. */
  id: string;
  severity: Severity;
  /** Kinds the rule applies to; omitted = every document, whatever its kind. */
  kinds?: string[];
  docs: RuleDocs;
  messages: Record<M, string>;
  /** Set when the rule offers a `fix` (an insertion or edit that is safe to apply). */
  fixable?: boolean;
}

/** An edit with the message (a key of the rule's `messages`) that says what it does. */
export interface ReportedFix<M extends string = string> extends TextEdit {
  messageId?: M;
  data?: Record<string, string | number>;
}

export interface Report<M extends string = string> {
  messageId: M;
  data?: Record<string, string | number>;
  span: Span;
  /** The words that fired; defaults to the reported text when the span is short. */
  words?: string[];
  /** Safe to apply (`--fix`, the editor's Insert). */
  fix?: ReportedFix<M>;
  /** Edits to offer but never apply unasked (quick fixes in an editor). */
  suggest?: (ReportedFix<M> & { messageId: M })[];
  related?: { message: string; span: Span }[];
}

export interface RuleContext<M extends string = string> {
  doc: Doc;
  module: CourseModule;
  /** The document's kind, when known. */
  kind: KindDef | undefined;
  /** How the kind was told (detect.ts `KindSource`): `content` when only what the text does names it. */
  kindSource: 'front-matter' | 'inferred' | 'content' | 'none';
  /** The first section with this key, if present. */
  section(key: string): Section | undefined;
  /**
   * How rules read a section: the view of the first section with this id (its own text, not
   * the kind's other sections nested in it; comments left out), memoised for this check.
   */
  view(key: string): SectionView | undefined;
  /** The view of any section of the document. */
  viewOf(section: Section): SectionView;
  /** A view over the whole body: after the front matter and the title. */
  readonly body: SectionView;
  /** The language layer's memo for this check: pass it to every `analyse(doc.text, span, context.nlp)`. */
  readonly nlp: NlpMemo;
  /** Text of a span. */
  textOf(span: Span): string;
  /**
   * `compute()` once per check under `key`, shared by the rules of the check (an area's helper
   * that two rules call); the core keeps no caches of its own. Name keys after the helper's file.
   */
  once<T>(key: string, compute: () => T): T;
  report(report: Report<M>): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(context: RuleContext<M>): void;
}

/** One member of a `set:` (audience variants of one summary), already checked alone. */
export interface SetMember {
  filePath: string;
  doc: Doc;
  kind: KindDef | undefined;
  section(key: string): Section | undefined;
  view(key: string): SectionView | undefined;
  readonly body: SectionView;
  readonly nlp: NlpMemo;
}

export interface SetRuleContext<M extends string = string> {
  set: string;
  members: SetMember[];
  module: CourseModule;
  report(member: SetMember, report: Report<M>): void;
}

/** A rule over the files of one `set:`, checked together. */
export interface SetRule<M extends string = string> {
  meta: RuleMeta<M>;
  checkSet(context: SetRuleContext<M>): void;
}

export type AnyRule = Rule | SetRule;

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

export function defineSetRule<M extends string>(rule: SetRule<M>): SetRule<M> {
  return rule;
}

export function isSetRule(rule: AnyRule): rule is SetRule {
  return 'checkSet' in rule;
}
