// What an untrusted repository or a careless command line can hand `staffwork`: files that are
// not files (a symlink to /dev/zero, a FIFO, a device), names and text holding terminal control
// sequences, front-matter values holding newlines, a fix that cannot be written. Each is one
// line `path: why`, the other files still checked, and the same whichever thread had the file.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { assertNoStack, examples, staffwork, tempDir, type JsonResult } from './helpers.ts';

const mkfifo = (path: string) => execFileSync('mkfifo', [path]);
/** A hang shows as a null exit code well before the helper's default timeout. */
const QUICK = 20_000;
const NOT_REGULAR = (kind: string) => `not a regular file (${kind}); only regular files are read`;

describe('files that are not regular files', () => {
  const d = tempDir();
  writeFileSync(join(d, 'ok.md'), readFileSync(join(examples, 'bad/roadmap-strategy.md')));
  symlinkSync('/dev/zero', join(d, 'zero.md'));
  mkfifo(join(d, 'pipe.md'));
  symlinkSync('/dev/null', join(d, 'null.markdown'));

  const expectLines = (stderr: string, lines: string[]) => assert.deepEqual(stderr.trimEnd().split('\n').sort(), lines.sort());
  const checkedFiles = (stdout: string) => (JSON.parse(stdout) as JsonResult[]).map((f) => f.filePath.slice(d.length + 1));

  const devices = [`null.markdown: ${NOT_REGULAR('a character device')}`, `zero.md: ${NOT_REGULAR('a character device')}`];
  // A folder walk or a glob lists files and symlinks; a FIFO is neither, so only a FIFO named
  // on the command line reaches the reader.
  for (const [how, targets, lines] of [
    ['found in a folder', ['.'], devices],
    ['found by a glob', ['*.md', '*.markdown'], devices],
    ['given as files', ['zero.md', 'pipe.md', 'null.markdown', 'ok.md'], [...devices, `pipe.md: ${NOT_REGULAR('a FIFO')}`]],
  ] as const) {
    it(`${how}: one line each, never read, the rest still checked, exit 2`, () => {
      const r = staffwork(['check', ...targets, '-f', 'json'], { cwd: d, timeoutMs: QUICK });
      assert.equal(r.code, 2, r.stderr);
      assertNoStack(r);
      expectLines(r.stderr, [...lines]);
      assert.deepEqual(checkedFiles(r.stdout), ['ok.md']);
    });
  }

  it('a device given by its own path', () => {
    const r = staffwork(['check', '/dev/zero', 'ok.md', '-f', 'json'], { cwd: d, timeoutMs: QUICK });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `/dev/zero: ${NOT_REGULAR('a character device')}\n`);
    assert.deepEqual(checkedFiles(r.stdout), ['ok.md']);
  });

  it('a file whose size fstat cannot tell (/proc) is read only up to the limit', () => {
    const p = tempDir();
    symlinkSync('/proc/self/maps', join(p, 'maps.md'));
    const r = staffwork(['check', 'maps.md', '--max-file-size', '1KB'], { cwd: p, timeoutMs: QUICK });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'maps.md: file is larger than the 1.0 KB limit (maxFileSize in staffwork.config.json, or --max-file-size)\n');
  });

  it('--config and --module: one line, exit 2, no hang', () => {
    for (const option of ['--config', '--module']) {
      for (const [file, kind] of [
        ['zero.md', 'a character device'],
        ['pipe.md', 'a FIFO'],
      ] as const) {
        const r = staffwork(['check', 'ok.md', option, file], { cwd: d, timeoutMs: QUICK });
        assert.equal(r.code, 2, `${option} ${file}: ${r.stderr}`);
        assert.equal(r.stderr, `staffwork: ${option === '--config' ? join(d, file) : file}: ${NOT_REGULAR(kind)}\n`);
      }
    }
  });

  it('a config file found upward that is a FIFO: one line, exit 2', () => {
    const c = tempDir();
    writeFileSync(join(c, 'a.md'), '# A\n');
    mkfifo(join(c, 'staffwork.config.json'));
    const r = staffwork(['check', 'a.md'], { cwd: c, timeoutMs: QUICK });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `staffwork: ${join(c, 'staffwork.config.json')}: ${NOT_REGULAR('a FIFO')}\n`);
  });

  it('progress skips them the same way', () => {
    const r = staffwork(['progress', '.', '-f', 'json'], { cwd: d, timeoutMs: QUICK });
    assert.equal(r.code, 2);
    expectLines(r.stderr, devices);
  });
});

describe('control characters from documents and file names', () => {
  // An unknown kind is quoted back in the message: here it tries to clear the screen, ring the
  // bell, return the cursor to overwrite the line with a fake summary, and reverse the text.
  const hostile = 'x\u001b[2J\u0007\r✔ 0 problems\u202e\u009b1m\u007f';
  const d = tempDir();
  writeFileSync(join(d, 'doc.md'), `---\nkind: ${JSON.stringify(hostile)}\n---\n# T\n`);
  writeFileSync(join(d, 'name\u001b[31m\r.md'), '---\nkind: strategy\n---\n# T\n');
  const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('stylish shows them as visible escapes, in messages and file names', () => {
    const r = staffwork(['check', '.'], { cwd: d });
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, RAW);
    assert.match(r.stdout, /x\\x1B\[2J\\x07\\r✔ 0 problems\\u202E\\x9B1m\\x7F/);
    assert.match(r.stdout, /^name\\x1B\[31m\\r\.md$/m);
    // With colours on, the only escape sequences are staffwork's own colours.
    const coloured = staffwork(['check', '.', '--color'], { cwd: d });
    assert.doesNotMatch(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, ''), RAW);
  });

  it('github and junit too; stderr lines for unreadable files too', () => {
    symlinkSync('/dev/null', join(d, 'dev\u001b[2J.md'));
    const github = staffwork(['check', '.', '-f', 'github'], { cwd: d, timeoutMs: QUICK });
    assert.doesNotMatch(github.stdout, RAW);
    assert.match(github.stdout, /x\\x1B\[2J\\x07%0D✔ 0 problems\\u202E/);
    assert.equal(github.stderr, `dev\\x1B[2J.md: ${NOT_REGULAR('a character device')}\n`);
    const junit = staffwork(['check', '.', '-f', 'junit'], { cwd: d, timeoutMs: QUICK });
    assert.doesNotMatch(junit.stdout, RAW);
    assert.match(junit.stdout, /x\\x1B\[2J\\x07\\r✔ 0 problems\\u202E/);
  });

  it('json keeps the text exactly (it is data, not terminal output)', () => {
    const r = staffwork(['check', 'doc.md', '-f', 'json'], { cwd: d });
    const [f] = JSON.parse(r.stdout) as JsonResult[];
    assert.ok(f!.messages.some((m) => m.message.includes(hostile)));
  });
});

describe('new: front matter written by the YAML library', () => {
  const frontMatter = (text: string) => parse(/^---\n([\s\S]*?\n)---\n/.exec(text)![1]!) as Record<string, unknown>;

  it('--set "launch: v2" and a title with newlines stay single values that parse back the same', () => {
    const d = tempDir();
    const title = 'Launch plan\nset: injected\n---\n# Fake';
    const r = staffwork(['new', 'exec-summary', 's.md', '--set', 'launch: v2', '--title', title, '--audience', 'peer'], { cwd: d });
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(join(d, 's.md'), 'utf8');
    assert.deepEqual(frontMatter(text), { kind: 'exec-summary', title, audience: 'peer', set: 'launch: v2', case: 5 });
    // The heading is one line; nothing after the front matter starts a new front matter or section.
    assert.match(text, /^# Launch plan set: injected --- # Fake$/m);
    const check = JSON.parse(staffwork(['check', 's.md', '-f', 'json'], { cwd: d }).stdout) as JsonResult[];
    assert.ok(!check[0]!.messages.some((m) => m.ruleId === 'structure/front-matter'), 'valid front matter');
  });

  it('--audience with a newline is refused in one line', () => {
    const r = staffwork(['new', 'exec-summary', '--audience', 'peer\nset: x'], { cwd: tempDir() });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'staffwork: --audience peer\\nset: x: expected one of executive, peer, junior\n');
  });
});

describe('one-line errors', () => {
  it('--jobs has an upper bound', () => {
    const max = 4 * availableParallelism();
    const r = staffwork(['check', '.', '--jobs', String(max + 1)], { cwd: tempDir() });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `staffwork: option '-j, --jobs <n>' argument '${max + 1}' is invalid. expected a whole number from 1 to ${max}\n`);
  });

  it('every usage, config and module error is exactly one line ending in a newline', () => {
    const d = tempDir();
    writeFileSync(join(d, 'a.md'), '# A\n');
    writeFileSync(join(d, 'bad.json'), '{ not json');
    writeFileSync(join(d, 'bad.yaml'), 'id: [x\n');
    writeFileSync(join(d, 'empty.yaml'), '');
    for (const args of [
      ['check', 'a.md', '--module', 'missing.yaml'],
      ['check', 'a.md', '--module', 'bad.yaml'],
      ['check', 'a.md', '--module', 'empty.yaml'],
      ['new', 'strategy', '--module', 'bad.yaml'],
      ['check', 'a.md', '--config', 'missing.json'],
      ['check', 'a.md', '--config', 'bad.json'],
      ['check', 'a.md', '--rule', 'nope'],
      ['check', 'a.md', '--max-file-size', 'lots'],
      ['check', 'a.md', '--format', 'xml'],
      ['check', '-', 'a.md'],
      ['explain', 'no/such-rule'],
      ['cases', '99'],
      ['nope'],
    ]) {
      const r = staffwork(args, { cwd: d });
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^staffwork: [^\n]+\n$/, `${args.join(' ')}: ${JSON.stringify(r.stderr)}`);
    }
  });
});

describe('--fix on a file that cannot be written: the same on every thread', () => {
  // `ulimit -f` makes writes past 4 KB fail with EFBIG, for root too. big.md grows past it when
  // fixed; small.md does not. Sorted first, big.md is the main thread's file under --jobs 2;
  // renamed to sort last, it is the worker's.
  const plan = '---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design by June.\n';
  const padding = `\n<!-- ${'notes '.repeat(630)}-->\n`;
  for (const [big, small] of [
    ['a.md', 'b.md'],
    ['z.md', 'b.md'],
  ] as const) {
    it(`${big} unwritable, ${small} fine: the same report with --jobs 1 and --jobs 2`, () => {
      const runs = ['1', '2'].map((jobs) => {
        const d = tempDir();
        const bigText = plan + padding;
        // Under the limit as it is, over it once the fix adds its ~380 bytes of sections.
        assert.ok(bigText.length < 4096 && bigText.length > 3800);
        writeFileSync(join(d, big), bigText);
        writeFileSync(join(d, small), plan);
        const r = staffwork(['check', '.', '--fix', '--jobs', jobs, '-f', 'json'], { cwd: d, fileSizeLimitKB: 4 });
        assertNoStack(r);
        assert.equal(r.code, 2, r.stderr);
        assert.equal(readFileSync(join(d, big), 'utf8'), bigText, 'the unwritable file is left as it was');
        assert.match(readFileSync(join(d, small), 'utf8'), /^Opportunity:$/m, 'the other file is fixed');
        const files = (JSON.parse(r.stdout) as JsonResult[]).map((f) => f.filePath.slice(d.length + 1));
        return { stderr: r.stderr, files };
      });
      assert.deepEqual(runs[0], runs[1]);
      assert.equal(runs[0]!.stderr, `${big}: cannot write the fix: file size limit exceeded (EFBIG)\nstaffwork: --fix rewrote 1 file\n`);
      assert.deepEqual(runs[0]!.files, [small]);
    });
  }
});
