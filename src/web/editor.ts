// The editor page: CodeMirror 6 wired to the panels (findings, outline, variants, history,
// conflict), the save controller (autosave, keepalive on hide, Ctrl+S, conflicts), the draft
// kept in this browser until the server acknowledges it, the "Fixed" note and the preview.
import { ChangeSet, StateEffect } from '@codemirror/state';
import { linter, lintGutter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { keymap } from '@codemirror/view';
import { EditorView, basicSetup } from 'codemirror';
import { defaultModule, parse, type Diagnostic } from '../core/page.ts';
import type { DraftCheck, OutlineRow } from './draft-check.ts';
import { api, ApiError, type ArtifactSummary, type PortfolioEntry, type Revision, type SetMember } from './api.ts';
import { createChecker } from './checker.ts';
import { formatTime, h, plural, withArticle } from './dom.ts';
import { draftStore } from './draft-store.ts';
import { fixedFindings } from './fixed.ts';
import { renderConflict, refreshConflictDiff, type ConflictChoice } from './panels/conflict.ts';
import { renderFindings, tooltipMessage } from './panels/findings.ts';
import { historyPanel } from './panels/history.ts';
import { renderOutline } from './panels/outline.ts';
import { renderVariants, variantsKey } from './panels/variants.ts';
import { renderPreview } from './preview.ts';
import { createSaveController, initialSaveState, type SaveStatus } from './save-controller.ts';
import { markdownSupport } from './syntax.ts';
import { editorMounted, type LintTiming } from './test-hooks.ts';
import { setNameFrom, withFrontMatter } from './variants.ts';

const LINT_DELAY_MS = 120;
const DRAFT_DELAY_MS = 200;
/** The "Fixed" note compares states this long after the last keystroke, never half-typed ones. */
const SETTLE_MS = 900;
/** Dispatched when the other members of the set changed: the open text is checked again. */
const membersChanged = StateEffect.define<null>();

/**
 * `/artifacts/new?kind=`: a page, never a side effect. It offers the drafts of that kind the
 * learner already has, and creates a new one only when they press the button (a POST with the
 * CSRF header, which a cross-site link cannot send).
 */
export async function renderNewArtifact(main: HTMLElement, kind: string | null): Promise<void> {
  const def = defaultModule.kinds.find((k) => k.id === kind);
  if (!kind || !def) {
    document.title = 'Choose a kind · staffwork';
    main.replaceChildren(
      h('h1', {}, 'Choose what to write'),
      h('p', {}, kind ? `"${kind}" is not a kind this module knows. ` : '', 'Start one of these:'),
      h(
        'ul',
        { class: 'plain' },
        defaultModule.kinds.map((k) => h('li', {}, h('a', { href: `/artifacts/new?kind=${k.id}` }, k.name))),
      ),
    );
    return;
  }
  const name = def.name.toLowerCase();
  document.title = `Start ${withArticle(name)} · staffwork`;
  const drafts: PortfolioEntry[] = (await api.portfolio()).artifacts.filter((a) => a.kind === kind);
  const start = h('button', { type: 'button', class: 'button primary', id: 'create-artifact' }, drafts.length ? `Start a new ${name}` : `Start ${withArticle(name)}`);
  const error = h('p', { class: 'error-text', role: 'alert' });
  start.addEventListener('click', () => {
    start.disabled = true;
    api.create({ kind }).then(
      (created) => {
        history.replaceState(null, '', `/artifacts/${created.artifact.id}`);
        mountEditor(main, created.artifact, { ...created.revision, artifactId: created.artifact.id, text: created.text }, true);
      },
      (e: unknown) => {
        start.disabled = false;
        error.textContent = `Could not start it: ${e instanceof Error ? e.message : String(e)}`;
      },
    );
  });
  main.replaceChildren(
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, 'Module'), h('span', { 'aria-hidden': 'true' }, ' › '), h('span', { 'aria-current': 'page' }, `New ${name}`)),
    h('h1', {}, `Start ${withArticle(name)}`),
    drafts.length
      ? h(
          'section',
          { class: 'card continue', 'aria-labelledby': 'continue-h' },
          h('h2', { id: 'continue-h' }, drafts.length === 1 ? 'Continue your draft' : 'Continue one of your drafts'),
          h(
            'ul',
            { class: 'plain', id: 'drafts' },
            drafts.map((a) =>
              h('li', {}, h('a', { href: `/artifacts/${a.id}`, class: 'continue-link' }, a.title), h('span', { class: 'muted small' }, ` · saved ${formatTime(a.updatedAt)} · ${a.errorCount ? plural(a.errorCount, 'error') : 'no errors'}`)),
            ),
          ),
        )
      : h('p', {}, `A new ${name} opens with every section it needs, each with a hint.`),
    h('p', {}, start),
    error,
  );
  (drafts.length ? main.querySelector<HTMLElement>('.continue-link') : start)?.focus();
}

export async function renderArtifact(main: HTMLElement, id: string): Promise<void> {
  let found;
  try {
    found = await api.get(id);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      document.title = 'Artifact not found · staffwork';
      main.replaceChildren(h('h1', {}, 'Artifact not found'), h('p', {}, 'There is no artifact with this address here. ', h('a', { href: '/' }, 'Back to the module')));
      return;
    }
    throw e;
  }
  mountEditor(main, found.artifact, found.revision, false);
}

/** Where the learner's first words go in a new artifact: under the first section's hint, never in the front matter. */
export function firstWritingPosition(text: string): number {
  const doc = parse(text);
  const first = doc.sections.find((s) => !(s.style === 'heading' && s.depth === 1));
  const fmEnd = doc.frontMatter ? doc.frontMatter.span.end : 0;
  if (!first) return Math.max(fmEnd, text.length);
  const afterTitle = text.indexOf('\n', first.titleSpan.end);
  if (afterTitle === -1) return text.length;
  const hint = /^\s*<!--[^]*?-->[ \t]*\n?/.exec(text.slice(afterTitle + 1));
  return afterTitle + 1 + (hint ? hint[0].length : 0);
}

const STATUS_TEXT: Record<SaveStatus, [string, 'ok' | 'pending' | 'warn' | 'error']> = {
  saved: ['Saved', 'ok'],
  editing: ['Editing…', 'pending'],
  saving: ['Saving…', 'pending'],
  offline: ['Not saved yet: cannot reach the workbench server. Your text is kept in this browser; retrying.', 'error'],
  'too-large': ['Not saved: the text is over the 2 MiB limit', 'error'],
  conflict: ['Not saved: choose a version above', 'warn'],
};

function mountEditor(main: HTMLElement, artifact: ArtifactSummary, server: Revision, fresh: boolean): void {
  const id = artifact.id;
  const drafts = draftStore(id);
  const timings: LintTiming[] = [];
  let lastChangeAt = performance.now();
  let last: DraftCheck | undefined;
  let conflictWith: Revision | null = null;
  /** The set whose other members the checker holds, and those members as the server gave them. */
  let setName: string | null = null;
  let setMembers: SetMember[] = [];
  let setLoading: Promise<void> | undefined;
  let variantsShown = '';
  let noteTimer: ReturnType<typeof setTimeout> | undefined;

  // Layout.
  const title = h('h1', { id: 'artifact-title' }, '');
  const eyebrow = h('p', { class: 'eyebrow' }, '');
  const status = h('p', { class: 'save-status', id: 'save-status' }, 'Saved');
  // A slot of its own under the toolbar, one line high: the note never moves the editor or covers the findings.
  const note = h('p', { class: 'live-note', role: 'status', 'aria-live': 'polite', id: 'live-note' });
  const saveBtn = h('button', { type: 'button', class: 'button', id: 'save-now', 'aria-keyshortcuts': 'Control+S Meta+S' }, 'Save');
  const archiveBtn = h('button', { type: 'button', class: 'button', id: 'archive-toggle' }, 'Archive');
  const archivedBox = h('div', { id: 'archived-box' });
  const variantsPanel = h('section', { class: 'panel variants', id: 'variants', hidden: true, 'aria-labelledby': 'variants-h' });
  const previewBtn = h('button', { type: 'button', class: 'button', 'aria-pressed': 'false', id: 'preview-toggle' }, 'Preview');
  const historyBtn = h('button', { type: 'button', class: 'button', 'aria-expanded': 'false', 'aria-controls': 'history-panel', id: 'history-toggle' }, 'History');
  const conflictBox = h('div', { id: 'conflict' });
  const editorHost = h('div', { class: 'editor-host', id: 'editor' });
  const preview = h('div', { class: 'preview prose', id: 'preview', hidden: true, tabindex: '0', 'aria-label': 'Preview' });
  const outline = h('ol', { class: 'outline', id: 'outline' });
  const outlineNote = h('p', { class: 'muted small', id: 'outline-note' });
  const findingsCount = h('span', { class: 'count', id: 'findings-count' }, '');
  const findings = h('ol', { class: 'findings', id: 'findings' });
  const historyList = h('ol', { class: 'history', id: 'history-list' });
  const historyPager = h('div', { class: 'history-pager', id: 'history-pager' });
  const historyView = h('div', { class: 'history-view', id: 'history-view' });
  const historyBox = h(
    'section',
    { class: 'panel', id: 'history-panel', hidden: true, 'aria-labelledby': 'history-h' },
    h('h2', { id: 'history-h' }, 'History'),
    h('p', { class: 'muted small' }, 'Every save is a revision. Restoring one saves it again as the newest.'),
    historyList,
    historyPager,
    historyView,
  );
  // On a narrow screen the text and the checks are two views of one pane, switched right above the text.
  const paneText = h('button', { type: 'button', class: 'pane-tab', id: 'pane-text', 'aria-pressed': 'true', 'aria-controls': 'editor-pane' }, 'Text');
  const paneChecksCount = h('span', { class: 'count' }, '');
  const paneChecks = h('button', { type: 'button', class: 'pane-tab', id: 'pane-checks', 'aria-pressed': 'false', 'aria-controls': 'side' }, 'Findings ', paneChecksCount);
  const grid = h(
    'div',
    { class: 'editor-grid', 'data-pane': 'text' },
    h('section', { class: 'editor-pane', id: 'editor-pane', 'aria-label': 'Editor' }, editorHost, preview),
    h(
      'aside',
      { class: 'side', id: 'side', 'aria-label': 'Checks' },
      historyBox,
      variantsPanel,
      h('section', { class: 'panel', 'aria-labelledby': 'outline-h' }, h('h2', { id: 'outline-h' }, 'Outline'), outlineNote, outline),
      h('section', { class: 'panel', 'aria-labelledby': 'findings-h' }, h('h2', { id: 'findings-h' }, 'Findings ', findingsCount), findings),
    ),
  );
  const showPane = (which: 'text' | 'checks') => {
    grid.dataset['pane'] = which;
    paneText.setAttribute('aria-pressed', String(which === 'text'));
    paneChecks.setAttribute('aria-pressed', String(which === 'checks'));
  };
  paneText.addEventListener('click', () => showPane('text'));
  paneChecks.addEventListener('click', () => showPane('checks'));

  main.replaceChildren(
    h(
      'div',
      { class: 'editor-page' },
      h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, h('a', { href: '/' }, 'Module'), h('span', { 'aria-hidden': 'true' }, ' › '), h('span', { 'aria-current': 'page' }, 'Artifact')),
      h(
        'div',
        { class: 'editor-head' },
        h('div', { class: 'editor-title' }, eyebrow, title),
        h(
          'div',
          { class: 'toolbar', role: 'group', 'aria-label': 'Artifact actions' },
          status,
          saveBtn,
          previewBtn,
          historyBtn,
          h('a', { class: 'button', href: `/api/artifacts/${id}/export.md`, download: '' }, 'Export .md'),
          h('a', { class: 'button', href: `/artifacts/${id}/print` }, 'Print'),
          archiveBtn,
        ),
      ),
      note,
      archivedBox,
      conflictBox,
      h('div', { class: 'pane-tabs', role: 'group', 'aria-label': 'Show' }, paneText, paneChecks),
      grid,
    ),
  );

  // Draft: restore it when it holds words the server never acknowledged.
  let initial = server.text;
  let startConflict = false;
  const draft = drafts.read();
  if (draft && draft.text !== server.text) {
    initial = draft.text;
    if (draft.base === server.id) announce('Restored changes this browser kept while they were not saved yet.');
    else startConflict = true;
  } else if (draft) drafts.remove();

  const saves = createSaveController(initialSaveState(server.id, server.text, initial), {
    send: (text, base, keepalive) =>
      api.save(id, text, base, keepalive).then(
        (res) => ({ ok: true as const, revision: res.revision.id }),
        (e: unknown) => {
          if (e instanceof ApiError && e.status === 409) return { ok: false as const, conflict: e.body['current'] as Revision };
          if (e instanceof ApiError && e.status === 413) return { ok: false as const, tooLarge: true as const };
          return { ok: false as const };
        },
      ),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
    onStatus: (s) => {
      const [text, tone] = STATUS_TEXT[s];
      status.textContent = s === 'saved' ? `Saved ${clock()}` : text;
      status.dataset['tone'] = tone;
    },
    onConflict: (current) => showConflict(current as Revision),
    onSaved: (revision) => {
      writeDraft();
      if (!historyBox.hidden) history.added({ id: revision, baseId: null, createdAt: new Date().toISOString(), size: view.state.doc.length });
    },
  });

  const checker = createChecker(id);
  const lint = linter(
    async (v) => {
      const doc = v.state.doc;
      const text = doc.toString();
      const { analysis, pass } = await checker.check(text);
      // Typed on meanwhile: CodeMirror drops these diagnostics, and the panels wait for the next pass.
      if (v.state.doc !== doc) return [];
      showResult(analysis, text);
      timings.push({ pass, sinceKeystroke: performance.now() - lastChangeAt, chars: text.length });
      if (timings.length > 500) timings.splice(0, timings.length - 500);
      return analysis.diagnostics.map(
        (d): CmDiagnostic => ({
          from: d.range[0],
          to: d.range[1],
          severity: d.severity,
          source: d.ruleId,
          message: d.message,
          renderMessage: () => tooltipMessage(d),
          ...(d.fix ? { actions: [{ name: 'Insert', apply: (ev: EditorView) => ev.state.doc === doc && d.fix && ev.dispatch({ changes: { from: d.fix.range[0], to: d.fix.range[1], insert: d.fix.text } }) }] } : {}),
        }),
      );
    },
    { delay: LINT_DELAY_MS, needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(membersChanged))) },
  );

  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  // The "Fixed" note: the findings of the last settled text, and the edits made since.
  let settled: { text: string; diagnostics: Diagnostic[] } | undefined;
  let sinceSettled = ChangeSet.empty(initial.length);
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let quiet = true;

  const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
  const view = new EditorView({
    doc: initial,
    parent: editorHost,
    extensions: [
      keymap.of([
        {
          key: 'Mod-s',
          preventDefault: true,
          run: () => {
            saves.dispatch({ type: 'saveNow' });
            return true;
          },
        },
      ]),
      basicSetup,
      markdownSupport,
      EditorView.lineWrapping,
      lint,
      lintGutter(),
      EditorView.cspNonce.of(nonce),
      // tabindex lets axe see the scroller's focusable content; contenteditable is focusable anyway.
      EditorView.contentAttributes.of({ 'aria-label': 'Artifact text (Markdown)', tabindex: '0' }),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged) return;
        lastChangeAt = performance.now();
        sinceSettled = sinceSettled.compose(u.changes);
        clearTimeout(draftTimer);
        draftTimer = setTimeout(writeDraft, DRAFT_DELAY_MS);
        const text = u.state.doc.toString();
        saves.dispatch({ type: 'edit', text });
        if (conflictWith) refreshConflictDiff(conflictBox, conflictWith, text);
      }),
    ],
  });
  // Ctrl+S / Cmd+S anywhere on the page saves now instead of the browser's "save page".
  const onKey = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      saves.dispatch({ type: 'saveNow' });
    }
  };
  document.addEventListener('keydown', onKey);
  saveBtn.addEventListener('click', () => saves.dispatch({ type: 'saveNow' }));
  for (const fn of editorMounted) fn({ view, timings, setLoaded: () => setLoading ?? Promise.resolve() });

  if (startConflict) showConflict(server);
  else if (initial !== server.text) saves.dispatch({ type: 'edit', text: initial });
  if (fresh) {
    const at = firstWritingPosition(initial);
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
    view.focus();
  }

  function showResult(a: DraftCheck, text: string): void {
    title.textContent = a.title;
    document.title = `${a.title} · staffwork`;
    const cs = a.kind && defaultModule.caseStudies.find((c) => c.kind === a.kind?.id);
    eyebrow.replaceChildren(a.kind ? a.kind.name : 'Kind not detected', ...(cs ? [' · ', h('a', { href: `/cases/${cs.id}` }, `case study ${cs.id}`)] : []));
    renderFindings(findings, findingsCount, a.diagnostics, goTo);
    paneChecksCount.textContent = a.diagnostics.length ? `(${a.diagnostics.length})` : '';
    renderOutline(outline, outlineNote, a, { goTo, insert: insertSection });
    last = a;
    scheduleSettle(text);
    if (a.set !== setName) void loadSet(a.set);
    drawVariants();
  }

  /** After a pause in typing, says which findings the edits since the last pause fixed. */
  function scheduleSettle(text: string): void {
    clearTimeout(settleTimer);
    // The text as loaded (or as a restore or conflict choice left it) is the first baseline.
    if (!settled || quiet) {
      quiet = false;
      settled = { text, diagnostics: last?.diagnostics ?? [] };
      sinceSettled = ChangeSet.empty(text.length);
      return;
    }
    findings.dataset['settled'] = 'false';
    settleTimer = setTimeout(() => {
      const a = last;
      if (!a || !settled || view.state.doc.toString() !== text) return;
      // Says the learner has seen these findings for a pause (the browser tests wait on it).
      findings.dataset['settled'] = 'true';
      const before = settled;
      const changes = sinceSettled;
      settled = { text, diagnostics: a.diagnostics };
      sinceSettled = ChangeSet.empty(text.length);
      const deleted = (from: number, to: number) => {
        let gone = false;
        changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
          if (to > from && fromA <= from && toA >= to && inserted.toString().trim() === '') gone = true;
        });
        return gone;
      };
      const fixed = fixedFindings(before.diagnostics, before.text, a.diagnostics, text, deleted);
      if (!fixed.length) return;
      const first = fixed[0] as Diagnostic;
      const what = firstSentence(first.message).replace(/`/g, '');
      const more = fixed.length > 1 ? ` and ${plural(fixed.length - 1, 'more finding')}` : '';
      const left = a.diagnostics.filter((d) => d.severity === 'error').length;
      announce(`Fixed: “${what}”${more}. ${left === 0 ? 'No errors left.' : `${plural(left, 'error')} to go.`}`);
    }, SETTLE_MS);
  }

  // The audience variants (the artifacts of this one's `set:`), checked together live.
  function loadSet(name: string | null): Promise<void> {
    setName = name;
    const run = (async () => {
      let members: SetMember[] = [];
      if (name) {
        try {
          members = (await api.set(name)).members;
        } catch {
          // Offline: keep what was there; the next focus tries again.
          if (setName === name) return;
        }
      }
      if (setName !== name) return;
      setMembers = members;
      checker.setMembers(members.filter((m) => m.artifact.id !== id).map((m) => ({ id: m.artifact.id, name: m.artifact.title, text: m.revision.text })));
      view.dispatch({ effects: membersChanged.of(null) });
    })();
    setLoading = run;
    return run;
  }
  const refreshSet = () => {
    if (document.visibilityState === 'visible' && setName) void loadSet(setName);
  };
  window.addEventListener('focus', refreshSet);
  document.addEventListener('visibilitychange', refreshSet);

  function drawVariants(): void {
    const state = last ? { id, analysis: last, others: setMembers.filter((m) => m.artifact.id !== id), addVariant } : undefined;
    const key = variantsKey(state);
    if (!state || key === variantsShown) return;
    variantsShown = key;
    renderVariants(variantsPanel, state);
  }

  /** Copies this summary for another audience, in the same set (naming one first if there is none), and opens the copy. */
  async function addVariant(audience: string): Promise<void> {
    const a = last;
    if (!a) return;
    let name = a.set;
    if (!name) {
      const base = setNameFrom(a.title);
      name = base;
      // A set of that name made from another summary: take the next free one.
      for (let n = 2; (await api.set(name)).members.some((m) => m.artifact.id !== id) && n < 50; n++) name = `${base}-${n}`;
      const mine = withFrontMatter(view.state.doc.toString(), { kind: 'exec-summary', audience: a.audience ?? 'executive', set: name });
      if (mine === undefined) return announce('Fix the front matter first (between the --- lines): the variant copies it.', 'warn');
      replaceText(mine, true);
    }
    if (!(await saves.flush())) return announce('Not added: save this summary first (see the status above).', 'warn');
    const copy = withFrontMatter(view.state.doc.toString(), { kind: 'exec-summary', audience, set: name });
    if (copy === undefined) return announce('Fix the front matter first (between the --- lines): the variant copies it.', 'warn');
    const created = await api.create({ text: copy });
    location.assign(`/artifacts/${encodeURIComponent(created.artifact.id)}`);
  }

  // Archive: hides the artifact from the lists, the portfolio, progress and exports; nothing is deleted.
  let archived = artifact.archivedAt !== null;
  function showArchived(): void {
    archiveBtn.textContent = archived ? 'Unarchive' : 'Archive';
    if (archived) archiveBtn.setAttribute('aria-describedby', 'archived-text');
    else archiveBtn.removeAttribute('aria-describedby');
    archivedBox.replaceChildren(
      ...(archived
        ? [h('p', { class: 'archived-note', id: 'archived-text' }, h('strong', {}, 'Archived. '), 'It is hidden from your artifacts, the portfolio, progress and exports. Its text and history are kept; Unarchive brings it back.')]
        : []),
    );
  }
  archiveBtn.addEventListener('click', () => {
    void (async () => {
      const to = !archived;
      if (to) await saves.flush();
      try {
        archived = (await api.archive(id, to)).artifact.archivedAt !== null;
        showArchived();
        announce(archived ? 'Archived. Unarchive brings it back.' : 'Unarchived: it is back in your artifacts and progress.');
      } catch (e) {
        announce(`Could not ${to ? 'archive' : 'unarchive'}: ${e instanceof Error ? e.message : String(e)}`, 'warn');
      }
    })();
  });
  showArchived();

  /** Applies the edit the core computed for a missing section, leaving the cursor on a new line under its hint. */
  function insertSection(row: OutlineRow): void {
    const edit = row.insert;
    if (!edit) return;
    const hintEnd = edit.text.lastIndexOf('-->') + 3;
    const cut = hintEnd > 2 ? hintEnd : edit.text.trimEnd().length;
    const insert = `${edit.text.slice(0, cut)}\n${edit.text.slice(cut)}`;
    view.dispatch({ changes: { from: edit.range[0], to: edit.range[1], insert }, selection: { anchor: edit.range[0] + cut + 1 }, scrollIntoView: true });
    showPane('text');
    view.focus();
  }

  function goTo(from: number, to: number): void {
    const len = view.state.doc.length;
    showPane('text');
    view.dispatch({ selection: { anchor: Math.min(from, len), head: Math.min(to, len) }, scrollIntoView: true });
    view.focus();
  }

  function writeDraft(): void {
    const text = view.state.doc.toString();
    const s = saves.state;
    if (text === s.saved && !s.conflict) drafts.remove();
    else drafts.write(text, conflictWith ? conflictWith.id : s.base);
  }

  // On leaving or hiding the page, keep the draft and send what is unsaved (keepalive outlives the page).
  const onHide = (e: Event) => {
    if (e.type === 'visibilitychange' && document.visibilityState !== 'hidden') return;
    writeDraft();
    saves.dispatch({ type: 'hidden' });
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', onHide);

  // Two versions: the learner's and the one saved meanwhile (another tab, an old draft).
  function showConflict(current: Revision): void {
    conflictWith = current;
    writeDraft();
    const base = saves.state.saved === current.text ? undefined : startConflict ? undefined : saves.state.saved;
    const heading = renderConflict(conflictBox, current, { mine: () => view.state.doc.toString(), base, resolve: (choice) => void resolveConflict(current, choice) });
    announce('Not saved: this artifact changed in another tab. Choose a version.', 'warn');
    heading.focus();
  }

  async function resolveConflict(current: Revision, choice: ConflictChoice): Promise<void> {
    conflictWith = null;
    startConflict = false;
    let base = current.id;
    if (choice.kind === 'theirs' && choice.mine !== current.text) {
      // The learner's words become a revision first, so "Use the saved version" never loses them.
      try {
        base = (await api.save(id, choice.mine, current.id)).revision.id;
      } catch {
        drafts.write(choice.mine, current.id);
      }
    }
    // Re-read the editor: the learner may still be typing.
    const now = view.state.doc.toString();
    const text = choice.kind === 'mine' ? now : choice.text;
    if (text !== now) replaceText(text, true);
    saves.dispatch({ type: 'rebase', base, saved: base === current.id ? current.text : (choice as { mine: string }).mine, text });
    writeDraft();
    if (choice.kind === 'theirs') announce('Using the saved version. Your text is kept in the history as the version before it.');
    else if (choice.kind === 'combined')
      announce(choice.conflicts ? `Combined: ${plural(choice.conflicts, 'section')} changed in both, marked with comments. Keep what you need and delete the rest.` : 'Combined both versions section by section.');
  }

  /** Replaces the text (restore, conflict choice, a new set name) without announcing fixes that were not the learner's edits; `minimal` changes only the part that differs, keeping the cursor. */
  function replaceText(text: string, minimal = false): void {
    quiet = true;
    if (!minimal) return view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    const old = view.state.doc.toString();
    let from = 0;
    while (from < old.length && from < text.length && old[from] === text[from]) from++;
    let end = 0;
    while (end < old.length - from && end < text.length - from && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
    view.dispatch({ changes: { from, to: old.length - end, insert: text.slice(from, text.length - end) } });
  }

  // History.
  const history = historyPanel(historyList, historyPager, historyView, {
    list: async () => (await api.revisions(id)).revisions,
    get: async (rev) => (await api.revision(id, rev)).revision,
    count: async (text) => {
      const { analysis } = await checker.check(text);
      return { errors: analysis.diagnostics.filter((d) => d.severity === 'error').length, warnings: analysis.diagnostics.filter((d) => d.severity === 'warning').length };
    },
    current: () => ({ base: saves.state.base, text: view.state.doc.toString() }),
    restore: restoreRevision,
  });
  historyBtn.addEventListener('click', () => {
    const open = historyBox.hidden;
    historyBox.hidden = !open;
    historyBtn.setAttribute('aria-expanded', String(open));
    if (open) {
      showPane('checks');
      void history.load();
      historyBox.scrollIntoView({ block: 'nearest' });
    }
  });

  async function restoreRevision(rev: number, n: number): Promise<void> {
    await saves.flush();
    if (saves.state.conflict) return;
    try {
      const res = await api.restore(id, rev, saves.state.base);
      const { revision } = await api.revision(id, res.revision.id);
      replaceText(revision.text);
      saves.dispatch({ type: 'rebase', base: revision.id, saved: revision.text, text: revision.text });
      writeDraft();
      announce(`Restored version ${n}; it is saved as the newest version.`);
      history.clearView();
      await history.load();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) saves.dispatch({ type: 'conflict', current: e.body['current'] as Revision });
      else announce(`Could not restore: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  // Preview.
  previewBtn.addEventListener('click', () => {
    const on = preview.hidden;
    if (on) renderPreview(preview, view.state.doc.toString());
    preview.hidden = !on;
    editorHost.hidden = on;
    previewBtn.setAttribute('aria-pressed', String(on));
    previewBtn.textContent = on ? 'Edit' : 'Preview';
    if (!on) view.focus();
  });

  function announce(text: string, tone: 'ok' | 'warn' = 'ok'): void {
    // Re-setting the same text is not announced; clear first. The note is cleared after a
    // while; its slot stays, so nothing moves.
    note.textContent = '';
    note.title = text;
    note.dataset['tone'] = tone;
    clearTimeout(noteTimer);
    requestAnimationFrame(() => (note.textContent = text));
    noteTimer = setTimeout(() => (note.textContent = ''), 10_000);
  }
}

function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(s);
  return (m?.[1] ?? s).replace(/[.!?]$/, '');
}

function clock(): string {
  return new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
