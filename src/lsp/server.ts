// The language server's behaviour over one connection: check Markdown artifacts on open and
// (debounced) on change, re-check the audience variants of a `set:` together, follow the
// workspace's staffwork config, and answer code-action and hover requests. The open documents
// and the set variants on disk live in one core Project (a set's members are its files under one
// workspace folder): a keystroke re-checks that document and re-runs its set's rules only.
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType, MessageType, ShowMessageNotification, TextDocuments, TextDocumentSyncKind, type Connection, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinRules, defaultModule, Project, type Config, type ProjectResult } from '../core/index.ts';
import { CONFIG_FILES } from '../node/config.ts';
import { ignoreMatcher } from '../node/ignore.ts';
import { DEFAULT_MAX_FILE_SIZE, readText } from '../node/read-text.ts';
import { codeActions } from './actions.ts';
import { memo, notChecked, toLsp } from './diagnostics.ts';
import { hoverAt } from './hover.ts';
import { ConfigStore, MARKDOWN_GLOB, SetIndex } from './workspace.ts';

export interface LanguageServerOptions {
  /** Quiet time after the last keystroke before a re-check. */
  debounceMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 120;

interface Published {
  /** The check that produced it; an older check never overwrites a newer one. */
  seq: number;
  version: number;
  result: ProjectResult | undefined;
}

/** A document in the project (`path` is its key), or why it is not checked (ignored: no diagnostics; too large: one). */
type Synced = { ok: true; path: string } | { ok: false; diagnostics: LspDiagnostic[] };

const projectFor = (roots: readonly string[]) => new Project({ module: defaultModule, rules: builtinRules, membership: 'workspace', roots, memo });

export function serveConnection(connection: Connection, options: LanguageServerOptions = {}): { shutdownReceived(): boolean } {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const documents = new TextDocuments(TextDocument);
  // window/showMessage (a notification): window.showErrorMessage would send a request the client must answer.
  const configs = new ConfigStore((message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }));
  let roots: string[] = [];
  let sets = new SetIndex(roots);
  let project = projectFor(roots);
  let versionedEdits = false;
  let canWatch = false;
  let seq = 0;
  const timers = new Map<string, NodeJS.Timeout>();
  const synced = new Map<string, { version: number; state: Synced }>();
  const published = new Map<string, Published>();
  /** The `set:` each open document was last seen in, to re-check a set a file leaves. */
  const setOf = new Map<string, string | undefined>();

  const fail = (what: string, e: unknown) => connection.console.error(`staffwork: ${what} failed: ${e instanceof Error ? e.message : String(e)}`);

  connection.onInitialize((params) => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.map(pathOf).filter((p): p is string => p !== undefined);
    sets = new SetIndex(roots);
    project = projectFor(roots);
    versionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configs.watching = canWatch;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
      },
      serverInfo: { name: 'staffwork' },
    };
  });

  connection.onInitialized(() => {
    if (!canWatch) return;
    const watchers = [{ globPattern: `**/{${CONFIG_FILES.join(',')}}` }, { globPattern: MARKDOWN_GLOB }];
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch((e: unknown) => fail('registering file watchers', e));
  });

  const isMarkdown = (doc: TextDocument) => doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri);

  function configFor(uri: string): Config {
    const path = pathOf(uri);
    const dir = path ? dirname(path) : roots[0];
    return dir ? configs.forDir(dir) : configs.forDir(process.cwd());
  }

  /** Whether the config's `ignore` globs skip this file, as `staffwork check` would. */
  function ignored(uri: string, config: Config): boolean {
    const path = pathOf(uri);
    if (!path || !config.ignore.length) return false;
    const file = configs.fileFor(dirname(path));
    return ignoreMatcher(config.ignore, file ? dirname(file) : dirname(path))(path);
  }

  /** The document's key in the project: its file path (or its URI when it is not a file). */
  const keyOf = (uri: string) => pathOf(uri) ?? uri;

  /** Puts this version of the document in the project (or takes it out: ignored, too large); once per version. */
  function sync(doc: TextDocument): Synced {
    const cached = synced.get(doc.uri);
    if (cached?.version === doc.version) return cached.state;
    const config = configFor(doc.uri);
    const path = keyOf(doc.uri);
    const refused = ignored(doc.uri, config) ? [] : notChecked(doc, config);
    let state: Synced;
    if (refused) {
      project.remove(path);
      state = { ok: false, diagnostics: refused };
    } else {
      project.upsert(path, doc.getText(), { config, filePath: path });
      state = { ok: true, path };
    }
    synced.set(doc.uri, { version: doc.version, state });
    return state;
  }

  function publish(doc: TextDocument, version: number, checkSeq: number, diagnostics: LspDiagnostic[], result: ProjectResult | undefined): void {
    // A newer text is on its way, or a newer check already spoke: this result is stale.
    if (documents.get(doc.uri)?.version !== version) return;
    if ((published.get(doc.uri)?.seq ?? 0) > checkSeq) return;
    published.set(doc.uri, { seq: checkSeq, version, result });
    void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  }

  async function check(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc || !isMarkdown(doc)) return;
    const checkSeq = ++seq;
    // The version this check is of: TextDocuments updates `doc` in place during the awaits below.
    const version = doc.version;
    const state = sync(doc);
    const set = state.ok ? project.setOf(state.path) : undefined;
    const before = setOf.get(uri);
    setOf.set(uri, set);
    if (before && before !== set) await checkSet(before);
    if (set) await checkSet(set);
    else if (state.ok) {
      const result = project.result(state.path);
      publish(doc, version, checkSeq, result ? toLsp(doc, result) : [], result);
    } else publish(doc, version, checkSeq, state.diagnostics, undefined);
  }

  /** Brings the set's files on disk (those not open) into the project, and republishes the set's open files. */
  async function checkSet(set: string): Promise<void> {
    const checkSeq = ++seq;
    const inSet = () =>
      documents
        .all()
        .filter(isMarkdown)
        .flatMap((doc) => {
          const state = sync(doc);
          return state.ok && project.setOf(state.path) === set ? [{ doc, version: doc.version, path: state.path }] : [];
        });
    if (!inSet().length) return;
    const onDisk = await sets.filesOf(set);
    const read = await Promise.all(onDisk.map(async (path) => ({ path, read: await readText(path, configs.forDir(dirname(path)).maxFileSize ?? DEFAULT_MAX_FILE_SIZE) })));
    // Open documents are their editor's text, whatever the disk says (one may have opened meanwhile).
    const open = new Set(documents.all().map((d) => keyOf(d.uri)));
    const listed = new Set(onDisk);
    for (const { path, read: r } of read) {
      if (open.has(path)) continue;
      if (r.ok) project.upsert(path, r.text, { config: configs.forDir(dirname(path)), filePath: path });
      else project.remove(path);
    }
    // Files read from disk earlier that the index no longer lists in this set (deleted, or moved to another set).
    for (const path of project.paths()) if (!open.has(path) && !listed.has(path) && project.setOf(path) === set) project.remove(path);
    for (const m of inSet()) {
      const result = project.result(m.path);
      if (result) publish(m.doc, m.version, checkSeq, toLsp(m.doc, result), result);
    }
  }

  const run = (uri: string) => check(uri).catch((e: unknown) => fail(`checking ${uri}`, e));

  function schedule(uri: string): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void run(uri);
      }, debounceMs),
    );
  }

  function recheckAll(configChanged: boolean): void {
    if (configChanged) synced.clear();
    for (const doc of documents.all()) void run(doc.uri);
  }

  /**
   * Without file watching (Neovim on Linux, some Helix builds) a config created or edited in
   * another buffer or outside the editor is noticed at the next open or save of any file: the
   * open documents are checked again when the config files that govern them changed.
   */
  const configSignatures = new Map<string, string>();
  function noticeConfigChanges(): void {
    if (canWatch) return;
    let changed = false;
    for (const doc of documents.all()) {
      const path = pathOf(doc.uri);
      if (!path) continue;
      const dir = dirname(path);
      const signature = configs.signature(dir);
      const before = configSignatures.get(dir);
      if (before !== undefined && before !== signature) changed = true;
      configSignatures.set(dir, signature);
    }
    if (changed) recheckAll(true);
  }

  documents.onDidOpen((e) => {
    noticeConfigChanges();
    void run(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    // Also fired right after onDidOpen, for the version just checked; only edits are debounced.
    if (synced.get(e.document.uri)?.version !== e.document.version) schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    synced.delete(uri);
    published.delete(uri);
    // Its saved text (if any) comes back from disk when its set is checked again.
    project.remove(keyOf(uri));
    const set = setOf.get(uri);
    setOf.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    // Its saved text (if any) is still a member on disk; the other variants see that now.
    if (set) checkSet(set).catch((e: unknown) => fail(`checking set ${set}`, e));
  });
  documents.onDidSave((e) => {
    const path = pathOf(e.document.uri);
    if (!path) return;
    if (CONFIG_FILES.includes(basename(path))) {
      configs.invalidate();
      recheckAll(true);
      return;
    }
    if (isMarkdown(e.document)) sets.update(path).catch((err: unknown) => fail(`indexing ${path}`, err));
    noticeConfigChanges();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    let configChanged = false;
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (!path) continue;
      if (CONFIG_FILES.includes(basename(path))) configChanged = true;
      else if (/\.(md|markdown)$/i.test(path)) {
        if (change.type === FileChangeType.Deleted) {
          sets.remove(path);
          if (!documents.all().some((d) => keyOf(d.uri) === path)) project.remove(path);
        } else await sets.update(path).catch((e: unknown) => fail(`indexing ${path}`, e));
      }
    }
    if (configChanged) configs.invalidate();
    // Config changes touch every file; a changed variant on disk touches its set's open files.
    recheckAll(configChanged);
  });

  /** What the client was last shown for this text, or the document checked now. */
  function resultFor(doc: TextDocument): ProjectResult | undefined {
    const shown = published.get(doc.uri);
    if (shown?.version === doc.version && shown.result) return shown.result;
    const state = sync(doc);
    return state.ok ? project.result(state.path) : undefined;
  }

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    const result = doc && isMarkdown(doc) ? resultFor(doc) : undefined;
    return doc && result ? codeActions({ doc, result, documentChanges: versionedEdits }, params.context.diagnostics) : [];
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    const result = doc && isMarkdown(doc) ? resultFor(doc) : undefined;
    return doc && result ? hoverAt(doc, result, defaultModule, params.position) : null;
  });

  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });

  documents.listen(connection);
  return { shutdownReceived: () => shutdown };
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
