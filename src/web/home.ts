// Home: the module, its case studies, the completion standard as a live checklist with
// evidence and a chart, and the learner's artifacts.
import type { CriterionResult, Evidence, Progress } from '../core/page.ts';
import { defaultModule } from '../core/page.ts';
import { api, type ArtifactSummary, type PortfolioEntry } from './api.ts';
import { formatTime, h, plural, svg } from './dom.ts';

const module = defaultModule;

interface HomeState {
  /** The artifact just archived, offered back with Undo. */
  archived?: { id: string; title: string };
  /** Says what happened last (unarchived, or a failure). */
  message?: string;
  showArchived?: boolean;
  /** Where focus goes after the page is drawn again. */
  focus?: string;
}

export async function renderHome(main: HTMLElement, state: HomeState = {}): Promise<void> {
  document.title = `${module.title} · staffwork`;
  const [{ artifacts, progress }, { artifacts: archivedList }] = await Promise.all([api.portfolio(), api.archived()]);
  const titles = new Map(artifacts.map((a) => [a.id, a.title]));
  main.replaceChildren(
    h('div', { class: 'page-head' }, h('h1', {}, module.title), module.summary ? h('p', { class: 'lede' }, module.summary) : null),
    startHere(progress, artifacts),
    h(
      'div',
      { class: 'home-grid' },
      h(
        'section',
        { class: 'cases', 'aria-labelledby': 'cases-h' },
        h('h2', { id: 'cases-h' }, 'Case studies'),
        h(
          'ol',
          { class: 'case-list' },
          module.caseStudies.map((cs) =>
            h(
              'li',
              { class: 'case-card' },
              h('a', { href: `/cases/${cs.id}`, class: 'case-link' }, h('span', { class: 'case-num' }, `Case ${cs.id}`), h('span', { class: 'case-title' }, cs.title)),
              h('p', { class: 'case-wrong' }, h('span', { class: 'tag tag-wrong' }, 'Wrong approach'), ' ', cs.wrongApproach),
              h('p', { class: 'case-artifact' }, kindName(cs.kind)),
            ),
          ),
        ),
      ),
      h(
        'section',
        { class: 'standard card', 'aria-labelledby': 'standard-h' },
        h('h2', { id: 'standard-h' }, 'Completion standard'),
        chart(progress),
        h(
          'ul',
          { class: 'checklist' },
          progress.criteria.map((c) => criterion(c, titles)),
        ),
      ),
    ),
    h(
      'section',
      { class: 'artifacts', 'aria-labelledby': 'artifacts-h' },
      h('div', { class: 'section-head' }, h('h2', { id: 'artifacts-h' }, 'Your artifacts'), newArtifactForm()),
      notice(main, state),
      artifacts.length ? artifactTable(main, artifacts, state) : h('p', { class: 'empty' }, 'No artifacts yet. Open a case study and start its artifact, or pick a kind above.'),
      archivedSection(main, archivedList, state),
    ),
  );
  if (state.focus) document.getElementById(state.focus)?.focus();
}

/** Archiving and bringing back, then drawing the page again (progress changes with it). */
async function setArchived(main: HTMLElement, a: { id: string; title: string }, archived: boolean, state: HomeState): Promise<void> {
  try {
    await api.archive(a.id, archived);
    const next: HomeState = { showArchived: state.showArchived ?? false };
    if (archived) await renderHome(main, { ...next, archived: a, focus: 'undo-archive' });
    else await renderHome(main, { ...next, message: `Unarchived “${a.title}”: it is back in your artifacts and progress.`, focus: 'artifacts-h' });
  } catch (e) {
    await renderHome(main, { ...state, message: `Could not ${archived ? 'archive' : 'unarchive'} “${a.title}”: ${e instanceof Error ? e.message : String(e)}` });
  }
}

function notice(main: HTMLElement, state: HomeState): HTMLElement {
  const box = h('div', { class: 'home-notice', role: 'status', id: 'home-notice' });
  const a = state.archived;
  if (a) {
    box.append(
      h('span', {}, `Archived “${a.title}”. It is hidden from this list, progress and exports; nothing is deleted.`),
      h('button', { type: 'button', class: 'button small', id: 'undo-archive', onclick: () => void setArchived(main, a, false, state) }, 'Undo'),
    );
  } else if (state.message) box.append(h('span', {}, state.message));
  return box;
}

function archivedSection(main: HTMLElement, list: ArtifactSummary[], state: HomeState): HTMLElement | null {
  if (!list.length) return null;
  const open = state.showArchived ?? false;
  const toggle = h(
    'button',
    { type: 'button', class: 'link-button', id: 'show-archived', 'aria-expanded': String(open), 'aria-controls': 'archived-list', onclick: () => void renderHome(main, { showArchived: !open, focus: 'show-archived' }) },
    `${open ? 'Hide' : 'Show'} archived (${list.length})`,
  );
  return h(
    'div',
    { class: 'archived' },
    h('p', {}, toggle),
    h(
      'ul',
      { class: 'archived-list', id: 'archived-list', hidden: !open, 'aria-label': 'Archived artifacts' },
      list.map((a) =>
        h(
          'li',
          {},
          h('a', { href: `/artifacts/${a.id}` }, a.title),
          h('span', { class: 'muted small' }, `${a.kind ? kindName(a.kind) : 'unknown kind'} · archived ${a.archivedAt ? formatTime(a.archivedAt) : ''}`),
          h('button', { type: 'button', class: 'button small', 'aria-label': `Unarchive ${a.title}`, onclick: () => void setArchived(main, a, false, { showArchived: open }) }, 'Unarchive'),
        ),
      ),
    ),
  );
}

function kindName(id: string): string {
  return module.kinds.find((k) => k.id === id)?.name ?? id;
}

/** One bar per criterion: how many artifacts count toward it against how many it needs. */
function chart(progress: Progress): HTMLElement {
  const passed = progress.criteria.filter((c) => c.pass).length;
  const total = progress.criteria.length;
  const rowH = 26;
  const width = 320;
  const label = 118;
  const height = total * rowH + 8;
  const rows = progress.criteria.map((c, i) => {
    const y = 4 + i * rowH;
    const frac = Math.min(1, c.count / c.needed);
    const barW = width - label - 44;
    return svg(
      'g',
      {},
      svg('text', { x: 0, y: y + 15, class: 'chart-label' }, shortLabel(c)),
      svg('rect', { x: label, y: y + 4, width: barW, height: 14, rx: 7, class: 'chart-track' }),
      svg('rect', { x: label, y: y + 4, width: Math.max(frac * barW, frac > 0 ? 14 : 0), height: 14, rx: 7, class: c.pass ? 'chart-bar pass' : 'chart-bar' }),
      svg('text', { x: width - 36, y: y + 15, class: 'chart-count' }, `${Math.min(c.count, c.needed)}/${c.needed}`),
    );
  });
  const summary = `${passed} of ${total} criteria met`;
  const el = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title', class: 'chart' }, svg('title', { id: 'chart-title' }, `Progress: ${summary}`), ...rows);
  return h('figure', { class: 'chart-wrap' }, el, h('figcaption', { class: progress.pass ? 'chart-summary done' : 'chart-summary' }, progress.pass ? 'Module complete: every criterion is met.' : summary));
}

function shortLabel(c: CriterionResult): string {
  const labels: Record<string, string> = { 'three-artifacts': 'Three complete', 'strategy-spine': 'Strategy', 'role-scope': 'Role memo', 'escalation-decision': 'Escalation', 'summary-ask': 'Exec summary' };
  return labels[c.id] ?? c.id;
}

function criterion(c: CriterionResult, titles: Map<string, string>): HTMLElement {
  const good = c.evidence.filter((e) => e.ok);
  const near = c.evidence.filter((e) => !e.ok).slice(0, 2);
  const link = (id: string) => h('a', { href: `/artifacts/${id}` }, titles.get(id) ?? 'Untitled artifact');
  const parts: (Node | string)[] = [];
  if (c.pass) parts.push('Met by ', ...join(good.slice(0, c.needed).map((e) => link(e.file))), '.');
  else {
    if (good.length) parts.push(`${c.count} of ${c.needed} so far: `, ...join(good.map((e) => link(e.file))), '. ');
    // A draft that exists is a draft, never "missing": say how far it is.
    if (near.length) parts.push(...join(near.map((e) => draft(e, link(e.file)))), '.');
    else if (good.length) parts.push(`Needs ${c.needed - c.count} more.`);
    else parts.push(c.needed > 1 ? `Missing: ${c.needed} complete artifacts (no errors).` : 'Missing: no artifact of this kind yet.');
  }
  return h(
    'li',
    { class: c.pass ? 'criterion pass' : 'criterion' },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, c.pass ? '✓' : '○'),
    h('div', {}, h('p', { class: 'criterion-text' }, h('span', { class: 'visually-hidden' }, c.pass ? 'Met: ' : 'Not met yet: '), c.description), h('p', { class: 'evidence' }, ...parts)),
  );
}

function draft(e: Evidence, link: HTMLElement): HTMLElement {
  const other = e.reasons.filter((r) => !/^\d+ errors? to fix$/.test(r));
  return h('span', { class: 'draft-evidence' }, `Draft${e.errors ? ` (${plural(e.errors, 'error')})` : ''}: `, link, other.length ? ` (${other.join('; ')})` : '');
}

/**
 * The first thing to do: the first case study before anything is written; then a draft that
 * does not meet its criterion yet; then the next case study whose artifact is not done (the
 * kindless "three complete" criterion is met by doing those).
 */
function startHere(progress: Progress, artifacts: PortfolioEntry[]): HTMLElement {
  const kindOf = (c: CriterionResult) => module.completion.find((k) => k.id === c.id)?.kind;
  const notMet = progress.criteria.filter((c) => !c.pass);
  const withDraft = notMet.find((c) => c.evidence.some((e) => !e.ok));
  const open = withDraft ?? notMet.find((c) => kindOf(c)) ?? notMet[0];
  const first = module.caseStudies[0];
  const body: (Node | string)[] = [];
  if (!artifacts.length && first) {
    body.push(
      h('p', {}, 'Each case study shows a wrong approach and a better one, then asks for one artifact. The checks here read it as you write and say what the case study would.'),
      h(
        'ol',
        { class: 'start-steps' },
        h('li', {}, 'Read ', h('a', { href: `/cases/${first.id}`, id: 'start-case' }, `case study ${first.id}: ${first.title}`), '.'),
        h('li', {}, h('a', { href: `/artifacts/new?kind=${encodeURIComponent(first.kind)}` }, `Write its ${kindName(first.kind).toLowerCase()}`), ', section by section, until no errors are left.'),
        h('li', {}, 'Come back here: the completion standard on the right fills in as your artifacts meet it.'),
      ),
    );
  } else if (open) {
    const kind = kindOf(open);
    const cs = kind ? module.caseStudies.find((x) => x.kind === kind) : undefined;
    const nearest = open.evidence.find((e) => !e.ok);
    const title = nearest ? (artifacts.find((a) => a.id === nearest.file)?.title ?? 'your draft') : undefined;
    body.push(
      h('p', { class: 'next-criterion' }, open.description),
      h(
        'p',
        { class: 'next-actions' },
        nearest
          ? h('a', { href: `/artifacts/${nearest.file}`, class: 'button primary small' }, `Continue “${title}”`)
          : cs
            ? h('a', { href: `/cases/${cs.id}`, class: 'button primary small', id: 'next-case' }, `Read case study ${cs.id}: ${cs.title}`)
            : null,
        cs && kind
          ? h(
              'span',
              { class: 'muted small' },
              ' · ',
              nearest ? h('a', { href: `/cases/${cs.id}` }, `case study ${cs.id}`) : h('a', { href: `/artifacts/new?kind=${encodeURIComponent(kind)}` }, `or start its ${kindName(kind).toLowerCase()}`),
            )
          : null,
      ),
    );
  } else body.push(h('p', {}, 'Every criterion is met. Print the portfolio or export it from the menu above.'));
  return h('section', { class: 'start-here card', id: 'start-here', 'aria-labelledby': 'start-h' }, h('h2', { id: 'start-h' }, artifacts.length ? 'Next step' : 'Start here'), ...body);
}

function join(nodes: Node[]): Node[] {
  return nodes.flatMap((n, i) => (i === 0 ? [n] : [document.createTextNode(i === nodes.length - 1 ? ' and ' : ', '), n]));
}

function newArtifactForm(): HTMLElement {
  const select = h(
    'select',
    { id: 'new-kind', name: 'kind' },
    module.kinds.map((k) => h('option', { value: k.id }, k.name)),
  );
  return h('form', { class: 'new-form', action: '/artifacts/new', method: 'get' }, h('label', { for: 'new-kind' }, 'New artifact'), select, h('button', { type: 'submit', class: 'button primary' }, 'Start'));
}

function artifactTable(main: HTMLElement, artifacts: PortfolioEntry[], state: HomeState): HTMLElement {
  return h(
    'table',
    { class: 'artifact-table' },
    h('caption', { class: 'visually-hidden' }, 'Your artifacts, most recently saved first'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Title'),
        h('th', { scope: 'col' }, 'Kind'),
        h('th', { scope: 'col' }, 'Findings'),
        h('th', { scope: 'col' }, 'Last saved'),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')),
      ),
    ),
    h(
      'tbody',
      {},
      artifacts.map((a) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('a', { href: `/artifacts/${a.id}` }, a.title)),
          h('td', {}, a.kind ? kindName(a.kind) : 'unknown kind', a.audience ? h('span', { class: 'muted small' }, ` · for ${audienceLabel(a.audience)}`) : null),
          h('td', {}, findings(a)),
          h('td', {}, h('time', { datetime: a.updatedAt }, formatTime(a.updatedAt))),
          h('td', { class: 'actions' }, h('button', { type: 'button', class: 'button small', 'aria-label': `Archive ${a.title}`, onclick: () => void setArchived(main, a, true, state) }, 'Archive')),
        ),
      ),
    ),
  );
}

function findings(a: PortfolioEntry): HTMLElement {
  if (a.errorCount + a.warningCount === 0) return h('span', { class: 'badge ok' }, 'complete');
  return h('span', {}, a.errorCount ? h('span', { class: 'badge error' }, plural(a.errorCount, 'error')) : null, ' ', a.warningCount ? h('span', { class: 'badge warning' }, plural(a.warningCount, 'warning')) : null);
}

function audienceLabel(id: string): string {
  return { executive: 'executives', peer: 'peer engineers', junior: 'junior engineers' }[id] ?? id;
}
