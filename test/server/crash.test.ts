// A killed server loses nothing it acknowledged: saves under load, kill -9 mid-load, restart
// on the same data dir, and every acknowledged revision is there with its exact text.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';

const child = join(import.meta.dirname, 'fixtures/serve-child.ts');
const headers = { 'content-type': 'application/json', 'x-staffwork': '1' };

function launch(dataDir: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('server child did not start within 30 s')), 30_000);
    proc.once('exit', (code) => fail(new Error(`server child exited early (${code})`)));
    createInterface({ input: proc.stdout as NodeJS.ReadableStream }).once('line', (line) => {
      clearTimeout(timer);
      ok({ proc, url: (JSON.parse(line) as { url: string }).url.replace(/\/$/, '') });
    });
  });
}

describe('durability', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'staffwork-crash-'));
  let running: ChildProcess | undefined;
  after(() => {
    running?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged revision after kill -9 under load', async () => {
    const first = await launch(dataDir);
    running = first.proc;
    const acked: { artifact: string; revision: number; text: string }[] = [];
    const ARTIFACTS = 6;
    const KILL_AFTER = 120;
    const ids: { id: string; rev: number }[] = [];
    for (let i = 0; i < ARTIFACTS; i++) {
      const res = await fetch(`${first.url}/api/artifacts`, { method: 'POST', headers, body: JSON.stringify({ text: `# Artifact ${i}\n` }) });
      const body = (await res.json()) as { artifact: { id: string }; revision: { id: number } };
      ids.push({ id: body.artifact.id, rev: body.revision.id });
    }
    let killed = false;
    const exited = new Promise((ok) => first.proc.once('exit', ok));
    // Each artifact gets a chain of saves (each based on the last acknowledged revision), all chains at once.
    const chains = ids.map(async (a, n) => {
      for (let k = 0; !killed && k < 10_000; k++) {
        const text = `# Artifact ${n}\n\nsave ${k}: ${'word '.repeat(k % 50)}\n`;
        try {
          const res = await fetch(`${first.url}/api/artifacts/${a.id}`, { method: 'PUT', headers, body: JSON.stringify({ text, baseRevision: a.rev }) });
          if (res.status !== 200) throw new Error(`unexpected ${res.status}`);
          const body = (await res.json()) as { revision: { id: number } };
          a.rev = body.revision.id;
          acked.push({ artifact: a.id, revision: a.rev, text });
          if (acked.length >= KILL_AFTER && !killed) {
            killed = true;
            first.proc.kill('SIGKILL');
          }
        } catch {
          return; // the server is gone: this save was never acknowledged
        }
      }
    });
    await Promise.all(chains);
    await exited;
    assert.ok(acked.length >= KILL_AFTER, `only ${acked.length} saves were acknowledged`);

    const second = await launch(dataDir);
    running = second.proc;
    for (const a of acked) {
      const res = await fetch(`${second.url}/api/artifacts/${a.artifact}/revisions/${a.revision}`);
      assert.equal(res.status, 200, `revision ${a.revision} of ${a.artifact} is missing after the crash`);
      assert.equal(((await res.json()) as { revision: { text: string } }).revision.text, a.text);
    }
    for (const a of ids) {
      const res = (await (await fetch(`${second.url}/api/artifacts/${a.id}`)).json()) as { revision: { id: number } };
      assert.ok(res.revision.id >= a.rev, 'the head went back before an acknowledged save');
    }
    second.proc.kill('SIGKILL');
  });
});
