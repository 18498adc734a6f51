import rule from '../../../src/core/rules/structure/unknown-kind.ts';
import { ruleTester } from '../../helpers/rule-tester.ts';

ruleTester(rule, {
  valid: [
    '---\nkind: strategy\n---\n\n# Platform strategy\n',
    { name: 'inferred from its sections', code: '## Context\n\nx\n\n## Decision\n\nWe will use Postgres.\n\n## Status\n\nAccepted\n\n## Consequences\n\nBad, because ops.\n' },
    { name: "an unknown kind is front-matter's finding, not this one", code: '---\nkind: novel\n---\n\n# x\n' },
  ],
  invalid: [
    { name: 'a README', code: '# Notes\n\nSome thoughts.\n', errors: [{ messageId: 'unknown', line: 1, column: 1, endLine: 1, endColumn: 1 }] },
    { name: 'empty text', code: '', errors: [{ messageId: 'unknown', line: 1, column: 1, endLine: 1, endColumn: 1 }] },
  ],
});
