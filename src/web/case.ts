// A case study: scenario, concepts, wrong and better approach, tradeoff table, the required
// artifact, and a button that starts that artifact from its skeleton.
import { defaultModule } from '../core/page.ts';
import { api } from './api.ts';
import { formatTime, h, withArticle } from './dom.ts';

export async function renderCase(main: HTMLElement, id: string): Promise<void> {
  const cs = defaultModule.caseStudies.find((c) => String(c.id) === id);
  if (!cs) {
    document.title = 'Case study not found · staffwork';
    main.replaceChildren(h('h1', {}, 'Case study not found'), h('p', {}, `There is no case study ${id} in this module. `, h('a', { href: '/' }, 'Back to the module')));
    return;
  }
  const kind = defaultModule.kinds.find((k) => k.id === cs.kind);
  document.title = `Case ${cs.id}: ${cs.title} · staffwork`;
  const { artifacts } = await api.portfolio();
  const mine = artifacts.filter((a) => a.kind === cs.kind);
  const prev = defaultModule.caseStudies.find((c) => c.id === cs.id - 1);
  const next = defaultModule.caseStudies.find((c) => c.id === cs.id + 1);

  main.replaceChildren(
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, 'Module'), h('span', { 'aria-hidden': 'true' }, ' › '), h('span', { 'aria-current': 'page' }, `Case ${cs.id}`)),
    h('div', { class: 'page-head' }, h('p', { class: 'eyebrow' }, `Case study ${cs.id} · ${kind?.name ?? cs.kind}`), h('h1', {}, cs.title)),
    h(
      'div',
      { class: 'case-grid' },
      h(
        'article',
        { class: 'case-body' },
        h('section', { 'aria-labelledby': 'scenario-h' }, h('h2', { id: 'scenario-h' }, 'Scenario'), h('p', {}, cs.scenario), h('p', { class: 'source' }, h('span', { class: 'muted' }, 'Source anchor: '), cs.sourceAnchor)),
        h(
          'section',
          { 'aria-labelledby': 'concepts-h' },
          h('h2', { id: 'concepts-h' }, 'Concepts'),
          h(
            'ul',
            { class: 'chips' },
            cs.concepts.map((c) => h('li', { class: 'chip' }, c)),
          ),
        ),
        h(
          'div',
          { class: 'approaches' },
          h('section', { class: 'approach wrong', 'aria-labelledby': 'wrong-h' }, h('h2', { id: 'wrong-h' }, 'Wrong approach'), h('p', {}, cs.wrongApproach)),
          h(
            'section',
            { class: 'approach better', 'aria-labelledby': 'better-h' },
            h('h2', { id: 'better-h' }, 'Better approach'),
            h('p', {}, cs.betterApproach.intro),
            h(
              'dl',
              {},
              cs.betterApproach.fields.flatMap((f) => [
                h('dt', {}, f.label),
                h(
                  'dd',
                  {},
                  f.value.length > 1
                    ? h(
                        'ul',
                        {},
                        f.value.map((v) => h('li', {}, v)),
                      )
                    : (f.value[0] ?? ''),
                ),
              ]),
            ),
          ),
        ),
        h(
          'section',
          { 'aria-labelledby': 'tradeoff-h' },
          h('h2', { id: 'tradeoff-h' }, 'Tradeoff table'),
          h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { class: 'tradeoff' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  cs.tradeoffTable.columns.map((c) => h('th', { scope: 'col' }, c)),
                ),
              ),
              h(
                'tbody',
                {},
                cs.tradeoffTable.rows.map((r) =>
                  h(
                    'tr',
                    {},
                    r.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
      h(
        'aside',
        { class: 'case-side', 'aria-labelledby': 'required-h' },
        h(
          'section',
          { class: 'card required' },
          h('h2', { id: 'required-h' }, 'Required artifact'),
          h('p', {}, cs.requiredArtifact),
          kind
            ? h(
                'p',
                { class: 'muted small' },
                'Sections: ',
                kind.sections
                  .filter((s) => s.required)
                  .map((s) => s.title)
                  .join(', '),
                '.',
              )
            : null,
          h('a', { class: 'button primary', href: `/artifacts/new?kind=${encodeURIComponent(cs.kind)}`, id: 'start-artifact' }, `Start ${withArticle(kind?.name.toLowerCase() ?? cs.kind)}`),
        ),
        mine.length
          ? h(
              'section',
              { class: 'card', 'aria-labelledby': 'mine-h' },
              h('h2', { id: 'mine-h' }, 'Your drafts'),
              h(
                'ul',
                { class: 'plain' },
                mine.map((a) => h('li', {}, h('a', { href: `/artifacts/${a.id}` }, a.title), h('span', { class: 'muted small' }, ` · ${formatTime(a.updatedAt)}`))),
              ),
            )
          : null,
      ),
    ),
    h(
      'nav',
      { class: 'pager', 'aria-label': 'Case studies' },
      prev ? h('a', { href: `/cases/${prev.id}`, rel: 'prev' }, `← Case ${prev.id}: ${prev.title}`) : h('span', {}),
      next ? h('a', { href: `/cases/${next.id}`, rel: 'next' }, `Case ${next.id}: ${next.title} →`) : h('span', {}),
    ),
  );
}
