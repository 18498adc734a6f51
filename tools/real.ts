// `node --import tsx tools/real.ts`: precision and kind recognition on REAL leadership documents
// (test/fixtures/real/docs: public strategies, role descriptions, charters, growth guides, summaries,
// decision requests, ADRs; sources in SOURCES.md), judged by hand in test/fixtures/real/judgements.json.
//
// Each document is checked twice: as written (what a user gets), and with its true kind forced by a
// `kind:` injected into its front matter in memory (what a user gets who declares the kind; most real
// documents are not recognised, so this is where the kind's rules meet real writing). A document whose
// true kind is "none" (a charter, a ladder, a guide about writing one) is checked as written only.
// Findings of both runs are merged by key (tools/precision.ts: file + rule + words + line text; lines are
// the file's own), so a finding both runs produce is judged and counted once. Every finding is judged
// (no sampling: the set is small). `structure/unknown-kind` is judged by the true kind: right when it
// is "none", wrong otherwise.
//
//   node --import tsx tools/real.ts           per-rule precision, recognition, unjudged findings, stale judgements
//   node --import tsx tools/real.ts --todo    contexts of the unjudged findings, for judging
//   node --import tsx tools/real.ts --all     every finding, with its judgement
//   node --import tsx tools/real.ts --table   the Markdown tables for docs/precision.md
//   node --import tsx tools/real.ts --json    judgement stubs for the unjudged findings, to paste and complete
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultModule, type FileResult } from '../src/core/index.ts';
import { checkFiles, markdownFiles } from './accuracy.ts';
import { type Finding, findingsOf, type Judgement, keyOf, markdownTable, pct, type RuleStats, type Staleness, showFinding, staleOf, statsOf, validateJudgements } from './precision.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const REAL_DOCS = join(root, 'test/fixtures/real/docs');
export const REAL_JUDGEMENTS = join(root, 'test/fixtures/real/judgements.json');
export const NONE = 'none';
const UNKNOWN_KIND = 'structure/unknown-kind';

export interface TrueKind {
  /** A module kind id, or "none": the document is none of the module's kinds. */
  kind: string;
  /** Other kinds a careful reader could also take it for: detecting one of them is not wrong. */
  accept?: string[];
  why: string;
}

export interface RealJudgementFile {
  about: string;
  /** Per file name in docs/: what the document really is, judged against the module. */
  documents: Record<string, TrueKind>;
  /** Error-level rules known to be under the 90% bar here: their precision when recorded (a floor), and why. */
  belowBar?: Record<string, { floor: number; why: string }>;
  judgements: Judgement[];
}

/** The bar every error-level rule must clear on real documents (docs/precision.md). */
export const BAR = 0.9;

export function loadReal(path = REAL_JUDGEMENTS): RealJudgementFile {
  const data = JSON.parse(readFileSync(path, 'utf8')) as RealJudgementFile;
  const kinds = new Set([NONE, ...defaultModule.kinds.map((k) => k.id)]);
  for (const [file, t] of Object.entries(data.documents)) {
    for (const k of [t.kind, ...(t.accept ?? [])]) if (!kinds.has(k)) throw new Error(`${path}: ${file}: unknown kind "${k}" (one of ${[...kinds].join(', ')})`);
    if (!t.why?.trim()) throw new Error(`${path}: ${file}: say why it is ${t.kind}`);
  }
  for (const [rule, b] of Object.entries(data.belowBar ?? {})) {
    if (!(b.floor >= 0 && b.floor < BAR)) throw new Error(`${path}: belowBar ${rule}: floor must be at least 0 and under ${BAR}`);
    if (!b.why?.trim()) throw new Error(`${path}: belowBar ${rule}: say why`);
  }
  validateJudgements(path, data.judgements);
  return data;
}

/** Where a forced copy's injected lines sit: lines `at` .. `at + count - 1` of the copy are not the file's. */
export interface Injection {
  text: string;
  at: number;
  count: number;
}

/** The text with `kind: <kind>` in its front matter (added to the block, replacing a `kind:`, or a new block). */
export function forceKind(text: string, kind: string): Injection {
  const body = text.replace(/^\ufeff/, '');
  const nl = /\r\n/.test(body) ? '\r\n' : '\n';
  const lines = body.split(/\r?\n/);
  const end = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l)) : -1;
  if (end < 0) return { text: `---${nl}kind: ${kind}${nl}---${nl}${body}`, at: 1, count: 3 };
  const own = lines.findIndex((l, i) => i > 0 && i < end && /^kind\s*:/.test(l));
  if (own >= 0) return { text: [...lines.slice(0, own), `kind: ${kind}`, ...lines.slice(own + 1)].join(nl), at: own + 1, count: 0 };
  return { text: [lines[0], `kind: ${kind}`, ...lines.slice(1)].join(nl), at: 2, count: 1 };
}

/**
 * A line of the forced copy as a line of the file. A finding on an injected line points at the front
 * matter (a section missing, no status): it is placed where the file's front matter opens, or on its
 * first line, as the run as written places it, so both runs' findings share a key.
 */
export const originalLine = (inj: Injection, line: number): number => (line < inj.at ? line : line < inj.at + inj.count ? Math.max(1, inj.at - 1) : line - inj.count);

export type Recognition = 'right' | 'wrong' | 'unknown';

export interface DocRecognition {
  file: string;
  kind: string;
  detected: string | undefined;
  recognition: Recognition;
}

export interface RealRun {
  /** The files as written. */
  written: FileResult[];
  /** The files whose true kind is not "none", with that kind forced. */
  forced: FileResult[];
  /** Both runs' findings, merged by key (a finding of both counts once). */
  findings: Finding[];
  recognition: DocRecognition[];
  /** Files in docs/ with no true kind, and true kinds of files that are not there. */
  unlisted: string[];
  missing: string[];
}

export function recognitionOf(file: string, truth: TrueKind, detected: string | undefined): DocRecognition {
  const recognition: Recognition = detected === undefined ? (truth.kind === NONE ? 'right' : 'unknown') : detected === truth.kind || truth.accept?.includes(detected) ? 'right' : 'wrong';
  return { file, kind: truth.kind, detected, recognition };
}

export function checkReal(data: RealJudgementFile, dir = REAL_DOCS): RealRun {
  const files = markdownFiles(dir).map((path) => ({ path, filePath: relative(dir, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));
  const written = checkFiles(files);
  const injections = new Map<string, Injection>();
  for (const f of files) {
    const kind = data.documents[f.filePath]?.kind;
    if (kind && kind !== NONE) injections.set(f.filePath, forceKind(f.text, kind));
  }
  // Paths of the copies differ from the originals' so the two runs never share a Project entry.
  const forced = checkFiles(files.filter((f) => injections.has(f.filePath)).map((f) => ({ ...f, path: `${f.path}#forced`, text: injections.get(f.filePath)?.text ?? f.text })));
  const merged = new Map<string, Finding>();
  const byName = new Map(files.map((f) => [f.filePath, f.text.replace(/^\ufeff/, '')]));
  const originalOf = (file: string) => {
    const inj = injections.get(file);
    return inj && { text: byName.get(file) ?? '', lineOf: (line: number) => originalLine(inj, line) };
  };
  for (const f of [...findingsOf(written), ...findingsOf(forced, originalOf)]) if (!merged.has(f.key)) merged.set(f.key, f);
  const names = new Set(files.map((f) => f.filePath));
  return {
    written,
    forced,
    findings: [...merged.values()],
    recognition: written.flatMap((r) => {
      const truth = data.documents[r.filePath];
      return truth ? [recognitionOf(r.filePath, truth, r.kind?.id)] : [];
    }),
    unlisted: [...names].filter((f) => !data.documents[f]),
    missing: Object.keys(data.documents).filter((f) => !names.has(f)),
  };
}

/** The file's judgements, plus `unknown-kind`'s, which follow from the true kinds (unless judged in the file). */
export function judgementsOf(data: RealJudgementFile, findings: Finding[]): Judgement[] {
  const keys = new Set(data.judgements.map(keyOf));
  const derived = findings
    .filter((f) => f.rule === UNKNOWN_KIND && !keys.has(f.key) && data.documents[f.file])
    .map((f): Judgement => {
      const kind = data.documents[f.file]?.kind;
      return { file: f.file, rule: f.rule, words: f.words, text: f.text, line: f.line, verdict: kind === NONE ? 'true' : 'false', reason: `from its true kind: ${kind}` };
    });
  return [...data.judgements, ...derived];
}

export interface RealReport {
  run: RealRun;
  judgements: Judgement[];
  stats: RuleStats[];
  stale: Staleness;
}

export function realReport(data = loadReal(), dir = REAL_DOCS): RealReport {
  const run = checkReal(data, dir);
  const judgements = judgementsOf(data, run.findings);
  return { run, judgements, stats: statsOf(run.findings, judgements, (fs) => fs), stale: staleOf(run.findings, judgements) };
}

export function recognitionTable(rs: DocRecognition[]): string {
  const named = (ds: DocRecognition[]) => ds.map((d) => `${d.file.split('-')[0]}${d.detected && d.detected !== d.kind ? ` (as ${d.detected})` : ''}`).join(', ') || '–';
  const row = (kind: string) => {
    const ds = rs.filter((d) => d.kind === kind);
    const [right, wrong, unknown] = (['right', 'wrong', 'unknown'] as const).map((r) => ds.filter((d) => d.recognition === r));
    return `| ${kind} | ${ds.length} | ${named(right ?? [])} | ${named(wrong ?? [])} | ${named(unknown ?? [])} |`;
  };
  const kinds = [...new Set(rs.map((d) => d.kind))].sort((a, b) => (a === NONE ? 1 : b === NONE ? -1 : a < b ? -1 : 1));
  return ['| true kind | documents | recognised right | recognised as a wrong kind | not recognised |', '|---|---:|---|---|---|', ...kinds.map(row)].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const bad = args.find((a) => !['--todo', '--all', '--table', '--json'].includes(a));
  if (bad) {
    console.error(`real: unknown option ${bad} (use --todo, --all, --table or --json)`);
    process.exit(2);
  }
  if (!existsSync(REAL_JUDGEMENTS)) {
    console.error(`real: no judgements at ${REAL_JUDGEMENTS}`);
    process.exit(2);
  }
  let report: RealReport;
  try {
    report = realReport();
  } catch (e) {
    console.error(`real: ${(e as Error).message}`);
    process.exit(2);
  }
  const { run, judgements, stats, stale } = report;
  const judged = new Map(judgements.map((j) => [keyOf(j), j]));
  const todo = stats.flatMap((s) => s.todo);
  if (args.includes('--table')) {
    console.log(markdownTable(stats, 'on the real set'));
    console.log();
    console.log(recognitionTable(run.recognition));
  } else if (args.includes('--todo')) {
    for (const f of todo) console.log(showFinding(f));
  } else if (args.includes('--all')) {
    for (const f of run.findings) console.log(showFinding(f, judged.get(f.key)));
  } else if (args.includes('--json')) {
    console.log(
      JSON.stringify(
        todo.map((f) => ({ file: f.file, rule: f.rule, words: f.words, text: f.text, line: f.line, verdict: '?', reason: '' })),
        null,
        2,
      ),
    );
  } else {
    console.log(`${run.written.length} documents (${run.forced.length} also checked with their true kind forced), ${run.findings.length} findings, ${judgements.length} judgements`);
    console.log('rule'.padEnd(34), 'severity'.padEnd(8), 'findings judged  true false precision');
    for (const s of stats) console.log(s.rule.padEnd(34), s.severity.padEnd(8), [s.findings, s.judged, s.truePositives, s.falsePositives].map((n) => String(n).padStart(6)).join(''), pct(s.precision).padStart(9));
    console.log('\nrecognition (as written, against the true kinds):');
    for (const d of run.recognition) console.log(`  ${d.recognition.padEnd(8)} ${d.file}  is ${d.kind}, detected ${d.detected ?? 'unknown'}`);
    if (run.unlisted.length) console.log(`\nfiles with no true kind in judgements.json: ${run.unlisted.join(', ')}`);
    if (run.missing.length) console.log(`\ntrue kinds of files not in docs/: ${run.missing.join(', ')}`);
    if (todo.length) console.log(`\n${todo.length} findings not judged yet (--todo shows them, --json gives stubs):\n${todo.map((f) => `  ${f.severity.padEnd(7)} ${f.rule}  ${f.file}:${f.line}  ${f.words}`).join('\n')}`);
    const list = (js: Judgement[]) => js.map((j) => `  ${j.rule}  ${j.file}:${j.line}  ${j.words}  (judged ${j.verdict})`).join('\n');
    if (stale.unmarked.length) console.log(`\n${stale.unmarked.length} judgements match no finding any more and are not marked stale (add "stale": true):\n${list(stale.unmarked)}`);
    if (stale.returned.length) console.log(`\n${stale.returned.length} judgements marked stale match a finding again (drop "stale"):\n${list(stale.returned)}`);
  }
}
