// The layer boundaries in biome.jsonc fire: each import below is written into a scratch copy
// of the layout and linted with the repository's config; the forbidden ones must be reported
// and the allowed ones must not (a pattern that silently stops matching fails here).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const root = join(import.meta.dirname, '../..');
const BIOME = join(root, 'node_modules/@biomejs/biome/bin/biome');

/** [file, line of code, allowed]: the file is where the line is written. */
const CASES: [string, string, boolean][] = [
  // The core imports nothing above it and no Node built-ins.
  ['src/core/zz.ts', "import '../server/app.ts';", false],
  ['src/core/zz.ts', "import '../cli/main.ts';", false],
  ['src/core/zz.ts', "import '../web/api.ts';", false],
  ['src/core/zz.ts', "import '../lsp/index.ts';", false],
  ['src/core/zz.ts', "import '../node/read-text.ts';", false],
  ['src/core/zz.ts', "import 'node:fs';", false],
  ['src/core/zz.ts', "import './text/slug.ts';", true],
  ['src/core/zz.ts', 'export const t = Date.now();', false],
  ['src/core/zz.ts', 'export const r = Math.random();', false],
  ['src/core/zz.ts', 'export const e = process.env;', false],
  ['src/core/zz.ts', "console.log('x');", false],
  // Course code does not depend on rules.
  ['src/core/course/zz.ts', "import '../rules/summary/_parts.ts';", false],
  ['src/core/course/zz.ts', "import '../../server/app.ts';", false],
  ['src/core/course/zz.ts', "import '../model/parse.ts';", true],
  // The page's door stays light.
  ['src/core/page.ts', "import './rules/define.ts';", false],
  ['src/core/page.ts', "import './nlp/index.ts';", false],
  ['src/core/page.ts', "import './model/parse.ts';", true],
  // A rule imports the rule API, its own area's helpers and the layers below; never another rule.
  ['src/core/rules/adr/zz.ts', "import './single-option.ts';", false],
  ['src/core/rules/adr/_zz.ts', "import './status.ts';", false],
  ['src/core/rules/adr/zz.ts', "import './_chosen.ts';", true],
  ['src/core/rules/adr/zz.ts', "import '../define.ts';", true],
  ['src/core/rules/adr/zz.ts', "import '../summary/_parts.ts';", false],
  ['src/core/rules/adr/zz.ts', "import '../strategy/fluff.ts';", false],
  ['src/core/rules/adr/zz.ts', "import '../../text/words.ts';", true],
  ['src/core/rules/adr/zz.ts', "import '../../query/index.ts';", true],
  ['src/core/rules/adr/zz.ts', "import '../../project/meta.ts';", true],
  ['src/core/rules/adr/zz.ts', "import '../../project/project.ts';", false],
  ['src/core/rules/adr/zz.ts', "import '../../builtin.ts';", false],
  ['src/core/rules/adr/zz.ts', "import '../../../server/app.ts';", false],
  ['src/core/rules/adr/zz.ts', "export const p = () => import('../../index.ts');", false],
  // The workbench page: the core through src/core/page.ts, never the Node side.
  ['src/web/zz.ts', "import '../core/page.ts';", true],
  ['src/web/zz.ts', "import '../core/review/api-types.ts';", true],
  ['src/web/zz.ts', "import './dom.ts';", true],
  ['src/web/zz.ts', "import '../core/index.ts';", false],
  ['src/web/zz.ts', "import '../core/text/slug.ts';", false],
  ['src/web/zz.ts', "import '../server/portfolio.ts';", false],
  ['src/web/zz.ts', "import '../cli/main.ts';", false],
  ['src/web/zz.ts', "import 'node:path';", false],
  ['src/web/panels/zz.ts', "import '../../core/query/index.ts';", false],
  // The lint worker side may use the whole core, through its index.
  ['src/web/draft-check.ts', "import '../core/index.ts';", true],
  ['src/web/draft-check.ts', "import '../core/engine/check.ts';", false],
  // Node-side surfaces: the core through its doors; no surface imports one that starts it.
  ['src/cli/zz.ts', "import '../core/index.ts';", true],
  ['src/cli/zz.ts', "import '../server/app.ts';", true],
  ['src/cli/zz.ts', "import '../core/model/front-matter.ts';", false],
  ['src/cli/commands/zz.ts', "import '../../core/rules/define.ts';", false],
  ['src/cli/zz.ts', "import '../web/api.ts';", false],
  ['src/lsp/zz.ts', "import '../core/model/front-matter.ts';", false],
  ['src/lsp/zz.ts', "import '../cli/main.ts';", false],
  ['src/lsp/zz.ts', "import '../node/read-text.ts';", true],
  ['src/server/zz.ts', "import '../core/review/anchor.ts';", true],
  ['src/server/zz.ts', "import '../core/kinds/detect.ts';", false],
  ['src/server/zz.ts', "import '../cli/errors.ts';", false],
  ['src/node/zz.ts', "import '../server/app.ts';", false],
  ['src/node/zz.ts', "import '../core/engine/check.ts';", false],
];

describe('layer boundaries (biome.jsonc)', () => {
  let dir: string;
  const reported = new Map<string, string[]>();
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'staffwork-lint-'));
    copyFileSync(join(root, 'biome.jsonc'), join(dir, 'biome.jsonc'));
    const files = new Map<string, string[]>();
    for (const [file, code] of CASES) files.set(file, [...(files.get(file) ?? []), code]);
    for (const [file, lines] of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), `${lines.join('\n')}\n`);
    }
    const r = spawnSync(process.execPath, [BIOME, 'lint', '--reporter=json', '--max-diagnostics=none', ...files.keys()], { cwd: dir, encoding: 'utf8' });
    const out = JSON.parse(r.stdout) as { diagnostics: { category: string; location: { path: string; start: { line: number } } }[] };
    for (const d of out.diagnostics) {
      const line = files.get(d.location.path)?.[d.location.start.line - 1];
      if (line !== undefined) reported.set(`${d.location.path}\t${line}`, [...(reported.get(`${d.location.path}\t${line}`) ?? []), d.category]);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const [file, code, allowed] of CASES) {
    it(`${file}: ${code} is ${allowed ? 'allowed' : 'reported'}`, () => {
      const got = reported.get(`${file}\t${code}`) ?? [];
      if (allowed) assert.deepEqual(got, []);
      else
        assert.ok(
          got.some((c) => /noRestrictedImports|noNodejsModules|noRestrictedGlobals|noJsRestrictedProperties|noConsole/.test(c)),
          `expected a boundary finding, got ${JSON.stringify(got)}`,
        );
    });
  }
});
