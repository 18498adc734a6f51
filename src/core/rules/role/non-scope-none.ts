import { normalizeTitle } from '../../kinds/detect.ts';
import type { Section } from '../../model/types.ts';
import { defineRule } from '../define.ts';
import { nothingListed } from '../../text/nothing-listed.ts';
import { dodgesAll } from '../../text/dodges.ts';

const NOT_CURRENTLY = /^(?:not currently|non-scope|non scope|out of scope|not in scope|not my scope)$/;

export default defineRule({
  meta: {
    id: 'role/non-scope-none',
    severity: 'error',
    kinds: ['role-memo'],
    docs: {
      description: 'The non-scope (or "not currently") says "none", "n/a" or "everything is in scope".',
      why: 'Case study 2: the memo exists to stop "Staff engineer" meaning every senior task. A non-scope of "none" says exactly that: the role takes every task, so each new request still lands on you and nobody else knows what they own.',
      better: 'Name the work you will not do, and who does it instead: "Not currently: incident solver for every escalation; the on-call rotation owns those."',
      caseStudy: 2,
      concept: 'role clarity',
      bad: '---\nkind: role-memo\n---\n\nNon-scope:\nNone.\n',
      good: '---\nkind: role-memo\n---\n\nNon-scope:\nDay-to-day sprint planning for the ledger team; executive status reporting.\n',
    },
    messages: {
      none: '`{{section}}` says `{{words}}` and names no work you will not do: the role rules nothing out, which is "Staff means every senior task". Name the work you will not do and who owns it instead.',
    },
  },
  check(context) {
    const { doc } = context;
    const candidates = new Set<Section>(doc.sections.filter((s) => s.key === 'non-scope' || NOT_CURRENTLY.test(normalizeTitle(s.title))));
    for (const s of candidates) {
      // Empty is structure/empty-section's finding; "Nothing specific, happy to help" is this one.
      const view = context.viewOf(s);
      const found = nothingListed(view.entries()) ?? dodgesAll(context.doc, view.entries());
      if (!found) continue;
      context.report({ messageId: 'none', data: { section: s.title, words: found.marker.text }, span: found.span, words: [found.marker.text] });
    }
  },
});
