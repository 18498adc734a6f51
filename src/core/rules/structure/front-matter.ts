import type { Span } from '../../model/types.ts';
import { audienceOf } from '../../project/meta.ts';
import { defineRule } from '../define.ts';

export default defineRule({
  meta: {
    id: 'structure/front-matter',
    severity: 'error',
    docs: {
      description: 'Front matter is valid YAML and its `kind`, `audience` and `case` are ones the module knows.',
      why: 'Front matter decides which rules run; a typo in `kind:` or broken YAML silently turns every artifact rule off.',
      better: "Write `kind:` as one of the module's kinds, and `audience:` as one of the kind's audiences.",
      bad: '---\nkind: stratgy\n---\n\n# Platform strategy\n',
      good: '---\nkind: strategy\n---\n\n# Platform strategy\n',
    },
    messages: {
      yaml: 'Front matter could not be read: {{error}}',
      unknownKind: 'Unknown kind `{{value}}`; expected one of {{expected}}.',
      unknownAudience: 'Unknown audience `{{value}}` for {{kind}}; expected one of {{expected}}.',
      unknownCase: 'Unknown case study `{{value}}`; this module has {{expected}}.',
      notText: '`{{key}}` should be text.',
    },
  },
  check(context) {
    const { doc, module, kind } = context;
    const fm = doc.frontMatter;
    if (!fm) return;
    if (fm.error) {
      context.report({ messageId: 'yaml', data: { error: fm.error.message }, span: fm.error.span, words: [] });
      return;
    }
    const value = (key: string): Span => {
      const m = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(doc.text.slice(fm.span.start, fm.span.end));
      if (!m) return { start: 0, end: 3 };
      const start = fm.span.start + m.index + m[0].length - (m[1] as string).length;
      return { start, end: start + (m[1] as string).trimEnd().length };
    };
    for (const key of ['kind', 'title', 'audience', 'set']) {
      const v = fm.data[key];
      if (v !== undefined && typeof v !== 'string') context.report({ messageId: 'notText', data: { key }, span: value(key) });
    }
    const k = fm.data['kind'];
    if (typeof k === 'string' && !kind) {
      context.report({ messageId: 'unknownKind', data: { value: k, expected: module.kinds.map((x) => x.id).join(', ') }, span: value('kind') });
    }
    const audience = fm.data['audience'];
    // Blank is no audience said: the kind's first, as every surface and rule reads it.
    if (kind?.audiences && typeof audience === 'string' && !kind.audiences.includes(audienceOf(doc, kind) ?? '')) {
      context.report({ messageId: 'unknownAudience', data: { value: audience, kind: kind.id, expected: kind.audiences.join(', ') }, span: value('audience') });
    }
    const c = fm.data['case'];
    if (c !== undefined && !module.caseStudies.some((cs) => cs.id === Number(c) || cs.slug === c)) {
      context.report({ messageId: 'unknownCase', data: { value: String(c), expected: module.caseStudies.map((cs) => cs.id).join(', ') }, span: value('case') });
    }
  },
});
