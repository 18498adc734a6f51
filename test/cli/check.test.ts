// `staffwork check` end to end: the built binary on the user's examples, every format, exit
// codes, config, inline disable comments, --fix, sets, stdin and bad input made on the fly.
// Exact assertions use the structure/* rules and the ids expected.json promises; other rules
// are being written in parallel, so counts of their findings are never pinned.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { assertNoStack, examples, staffwork, tempDir, type JsonResult } from './helpers.ts';

const expected = JSON.parse(readFileSync(join(examples, 'expected.json'), 'utf8')) as Record<string, { verdict: string; must?: string[][] }>;
const badFiles = Object.keys(expected).filter((k) => k.startsWith('bad/'));
const dir = tempDir(true);
const json = (args: string[], cwd = dir) => {
  const r = staffwork(['check', ...args, '--format', 'json'], { cwd });
  return { ...r, results: JSON.parse(r.stdout) as JsonResult[] };
};

describe('check: exit codes and stylish', () => {
  it('the good examples have no errors: exit 0', () => {
    const r = staffwork(['check', 'good'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /^\s+\d+:\d+\s+error\b/m);
  });

  it('the bad examples: exit 1, grouped by file, rule ids, positions, better hints and a summary', () => {
    const r = staffwork(['check', 'bad'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    for (const f of badFiles) assert.match(r.stdout, new RegExp(`^${f}$`, 'm'));
    // roadmap-strategy.md: its H1 is line 6, col 3; the missing sections point there (its one
    // label, "Our plan for the year:", may be the diagnosis: structure/unrecognised-section asks).
    assert.match(r.stdout, /^ {2}6:3 +error +The engineering strategy has no `Guiding policy` section\. .* {2}structure\/required-section$/m);
    assert.match(r.stdout, /^ +better: Add the missing section/m);
    assert.match(r.stdout, /^✖ \d+ problems \(\d+ errors, \d+ warnings?(, \d+ infos?)?\) in 5 files$/m);
    assert.match(r.stdout, /^ {2}\d+ errors? and \d+ warnings? potentially fixable with the `--fix` option\.$/m);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colours when piped');
  });

  it('colours with --color, never with --no-color', () => {
    assert.match(staffwork(['check', 'bad', '--color'], { cwd: dir }).stdout, /\x1b\[31merror/);
    assert.doesNotMatch(staffwork(['check', 'bad', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[/);
  });

  it('checks the current folder by default, skipping node_modules and .git', () => {
    const d = tempDir(true);
    for (const skipped of ['node_modules/pkg', '.git']) {
      mkdirSync(join(d, skipped), { recursive: true });
      writeFileSync(join(d, skipped, 'README.md'), '# x\n');
    }
    writeFileSync(join(d, 'notes.markdown'), '# Notes\n');
    const { code, results } = json([], d);
    assert.equal(code, 1);
    const files = results.map((x) => x.filePath.slice(d.length + 1));
    assert.deepEqual(files, [...Object.keys(expected).filter((k) => k !== 'comment')].concat('notes.markdown').sort());
  });

  it('globs, explicit files and --quiet (errors only)', () => {
    const { results } = json(['good/*.md', 'bad/roadmap-strategy.md', '--quiet']);
    assert.equal(results.length, 6);
    for (const f of results)
      assert.ok(
        f.messages.every((m) => m.severity === 2 && !m.info),
        f.filePath,
      );
    assert.ok(results.some((f) => f.messages.length > 0));
  });

  it('--max-warnings: exit 1 over the limit even without errors', () => {
    const d = tempDir();
    writeFileSync(join(d, 'a.md'), readFileSync(join(examples, 'bad/advice-only-growth-plan.md')));
    // Turn every error off, so only warnings (if any) remain, and add one warning we control.
    writeFileSync(join(d, 'staffwork.config.json'), JSON.stringify({ rules: { 'growth/*': 'warning', 'structure/required-section': 'warning' } }));
    const ok = staffwork(['check', 'a.md', '--max-warnings', '1000'], { cwd: d });
    assert.equal(ok.code, 0, ok.stdout);
    const over = staffwork(['check', 'a.md', '--max-warnings', '0'], { cwd: d });
    assert.equal(over.code, 1);
    assert.match(over.stderr, /^staffwork: \d+ warnings, more than --max-warnings 0$/m);
    // --quiet hides the warnings from the report but they still count.
    const quiet = staffwork(['check', 'a.md', '--quiet', '--max-warnings', '0'], { cwd: d });
    assert.equal(quiet.code, 1);
    assert.doesNotMatch(quiet.stdout, /warning/);
  });
});

describe('check: json is ESLint json', () => {
  const { code, results } = json(['bad']);

  it('one entry per file, sorted, with exactly ESLint fields and consistent counts', () => {
    assert.equal(code, 1);
    assert.deepEqual(
      results.map((f) => f.filePath),
      badFiles.map((f) => join(dir, f)).sort(),
    );
    for (const f of results) {
      assert.deepEqual(Object.keys(f), ['filePath', 'messages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']);
      assert.equal(f.errorCount, f.messages.filter((m) => m.severity === 2).length);
      assert.equal(f.warningCount, f.messages.filter((m) => m.severity === 1 && !m.info).length);
      assert.equal(f.fixableErrorCount, f.messages.filter((m) => m.severity === 2 && m.fix).length);
      for (const m of f.messages) {
        for (const k of ['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']) assert.ok(k in m, `${k} in ${JSON.stringify(m)}`);
        assert.ok([1, 2].includes(m.severity));
        assert.ok(m.line >= 1 && m.column >= 1 && (m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column)), JSON.stringify(m));
      }
    }
  });

  it('fires what expected.json promises for every bad example', () => {
    for (const f of badFiles) {
      const fired = new Set(results.find((r) => r.filePath === join(dir, f))!.messages.map((m) => m.ruleId));
      for (const anyOf of expected[f]!.must ?? [])
        assert.ok(
          anyOf.some((id) => fired.has(id)),
          `${f}: ${anyOf.join('|')}`,
        );
    }
  });

  it('exact positions from structure/required-section, with a fix', () => {
    const roadmap = results.find((r) => r.filePath.endsWith('roadmap-strategy.md'))!;
    const missing = roadmap.messages.filter((m) => m.ruleId === 'structure/required-section');
    assert.deepEqual(
      missing.map((m) => m.message.match(/`([^`]+)`/)?.[1]),
      // In the kind's order, as the module lists the sections.
      // "Our plan for the year:" lists projects: it may be the actions (a warning), never the diagnosis or the policy.
      ['Diagnosis', 'Guiding policy', 'Anti-scope', 'Success metrics'],
    );
    for (const m of missing) assert.deepEqual([m.severity, m.line, m.column, m.endLine, m.endColumn, Boolean(m.fix)], [2, 6, 3, 6, 20, true]);
  });

  it('info findings keep severity 1 with info: true and count as neither errors nor warnings', () => {
    const d = tempDir();
    writeFileSync(join(d, 'notes.md'), '# Notes\n\nSome thoughts.\n');
    const {
      code: c,
      results: [r],
    } = json(['notes.md'], d);
    assert.equal(c, 0);
    assert.deepEqual(
      r!.messages.map((m) => [m.ruleId, m.severity, m.info]),
      [['structure/unknown-kind', 1, true]],
    );
    assert.equal(r!.warningCount, 0);
    assert.equal(r!.errorCount, 0);
  });
});

describe('check: sarif, junit, github', () => {
  it('sarif 2.1.0 as code scanning reads it', () => {
    const r = staffwork(['check', 'bad', '--format', 'sarif'], { cwd: dir });
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'staffwork');
    const rules = run.tool.driver.rules as { id: string; shortDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string; defaultConfiguration: { level: string } }[];
    assert.ok(rules.some((x) => x.id === 'structure/required-section'));
    for (const rule of rules) {
      assert.ok(rule.shortDescription.text && rule.help.text && rule.help.markdown, rule.id);
      assert.doesNotThrow(() => new URL(rule.helpUri), rule.helpUri);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    const { results } = json(['bad']);
    const flat = results.flatMap((f) => f.messages.map((m) => ({ f, m })));
    assert.equal(run.results.length, flat.length);
    run.results.forEach((res: any, i: number) => {
      const { f, m } = flat[i]!;
      assert.equal(rules[res.ruleIndex]!.id, res.ruleId);
      assert.equal(res.ruleId, m.ruleId);
      assert.equal(res.level, m.info ? 'note' : m.severity === 2 ? 'error' : 'warning');
      assert.equal(res.message.text, m.message);
      const loc = res.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, f.filePath.slice(dir.length + 1));
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual(loc.region, { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn });
    });
  });

  it('junit is well-formed XML: one testsuite per file, a failing testcase per finding, escaped', () => {
    const d = tempDir(true);
    // A file name and a message with XML's special characters.
    writeFileSync(join(d, 'a&b <"q">.md'), '---\nkind: "str<&>tegy"\n---\n# T\n');
    const r = staffwork(['check', '.', '--format', 'junit'], { cwd: d });
    assert.equal(r.code, 1);
    assert.equal(XMLValidator.validate(r.stdout), true);
    const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(r.stdout);
    const suites = xml.testsuites.testsuite as any[];
    assert.equal(suites.length, 11);
    const odd = suites.find((s) => s['@_name'] === 'a&b <"q">.md');
    assert.ok(odd, 'the escaped file name round-trips');
    assert.ok(odd.testcase.some((t: any) => t.failure?.['@_message']?.includes('str<&>tegy')));
    const roadmap = suites.find((s) => s['@_name'] === 'bad/roadmap-strategy.md');
    assert.ok(roadmap.testcase.filter((t: any) => t['@_name'].startsWith('structure/required-section (6:3)') && t.failure['@_type'] === 'error').length === 4);
    const good = suites.find((s) => s['@_name'] === 'good/platform-strategy.md');
    assert.ok(good.testcase.length >= 1);
  });

  it('github workflow commands, escaped per the spec', () => {
    const d = tempDir();
    writeFileSync(join(d, 'a,b:c%.md'), '---\nkind: strategy\n---\n# 100% done\n');
    const r = staffwork(['check', '.', '--format', 'github'], { cwd: d });
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(lines.length >= 5);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=a%2Cb%3Ac%25\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[\w/%-]+::[^\n]+$/);
    assert.ok(
      lines.includes(
        '::error file=a%2Cb%3Ac%25.md,line=4,col=3,endLine=4,endColumn=12,title=structure/required-section::The engineering strategy has no `Diagnosis` section. Name the few problems that block teams, with the numbers that show them (e.g. deploy lead time, flaky test rate).',
      ),
      r.stdout,
    );
  });

  it('-o writes the report to a file (folders created), nothing on stdout', () => {
    const r = staffwork(['check', 'bad', '-f', 'sarif', '-o', 'out/report.sarif'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8')).version, '2.1.0');
  });
});

describe('check: config, --rule and disable comments', () => {
  it('staffwork.config.json turns rules off and ignores globs', () => {
    const d = tempDir(true);
    writeFileSync(join(d, 'staffwork.config.json'), JSON.stringify({ rules: { 'structure/required-section': 'off' }, ignore: ['bad/blame-*.md', 'good'] }));
    const { results } = json(['.'], d);
    assert.deepEqual(
      results.map((f) => f.filePath.slice(d.length + 1)),
      ['bad/activity-exec-summary.md', 'bad/advice-only-growth-plan.md', 'bad/every-senior-task-memo.md', 'bad/roadmap-strategy.md'],
    );
    assert.ok(results.every((f) => f.messages.every((m) => m.ruleId !== 'structure/required-section')));
  });

  it('.staffworkrc is found from a parent folder; --config picks another file', () => {
    const d = tempDir(true);
    writeFileSync(join(d, '.staffworkrc'), JSON.stringify({ rules: { 'structure/*': 'off' } }));
    const sub = json(['roadmap-strategy.md'], join(d, 'bad')).results[0]!;
    assert.ok(sub.messages.every((m) => !m.ruleId.startsWith('structure/')));
    writeFileSync(join(d, 'other.json'), JSON.stringify({ rules: {} }));
    const other = json(['bad/roadmap-strategy.md', '--config', 'other.json'], d).results[0]!;
    assert.ok(other.messages.some((m) => m.ruleId === 'structure/required-section'));
  });

  it('an invalid config is one line and exit 2', () => {
    const d = tempDir(true);
    for (const [content, why] of [
      ['{ "rules": ', /not valid JSON/],
      ['{ "rulez": {} }', /Unrecognized key/],
      ['{ "rules": { "no/such-rule": "error" } }', /unknown rule "no\/such-rule"/],
      ['{ "rules": { "structure/required-section": "loud" } }', /rules\.structure\/required-section/],
    ] as const) {
      writeFileSync(join(d, 'staffwork.config.json'), content);
      const r = staffwork(['check', 'good'], { cwd: d });
      assert.equal(r.code, 2, content);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, why);
      assertNoStack(r);
    }
    const missing = staffwork(['check', 'good', '--config', 'nope.json'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^staffwork: nope\.json: no such config file\n$/);
  });

  it('--rule sets levels and rejects unknown rules and levels', () => {
    const off = json(['bad/roadmap-strategy.md', '--rule', 'structure/required-section:off', '--rule', 'strategy/roadmap-not-strategy:warning']).results[0]!;
    assert.ok(!off.messages.some((m) => m.ruleId === 'structure/required-section'));
    assert.equal(off.messages.find((m) => m.ruleId === 'strategy/roadmap-not-strategy')?.severity, 1);
    for (const bad of ['nope/nope:off', 'structure/required-section:loud', 'structure/required-section']) {
      const r = staffwork(['check', 'bad', '--rule', bad], { cwd: dir });
      assert.equal(r.code, 2, bad);
      assert.equal(r.stderr.split('\n').length, 2, r.stderr);
    }
  });

  it('inline staffwork-disable comments, end to end', () => {
    const d = tempDir();
    const src = readFileSync(join(examples, 'bad/roadmap-strategy.md'), 'utf8');
    writeFileSync(join(d, 'whole.md'), src.replace('# Platform strategy', '<!-- staffwork-disable structure/required-section -->\n\n# Platform strategy'));
    writeFileSync(join(d, 'line.md'), src.replace('# Platform strategy', '# Platform strategy <!-- staffwork-disable-line -->'));
    writeFileSync(join(d, 'area.md'), src.replace('# Platform strategy', '<!-- staffwork-disable strategy/* -->\n# Platform strategy'));
    const byFile = Object.fromEntries(json(['.'], d).results.map((f) => [f.filePath.slice(d.length + 1), new Set(f.messages.map((m) => m.ruleId))]));
    assert.ok(!byFile['whole.md']!.has('structure/required-section'));
    assert.ok(byFile['whole.md']!.has('strategy/roadmap-not-strategy'));
    assert.ok(!byFile['line.md']!.has('structure/required-section'), 'the finding on the H1 line is off');
    assert.ok(byFile['line.md']!.has('strategy/roadmap-not-strategy'));
    assert.ok(!byFile['area.md']!.has('strategy/roadmap-not-strategy'));
    assert.ok(byFile['area.md']!.has('structure/required-section'));
  });
});

describe('check: --fix', () => {
  it('inserts the missing section skeletons, re-checks, and leaves files without fixes untouched', () => {
    const d = tempDir(true);
    const goodFile = join(d, 'good/platform-strategy.md');
    const before = statSync(goodFile).mtimeMs;
    const goodText = readFileSync(goodFile, 'utf8');
    const r = staffwork(['check', 'bad/roadmap-strategy.md', 'good/platform-strategy.md', '--fix', '-f', 'json'], { cwd: d });
    assert.match(r.stderr, /^staffwork: --fix rewrote 1 file\n$/);
    const fixed = readFileSync(join(d, 'bad/roadmap-strategy.md'), 'utf8');
    // Heading or label: the rule writes the skeleton in the document's own style.
    // Not the Coherent actions: the label "Our plan for the year:" above a list of projects may be them, and no
    // second one is inserted. It names no problem and chooses nothing, so the Diagnosis and the policy are.
    const titles = ['Diagnosis', 'Guiding policy', 'Anti-scope', 'Success metrics'];
    assert.doesNotMatch(readFileSync(join(d, 'bad/roadmap-strategy.md'), 'utf8'), /^(## Coherent actions|Coherent actions:)$/m);
    const at = titles.map((title) => fixed.search(new RegExp(`^(## ${title}|${title}:)$`, 'm')));
    assert.ok(
      at.every((i) => i > 0),
      `every section inserted: ${at}`,
    );
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
      "inserted in the kind's order, not alphabetically",
    );
    assert.ok(fixed.startsWith(readFileSync(join(examples, 'bad/roadmap-strategy.md'), 'utf8').trimEnd()), 'the original text is kept');
    // The report describes the fixed file: no missing section left, the empty ones now reported.
    const after = (JSON.parse(r.stdout) as JsonResult[]).find((f) => f.filePath.endsWith('roadmap-strategy.md'))!;
    assert.ok(!after.messages.some((m) => m.ruleId === 'structure/required-section'));
    assert.ok(after.messages.some((m) => m.ruleId === 'structure/empty-section'));
    assert.equal(readFileSync(goodFile, 'utf8'), goodText);
    assert.equal(statSync(goodFile).mtimeMs, before);
  });

  it('keeps a UTF-8 byte order mark', () => {
    const d = tempDir();
    writeFileSync(join(d, 'bom.md'), '\ufeff---\nkind: growth-plan\n---\n\nSkill goal:\nSam leads the API migration design.\n');
    staffwork(['check', 'bom.md', '--fix'], { cwd: d });
    const bytes = readFileSync(join(d, 'bom.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.toString('utf8'), /^Opportunity:$/m);
  });

  it('refuses stdin', () => {
    const r = staffwork(['check', '-', '--fix'], { cwd: dir, input: '# x\n' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--fix cannot rewrite stdin/);
  });
});

describe('check: stdin, sets, bad input', () => {
  it('reads stdin with --stdin-filename', () => {
    const r = staffwork(['check', '-', '--stdin-filename', 'draft.md', '-f', 'json'], { cwd: dir, input: readFileSync(join(examples, 'bad/roadmap-strategy.md')) });
    assert.equal(r.code, 1);
    const [f] = JSON.parse(r.stdout) as JsonResult[];
    assert.equal(f!.filePath, join(dir, 'draft.md'));
    assert.ok(f!.messages.some((m) => m.ruleId === 'strategy/roadmap-not-strategy'));
  });

  it('files with the same set: are checked together, with workers too', () => {
    const d = tempDir();
    const exec = readFileSync(join(examples, 'good/launch-delay-exec.md'), 'utf8');
    writeFileSync(join(d, 'exec.md'), exec);
    writeFileSync(join(d, 'peer.md'), exec.replace('audience: executive', 'audience: peer').replace('two weeks, to 14 May', 'three weeks, to 21 May'));
    // The same peer variant in a folder of its own has nothing to disagree with.
    const lone = tempDir();
    writeFileSync(join(lone, 'peer.md'), readFileSync(join(d, 'peer.md')));
    const alone = json(['peer.md'], lone).results[0]!;
    const together = json(['.'], d).results;
    const setFindings = (f: JsonResult) => f.messages.filter((m) => !alone.messages.some((a) => a.ruleId === m.ruleId && a.line === m.line && a.column === m.column));
    const peer = together.find((f) => f.filePath.endsWith('peer.md'))!;
    assert.ok(setFindings(peer).length > 0, 'a set rule reports the disagreement');
    assert.ok(
      setFindings(peer).every((m) => m.message.includes('exec.md')),
      'it names the other variant',
    );
    assert.deepEqual(json(['.', '--jobs', '2'], d).results, together);
    // Checking one variant still compares it with the variants beside it, and reports only it.
    const one = json(['peer.md'], d).results;
    assert.deepEqual(
      one.map((f) => f.filePath),
      [join(d, 'peer.md')],
    );
    assert.deepEqual(one[0]!.messages, peer.messages);
  });

  it('stdin named by --stdin-filename is compared with the set: variants beside that path, as `check FILE` is', () => {
    const d = tempDir();
    const exec = readFileSync(join(examples, 'good/launch-delay-exec.md'), 'utf8');
    const peer = exec.replace('audience: executive', 'audience: peer').replace('two weeks, to 14 May', 'three weeks, to 21 May');
    writeFileSync(join(d, 'exec.md'), exec);
    writeFileSync(join(d, 'peer.md'), peer);
    for (const format of ['json', 'stylish']) {
      const file = staffwork(['check', 'peer.md', '-f', format], { cwd: d });
      // The editor's unsaved text of peer.md, on stdin: the same report as the file on disk.
      const stdin = staffwork(['check', '-', '--stdin-filename', 'peer.md', '-f', format], { cwd: d, input: peer });
      assert.deepEqual([stdin.code, stdin.stdout, stdin.stderr], [file.code, file.stdout, file.stderr], format);
    }
    const [f] = JSON.parse(staffwork(['check', '-', '--stdin-filename', 'peer.md', '-f', 'json'], { cwd: d, input: peer }).stdout) as JsonResult[];
    assert.ok(
      f!.messages.some((m) => m.message.includes('exec.md')),
      'a set rule compares it with exec.md',
    );
  });

  it('binary, invalid UTF-8, too large, missing: one line each, the rest still checked, exit 2', () => {
    const d = tempDir();
    writeFileSync(join(d, 'ok.md'), readFileSync(join(examples, 'bad/roadmap-strategy.md')));
    writeFileSync(join(d, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    writeFileSync(join(d, 'latin1.md'), Buffer.from('caf\xe9\n', 'latin1'));
    writeFileSync(join(d, 'large.md'), 'x'.repeat(5 * 1024));
    const r = staffwork(['check', '.', 'missing.md', '--max-file-size', '2KB', '-f', 'json'], { cwd: d });
    assert.equal(r.code, 2);
    assertNoStack(r);
    assert.deepEqual(r.stderr.trimEnd().split('\n').sort(), [
      'binary.md: binary file (it contains NUL bytes), not a Markdown document',
      'large.md: file is 5.0 KB, over the 2.0 KB limit (maxFileSize in staffwork.config.json, or --max-file-size)',
      'latin1.md: invalid UTF-8 at byte 3; save the file as UTF-8',
      'missing.md: no such file or folder',
    ]);
    assert.deepEqual(
      (JSON.parse(r.stdout) as JsonResult[]).map((f) => f.filePath),
      [join(d, 'ok.md')],
    );
  });

  it('hostile input: alias bomb, 20,000-deep blockquote, broken YAML, a 12 MB file over the default limit', () => {
    const d = tempDir();
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i < 10; i++)
      bomb += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill('*' + String.fromCharCode(96 + i))
        .join(',')}]\n`;
    writeFileSync(join(d, 'bomb.md'), `---\n${bomb}kind: strategy\n---\n# X\n`);
    writeFileSync(join(d, 'deep.md'), '> '.repeat(20_000) + 'deep\n');
    writeFileSync(join(d, 'broken.md'), '---\nkind: [strategy\ntitle: "x\n---\n# X\n');
    writeFileSync(join(d, 'huge.md'), '# Huge\n\n' + 'Lead time is 3 days.\n'.repeat(600_000));
    const r = staffwork(['check', '.', '-f', 'json'], { cwd: d });
    assert.equal(r.code, 2);
    assertNoStack(r);
    assert.match(r.stderr, /^huge\.md: file is 12\.0 MB, over the 10\.0 MB limit/m);
    const results = JSON.parse(r.stdout) as JsonResult[];
    assert.deepEqual(
      results.map((f) => f.filePath.slice(d.length + 1)),
      ['bomb.md', 'broken.md', 'deep.md'],
    );
    for (const f of results.slice(0, 2))
      assert.ok(
        f.messages.some((m) => m.ruleId === 'structure/front-matter' && m.severity === 2),
        f.filePath,
      );
  });

  it('a glob that matches nothing, or a folder without Markdown: one line, exit 2', () => {
    const d = tempDir();
    const none = staffwork(['check', 'docs/**/*.md'], { cwd: d });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^docs\/\*\*\/\*\.md: no files match this pattern\n$/);
    const empty = staffwork(['check'], { cwd: d });
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /^staffwork: no Markdown files \(\*\.md, \*\.markdown\) in the current folder\n$/);
  });
});

describe('check: worker threads', () => {
  const corpus = join(import.meta.dirname, '../../../shared/corpus');
  it('--jobs 2 gives byte-identical json (and exit code) to --jobs 1 on the corpus', { skip: !existsSync(corpus) && `no corpus at ${corpus}` }, () => {
    const one = staffwork(['check', '.', '-f', 'json', '--jobs', '1'], { cwd: corpus });
    const two = staffwork(['check', '.', '-f', 'json', '--jobs', '2'], { cwd: corpus });
    assert.ok((JSON.parse(one.stdout) as unknown[]).length > 1000);
    assert.equal(two.code, one.code);
    assert.equal(two.stderr, one.stderr);
    assert.ok(two.stdout === one.stdout, 'json output differs between --jobs 1 and --jobs 2');
  });
});
