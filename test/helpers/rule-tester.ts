// Table-driven rule tests, after ESLint's RuleTester: every invalid case names the
// messageId and all four positions of each finding; `data`, when given, must rebuild the
// message exactly (every placeholder); fixes are checked by their output. A case marked
// `spellings: true` is written with `## Heading` sections and is also run with each section
// written as a `Label:` line and as a `**Field:** value`: every spelling must give the same
// findings (message ids and the words quoted in the messages; positions differ).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFixes, defaultModule, interpolate, Project, type AnyRule, type Diagnostic, type FileResult } from '../../src/core/index.ts';

export interface ExpectedError {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Every placeholder of the message: the message must equal the template filled with these. */
  data?: Record<string, string | number>;
  /** Words that fired, when the rule names them. */
  words?: string[];
  /** For set rules: the file (its `path`) the finding is in. */
  file?: string;
}

export interface InvalidCase {
  name?: string;
  code?: string;
  /** For set rules: the files of one set, checked together. */
  files?: { path: string; code: string }[];
  errors: ExpectedError[];
  /** The text after applying every fix the rule offers (fixable rules only). */
  output?: string;
  /** Also run with the `##` sections written as labels and as fields; the findings must agree. */
  spellings?: boolean;
}

export interface ValidCase {
  name?: string;
  code?: string;
  files?: { path: string; code: string }[];
  /** Also valid with the `##` sections written as labels and as fields. */
  spellings?: boolean;
}

export type Spelling = 'label' | 'field';

/**
 * A document whose `## Title` sections are rewritten as `Title:` label lines or as
 * `**Title:** value` fields (a field whose body is not one paragraph becomes a bold label, as
 * writers do). Front matter, `# Title` and deeper headings stay.
 */
export function respell(text: string, spelling: Spelling): string {
  return text.replace(/^## +(.+?)[ \t]*\n(?:[ \t]*\n)?((?:(?!#{1,6}[ \t]).*(?:\n|$))*)/gm, (_all, title: string, body: string) => {
    const content = body.replace(/\s+$/, '');
    const rest = body.slice(content.length) || '\n';
    if (spelling === 'label') return `${title}:\n${content}${rest}`;
    const onePara = content !== '' && !/\n[ \t]*\n/.test(content) && !/^[ \t]*(?:[-*+]|\d+[.)]|\||>|```)/m.test(content);
    return onePara ? `**${title}:** ${content}${rest}` : `**${title}:**\n${content}${rest}`;
  });
}

/** What must agree across spellings: the message id and the words the message quotes. */
function gist(d: Diagnostic): string {
  return `${d.messageId} ${(d.message.match(/`[^`]*`/g) ?? []).join(' ')}`;
}

function run(rule: AnyRule, c: ValidCase | InvalidCase): FileResult[] {
  const options = { module: defaultModule, rules: [rule] };
  const files = c.files ?? [{ path: 'case.md', code: c.code ?? '' }];
  const project = new Project({ ...options, membership: 'all' });
  for (const f of files) project.upsert(f.path, f.code);
  return project.results();
}

export function ruleTester(rule: AnyRule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  describe(id, () => {
    const seen = new Set<string>();
    const key = (c: ValidCase | InvalidCase) => JSON.stringify(c.files ?? c.code);
    for (const [i, raw] of cases.valid.entries()) {
      const c = typeof raw === 'string' ? { code: raw } : raw;
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        assert.ok(!seen.has(key(c)), 'duplicate test case');
        seen.add(key(c));
        const found = run(rule, c).flatMap((r) => r.diagnostics.filter((d) => d.ruleId === id));
        assert.deepEqual(
          found.map((d) => `${d.loc.start.line}:${d.loc.start.column} ${d.message}`),
          [],
        );
        for (const spelling of c.spellings ? (['label', 'field'] as const) : []) {
          const other = run(rule, { code: respell(c.code ?? '', spelling) }).flatMap((r) => r.diagnostics.filter((d) => d.ruleId === id));
          assert.deepEqual(
            other.map((d) => `${d.loc.start.line}:${d.loc.start.column} ${d.message}`),
            [],
            `as ${spelling}s`,
          );
        }
      });
    }
    for (const [i, c] of cases.invalid.entries()) {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        assert.ok(!seen.has(key(c)), 'duplicate test case');
        seen.add(key(c));
        assert.ok(c.errors.length > 0, 'an invalid case must expect at least one finding');
        const results = run(rule, c);
        const found = results.flatMap((r) => r.diagnostics.filter((d) => d.ruleId === id).map((d) => ({ d, file: r.filePath })));
        assert.equal(found.length, c.errors.length, `expected ${c.errors.length} findings, got: ${found.map(({ d }) => `${d.loc.start.line}:${d.loc.start.column} ${d.message}`).join(' | ')}`);
        c.errors.forEach((e, j) => {
          const { d, file } = found[j]!;
          assert.ok(e.messageId in rule.meta.messages, `messageId "${e.messageId}" is not in meta.messages`);
          assert.doesNotMatch(d.message, /\{\{\s*\w+\s*\}\}/, 'message has unfilled placeholders');
          assert.deepEqual(
            { messageId: d.messageId, line: d.loc.start.line, column: d.loc.start.column, endLine: d.loc.end.line, endColumn: d.loc.end.column, ...(e.file ? { file } : {}) },
            { messageId: e.messageId, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, ...(e.file ? { file: e.file } : {}) },
            `finding ${j + 1}: ${d.message}`,
          );
          if (e.data) assert.equal(d.message, interpolate(rule.meta.messages[e.messageId] as string, e.data), `finding ${j + 1}: the message rebuilt from messageId and data`);
          if (e.words) assert.deepEqual(d.words, e.words);
        });
        for (const spelling of c.spellings ? (['label', 'field'] as const) : []) {
          const other = run(rule, { code: respell(c.code ?? '', spelling) }).flatMap((r) => r.diagnostics.filter((d) => d.ruleId === id));
          assert.deepEqual(
            other.map(gist),
            found.map(({ d }) => gist(d)),
            `as ${spelling}s: ${respell(c.code ?? '', spelling)}`,
          );
        }
        const fixes = found.flatMap(({ d }) => (d.fix ? [d.fix] : []));
        if (rule.meta.fixable && fixes.length) {
          assert.ok(c.output !== undefined, 'a fixable rule that fixes must assert `output`');
          assert.equal(applyFixes(c.code ?? '', fixes).output, c.output);
        } else {
          assert.equal(fixes.length, 0, 'a rule that is not `fixable` must not offer fixes');
          assert.equal(c.output, undefined, '`output` given but the rule fixed nothing');
        }
      });
    }
  });
}
