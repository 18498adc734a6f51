// The pages of accounts and review: sign-in, first run, invite, cohorts, a cohort (with the
// instructor's overview), and a review (the text with its threads in one positioned list).
import type { FollowThrough, Page, ReviewPage, ReviewView, ThreadView } from '../../core/review/api-types.ts';
import { formatTime, h, plural, svg } from '../dom.ts';
import { authState, call } from './api.ts';
import { safeNext } from './safe-next.ts';
import './review.css';

type El = HTMLElement;

/** Renders the page for `path` if it is one of these; false otherwise. */
export async function routeReview(main: El, path: string): Promise<boolean> {
  let m: RegExpExecArray | null;
  if (path === '/login') return done(renderLogin(main));
  if (path === '/setup') return done(renderSetup(main));
  if (path === '/account') return done(renderAccount(main));
  if ((m = /^\/invite\/([^/]+)$/.exec(path))) return done(renderInvite(main, decodeURIComponent(m[1] as string)));
  if (path === '/cohorts') return done(renderCohorts(main));
  if ((m = /^\/cohorts\/([^/]+)\/reviews\/(\d+)$/.exec(path))) return done(renderReview(main, m[1] as string, Number(m[2])));
  if ((m = /^\/cohorts\/([^/]+)$/.exec(path))) return done(renderCohort(main, m[1] as string));
  return false;
}

async function done(p: Promise<void>): Promise<true> {
  await p;
  return true;
}

/** Adds "Cohorts" and "Sign out" to the header once accounts are on. */
export async function decorateNav(): Promise<void> {
  const state = await authState().catch(() => undefined);
  const list = document.querySelector('.site-header nav ul');
  if (!state?.accounts || !list) return;
  if (state.user) {
    list.append(
      h('li', {}, h('a', { href: '/cohorts' }, 'Cohorts')),
      h('li', {}, h('a', { href: '/account' }, 'Account')),
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            onclick: async () => {
              await call('POST', '/api/auth/logout').catch(() => undefined);
              location.href = '/login';
            },
          },
          `Sign out (${state.user.username})`,
        ),
      ),
    );
  }
}

function field(label: string, input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): El {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  const hintEl = hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('p', { class: 'field' }, h('label', { for: id }, label), ' ', input, hintEl ? ' ' : '', hintEl);
}

/** replaceChildren without the parts a role does not get. */
function fill(el: El, ...children: (Node | null)[]): void {
  el.replaceChildren(...children.filter((c): c is Node => c !== null));
}

function errorBox(): El {
  return h('p', { class: 'error-text', role: 'alert' });
}

function form(onsubmit: (f: HTMLFormElement, error: El) => Promise<void>, ...children: (Node | null)[]): HTMLFormElement {
  const error = errorBox();
  const f = h('form', {}, ...children, error);
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    error.textContent = '';
    onsubmit(f, error).catch((err: unknown) => (error.textContent = err instanceof Error ? err.message : String(err)));
  });
  return f;
}

const input = (attrs: Record<string, string | boolean>) => h('input', attrs);

async function renderLogin(main: El): Promise<void> {
  document.title = 'Sign in · staffwork';
  const target = safeNext(new URLSearchParams(location.search).get('next'), location.origin);
  const state = await authState();
  const user = input({ name: 'username', autocomplete: 'username', required: true });
  const pw = input({ name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  fill(
    main,
    h('h1', {}, 'Sign in'),
    state.setupAvailable ? h('p', {}, 'This workbench has no accounts yet. ', h('a', { href: '/setup' }, 'Create the first one'), '.') : null,
    form(
      async () => {
        await call('POST', '/api/auth/login', { username: user.value, password: pw.value });
        location.href = target;
      },
      field('Username', user),
      field('Password', pw),
      h('p', {}, h('button', { type: 'submit' }, 'Sign in')),
    ),
  );
}

async function renderSetup(main: El): Promise<void> {
  document.title = 'First run · staffwork';
  const state = await authState();
  if (!state.setupAvailable) {
    main.replaceChildren(
      h('h1', {}, 'Accounts'),
      h('p', {}, state.accounts ? 'Accounts are already on. ' : 'No setup code is active: restart the server and use the code it prints, or run staffwork admin create-user --admin. ', h('a', { href: '/login' }, 'Sign in')),
    );
    return;
  }
  const code = input({ name: 'code', autocomplete: 'off', required: true, spellcheck: 'false' });
  const user = input({ name: 'username', autocomplete: 'username', required: true, pattern: '[a-z0-9][a-z0-9._\\-]{1,39}' });
  const pw = input({ name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: '10' });
  main.replaceChildren(
    h('h1', {}, 'Turn on accounts'),
    h(
      'p',
      {},
      'Today this workbench is yours alone, on this machine. Creating the first account (the admin) turns on sign-in, so you can add reviewers, instructors and cohorts. Everything you have written stays, and becomes this account’s.',
    ),
    form(
      async () => {
        await call('POST', '/api/auth/setup', { username: user.value, password: pw.value, code: code.value });
        location.href = '/cohorts';
      },
      field('Setup code', code, 'printed on the server’s console when it started (XXXX-XXXX-XXXX-XXXX)'),
      field('Username', user, 'lower-case letters, digits, . _ -'),
      field('Password', pw, 'at least 10 characters, not containing the username'),
      h('p', {}, h('button', { type: 'submit' }, 'Create the admin account')),
    ),
  );
}

async function renderInvite(main: El, token: string): Promise<void> {
  document.title = 'Invitation · staffwork';
  let inv: { cohort: { name: string }; role: string; usable: boolean; signedIn: string | null };
  try {
    inv = await call('GET', `/api/invites/${encodeURIComponent(token)}`);
  } catch (e) {
    main.replaceChildren(h('h1', {}, 'Invitation'), h('p', { class: 'error-text' }, e instanceof Error ? e.message : String(e)));
    return;
  }
  const heading = h('h1', {}, `Join ${inv.cohort.name} as a ${inv.role}`);
  if (!inv.usable) {
    main.replaceChildren(heading, h('p', { class: 'error-text' }, 'This invite link was already used or has expired. Ask your instructor for a new one.'));
    return;
  }
  const accept = async (b: object) => {
    const r = await call<{ cohortId: string }>('POST', `/api/invites/${encodeURIComponent(token)}/accept`, b);
    location.href = `/cohorts/${r.cohortId}`;
  };
  if (inv.signedIn) {
    main.replaceChildren(
      heading,
      form(() => accept({}), h('p', {}, `You are signed in as ${inv.signedIn}.`), h('p', {}, h('button', { type: 'submit' }, 'Join'))),
    );
    return;
  }
  const user = input({ name: 'username', autocomplete: 'username', required: true });
  const pw = input({ name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: '10' });
  main.replaceChildren(
    heading,
    h('p', {}, 'Create your account to join. Already have one? ', h('a', { href: `/login?next=${encodeURIComponent(location.pathname)}` }, 'Sign in first'), '.'),
    form(
      () => accept({ username: user.value, password: pw.value }),
      field('Username', user, 'lower-case letters, digits, . _ -'),
      field('Password', pw, 'at least 10 characters'),
      h('p', {}, h('button', { type: 'submit' }, 'Create account and join')),
    ),
  );
}

async function renderAccount(main: El): Promise<void> {
  document.title = 'Account · staffwork';
  const state = await authState();
  if (!state.user) {
    main.replaceChildren(h('h1', {}, 'Account'), h('p', {}, 'Accounts are off on this workbench.'));
    return;
  }
  const current = input({ name: 'current', type: 'password', autocomplete: 'current-password', required: true });
  const next = input({ name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: '10' });
  const done = h('p', { role: 'status' });
  main.replaceChildren(
    h('h1', {}, `Account: ${state.user.username}`),
    h('h2', {}, 'Change your password'),
    form(
      async () => {
        await call('POST', '/api/auth/password', { current: current.value, password: next.value });
        current.value = next.value = '';
        done.textContent = 'Password changed. Your other sessions are signed out.';
      },
      field('Current password', current),
      field('New password', next, 'at least 10 characters, not containing your username'),
      h('p', {}, h('button', { type: 'submit' }, 'Change password')),
    ),
    done,
  );
}

/** Previous / next links over a paged list; `go` loads the page at that offset. */
function pager(label: string, p: Page | { offset: number; limit: number; more: boolean }, go: (offset: number) => void): El | null {
  const more = 'more' in p ? p.more : p.offset + p.limit < p.total;
  if (p.offset === 0 && !more) return null;
  const button = (text: string, offset: number, disabled: boolean) => h('button', { type: 'button', disabled, onclick: () => go(offset) }, text);
  const range = 'total' in p ? `${p.offset + 1}–${Math.min(p.total, p.offset + p.limit)} of ${p.total}` : `from ${p.offset + 1}`;
  return h('nav', { class: 'pager', 'aria-label': label }, button('Previous', Math.max(0, p.offset - p.limit), p.offset === 0), ` ${range} `, button('Next', p.offset + p.limit, !more));
}

interface CohortRow {
  id: string;
  name: string;
  moduleId: string;
  role: string;
}

async function renderCohorts(main: El): Promise<void> {
  document.title = 'Cohorts · staffwork';
  const [{ cohorts }, state] = await Promise.all([call<{ cohorts: CohortRow[] }>('GET', '/api/cohorts'), authState()]);
  const teaches = state.user?.admin || cohorts.some((c) => c.role === 'instructor');
  const name = input({ name: 'name', required: true, maxlength: '120' });
  const { modules } = await call<{ modules: { id: string; title: string }[] }>('GET', '/api/modules');
  const module = h('select', { name: 'module', required: true }, ...modules.map((m) => h('option', { value: m.id }, `${m.title} (${m.id})`)));
  fill(
    main,
    h('h1', {}, 'Cohorts'),
    cohorts.length
      ? h('ul', { class: 'cohort-list' }, ...cohorts.map((c) => h('li', {}, h('a', { href: `/cohorts/${c.id}` }, c.name), ` · ${c.role} · module ${c.moduleId}`)))
      : h('p', {}, 'You are not in a cohort yet. An instructor invites you with a link.'),
    teaches
      ? h(
          'section',
          { 'aria-labelledby': 'new-cohort' },
          h('h2', { id: 'new-cohort' }, 'New cohort'),
          form(
            async () => {
              const r = await call<{ cohort: { id: string } }>('POST', '/api/cohorts', { name: name.value, module: module.value });
              location.href = `/cohorts/${r.cohort.id}`;
            },
            field('Name', name),
            field('Module', module, 'the modules this workbench serves'),
            h('p', {}, h('button', { type: 'submit' }, 'Create cohort')),
          ),
        )
      : null,
  );
}

interface CohortInfo {
  cohort: { id: string; name: string; moduleId: string };
  module: { title: string } | null;
  role: string;
  members: { id: string; username: string; role: string }[];
  page: Page;
}

const PAGE = 50;

async function renderCohort(main: El, id: string): Promise<void> {
  const base = `/api/cohorts/${encodeURIComponent(id)}`;
  const info = await call<CohortInfo>('GET', base);
  document.title = `${info.cohort.name} · staffwork`;
  const me = (await authState()).user;
  const reviewsBox = h('div', { id: 'reviews-box' });
  const membersBox = h('div', { id: 'members-box' });

  const showReviews = async (offset: number) => {
    const { reviews, page } = await call<{ reviews: ReviewView[]; page: { offset: number; limit: number; more: boolean } }>('GET', `${base}/reviews?limit=${PAGE}&offset=${offset}`);
    fill(
      reviewsBox,
      reviews.length
        ? h(
            'table',
            { class: 'review-table' },
            h('caption', { class: 'visually-hidden' }, 'Review requests and whose turn it is'),
            h('thead', {}, h('tr', {}, ...['Artifact', 'Writer', 'Reviewer', 'Whose turn', 'Threads'].map((t) => h('th', { scope: 'col' }, t)))),
            h(
              'tbody',
              {},
              ...reviews.map((r) =>
                h(
                  'tr',
                  {},
                  h('td', {}, h('a', { href: `/cohorts/${id}/reviews/${r.id}` }, r.artifact?.title ?? '(gone)')),
                  h('td', {}, r.learner.username),
                  h('td', {}, r.reviewer?.username ?? 'any reviewer'),
                  h('td', {}, r.turnLabel),
                  h('td', {}, `${r.counts.open} open, ${r.counts.addressed + r.counts['wont-change']} answered, ${r.counts.resolved} resolved`),
                ),
              ),
            ),
          )
        : h('p', {}, offset ? 'No more reviews.' : 'No reviews yet.'),
      pager('Reviews pages', page, (o) => void showReviews(o)),
    );
  };

  const showMembers = async (offset: number) => {
    const data = offset === 0 ? info : await call<CohortInfo>('GET', `${base}?limit=${PAGE}&offset=${offset}`);
    const instructor = info.role === 'instructor';
    const error = errorBox();
    const change = (method: string, path: string, b?: object) => async () => {
      error.textContent = '';
      try {
        await call(method, path, b);
        Object.assign(info, await call<CohortInfo>('GET', `${base}?limit=${PAGE}&offset=0`));
        await showMembers(offset === 0 ? 0 : offset);
      } catch (e) {
        error.textContent = e instanceof Error ? e.message : String(e);
      }
    };
    fill(
      membersBox,
      h(
        'table',
        { class: 'review-table' },
        h('caption', { class: 'visually-hidden' }, 'Members and their roles'),
        h('thead', {}, h('tr', {}, ...['Member', 'Role', ...(instructor ? ['Change'] : [])].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          {},
          ...data.members.map((m) => {
            const label = `${m.username}${m.id === me?.id ? ' (you)' : ''}`;
            const role = h('select', { 'aria-label': `Role of ${m.username}` }, ...['learner', 'reviewer', 'instructor'].map((r) => h('option', { value: r, selected: r === m.role }, r)));
            return h(
              'tr',
              {},
              h('th', { scope: 'row' }, label),
              h('td', {}, m.role),
              instructor
                ? h(
                    'td',
                    {},
                    role,
                    ' ',
                    h('button', { type: 'button', onclick: () => void change('POST', `${base}/members`, { username: m.username, role: role.value })() }, 'Set role'),
                    ' ',
                    h('button', { type: 'button', onclick: () => void change('DELETE', `${base}/members/${encodeURIComponent(m.username)}`)() }, `Remove ${m.username}`),
                  )
                : null,
            );
          }),
        ),
      ),
      pager('Members pages', data.page, (o) => void showMembers(o)),
      error,
    );
  };

  const parts: (Node | null)[] = [h('h1', {}, info.cohort.name), h('p', {}, `Module ${info.module?.title ?? info.cohort.moduleId} · you are ${info.role === 'instructor' ? 'an instructor' : `a ${info.role}`}`)];
  parts.push(h('h2', {}, 'Reviews'), reviewsBox);
  if (info.role === 'learner') parts.push(await requestForm(id, info.members));
  parts.push(h('section', { 'aria-labelledby': 'members-h' }, h('h2', { id: 'members-h' }, 'Members'), membersBox));
  if (info.role === 'instructor') {
    parts.push(inviteSection(id));
    const overviewBox = h('div', { id: 'overview-box' });
    const showOverview = async (offset: number) => fill(overviewBox, await overview(id, offset, (o) => void showOverview(o)));
    await showOverview(0);
    parts.push(overviewBox);
  }
  await Promise.all([showReviews(0), showMembers(0)]);
  fill(main, ...parts);
}

async function requestForm(cohortId: string, members: { username: string; role: string }[]): Promise<El> {
  const { artifacts } = await call<{ artifacts: { id: string; title: string }[] }>('GET', '/api/portfolio');
  const artifact = h('select', { name: 'artifact', required: true }, ...artifacts.map((a) => h('option', { value: a.id }, a.title)));
  const reviewer = h('select', { name: 'reviewer' }, h('option', { value: '' }, 'any reviewer of the cohort'), ...members.filter((m) => m.role !== 'learner').map((m) => h('option', { value: m.username }, `${m.username} (${m.role})`)));
  return h(
    'section',
    { 'aria-labelledby': 'ask-review' },
    h('h2', { id: 'ask-review' }, 'Ask for review'),
    artifacts.length
      ? form(
          async () => {
            const r = await call<{ review: { id: number } }>('POST', `/api/cohorts/${cohortId}/reviews`, {
              artifactId: artifact.value,
              ...(reviewer.value ? { reviewer: reviewer.value } : {}),
            });
            location.href = `/cohorts/${cohortId}/reviews/${r.review.id}`;
          },
          field('Artifact', artifact),
          field('Reviewer', reviewer),
          h('p', {}, h('button', { type: 'submit' }, 'Submit for review')),
        )
      : h('p', {}, 'Write an artifact first: ', h('a', { href: '/' }, 'the module'), '.'),
  );
}

function inviteSection(cohortId: string): El {
  const role = h('select', { name: 'role' }, ...['learner', 'reviewer', 'instructor'].map((r) => h('option', { value: r }, r)));
  const out = h('div', { class: 'invite-out', 'aria-live': 'polite' });
  return h(
    'section',
    { 'aria-labelledby': 'invite-h' },
    h('h2', { id: 'invite-h' }, 'Invite people'),
    form(
      async () => {
        const r = await call<{ url: string; expiresAt: string }>('POST', `/api/cohorts/${cohortId}/invites`, { role: role.value });
        const link = input({ readonly: true, value: r.url, id: 'invite-link', class: 'wide' });
        out.replaceChildren(field('Single-use link', link, `works once, until ${formatTime(r.expiresAt)}`));
        link.select();
      },
      field('Role', role),
      h('p', {}, h('button', { type: 'submit' }, 'Make an invite link')),
    ),
    out,
  );
}

function followList(f: FollowThrough): El {
  const pct = f.addressedInNext.of ? `${Math.round((100 * f.addressedInNext.count) / f.addressedInNext.of)}% (${f.addressedInNext.count} of ${f.addressedInNext.of})` : 'no later revision yet';
  return h(
    'dl',
    { class: 'follow' },
    h('dt', {}, 'Threads'),
    h('dd', {}, String(f.threads)),
    h('dt', {}, 'Addressed in the next revision'),
    h('dd', {}, pct),
    h('dt', {}, 'Median time to address'),
    h('dd', {}, f.medianHoursToAddress === null ? '–' : `${f.medianHoursToAddress} h`),
    h('dt', {}, 'Reopened'),
    h('dd', {}, String(f.reopened)),
    h('dt', {}, 'Unanswered'),
    h('dd', {}, String(f.unanswered)),
  );
}

/** Horizontal bars, as the home page draws them: label, bar, count. */
function bars(title: string, rows: { label: string; value: number; max: number; text: string }[]): El {
  const rowH = 24;
  const width = 420;
  const label = 170;
  const id = `chart-${Math.random().toString(36).slice(2, 8)}`;
  const g = rows.map((r, i) => {
    const y = 4 + i * rowH;
    const barW = width - label - 60;
    const frac = r.max ? Math.min(1, r.value / r.max) : 0;
    return svg(
      'g',
      {},
      svg('text', { x: 0, y: y + 14, class: 'chart-label' }, r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label),
      svg('rect', { x: label, y: y + 3, width: barW, height: 14, rx: 7, class: 'chart-track' }),
      svg('rect', { x: label, y: y + 3, width: Math.max(frac * barW, frac > 0 ? 14 : 0), height: 14, rx: 7, class: 'chart-bar' }),
      svg('text', { x: width - 52, y: y + 14, class: 'chart-count' }, r.text),
    );
  });
  return h('figure', { class: 'chart-wrap' }, svg('svg', { viewBox: `0 0 ${width} ${rows.length * rowH + 8}`, role: 'img', 'aria-labelledby': id, class: 'chart' }, svg('title', { id }, title), ...g), h('figcaption', {}, title));
}

async function overview(cohortId: string, offset: number, go: (offset: number) => void): Promise<El> {
  const o = await call<{
    learners: {
      learner: { username: string };
      pass: boolean;
      criteria: { id: string; pass: boolean }[];
      artifacts: { id: string; title: string; errorCount: number; warningCount: number }[];
      followThrough: FollowThrough;
    }[];
    followThrough: FollowThrough;
    page: Page;
    truncated: { requests: boolean; threads: boolean };
    mistakeMap: {
      title: string;
      rules: { ruleId: string; findings: number; comments: number }[];
      sections: { section: string; findings: number; comments: number }[];
    }[];
  }>('GET', `/api/cohorts/${cohortId}/overview?limit=${PAGE}&offset=${offset}`);
  const section = h('section', { 'aria-labelledby': 'overview-h' }, h('h2', { id: 'overview-h' }, 'Learners'));
  section.append(
    h(
      'table',
      { class: 'review-table' },
      h('caption', { class: 'visually-hidden' }, 'Each learner’s completion standard over what they submitted to this cohort, and follow-through'),
      h('thead', {}, h('tr', {}, ...['Learner', 'Standard', 'Artifacts', 'Addressed in next revision', 'Unanswered', 'Reopened'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        ...o.learners.map((l) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, l.learner.username),
            h('td', {}, l.pass ? 'complete' : `${l.criteria.filter((c) => c.pass).length} of ${l.criteria.length} criteria`),
            h('td', {}, l.artifacts.length ? l.artifacts.map((a) => `${a.title} (${plural(a.errorCount, 'error')}, ${plural(a.warningCount, 'warning')})`).join('; ') : 'none submitted yet'),
            h('td', {}, l.followThrough.addressedInNext.of ? `${l.followThrough.addressedInNext.count} of ${l.followThrough.addressedInNext.of}` : '–'),
            h('td', {}, String(l.followThrough.unanswered)),
            h('td', {}, String(l.followThrough.reopened)),
          ),
        ),
      ),
    ),
    pager('Learner pages', o.page, go) ?? h('p', {}, `${plural(o.page.total, 'learner')}.`),
    o.truncated.requests || o.truncated.threads ? h('p', { class: 'muted' }, 'The numbers below cover the first reviews and threads of this cohort only: it has more than one view reads.') : '',
    h('h2', {}, 'Follow-through'),
    followList(o.followThrough),
    bars(
      'Threads addressed in the next revision, per learner',
      o.learners.map((l) => ({
        label: l.learner.username,
        value: l.followThrough.addressedInNext.count,
        max: l.followThrough.addressedInNext.of,
        text: `${l.followThrough.addressedInNext.count}/${l.followThrough.addressedInNext.of}`,
      })),
    ),
    h('h2', {}, 'Mistake map'),
  );
  if (!o.mistakeMap.length) section.append(h('p', {}, 'No findings or comments yet.'));
  for (const g of o.mistakeMap) {
    const top = g.rules.slice(0, 8);
    const max = Math.max(1, ...top.map((r) => r.findings + r.comments));
    section.append(
      h('h3', {}, g.title),
      bars(
        `${g.title}: rules drawing the most findings and comments`,
        top.map((r) => ({ label: r.ruleId, value: r.findings + r.comments, max, text: `${r.findings}+${r.comments}` })),
      ),
      h(
        'table',
        { class: 'review-table' },
        h('caption', {}, `${g.title}: sections`),
        h('thead', {}, h('tr', {}, ...['Section', 'Findings', 'Comments'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...g.sections.slice(0, 10).map((s) => h('tr', {}, h('th', { scope: 'row' }, s.section), h('td', {}, String(s.findings)), h('td', {}, String(s.comments))))),
      ),
    );
  }
  return section;
}

// ---- the review page ----

type ReviewData = ReviewPage;

export const STATE_LABEL: Record<string, string> = { open: 'Open', addressed: 'Addressed', 'wont-change': 'Won’t change', resolved: 'Resolved' };
export const STATUS_LABEL: Record<string, string> = {
  kept: '',
  edited: 'Text edited since',
  relocated: 'Found again nearby',
  moved: 'Moved',
  orphaned: 'On deleted text',
};
export const RULE_LABEL: Record<string, string> = {
  fires: 'rule still fires',
  'likely-addressed': 'likely addressed: the rule no longer fires here',
  regression: 'regression: the rule fires again',
  'not-firing': 'rule does not fire here',
  unknown: 'rule not checked: the text is gone',
};

/** Character offset of (node, offset) within `root`'s text. */
function offsetIn(root: Node, node: Node, offset: number): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let total = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n === node) return total + offset;
    total += (n.textContent ?? '').length;
  }
  // An element boundary: count the text before its offset-th child.
  const range = document.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

async function renderReview(main: El, cohortId: string, id: number): Promise<void> {
  const base = `/api/cohorts/${encodeURIComponent(cohortId)}`;
  const state = await authState();
  const me = state.user;
  let data = await call<ReviewData>('GET', `${base}/reviews/${id}`);
  let threads: ThreadView[] = [];
  const writer = me?.id === data.review.learnerId;
  const members = await call<{ role: string }>('GET', base);
  const reviewer = !writer && members.role !== 'learner';
  document.title = `Review: ${data.review.artifact?.title ?? ''} · staffwork`;

  const turn = h('p', { class: 'turn', role: 'status', id: 'turn' });
  const meta = h('p', { class: 'review-meta' });
  const pre = h('pre', { class: 'review-text', id: 'review-text', tabindex: '0', 'aria-label': 'The artifact’s text; select words to comment on them' });
  const list = h('ol', { class: 'threads', id: 'threads' });
  const orphanList = h('ol', { class: 'threads', id: 'orphaned-threads' });
  const orphanSection = h('section', { 'aria-labelledby': 'orphaned-h', hidden: true }, h('h3', { id: 'orphaned-h' }, 'On deleted text'), orphanList);
  const more = h('p', {});
  let selection: { start: number; end: number } | null = null;

  const loadThreads = async () => {
    const all: ThreadView[] = [];
    for (let after: number | null = null; ; ) {
      const page: { threads: ThreadView[]; next: number | null } = await call('GET', `${base}/reviews/${id}/threads?limit=200${after !== null ? `&after=${after}` : ''}`);
      all.push(...page.threads);
      if (page.next === null || all.length >= 1000) {
        more.textContent = page.next !== null ? `Showing the first ${all.length} threads; export the review for all of them.` : '';
        break;
      }
      after = page.next;
    }
    threads = all;
  };

  const renderText = () => {
    const text = data.revision.text;
    const marks = threads
      .filter((t) => t.current.status !== 'orphaned' && t.current.revisionId === data.revision.id && t.current.anchor.position.end > t.current.anchor.position.start && t.state !== 'resolved')
      .map((t) => ({ id: t.id, start: t.current.anchor.position.start, end: t.current.anchor.position.end }))
      .sort((a, b) => a.start - b.start || a.id - b.id);
    const out: Node[] = [];
    let at = 0;
    for (const m of marks) {
      if (m.start < at) continue; // overlapping: the thread is still in the list
      out.push(document.createTextNode(text.slice(at, m.start)));
      out.push(h('mark', { id: `mark-${m.id}`, 'data-thread': String(m.id), tabindex: '-1' }, text.slice(m.start, m.end)));
      at = m.end;
    }
    out.push(document.createTextNode(text.slice(at)));
    pre.replaceChildren(...out);
  };

  const threadItem = (t: ThreadView): El => {
    const a = t.origin.anchor;
    const where = a.quote.exact ? `“${a.quote.exact.replace(/\s+/g, ' ').slice(0, 90)}${a.quote.exact.length > 90 ? '…' : ''}”` : `section “${a.section}”`;
    const jump = h(
      'button',
      {
        type: 'button',
        class: 'thread-jump link-button',
        onclick: () => {
          const mark = document.getElementById(`mark-${t.id}`);
          if (mark) {
            mark.scrollIntoView({ block: 'center' });
            mark.focus();
          }
        },
      },
      `On ${where}${a.section && a.quote.exact ? ` in ${a.section}` : ''}`,
    );
    const tags = [STATE_LABEL[t.state] ?? t.state, STATUS_LABEL[t.current.status] ?? t.current.status, t.ruleId ? `${t.ruleId}: ${RULE_LABEL[t.ruleState ?? ''] ?? ''}` : '', t.criterion ? `criterion ${t.criterion}` : ''].filter(Boolean);
    const li = h('li', { id: `thread-${t.id}`, class: `thread state-${t.state}`, 'data-state': t.state, 'data-status': t.current.status }, h('p', { class: 'thread-head' }, jump), h('p', { class: 'thread-tags' }, tags.join(' · ')));
    if (t.current.now !== null) li.append(h('p', { class: 'thread-change' }, h('span', { class: 'was' }, `Was: ${a.quote.exact}`), h('br'), h('span', { class: 'now' }, `Now: ${t.current.now}`)));
    li.append(
      h(
        'ul',
        { class: 'comments' },
        ...t.comments.map((c) =>
          h(
            'li',
            {},
            h('strong', {}, c.author.username),
            c.kind === 'comment' ? '' : ` (${STATE_LABEL[c.kind] ?? c.kind.replace('reopened', 'reopened')})`,
            c.body ? `: ${c.body}` : '',
            ' ',
            h('time', { datetime: c.createdAt }, formatTime(c.createdAt)),
          ),
        ),
      ),
    );
    if (t.commentCount > t.comments.length) li.append(h('p', {}, `${t.commentCount - t.comments.length} more comments: `, h('a', { href: `${base}/reviews/${id}/export.md`, download: '' }, 'the export has them all'), '.'));
    const reply = h('textarea', { rows: 2, name: 'reply', id: `reply-${t.id}` });
    const actions: Node[] = [h('button', { type: 'submit' }, 'Reply')];
    const act = (label: string, next: string, needsReason = false) =>
      h(
        'button',
        {
          type: 'button',
          onclick: async () => {
            if (needsReason && !reply.value.trim()) {
              err.textContent = 'Say why in the reply box: “won’t change, because …”';
              reply.focus();
              return;
            }
            await call('POST', `${base}/threads/${t.id}/state`, { state: next, ...(reply.value.trim() ? { body: reply.value.trim() } : {}) }).catch((e: unknown) => (err.textContent = e instanceof Error ? e.message : String(e)));
            await refresh();
          },
        },
        label,
      );
    if (writer && t.state !== 'resolved') actions.push(act('Mark addressed', 'addressed'), act('Won’t change…', 'wont-change', true));
    if (reviewer && t.state !== 'resolved') actions.push(act('Resolve', 'resolved'));
    if (reviewer && t.state !== 'open') actions.push(act('Reopen', 'reopened'));
    const err = errorBox();
    const f = h('form', { class: 'reply' }, h('label', { for: reply.id, class: 'visually-hidden' }, 'Reply'), reply, h('p', { class: 'actions' }, ...actions), err);
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!reply.value.trim()) return;
      call('POST', `${base}/threads/${t.id}/comments`, { body: reply.value })
        .then(() => {
          reply.value = '';
          return refresh();
        })
        .catch((x: unknown) => (err.textContent = x instanceof Error ? x.message : String(x)));
    });
    li.append(f);
    return li;
  };

  const renderThreads = () => {
    // Keep what someone is typing in a reply across a live refresh.
    const drafts = new Map([...list.querySelectorAll('textarea'), ...orphanList.querySelectorAll('textarea')].map((t) => [t.id, (t as HTMLTextAreaElement).value]));
    const focused = document.activeElement?.id;
    const onText = threads.filter((t) => t.current.status !== 'orphaned').sort((a, b) => a.current.anchor.position.start - b.current.anchor.position.start || a.id - b.id);
    const gone = threads.filter((t) => t.current.status === 'orphaned');
    list.replaceChildren(...onText.map(threadItem));
    orphanList.replaceChildren(...gone.map(threadItem));
    orphanSection.hidden = gone.length === 0;
    if (!threads.length) list.replaceChildren(h('li', { class: 'empty' }, reviewer ? 'No comments yet: select words in the text to comment.' : 'No comments yet.'));
    for (const [k, v] of drafts) {
      const el = document.getElementById(k) as HTMLTextAreaElement | null;
      if (el) el.value = v;
    }
    if (focused) document.getElementById(focused)?.focus();
  };

  const renderMeta = () => {
    turn.textContent = data.review.turnLabel;
    turn.dataset['turn'] = data.review.turn;
    const c = data.review.counts;
    const head = data.review.artifact?.headRevisionId;
    const draft = head !== undefined && head !== data.revision.id ? ` Your newer revision ${head} is not submitted: reviewers see revision ${data.revision.id}.` : '';
    meta.replaceChildren(
      `Submitted revision ${data.revision.id}.${draft} ${c.open} open, ${c.addressed + c['wont-change']} answered, ${c.resolved} resolved. `,
      h('a', { href: `${base}/reviews/${id}/export.md`, download: '' }, 'Export Markdown'),
      ' · ',
      h('a', { href: `${base}/reviews/${id}/export.json`, download: '' }, 'Export JSON'),
    );
  };

  let refreshing: Promise<void> | undefined;
  const refresh = async () => {
    refreshing ??= (async () => {
      data = await call<ReviewData>('GET', `${base}/reviews/${id}`);
      await loadThreads();
      renderMeta();
      renderText();
      renderThreads();
    })().finally(() => (refreshing = undefined));
    return refreshing;
  };

  const parts: (Node | null)[] = [h('h1', {}, `Review: ${data.review.artifact?.title ?? '(gone)'}`), turn, meta];
  if (writer) {
    parts.push(
      h(
        'p',
        {},
        h('a', { href: `/artifacts/${data.review.artifact?.id ?? ''}` }, 'Edit the artifact'),
        ' ',
        h(
          'button',
          {
            type: 'button',
            id: 'submit-revision',
            onclick: async () => {
              await call('POST', `${base}/reviews/${id}/submit`, {});
              await refresh();
            },
          },
          'Submit the newest revision for review',
        ),
      ),
    );
  }
  const textSection = h('section', { class: 'review-text-pane', 'aria-labelledby': 'text-h' }, h('h2', { id: 'text-h' }, 'Text'), pre);
  if (reviewer) {
    const note = h('p', { id: 'selection-note', 'aria-live': 'polite' }, 'Select words in the text to comment on them, or choose a section.');
    const sectionSel = h(
      'select',
      { name: 'section', id: 'comment-section' },
      h('option', { value: '' }, 'the selected words'),
      ...data.sections.map((s, i) => h('option', { value: String(i) }, `the section “${s.title}”${data.sections.filter((x) => x.title === s.title).length > 1 ? ` (${s.index + 1})` : ''}`)),
    );
    const body = h('textarea', { name: 'body', id: 'comment-body', rows: 3, required: true });
    const rule = input({ name: 'rule', id: 'comment-rule', placeholder: 'e.g. strategy/fluff' });
    const criterion = h('select', { name: 'criterion', id: 'comment-criterion' }, h('option', { value: '' }, 'none'), ...data.criteria.map((k) => h('option', { value: k.id }, k.id)));
    document.addEventListener('selectionchange', () => {
      const sel = document.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
      const r = sel.getRangeAt(0);
      if (!pre.contains(r.startContainer) || !pre.contains(r.endContainer)) return;
      const start = offsetIn(pre, r.startContainer, r.startOffset);
      const end = offsetIn(pre, r.endContainer, r.endOffset);
      if (end <= start) return;
      selection = { start, end };
      const words = data.revision.text.slice(start, end).replace(/\s+/g, ' ').trim();
      note.textContent = `Commenting on “${words.length > 80 ? `${words.slice(0, 79)}…` : words}”.`;
    });
    textSection.append(
      h('h3', {}, 'New comment'),
      note,
      form(
        async () => {
          const payload: Record<string, unknown> = { revision: data.revision.id, body: body.value };
          const section = sectionSel.value === '' ? undefined : data.sections[Number(sectionSel.value)];
          if (section)
            Object.assign(payload, {
              section: section.title,
              ...(data.sections.filter((x) => x.title === section.title).length > 1 ? { sectionIndex: section.index } : {}),
            });
          else if (selection) Object.assign(payload, selection);
          else throw new Error('Select some words in the text first, or choose a section.');
          if (rule.value.trim()) payload['ruleId'] = rule.value.trim();
          if (criterion.value) payload['criterion'] = criterion.value;
          await call('POST', `${base}/reviews/${id}/threads`, payload);
          body.value = '';
          rule.value = '';
          await refresh();
        },
        field('On', sectionSel),
        field('Comment', body),
        field('Rule (optional)', rule, 'a rule id: the thread shows when the rule stops firing there'),
        field('Completion criterion (optional)', criterion),
        h('p', {}, h('button', { type: 'submit', id: 'comment-submit' }, 'Comment')),
      ),
    );
  }
  parts.push(h('div', { class: 'review-layout' }, textSection, h('section', { class: 'review-threads', 'aria-labelledby': 'threads-h' }, h('h2', { id: 'threads-h' }, 'Comments'), list, orphanSection, more)));
  fill(main, ...parts);
  await loadThreads();
  renderMeta();
  renderText();
  renderThreads();

  // Live: another person's comment or resolution, or a new revision, arrives within a moment.
  const events = new EventSource(`${base}/reviews/${id}/events`);
  events.addEventListener('review', () => void refresh().catch(() => undefined));
  // The server ends the stream when the session or access ends: do not reconnect into a 401.
  events.addEventListener('end', () => events.close());
  addEventListener('pagehide', () => events.close());
}
