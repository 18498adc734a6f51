import { lexicon } from '../../lexicon/index.ts';
import type { Doc, Span } from '../../model/types.ts';
import { defineRule } from '../define.ts';
import { anchor } from '../structure/required-section.ts';
import { findAll } from '../util.ts';

const ADR = '---\nkind: adr\n---\n\n# ADR 7: Use PostgreSQL for the ledger\n\n';
/** `Status: accepted` as a line or list item (MADR 2), outside a status section. */
const STATUS_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?status(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*(.*)$/gim;

export default defineRule({
  meta: {
    id: 'adr/status',
    severity: 'warning',
    kinds: ['adr'],
    docs: {
      description: 'An ADR with no status, or a status that is not one of proposed, accepted, rejected, deprecated or superseded (by ...).',
      why:
        'The module uses Architectural Decision Records to structure decisions around options and consequences. A reader months later must know whether the decision still holds; without a status (or with a made-up one) they cannot tell a proposal from a decision that was superseded.',
      better: 'Give the ADR a status: "Status: accepted" (Nygard\'s `## Status` section, MADR\'s `status:` front matter), or "superseded by ADR 12" with a link.',
      concept: 'decision records',
      bad: `${ADR}## Status\n\nMaybe\n\n## Context\n\nThe ledger needs transactions.\n`,
      good: `${ADR}## Status\n\nAccepted\n\n## Context\n\nThe ledger needs transactions.\n`,
    },
    messages: {
      missing: 'The ADR has no status, so a reader cannot tell a proposal from a decision in force. Add "Status: proposed" (or accepted, rejected, deprecated, superseded by ...).',
      unknown: 'The ADR status `{{words}}` is not one readers know. Use proposed, accepted, rejected, deprecated or superseded (by ...).',
    },
  },
  check(context) {
    const { doc } = context;
    const found = statusOf(doc, context.section('status')?.contentSpan);
    if (!found) {
      context.report({ messageId: 'missing', span: anchor(doc), words: [] });
      return;
    }
    const re = lexicon('adr-status');
    if (!re.test(found.text)) context.report({ messageId: 'unknown', data: { words: found.text }, span: found, words: [found.text] });
  },
});

/** The status value: front matter `status:`, else the status section's first line, else a `Status:` line. */
function statusOf(doc: Doc, sectionSpan: Span | undefined): (Span & { text: string }) | undefined {
  const fm = doc.frontMatter;
  const value = fm?.data['status'];
  if (fm && (typeof value === 'string' || typeof value === 'number') && String(value).trim()) {
    const m = /^status:[ \t]*(.*?)[ \t]*$/m.exec(doc.text.slice(fm.span.start, fm.span.end));
    const start = m ? fm.span.start + m.index + m[0].indexOf(m[1] as string) : 0;
    return { start, end: start + (m?.[1]?.length ?? 0), text: String(value) };
  }
  if (sectionSpan) {
    const line = findAll(doc, sectionSpan, /[^\s\-*+>|][^\n]*[^\s|]|[^\s\-*+>|]/g)[0];
    if (line) return line;
  }
  const body = { start: fm?.span.end ?? 0, end: doc.text.length };
  for (const m of findAll(doc, body, STATUS_LINE)) {
    const v = /:(?:\*\*|__)?[ \t]*(.*?)[ \t]*$/.exec(m.text);
    if (!v?.[1]) continue;
    const start = m.start + (v.index ?? 0) + v[0].indexOf(v[1]);
    return { start, end: start + v[1].length, text: v[1] };
  }
  return undefined;
}
