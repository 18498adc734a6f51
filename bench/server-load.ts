// `node --import tsx bench/server-load.ts [--duration S] [--connections N]`
// Save throughput and latency of the workbench under load: the server runs in its own process
// on loopback with a temp data dir (SQLite, WAL, synchronous=FULL); autocannon keeps N
// connections each saving its own artifact, every save based on the revision the previous one
// returned (the editor's autosave, N writers at once). Then the same for reading the portfolio
// (every artifact checked by the core and the completion standard evaluated). Bounded: 10 s
// per scenario and 10 connections unless told otherwise.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { option, root } from './lib.ts';

const duration = Math.min(60, Math.max(1, Number(option('duration') ?? 10)));
const connections = Math.min(100, Math.max(1, Number(option('connections') ?? 10)));
const headers = { 'content-type': 'application/json', 'x-staffwork': '1' };
const paragraph = 'Product teams wait a median of 3.5 days from merge to production, and 18% of CI runs fail on a flaky test. ';

const dataDir = mkdtempSync(join(tmpdir(), 'staffwork-load-'));
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/server/fixtures/serve-child.ts'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const url = await new Promise<string>((ok, fail) => {
    server.once('exit', (code) => fail(new Error(`server exited (${code})`)));
    createInterface({ input: server.stdout }).once('line', (line) => ok((JSON.parse(line) as { url: string }).url.replace(/\/$/, '')));
  });

  // One artifact per connection, each a ~1-page strategy, so saves never conflict.
  const artifacts: { id: string; rev: number }[] = [];
  for (let i = 0; i < connections; i++) {
    const text = `---\nkind: strategy\ntitle: Load ${i}\n---\n\n# Load ${i}\n\n## Diagnosis\n\n${paragraph.repeat(20)}\n`;
    const res = (await (await fetch(`${url}/api/artifacts`, { method: 'POST', headers, body: JSON.stringify({ text }) })).json()) as { artifact: { id: string }; revision: { id: number } };
    artifacts.push({ id: res.artifact.id, rev: res.revision.id });
  }

  // autocannon resets a connection's context after each request, so artifacts are lent from a
  // pool: a connection takes a free one, saves on its latest revision, and gives it back.
  const free = [...artifacts];
  let edits = 0;
  let conflicts = 0;
  const saves = await run('save (PUT, one artifact per connection)', {
    url,
    connections,
    duration,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const a = free.shift() as { id: string; rev: number };
          context['artifact'] = a;
          const text = `---\nkind: strategy\ntitle: Load\n---\n\n# Load\n\n## Diagnosis\n\n${paragraph.repeat(20)}\nedit ${++edits}\n`;
          return { ...req, path: `/api/artifacts/${a.id}`, headers, body: JSON.stringify({ text, baseRevision: a.rev }) };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          const a = context['artifact'] as { id: string; rev: number };
          if (status === 200) a.rev = (JSON.parse(body) as { revision: { id: number } }).revision.id;
          else if (status === 409) conflicts++;
          free.push(a);
        },
      },
    ],
  });
  const reads = await run(`read portfolio (GET /api/portfolio, ${artifacts.length} artifacts checked per request)`, { url: `${url}/api/portfolio`, connections, duration });

  console.log(`\nmachine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, load average ${loadavg()[0]?.toFixed(1)}; ${duration} s per scenario, ${connections} connections, loopback`);
  console.log('| scenario | requests/s (mean) | latency p50 | p97.5 | p99 | max | requests | non-2xx | errors |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of [saves, reads]) {
    console.log(`| ${r.title} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} ms | ${r.latency.p97_5} ms | ${r.latency.p99} ms | ${r.latency.max} ms | ${r.requests.total} | ${r.non2xx} | ${r.errors} |`);
  }
  if (conflicts) console.log(`(${conflicts} saves were refused as stale; there should be none: each connection owns its artifact)`);
} finally {
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}

function run(title: string, opts: Record<string, unknown>): Promise<autocannon.Result> {
  return new Promise((ok, fail) => {
    autocannon({ ...opts, title } as autocannon.Options, (err, result) => (err ? fail(err) : ok(result)));
  });
}
