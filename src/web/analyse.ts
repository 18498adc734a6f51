// What the editor shows for a text: the core's findings plus the title, kind, section outline
// and the status of the other members of its set, as plain data so it can cross from the lint
// worker to the page.
import { builtinRules, checkSets, checkText, createCheckMemo, defaultModule, hasContent, titleOf, type Diagnostic, type FileResult, type TextEdit } from '../core/index.ts';

export interface OutlineRow {
  id: string;
  title: string;
  required: boolean;
  state: 'present' | 'empty' | 'missing';
  /** Where the section's title is, when present. */
  at?: [number, number];
  /** For a missing required section: the edit the core's finding carries to insert it. */
  insert?: TextEdit;
}

/** Another variant of the open artifact's set, as the checks see it with the open text. */
export interface MemberStatus {
  id: string;
  errors: number;
  warnings: number;
  /** The set findings reported on that variant (where it disagrees with a sibling), first sentences. */
  disagreements: string[];
}

export interface Analysis {
  diagnostics: Diagnostic[];
  kind: { id: string; name: string; case?: number } | null;
  title: string;
  outline: OutlineRow[];
  /** The `set:` the text belongs to, and its audience (executive when unsaid, as the rules read it). */
  set: string | null;
  audience: string | null;
  members: MemberStatus[];
  /** The set findings on the open text (where it disagrees with a sibling), first sentences. */
  disagreements: string[];
}

/** Another artifact of the open one's set, as the server last gave it. */
export interface MemberText {
  id: string;
  /** What the set rule calls it in messages (the rule shows the last path segment). */
  name: string;
  text: string;
}

export interface PreparedMember {
  id: string;
  result: FileResult;
}

// One memo for this page's checks: a keystroke re-tags only the edited paragraph.
const CHECK = { module: defaultModule, rules: builtinRules, memo: createCheckMemo() };

/**
 * The other members of a set, checked once when their texts arrive, so a keystroke re-parses
 * only the open text and runs the set rules over the parsed members.
 */
export function prepareMembers(members: MemberText[]): PreparedMember[] {
  return members.map((m) => ({ id: m.id, result: checkText(m.text, { ...CHECK, filePath: m.name.replace(/[\\/]/g, '-') }) }));
}

export function analyse(text: string, filePath: string, members: readonly PreparedMember[] = []): Analysis {
  const result = checkText(text, { ...CHECK, filePath });
  const same = result.set ? members.filter((m) => m.result.set === result.set) : [];
  // Fresh copies: checkSets adds findings to every member, and the prepared ones stay as they are.
  const copies = same.map((m) => ({ ...m.result, diagnostics: [] as Diagnostic[] }));
  const own = result.diagnostics.length;
  if (same.length) checkSets([result, ...copies], CHECK);
  const disagreements = result.diagnostics.slice(own).map((d) => firstSentence(d.message));
  const { doc, kind } = result;
  const missing = result.diagnostics.filter((d) => d.ruleId === 'structure/required-section' && d.fix);
  const outline: OutlineRow[] = (kind?.sections ?? [])
    .filter((def) => def.required || doc.sections.some((s) => s.key === def.id))
    .map((def) => {
      const s = doc.sections.find((x) => x.key === def.id);
      if (!s) {
        const finding = missing.find((d) => (d as { data?: Record<string, unknown> }).data?.['section'] === def.title || d.message.includes(`\`${def.title}\``));
        return { id: def.id, title: def.title, required: def.required, state: 'missing', ...(finding?.fix ? { insert: finding.fix } : {}) };
      }
      return { id: def.id, title: def.title, required: def.required, state: hasContent(doc, s) ? 'present' : 'empty', at: [s.titleSpan.start, s.titleSpan.end] };
    });
  return {
    diagnostics: result.diagnostics,
    kind: kind ? { id: kind.id, name: kind.name, ...(kind.case ? { case: kind.case } : {}) } : null,
    title: titleOf(doc) ?? 'Untitled artifact',
    outline,
    set: result.set ?? null,
    audience: result.set || kind?.id === 'exec-summary' ? audienceOf(doc.frontMatter?.data['audience']) : null,
    disagreements,
    members: same.map((m, i) => {
      const own = m.result.diagnostics;
      const setFindings = (copies[i] as FileResult).diagnostics;
      const all = [...own, ...setFindings];
      return {
        id: m.id,
        errors: all.filter((d) => d.severity === 'error').length,
        warnings: all.filter((d) => d.severity === 'warning').length,
        disagreements: setFindings.map((d) => firstSentence(d.message)),
      };
    }),
  };
}

function firstSentence(s: string): string {
  return (/^(.+?[.!?])(\s|$)/.exec(s)?.[1] ?? s).replace(/`/g, '');
}

function audienceOf(value: unknown): string {
  return typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : 'executive';
}
