import type { SectionView } from '../../query/section-view.ts';
import { defineRule } from '../define.ts';
import { readPrimary } from './_archetype.ts';

export default defineRule({
  meta: {
    id: 'role/no-primary',
    severity: 'warning',
    kinds: ['role-memo'],
    docs: {
      description: 'The archetype section names no primary Staff archetype (tech lead, architect, solver, right hand).',
      why: 'Case study 2: role clarity starts from one primary archetype. Without it, the memo describes tasks, not a role, and the expectations stay as conflicting as in the scenario ("lead one team, unblock an incident, define architecture...").',
      better: 'Start the archetype section with the primary: "Primary: architect", then a secondary and what you are not currently.',
      caseStudy: 2,
      concept: 'role clarity',
      bad: '---\nkind: role-memo\n---\n\nArchetype:\nA senior engineer who helps wherever needed.\n',
      good: '---\nkind: role-memo\n---\n\nArchetype:\nPrimary: architect across the three payments teams.\n',
    },
    messages: {
      none: '`{{section}}` names no primary archetype, so the memo lists tasks rather than a role. Say which one you are first: tech lead, architect, solver or right hand.',
    },
  },
  check(context) {
    const reading = readPrimary(context);
    if (!reading?.filled || reading.named.length || reading.all.length) return;
    const where = reading.where;
    if (aboutOthers(where, where.title)) return;
    context.report({ messageId: 'none', data: { section: where.title }, span: where.anchor, words: where.section ? [where.title] : [] });
  },
});

/** The writer in the first person: "I", "me", "my", "I'm", "I'll", "myself". */
const FIRST_PERSON = /\b(?:I|me|my|mine|myself)\b|\bI['’](?:m|ll|ve|d)\b/;
/** A group as the subject: "This SIG adheres to...", "The working group follows...", "Members of the committee...". */
const GROUP_SUBJECT =
  /^(?:[*_]*)(?:this|the|our|each|every|all|its)\s+(?:[\w-]+\s+){0,2}(?:sigs?|wgs?|working groups?|groups?|committees?|teams?|councils?|boards?|projects?|communit(?:y|ies)|charters?|org|organi[sz]ations?|sub-?projects?|squads?|guilds?|chapters?|members|chairs|leads|maintainers|departments?)\b/i;

/**
 * A charter's governance section ("Roles and Organization Management: This SIG adheres to the
 * roles outlined in sig-governance") describes the group's roles, not the writer's archetype:
 * it says nothing in the first person and its sentences are about the group, or its title names
 * roles in the plural.
 */
function aboutOthers(view: SectionView, title: string): boolean {
  const text = view.text();
  if (FIRST_PERSON.test(text)) return false;
  if (/\broles\b/i.test(title)) return true;
  const sentences = view.sentences();
  return sentences.length > 0 && sentences.every((s) => GROUP_SUBJECT.test(s.text.trim()));
}
