// A small LSP client for the tests: starts the real server process and talks to it over
// stdio with vscode-languageserver-protocol, recording what the server publishes.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type RegistrationParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(import.meta.dirname, '../..');

/**
 * The server command: the built binary (`npm test` builds first); STAFFWORK_LSP_SOURCE=1 runs
 * the source through tsx instead, for working on the server without a build.
 */
export function serverCommand(): string[] {
  if (process.env['STAFFWORK_LSP_SOURCE']) return ['--import', 'tsx', join(ROOT, 'src/lsp/main-dev.ts')];
  // STAFFWORK_BIN: another build of the CLI, as in test/cli/helpers.ts.
  return [process.env['STAFFWORK_BIN'] ?? join(ROOT, 'bin/staffwork.js'), 'lsp', '--stdio'];
}

export const uriOf = (path: string) => pathToFileURL(path).href;

export interface Client {
  connection: ProtocolConnection;
  process: ChildProcessWithoutNullStreams;
  published: PublishDiagnosticsParams[];
  messages: ShowMessageParams[];
  registrations: RegistrationParams[];
  stderr(): string;
  /** The next publication for `uri` (after the ones already seen) that satisfies `test`. */
  diagnostics(uri: string, test?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Writes raw bytes to the server's stdin, bypassing the protocol. */
  raw(bytes: Buffer | string): void;
  close(): Promise<number | null>;
}

export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown'] } },
};

export async function startClient(rootDir: string | null, capabilities = DEFAULT_CAPABILITIES): Promise<Client> {
  const child = spawn(process.execPath, serverCommand(), { cwd: ROOT, stdio: 'pipe' });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiters = new Set<() => void>();
  const seen = new Map<string, number>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of waiters) w();
  });
  const messages: ShowMessageParams[] = [];
  connection.onNotification(ShowMessageNotification.type, (p) => void messages.push(p));
  const registrations: RegistrationParams[] = [];
  connection.onRequest(RegistrationRequest.type, (p) => void registrations.push(p));
  // The server answers unreadable input with a Parse error response without id; the test sees it in `stderr`.
  connection.onError(() => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: rootDir ? uriOf(rootDir) : null,
    workspaceFolders: rootDir ? [{ uri: uriOf(rootDir), name: 'ws' }] : null,
    capabilities,
  });
  await connection.sendNotification('initialized', {});

  const diagnostics = (uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const check = () => {
        for (let i = seen.get(uri) ?? 0; i < published.length; i++) {
          const p = published[i]!;
          if (p.uri !== uri) continue;
          seen.set(uri, i + 1);
          if (test(p)) {
            done();
            resolve(p);
            return;
          }
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return {
    connection,
    process: child,
    published,
    messages,
    registrations,
    stderr: () => stderr,
    diagnostics,
    raw: (bytes) => void child.stdin.write(bytes),
    close: async () => {
      const exited = child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      if (child.exitCode === null) {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
      }
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}

export async function open(client: Client, uri: string, text: string, version = 1): Promise<void> {
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
}

/** Stack-trace lines ("    at f (file:1:2)") the server must never print for user input. */
export const STACK_LINE = /^\s+at .+[:(]\d+/m;
