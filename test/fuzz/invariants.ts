// What must hold for any input, however hostile: the core does not throw, every position is
// inside the document and agrees with its offset, the model is well formed, the same text gives
// the same output twice, no rule fails internally, and the time stays within a generous bound
// per MB (a hang and quadratic-blowup detector, not a benchmark).
import assert from 'node:assert/strict';
import { builtinRules, defaultModule, Project, type Block, type Diagnostic, type Doc, type FileResult } from '../../src/core/index.ts';

export const LONG = process.env['FUZZ_LONG'] === '1';
/** fast-check runs per property: a few seconds in `npm test`, thousands with `npm run fuzz`. */
export const runs = (short: number) => (LONG ? short * 25 : short);

const options = { module: defaultModule, rules: builtinRules };
const MS_PER_MB = 2000;
const MS_FLOOR = 1000; // covers JIT warm-up and a loaded CI machine on small inputs

/** Checks `text` twice (as two members of one set, for the set rules) and asserts every invariant. */
export function assertSound(text: string): FileResult {
  // CPU time, not wall time: other processes on a busy machine must not fail the bound.
  const t0 = process.cpuUsage();
  const [result, twin] = checkPair(text);
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000;
  const limit = MS_FLOOR + ((2 * text.length) / 1e6) * MS_PER_MB;
  assert.ok(ms < limit, `checking ${text.length} chars took ${ms.toFixed(0)} ms (bound ${limit.toFixed(0)} ms): a hang or a quadratic path`);

  const { doc } = result;
  assertModel(doc);
  const lineStarts = slowLineStarts(doc.text);
  for (const d of [...result.diagnostics, ...twin.diagnostics]) assertDiagnostic(doc, lineStarts, d);
  const [again] = checkPair(text);
  assert.deepEqual(strip(again.diagnostics), strip(result.diagnostics), 'the same text gave different findings');
  return result;
}

function checkPair(text: string): [FileResult, FileResult] {
  const project = new Project({ ...options, membership: 'all' });
  project.upsert('a.md', text);
  project.upsert('b.md', text);
  return [project.result('a.md'), project.result('b.md')] as [FileResult, FileResult];
}

function assertDiagnostic(doc: Doc, lineStarts: number[], d: Diagnostic): void {
  const n = doc.text.length;
  assert.notEqual(d.messageId, 'internalError', `${d.ruleId} threw: ${d.message}`);
  const [start, end] = d.range;
  assert.ok(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= n, `${d.ruleId}: range [${start}, ${end}] outside 0..${n}`);
  assert.deepEqual(d.loc.start, lineColumn(lineStarts, start), `${d.ruleId}: loc.start disagrees with range[0]=${start}`);
  assert.deepEqual(d.loc.end, lineColumn(lineStarts, end), `${d.ruleId}: loc.end disagrees with range[1]=${end}`);
  for (const e of [d.fix, ...(d.suggestions ?? [])]) {
    if (e) assert.ok(0 <= e.range[0] && e.range[0] <= e.range[1] && e.range[1] <= n, `${d.ruleId}: fix range [${e.range}] outside 0..${n}`);
  }
  for (const r of d.related ?? []) assert.ok(0 <= r.range[0] && r.range[0] <= r.range[1] && r.range[1] <= n, `${d.ruleId}: related range [${r.range}] outside 0..${n}`);
  assert.ok(d.message.length > 0 && !/\{\{\s*\w+\s*\}\}/.test(d.message), `${d.ruleId}: empty or unfilled message: ${d.message}`);
}

/** Line starts found with a regex, independently of the core's lineStartsOf. */
function slowLineStarts(text: string): number[] {
  return [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index + m[0].length)];
}

/** The last line starting at or before `offset` (an offset inside a \r\n stays on its line). */
function lineColumn(lineStarts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  for (let step = 1 << 30; step > 0; step >>= 1) if (lo + step < lineStarts.length && (lineStarts[lo + step] as number) <= offset) lo += step;
  return { line: lo + 1, column: offset - (lineStarts[lo] as number) + 1 };
}

function assertModel(doc: Doc): void {
  const n = doc.text.length;
  const inside = (what: string, s: { start: number; end: number }) => assert.ok(0 <= s.start && s.start <= s.end && s.end <= n, `${what} [${s.start}, ${s.end}] outside 0..${n}`);
  let previous: Block | undefined;
  for (const b of doc.blocks) {
    inside(`${b.type} block`, b);
    if (previous) assert.ok(previous.end <= b.start, `top-level blocks overlap or are out of order at ${b.start}`);
    previous = b;
  }
  for (const t of doc.tables) for (const row of [t.header, ...(t.rows ?? [])]) if (row) for (const c of row.cells) inside('table cell', c);
  // Each section's blocks are clipped to what it owns, and no piece of text belongs to two sections.
  const pieces: { start: number; end: number; i: number }[] = [];
  doc.sections.forEach((s, i) => {
    inside(`section "${s.title}" title`, s.titleSpan);
    inside(`section "${s.title}" span`, s.span);
    inside(`section "${s.title}" own`, s.own);
    assert.ok(s.parent < i && s.parent >= -1, `section ${i} has parent ${s.parent}`);
    assert.ok(s.span.start <= s.own.start && s.own.end <= s.span.end, `section "${s.title}" owns text outside its span`);
    for (const b of s.blocks) {
      assert.ok(b.type !== 'heading' && s.owned.some((r) => r.start <= b.start && b.end <= r.end), `section "${s.title}" has a block outside what it owns`);
      // A plan table's column sections each read the row's name cell with their own (model/columns.ts).
      if (!s.column) pieces.push({ start: b.start, end: b.end, i });
    }
  });
  pieces.sort((a, b) => a.start - b.start);
  for (let j = 1; j < pieces.length; j++) {
    const [a, b] = [pieces[j - 1]!, pieces[j]!];
    assert.ok(a.end <= b.start, `sections ${a.i} and ${b.i} share the text at ${b.start}`);
  }
  for (const d of doc.directives) inside('directive', d);
  if (doc.frontMatter) inside('front matter', doc.frontMatter.span);
}

function strip(list: readonly Diagnostic[]) {
  return JSON.parse(JSON.stringify(list)) as unknown;
}

/** Decodes bytes as a browser or the LSP would: invalid UTF-8 becomes U+FFFD. */
export function decodeLossy(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
