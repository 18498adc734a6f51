// Review comments in the editor's findings list: the writer's open threads, carried to the
// revision being edited (GET /api/artifacts/{id}/reviews/threads; the server ports, stores
// nothing), become items of the same list as the rule findings (first, in text order), each a
// button that moves the cursor to its words, like a finding. Live: the review streams (a comment, a
// state change) and the artifact's revision stream (a save moves the text) refetch within a
// moment, and a new comment is announced. Without accounts, or for someone else's artifact,
// the list simply has no comments.
import type { DraftThreads, ThreadView } from '../../core/review/api-types.ts';
import { h } from '../dom.ts';
import { call } from './api.ts';
import { RULE_LABEL, STATE_LABEL, STATUS_LABEL } from './pages.ts';

type GoTo = (from: number, to: number) => void;

interface Item {
  cohortId: string;
  reviewId: number;
  thread: ThreadView;
}

interface State {
  items: Item[];
  list?: HTMLElement;
  goTo?: GoTo;
  live?: HTMLElement;
  seen: Set<number>;
  streams: EventSource[];
  timer?: ReturnType<typeof setTimeout>;
}

const states = new Map<string, State>();

/** The artifact the editor shows (its route is /artifacts/{id}). */
const artifactOfPage = () => /^\/artifacts\/([^/]+)$/.exec(location.pathname)?.[1];

/** Adds the review comments to the findings list just rendered; called by the findings panel after every render. */
export function withReviewComments(list: HTMLElement, goTo: GoTo): void {
  const id = artifactOfPage();
  if (!id) return;
  let state = states.get(id);
  if (!state) {
    state = { items: [], seen: new Set(), streams: [] };
    states.set(id, state);
    void load(id, state, true);
  }
  state.list = list;
  state.goTo = goTo;
  place(state);
}

async function load(id: string, state: State, first: boolean): Promise<void> {
  let data: DraftThreads;
  try {
    data = await call<DraftThreads>('GET', `/api/artifacts/${encodeURIComponent(id)}/reviews/threads`);
  } catch {
    return; // accounts off, signed out, or not the writer: no comments to show
  }
  const items = data.reviews.flatMap((r) => r.threads.filter((t) => t.state !== 'resolved').map((thread) => ({ cohortId: r.cohort.id, reviewId: r.review.id, thread })));
  const fresh = items.filter((i) => !state.seen.has(i.thread.id));
  for (const i of items) state.seen.add(i.thread.id);
  state.items = items;
  place(state);
  if (!first && fresh.length && state.live) state.live.textContent = `New review comment${fresh.length > 1 ? 's' : ''} from ${[...new Set(fresh.map((i) => i.thread.author.username))].join(', ')}.`;
  if (first) {
    const refetch = () => {
      clearTimeout(state.timer);
      state.timer = setTimeout(() => void load(id, state, false), 150);
    };
    for (const r of data.reviews) state.streams.push(stream(`/api/cohorts/${encodeURIComponent(r.cohort.id)}/reviews/${r.review.id}/events`, 'review', refetch));
    if (data.reviews.length) state.streams.push(stream(`/api/artifacts/${encodeURIComponent(id)}/events?after=${data.revisionId}`, 'revision', refetch));
    addEventListener('pagehide', () => {
      for (const s of state.streams) s.close();
      states.delete(id);
    });
  }
}

function stream(url: string, event: string, on: () => void): EventSource {
  const s = new EventSource(url);
  s.addEventListener(event, on);
  s.addEventListener('end', () => s.close());
  return s;
}

/**
 * Puts the comment items at the head of the list, in text order: the findings below are ordered
 * by severity and lesson, and an open comment is what the writer has to answer first.
 */
function place(state: State): void {
  const list = state.list;
  const goTo = state.goTo;
  if (!list || !goTo) return;
  for (const old of list.querySelectorAll(':scope > .review-comment-item')) old.remove();
  if (!state.live?.isConnected) {
    state.live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    list.after(state.live);
  }
  const sorted = [...state.items].sort((a, b) => position(a) - position(b) || a.thread.id - b.thread.id);
  list.prepend(...sorted.map((item) => render(item, goTo)));
}

/** Orphaned threads (their words are gone) go last. */
const position = (i: Item) => (i.thread.current.status === 'orphaned' ? Number.MAX_SAFE_INTEGER : i.thread.current.anchor.position.start);

function render(item: Item, goTo: GoTo): HTMLElement {
  const t = item.thread;
  const first = t.comments[0];
  const last = t.comments[t.comments.length - 1];
  const a = t.current.anchor;
  const orphaned = t.current.status === 'orphaned';
  const where = a.quote.exact ? `“${a.quote.exact.replace(/\s+/g, ' ').slice(0, 60)}${a.quote.exact.length > 60 ? '…' : ''}”` : `the section “${a.section}”`;
  const tags = [STATE_LABEL[t.state] ?? t.state, STATUS_LABEL[t.current.status] ?? '', t.ruleId ? `${t.ruleId}: ${RULE_LABEL[t.ruleState ?? ''] ?? ''}` : ''].filter(Boolean).join(' · ');
  const content = [
    h('span', { class: 'finding-top' }, h('span', { class: 'badge comment' }, 'comment'), h('strong', {}, t.author.username), h('span', { class: 'muted small' }, tags)),
    h('span', { class: 'finding-msg' }, first?.body ?? ''),
    h(
      'span',
      { class: 'finding-note' },
      h('span', { class: 'muted' }, orphaned ? 'On deleted text: ' : 'On '),
      where,
      t.commentCount > 1 && last ? ` · ${t.commentCount - 1} repl${t.commentCount === 2 ? 'y' : 'ies'}, last by ${last.author.username}` : '',
    ),
  ];
  const to = Math.max(a.position.end, a.position.start);
  return h(
    'li',
    { class: 'finding-item review-comment-item', 'data-from': String(a.position.start), 'data-thread': String(t.id) },
    orphaned ? h('div', { class: 'finding comment orphaned' }, ...content) : h('button', { type: 'button', class: 'finding comment', onclick: () => goTo(a.position.start, to) }, ...content),
    h('a', { class: 'finding-doc', href: `/cohorts/${item.cohortId}/reviews/${item.reviewId}#thread-${t.id}` }, 'Reply in the review', h('span', { class: 'visually-hidden' }, ` (thread ${t.id} by ${t.author.username})`)),
  );
}
