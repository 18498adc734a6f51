// `staffwork migrate | backup | restore | export-db`: the database outside a running server
// (src/server/ops.ts does the work; loaded only here).
import { CliError, firstLine } from '../errors.ts';

interface Target {
  data: string;
  database?: string;
}

const database = (opts: Target) => opts.database ?? (process.env['DATABASE_URL'] || undefined);

async function run(name: string, work: (ops: typeof import('../../server/ops.ts')) => Promise<string>): Promise<number> {
  const ops = await import('../../server/ops.ts');
  let line: string;
  try {
    line = await work(ops);
  } catch (e) {
    throw new CliError(`${name}: ${firstLine(e)}`);
  }
  process.stdout.write(`staffwork ${name}: ${line}\n`);
  return 0;
}

const target = (opts: Target) => ({ dataDir: opts.data, ...(database(opts) ? { database: database(opts) as string } : {}) });

export const migrate = (opts: Target) => run('migrate', (ops) => ops.migrate(target(opts)));
export const backup = (file: string, opts: Target) => run('backup', (ops) => ops.backup(target(opts), file));
export const restore = (file: string, opts: Target & { force?: boolean }) => run('restore', (ops) => ops.restore(target(opts), file, opts.force === true));
export const exportDb = (opts: { data: string; to: string }) => run('export-db', (ops) => ops.exportDb(opts.data, opts.to));
