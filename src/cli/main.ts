// The `staffwork` command line. Parsing is commander's; each command's code is loaded with
// import() only when it runs, so `check` never loads the server, the language server or the
// text of `cases`, and `--help` loads none of the core.
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { CliError, firstLine } from './errors.ts';
import { escapeControls } from './reporters/escape.ts';
import { FORMATS } from './reporters/names.ts';

const program = new Command('staffwork')
  .description('Check technical-leadership artifacts (Markdown) against the case studies of a course module.')
  .exitOverride()
  .showSuggestionAfterError(true)
  // commander puts "(Did you mean ...?)" on a second line; we promise one line.
  .configureOutput({
    outputError: (text, write) =>
      write(
        `staffwork: ${escapeControls(
          text
            .replace(/^error: /, '')
            .trim()
            .replace(/\s*\n\s*/g, ' '),
        )}\n`,
      ),
  })
  .addHelpText(
    'after',
    `
Exit codes: 0 clean, 1 error-level findings (or --max-warnings exceeded) or a failing
completion standard, 2 usage, config or read errors.

Examples:
  staffwork new strategy platform-strategy.md --title "Platform strategy 2027"
  staffwork check                       every *.md under the current folder
  staffwork check docs --format sarif -o staffwork.sarif
  staffwork progress portfolio
  staffwork explain escalation/blame-framing`,
  );

/** Every command gets --help (commander's default) and --version. */
function command(name: string, description: string): Command {
  return program.command(name).description(description).version(pkg.version, '-V, --version', 'print the version');
}
program.version(pkg.version, '-V, --version', 'print the version');

const int =
  (min: number, max = Number.MAX_SAFE_INTEGER) =>
  (value: string) => {
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `expected a whole number >= ${min}` : `expected a whole number from ${min} to ${max}`);
    }
    return Number(value);
  };
/** Each thread loads the whole checker; beyond a few per CPU they only cost memory. */
const MAX_JOBS = 4 * availableParallelism();
const collect = (value: string, previous: string[]) => [...previous, value];
const moduleOption = new Option('--module <file>', 'use another course module (YAML) instead of the built-in one');

const run =
  (load: () => Promise<(...args: never[]) => Promise<number>>) =>
  async (...args: unknown[]) => {
    const action = await load();
    process.exitCode = await (action as (...a: unknown[]) => Promise<number>)(...args.slice(0, -1));
  };

command('check', 'check artifacts: files, folders, globs, or - for stdin (default: the current folder)')
  .argument('[paths...]', 'files, folders or globs; - reads stdin')
  .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS).default('stylish'))
  .option('-o, --output <file>', 'write the report to a file instead of stdout')
  .option('-c, --config <file>', 'use this config file instead of the nearest staffwork.config.json / .staffworkrc')
  .option('--rule <id:level>', 'set a rule to off, info, warning or error (repeatable)', collect, [])
  .option('--max-file-size <size>', 'refuse files larger than this (bytes, or e.g. 500KB, 20MB)')
  .option('-j, --jobs <n>', `worker threads, up to ${MAX_JOBS} (default: one per CPU for many files)`, int(1, MAX_JOBS))
  .option('-q, --quiet', 'report errors only')
  .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', int(0))
  .option('--fix', 'apply safe fixes (e.g. insert missing section skeletons) to the files')
  .option('--stdin-filename <name>', 'the name to report for text read from stdin (its set: variants beside it are read)')
  .option('--cache', 'only check files that changed since the last --cache run (results kept in .staffworkcache)')
  .option('--cache-location <path>', 'the cache file, or a folder to keep .staffworkcache in')
  .option('--color', 'force colours')
  .option('--no-color', 'no colours')
  .addOption(moduleOption)
  .action(run(async () => (await import('./commands/check.ts')).check));

command('progress', "the module's completion standard over a portfolio folder, with evidence")
  .argument('[dir]', 'the portfolio folder', '.')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('-c, --config <file>', 'config file')
  .option('--color', 'force colours')
  .option('--no-color', 'no colours')
  .addOption(moduleOption)
  .action(run(async () => (await import('./commands/progress.ts')).progress));

command('new', 'write a new artifact skeleton with every section and its hint')
  .argument('<kind>', 'strategy, role-memo, escalation, growth-plan, exec-summary or adr')
  .argument('[file]', 'where to write it (default: <kind>.md, or the title as a file name)')
  .option('--title <title>', 'the title')
  .option('--audience <audience>', 'executive, peer or junior (exec-summary)')
  .option('--set <name>', 'the set of audience variants this file belongs to')
  .addOption(moduleOption)
  .action(run(async () => (await import('./commands/new.ts')).newArtifact));

command('cases', "list the module's case studies, or print one")
  .argument('[id]', 'case study number or slug')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
  .option('--color', 'force colours')
  .option('--no-color', 'no colours')
  .addOption(moduleOption)
  .action(run(async () => (await import('./commands/cases.ts')).cases));

command('explain', "a rule's docs: why, the better approach, bad and good examples (no rule: list them)")
  .argument('[rule]', 'rule id, e.g. escalation/blame-framing')
  .option('--color', 'force colours')
  .option('--no-color', 'no colours')
  .action(run(async () => (await import('./commands/explain.ts')).explain));

command('init', 'write staffwork.config.json in the current folder').action(run(async () => (await import('./commands/init.ts')).init));

command('serve', 'start the workbench (web) server')
  .option('--port <n>', 'port', int(0), 4321)
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--data <dir>', 'where to keep the data', '.staffwork')
  .option('--database <url>', 'a postgres:// URL to share with other app servers (default: $DATABASE_URL, else SQLite in --data)')
  .option('--allowed-host <name>', "also accept this Host header, e.g. a reverse proxy's public name (repeatable)", collect, [])
  .option('--trusted-proxy <address>', 'a reverse proxy whose X-Forwarded-For names the client, for the sign-in limits (repeatable)', collect, [])
  .option('--module <file>', 'also serve this course module (YAML), so a cohort can be for it (repeatable)', collect, [])
  .action(run(async () => (await import('./commands/serve.ts')).serve));

command('migrate', 'bring the database schema up to date (also done by serve on start)')
  .option('--data <dir>', 'the SQLite data folder', '.staffwork')
  .option('--database <url>', 'a postgres:// URL (default: $DATABASE_URL)')
  .action(run(async () => (await import('./commands/db.ts')).migrate));

command('backup', 'copy the database to a file, consistently, while the server runs')
  .argument('<file>', 'where to write the copy (SQLite: a database file; PostgreSQL: a pg_dump archive)')
  .option('--data <dir>', 'the SQLite data folder', '.staffwork')
  .option('--database <url>', 'a postgres:// URL (default: $DATABASE_URL)')
  .action(run(async () => (await import('./commands/db.ts')).backup));

command('restore', 'replace the database with a backup (stop the servers first)')
  .argument('<file>', 'a file written by staffwork backup')
  .option('--data <dir>', 'the SQLite data folder', '.staffwork')
  .option('--database <url>', 'a postgres:// URL (default: $DATABASE_URL)')
  .option('--force', 'replace existing data')
  .action(run(async () => (await import('./commands/db.ts')).restore));

command('export-db', 'copy every artifact and revision from the SQLite workbench into PostgreSQL')
  .requiredOption('--to <url>', 'the postgres:// URL to copy into (its staffwork tables must be empty)')
  .option('--data <dir>', 'the SQLite data folder', '.staffwork')
  .action(run(async () => (await import('./commands/db.ts')).exportDb));

const admin = command('admin', 'manage workbench accounts (on the database directly)');
admin
  .command('create-user')
  .description('create an account; the first one (with --admin) turns accounts on')
  .argument('<username>', 'lower-case letters, digits, . _ -')
  .option('--admin', 'the admin: manages accounts and cohorts')
  .option('--password-stdin', 'read the password from the first line of stdin (else $STAFFWORK_PASSWORD)')
  .option('--data <dir>', 'the SQLite data folder', '.staffwork')
  .option('--database <url>', 'a postgres:// URL (default: $DATABASE_URL)')
  .action(run(async () => (await import('./commands/review.ts')).createUser));

const review = command('review', 'review threads of a cohort');
review
  .command('export')
  .description("export a cohort's reviews: JSON (W3C annotations) or Markdown files with a review appendix")
  .argument('<cohort>', 'the cohort id (c-...)')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'md']).default('json'))
  .option('-o, --output <path>', 'a file (json) or a folder (md); json defaults to stdout')
  .option('--data <dir>', 'the SQLite data folder', '.staffwork')
  .option('--database <url>', 'a postgres:// URL (default: $DATABASE_URL)')
  .action(run(async () => (await import('./commands/review.ts')).exportReviews));

command('lsp', 'start the language server (for editors)')
  .option('--stdio', 'talk LSP over stdin/stdout (the default)')
  // The other transports vscode-languageclient may ask for; vscode-languageserver reads them from argv.
  .option('--node-ipc', 'talk LSP over Node IPC')
  .option('--socket <port>', 'talk LSP over a socket')
  .option('--pipe <name>', 'talk LSP over a named pipe')
  .option('--clientProcessId <pid>', "exit when the editor's process does")
  .action(run(async () => (await import('./commands/lsp.ts')).lsp));

// A reader that stops early (`staffwork check | head`) is not an error: the rest of the
// report goes nowhere and the exit code still says what was found.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
});
// Errors outside the command's promise (a worker, a stream) still end in one line, exit 2.
process.on('uncaughtException', (e) => {
  process.exitCode = exitCodeOf(e);
  process.exit();
});

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = exitCodeOf(e);
}

function exitCodeOf(e: unknown): number {
  // --help and --version "fail" with exit code 0; commander already printed its errors.
  if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
  if (e instanceof CliError) {
    // The message may quote what the user typed or a file holds: one line, no raw control characters.
    process.stderr.write(`staffwork: ${escapeControls(e.message)}\n`);
    return e.exitCode;
  }
  if (process.env['STAFFWORK_DEBUG']) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  else process.stderr.write(`staffwork: internal error: ${escapeControls(firstLine(e))} (run with STAFFWORK_DEBUG=1 for the stack)\n`);
  return 2;
}
