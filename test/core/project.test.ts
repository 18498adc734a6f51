// The core Project: files in, immutable per-file results with their set's findings out;
// incremental re-checks that equal a check from scratch; the membership policies; one reading
// of a file's audience; and where a set rule's crash is reported.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { artifactMeta, builtinRules, checkText, defaultModule, parse, Project, type CheckOptions, type FileResult, type Membership, type SetRule } from '../../src/core/index.ts';

const summary = (audience: string | undefined, decision: string, set = 'launch') =>
  `---\nkind: exec-summary\n${audience === undefined ? '' : `audience: ${audience}\n`}set: ${set}\n---\n\nDecision:\n${decision}\n\nAsk:\nApprove the new date by Friday.\n`;
const TWO_WEEKS = 'Delay the payments launch two weeks, to 14 May.';
const THREE_WEEKS = 'Delay the payments launch three weeks, to 21 May.';

const project = (membership: Membership = 'all', extra: Partial<ConstructorParameters<typeof Project>[0]> = {}) => new Project({ module: defaultModule, rules: builtinRules, membership, ...extra });
const disagrees = (p: Project, path: string) => (p.result(path)?.setDiagnostics ?? []).filter((d) => d.ruleId === 'summary/variants-disagree').length;
/** Everything a surface reads from a result, as JSON (doc left out: it is the parse of the same text). */
const shown = (p: Project) => JSON.stringify(p.results().map(({ doc: _doc, kind, ...r }) => ({ ...r, kind: kind?.id })));

describe('Project', () => {
  it('compares the variants of a set and keeps their own findings', () => {
    const p = project();
    p.upsert('exec.md', summary('executive', TWO_WEEKS));
    p.upsert('junior.md', summary('junior', THREE_WEEKS));
    const alone = checkText(summary('junior', THREE_WEEKS), { module: defaultModule, rules: builtinRules, filePath: 'junior.md' });
    const junior = p.result('junior.md');
    assert.ok(junior);
    assert.ok(disagrees(p, 'junior.md') + disagrees(p, 'exec.md') > 0, 'the two decisions disagree');
    // Its own findings are all there, plus the set's.
    assert.equal(junior.diagnostics.length, alone.diagnostics.length + junior.setDiagnostics.length);
    for (const d of junior.setDiagnostics) assert.ok(junior.diagnostics.includes(d));
    assert.deepEqual(junior.members, ['exec.md']);
    assert.equal(junior.errorCount + junior.warningCount + junior.infoCount, junior.diagnostics.length);
  });

  it('returns immutable results that later upserts leave as they were', () => {
    const p = project();
    p.upsert('exec.md', summary('executive', TWO_WEEKS));
    p.upsert('junior.md', summary('junior', TWO_WEEKS));
    const before = p.result('junior.md');
    assert.ok(before);
    const frozen = JSON.stringify(before.diagnostics);
    assert.ok(Object.isFrozen(before) && Object.isFrozen(before.diagnostics) && before.diagnostics.every((d) => Object.isFrozen(d) && Object.isFrozen(d.range)));
    assert.throws(() => (before.diagnostics as unknown as unknown[]).push({}), TypeError);
    p.upsert('exec.md', summary('executive', THREE_WEEKS));
    const after = p.result('junior.md');
    assert.notEqual(after, before, 'a changed member gives a new result');
    assert.equal(JSON.stringify(before.diagnostics), frozen, 'the old result did not change');
    assert.notDeepEqual(after?.setDiagnostics, before.setDiagnostics);
    // checkText's own results are frozen too.
    const own = checkText('# x', { module: defaultModule, rules: builtinRules });
    assert.ok(Object.isFrozen(own) && Object.isFrozen(own.diagnostics));
  });

  it('re-checks only what changed, and ends where a check from scratch does', () => {
    const calls: string[] = [];
    const checkFile = (text: string, options: CheckOptions): FileResult => {
      calls.push(options.filePath ?? '');
      return checkText(text, options);
    };
    const p = project('sameFolder', { checkFile });
    p.upsert('a/exec.md', summary('executive', TWO_WEEKS));
    p.upsert('a/peer.md', summary('peer', TWO_WEEKS));
    p.upsert('a/junior.md', summary('junior', THREE_WEEKS));
    p.upsert('a/notes.md', '# Notes\n\nNothing here.\n');
    p.upsert('b/exec.md', summary('executive', THREE_WEEKS));
    p.results();
    calls.length = 0;
    const notes = p.result('a/notes.md');
    const other = p.result('b/exec.md');

    p.upsert('a/peer.md', summary('peer', THREE_WEEKS));
    assert.deepEqual(calls, ['a/peer.md'], 'one file checked again');
    assert.equal(p.result('a/notes.md'), notes, 'a file outside the set keeps its result');
    assert.equal(p.result('b/exec.md'), other, 'the same set name in another folder keeps its result');
    p.upsert('a/peer.md', summary('peer', THREE_WEEKS));
    assert.deepEqual(calls, ['a/peer.md'], 'the same text again checks nothing');

    p.remove('a/exec.md');
    p.upsert('a/junior.md', summary('junior', TWO_WEEKS, 'other'));
    p.upsert('a/exec.md', summary('', TWO_WEEKS));

    const fresh = project('sameFolder');
    for (const path of p.paths()) {
      const r = p.result(path);
      assert.ok(r);
      fresh.upsert(path, r.doc.text);
    }
    assert.equal(shown(p), shown(fresh));
  });

  it('groups a set by the membership policy the surface passes', () => {
    const files = { '/w1/a/x.md': TWO_WEEKS, '/w1/a/y.md': THREE_WEEKS, '/w1/b/z.md': THREE_WEEKS, '/w2/z.md': THREE_WEEKS };
    const membersOf = (membership: Membership) => {
      const p = project(membership, { roots: ['/w1', '/w2/'] });
      for (const [path, decision] of Object.entries(files)) p.upsert(path, summary('executive', decision));
      return Object.fromEntries(Object.keys(files).map((f) => [f, p.result(f)?.members.join(' ')]));
    };
    assert.deepEqual(membersOf('sameFolder'), { '/w1/a/x.md': '/w1/a/y.md', '/w1/a/y.md': '/w1/a/x.md', '/w1/b/z.md': '', '/w2/z.md': '' });
    assert.deepEqual(membersOf('workspace'), {
      '/w1/a/x.md': '/w1/a/y.md /w1/b/z.md',
      '/w1/a/y.md': '/w1/a/x.md /w1/b/z.md',
      '/w1/b/z.md': '/w1/a/x.md /w1/a/y.md',
      '/w2/z.md': '',
    });
    assert.deepEqual(membersOf('all'), {
      '/w1/a/x.md': '/w1/a/y.md /w1/b/z.md /w2/z.md',
      '/w1/a/y.md': '/w1/a/x.md /w1/b/z.md /w2/z.md',
      '/w1/b/z.md': '/w1/a/x.md /w1/a/y.md /w2/z.md',
      '/w2/z.md': '/w1/a/x.md /w1/a/y.md /w1/b/z.md',
    });
  });

  it("reads a blank or missing audience as the kind's first, in the meta and in the rules", () => {
    const meta = (text: string) => artifactMeta(parse(text), defaultModule);
    assert.equal(meta(summary('""', TWO_WEEKS)).audience, 'executive');
    assert.equal(meta(summary(undefined, TWO_WEEKS)).audience, 'executive');
    assert.equal(meta(summary(' Peer ', TWO_WEEKS)).audience, 'peer');
    assert.equal(meta('---\nkind: strategy\n---\n\n# Our strategy\n').audience, undefined, 'a kind without audiences has none');
    assert.deepEqual({ ...meta(summary('junior', TWO_WEEKS, ' launch ')), kind: undefined }, { kind: undefined, title: 'Untitled executive summary', set: 'launch', audience: 'junior' });

    // Long enough to pass the executive word limit, and nothing else about it differs.
    const long = `${TWO_WEEKS} ${'The retry path can charge a customer twice when the processor times out, so we fix it first. '.repeat(20)}`;
    const p = project();
    p.upsert('blank.md', summary('""', long, 'a'));
    p.upsert('executive.md', summary('executive', long, 'b'));
    p.upsert('peer.md', summary('peer', long, 'c'));
    assert.equal(p.result('blank.md')?.audience, 'executive');
    // Messages, not offsets: `""` is shorter than `executive`.
    const fit = (path: string) => (p.result(path)?.diagnostics ?? []).filter((d) => /^(summary\/audience-fit|structure\/front-matter)$/.test(d.ruleId)).map((d) => d.message);
    assert.ok(fit('executive.md').length > 0, 'the executive limit fires');
    assert.deepEqual(fit('blank.md'), fit('executive.md'));
    assert.notDeepEqual(fit('peer.md'), fit('executive.md'));
  });

  it("reports a set rule's crash on each member it was comparing, and keeps what it reported first", () => {
    const crashing: SetRule = {
      meta: { id: 'test/crash', severity: 'warning', kinds: ['exec-summary'], docs: { description: 'x', why: 'x', better: 'x', bad: 'x', good: 'x' }, messages: { seen: 'Seen.' } },
      checkSet({ members, report }) {
        report(members[0]!, { messageId: 'seen', span: { start: 0, end: 3 } });
        throw new Error('boom');
      },
    };
    const p = new Project({ module: defaultModule, rules: [crashing], membership: 'all' });
    // Sorted first, but not a summary: the rule never saw it.
    p.upsert('a-strategy.md', '---\nkind: strategy\nset: launch\n---\n\n# Strategy\n');
    p.upsert('b-exec.md', summary('executive', TWO_WEEKS));
    p.upsert('c-junior.md', summary('junior', TWO_WEEKS));
    const crash = (path: string) =>
      p
        .result(path)
        ?.diagnostics.filter((d) => d.messageId === 'internalError')
        .map((d) => d.message);
    assert.deepEqual(crash('a-strategy.md'), []);
    assert.deepEqual(crash('b-exec.md'), ['Rule test/crash failed on the set `launch` (boom); please report it.']);
    assert.deepEqual(crash('c-junior.md'), crash('b-exec.md'));
    assert.deepEqual(
      p
        .result('b-exec.md')
        ?.setDiagnostics.map((d) => d.messageId)
        .sort(),
      ['internalError', 'seen'],
    );
  });

  it('applies disable comments to set findings, and forgets removed files', () => {
    const p = project();
    p.upsert('exec.md', summary('executive', TWO_WEEKS));
    p.upsert('junior.md', summary('junior', THREE_WEEKS).replace('Decision:', '<!-- staffwork-disable summary/variants-disagree -->\n\nDecision:'));
    assert.equal(disagrees(p, 'junior.md'), 0);
    p.remove('exec.md');
    assert.equal(p.result('exec.md'), undefined);
    assert.deepEqual(p.result('junior.md')?.members, []);
    assert.deepEqual(p.paths(), ['junior.md']);
  });
});
