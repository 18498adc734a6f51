// A rule's page: what it catches, why it matters in the module's terms, how the better
// approach reads, and one example that fires and one that does not (from the rule's meta).
// The rules load on demand (a chunk the lint worker shares), so other pages never download them.
import { defaultModule } from '../core/page.ts';
import { h } from './dom.ts';

export async function renderRule(main: HTMLElement, id: string): Promise<void> {
  const { builtinRules } = await import('../core/index.ts');
  const rule = builtinRules.find((r) => r.meta.id === id);
  if (!rule) {
    document.title = 'Rule not found · staffwork';
    main.replaceChildren(h('h1', {}, 'Rule not found'), h('p', {}, `There is no rule "${id}". `, h('a', { href: '/' }, 'Back to the module')));
    return;
  }
  const { meta } = rule;
  const cs = meta.docs.caseStudy ? defaultModule.caseStudies.find((c) => c.id === meta.docs.caseStudy) : undefined;
  document.title = `${meta.id} · staffwork`;
  main.replaceChildren(
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, 'Module'), h('span', { 'aria-hidden': 'true' }, ' › '), h('span', { 'aria-current': 'page' }, 'Rule')),
    h('div', { class: 'page-head' }, h('p', { class: 'eyebrow' }, `Rule · ${meta.severity}${meta.kinds ? ` · ${meta.kinds.join(', ')}` : ''}`), h('h1', {}, h('code', {}, meta.id)), h('p', { class: 'lede' }, meta.docs.description)),
    h(
      'article',
      { class: 'rule-body' },
      h('section', { 'aria-labelledby': 'why-h' }, h('h2', { id: 'why-h' }, 'Why it matters'), h('p', {}, meta.docs.why)),
      h('section', { class: 'approach better', 'aria-labelledby': 'better-h' }, h('h2', { id: 'better-h' }, 'Better approach'), h('p', {}, meta.docs.better)),
      cs || meta.docs.concept ? h('p', { class: 'muted' }, meta.docs.concept ? `Concept: ${meta.docs.concept}. ` : '', cs ? h('a', { href: `/cases/${cs.id}` }, `Case study ${cs.id}: ${cs.title}`) : null) : null,
      h(
        'div',
        { class: 'examples' },
        h('figure', {}, h('figcaption', {}, 'Fires on'), h('pre', { class: 'example', tabindex: '0' }, meta.docs.bad)),
        h('figure', {}, h('figcaption', {}, 'Does not fire on'), h('pre', { class: 'example', tabindex: '0' }, meta.docs.good)),
      ),
    ),
  );
}
