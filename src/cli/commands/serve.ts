// `staffwork serve`: the workbench; src/server owns it, loaded only here.
import { CliError, firstLine } from '../errors.ts';
import { loadModuleFile } from '../settings.ts';

export async function serve(opts: { port: number; host: string; data: string; database?: string; allowedHost: string[]; trustedProxy?: string[]; module?: string[] }): Promise<number> {
  const modules = (opts.module ?? []).map(loadModuleFile);
  const { startServer } = await import('../../server/index.ts');
  let server: Awaited<ReturnType<typeof startServer>>;
  const database = opts.database ?? (process.env['DATABASE_URL'] || undefined);
  try {
    server = await startServer({ port: opts.port, host: opts.host, dataDir: opts.data, allowedHosts: opts.allowedHost, trustedProxies: opts.trustedProxy ?? [], modules, ...(database ? { database } : {}) });
  } catch (e) {
    // Port in use, bad host, unwritable or foreign data, unreachable database: the user's to fix, in one line.
    throw new CliError(`serve: ${firstLine(e)}`);
  }
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop).once('SIGTERM', stop);
  return 0;
}
