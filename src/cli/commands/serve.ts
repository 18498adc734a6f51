// `staffwork serve`: the workbench; src/server owns it, loaded only here.
import { CliError, firstLine } from '../errors.ts';

export async function serve(opts: { port: number; host: string; data: string }): Promise<number> {
  const { startServer } = await import('../../server/index.ts');
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ port: opts.port, host: opts.host, dataDir: opts.data });
  } catch (e) {
    // Port in use, bad host, unwritable data folder: the user's to fix, in one line.
    throw new CliError(`serve: ${firstLine(e)}`);
  }
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop).once('SIGTERM', stop);
  return 0;
}
