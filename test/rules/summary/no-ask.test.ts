import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../../src/core/rules/summary/no-ask.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const examples = join(import.meta.dirname, '../../fixtures/examples');
const fm = '---\nkind: exec-summary\naudience: executive\n---\n\n';

ruleTester(rule, {
  valid: [
    { name: 'the module example, `Label:` lines', code: readFileSync(join(examples, 'good/launch-delay-exec.md'), 'utf8') },
    { name: 'a heading Ask with a request noun', code: `${fm}## Decision\n\nDelay the launch two weeks.\n\n## Ask\n\nYour approval of the new date by Friday.\n` },
    { name: 'a bolded ask in prose', code: `${fm}**Decision:** Delay the launch two weeks.\n\n**Ask:** Please sign off on 14 May.\n` },
    { name: 'prose without an Ask section that still asks', code: `${fm}We recommend delaying the launch two weeks. We need your decision by Friday.\n` },
    { name: 'an empty Ask is structure/empty-section\'s finding', code: `${fm}Decision:\nDelay the launch.\n\nAsk:\n\nPlan:\nKeys.\n` },
    { name: 'synonym: `What we need`', code: `${fm}Decision:\nDelay the launch.\n\nWhat we need:\nChoose between the two launch dates by Monday.\n` },
  ],
  invalid: [
    {
      name: 'the module\'s wrong approach (shared bad example): no ask anywhere',
      code: readFileSync(join(examples, 'bad/activity-exec-summary.md'), 'utf8'),
      errors: [{ messageId: 'noAsk', line: 2, column: 1, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'an Ask that requests nothing',
      code: `${fm}Decision:\nDelay the payments launch two weeks.\n\nAsk:\nYour awareness of the new timeline.\n`,
      errors: [{ messageId: 'vagueAsk', line: 10, column: 1, endLine: 10, endColumn: 36, data: { ask: '`Your awareness of the new timeline.`' } }],
    },
    {
      name: 'a heading Ask that only informs, over two sentences',
      code: `${fm}# Launch\n\n## Decision\n\nDelay the launch.\n\n## Ask\n\nNothing yet. We will keep you posted.\n`,
      errors: [{ messageId: 'vagueAsk', line: 14, column: 1, endLine: 14, endColumn: 38 }],
    },
    {
      name: 'a bolded Ask line that informs; the paragraph after it is not the ask',
      code: `${fm}**Decision:** Delay the launch.\n\n**Ask:** For your information.\n\nPlease reach out with questions.\n`,
      errors: [{ messageId: 'vagueAsk', line: 8, column: 10, endLine: 8, endColumn: 31 }],
    },
  ],
});
