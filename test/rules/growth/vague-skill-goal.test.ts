import rule from '../../../src/core/rules/growth/vague-skill-goal.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const plan = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    plan('Skill goal:\nSam leads the API migration design.\n'),
    { spellings: true, name: 'a wish with the work that shows it', code: plan('## Goal\n\nAna gets better at API design by owning the billing export RFC.\n') },
    { name: 'an imperative goal', code: plan('**Skill goal:** Lead the design of the CRM change-data feed end to end.\n') },
    { name: 'the vague wish, rejected in favour of the work', code: `---\nkind: growth-plan\n---\n\n## Skill goal\n\nNot to get better at design in general: Leo leads the design of the ledger export API.\n` },
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
  ],
});
