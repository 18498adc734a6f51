// The outline: the kind's sections, present, empty or missing; a missing one has an Insert
// button that applies the edit the core computed (in the kind's order, in the document's style).
import type { DraftCheck } from '../draft-check.ts';
import { h, withArticle } from '../dom.ts';

export function renderOutline(list: HTMLElement, note: HTMLElement, a: DraftCheck, actions: { goTo(from: number, to: number): void; insert(row: DraftCheck['outline'][number]): void }): void {
  if (!a.kind) {
    note.textContent = 'No kind detected yet. Add front matter such as "kind: strategy", or the sections of a kind.';
    list.replaceChildren();
    return;
  }
  note.textContent = `Sections of ${withArticle(a.kind.name.toLowerCase())}.`;
  list.replaceChildren(
    ...a.outline.map((row) => {
      const at = row.at;
      return h(
        'li',
        { class: `outline-item ${row.state}` },
        h('span', { class: 'outline-mark', 'aria-hidden': 'true' }, row.state === 'present' ? '✓' : row.state === 'empty' ? '◐' : '○'),
        at ? h('button', { type: 'button', class: 'link-button', onclick: () => actions.goTo(at[0], at[1]) }, row.title) : h('span', {}, row.title),
        h('span', { class: `state ${row.state}` }, row.required ? row.state : `${row.state} (optional)`),
        row.state === 'missing' && row.insert ? h('button', { type: 'button', class: 'button small', onclick: () => actions.insert(row), 'aria-label': `Insert ${row.title} section` }, 'Insert') : null,
      );
    }),
  );
}
