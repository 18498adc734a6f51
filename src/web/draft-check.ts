// What the editor shows for a text: the core's findings plus the title, kind, section outline
// and the status of the other members of its set, as plain data so it can cross from the lint
// worker to the page. The open text and the other members live in one core Project (every
// member the server gives is one: they are one learner's artifacts of this set).
import { builtinRules, createCheckMemo, defaultModule, hasContent, Project, type Diagnostic, type TextEdit } from '../core/index.ts';

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

export interface DraftCheck {
  diagnostics: Diagnostic[];
  kind: { id: string; name: string; case?: number } | null;
  title: string;
  outline: OutlineRow[];
  /** The `set:` the text belongs to, and its audience (blank or unsaid: the kind's first, as the rules read it). */
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

/** The open artifact's project with the other members in it (by artifact id). */
export interface PreparedMembers {
  project: Project;
  ids: readonly string[];
}

// One memo for this page's checks: a keystroke re-tags only the edited paragraph.
const memo = createCheckMemo();

/**
 * Puts the other members of a set in the project (into `previous`'s, when given: members whose
 * text did not change are not checked again), so a keystroke re-checks only the open text and
 * runs the set rules over the checked members.
 */
export function prepareMembers(members: MemberText[], previous?: PreparedMembers): PreparedMembers {
  const project = previous?.project ?? new Project({ module: defaultModule, rules: builtinRules, membership: 'all', memo });
  const ids = members.map((m) => m.id);
  for (const id of previous?.ids ?? []) if (!ids.includes(id)) project.remove(id);
  for (const m of members) project.upsert(m.id, m.text, { filePath: m.name.replace(/[\\/]/g, '-') });
  return { project, ids };
}

export function checkDraft(text: string, filePath: string, members: PreparedMembers = prepareMembers([])): DraftCheck {
  const { project } = members;
  project.upsert(filePath, text);
  const result = project.result(filePath);
  if (!result) throw new Error('the project lost the open text');
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
    diagnostics: [...result.diagnostics],
    kind: kind ? { id: kind.id, name: kind.name, ...(kind.case ? { case: kind.case } : {}) } : null,
    title: result.title,
    outline,
    set: result.set ?? null,
    audience: result.audience ?? null,
    disagreements: result.setDiagnostics.map((d) => firstSentence(d.message)),
    members: result.members.flatMap((id) => {
      const m = members.ids.includes(id) ? project.result(id) : undefined;
      return m ? [{ id, errors: m.errorCount, warnings: m.warningCount, disagreements: m.setDiagnostics.map((d) => firstSentence(d.message)) }] : [];
    }),
  };
}

function firstSentence(s: string): string {
  return (/^(.+?[.!?])(\s|$)/.exec(s)?.[1] ?? s).replace(/`/g, '');
}
