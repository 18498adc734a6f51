import rule from '../../../src/core/rules/role/allocation-in-non-scope.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

const memo = (body: string) => `---\nkind: role-memo\n---\n\n${body}`;

ruleTester(rule, {
  valid: [
    memo('Non-scope:\nDay-to-day sprint planning for the ledger team; executive status reporting; hiring loops.\n\nWeekly allocation:\n- 50% architecture reviews\n- 30% ledger migration tech lead work\n- 20% mentoring and writing\n'),
    { name: 'no non-scope', code: memo('Weekly allocation:\n- 100% incident response\n') },
    {
      spellings: true,
      name: 'the same word, different work',
      code: memo(
        '## Non-scope\n\n- Incident command for checkout outages (the SRE rotation owns it).\n\n## Weekly allocation\n\n| Work | Share |\n|---|---|\n| Checkout architecture | 70% |\n| Postmortem reviews for design flaws | 30% |\n',
      ),
    },
    {
      spellings: true,
      name: 'the owner named in the non-scope is not excluded work',
      code: memo(
        '## Non-scope\n\n- Day-to-day delivery on either programme; the programme directors and their tech leads own delivery.\n- The QBR deck. Mariam presents it; I review the technical pages only.\n\n## Weekly allocation\n\n- 60% architecture for both programmes\n- 25% risk review with the programme directors\n- 15% reviewing the technical pages of the QBR deck\n',
      ),
    },
  ],
  invalid: [
    {
      spellings: true,
      name: 'a table row that buys back excluded work',
      code: memo('**Non-scope:** production-line incident response; supplier audits.\n\n## Weekly allocation\n\n| Work | Share |\n|---|---|\n| Test-station architecture | 80% |\n| Production-line incident response | 20% |\n'),
      errors: [{ messageId: 'contradicts', line: 12, column: 1, endLine: 12, endColumn: 44, data: { section: 'Non-scope', entry: 'Production-line incident response; 20%', exclusion: 'production-line incident response' } }],
    },
    {
      code: memo('Non-scope:\nIncident response; the on-call rotation owns it.\n\nWeekly allocation:\n- 70% architecture reviews\n- 30% incident response\n'),
      errors: [{ messageId: 'contradicts', line: 10, column: 3, endLine: 10, endColumn: 24, data: { exclusion: 'Incident response', entry: '30% incident response', section: 'Non-scope' } }],
    },
    {
      spellings: true,
      name: 'a "Not currently" field',
      code: memo('## Archetype\n\nPrimary: architect\nNot currently: executive status reporting\n\n## Typical week\n\n- 20h design reviews\n- 10h executive status reporting\n'),
      errors: [{ messageId: 'contradicts', line: 13, column: 3, endLine: 13, endColumn: 33, data: { section: 'Not currently', entry: '10h executive status reporting', exclusion: 'executive status reporting' } }],
    },
  ],
});
