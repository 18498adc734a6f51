// `node --import tsx tools/precision.ts`: how often staffwork's findings on real documents
// (../shared/corpus: public ADRs, RFCs, KEPs, postmortems, handbooks) are right, per rule.
//
// The corpus is checked from source the way `staffwork check DIR` checks a folder. Every finding
// is listed with the words that fired and its context; per rule a fixed sample is drawn (all
// findings of a rule that fires at most 25 times, otherwise 25 spread over the collections) and
// compared with the judgements made by hand in test/corpus/precision.json. A judgement is keyed
// by file + rule + the words that fired + the text of the finding's line, so it survives edits
// elsewhere in the file or in the rule, and goes stale only when the finding itself changes. A
// judgement whose finding a fix removed is kept, marked `"stale": true`, so the docs can say what the
// fixes removed; the default output lists stale judgements not marked yet.
//
//   node --import tsx tools/precision.ts            per-rule table and the unjudged sampled findings
//   node --import tsx tools/precision.ts --todo     contexts of the unjudged sampled findings, for judging
//   node --import tsx tools/precision.ts --all      every finding, with its judgement if any
//   node --import tsx tools/precision.ts --table    the Markdown tables for docs/precision.md
//   node --import tsx tools/precision.ts --json     every finding as JSON (file, rule, words, text, line), for tooling
//   node --import tsx tools/precision.ts --rule X   restrict --todo/--all/--json to one rule
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileResult, Severity } from '../src/core/index.ts';
import { checkFolder, SHARED } from './accuracy.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS = join(SHARED, 'corpus');
export const JUDGEMENTS = join(root, 'test/corpus/precision.json');
export const SAMPLE_SIZE = 25;
/** Changing the seed redraws every sample (and leaves judgements to redo): keep it. */
const SEED = 'staffwork-precision-1';

export interface Finding {
  file: string;
  /** First folder of the path: one public repository. */
  collection: string;
  rule: string;
  severity: Severity;
  messageId: string;
  message: string;
  line: number;
  /** The words that fired (the message's quoted words when the rule gives none). */
  words: string;
  /** The finding's line, trimmed: part of the key, so a judgement follows the text, not the line number. */
  text: string;
  context: string;
  key: string;
}

export interface Judgement {
  file: string;
  rule: string;
  words: string;
  text: string;
  /** Where it was when judged; informational only, not part of the key. */
  line: number;
  verdict: 'true' | 'false';
  reason: string;
  /** The rules no longer produce this finding (a fix removed it); kept so the docs can say what the fixes removed. */
  stale?: boolean;
}

export interface AdrSpec {
  /** Folders whose Markdown files are decision records (path prefixes). */
  folders: string[];
  /** Files in those folders that are not one decision record, with what they are instead. */
  other: Record<string, string>;
}

export interface JudgementFile {
  about: string;
  adr: AdrSpec;
  judgements: Judgement[];
}

export interface RuleStats {
  rule: string;
  severity: Severity;
  findings: number;
  sampled: number;
  judged: number;
  truePositives: number;
  falsePositives: number;
  /** truePositives / judged, over the judged findings the rules still produce. */
  precision: number | undefined;
  /** Sampled findings with no judgement yet. */
  todo: Finding[];
}

export const keyOf = (j: { file: string; rule: string; words: string; text: string }): string => JSON.stringify([j.file, j.rule, j.words, j.text]);

export const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A checked copy's file as written, and where a line of the copy is in it (tools/real.ts injects lines). */
export interface Original {
  text: string;
  lineOf: (line: number) => number;
}

/** Every finding of `results`, placed (line, line text, context) in the file as written when `originalOf` gives it. */
export function findingsOf(results: FileResult[], originalOf: (file: string) => Original | undefined = () => undefined): Finding[] {
  const out: Finding[] = [];
  for (const r of results) {
    const original = originalOf(r.filePath);
    const lines = (original?.text ?? r.doc.text).split(/\r?\n/);
    for (const d of r.diagnostics) {
      const line = original ? original.lineOf(d.loc.start.line) : d.loc.start.line;
      const quoted = [...d.message.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      const words = clip((d.words?.length ? d.words : quoted).join(' | '), 200);
      const text = clip((lines[line - 1] ?? '').trim(), 200);
      const context = lines
        .slice(Math.max(0, line - 3), line + 2)
        .map((l, i) => {
          const n = Math.max(1, line - 2) + i;
          return `${n === line ? '>' : ' '}${String(n).padStart(5)} | ${clip(l, 160)}`;
        })
        .join('\n');
      const f = {
        file: r.filePath,
        collection: r.filePath.split('/')[0] ?? '',
        rule: d.ruleId,
        severity: d.severity,
        messageId: d.messageId,
        message: d.message,
        line,
        words,
        text,
        context,
      };
      out.push({ ...f, key: keyOf(f) });
    }
  }
  return out;
}

/** FNV-1a: a stable pseudo-random order that depends only on the finding's key. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/**
 * All findings of a rule that fires at most SAMPLE_SIZE times; otherwise SAMPLE_SIZE of them,
 * taken in turn from each collection (alphabetical), each collection in seeded hash order.
 */
export function sampleOf(findings: Finding[]): Finding[] {
  if (findings.length <= SAMPLE_SIZE) return findings;
  const byCollection = new Map<string, Finding[]>();
  for (const f of findings) byCollection.set(f.collection, [...(byCollection.get(f.collection) ?? []), f]);
  const queues = [...byCollection.keys()].sort().map((c) => (byCollection.get(c) ?? []).sort((a, b) => hash(SEED + a.key) - hash(SEED + b.key) || (a.key < b.key ? -1 : 1)));
  const seen = new Set<string>();
  const out: Finding[] = [];
  while (out.length < SAMPLE_SIZE && queues.some((q) => q.length)) {
    for (const q of queues) {
      const f = q.shift();
      if (f && !seen.has(f.key) && out.length < SAMPLE_SIZE) {
        seen.add(f.key);
        out.push(f);
      }
    }
  }
  return out;
}

export function loadJudgements(path = JUDGEMENTS): JudgementFile {
  const data = JSON.parse(readFileSync(path, 'utf8')) as JudgementFile;
  validateJudgements(path, data.judgements);
  return data;
}

/** Throws on a judgement without a verdict or reason, a bad `stale`, or a finding judged twice. */
export function validateJudgements(path: string, judgements: Judgement[]): void {
  const seen = new Set<string>();
  for (const j of judgements) {
    if (j.verdict !== 'true' && j.verdict !== 'false') throw new Error(`${path}: verdict must be "true" or "false" (${j.file} ${j.rule})`);
    if (!j.reason?.trim()) throw new Error(`${path}: judgement without a reason (${j.file} ${j.rule} line ${j.line})`);
    if (j.stale !== undefined && j.stale !== true) throw new Error(`${path}: stale must be true or left out (${j.file} ${j.rule} line ${j.line})`);
    const k = keyOf(j);
    if (seen.has(k)) throw new Error(`${path}: judged twice: ${j.file} ${j.rule} line ${j.line}`);
    seen.add(k);
  }
}

/** Per rule; `sample` picks the findings that must be judged (the real set judges them all). */
export function statsOf(findings: Finding[], judgements: Judgement[], sample: (fs: Finding[]) => Finding[] = sampleOf): RuleStats[] {
  const judged = new Map(judgements.map((j) => [keyOf(j), j]));
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  return [...byRule]
    .map(([rule, fs]) => {
      const sampled = sample(fs);
      // A judgement covers every finding with its key (the same words on the same line text).
      const verdicts = fs.flatMap((f) => judged.get(f.key)?.verdict ?? []);
      const t = verdicts.filter((v) => v === 'true').length;
      const severity = fs.some((f) => f.severity === 'error') ? 'error' : fs.some((f) => f.severity === 'warning') ? 'warning' : 'info';
      return {
        rule,
        severity,
        findings: fs.length,
        sampled: sampled.length,
        judged: verdicts.length,
        truePositives: t,
        falsePositives: verdicts.length - t,
        precision: verdicts.length ? t / verdicts.length : undefined,
        todo: sampled.filter((f) => !judged.has(f.key)),
      } satisfies RuleStats;
    })
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.findings - a.findings || (a.rule < b.rule ? -1 : 1));
}
const SEVERITY_ORDER: Record<Severity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

export interface Staleness {
  /** Marked stale and still absent: findings the fixes removed. */
  removed: Judgement[];
  /** Absent but not marked: the rule or the text changed since; mark them `"stale": true` (or re-judge the new finding). */
  unmarked: Judgement[];
  /** Marked stale yet the finding is back: a removed finding has returned; its verdict counts again, drop the mark. */
  returned: Judgement[];
}

/** Sorts the judgements whose finding the rules no longer produce (or produce again) against their `stale` mark. */
export function staleOf(findings: Finding[], judgements: Judgement[]): Staleness {
  const keys = new Set(findings.map((f) => f.key));
  return {
    removed: judgements.filter((j) => j.stale && !keys.has(keyOf(j))),
    unmarked: judgements.filter((j) => !j.stale && !keys.has(keyOf(j))),
    returned: judgements.filter((j) => j.stale && keys.has(keyOf(j))),
  };
}

/** Per rule, how many of the findings the fixes removed had been judged false and how many true. */
export function removedTable(removed: Judgement[]): string {
  const byRule = new Map<string, Judgement[]>();
  for (const j of removed) byRule.set(j.rule, [...(byRule.get(j.rule) ?? []), j]);
  const count = (js: Judgement[], v: Judgement['verdict']) => js.filter((j) => j.verdict === v).length;
  return [
    '| rule | findings the fixes removed | judged false | judged true |',
    '|---|---:|---:|---:|',
    ...[...byRule].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, js]) => `| \`${rule}\` | ${js.length} | ${count(js, 'false')} | ${count(js, 'true')} |`),
  ].join('\n');
}

export interface KindReport {
  kinds: Record<string, number>;
  /** Per group of the ADR folders (decision records, templates, ...): files and how many got kind adr. */
  adr: { group: string; files: number; adr: number; missed: string[] }[];
}

export function kindsOf(results: FileResult[], spec: AdrSpec): KindReport {
  const kinds: Record<string, number> = {};
  for (const r of results) kinds[r.kind?.id ?? 'unknown'] = (kinds[r.kind?.id ?? 'unknown'] ?? 0) + 1;
  const groups = new Map<string, FileResult[]>();
  for (const r of results) {
    if (!spec.folders.some((f) => r.filePath.startsWith(f))) continue;
    const group = spec.other[r.filePath]?.split(':')[0] ?? 'decision record';
    groups.set(group, [...(groups.get(group) ?? []), r]);
  }
  const adr = [...groups].map(([group, rs]) => ({
    group,
    files: rs.length,
    adr: rs.filter((r) => r.kind?.id === 'adr').length,
    missed: rs.filter((r) => r.kind?.id !== 'adr').map((r) => r.filePath),
  }));
  return { kinds, adr };
}

export const pct = (p: number | undefined) => (p === undefined ? '–' : `${Math.round(p * 100)}%`);

export function markdownTable(stats: RuleStats[], where = 'on the corpus'): string {
  const rows = stats.map((s) => `| \`${s.rule}\` | ${s.severity} | ${s.findings} | ${s.judged} | ${s.truePositives} | ${s.falsePositives} | ${pct(s.precision)} |`);
  const judged = stats.reduce((n, s) => n + s.judged, 0);
  const t = stats.reduce((n, s) => n + s.truePositives, 0);
  const total = stats.reduce((n, s) => n + s.findings, 0);
  return [
    `| rule | severity | findings ${where} | judged | true | false | precision |`,
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
    `| all rules | | ${total} | ${judged} | ${t} | ${judged - t} | ${pct(judged ? t / judged : undefined)} |`,
  ].join('\n');
}

function kindTable(k: KindReport): string {
  const kinds = Object.entries(k.kinds).sort((a, b) => b[1] - a[1]);
  const lines = ['| kind | files |', '|---|---:|', ...kinds.map(([kind, n]) => `| ${kind} | ${n} |`)];
  lines.push('', '| files in the ADR folders | files | kind adr |', '|---|---:|---:|', ...k.adr.map((g) => `| ${g.group} | ${g.files} | ${g.adr} |`));
  return lines.join('\n');
}

/** A finding for judging: where, which rule, the words, the message, its context; and its verdict if judged. */
export const showFinding = (f: Finding, verdict?: Judgement): string =>
  `${f.file}:${f.line}  ${f.rule} (${f.severity}, ${f.messageId})  words: ${f.words || '–'}${verdict ? `\n  judged ${verdict.verdict}: ${verdict.reason}` : ''}\n  ${clip(f.message, 240)}\n${f.context}\n`;

export function checkCorpus(): FileResult[] {
  return checkFolder(CORPUS);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const known = new Set(['--todo', '--all', '--table', '--json', '--rule']);
  const bad = args.find((a, i) => a.startsWith('--') && !known.has(a) && args[i - 1] !== '--rule');
  if (bad) {
    console.error(`precision: unknown option ${bad} (use --todo, --all, --table, --json or --rule ID)`);
    process.exit(2);
  }
  if (!existsSync(CORPUS)) {
    console.error(`precision: no corpus at ${CORPUS}; put the shared material beside this checkout (../shared) or set STAFFWORK_SHARED`);
    process.exit(2);
  }
  const only = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;
  let data: JudgementFile;
  try {
    data = loadJudgements();
  } catch (e) {
    console.error(`precision: ${(e as Error).message}`);
    process.exit(2);
  }
  const results = checkCorpus();
  const findings = findingsOf(results);
  const stats = statsOf(findings, data.judgements);
  if (args.includes('--table')) {
    console.log(markdownTable(stats));
    console.log();
    console.log(kindTable(kindsOf(results, data.adr)));
    console.log();
    console.log(removedTable(staleOf(findings, data.judgements).removed));
  } else if (args.includes('--json')) {
    const sampled = new Set(stats.flatMap((s) => sampleOf(findings.filter((f) => f.rule === s.rule)).map((f) => f.key)));
    console.log(
      JSON.stringify(
        findings
          .filter((f) => !only || f.rule === only)
          .map(({ key, context: _, ...f }) => ({
            ...f,
            sampled: sampled.has(key),
          })),
        null,
        1,
      ),
    );
  } else if (args.includes('--todo')) {
    for (const s of stats) if (!only || s.rule === only) for (const f of s.todo) console.log(showFinding(f));
  } else if (args.includes('--all')) {
    const judged = new Map(data.judgements.map((j) => [keyOf(j), j]));
    for (const f of findings) if (!only || f.rule === only) console.log(showFinding(f, judged.get(f.key)));
  } else {
    const stale = staleOf(findings, data.judgements);
    const current = data.judgements.length - stale.removed.length - stale.unmarked.length;
    console.log(`${results.length} files, ${findings.length} findings, ${data.judgements.length} judgements (${current} of current findings, ${stale.removed.length} of findings the fixes removed)`);
    console.log('rule'.padEnd(34), 'severity'.padEnd(8), 'findings sampled judged  true false precision');
    for (const s of stats) {
      console.log(s.rule.padEnd(34), s.severity.padEnd(8), [s.findings, s.sampled, s.judged, s.truePositives, s.falsePositives].map((n) => String(n).padStart(6)).join(''), pct(s.precision).padStart(9));
    }
    const todo = stats.flatMap((s) => s.todo);
    if (todo.length) console.log(`\n${todo.length} sampled findings not judged yet (--todo shows them):\n${todo.map((f) => `  ${f.rule}  ${f.file}:${f.line}  ${f.words}`).join('\n')}`);
    const list = (js: Judgement[]) => js.map((j) => `  ${j.rule}  ${j.file}:${j.line}  ${j.words}  (judged ${j.verdict})`).join('\n');
    if (stale.removed.length) {
      const f = stale.removed.filter((j) => j.verdict === 'false').length;
      console.log(`\nfindings the fixes removed: ${f} judged false, ${stale.removed.length - f} judged true`);
    }
    if (stale.unmarked.length) console.log(`\n${stale.unmarked.length} judgements match no finding any more and are not marked stale (the rule or the text changed; add "stale": true):\n${list(stale.unmarked)}`);
    if (stale.returned.length) console.log(`\n${stale.returned.length} judgements marked stale match a finding again (a removed finding is back; drop "stale"):\n${list(stale.returned)}`);
    const k = kindsOf(results, data.adr);
    console.log(
      `\nkinds: ${Object.entries(k.kinds)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}`,
    );
    for (const g of k.adr) console.log(`ADR folders, ${g.group}: ${g.adr}/${g.files} get kind adr${g.missed.length ? `; not: ${g.missed.join(', ')}` : ''}`);
  }
}
