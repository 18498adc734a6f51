// The other commands end to end: progress, new, cases, explain, init, --module, and the
// command line itself (--help / --version everywhere, unknown options and commands).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { assertNoStack, root, staffwork, tempDir, type JsonResult } from './helpers.ts';

const COMMANDS = ['check', 'progress', 'new', 'cases', 'explain', 'init', 'serve', 'lsp'];
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

interface ProgressJson {
  module: string;
  pass: boolean;
  criteria: { id: string; description: string; pass: boolean; evidence: { file: string; ok: boolean; reasons: string[] }[] }[];
  files: { file: string; kind: string | null }[];
}

describe('the command line', () => {
  const cwd = tempDir();
  it('--help and --version on every command', () => {
    for (const c of COMMANDS) {
      const help = staffwork([c, '--help'], { cwd });
      assert.equal(help.code, 0, c);
      assert.match(help.stdout, new RegExp(`^Usage: staffwork ${c} `), c);
      assert.deepEqual(staffwork([c, '--version'], { cwd }), { code: 0, stdout: `${version}\n`, stderr: '' }, c);
    }
    assert.equal(staffwork(['--version'], { cwd }).stdout, `${version}\n`);
    assert.match(staffwork(['--help'], { cwd }).stdout, /Exit codes: 0 clean, 1 error-level findings/);
  });

  it('unknown commands and options, bad values: one line, exit 2', () => {
    for (const args of [['frobnicate'], ['check', '--frobnicate'], ['check', '--format', 'xml'], ['check', '--jobs', '0'], ['check', '--max-warnings', '-1'], ['new'], ['check', '--max-file-size', 'lots']]) {
      const r = staffwork(args, { cwd });
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^staffwork: [^\n]+\n$/, args.join(' '));
    }
    assert.match(staffwork(['check', '--formt', 'json'], { cwd }).stderr, /unknown option '--formt' \(Did you mean --format\?\)/);
  });
});

describe('progress', () => {
  const dir = tempDir(true);
  const run = (folder: string) => {
    const r = staffwork(['progress', folder, '--format', 'json'], { cwd: dir });
    return { ...r, report: JSON.parse(r.stdout) as ProgressJson };
  };

  it('the good examples meet the completion standard: exit 0, each criterion with its evidence', () => {
    const { code, report } = run('good');
    assert.equal(code, 0);
    assert.equal(report.pass, true);
    assert.deepEqual(
      report.criteria.map((c) => c.id),
      ['three-artifacts', 'strategy-spine', 'role-scope', 'escalation-decision', 'summary-ask'],
    );
    const evidence = Object.fromEntries(report.criteria.map((c) => [c.id, c.evidence.filter((e) => e.ok).map((e) => e.file)]));
    assert.equal(evidence['three-artifacts']!.length, 5);
    assert.deepEqual(evidence['strategy-spine'], ['good/platform-strategy.md']);
    assert.deepEqual(evidence['role-scope'], ['good/staff-role-memo.md']);
    assert.deepEqual(evidence['escalation-decision'], ['good/v1-compat-escalation.md']);
    assert.deepEqual(evidence['summary-ask'], ['good/launch-delay-exec.md']);
  });

  it('the bad examples fail every criterion, and say why each candidate does not count', () => {
    const { code, report } = run('bad');
    assert.equal(code, 1);
    assert.equal(report.pass, false);
    for (const c of report.criteria) {
      assert.equal(c.pass, false, c.id);
      assert.ok(c.evidence.length > 0 && c.evidence.every((e) => !e.ok && e.reasons.length > 0), c.id);
    }
    const spine = report.criteria.find((c) => c.id === 'strategy-spine')!;
    assert.deepEqual(
      spine.evidence.map((e) => e.file),
      ['bad/roadmap-strategy.md'],
    );
    assert.ok(spine.evidence[0]!.reasons.includes('no Diagnosis section'));
    // The roadmap finding is given in words, never as a rule id.
    assert.equal(spine.evidence[0]!.reasons.length, new Set(spine.evidence[0]!.reasons).size);
    assert.ok(
      spine.evidence[0]!.reasons.every((r) => !/[a-z]+\/[a-z-]+/.test(r)),
      spine.evidence[0]!.reasons.join('; '),
    );
    assert.ok(spine.evidence[0]!.reasons.length > 1);
  });

  it('text: a line per criterion with ✔/✖ and the evidence under it', () => {
    const r = staffwork(['progress', '.'], { cwd: dir });
    assert.equal(r.code, 0, 'the good examples are enough');
    assert.match(r.stdout, /^✔ At least one strategy includes diagnosis, policy, and coherent action\. \(1 of 1 needed\)\n {4}✔ good\/platform-strategy\.md\n {4}✖ bad\/roadmap-strategy\.md: no Diagnosis section; /m);
    assert.match(r.stdout, /^5 of 5 criteria met$/m);
    const bad = staffwork(['progress', 'bad'], { cwd: dir });
    assert.match(bad.stdout, /^✖ At least three leadership artifacts are completed\. \(0 of 3 needed\)$/m);
    assert.match(bad.stdout, /^0 of 5 criteria met/m);
  });

  it('not a folder: one line, exit 2', () => {
    const r = staffwork(['progress', 'nowhere'], { cwd: dir });
    assert.deepEqual([r.code, r.stderr], [2, 'staffwork: nowhere: not a folder\n']);
  });
});

describe('new', () => {
  it('writes a skeleton with every required section and its hint, which checks as empty sections', () => {
    const d = tempDir();
    const r = staffwork(['new', 'strategy', '--title', 'Platform strategy 2027'], { cwd: d });
    assert.deepEqual([r.code, r.stdout], [0, 'platform-strategy-2027.md\n']);
    const text = readFileSync(join(d, 'platform-strategy-2027.md'), 'utf8');
    assert.match(text, /^---\nkind: strategy\ntitle: "Platform strategy 2027"\n/);
    for (const s of ['Diagnosis', 'Guiding policy', 'Coherent actions', 'Anti-scope', 'Success metrics']) assert.match(text, new RegExp(`^## ${s}\\n\\n<!-- .+ -->$`, 'm'));
    const check = JSON.parse(staffwork(['check', 'platform-strategy-2027.md', '-f', 'json'], { cwd: d }).stdout) as JsonResult[];
    const rules = new Set(check[0]!.messages.map((m) => m.ruleId));
    assert.ok(rules.has('structure/empty-section'));
    assert.ok(!rules.has('structure/required-section'));
  });

  it('exec-summary variants carry audience and set; a path can be given', () => {
    const d = tempDir();
    assert.equal(staffwork(['new', 'exec-summary', 'sum/peer.md', '--audience', 'peer', '--set', 'launch'], { cwd: d }).stdout, 'sum/peer.md\n');
    assert.match(readFileSync(join(d, 'sum/peer.md'), 'utf8'), /^audience: peer\nset: launch$/m);
  });

  it('refuses to overwrite, unknown kinds and audiences: one line, exit 2', () => {
    const d = tempDir();
    writeFileSync(join(d, 'mine.md'), 'my words\n');
    for (const [args, why] of [
      [['new', 'strategy', 'mine.md'], /^staffwork: mine\.md: already exists; not overwriting it\n$/],
      [['new', 'memo'], /^staffwork: unknown kind "memo"; expected one of strategy, role-memo, /],
      [['new', 'exec-summary', '--audience', 'cto'], /^staffwork: --audience cto: expected one of executive, peer, junior\n$/],
      [['new', 'strategy', '--audience', 'peer'], /^staffwork: --audience: a strategy has no audiences/],
    ] as const) {
      const r = staffwork([...args], { cwd: d });
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, why);
    }
    assert.equal(readFileSync(join(d, 'mine.md'), 'utf8'), 'my words\n');
  });
});

describe('cases and explain', () => {
  const cwd = tempDir();
  it('cases lists the five case studies; one prints scenario, approaches, the tradeoff table and the artifact', () => {
    const list = staffwork(['cases'], { cwd });
    assert.equal(list.code, 0);
    assert.match(list.stdout, /^ {3}1 {2}strategy +Engineering Strategy That Is Only A Roadmap$/m);
    assert.match(list.stdout, /^ {3}5 {2}exec-summary +Executive Summary That Loses The Decision$/m);
    const one = staffwork(['cases', '1'], { cwd });
    for (const h of ['Scenario', 'Source anchor', 'Module concepts', 'Wrong approach', 'Better approach', 'Tradeoff table', 'Required artifact']) assert.match(one.stdout, new RegExp(`^${h}$`, 'm'));
    assert.match(one.stdout, /^ {2}Choice +│ Gain +│ Cost$/m);
    assert.match(one.stdout, /^ {2}narrow strategy │ focus +│ says no to good ideas$/m);
    assert.equal(staffwork(['cases', 'roadmap-not-strategy'], { cwd }).stdout, one.stdout);
    const json = JSON.parse(staffwork(['cases', '3', '--format', 'json'], { cwd }).stdout);
    assert.equal(json.kind, 'escalation');
    const none = staffwork(['cases', '9'], { cwd });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /^staffwork: no case study "9"; this module has 1 \(roadmap-not-strategy\)/);
  });

  it('explain lists every rule and shows one: why, better, the bad example and what fires on it', () => {
    const list = staffwork(['explain'], { cwd });
    assert.equal(list.code, 0);
    assert.match(list.stdout, /^ {2}structure\/required-section +error +Every section the artifact kind requires is present\.$/m);
    const one = staffwork(['explain', 'structure/required-section'], { cwd });
    assert.equal(one.code, 0);
    assert.match(one.stdout, /^structure\/required-section {2}\(error; applies to every artifact; fixable with --fix\)$/m);
    for (const h of ['Why', 'Better approach', 'Bad', 'Good']) assert.match(one.stdout, new RegExp(`^${h}$`, 'm'));
    assert.match(one.stdout, /^ {2}│ kind: growth-plan$/m);
    assert.match(one.stdout, /^ {2}2:1 The growth plan has no `Opportunity` section\./m);
    assert.match(one.stdout, /^Docs: file:\/\/.*\/docs\/rules\/structure\/required-section\.md$/m);
    const unknown = staffwork(['explain', 'required'], { cwd });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /did you mean structure\/required-section\?/);
  });
});

describe('init', () => {
  it('writes a valid staffwork.config.json, says what it did, refuses to overwrite', () => {
    const d = tempDir();
    const r = staffwork(['init'], { cwd: d });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^wrote staffwork\.config\.json:/);
    const config = JSON.parse(readFileSync(join(d, 'staffwork.config.json'), 'utf8'));
    assert.deepEqual(Object.keys(config), ['rules', 'ignore']);
    writeFileSync(join(d, 'CHANGELOG.md'), '# Changelog\n');
    writeFileSync(join(d, 'a.md'), '# Notes\n');
    assert.deepEqual(
      (JSON.parse(staffwork(['check', '-f', 'json'], { cwd: d }).stdout) as JsonResult[]).map((f) => f.filePath),
      [join(d, 'a.md')],
    );
    const again = staffwork(['init'], { cwd: d });
    assert.deepEqual([again.code, again.stderr], [2, 'staffwork: staffwork.config.json already exists here; not overwriting it\n']);
  });
});

describe('--module: another course module is data', () => {
  const d = tempDir();
  const data = parse(readFileSync(join(root, 'modules/leadership-case-studies/module.yaml'), 'utf8'));
  // A module whose strategy calls its diagnosis "Situation", with one case study and one criterion.
  const strategy = data.kinds.find((k: { id: string }) => k.id === 'strategy');
  strategy.sections.find((s: { id: string }) => s.id === 'diagnosis').title = 'Situation';
  data.id = 'other-module';
  data.title = 'Another module';
  data.caseStudies = data.caseStudies.slice(0, 1);
  data.completion = [{ id: 'one-strategy', description: 'One strategy with a situation.', kind: 'strategy', min: 1, sections: ['diagnosis'] }];
  writeFileSync(join(d, 'other.yaml'), stringify(data));

  it('new, cases and progress follow the module given', () => {
    assert.equal(staffwork(['new', 'strategy', 's.md', '--module', 'other.yaml'], { cwd: d }).code, 0);
    assert.match(readFileSync(join(d, 's.md'), 'utf8'), /^## Situation$/m);
    assert.match(staffwork(['cases', '--module', 'other.yaml'], { cwd: d }).stdout, /^Another module\n\n {3}1 {2}strategy/);
    const p = JSON.parse(staffwork(['progress', '.', '--module', 'other.yaml', '-f', 'json'], { cwd: d }).stdout) as ProgressJson;
    assert.equal(p.module, 'other-module');
    assert.deepEqual(
      p.criteria.map((c) => c.id),
      ['one-strategy'],
    );
    const check = JSON.parse(staffwork(['check', 's.md', '--module', 'other.yaml', '-f', 'json'], { cwd: d }).stdout) as JsonResult[];
    assert.ok(check[0]!.messages.some((m) => m.ruleId === 'structure/empty-section' && m.message.includes('`Situation`')));
  });

  it('an invalid or hostile module file: one line, exit 2', () => {
    writeFileSync(join(d, 'bad.yaml'), stringify({ ...data, kinds: [] }));
    writeFileSync(join(d, 'broken.yaml'), 'id: [x\n');
    let bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      bomb += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
        .fill('*' + String.fromCharCode(96 + i))
        .join(', ')}]\n`;
    writeFileSync(join(d, 'bomb.yaml'), bomb);
    for (const [file, why] of [
      ['bad.yaml', /^staffwork: bad\.yaml: invalid course module: kinds: /],
      ['broken.yaml', /^staffwork: broken\.yaml: not valid YAML/],
      ['bomb.yaml', /^staffwork: bomb\.yaml: not valid YAML \(Excessive alias count/],
      ['none.yaml', /^staffwork: none\.yaml: no such module file\n$/],
    ] as const) {
      const r = staffwork(['check', '.', '--module', file], { cwd: d });
      assert.equal(r.code, 2, file);
      assert.match(r.stderr, why);
      assert.equal(r.stderr.split('\n').length, 2, r.stderr);
      assertNoStack(r);
    }
    assert.ok(existsSync(join(d, 's.md')));
  });
});
