// The side list of findings: each one a button that moves the cursor to it, with the words
// that fired, the better approach and a link to the rule's page.
import type { Diagnostic } from '../../core/page.ts';
import { h } from '../dom.ts';
import { withReviewComments } from '../review/side-list.ts';

/** Messages quote words in backticks; show them as code, as text nodes (never HTML). */
export function inlineCode(s: string): (Node | string)[] {
  return s.split('`').map((part, i) => (i % 2 ? h('code', {}, part) : part));
}

export function renderFindings(list: HTMLElement, count: HTMLElement, diagnostics: Diagnostic[], goTo: (from: number, to: number) => void): void {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  count.textContent = diagnostics.length ? `(${diagnostics.length})` : '';
  list.dataset['errors'] = String(errors);
  if (!diagnostics.length) {
    list.replaceChildren(h('li', { class: 'finding-none' }, 'No findings. The artifact meets every rule that applies to it.'));
    return withReviewComments(list, goTo);
  }
  list.replaceChildren(
    ...diagnostics.map((d) =>
      h(
        'li',
        { class: 'finding-item', 'data-from': String(d.range[0]) },
        h(
          'button',
          { type: 'button', class: `finding ${d.severity}`, onclick: () => goTo(d.range[0], d.range[1]) },
          h('span', { class: 'finding-top' }, h('span', { class: `badge ${d.severity}` }, d.severity), h('code', { class: 'rule-id' }, d.ruleId), h('span', { class: 'muted small' }, `line ${d.loc.start.line}`)),
          h('span', { class: 'finding-msg' }, ...inlineCode(d.message)),
          d.words?.length
            ? h(
                'span',
                { class: 'finding-words' },
                h('span', { class: 'muted' }, 'Words that fired: '),
                d.words.slice(0, 6).map((w) => h('mark', {}, w.length > 60 ? `${w.slice(0, 57)}…` : w)),
              )
            : null,
          d.note ? h('span', { class: 'finding-note' }, h('span', { class: 'muted' }, 'Better: '), ...inlineCode(d.note)) : null,
        ),
        h('a', { class: 'finding-doc', href: `/rules/${d.ruleId}` }, 'Why this rule?', h('span', { class: 'visually-hidden' }, ` (${d.ruleId})`)),
      ),
    ),
  );
  withReviewComments(list, goTo); // review comments join the list in text order (src/web/review/side-list.ts)
}

/** The hover text of an underline: the message with its code spans, at a readable width (CSS). */
export function tooltipMessage(d: Diagnostic): HTMLElement {
  return h('span', { class: 'lint-message' }, ...inlineCode(d.message));
}
