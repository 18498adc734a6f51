// The workbench front end: one bundle, routed by path. Findings come from the core bundled
// into this page; the server stores text and revisions.
import './style.css';
import { h } from './dom.ts';
import { renderCase } from './case.ts';
import { renderArtifact, renderNewArtifact } from './editor.ts';
import { renderHome } from './home.ts';
import { renderRule } from './rule.ts';
import { decorateNav, routeReview } from './review/pages.ts';

async function route(main: HTMLElement): Promise<void> {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  let m: RegExpExecArray | null;
  if (path === '/') return renderHome(main);
  if ((m = /^\/cases\/([^/]+)$/.exec(path))) return renderCase(main, decodeURIComponent(m[1] as string));
  if (path === '/artifacts/new') return renderNewArtifact(main, new URLSearchParams(location.search).get('kind'));
  if ((m = /^\/artifacts\/([^/]+)$/.exec(path))) return renderArtifact(main, decodeURIComponent(m[1] as string));
  if ((m = /^\/rules\/([^/]+\/[^/]+)$/.exec(path))) return renderRule(main, decodeURIComponent(m[1] as string));
  // Accounts, cohorts and reviews (src/web/review).
  if (await routeReview(main, path)) return;
  document.title = 'Not found · staffwork';
  main.replaceChildren(h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '/' }, 'Back to the module')));
}

const main = document.getElementById('main') as HTMLElement;
void decorateNav();
route(main).then(
  () => main.setAttribute('data-ready', 'true'),
  (e: unknown) => {
    main.replaceChildren(h('h1', {}, 'Something went wrong'), h('p', { class: 'error-text' }, e instanceof Error ? e.message : String(e)), h('p', {}, h('a', { href: location.href }, 'Try again')));
    main.setAttribute('data-ready', 'error');
  },
);
