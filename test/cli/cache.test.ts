// `check --cache`: a warm run prints exactly what a cold run prints, takes findings from the
// cache only for bytes it has seen under the same settings, checks a set again when any of
// its members changes (variants on disk that were not asked for included), and treats a
// corrupted cache as no cache.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { examples, staffwork, tempDir, type Run } from './helpers.ts';

const CACHE = '.staffworkcache';
const exec = readFileSync(join(examples, 'good/launch-delay-exec.md'), 'utf8');
const peer = exec.replace('audience: executive', 'audience: peer');

/** A project with the examples, a set of two variants and a file that cannot be read. */
function project(): string {
  const d = tempDir(true);
  mkdirSync(join(d, 'launch'));
  writeFileSync(join(d, 'launch/exec.md'), exec);
  writeFileSync(join(d, 'launch/peer.md'), peer);
  writeFileSync(join(d, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]));
  // Settings a warm run takes from the cache: the ignore globs and a rule's level.
  writeFileSync(join(d, 'staffwork.config.json'), JSON.stringify({ ignore: ['drafts'], rules: { 'structure/empty-section': 'info' } }));
  mkdirSync(join(d, 'drafts'));
  writeFileSync(join(d, 'drafts/skipped.md'), '# Not checked\n');
  return d;
}

const same = (a: Run, b: Run, what: string) => assert.deepEqual([b.code, b.stdout, b.stderr], [a.code, a.stdout, a.stderr], what);
type CacheFile = { files: Record<string, { hash: string; stamp?: string; diagnostics?: { message: string }[] }> };
const readCache = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CacheFile;

describe('check --cache', () => {
  for (const format of ['stylish', 'json']) {
    it(`${format}: cold, warm, and after editing one member of a set, byte for byte what a run without the cache prints`, () => {
      const d = project();
      const args = ['check', '.', '-f', format];
      const cold = staffwork(args, { cwd: d });
      assert.equal(cold.code, 2, 'binary.md is one line on stderr');
      same(cold, staffwork([...args, '--cache'], { cwd: d }), 'first run with --cache');
      assert.ok(existsSync(join(d, CACHE)), 'the cache is in the working folder');
      same(cold, staffwork([...args, '--cache'], { cwd: d }), 'warm run');

      // The executive variant now disagrees on the date: the set rules must see it in both files.
      writeFileSync(join(d, 'launch/exec.md'), exec.replace('two weeks, to 14 May', 'three weeks, to 21 May'));
      const edited = staffwork(args, { cwd: d });
      assert.notEqual(edited.stdout, cold.stdout, 'the edit changes the report');
      same(edited, staffwork([...args, '--cache'], { cwd: d }), 'after the edit');
      same(edited, staffwork([...args, '--cache'], { cwd: d }), 'warm again after the edit');
    });
  }

  it('a variant on disk that was not asked for still invalidates its set', () => {
    const d = project();
    const args = ['check', 'launch/peer.md', '-f', 'json', '--cache'];
    const before = staffwork(args, { cwd: d });
    writeFileSync(join(d, 'launch/exec.md'), exec.replace('two weeks, to 14 May', 'three weeks, to 21 May'));
    const after = staffwork(args, { cwd: d });
    same(staffwork(['check', 'launch/peer.md', '-f', 'json'], { cwd: d }), after, 'as without the cache');
    assert.notEqual(after.stdout, before.stdout, 'peer.md is compared with the edited exec.md');
  });

  it('findings come from the cache for the same bytes, and never for other bytes or other settings', () => {
    const d = project();
    staffwork(['check', 'good', '--cache'], { cwd: d });
    const file = join(d, 'good/platform-strategy.md');
    // Replace the cached findings of one file: the warm run must print them (so it used the cache) ...
    const cache = readCache(join(d, CACHE));
    const mark = { ruleId: 'structure/empty-section', messageId: 'empty', message: 'FROM THE CACHE', severity: 'warning', range: [0, 1], loc: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }, url: 'u' };
    cache.files[file]!.diagnostics = [mark];
    writeFileSync(join(d, CACHE), JSON.stringify(cache));
    assert.match(staffwork(['check', 'good', '--cache'], { cwd: d }).stdout, /FROM THE CACHE/);
    // ... but not under another config, nor once the file's bytes change.
    writeFileSync(join(d, 'staffwork.config.json'), JSON.stringify({ rules: { 'structure/empty-section': 'warning' } }));
    assert.doesNotMatch(staffwork(['check', 'good', '--cache', '--rule', 'structure/empty-section:error'], { cwd: d }).stdout, /FROM THE CACHE/);
    assert.doesNotMatch(staffwork(['check', 'good', '--cache'], { cwd: d }).stdout, /FROM THE CACHE/);
  });

  it('entries of deleted files are dropped', () => {
    const d = project();
    staffwork(['check', '.', '--cache'], { cwd: d });
    const file = join(d, 'good/platform-strategy.md');
    assert.ok(readCache(join(d, CACHE)).files[file]);
    rmSync(file);
    staffwork(['check', 'bad', '--cache'], { cwd: d });
    assert.equal(readCache(join(d, CACHE)).files[file], undefined);
    assert.ok(readCache(join(d, CACHE)).files[join(d, 'good/staff-role-memo.md')], 'files not checked this time stay');
  });

  it('an edited file is checked again', () => {
    const d = project();
    const file = join(d, 'good/platform-strategy.md');
    staffwork(['check', 'good', '--cache'], { cwd: d });
    const cache = readCache(join(d, CACHE));
    const first = cache.files[file]!.hash;
    writeFileSync(file, readFileSync(file, 'utf8') + '\n## Extra\n');
    same(staffwork(['check', 'good'], { cwd: d }), staffwork(['check', 'good', '--cache'], { cwd: d }), 'as without the cache');
    assert.notEqual(readCache(join(d, CACHE)).files[file]!.hash, first);
  });

  it('files unchanged for a while are known by their stat; a same-size edit with the old mtime is still seen', async () => {
    const d = project();
    const file = join(d, 'good/platform-strategy.md');
    // A stat is trusted only for files that have not changed for two seconds.
    await new Promise((r) => setTimeout(r, 2100));
    const cold = staffwork(['check', '.'], { cwd: d });
    staffwork(['check', '.', '--cache'], { cwd: d });
    assert.ok(readCache(join(d, CACHE)).files[file]!.stamp, 'the stat is kept');
    same(cold, staffwork(['check', '.', '--cache'], { cwd: d }), 'warm, by stat');
    // Same size, mtime put back: only the ctime (which no tool can set back) tells.
    const before = statSync(file);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('Diagnosis', 'Dxagnosis'));
    utimesSync(file, before.atime, before.mtime);
    same(staffwork(['check', '.'], { cwd: d }), staffwork(['check', '.', '--cache'], { cwd: d }), 'after the sneaky edit');
  });

  it('a corrupted or foreign cache file is ignored and replaced', () => {
    const d = project();
    const cold = staffwork(['check', '.'], { cwd: d });
    for (const junk of ['{"format":1,"key":', 'not json at all', '{"format":1,"key":"k","settings":{"ignore":[],"maxFileSize":1},"files":[]}', JSON.stringify({ format: 99 })]) {
      writeFileSync(join(d, CACHE), junk);
      same(cold, staffwork(['check', '.', '--cache'], { cwd: d }), junk);
      assert.ok(Object.keys(readCache(join(d, CACHE)).files).length > 10, 'rewritten');
    }
    // Entries of the right key but the wrong shape are misses, not crashes.
    const cache = readCache(join(d, CACHE));
    for (const e of Object.values(cache.files)) e.diagnostics = [{ message: 'no position' }];
    writeFileSync(join(d, CACHE), JSON.stringify(cache));
    same(cold, staffwork(['check', '.', '--cache'], { cwd: d }), 'malformed entries');
  });

  it('--cache-location: a file, or a folder to keep .staffworkcache in', () => {
    const d = project();
    staffwork(['check', 'good', '--cache', '--cache-location', 'tmp/my.cache'], { cwd: d });
    assert.ok(existsSync(join(d, 'tmp/my.cache')));
    mkdirSync(join(d, 'caches'));
    staffwork(['check', 'good', '--cache', '--cache-location', 'caches'], { cwd: d });
    assert.ok(existsSync(join(d, 'caches', CACHE)));
    staffwork(['check', 'good', '--cache', '--cache-location', 'new-folder/'], { cwd: d });
    assert.ok(existsSync(join(d, 'new-folder', CACHE)));
    assert.ok(!existsSync(join(d, CACHE)), 'nothing in the default place');
  });

  it('a cache location that is not a regular file is neither read nor replaced', () => {
    const d = project();
    execFileSync('mkfifo', [join(d, 'fifo')]);
    const cold = staffwork(['check', 'good'], { cwd: d });
    const r = staffwork(['check', 'good', '--cache', '--cache-location', 'fifo'], { cwd: d, timeoutMs: 20_000 });
    assert.deepEqual([r.code, r.stdout], [cold.code, cold.stdout]);
    assert.equal(r.stderr, `staffwork: cannot write the cache ${join(d, 'fifo')}: not a regular file\n`);
    assert.ok(statSync(join(d, 'fifo')).isFIFO(), 'still a FIFO');
  });

  it('--fix with --cache fixes what the cache says is fixable, and the next run is clean of it', () => {
    const d = tempDir();
    const plan = '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design by June.\n';
    writeFileSync(join(d, 'plan.md'), plan);
    staffwork(['check', '.', '--cache'], { cwd: d });
    const fixed = staffwork(['check', '.', '--cache', '--fix', '-f', 'json'], { cwd: d });
    assert.match(readFileSync(join(d, 'plan.md'), 'utf8'), /^Opportunity:$/m);
    same(staffwork(['check', '.', '-f', 'json'], { cwd: d }), staffwork(['check', '.', '--cache', '-f', 'json'], { cwd: d }), 'after --fix');
    assert.match(fixed.stderr, /--fix rewrote 1 file/);
  });
});
