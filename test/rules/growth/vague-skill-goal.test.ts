import rule from '../../../src/core/rules/growth/vague-skill-goal.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const plan = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    plan('Skill goal:\nSam leads the API migration design.\n'),
    { spellings: true, name: 'a wish with the work that shows it', code: plan('## Goal\n\nAna gets better at API design by owning the billing export RFC.\n') },
    { name: 'an imperative goal', code: plan('**Skill goal:** Lead the design of the CRM change-data feed end to end.\n') },
    { name: 'the vague wish, rejected in favour of the work', code: `---\nkind: growth-plan\n---\n\n## Skill goal\n\nNot to get better at design in general: Leo leads the design of the ledger export API.\n` },
    { name: 'a trait with the work that shows it', code: plan('Skill goal:\nDana builds her influence by leading the platform deprecation RFC.\n') },
  ],
  invalid: [
    {
      code: plan('Skill goal:\nSam should get better at system design.\n'),
      errors: [{ messageId: 'vague', line: 6, column: 5, endLine: 6, endColumn: 22, words: ['should get better'] }],
    },
    {
      spellings: true,
      name: 'heading style',
      code: plan('## Growth goal\n\nJo grows their leadership skills.\n'),
      errors: [{ messageId: 'vague', line: 7, column: 4, endLine: 7, endColumn: 33, data: { phrase: 'grows their leadership skills' } }],
    },
    {
      name: 'a lead that is a noun is not leading',
      code: plan('skill goal:\nbecome more strategic, like a tech lead would be.\n'),
      errors: [{ messageId: 'vague', line: 6, column: 8, endLine: 6, endColumn: 22, data: { phrase: 'more strategic' } }],
    },
    {
      spellings: true,
      name: 'confidence and influence',
      code: plan('## Skill goal\n\nDana builds her confidence and grows her influence across the platform group.\n'),
      errors: [{ messageId: 'vague', line: 7, column: 6, endLine: 7, endColumn: 27, data: { phrase: 'builds her confidence' } }],
    },
    {
      name: 'comfortable with the big picture, British',
      code: plan('**Skill goal:** Kofi deepens his technical leadership and gets more comfortable with the wider organisation.\n'),
      errors: [{ messageId: 'vague', line: 5, column: 22, endLine: 5, endColumn: 54, data: { phrase: 'deepens his technical leadership' } }],
    },
  ],
});
