// `node --import tsx bench/nlp.ts [--quick]`: wink-nlp (English light web model) against
// compromise for the language layer (issue 8, item 3), then staffwork's own layer (src/core/nlp).
// Each library runs in a fresh child process so load time and memory are its own: load, then
// sentence splitting + POS + lemmas + negation over the prose of ../shared/corpus, then the cost
// per 100-word section (the unit the rules analyse). The parent bundles a one-line entry per
// library for the browser (esbuild, minified) and scores both on hand-written sentences.
// Prints tables; writes bench/results/nlp-latest.json. --quick reads one file in ten.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import type { ItemEntity, ItemToken, ItsFunction } from 'wink-nlp';
import { hasDate } from '../src/core/text/numbers.ts';
import { defaultCorpus, flag, markdownFiles, option, root } from './lib.ts';

type Lib = 'wink' | 'compromise' | 'staffwork';
const LIBS: Lib[] = ['wink', 'compromise', 'staffwork'];
const WORD = /[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*/g;
const words = (s: string) => s.match(WORD)?.length ?? 0;

/** The prose of a Markdown file: fenced code, HTML comments and front matter blanked (rules never read them). */
function prose(md: string): string {
  return md
    .replace(/^---\n[^]*?\n---\n/, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/^(```|~~~)[^]*?^\1/gm, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/<!--[^]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
}

/** ~100-word sections cut from the corpus at paragraph ends: what a rule hands the layer. */
function sections(texts: string[], max: number): string[] {
  const out: string[] = [];
  for (const t of texts) {
    let cur = '';
    for (const para of t.split(/\n\s*\n/)) {
      if (!/[a-z]{3}/i.test(para)) continue;
      cur = cur ? `${cur}\n\n${para.trim()}` : para.trim();
      if (words(cur) >= 90) {
        out.push(cur);
        cur = '';
        if (out.length >= max) return out;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- child: one library
interface Analysed {
  sentences: number;
  tokens: number;
}
interface ChildResult {
  lib: Lib;
  loadMs: number;
  firstDocMs: number;
  corpus: { files: number; mb: number; words: number; seconds: number; wordsPerSecond: number };
  /** `again`: the same sections analysed a second time (a live re-check where they did not change). */
  section: { count: number; meanWords: number; usPerSection: number; usPer100Words: number; p95Us: number; againUsPerSection: number };
  memory: { rssMB: number; heapUsedMB: number; rssAfterLoadMB: number; baseRssMB: number };
  recheck?: { words: number; sections: number; medianMs: number; p95Ms: number };
}

async function child(lib: Lib, quick: boolean): Promise<ChildResult> {
  const baseRss = process.memoryUsage().rss;
  const t0 = performance.now();
  let run: (text: string) => Analysed;
  if (lib === 'wink') {
    const winkNLP = (await import('wink-nlp')).default;
    const model = (await import('wink-eng-lite-web-model')).default;
    const nlp = winkNLP(model, ['sbd', 'negation', 'pos']);
    const its = nlp.its;
    run = (text) => {
      const doc = nlp.readDoc(text);
      let tokens = 0;
      doc.tokens().each((t: ItemToken) => {
        t.out(its.pos);
        t.out(its.lemma as ItsFunction<string>);
        t.out(its.negationFlag);
        tokens++;
      });
      return { sentences: doc.sentences().length(), tokens };
    };
  } else if (lib === 'compromise') {
    const nlp = (await import('compromise')).default;
    run = (text) => {
      const doc = nlp(text);
      doc.compute('root');
      const json = doc.json({ offset: true, terms: { offset: true } }) as { terms: { tags: string[]; root?: string }[] }[];
      doc.verbs().isNegative();
      return { sentences: json.length, tokens: json.reduce((n, s) => n + s.terms.length, 0) };
    };
  } else {
    const { analyse } = await import('../src/core/nlp/index.ts');
    (await import('../src/core/nlp/engine.ts')).load();
    run = (text) => {
      const a = analyse(text);
      return { sentences: a.sentences.length, tokens: a.sentences.reduce((n, s) => n + s.tokens.length, 0) };
    };
  }
  const loadAt = performance.now();
  const loadedRss = process.memoryUsage().rss;
  run('We will not migrate the billing service.');
  const firstDocMs = performance.now() - loadAt;

  const files = markdownFiles(defaultCorpus).filter((_, i) => !quick || i % 10 === 0);
  const texts = files.map((f) => prose(readFileSync(f, 'utf8')));
  const totalWords = texts.reduce((n, t) => n + words(t), 0);
  const c0 = performance.now();
  for (const t of texts) run(t);
  const seconds = (performance.now() - c0) / 1000;

  // Warm up on sections that are not timed: staffwork remembers the paragraphs it has seen.
  const all = sections(texts, 2200);
  const secs = all.slice(0, 2000);
  for (const s of all.slice(2000)) run(s);
  const time = (list = secs) => {
    const times: number[] = [];
    for (const s of list) {
      const s0 = performance.now();
      run(s);
      times.push((performance.now() - s0) * 1000);
    }
    return times.sort((a, b) => a - b);
  };
  const times = time();
  // A re-check: 300 sections (about one long document), analysed twice; the second pass is timed.
  time(secs.slice(0, 300));
  const again = time(secs.slice(0, 300));
  const sum = times.reduce((a, b) => a + b, 0);
  const secWords = secs.reduce((n, s) => n + words(s), 0);
  const mem = process.memoryUsage();
  const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;
  const recheck = lib === 'staffwork' ? await liveRecheck() : undefined;
  return {
    ...(recheck && { recheck }),
    lib,
    loadMs: Math.round(loadAt - t0),
    firstDocMs: Math.round(firstDocMs * 10) / 10,
    corpus: {
      files: files.length,
      mb: mb(texts.reduce((n, t) => n + t.length, 0)),
      words: totalWords,
      seconds: Math.round(seconds * 100) / 100,
      wordsPerSecond: Math.round(totalWords / seconds),
    },
    section: {
      count: secs.length,
      meanWords: Math.round(secWords / secs.length),
      usPerSection: Math.round(sum / secs.length),
      usPer100Words: Math.round((sum / secWords) * 100),
      p95Us: Math.round(times[Math.floor(times.length * 0.95)] ?? 0),
      againUsPerSection: Math.round(again.reduce((a, b) => a + b, 0) / again.length),
    },
    memory: { baseRssMB: mb(baseRss), rssAfterLoadMB: mb(loadedRss), rssMB: mb(mem.rss), heapUsedMB: mb(mem.heapUsed) },
  };
}

/**
 * The worst case for item 7: every section of bench/recheck.ts's 12-page strategy analysed after
 * each one-character edit (rules analyse only the few they judge), one memo per check.
 */
async function liveRecheck(): Promise<{ words: number; sections: number; medianMs: number; p95Ms: number }> {
  const { longStrategy } = await import('./recheck.ts');
  const { parse } = await import('../src/core/model/parse.ts');
  const { analyse, createMemo } = await import('../src/core/nlp/index.ts');
  const text = longStrategy();
  const ms: number[] = [];
  let sections = 0;
  for (let i = 0; i < 200; i++) {
    const at = 300 + ((i * 997) % (text.length - 600));
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const doc = parse(edited);
    sections = doc.sections.length;
    const t = performance.now();
    const memo = createMemo();
    for (const s of doc.sections) analyse(edited, s.own, memo);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { words: words(text), sections, medianMs: round(ms[100]!), p95Ms: round(ms[190]!) };
}

// ---------------------------------------------------------------- quality: hand-written sentences
type Pos = 'NOUN' | 'VERB' | 'AUX' | 'PRON' | 'ADJ' | 'ADV' | 'ADP' | 'DET' | 'PART' | 'NUM' | 'INTJ' | 'CONJ' | 'PUNCT' | 'X';
interface Tok {
  text: string;
  lower: string;
  lemma: string;
  pos: Pos;
  negated: boolean;
  date: boolean;
}
interface Adapter {
  sentences(text: string): string[];
  tokens(sentence: string): Tok[];
  ask?(sentence: string): boolean;
}

async function adapters(): Promise<Record<'wink' | 'compromise' | 'staffwork', Adapter>> {
  const sw = await import('../src/core/nlp/index.ts');
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const wink = winkNLP(model, ['sbd', 'negation', 'pos', 'ner']);
  const its = wink.its;
  const comp = (await import('compromise')).default;
  const compPos = (tags: string[]): Pos => {
    const has = (t: string) => tags.includes(t);
    if (has('Pronoun') || has('Possessive')) return 'PRON';
    if (has('Negative')) return 'PART';
    if (has('Modal') || has('Auxiliary') || has('Copula')) return 'AUX';
    if (has('Verb')) return 'VERB';
    if (has('Value')) return 'NUM';
    if (has('Noun')) return 'NOUN';
    if (has('Adjective')) return 'ADJ';
    if (has('Adverb')) return 'ADV';
    if (has('Preposition')) return 'ADP';
    if (has('Determiner')) return 'DET';
    if (has('Conjunction')) return 'CONJ';
    if (has('Expression')) return 'INTJ';
    return 'X';
  };
  const winkPos = (p: string): Pos => (p === 'PROPN' ? 'NOUN' : p === 'CCONJ' || p === 'SCONJ' ? 'CONJ' : p === 'SYM' || p === 'SPACE' ? 'X' : (p as Pos));
  const swSentence = (text: string) => sw.analyse(text).sentences[0]!;
  return {
    staffwork: {
      sentences: (text) => sw.analyse(text).sentences.map((x) => x.text),
      tokens: (s) =>
        swSentence(s)
          .tokens.filter((t) => t.pos !== 'PUNCT')
          .map((t) => ({ text: t.text, lower: t.lower, lemma: t.lemma, pos: winkPos(t.pos), negated: t.negated, date: false })),
      ask: (s) => sw.isImperativeOrRequest(swSentence(s)),
    },
    wink: {
      sentences: (text) => wink.readDoc(text).sentences().out(),
      tokens: (s) => {
        const doc = wink.readDoc(s);
        const dates = new Set<number>();
        doc.entities().each((e: ItemEntity) => {
          if (e.out(its.type) === 'DATE' || e.out(its.type) === 'TIME' || e.out(its.type) === 'DURATION') e.tokens().each((t: ItemToken) => dates.add(t.index()));
        });
        const out: Tok[] = [];
        doc.tokens().each((t: ItemToken) => {
          const pos = t.out(its.pos);
          if (pos === 'PUNCT' || pos === 'SPACE') return;
          out.push({ text: t.out(), lower: t.out(its.normal), lemma: t.out(its.lemma as ItsFunction<string>), pos: winkPos(pos), negated: !!t.out(its.negationFlag), date: dates.has(t.index()) });
        });
        return out;
      },
    },
    compromise: {
      sentences: (text) =>
        comp(text)
          .json()
          .map((s: { text: string }) => s.text.trim()),
      tokens: (s) => {
        const doc = comp(s);
        doc.compute('root');
        // compromise marks negation on a verb phrase, not a scope: a term is negated when its verb phrase is.
        const neg = new Set<string>();
        for (const v of doc
          .verbs()
          .isNegative()
          .json({ terms: { id: true } }) as { terms: { id: string }[] }[])
          for (const t of v.terms) neg.add(t.id);
        const terms = (doc.json({ terms: { id: true } }) as { terms: { text: string; normal: string; root?: string; tags: string[]; id: string }[] }[]).flatMap((x) => x.terms);
        return terms.filter((t) => t.text).map((t) => ({ text: t.text, lower: t.normal, lemma: t.root ?? t.normal, pos: compPos(t.tags), negated: neg.has(t.id), date: t.tags.includes('Date') }));
      },
    },
  };
}

/**
 * The same ask test over either library's tags, so the difference is the tagging: a sentence
 * whose first word (after "please"/"kindly") is a base-form verb with no subject, or a request
 * to the reader ("can/could/would you VERB", "we need you to", "we ask (that) you").
 */
function isAsk(toks: Tok[]): boolean {
  let i = 0;
  while (toks[i] && /^(please|kindly|so|now|then)$/.test(toks[i]!.lower)) i++;
  const first = toks[i];
  if (first && first.pos === 'VERB' && first.lower === first.lemma) return true;
  const l = toks.map((t) => t.lower).join(' ');
  if (/\b(can|could|would|will) you\b/.test(l)) return true;
  if (/\b(need|want|ask|asking|request|would like) (you|your|that you)\b/.test(l)) return true;
  return toks.some((t) => t.lower === 'please');
}

interface Case {
  area: string;
  text: string;
  /** What the area's question should answer. */
  want: boolean | string | number | string[];
  /** The word the question is about. */
  word?: string;
}
const CASES: Case[] = [
  // asks: an imperative or a request to the reader
  ...[
    'Please approve the revised date by Friday.',
    'We need you to choose an owner.',
    'Can you confirm the budget by 3 March?',
    'Approve the plan.',
    'Could you sign off on the headcount?',
    'Decide between option A and option B by Tuesday.',
    'We ask that you fund one more engineer.',
    'Choose one of the two vendors.',
    'Move the launch to June.',
  ].map((text) => ({ area: 'ask', text, want: true })),
  ...[
    'We evaluated reliability.',
    'The team approved the plan.',
    'We chose an owner last week.',
    'Reliability improved after the migration.',
    'Ship dates slipped twice.',
    'Review meetings happen weekly.',
    'Can we ship faster without more people?',
    'Plans changed in March.',
    'Budget approval came late.',
  ].map((text) => ({ area: 'ask', text, want: false })),
  // negation: is `word` negated?
  { area: 'negation', text: 'We will not migrate the billing service.', word: 'migrate', want: true },
  { area: 'negation', text: 'We no longer support Windows.', word: 'support', want: true },
  { area: 'negation', text: 'We never ship on Fridays.', word: 'ship', want: true },
  { area: 'negation', text: "We don't need a second region.", word: 'need', want: true },
  { area: 'negation', text: 'We ship without a manual review.', word: 'review', want: true },
  { area: 'negation', text: 'We ship without a manual review.', word: 'ship', want: false },
  { area: 'negation', text: 'It is not cheap, but we will migrate.', word: 'migrate', want: false },
  { area: 'negation', text: 'We will migrate the ledger and keep the old API.', word: 'migrate', want: false },
  { area: 'negation', text: 'Nobody owns the pager rotation.', word: 'owns', want: true },
  { area: 'negation', text: 'The team cannot hire before June.', word: 'hire', want: true },
  // fund / plan / ship: noun or verb?
  { area: 'pos', text: 'We fund two teams.', word: 'fund', want: 'VERB' },
  { area: 'pos', text: 'The fund is empty.', word: 'fund', want: 'NOUN' },
  { area: 'pos', text: 'Please fund the migration.', word: 'fund', want: 'VERB' },
  { area: 'pos', text: 'Our fund covers the tooling.', word: 'fund', want: 'NOUN' },
  { area: 'pos', text: 'Leadership should fund the platform team.', word: 'fund', want: 'VERB' },
  { area: 'pos', text: 'A training fund exists for this.', word: 'fund', want: 'NOUN' },
  { area: 'pos', text: 'We plan to migrate in May.', word: 'plan', want: 'VERB' },
  { area: 'pos', text: 'The plan is ready.', word: 'plan', want: 'NOUN' },
  { area: 'pos', text: 'We ship weekly.', word: 'ship', want: 'VERB' },
  { area: 'pos', text: 'Ship dates slipped twice.', word: 'ship', want: 'NOUN' },
  // lemmas
  ...(
    [
      ['Several reminders went unanswered.', 'reminders', 'reminder'],
      ['The work was blocked for weeks.', 'blocked', 'block'],
      ['The work was blocked for weeks.', 'was', 'be'],
      ['We prioritised the escalations.', 'prioritised', ['prioritise', 'prioritize']],
      ['We prioritized the escalations.', 'escalations', 'escalation'],
      ['The team decided quickly.', 'decided', 'decide'],
      ['Two dependencies are late.', 'dependencies', 'dependency'],
      ['We chose the second option.', 'chose', 'choose'],
      ['The migration is running late.', 'running', 'run'],
      ['Owners were named.', 'owners', 'owner'],
      ['We went with Postgres.', 'went', 'go'],
      ['The analyses disagree.', 'analyses', 'analysis'],
    ] as const
  ).map(([text, word, want]) => ({ area: 'lemma', text, word, want: typeof want === 'string' ? want : [...want] })),
  // sentence boundaries: how many sentences?
  ...(
    [
      ['We shipped v2.1 last week. It broke.', 2],
      ['Dr. Lee approved it. We start Monday.', 2],
      ['Use a queue, e.g. SQS, for this. Then retry.', 2],
      ['The cost is $3.5M per year. That is too much.', 2],
      ['See section 3.2 for details. Then decide.', 2],
      ['We met on Jan. 5 and agreed. Next steps follow.', 2],
      ['The U.S. team agreed. The EU team did not.', 2],
      ['Latency is 1.5 s (p95). The target is 1 s.', 2],
      ['Ship it! Then celebrate?', 2],
      ['We decided\nto migrate the ledger.', 1],
      ['See docs/adr/0003.md for the i.e. clause. Done.', 2],
    ] as const
  ).map(([text, want]) => ({ area: 'sentences', text, want })),
  // dates: does the sentence name a date or deadline?
  ...['Approve it by Friday.', 'We launch on 3 March.', 'Done by the end of Q2.', 'Cutover is 2025-03-14.', 'We decide next week.', 'Reply within two weeks.', 'Ship by EOD Tuesday.'].map((text) => ({ area: 'date', text, want: true })),
  ...['May we proceed with option B?', 'We have two options.', 'The team is ready.'].map((text) => ({ area: 'date', text, want: false })),
];

function answer(a: Adapter, c: Case): boolean | string | number {
  if (c.area === 'sentences') return a.sentences(c.text).length;
  // staffwork keeps dates to the rules' own pattern (util.hasDate) rather than running wink's NER.
  if (c.area === 'date' && a.ask) return hasDate(c.text);
  const toks = a.tokens(c.text);
  const tok = toks.find((t) => t.lower === c.word?.toLowerCase());
  switch (c.area) {
    case 'ask':
      return a.ask ? a.ask(c.text) : isAsk(toks);
    case 'negation':
      return tok?.negated ?? 'no token';
    case 'pos':
      return tok?.pos ?? 'no token';
    case 'lemma':
      return tok?.lemma ?? 'no token';
    default:
      return toks.some((t) => t.date);
  }
}

// ---------------------------------------------------------------- bundle size
function bundleSize(code: string): { minKB: number; gzipKB: number } {
  const r = buildSync({ stdin: { contents: code, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, logLevel: 'silent' });
  const bytes = r.outputFiles[0]!.contents;
  return { minKB: Math.round(bytes.length / 1024), gzipKB: Math.round(gzipSync(bytes).length / 1024) };
}

// ---------------------------------------------------------------- main
if (option('child')) {
  process.stdout.write(JSON.stringify(await child(option('child') as Lib, flag('quick'))));
} else {
  const quick = flag('quick');
  const results: ChildResult[] = [];
  for (const lib of LIBS) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/nlp.ts'), '--child', lib, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', maxBuffer: 1e7 });
    if (r.status !== 0) {
      console.error(`${lib}: ${r.stderr.split('\n').slice(0, 5).join('\n')}`);
      continue;
    }
    results.push(JSON.parse(r.stdout) as ChildResult);
  }
  // Load time without tsx in the way: a bare `node` importing each library (what the CLI would pay).
  const bare: Record<string, number> = {};
  const bareScripts: Record<string, string> = {
    node: '',
    wink: "const w=(await import('wink-nlp')).default; const m=(await import('wink-eng-lite-web-model')).default; w(m,['sbd','negation','pos']);",
    compromise: "const c=(await import('compromise')).default; c('warm up.').json();",
  };
  for (const [name, code] of Object.entries(bareScripts)) {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root });
      ms.push(performance.now() - t);
    }
    bare[name] = Math.round(ms.sort((a, b) => a - b)[2]!);
  }
  const sizes = {
    wink: bundleSize("import w from 'wink-nlp'; import m from 'wink-eng-lite-web-model'; export const nlp = w(m, ['sbd','negation','pos']);"),
    compromise: bundleSize("import c from 'compromise'; export const nlp = c;"),
    staffwork: bundleSize("export * from './src/core/nlp/index.ts';"),
  };
  const ad = await adapters();
  const quality: Record<string, Record<string, { right: number; of: number; wrong: string[] }>> = {};
  for (const [name, a] of Object.entries(ad)) {
    for (const c of CASES) {
      const got = answer(a, c);
      const q = ((quality[c.area] ??= {})[name] ??= { right: 0, of: 0, wrong: [] });
      q.of++;
      if (Array.isArray(c.want) ? c.want.includes(String(got)) : got === c.want) q.right++;
      else q.wrong.push(`${JSON.stringify(c.text)}${c.word ? ` [${c.word}]` : ''}: got ${JSON.stringify(got)}, want ${JSON.stringify(c.want)}`);
    }
  }

  console.log('\nspeed and memory (each in a fresh process; corpus = prose of ../shared/corpus, code blocks blanked)');
  console.table(
    results.map((r) => ({
      lib: r.lib,
      'load ms': r.loadMs,
      'bare node + load ms': bare[r.lib === 'staffwork' ? 'wink' : r.lib] ?? '',
      'first doc ms': r.firstDocMs,
      'corpus s': r.corpus.seconds,
      'words/s': r.corpus.wordsPerSecond,
      'µs/100 words (sections)': r.section.usPer100Words,
      'p95 µs/section': r.section.p95Us,
      'µs/section again': r.section.againUsPerSection,
      'RSS after load MB': Math.round((r.memory.rssAfterLoadMB - r.memory.baseRssMB) * 10) / 10,
      'RSS end MB': r.memory.rssMB,
    })),
  );
  console.log(
    `bare \`node -e ''\`: ${bare['node']} ms; corpus: ${results[0]?.corpus.files} files, ${results[0]?.corpus.mb} MB of prose, ${results[0]?.corpus.words} words; sections: ${results[0]?.section.count} of ~${results[0]?.section.meanWords} words`,
  );
  const rc = results.find((r) => r.recheck)?.recheck;
  if (rc) console.log(`live re-check, 12-page strategy (${rc.words} words), all ${rc.sections} sections analysed after a one-character edit: median ${rc.medianMs} ms, p95 ${rc.p95Ms} ms`);
  console.log('\nbrowser bundle added (esbuild, platform browser, minified)');
  console.table(sizes);
  console.log('\nquality on hand-written sentences (right / cases)');
  console.table(Object.fromEntries(Object.entries(quality).map(([area, by]) => [area, Object.fromEntries(Object.entries(by).map(([n, q]) => [n, `${q.right}/${q.of}`]))])));
  for (const [area, by] of Object.entries(quality)) for (const [n, q] of Object.entries(by)) for (const w of q.wrong) console.log(`  ${n} ${area}: ${w}`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/nlp-latest.json'), JSON.stringify({ date: new Date().toISOString(), quick, results, bare, sizes, quality }, null, 2) + '\n');
}
