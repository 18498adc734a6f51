import { mentions } from '../../lexicon/index.ts';
import type { Doc, Span } from '../../model/types.ts';
import type { Match } from '../../text/match.ts';
import { defineRule, type RuleContext } from '../define.ts';

const ADR = '---\nkind: adr\n---\n\n# ADR 7: Use PostgreSQL for the ledger\n\n';

export default defineRule({
  meta: {
    id: 'adr/status',
    severity: 'warning',
    kinds: ['adr'],
    docs: {
      description: 'An ADR with no status, a status that is not one of proposed, accepted, rejected, deprecated or superseded (by ...), or one accepted only on a condition ("agreed in principle, pending budget").',
      why: 'The module uses Architectural Decision Records to structure decisions around options and consequences. A reader months later must know whether the decision still holds; without a status (or with a made-up one) they cannot tell a proposal from a decision that was superseded.',
      better: 'Give the ADR a status: "Status: accepted" (Nygard\'s `## Status` section, MADR\'s `status:` front matter), or "superseded by ADR 12" with a link.',
      concept: 'decision records',
      bad: `${ADR}## Status\n\nMaybe\n\n## Context\n\nThe ledger needs transactions.\n`,
      good: `${ADR}## Status\n\nAccepted\n\n## Context\n\nThe ledger needs transactions.\n`,
    },
    messages: {
      missing: 'The ADR has no status, so a reader cannot tell a proposal from a decision in force. Add "Status: proposed" (or accepted, rejected, deprecated, superseded by ...).',
      unknown: 'The ADR status `{{words}}` is not one readers know. Use proposed, accepted, rejected, deprecated or superseded (by ...).',
      conditional:
        'The ADR status `{{words}}` says decided, but only on a condition (`{{condition}}`), so a reader cannot tell whether the decision is in force. Keep it "proposed" until the condition is met, then "accepted" with the date.',
    },
  },
  check(context) {
    const { doc } = context;
    const found = statusOf(context);
    if (!found) {
      context.report({ messageId: 'missing', span: titleOf(doc), words: [] });
      return;
    }
    if (!mentions('adr-status', found.text)) {
      context.report({ messageId: 'unknown', data: { words: found.text }, span: found, words: [found.text] });
      return;
    }
    const condition = CONDITIONAL.exec(found.text);
    if (condition) context.report({ messageId: 'conditional', data: { words: found.text, condition: condition[2] as string }, span: found, words: [condition[2] as string] });
  },
});

/**
 * A decided status that is not decided yet: "Agreed in principle, pending Q3 budget", "Accepted
 * subject to security review", "Approved provisionally". ("Proposed, pending review" is a
 * proposal, and says so.)
 */
const CONDITIONAL =
  /^\W*(accepted|approved|agreed|decided|adopted|ratified|final(?:i[sz]ed)?)\b.*?\b(in principle|pending|subject to|provisional(?:ly)?|conditional(?:ly)?|tentative(?:ly)?|in theory|unless|until (?:we|the|budget|funding)|if (?:we|the|budget|funding)|once (?:we|the|budget|funding))\b/i;

/** `Status: accepted` as a line or list item (MADR 2), outside a status section. */
const STATUS_LINE = /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?status(?:\*\*|__)?(?:[ \t]*:|[ \t]+[\u2013\u2014-][ \t])(?:\*\*|__)?[ \t]*(.*)$/gim;

/**
 * The status value, where decision records put it: front matter `status:`, the status
 * section's title ("## Status: Accepted") or first line, a `Status:` line, or a table (a
 * `| Status | Accepted |` row, or a `Status` column).
 */
function statusOf(context: RuleContext): Match | undefined {
  const { doc } = context;
  const fm = doc.frontMatter;
  const value = fm?.data['status'];
  if (fm && (typeof value === 'string' || typeof value === 'number') && String(value).trim()) {
    const m = /^status:[ \t]*(.*?)[ \t]*$/m.exec(doc.text.slice(fm.span.start, fm.span.end));
    const start = m ? fm.span.start + m.index + m[0].indexOf(m[1] as string) : 0;
    return { start, end: start + (m?.[1]?.length ?? 0), text: String(value) };
  }
  // "## Status: Accepted": the value is in the heading itself.
  for (const s of doc.sections) {
    const inTitle = /^status(?:\s*:|\s+[\u2013\u2014-])\s*(\S.*)$/i.exec(s.title);
    if (!inTitle?.[1]) continue;
    const start = s.titleSpan.start + doc.text.slice(s.titleSpan.start, s.titleSpan.end).lastIndexOf(inTitle[1]);
    return { start, end: start + inTitle[1].length, text: inTitle[1] };
  }
  const line = context.view('status')?.match(/[^\s\-*+>|][^\n]*[^\s|]|[^\s\-*+>|]/g)[0];
  if (line) return line;
  for (const m of context.body.match(STATUS_LINE)) {
    const v = /(?::|[ \t][\u2013\u2014-][ \t])(?:\*\*|__)?[ \t]*(.*?)[ \t]*$/.exec(m.text);
    if (!v?.[1]) continue;
    const start = m.start + (v.index ?? 0) + v[0].indexOf(v[1]);
    return { start, end: start + v[1].length, text: v[1] };
  }
  return inTable(doc);
}

/** A status in a table: a row labelled `Status`, or the first value under a `Status` column. */
function inTable(doc: Doc): Match | undefined {
  const isStatus = (text: string) => /^[\s*_]*status[\s*_:]*$/i.test(text);
  for (const table of doc.tables) {
    for (const row of [table.header, ...(table.rows ?? [])]) {
      const [label, value] = row?.cells ?? [];
      if (label && value?.text.trim() && isStatus(label.text)) return value;
    }
    const column = table.header?.cells.findIndex((c) => isStatus(c.text)) ?? -1;
    const cell = column >= 0 ? table.rows?.find((r) => r.cells[column]?.text.trim())?.cells[column] : undefined;
    if (cell) return cell;
  }
  return undefined;
}

/** Where a missing status is reported: the title heading, else the `kind:` line, else the start. */
function titleOf(doc: Doc): Span {
  const h1 = doc.sections.find((s) => s.style === 'heading' && s.depth === 1);
  if (h1) return h1.titleSpan;
  const fm = doc.frontMatter;
  const m = fm ? /^kind:.*$/m.exec(doc.text.slice(fm.span.start, fm.span.end)) : null;
  if (fm && m) return { start: fm.span.start + m.index, end: fm.span.start + m.index + m[0].trimEnd().length };
  return { start: 0, end: 0 };
}
