// What the editor shows for a text: the core's findings plus the title, kind and section
// outline, as plain data so it can cross from the lint worker to the page.
import { builtinRules, checkSets, checkText, defaultModule, titleOf, type Diagnostic, type FileResult } from '../core/index.ts';
import { hasContent } from '../core/rules/util.ts';

export interface OutlineRow {
  id: string;
  title: string;
  required: boolean;
  state: 'present' | 'empty' | 'missing';
  /** Where the section's title is, when present. */
  at?: [number, number];
}

export interface Analysis {
  diagnostics: Diagnostic[];
  kind: { id: string; name: string; case?: number } | null;
  title: string;
  outline: OutlineRow[];
  /** The `set:` the text belongs to, and its audience (executive when unsaid, as the rules read it). */
  set: string | null;
  audience: string | null;
}

/** Another artifact of the open one's set, as the server last gave it. */
export interface MemberText {
  id: string;
  /** What the set rule calls it in messages (the rule shows the last path segment). */
  name: string;
  text: string;
}

/**
 * The other members of a set, parsed once when their texts arrive (no rules run on them), so a
 * keystroke re-parses only the open text and runs the set rules over the parsed members.
 */
export function prepareMembers(members: MemberText[]): FileResult[] {
  return members.map((m) => checkText(m.text, { ...CHECK, rules: [], filePath: m.name.replace(/[\\/]/g, '-') }));
}

const CHECK = { module: defaultModule, rules: builtinRules, docsBase: '/rules/' };

export function analyse(text: string, filePath: string, members: readonly FileResult[] = []): Analysis {
  const result = checkText(text, { ...CHECK, filePath });
  const same = result.set ? members.filter((m) => m.set === result.set) : [];
  // Fresh copies: checkSets adds findings to every member; only the open text's are shown.
  if (same.length) checkSets([result, ...same.map((m) => ({ ...m, diagnostics: [] }))], CHECK);
  const { doc, kind } = result;
  const outline: OutlineRow[] = (kind?.sections ?? [])
    .filter((def) => def.required || doc.sections.some((s) => s.key === def.id))
    .map((def) => {
      const s = doc.sections.find((x) => x.key === def.id);
      if (!s) return { id: def.id, title: def.title, required: def.required, state: 'missing' };
      return { id: def.id, title: def.title, required: def.required, state: hasContent(doc, s) ? 'present' : 'empty', at: [s.titleSpan.start, s.titleSpan.end] };
    });
  return {
    diagnostics: result.diagnostics,
    kind: kind ? { id: kind.id, name: kind.name, ...(kind.case ? { case: kind.case } : {}) } : null,
    title: titleOf(doc) ?? 'Untitled artifact',
    outline,
    set: result.set ?? null,
    audience: result.set || kind?.id === 'exec-summary' ? audienceOf(doc.frontMatter?.data['audience']) : null,
  };
}

function audienceOf(value: unknown): string {
  return typeof value === 'string' && value.trim() ? value.trim().toLowerCase() : 'executive';
}
