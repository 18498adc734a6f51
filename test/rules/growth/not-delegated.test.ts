import rule from '../../../src/core/rules/growth/not-delegated.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const plan = (body: string) => `---\nkind: growth-plan\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    plan('Opportunity:\nSam owns the API migration RFC and presents it to the architecture review on 12 March.\n'),
    { spellings: true, name: 'the writer delegates', code: plan('## Delegated artifact\n\nI delegate the billing export RFC to Ana for the June review.\n') },
    { name: 'no opportunity section: structure/required-section', code: plan('Skill goal:\nSam leads the design.\n') },
    { name: 'the mentor sits in, the person chairs', code: plan("opportunity:\nWen chairs the SLO review for the search API on 7 August. I'll sit in but won't speak unless she asks.\n") },
    { spellings: true, name: 'the writer attends, the person runs it', code: plan('## Opportunity\n\nKai runs the replay-system design review on 22 July; I will attend and take notes for him.\n') },
    { name: 'a bold field with a talk', code: plan('**Opportunity:** Aisha gives a talk on the upload component at the frontend guild on 17 June.\n') },
    { spellings: true, name: 'participation that is denied, ownership that is stated', code: `---\nkind: growth-plan\n---\n\n## Opportunity\n\nPriya will not shadow the review; she owns the cutover runbook and presents it on 12 March.\n` },
    { spellings: true, name: 'the person writes it and takes it through review', code: plan('## Opportunity\n\nThe retention-policy RFC: Tomás writes it and takes it through the data council on 9 June. I do not co-write it.\n') },
    { name: 'a subjectless field is about the person', code: plan('**What she owns:** drafts the capacity model and decides the rollout order; due 3 May.\n') },
    { name: 'let her lead', code: plan("Opportunity:\nI'll step back and let her lead the vendor evaluation from 1 April.\n") },
  ],
  invalid: [
    {
      name: 'shadowing',
      code: plan('Opportunity:\nJo shadows me at the architecture review and takes notes while I present.\n'),
      errors: [{ messageId: 'passive', line: 6, column: 4, endLine: 6, endColumn: 11, words: ['shadows', 'takes notes'] }],
    },
    {
      spellings: true,
      name: 'nothing to own',
      code: plan('## Opportunity\n\nA stretch project this quarter.\n'),
      errors: [{ messageId: 'nothing', line: 7, column: 1, endLine: 7, endColumn: 32 }],
    },
    {
      spellings: true,
      name: 'helping the writer, in a list',
      code: plan("## Opportunity\n\n- Ana helps me with the remote cache RFC.\n- She'll gather the build-timing data and shadow me while I write it.\n"),
      errors: [{ messageId: 'passive', line: 7, column: 7, endLine: 7, endColumn: 15, words: ['helps me', 'shadow'] }],
    },
    {
      name: '"his own" is not ownership',
      code: plan('Opportunity:\nLeo sits in on the design reviews on his own schedule from March.\n'),
      errors: [{ messageId: 'passive', line: 6, column: 5, endLine: 6, endColumn: 15, words: ['sits in on'] }],
    },
    {
      spellings: true,
      name: 'the writer writes and presents; the person only helps',
      code: plan("## Opportunity\n\nI'll write the caching RFC with Priya's input and present it to the architecture board on 4 May.\n"),
      errors: [{ messageId: 'nothing', line: 7, column: 1, endLine: 7, endColumn: 97 }],
    },
    {
      name: 'feedback on her drafts is not her owning anything',
      code: plan("Opportunity:\nWe'll meet weekly and I'll give feedback on her drafts whenever she writes one.\n"),
      errors: [{ messageId: 'nothing', line: 6, column: 1, endLine: 6, endColumn: 80 }],
    },
  ],
});
