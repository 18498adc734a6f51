// What the editor shows for a text: the core's findings plus the title, kind and section
// outline, as plain data so it can cross from the lint worker to the page.
import { builtinRules, checkText, defaultModule, type Diagnostic } from '../core/index.ts';
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
}

const CHECK = { module: defaultModule, rules: builtinRules, docsBase: '/rules/' };

export function analyse(text: string, filePath: string): Analysis {
  const result = checkText(text, { ...CHECK, filePath });
  const { doc, kind } = result;
  const fmTitle = doc.frontMatter?.data['title'];
  const h1 = doc.sections.find((s) => s.style === 'heading' && s.depth === 1)?.title;
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
    title: (typeof fmTitle === 'string' && fmTitle.trim()) || h1 || 'Untitled artifact',
    outline,
  };
}
