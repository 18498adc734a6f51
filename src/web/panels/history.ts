// The history panel: every save is a revision, newest first, a page at a time (a long-lived
// artifact has thousands). Each row shows its finding count; "Show" opens a diff against the
// current text and offers a restore. A new save adds one row; nothing else is drawn again.
import type { Revision, RevisionMeta } from '../api.ts';
import { formatTime, h, plural } from '../dom.ts';
import { renderDiff } from './diff.ts';

export const PAGE_SIZE = 20;

export interface HistoryDeps {
  list(): Promise<RevisionMeta[]>;
  get(rev: number): Promise<Revision>;
  /** Errors and warnings of a text (for revisions the server has not counted). */
  count(text: string): Promise<{ errors: number; warnings: number }>;
  current(): { base: number; text: string };
  restore(rev: number, n: number): Promise<void>;
}

export interface HistoryPanel {
  /** Loads the list (when the panel opens). */
  load(): Promise<void>;
  /** A save just added `meta` as the newest revision. */
  added(meta: RevisionMeta): void;
  clearView(): void;
}

export function historyPanel(list: HTMLOListElement, pager: HTMLElement, view: HTMLElement, deps: HistoryDeps): HistoryPanel {
  let revisions: RevisionMeta[] = [];
  let page = 0;
  const counts = new Map<number, string>();

  const number = (i: number) => revisions.length - i;
  const countText = (c: { errors: number; warnings: number }) => (c.errors + c.warnings === 0 ? 'no findings' : [c.errors ? plural(c.errors, 'error') : '', c.warnings ? plural(c.warnings, 'warning') : ''].filter(Boolean).join(', '));

  function row(r: RevisionMeta, i: number): HTMLElement {
    const n = number(i);
    const current = r.id === deps.current().base;
    const findings = h('span', { class: 'history-findings muted small' }, counts.get(r.id) ?? (r.findings ? countText(r.findings) : '…'));
    if (r.findings) counts.set(r.id, countText(r.findings));
    else if (!counts.has(r.id))
      void deps
        .get(r.id)
        .then((rev) => deps.count(rev.text))
        .then(
          (c) => {
            counts.set(r.id, countText(c));
            findings.textContent = countText(c);
          },
          () => (findings.textContent = ''),
        );
    return h(
      'li',
      { class: current ? 'current' : '', 'data-revision': String(r.id) },
      h(
        'span',
        { class: 'history-meta' },
        h('strong', {}, `Version ${n}`),
        ' · ',
        h('time', { datetime: r.createdAt }, formatTime(r.createdAt)),
        h('span', { class: 'muted small' }, ` · ${r.size.toLocaleString()} characters${current ? ' · current' : ''} · `),
        findings,
      ),
      h('button', { type: 'button', class: 'button small', onclick: () => void show(r.id, n), 'aria-label': `Show version ${n}` }, 'Show'),
    );
  }

  function draw(): void {
    const pages = Math.max(1, Math.ceil(revisions.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const start = page * PAGE_SIZE;
    list.replaceChildren(...revisions.slice(start, start + PAGE_SIZE).map((r, k) => row(r, start + k)));
    drawPager(pages);
  }

  function drawPager(pages: number): void {
    if (pages <= 1) return void pager.replaceChildren();
    const go = (p: number) => () => {
      page = p;
      draw();
    };
    pager.replaceChildren(
      h('button', { type: 'button', class: 'button small', id: 'history-newer', disabled: page === 0, onclick: go(page - 1) }, 'Newer'),
      h('span', { class: 'muted small', id: 'history-page' }, `Page ${page + 1} of ${pages} · ${plural(revisions.length, 'version')}`),
      h('button', { type: 'button', class: 'button small', id: 'history-older', disabled: page >= pages - 1, onclick: go(page + 1) }, 'Older'),
    );
  }

  async function show(rev: number, n: number): Promise<void> {
    const revision = await deps.get(rev);
    const { base, text } = deps.current();
    const restore = h('button', { type: 'button', class: 'button primary small', id: 'restore-revision', onclick: () => void deps.restore(rev, n) }, `Restore version ${n}`);
    view.replaceChildren(
      h('h3', {}, `Version ${n} · ${formatTime(revision.createdAt)}`),
      revision.id === base && revision.text === text
        ? h('p', { class: 'muted small' }, 'This is the current version.')
        : h('div', {}, h('p', { class: 'muted small' }, `What restoring version ${n} would change in the current text:`), renderDiff(text, revision.text, { del: 'current text', ins: `version ${n}` }, { id: 'history-diff' }), restore),
    );
  }

  return {
    async load() {
      revisions = await deps.list();
      draw();
    },
    added(meta) {
      if (revisions.some((r) => r.id === meta.id)) return;
      revisions.unshift(meta);
      // Only the first page changes: one row in, the oldest row of the page out, and the old head loses its mark.
      if (page !== 0) return drawPager(Math.ceil(revisions.length / PAGE_SIZE));
      for (const li of list.querySelectorAll('li.current')) li.classList.remove('current');
      list.prepend(row(meta, 0));
      while (list.children.length > PAGE_SIZE) list.lastElementChild?.remove();
      // Version numbers count from the oldest, so the rows below keep theirs.
      drawPager(Math.ceil(revisions.length / PAGE_SIZE));
    },
    clearView() {
      view.replaceChildren();
    },
  };
}
