// The workbench bundle's shape: the page loads only the document model (the rules and the NLP
// model are the lint worker's), and src/web imports only the core's doors and its own modules.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { build, type Metafile } from 'esbuild';

const root = join(import.meta.dirname, '../..');
/** Worker-side files: they run the rules, so they may import the whole core. */
const WORKER_SIDE = new Set(['src/web/draft-check.ts', 'src/web/lint-worker.ts']);

describe('workbench bundle', () => {
  let meta: Metafile;
  before(async () => {
    const r = await build({
      entryPoints: { app: 'src/web/app.ts', 'lint-worker': 'src/web/lint-worker.ts' },
      absWorkingDir: root,
      bundle: true,
      write: false,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: 'out',
      metafile: true,
      logLevel: 'silent',
    });
    meta = r.metafile;
  });

  /** The inputs of an output and of every chunk it imports statically (what a page load runs). */
  function loaded(entry: string): Set<string> {
    const seen = new Set<string>();
    const inputs = new Set<string>();
    const walk = (out: string) => {
      if (seen.has(out)) return;
      seen.add(out);
      const o = meta.outputs[out];
      assert.ok(o, out);
      for (const f of Object.keys(o.inputs)) inputs.add(f);
      for (const i of o.imports) if (i.kind === 'import-statement' && !i.external) walk(i.path);
    };
    walk(entry);
    return inputs;
  }

  it('the page loads no rule, no NLP model and no rule registry; the lint worker loads them', () => {
    const heavy = (f: string) => f.startsWith('src/core/rules/') || f.startsWith('src/core/nlp/') || f.includes('node_modules/wink-eng-lite-web-model/') || f === 'src/generated/rules.ts';
    const page = [...loaded('out/app.js')];
    assert.deepEqual(page.filter(heavy), []);
    assert.ok(page.includes('src/core/model/parse.ts'), 'the page parses documents itself');
    const worker = [...loaded('out/lint-worker.js')];
    assert.ok(
      worker.some((f) => f.includes('node_modules/wink-eng-lite-web-model/')),
      'the worker has the NLP model',
    );
    assert.ok(worker.includes('src/generated/rules.ts'), 'the worker has the rules');
  });

  it('src/web imports only its own modules, packages and the core through its doors (the page door; the whole core only worker-side or on demand)', () => {
    const wrong: string[] = [];
    for (const [file, input] of Object.entries(meta.inputs)) {
      if (!file.startsWith('src/web/')) continue;
      for (const i of input.imports) {
        const to = i.path;
        if (to.startsWith('src/web/') || to.includes('node_modules/') || to === 'src/core/page.ts') continue;
        if (to === 'src/core/index.ts' && (WORKER_SIDE.has(file) || i.kind === 'dynamic-import')) continue;
        wrong.push(`${file} -> ${to} (${i.kind})`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
