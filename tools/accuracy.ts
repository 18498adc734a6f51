// `npm run accuracy`: how far staffwork agrees with the expert labels of ../shared/accuracy
// (the development set) and ../shared/examples (the module's own examples).
//
// Files are checked from source (no build needed) the way `staffwork check DIR` checks a folder:
// every file alone, then the set rules over the files that share a `set:`. The official number
// is the shared scorer's (score.mjs, run on the same results); this script adds what the scorer
// does not print: a table per rule and the error-level findings on files an expert calls clean.
//
//   npm run accuracy                 both sets, full report
//   npm run accuracy -- --all        also the sealed held-out sets (see SEALED)
//   npm run accuracy -- --json       machine-readable summary
//   npm run accuracy -- --set NAME   one set only (e.g. holdout-3)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules, defaultModule, Project, type FileResult } from '../src/core/index.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SHARED = process.env.STAFFWORK_SHARED ?? join(root, '..', 'shared');

export interface SetSpec {
  name: string;
  docs: string;
  labels: string;
}

const fixture = (name: string): SetSpec => ({ name, docs: join(root, 'test/fixtures', name, 'docs'), labels: join(root, 'test/fixtures', name, 'labels.json') });

/** The shared development set and examples, and our own held-out sets (test/fixtures/holdout*). */
export const SETS: SetSpec[] = [
  { name: 'accuracy', docs: join(SHARED, 'accuracy/docs'), labels: join(SHARED, 'accuracy/labels.json') },
  { name: 'examples', docs: join(SHARED, 'examples'), labels: join(SHARED, 'examples/expected.json') },
  fixture('holdout'),
  fixture('holdout-2'),
  fixture('holdout-3'),
  fixture('holdout-4'),
  fixture('holdout-5'),
  fixture('holdout-6'),
  fixture('holdout-7'),
  fixture('holdout-8'),
];
/**
 * Sets kept out of the everyday report so rule authors do not tune to them; `--all` shows them.
 * holdout-4, holdout-6 and holdout-8 are the blind measures; holdout to holdout-3, holdout-5 and holdout-7 are study
 * sets now (each was scored blind once, then learned from).
 */
export const SEALED = new Set(['holdout-4', 'holdout-6', 'holdout-8']);
const SCORER = join(SHARED, 'accuracy/score.mjs');

interface Label {
  verdict?: string;
  must?: (string | string[])[];
  must_not?: string[];
  group?: string;
}

export interface RuleTally {
  /** `must` items this rule satisfied (as the first alternative that fired). */
  hits: number;
  /** `must` items naming this rule that nothing satisfied. */
  misses: number;
  /** `must_not` items this rule broke. */
  falseAlarms: number;
  /** Error-level findings of this rule on files whose verdict is `clean`. */
  errorsOnClean: number;
}

export interface SetScore {
  name: string;
  score: number;
  passed: number;
  items: number;
  /** The scorer's own last line, e.g. `score 83%`. */
  scorerLine: string;
  scorerOutput: string;
  /** Files labelled clean that got an error-level finding, with the rules. */
  errorsOnClean: { file: string; rules: string[] }[];
  rules: Record<string, RuleTally>;
}

export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...markdownFiles(p));
    else if (/\.(md|markdown)$/i.test(entry.name)) out.push(p);
  }
  return out;
}

/** Checks every file of `dir` as `staffwork check DIR` does; paths are relative to `dir`. */
export function checkFolder(dir: string): FileResult[] {
  return checkFiles(markdownFiles(dir).map((path) => ({ path, filePath: relative(dir, path).split('\\').join('/'), text: readFileSync(path, 'utf8') })));
}

/** Checks texts in memory as one folder (their set rules included), e.g. copies with a `kind:` injected. */
export function checkFiles(files: { path: string; filePath: string; text: string }[]): FileResult[] {
  const project = new Project({ module: defaultModule, rules: builtinRules, membership: 'sameFolder' });
  for (const f of files) project.upsert(f.path, f.text.replace(/^\ufeff/, ''), { filePath: f.filePath });
  return project.results();
}

const fired = (ids: Set<string>, alt: string): string[] => (alt.endsWith('/*') ? [...ids].filter((i) => i.startsWith(alt.slice(0, -1))) : ids.has(alt) ? [alt] : []);

export function scoreSet(spec: SetSpec): SetScore {
  const results = checkFolder(spec.docs);
  const eslintJson = results.map((r) => ({
    filePath: r.filePath,
    messages: r.diagnostics.map((d) => ({ ruleId: d.ruleId, severity: d.severity === 'error' ? 2 : d.severity === 'warning' ? 1 : 0 })),
  }));
  const tmp = mkdtempSync(join(tmpdir(), 'staffwork-accuracy-'));
  let scorer;
  try {
    const resultsPath = join(tmp, 'results.json');
    writeFileSync(resultsPath, JSON.stringify(eslintJson));
    scorer = spawnSync(process.execPath, [SCORER, spec.labels, resultsPath, spec.docs], { encoding: 'utf8', env: { ...process.env, MIN_SCORE: '0' } });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const scorerOutput = scorer.stdout ?? '';
  const scorerLine = scorerOutput.trim().split('\n').at(-1) ?? '';

  const labels = JSON.parse(readFileSync(spec.labels, 'utf8')) as Record<string, Label | string>;
  const byFile = new Map(results.map((r) => [r.filePath, r]));
  const ids = (f: string) => new Set(byFile.get(f)?.diagnostics.map((d) => d.ruleId) ?? []);
  const groups = new Map<string, string[]>();
  for (const [f, l] of Object.entries(labels)) if (typeof l !== 'string' && l.group) groups.set(l.group, [...(groups.get(l.group) ?? []), f]);
  const rules: Record<string, RuleTally> = {};
  const tally = (id: string) => (rules[id] ??= { hits: 0, misses: 0, falseAlarms: 0, errorsOnClean: 0 });
  const errorsOnClean: SetScore['errorsOnClean'] = [];
  let passed = 0;
  let items = 0;
  for (const [file, label] of Object.entries(labels)) {
    if (typeof label === 'string') continue; // the "comment" key
    const r = byFile.get(file);
    const errors = r?.diagnostics.filter((d) => d.severity === 'error') ?? [];
    if (label.verdict === 'clean' || label.verdict === 'errors' || label.verdict === 'clean-or-warnings') {
      items++;
      const wantErrors = label.verdict === 'errors';
      if (r && errors.length > 0 === wantErrors) passed++;
      if (!wantErrors && errors.length) {
        errorsOnClean.push({ file, rules: [...new Set(errors.map((d) => d.ruleId))] });
        for (const d of errors) tally(d.ruleId).errorsOnClean++;
      }
    }
    const pool = label.group ? new Set((groups.get(label.group) ?? []).flatMap((g) => [...ids(g)])) : ids(file);
    for (const must of label.must ?? []) {
      items++;
      const alts = Array.isArray(must) ? must : [must];
      const hit = r ? alts.flatMap((a) => fired(pool, a))[0] : undefined;
      if (hit) {
        passed++;
        tally(hit).hits++;
      } else for (const a of alts) tally(a).misses++;
    }
    for (const rule of label.must_not ?? []) {
      items++;
      const hits = r ? fired(ids(file), rule) : [rule];
      if (hits.length) for (const h of hits) tally(h).falseAlarms++;
      else passed++;
    }
  }
  return { name: spec.name, score: passed / Math.max(1, items), passed, items, scorerLine, scorerOutput, errorsOnClean, rules };
}

function report(s: SetScore): string {
  const lines = [`== ${s.name}: ${s.passed}/${s.items} items (${s.scorerLine})`, s.scorerOutput.trimEnd(), '', 'per rule (must hit / must missed / false alarms / errors on clean files):'];
  for (const [id, t] of Object.entries(s.rules).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${id.padEnd(40)} ${String(t.hits).padStart(3)} ${String(t.misses).padStart(3)} ${String(t.falseAlarms).padStart(3)} ${String(t.errorsOnClean).padStart(3)}`);
  }
  lines.push(s.errorsOnClean.length ? `error-level findings on clean files: ${s.errorsOnClean.map((e) => `${basename(e.file)} [${e.rules.join(', ')}]`).join('; ')}` : 'error-level findings on clean files: none');
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const only = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : undefined;
  if (only !== undefined && !SETS.some((s) => s.name === only)) {
    console.error(`accuracy: no set named ${only} (sets: ${SETS.map((s) => s.name).join(', ')})`);
    process.exit(2);
  }
  const wanted = SETS.filter((s) => (only ? s.name === only : process.argv.includes('--all') || !SEALED.has(s.name)));
  const missing = wanted.filter((s) => !existsSync(s.labels) || !existsSync(SCORER));
  if (missing.length) {
    console.error(`accuracy: ${missing.map((s) => s.labels).join(', ')} not found; put the shared material beside this checkout (../shared) or set STAFFWORK_SHARED`);
    process.exit(2);
  }
  const scores = wanted.map(scoreSet);
  if (process.argv.includes('--json'))
    console.log(
      JSON.stringify(
        scores.map(({ scorerOutput: _, ...s }) => s),
        null,
        2,
      ),
    );
  else console.log(scores.map(report).join('\n\n'));
}
