import { defineRule } from '../define.ts';

export default defineRule({
  meta: {
    id: 'structure/unknown-kind',
    severity: 'info',
    docs: {
      description: 'staffwork could not tell which artifact this document is.',
      why: 'Rules are specific to an artifact kind; rather than guess, staffwork says it does not know. Documents that are not leadership artifacts (READMEs, RFCs) get only this note.',
      better: 'Add `kind:` front matter (strategy, role-memo, escalation, growth-plan, exec-summary, adr), or use the section names of one kind.',
      bad: '# Notes\n\nSome thoughts on the platform.\n',
      good: '---\nkind: strategy\n---\n\n# Platform strategy\n',
    },
    messages: {
      unknown: 'No artifact kind recognised: add `kind:` front matter ({{kinds}}) or the sections of one kind.',
    },
  },
  check(context) {
    if (context.kind || context.doc.frontMatter?.data['kind'] !== undefined) return;
    context.report({ messageId: 'unknown', data: { kinds: context.module.kinds.map((k) => k.id).join(', ') }, span: { start: 0, end: 0 }, words: [] });
  },
});
