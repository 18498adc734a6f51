// `staffwork lsp`: the language server. Over stdio (the default, `--stdio`) it reads with a
// reader that survives malformed input; otherwise vscode-languageserver picks the transport
// from the command line (--node-ipc, --socket=<port>, --pipe=<name>).
import { createConnection, ErrorCodes, StreamMessageWriter, type Connection, type ResponseMessage } from 'vscode-languageserver/node';
import { ResyncingMessageReader } from './reader.ts';
import { serveConnection, type LanguageServerOptions } from './server.ts';

const DRAIN_MS = 250;

export function startLanguageServer(options: { stdio?: boolean } & LanguageServerOptions = {}): void {
  // A long-running server reports a failed promise (e.g. a notification to a client that left)
  // in one line and keeps serving, rather than dying with a stack trace.
  process.on('unhandledRejection', (e) => process.stderr.write(`staffwork lsp: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`));
  if (options.stdio === false) {
    const connection = createConnection();
    serveConnection(connection, options);
    connection.listen();
    return;
  }
  const connection = stdioConnection();
  const server = serveConnection(connection, options);
  // The client closed our stdin: answer what was already read (its last messages may be
  // `shutdown` and `exit`), then stop with the exit code the protocol asks for.
  process.stdin.on('end', () => setTimeout(() => process.exit(server.shutdownReceived() ? 0 : 1), DRAIN_MS));
  connection.listen();
}

function stdioConnection(): Connection {
  // stdout carries the protocol: anything a dependency logs goes to stderr instead.
  console.log = console.info = console.debug = console.error;
  const writer = new StreamMessageWriter(process.stdout);
  const reader = new ResyncingMessageReader(process.stdin, (problem) => {
    process.stderr.write(`staffwork lsp: ${problem}\n`);
    // JSON-RPC's answer to a message that cannot be read: a Parse error with a null id.
    const reply: ResponseMessage = { jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: problem } };
    void writer.write(reply);
  });
  return createConnection(reader, writer);
}
