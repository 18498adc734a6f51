import { lexicon } from '../../lexicon/index.ts';
import { defineRule } from '../define.ts';
import { findAll, sectionText } from '../util.ts';

const ADR = '---\nkind: adr\n---\n\n# ADR 7: Use PostgreSQL for the ledger\n\n## Decision\n\nWe will use PostgreSQL for the ledger.\n\n## Consequences\n\n';
/** A section of its own for the downsides ("Negative Consequences", "Cons", "Risks"). */
const NEGATIVE_TITLE = /\b(?:negative|bad|cons|downsides?|drawbacks?|risks?|trade-?offs?|costs?)\b/i;

export default defineRule({
  meta: {
    id: 'adr/no-downside',
    severity: 'warning',
    kinds: ['adr'],
    docs: {
      description: 'An ADR whose consequences name no downside: no "Bad, because", negative consequence, cost or risk.',
      why:
        'Architectural Decision Records record all consequences, good and bad; every case study\'s tradeoff table gives each choice a cost. Consequences that are all upside read as advocacy, and the team meets the costs later with no record that anyone accepted them.',
      better: 'List what the decision costs next to what it gains: "Good, because ledger writes are transactional. Bad, because the team must run PostgreSQL backups."',
      concept: 'decision records, tradeoffs',
      bad: `${ADR}* Good, because ledger writes are transactional.\n* Good, because the team knows PostgreSQL.\n`,
      good: `${ADR}* Good, because ledger writes are transactional.\n* Bad, because we must run backups and failover ourselves.\n`,
    },
    messages: {
      noDownside: 'The `{{section}}` section names no downside: every choice costs something, and an ADR that lists only gains reads as advocacy. Add what the decision costs ("Bad, because ...", a risk, the work it creates).',
    },
  },
  check(context) {
    const { doc } = context;
    const section = context.section('consequences');
    if (!section || !sectionText(doc, section).trim()) return;
    if (findAll(doc, section.contentSpan, lexicon('downside'), section.blocks).length) return;
    const elsewhere = doc.sections.some((s) => s !== section && NEGATIVE_TITLE.test(s.title) && sectionText(doc, s).trim());
    if (elsewhere) return;
    context.report({ messageId: 'noDownside', data: { section: section.title }, span: section.titleSpan, words: [section.title] });
  },
});
