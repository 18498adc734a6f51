// The editor: CodeMirror 6 with the core's findings inline and in a side list, the section
// outline, autosave with revisions, conflict handling between tabs, a localStorage draft
// until the server acknowledges, history with restore, and a sanitised preview.
import { StateEffect } from '@codemirror/state';
import { linter, lintGutter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorView, basicSetup } from 'codemirror';
import { assignSections, defaultModule, detectKind, parse, type Diagnostic } from '../core/index.ts';
import { insertSection } from '../core/rules/structure/required-section.ts';
import type { Analysis } from './analyse.ts';
import { api, ApiError, type ArtifactSummary, type Revision, type SetMember } from './api.ts';
import { createChecker } from './checker.ts';
import { formatTime, h, plural, withArticle, wordCount } from './dom.ts';
import { renderPreview } from './preview.ts';
import { markdownSupport } from './syntax.ts';
import { AUDIENCES, audienceName, setNameFrom, withFrontMatter } from './variants.ts';

const SAVE_DELAY_MS = 600;
const LINT_DELAY_MS = 120;
const DRAFT_DELAY_MS = 200;
/** Dispatched when the other members of the set changed: the open text is checked again. */
const membersChanged = StateEffect.define<null>();

interface Draft {
  text: string;
  base: number;
  at: number;
}

/** Timings of each lint pass, read by the browser test and bench (never asserted). */
export interface LintTiming {
  /** The check itself (core checkText + outline), in the lint worker, ms. */
  pass: number;
  /** From the last keystroke to findings ready (includes the debounce), ms. */
  sinceKeystroke: number;
  chars: number;
}

declare global {
  interface Window {
    /** For the browser tests and the latency measurement. */
    __staffwork?: { view: EditorView; timings: LintTiming[]; setLoaded?: () => Promise<void> };
  }
}

export async function renderNewArtifact(main: HTMLElement, kind: string | null): Promise<void> {
  if (!kind || !defaultModule.kinds.some((k) => k.id === kind)) {
    document.title = 'Choose a kind · staffwork';
    main.replaceChildren(
      h('h1', {}, 'Choose what to write'),
      h('p', {}, kind ? `"${kind}" is not a kind this module knows. ` : '', 'Start one of these:'),
      h('ul', { class: 'plain' }, defaultModule.kinds.map((k) => h('li', {}, h('a', { href: `/artifacts/new?kind=${k.id}` }, k.name)))),
    );
    return;
  }
  const created = await api.create({ kind });
  history.replaceState(null, '', `/artifacts/${created.artifact.id}`);
  const revision: Revision = { ...created.revision, artifactId: created.artifact.id, text: created.text };
  mountEditor(main, created.artifact, revision, true);
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

function mountEditor(main: HTMLElement, artifact: ArtifactSummary, server: Revision, fresh: boolean): void {
  const id = artifact.id;
  const draftKey = `staffwork:draft:${id}`;
  let base = server.id;
  let savedText = server.text;
  let conflict: Revision | null = null;
  let saving = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = 2000;
  let noteTimer: ReturnType<typeof setTimeout> | undefined;
  let lastChangeAt = performance.now();
  let previous: Diagnostic[] | undefined;
  let quietNextPass = true;
  const timings: LintTiming[] = [];
  let archived = artifact.archivedAt !== null;
  let last: Analysis | undefined;
  /** The set whose other members the checker holds, and those members as the server gave them. */
  let setName: string | null = null;
  let setMembers: SetMember[] = [];
  let setLoading: Promise<void> | undefined;
  let variantsShown = '';

  // Layout.
  const title = h('h1', { id: 'artifact-title' }, '');
  const eyebrow = h('p', { class: 'eyebrow' }, '');
  const status = h('p', { class: 'save-status', id: 'save-status' }, 'Saved');
  // A slot of its own under the toolbar: the note never covers the findings or their links.
  const note = h('p', { class: 'live-note', role: 'status', 'aria-live': 'polite', id: 'live-note' });
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
  const historyView = h('div', { class: 'history-view', id: 'history-view' });
  const historyPanel = h(
    'section',
    { class: 'panel', id: 'history-panel', hidden: true, 'aria-labelledby': 'history-h' },
    h('h2', { id: 'history-h' }, 'History'),
    h('p', { class: 'muted small' }, 'Every save is a revision. Restoring one saves it again as the newest.'),
    historyList,
    historyView,
  );

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
      h(
        'div',
        { class: 'editor-grid' },
        h('section', { class: 'editor-pane', 'aria-label': 'Editor' }, editorHost, preview),
        h(
          'aside',
          { class: 'side', 'aria-label': 'Checks' },
          historyPanel,
          variantsPanel,
          h('section', { class: 'panel', 'aria-labelledby': 'outline-h' }, h('h2', { id: 'outline-h' }, 'Outline'), outlineNote, outline),
          h('section', { class: 'panel', 'aria-labelledby': 'findings-h' }, h('h2', { id: 'findings-h' }, 'Findings ', findingsCount), findings),
        ),
      ),
    ),
  );
  showArchived();

  // Draft: restore it when it holds words the server never acknowledged.
  let initial = server.text;
  const draft = readDraft(draftKey);
  if (draft && draft.text !== server.text) {
    if (draft.base === server.id) {
      initial = draft.text;
      announce('Restored changes this browser kept while they were not saved yet.');
    } else {
      conflict = server;
      initial = draft.text;
    }
  } else if (draft) localStorage.removeItem(draftKey);

  const checker = createChecker(id);
  const lint = linter(
    async (view) => {
      const doc = view.state.doc;
      const text = doc.toString();
      const { analysis, pass } = await checker.check(text);
      // Typed on meanwhile: CodeMirror drops these diagnostics, and the panels wait for the next pass.
      if (view.state.doc !== doc) return [];
      showResult(analysis);
      const now = performance.now();
      timings.push({ pass, sinceKeystroke: now - lastChangeAt, chars: text.length });
      if (timings.length > 500) timings.splice(0, timings.length - 500);
      return analysis.diagnostics.map(
        (d): CmDiagnostic => ({
          from: d.range[0],
          to: d.range[1],
          severity: d.severity,
          source: d.ruleId,
          message: d.message,
          ...(d.fix ? { actions: [{ name: 'Insert', apply: (v: EditorView) => v.state.doc === doc && d.fix && v.dispatch({ changes: { from: d.fix.range[0], to: d.fix.range[1], insert: d.fix.text } }) }] } : {}),
        }),
      );
    },
    { delay: LINT_DELAY_MS, needsRefresh: (u) => u.transactions.some((tr) => tr.effects.some((e) => e.is(membersChanged))) },
  );

  const nonce = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
  const view = new EditorView({
    doc: initial,
    parent: editorHost,
    extensions: [
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
        scheduleDraft();
        scheduleSave();
      }),
    ],
  });
  window.__staffwork = { view, timings, setLoaded: () => setLoading ?? Promise.resolve() };
  if (conflict) showConflict(conflict);
  else if (initial !== savedText) scheduleSave();
  if (fresh) view.focus();

  // Findings, outline, title.
  function showResult(a: Analysis): void {
    title.textContent = a.title;
    document.title = `${a.title} · staffwork`;
    const cs = a.kind && defaultModule.caseStudies.find((c) => c.kind === a.kind?.id);
    eyebrow.replaceChildren(a.kind ? a.kind.name : 'Kind not detected', ...(cs ? [' · ', h('a', { href: `/cases/${cs.id}` }, `case study ${cs.id}`)] : []));
    renderFindings(a.diagnostics);
    renderOutline(a);
    noteFixed(a.diagnostics);
    last = a;
    if (a.set !== setName) void loadSet(a.set);
    renderVariants();
  }

  // The audience variants (the artifacts of this one's `set:`), checked together live.
  /** Fetches the other members' current texts; the checker keeps them parsed, and the open text is checked with them. */
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
      renderVariants();
    })();
    setLoading = run;
    return run;
  }

  const refreshSet = () => {
    if (document.visibilityState === 'visible' && setName) void loadSet(setName);
  };
  window.addEventListener('focus', refreshSet);
  document.addEventListener('visibilitychange', refreshSet);

  function renderVariants(): void {
    const a = last;
    const show = !!a && (a.kind?.id === 'exec-summary' || a.set !== null);
    const others = setMembers.filter((m) => m.artifact.id !== id);
    const present = new Set([a?.audience, ...others.map((m) => m.audience)]);
    const missing = AUDIENCES.filter((x) => !present.has(x.id));
    // Re-render only when something shown changed, so a keystroke never moves focus out of the panel.
    const shown = JSON.stringify([show, a?.set, a?.audience, a?.title, others.map((m) => [m.artifact.id, m.audience, m.artifact.title]), missing.map((x) => x.id)]);
    if (shown === variantsShown) return;
    variantsShown = shown;
    variantsPanel.hidden = !show;
    if (!a || !show) return;
    const rows = [{ id, audience: a.audience ?? 'executive', title: a.title }, ...others.map((m) => ({ id: m.artifact.id, audience: m.audience, title: m.artifact.title }))];
    const order = (x: string) => {
      const i = AUDIENCES.findIndex((y) => y.id === x);
      return i === -1 ? AUDIENCES.length : i;
    };
    rows.sort((x, y) => order(x.audience) - order(y.audience));
    const select = h('select', { id: 'variant-audience', name: 'audience' }, missing.map((x) => h('option', { value: x.id }, x.name)));
    const addBtn = h('button', { type: 'submit', class: 'button small', id: 'add-variant' }, 'Add variant');
    const form = h(
      'form',
      {
        class: 'variant-form',
        onsubmit: (e: Event) => {
          e.preventDefault();
          addBtn.disabled = true;
          void addVariant(select.value).finally(() => (addBtn.disabled = false));
        },
      },
      h('label', { for: 'variant-audience' }, 'Add a variant for another audience'),
      h('div', { class: 'variant-add' }, select, addBtn),
    );
    variantsPanel.replaceChildren(
      h('h2', { id: 'variants-h' }, 'Audience variants'),
      a.set
        ? h('p', { class: 'muted small' }, 'Set ', h('code', {}, a.set), ': one summary for each reader. They are checked together as you type, so a date or number that differs shows up here.')
        : h('p', { class: 'muted small' }, 'Case study 5 asks for this summary for executive, peer and junior readers. Adding a variant names a set after the title and puts both in it.'),
      h(
        'ul',
        { class: 'variant-list', id: 'variant-list' },
        rows.map((r) =>
          h(
            'li',
            {},
            h('span', { class: 'variant-audience' }, audienceName(r.audience)),
            r.id === id ? h('span', { 'aria-current': 'page' }, r.title, h('span', { class: 'muted small' }, ' (this one)')) : h('a', { href: `/artifacts/${r.id}` }, r.title),
          ),
        ),
      ),
      missing.length ? form : h('p', { class: 'muted small' }, 'Every audience has a variant.'),
    );
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
    if (!(await saveNow())) return announce('Not added: save this summary first (see the status above).', 'warn');
    const copy = withFrontMatter(view.state.doc.toString(), { kind: 'exec-summary', audience, set: name });
    if (copy === undefined) return announce('Fix the front matter first (between the --- lines): the variant copies it.', 'warn');
    const created = await api.create({ text: copy });
    location.assign(`/artifacts/${encodeURIComponent(created.artifact.id)}`);
  }

  /** Saves what is typed now, waiting for a save in flight; true when the server holds it. */
  async function saveNow(): Promise<boolean> {
    clearTimeout(saveTimer);
    for (let i = 0; i < 3 && !conflict; i++) {
      while (saving) await new Promise((r) => setTimeout(r, 25));
      await flush();
      if (view.state.doc.toString() === savedText) return true;
    }
    return false;
  }

  // Archive: hides the artifact from the lists, the portfolio, progress and exports; nothing is deleted.
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
      if (to) await saveNow();
      try {
        archived = (await api.archive(id, to)).artifact.archivedAt !== null;
        showArchived();
        announce(archived ? 'Archived. Unarchive brings it back.' : 'Unarchived: it is back in your artifacts and progress.');
      } catch (e) {
        announce(`Could not ${to ? 'archive' : 'unarchive'}: ${e instanceof Error ? e.message : String(e)}`, 'warn');
      }
    })();
  });

  function renderFindings(list: Diagnostic[]): void {
    const errors = list.filter((d) => d.severity === 'error').length;
    findingsCount.textContent = list.length ? `(${list.length})` : '';
    if (!list.length) {
      findings.replaceChildren(h('li', { class: 'finding-none' }, 'No findings. The artifact meets every rule that applies to it.'));
      return;
    }
    findings.replaceChildren(
      ...list.map((d) =>
        h(
          'li',
          { class: 'finding-item' },
          h(
            'button',
            { type: 'button', class: `finding ${d.severity}`, onclick: () => goTo(d.range[0], d.range[1]) },
            h('span', { class: 'finding-top' }, h('span', { class: `badge ${d.severity}` }, d.severity), h('code', { class: 'rule-id' }, d.ruleId), h('span', { class: 'muted small' }, `line ${d.loc.start.line}`)),
            h('span', { class: 'finding-msg' }, ...inlineCode(d.message)),
            d.words?.length ? h('span', { class: 'finding-words' }, h('span', { class: 'muted' }, 'Words that fired: '), d.words.slice(0, 6).map((w) => h('mark', {}, w.length > 60 ? `${w.slice(0, 57)}…` : w))) : null,
            d.note ? h('span', { class: 'finding-note' }, h('span', { class: 'muted' }, 'Better: '), ...inlineCode(d.note)) : null,
          ),
          h('a', { class: 'finding-doc', href: d.url }, 'Why this rule?', h('span', { class: 'visually-hidden' }, ` (${d.ruleId})`)),
        ),
      ),
    );
    findings.dataset['errors'] = String(errors);
  }

  function renderOutline(a: Analysis): void {
    if (!a.kind) {
      outlineNote.textContent = 'No kind detected yet. Add front matter such as "kind: strategy", or the sections of a kind.';
      outline.replaceChildren();
      return;
    }
    outlineNote.textContent = `Sections of ${withArticle(a.kind.name.toLowerCase())}.`;
    outline.replaceChildren(
      ...a.outline.map((row) => {
        const at = row.at;
        return h(
          'li',
          { class: `outline-item ${row.state}` },
          h('span', { class: 'outline-mark', 'aria-hidden': 'true' }, row.state === 'present' ? '✓' : row.state === 'empty' ? '◐' : '○'),
          at ? h('button', { type: 'button', class: 'link-button', onclick: () => goTo(at[0], at[1]) }, row.title) : h('span', {}, row.title),
          h('span', { class: `state ${row.state}` }, row.required ? row.state : `${row.state} (optional)`),
          row.state === 'missing' ? h('button', { type: 'button', class: 'button small', onclick: () => insertMissing(row.id), 'aria-label': `Insert ${row.title} section` }, 'Insert') : null,
        );
      }),
    );
  }

  function insertMissing(sectionId: string): void {
    const text = view.state.doc.toString();
    const doc = parse(text);
    const kind = detectKind(doc, defaultModule).kind;
    const def = kind?.sections.find((s) => s.id === sectionId);
    if (!kind || !def) return;
    assignSections(doc, kind);
    const edit = insertSection(doc, kind, def);
    // Leave the cursor on a new empty line under the hint, ready for the learner's words.
    const hintEnd = edit.text.lastIndexOf('-->') + 3;
    const cut = hintEnd > 2 ? hintEnd : edit.text.trimEnd().length;
    const insert = `${edit.text.slice(0, cut)}\n${edit.text.slice(cut)}`;
    view.dispatch({ changes: { from: edit.range[0], to: edit.range[1], insert }, selection: { anchor: edit.range[0] + cut + 1 }, scrollIntoView: true });
    view.focus();
  }

  function goTo(from: number, to: number): void {
    const len = view.state.doc.length;
    view.dispatch({ selection: { anchor: Math.min(from, len), head: Math.min(to, len) }, scrollIntoView: true });
    view.focus();
  }

  /** Says, politely, which findings the learner's last edits resolved. */
  function noteFixed(now: Diagnostic[]): void {
    const before = previous;
    previous = now;
    if (!before || quietNextPass) {
      quietNextPass = false;
      return;
    }
    const remaining = new Map<string, number>();
    for (const d of now) remaining.set(key(d), (remaining.get(key(d)) ?? 0) + 1);
    const gone: Diagnostic[] = [];
    for (const d of before) {
      const n = remaining.get(key(d)) ?? 0;
      if (n > 0) remaining.set(key(d), n - 1);
      else gone.push(d);
    }
    // A finding whose rule still fires as often as before only moved or reworded itself.
    const count = (list: Diagnostic[], rule: string) => list.filter((d) => d.ruleId === rule).length;
    const fixed = gone.filter((d) => count(now, d.ruleId) < count(before, d.ruleId));
    if (!fixed.length) return;
    const first = fixed[0] as Diagnostic;
    const what = firstSentence(first.message).replace(/`/g, '');
    const more = fixed.length > 1 ? ` and ${plural(fixed.length - 1, 'more finding')}` : '';
    const left = now.filter((d) => d.severity === 'error').length;
    announce(`Fixed (${first.ruleId}): “${what}” no longer applies${more}. ${left === 0 ? 'No errors left.' : `${plural(left, 'error')} to go.`}`);
  }

  // Saving.
  function scheduleDraft(): void {
    clearTimeout(draftTimer);
    draftTimer = setTimeout(writeDraft, DRAFT_DELAY_MS);
  }

  function writeDraft(): void {
    const text = view.state.doc.toString();
    try {
      if (text === savedText && !conflict) localStorage.removeItem(draftKey);
      else localStorage.setItem(draftKey, JSON.stringify({ text, base: conflict ? conflict.id : base, at: Date.now() } satisfies Draft));
    } catch {
      // Storage full or disabled: the server copy and autosave still protect the text.
    }
  }

  function scheduleSave(delay = SAVE_DELAY_MS): void {
    clearTimeout(saveTimer);
    if (conflict) return setStatus('Not saved: choose a version above', 'warn');
    setStatus('Editing…', 'pending');
    saveTimer = setTimeout(() => void flush(), delay);
  }

  async function flush(): Promise<void> {
    if (saving || conflict) return;
    const text = view.state.doc.toString();
    if (text === savedText) return setStatus(`Saved ${clock()}`, 'ok');
    saving = true;
    let saved = false;
    setStatus('Saving…', 'pending');
    try {
      const res = await api.save(id, text, base);
      base = res.revision.id;
      savedText = text;
      retryDelay = 2000;
      writeDraft();
      setStatus(`Saved ${clock()}`, 'ok');
      saved = true;
      if (!historyPanel.hidden) void loadHistory();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) showConflict(e.body['current'] as Revision);
      else if (e instanceof ApiError && e.status === 413) setStatus('Not saved: the text is over the 2 MiB limit', 'error');
      else {
        setStatus('Not saved yet: cannot reach the workbench server. Your text is kept in this browser; retrying.', 'error');
        retryDelay = Math.min(retryDelay * 2, 30000);
        saveTimer = setTimeout(() => void flush(), retryDelay);
      }
    } finally {
      saving = false;
    }
    // Typing during the request: save again now. (After a failure the retry timer is already set.)
    if (saved && view.state.doc.toString() !== savedText) scheduleSave(0);
  }

  function setStatus(text: string, tone: 'ok' | 'pending' | 'warn' | 'error'): void {
    status.textContent = text;
    status.dataset['tone'] = tone;
  }

  // On leaving or hiding the page, keep the draft and send what is unsaved (keepalive outlives the page).
  const onHide = (e: Event) => {
    if (e.type === 'visibilitychange' && document.visibilityState !== 'hidden') return;
    writeDraft();
    const text = view.state.doc.toString();
    if (text !== savedText && !conflict && !saving) {
      api.save(id, text, base, true).then(
        (res) => {
          base = res.revision.id;
          savedText = text;
          writeDraft();
        },
        () => undefined,
      );
    }
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', onHide);

  // Two versions: the learner's and the one saved meanwhile (another tab, an old draft).
  function showConflict(current: Revision): void {
    conflict = current;
    clearTimeout(saveTimer);
    writeDraft();
    setStatus('Not saved: choose a version above', 'warn');
    const mine = view.state.doc.toString();
    const heading = h('h2', { id: 'conflict-h', tabindex: '-1' }, 'This artifact changed somewhere else');
    const resolve = (text: string) => {
      conflict = null;
      conflictBox.replaceChildren();
      base = current.id;
      savedText = current.text;
      if (text !== mine) replaceText(text);
      scheduleSave(0);
      writeDraft();
    };
    conflictBox.replaceChildren(
      h(
        'section',
        { class: 'conflict', 'aria-labelledby': 'conflict-h' },
        heading,
        h('p', {}, `Another tab or window saved a newer version (${formatTime(current.createdAt)}) while you were editing. Nothing has been overwritten: choose which version to keep, or combine them and tidy up by hand.`),
        h(
          'div',
          { class: 'conflict-grid' },
          h('figure', {}, h('figcaption', {}, `Your version · ${plural(wordCount(mine), 'word')}`), h('pre', { class: 'conflict-text', id: 'conflict-mine', tabindex: '0' }, mine)),
          h('figure', {}, h('figcaption', {}, `Saved version · ${plural(wordCount(current.text), 'word')}`), h('pre', { class: 'conflict-text', id: 'conflict-theirs', tabindex: '0' }, current.text)),
        ),
        h(
          'div',
          { class: 'conflict-actions' },
          h('button', { type: 'button', class: 'button primary', id: 'keep-mine', onclick: () => resolve(mine) }, 'Keep mine'),
          h('button', { type: 'button', class: 'button', id: 'take-theirs', onclick: () => resolve(current.text) }, 'Use the saved version'),
          h('button', { type: 'button', class: 'button', id: 'combine', onclick: () => resolve(`${mine.trimEnd()}\n\n<!-- The saved version follows: keep what you need, then delete the rest. -->\n\n${current.text}`) }, 'Combine both'),
        ),
      ),
    );
    announce('Not saved: this artifact changed in another tab. Choose a version.', 'warn');
    heading.focus();
  }

  /** Replaces the text (restore, conflict choice, a new set name) without announcing fixes that were not the learner's edits; `minimal` changes only the part that differs, keeping the cursor. */
  function replaceText(text: string, minimal = false): void {
    quietNextPass = true;
    if (!minimal) return view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    const old = view.state.doc.toString();
    let from = 0;
    while (from < old.length && from < text.length && old[from] === text[from]) from++;
    let end = 0;
    while (end < old.length - from && end < text.length - from && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
    view.dispatch({ changes: { from, to: old.length - end, insert: text.slice(from, text.length - end) } });
  }

  // History.
  historyBtn.addEventListener('click', () => {
    const open = historyPanel.hidden;
    historyPanel.hidden = !open;
    historyBtn.setAttribute('aria-expanded', String(open));
    if (open) {
      void loadHistory();
      historyPanel.scrollIntoView({ block: 'nearest' });
    }
  });

  async function loadHistory(): Promise<void> {
    const { revisions } = await api.revisions(id);
    // Newest first; versions are numbered per artifact (revision ids are global to the store).
    historyList.replaceChildren(
      ...revisions.map((r, i) => {
        const n = revisions.length - i;
        return h(
          'li',
          { class: r.id === base ? 'current' : '' },
          h('span', { class: 'history-meta' }, h('strong', {}, `Version ${n}`), ' · ', h('time', { datetime: r.createdAt }, formatTime(r.createdAt)), h('span', { class: 'muted small' }, ` · ${r.size.toLocaleString()} characters${r.id === base ? ' · current' : ''}`)),
          h('button', { type: 'button', class: 'button small', onclick: () => void showRevision(r.id, n), 'aria-label': `Show version ${n}` }, 'Show'),
        );
      }),
    );
  }

  async function showRevision(rev: number, n: number): Promise<void> {
    const { revision } = await api.revision(id, rev);
    const restore = h('button', { type: 'button', class: 'button primary small', id: 'restore-revision', onclick: () => void restoreRevision(rev, n) }, `Restore version ${n}`);
    historyView.replaceChildren(h('h3', {}, `Version ${n} · ${formatTime(revision.createdAt)}`), h('pre', { class: 'history-text', tabindex: '0', 'aria-label': `Text of version ${n}` }, revision.text), revision.id === base ? h('p', { class: 'muted small' }, 'This is the current version.') : restore);
  }

  async function restoreRevision(rev: number, n: number): Promise<void> {
    clearTimeout(saveTimer);
    await flush();
    if (conflict) return;
    try {
      const res = await api.restore(id, rev, base);
      const { revision } = await api.revision(id, res.revision.id);
      base = revision.id;
      savedText = revision.text;
      replaceText(revision.text);
      writeDraft();
      setStatus(`Saved ${clock()}`, 'ok');
      announce(`Restored version ${n}; it is saved as the newest version.`);
      historyView.replaceChildren();
      await loadHistory();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) showConflict(e.body['current'] as Revision);
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
    note.dataset['tone'] = tone;
    clearTimeout(noteTimer);
    requestAnimationFrame(() => (note.textContent = text));
    noteTimer = setTimeout(() => (note.textContent = ''), 10_000);
  }

}

function key(d: Diagnostic): string {
  return `${d.ruleId}\u0000${d.message}`;
}

function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(s);
  return (m?.[1] ?? s).replace(/[.!?]$/, '');
}

/** Messages quote words in backticks; show them as code, as text nodes (never HTML). */
function inlineCode(s: string): (Node | string)[] {
  return s.split('`').map((part, i) => (i % 2 ? h('code', {}, part) : part));
}

function readDraft(k: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(k);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Partial<Draft>;
    return typeof d.text === 'string' && typeof d.base === 'number' && typeof d.at === 'number' ? (d as Draft) : undefined;
  } catch {
    return undefined;
  }
}

function clock(): string {
  return new Date().toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
