import type { KindDef, SectionDef } from '../../course/schema.ts';
import type { TextEdit } from '../../engine/diagnostic.ts';
import type { Doc, Section } from '../../model/types.ts';
import { documentAnchor } from '../../query/doc-query.ts';
import { defineRule } from '../define.ts';
import { missingWithCandidates, unplayedSections } from './_missing.ts';

export default defineRule({
  meta: {
    id: 'structure/required-section',
    severity: 'error',
    fixable: true,
    docs: {
      description: 'Every section the artifact kind requires is present.',
      why: 'Each required artifact in the module names its parts: a strategy needs diagnosis, guiding policy, coherent actions, anti-scope and success metrics; an escalation brief needs the decision, facts, options, a recommendation and a decision maker. A missing part is usually the wrong approach in disguise: a strategy without a diagnosis is a roadmap. This rule reports a section only when no heading, label or field of the document could be it, no paragraph of prose outside the recognised sections could hold it, and no sentence or table row says it ("Could you sign off on the new date by Wednesday?" in a closing line, "I\'ll stay out of on-call triage" under Scope, a row `| Support | I review her draft |`); when one could, `structure/unrecognised-section` asks you to name it instead. A part the module marks as needing its words (a growth plan\'s Visibility) is missing too when its section says none of them: "Recognition: good work speaks for itself; I\'ll give her feedback" is private praise, not a moment where others see the work.',
      better: 'Add the missing section under its heading or as a `Label:` line, with content that answers its hint.',
      concept: 'required artifact',
      bad: '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design.\n\nSupport:\nI review the draft by 5 March.\n',
      good: '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design.\n\nOpportunity:\nSam presents the RFC to architecture review on 12 March.\n\nSupport:\nI review the draft by 5 March.\n\nVisibility:\nThe April status update names Sam as owner.\n',
    },
    messages: {
      missing: 'The {{kind}} has no `{{section}}` section. {{hint}}',
      unplayed: 'The `{{heading}}` section has the name of a `{{section}}` section but none of its content, so the {{kind}} still lacks one. {{hint}}',
      insertSection: 'Insert the "{{section}}" section skeleton',
    },
  },
  check(context) {
    const { doc, kind } = context;
    if (!kind) return;
    for (const { def, candidates, prose, said } of missingWithCandidates(context)) {
      // A heading staffwork does not know, loose prose or a sentence that says the part may be this
      // section: structure/unrecognised-section asks for its name, and nothing is inserted beside it.
      if (candidates.length || prose || said) continue;
      const data = { kind: kind.name.toLowerCase(), section: def.title, hint: def.hint ?? '' };
      context.report({ messageId: 'missing', data, span: documentAnchor(doc), words: [], fix: { ...insertSection(doc, kind, def), messageId: 'insertSection', data: { section: def.title } } });
    }
    // Named but not played: a "Visibility" of private praise has the heading, not the part.
    for (const { def, section } of unplayedSections(context)) {
      const data = { kind: kind.name.toLowerCase(), section: def.title, heading: section.title, hint: def.hint ?? '' };
      context.report({ messageId: 'unplayed', data, span: section.titleSpan, words: [section.title] });
    }
  },
});

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
