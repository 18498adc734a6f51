// The conflict panel: another tab (or an old draft) saved a version this one did not start
// from. It shows what differs, as a diff, and three ways on. Each reads the editor's text at
// the moment of the click, so words typed while the panel is open are never lost; "Use the
// saved version" first saves the learner's text as a revision, so it stays in the history.
import type { Revision } from '../api.ts';
import { formatTime, h, plural } from '../dom.ts';
import { mergeBySection } from '../merge.ts';
import { renderDiff } from './diff.ts';

export type ConflictChoice = { kind: 'mine'; text: string } | { kind: 'theirs'; text: string; mine: string } | { kind: 'combined'; text: string; conflicts: number };

export interface ConflictDeps {
  /** The editor's text now. */
  mine(): string;
  /** The text both versions started from, when known. */
  base: string | undefined;
  resolve(choice: ConflictChoice): void;
}

export function renderConflict(box: HTMLElement, current: Revision, deps: ConflictDeps): HTMLElement {
  const heading = h('h2', { id: 'conflict-h', tabindex: '-1' }, 'This artifact changed somewhere else');
  const mine = deps.mine();
  const diffHost = h('div', { id: 'conflict-diff' }, renderDiff(current.text, mine, { del: 'only in the saved version', ins: 'only in yours' }));
  const done = (choice: ConflictChoice) => {
    box.replaceChildren();
    deps.resolve(choice);
  };
  box.replaceChildren(
    h(
      'section',
      { class: 'conflict', 'aria-labelledby': 'conflict-h' },
      heading,
      h(
        'p',
        {},
        `Another tab or window saved a newer version (${formatTime(current.createdAt)}, ${plural(current.text.length, 'character')}) while you were editing. Nothing has been overwritten, and you can keep typing: choose which version to keep, or combine them section by section.`,
      ),
      diffHost,
      h(
        'div',
        { class: 'conflict-actions' },
        h('button', { type: 'button', class: 'button primary', id: 'keep-mine', onclick: () => done({ kind: 'mine', text: deps.mine() }) }, 'Keep mine'),
        h('button', { type: 'button', class: 'button', id: 'take-theirs', onclick: () => done({ kind: 'theirs', text: current.text, mine: deps.mine() }) }, 'Use the saved version'),
        h(
          'button',
          {
            type: 'button',
            class: 'button',
            id: 'combine',
            onclick: () => {
              const merged = mergeBySection(deps.base, deps.mine(), current.text);
              done({ kind: 'combined', text: merged.text, conflicts: merged.conflicts });
            },
          },
          'Combine both',
        ),
      ),
    ),
  );
  return heading;
}

/** Redraws the diff after the learner typed on while the panel is open. */
export function refreshConflictDiff(box: HTMLElement, current: Revision, mine: string): void {
  const host = box.querySelector('#conflict-diff');
  host?.replaceChildren(renderDiff(current.text, mine, { del: 'only in the saved version', ins: 'only in yours' }));
}
