import { defineRule } from '../define.ts';
import { codeList } from '../../text/format.ts';
import { distinct, readPrimary } from './_archetype.ts';

export default defineRule({
  meta: {
    id: 'role/multiple-primary',
    severity: 'error',
    kinds: ['role-memo'],
    docs: {
      description: 'The memo claims more than one primary Staff archetype (tech lead, architect, solver, right hand), or "all of them".',
      why: 'Case study 2: a senior IC asked to "act like Staff" is handed every senior task (lead a team, unblock incidents, define architecture, mentor, represent the group). StaffEng\'s archetypes exist to pick one: each has its own leverage and its own risk (a tech lead is too local, a solver becomes a bottleneck). Claiming several as primary is the wrong approach itself: "Staff engineer" means doing every senior task.',
      better: 'Name one primary archetype and move the rest to secondary or "not currently": "Primary: architect. Secondary: tech lead for the migration phase. Not currently: incident solver for every escalation."',
      caseStudy: 2,
      concept: 'Staff+ archetypes',
      bad: '---\nkind: role-memo\n---\n\nArchetype:\nTech lead, architect, solver and right hand.\n',
      good: '---\nkind: role-memo\n---\n\nArchetype:\nPrimary: architect across the three payments teams.\nSecondary: tech lead for the migration phase.\nNot currently: incident solver for every escalation.\n',
    },
    messages: {
      several: 'The memo names {{count}} primary archetypes ({{names}}): that is "Staff means every senior task", and nobody can tell which work you will drop. Keep one primary and move the others to secondary or not currently.',
      all: 'The memo claims every archetype (`{{phrase}}`): that is "Staff means every senior task", and nobody can tell which work you will drop. Keep one primary and move the others to secondary or not currently.',
    },
  },
  check(context) {
    const reading = readPrimary(context);
    if (!reading) return;
    const named = distinct(reading.named);
    if (named.length >= 2) {
      const first = reading.named[0]!;
      const last = reading.named[reading.named.length - 1]!;
      context.report({
        messageId: 'several',
        data: { count: named.length, names: codeList(named.map((n) => n.text)) },
        span: { start: first.start, end: last.end },
        words: [...named.map((n) => n.text), ...reading.all.map((a) => a.text)],
      });
    } else if (reading.all.length) {
      const all = reading.all[0]!;
      context.report({ messageId: 'all', data: { phrase: all.text }, span: all, words: [all.text] });
    }
  },
});
