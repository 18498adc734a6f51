import { defineRule } from '../define.ts';
import { checkOptionCount } from '../options.ts';

const ADR = '---\nkind: adr\n---\n\n# ADR 7: Use PostgreSQL for the ledger\n\n## Context\n\nThe ledger needs multi-row transactions.\n\n';

export default defineRule({
  meta: {
    id: 'adr/single-option',
    severity: 'warning',
    kinds: ['adr'],
    docs: {
      description: 'An ADR whose considered options list fewer than two options ("Alternatives considered: None").',
      why:
        'The module\'s source map uses Architectural Decision Records to structure decisions "around options and consequences". With one option the record is an announcement: nobody can see what was weighed or why the others lost, so the decision gets relitigated.',
      better: 'List at least two considered options, including doing nothing or the status quo, and say why the chosen one won ("Chosen option: X, because ...").',
      concept: 'decision records, options',
      bad: `${ADR}## Considered Options\n\n* PostgreSQL\n\n## Decision Outcome\n\nChosen option: PostgreSQL.\n`,
      good: `${ADR}## Considered Options\n\n* PostgreSQL\n* DynamoDB\n\n## Decision Outcome\n\nChosen option: PostgreSQL, because it has transactions.\n`,
    },
    messages: {
      none: 'The `{{section}}` section lists no alternative, so the ADR is an announcement, not a decision. Add the options you weighed (doing nothing counts) and why they lost.',
      one: 'The `{{section}}` section lists one option (`{{option}}`): a reader cannot see what it was weighed against. Add at least one more option (doing nothing counts) and why it lost.',
    },
  },
  check: checkOptionCount,
});
