import type { Doc, Section } from '../../model/types.ts';
import type { KindDef, SectionDef } from '../../course/schema.ts';
import type { TextEdit } from '../../engine/diagnostic.ts';
import { impliedSections, nameHeads, sectionTokens } from '../../kinds/detect.ts';
import { stem } from '../../kinds/normalise.ts';
import { documentAnchor } from '../../query/doc-query.ts';
import { defineRule } from '../define.ts';

export default defineRule({
  meta: {
    id: 'structure/required-section',
    severity: 'error',
    fixable: true,
    docs: {
      description: 'Every section the artifact kind requires is present.',
      why:
        'Each required artifact in the module names its parts: a strategy needs diagnosis, guiding policy, coherent actions, anti-scope and success metrics; an escalation brief needs the decision, facts, options, a recommendation and a decision maker. A missing part is usually the wrong approach in disguise: a strategy without a diagnosis is a roadmap.',
      better: 'Add the missing section under its heading or as a `Label:` line, with content that answers its hint.',
      concept: 'required artifact',
      bad: '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design.\n\nSupport:\nI review the draft by 5 March.\n',
      good:
        '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design.\n\nOpportunity:\nSam presents the RFC to architecture review on 12 March.\n\nSupport:\nI review the draft by 5 March.\n\nVisibility:\nThe April status update names Sam as owner.\n',
    },
    messages: {
      missing: 'The {{kind}} has no `{{section}}` section. {{hint}}',
      lookalike: 'The {{kind}} has no `{{section}}` section that staffwork recognises; if `{{heading}}` is it, name it `{{section}}`. {{hint}}',
      insertSection: 'Insert the "{{section}}" section skeleton',
    },
  },
  check(context) {
    const { doc, kind } = context;
    if (!kind) return;
    // A Y-statement carries context, decision and consequences in one sentence.
    const implied = impliedSections(doc, kind);
    for (const def of kind.sections) {
      if (!def.required || context.section(def.id) || implied.has(def.id)) continue;
      const data = { kind: kind.name.toLowerCase(), section: def.title, hint: def.hint ?? '' };
      // Never insert a second section beside one the writer has under another name.
      const like = lookalike(doc, def);
      if (like) context.report({ messageId: 'lookalike', data: { ...data, heading: like.title }, span: like.titleSpan, words: [like.title] });
      else context.report({ messageId: 'missing', data, span: documentAnchor(doc), words: [], fix: { ...insertSection(doc, kind, def), messageId: 'insertSection', data: { section: def.title } } });
    }
  },
});

// Words too common in headings to say which section one is.
const GENERIC = new Set(['what', 'will', 'how', 'who', 'when', 'why', 'need', 'this', 'that', 'with', 'from', 'your', 'their', 'plan', 'summari', 'note', 'detail', 'overview', 'other', 'more', 'inform'].map((w) => stem(w)));

/** An unassigned heading or label that shares the head word of one of the section's names ("Risks we see" for "Risk"). */
function lookalike(doc: Doc, def: SectionDef): Section | undefined {
  // The head word of each name: "Factors in the decision" is not "Consequences of the decision".
  const words = [...nameHeads(def)].filter((t) => t.length >= 4 && !GENERIC.has(t));
  if (!words.length) return undefined;
  const tokens = sectionTokens(doc);
  return doc.sections.find((s, i) => !s.key && s.style !== 'field' && !(s.style === 'heading' && s.depth === 1) && (tokens[i] ?? []).some((t) => words.includes(t)));
}

/** A skeleton for `def`, in the document's own style, after the section that precedes it. */
export function insertSection(doc: Doc, kind: KindDef, def: SectionDef): TextEdit {
  const keyed = doc.sections.filter((s) => s.key);
  const useLabels = keyed.length > 0 ? keyed.filter((s) => s.style !== 'heading').length > keyed.length / 2 : !doc.sections.some((s) => s.style === 'heading' && s.depth > 1);
  const depth = keyed.find((s) => s.style === 'heading')?.depth ?? 2;
  const order = kind.sections.map((s) => s.id);
  const before = order.slice(0, order.indexOf(def.id)).reverse();
  let after: Section | undefined;
  for (const id of before) {
    after = keyed.find((s) => s.key === id);
    if (after) break;
  }
  // Nothing of the kind comes before it: it goes before the first section that comes after it.
  const later = new Set(order.slice(order.indexOf(def.id) + 1));
  const next = after ? undefined : keyed.filter((s) => later.has(s.key as string)).sort((a, b) => a.titleSpan.start - b.titleSpan.start)[0];
  const at = after ? after.span.end : next ? doc.text.lastIndexOf('\n', next.titleSpan.start - 1) + 1 : doc.text.length;
  const hint = def.hint ? `<!-- ${def.hint.replace(/--/g, '-')} -->` : '';
  const body = useLabels ? `${def.title}:\n${hint}\n` : `${'#'.repeat(depth)} ${def.title}\n\n${hint}\n`;
  const lead = at > 0 && !doc.text.slice(0, at).endsWith('\n\n') ? (doc.text.slice(0, at).endsWith('\n') ? '\n' : '\n\n') : '';
  const trail = at < doc.text.length ? '\n' : '';
  return { range: [at, at], text: `${lead}${body}${trail}` };
}
