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
    context.report({ messageId: 'none', data: { section: reading.where.title }, span: reading.where.titleSpan, words: [reading.where.title] });
  },
});
