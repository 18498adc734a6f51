// The language server's behaviour over one connection: check Markdown artifacts on open and
// (debounced) on change, re-check the audience variants of a `set:` together, follow the
// workspace's staffwork config, and answer code-action and hover requests.
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { builtinRules, checkSets, checkText, defaultModule, type Config, type FileResult } from '../core/index.ts';
import { CONFIG_FILES } from '../node/config.ts';
import { ignoreMatcher } from '../node/ignore.ts';
import { DEFAULT_MAX_FILE_SIZE, readText } from '../node/read-text.ts';
import { codeActions } from './actions.ts';
import { analyze, toLsp, type Analysis } from './analyze.ts';
import { hoverAt } from './hover.ts';
import { ConfigStore, MARKDOWN_GLOB, SetIndex } from './workspace.ts';

export interface ServerOptions {
  /** Quiet time after the last keystroke before a re-check. */
  debounceMs?: number;
}

export const DEFAULT_DEBOUNCE_MS = 120;

interface Published {
  /** The check that produced it; an older check never overwrites a newer one. */
  seq: number;
  version: number;
  result: FileResult | undefined;
}

export function serve(connection: Connection, options: ServerOptions = {}): { shutdownReceived(): boolean } {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const documents = new TextDocuments(TextDocument);
  // window/showMessage (a notification): window.showErrorMessage would send a request the client must answer.
  const configs = new ConfigStore((message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }));
  let roots: string[] = [];
  let sets = new SetIndex(roots);
  let versionedEdits = false;
  let canWatch = false;
  let seq = 0;
  const timers = new Map<string, NodeJS.Timeout>();
  const analyses = new Map<string, { version: number; analysis: Analysis }>();
  const published = new Map<string, Published>();
  /** The `set:` each open document was last seen in, to re-check a set a file leaves. */
  const setOf = new Map<string, string | undefined>();

  const fail = (what: string, e: unknown) => connection.console.error(`staffwork: ${what} failed: ${e instanceof Error ? e.message : String(e)}`);

  connection.onInitialize((params) => {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.map(pathOf).filter((p): p is string => p !== undefined);
    sets = new SetIndex(roots);
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

  /** The document checked alone, cached per version. */
  function analyzeDoc(doc: TextDocument): Analysis {
    const cached = analyses.get(doc.uri);
    if (cached?.version === doc.version) return cached.analysis;
    const config = configFor(doc.uri);
    const analysis: Analysis = ignored(doc.uri, config) ? { ok: false, diagnostics: [] } : analyze(doc, { config, filePath: pathOf(doc.uri) ?? doc.uri });
    analyses.set(doc.uri, { version: doc.version, analysis });
    return analysis;
  }

  function publish(doc: TextDocument, version: number, checkSeq: number, diagnostics: LspDiagnostic[], result: FileResult | undefined): void {
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
    // The version this analysis is of: TextDocuments updates `doc` in place during the awaits below.
    const version = doc.version;
    const analysis = analyzeDoc(doc);
    const set = analysis.ok ? analysis.result.set : undefined;
    const before = setOf.get(uri);
    setOf.set(uri, set);
    if (before && before !== set) await checkSet(before);
    if (set) await checkSet(set);
    else publish(doc, version, checkSeq, analysis.diagnostics, analysis.ok ? analysis.result : undefined);
  }

  /** Checks every open file of a set with the set's files on disk, and republishes the open ones. */
  async function checkSet(set: string): Promise<void> {
    const checkSeq = ++seq;
    const open = documents
      .all()
      .filter(isMarkdown)
      .map((doc) => ({ doc, version: doc.version, analysis: analyzeDoc(doc) }))
      .flatMap((m) => (m.analysis.ok && m.analysis.result.set === set ? [{ ...m, result: m.analysis.result }] : []));
    const first = open[0];
    if (!first) return;
    const config = configFor(first.doc.uri);
    const options = { module: defaultModule, rules: builtinRules, config };
    const openPaths = new Set(open.map((m) => pathOf(m.doc.uri)));
    const onDisk = (await sets.filesOf(set)).filter((f) => !openPaths.has(f));
    const diskResults = await Promise.all(
      onDisk.map(async (filePath) => {
        const read = await readText(filePath, config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
        return read.ok ? checkText(read.text, { ...options, filePath }) : undefined;
      }),
    );
    // checkSets adds to each result in place: work on copies so the per-version cache stays single-file.
    const results = open.map((m) => ({ ...m.result, diagnostics: [...m.result.diagnostics] }));
    checkSets([...results, ...diskResults.filter((r): r is FileResult => r?.set === set)], options);
    open.forEach((m, i) => {
      const result = results[i] as FileResult;
      publish(m.doc, m.version, checkSeq, toLsp(m.doc, result), result);
    });
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
    if (configChanged) analyses.clear();
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
    if (analyses.get(e.document.uri)?.version !== e.document.version) schedule(e.document.uri);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    analyses.delete(uri);
    published.delete(uri);
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
        if (change.type === FileChangeType.Deleted) sets.remove(path);
        else await sets.update(path).catch((e: unknown) => fail(`indexing ${path}`, e));
      }
    }
    if (configChanged) configs.invalidate();
    // Config changes touch every file; a changed variant on disk touches its set's open files.
    recheckAll(configChanged);
  });

  /** What the client was last shown for this text, or the document checked now. */
  function resultFor(doc: TextDocument): FileResult | undefined {
    const shown = published.get(doc.uri);
    if (shown?.version === doc.version && shown.result) return shown.result;
    const analysis = analyzeDoc(doc);
    return analysis.ok ? analysis.result : undefined;
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
