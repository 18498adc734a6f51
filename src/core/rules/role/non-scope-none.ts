import { normalizeTitle } from '../../kinds/detect.ts';
import type { Section } from '../../model/types.ts';
import { defineRule } from '../define.ts';
import { saysNothing, units } from '../units.ts';

const NOT_CURRENTLY = /^(?:not currently|non-scope|non scope|out of scope|not in scope|not my scope)$/;

export default defineRule({
  meta: {
    id: 'role/non-scope-none',
    severity: 'error',
    kinds: ['role-memo'],
    docs: {
      description: 'The non-scope (or "not currently") says "none", "n/a" or "everything is in scope".',
      why:
        'Case study 2: the memo exists to stop "Staff engineer" meaning every senior task. A non-scope of "none" says exactly that: the role takes every task, so each new request still lands on you and nobody else knows what they own.',
      better: 'Name the work you will not do, and who does it instead: "Not currently: incident solver for every escalation; the on-call rotation owns those."',
      caseStudy: 2,
      concept: 'role clarity',
      bad: '---\nkind: role-memo\n---\n\nNon-scope:\nNone.\n',
      good: '---\nkind: role-memo\n---\n\nNon-scope:\nDay-to-day sprint planning for the ledger team; executive status reporting.\n',
    },
    messages: {
      none: '`{{section}}` says `{{text}}`: the role rules nothing out, which is "Staff means every senior task". Name the work you will not do and who owns it instead.',
    },
  },
  check(context) {
    const { doc } = context;
    const candidates = new Set<Section>(doc.sections.filter((s) => s.key === 'non-scope' || NOT_CURRENTLY.test(normalizeTitle(s.title))));
    for (const s of candidates) {
      const own = units(doc, s);
      if (own.length === 0) continue; // empty: structure/empty-section says so
      // Every word of the section is one of the "nothing excluded" phrases.
      if (!own.every((u) => saysNothing(u.text))) continue;
      const span = { start: own[0]!.start, end: own[own.length - 1]!.end };
      const text = context.textOf(span);
      context.report({ messageId: 'none', data: { section: s.title, text }, span, words: [text] });
    }
  },
});
