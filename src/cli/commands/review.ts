// `staffwork admin create-user` and `staffwork review export`: accounts and review exports
// straight on the database (SQLite in --data, or PostgreSQL), no server needed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, firstLine } from '../errors.ts';

interface DbOptions {
  data: string;
  database?: string;
}

async function open(opts: DbOptions) {
  const database = opts.database ?? (process.env['DATABASE_URL'] || undefined);
  try {
    if (database) return await (await import('../../server/storage/postgres.ts')).openPostgres(database, { poolSize: 2 });
    return await (await import('../../server/storage/sqlite.ts')).openSqlite(opts.data);
  } catch (e) {
    throw new CliError(`cannot open the workbench data: ${firstLine(e)}`);
  }
}

/** The password from the first line of stdin (--password-stdin) or $STAFFWORK_PASSWORD, never from the command line. */
function password(fromStdin: boolean): string {
  if (fromStdin) return readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  const env = process.env['STAFFWORK_PASSWORD'];
  if (env) return env;
  throw new CliError('admin create-user: give the password on stdin with --password-stdin (or in $STAFFWORK_PASSWORD), never as an argument');
}

export async function createUser(username: string, opts: DbOptions & { admin?: boolean; passwordStdin?: boolean }): Promise<number> {
  const pw = password(opts.passwordStdin ?? false);
  const storage = await open(opts);
  try {
    if (!(await storage.review.hasUsers()) && !opts.admin) throw new CliError('admin create-user: the first account turns accounts on and must be the admin: add --admin');
    const { createUserCommand } = await import('../../server/routes/auth.ts');
    const { user, first } = await createUserCommand(storage, username, pw, opts.admin ?? false).catch((e: unknown) => {
      throw new CliError(`admin create-user: ${firstLine(e)}`);
    });
    console.log(`created ${user.admin ? 'admin ' : ''}account "${user.username}"${first ? '; accounts are now on (sign in at /login), and this account owns the artifacts written so far' : ''}`);
    return 0;
  } finally {
    await storage.close();
  }
}

export async function exportReviews(cohortId: string, opts: DbOptions & { format: 'json' | 'md'; output?: string }): Promise<number> {
  const storage = await open(opts);
  try {
    if (!(await storage.review.cohort(cohortId))) throw new CliError(`review export: no cohort "${cohortId}" (GET /api/cohorts lists yours)`);
    const { exportCohort, exportReview } = await import('../../server/routes/reviews.ts');
    if (opts.format === 'json') {
      const json = `${JSON.stringify(await exportCohort(storage, cohortId), null, 2)}\n`;
      if (opts.output) writeFileSync(opts.output, json);
      else process.stdout.write(json);
      return 0;
    }
    if (!opts.output) throw new CliError('review export: --format md writes one file per review: give a folder with -o');
    const { reviewMarkdown } = await import('../../server/review/export.ts');
    const { slug } = await import('../../server/portfolio.ts');
    mkdirSync(opts.output, { recursive: true });
    let n = 0;
    for (let offset = 0; ; offset += 200) {
      const page = await storage.review.requests(cohortId, { limit: 200, offset });
      for (const r of page) {
        const e = await exportReview(storage, r);
        writeFileSync(join(opts.output, `${r.id}-${slug(e.artifact.title) || 'artifact'}.md`), reviewMarkdown(e));
        n++;
      }
      if (page.length < 200) break;
    }
    console.log(`wrote ${n} review${n === 1 ? '' : 's'} to ${opts.output}`);
    return 0;
  } finally {
    await storage.close();
  }
}
