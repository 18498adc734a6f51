// Stand-in for `staffwork check <dir|file> --format json -o /dev/null` while the CLI is being
// written: read every Markdown file, check it with every built-in rule, check the sets,
// serialise the findings. bench/lib.ts uses it only when the CLI cannot run `check`.
import { readFileSync, statSync } from 'node:fs';
import { builtinRules, defaultModule, Project } from '../src/core/index.ts';
import { globSync } from 'tinyglobby';

const target = process.argv[2];
if (!target) {
  console.error('usage: core-check.ts <dir|file.md>');
  process.exit(2);
}
// Not bench/lib.ts: this file is bundled and should carry only what the CLI would.
const files = statSync(target).isDirectory() ? globSync('**/*.md', { cwd: target, absolute: true }).sort() : [target];
const options = { module: defaultModule, rules: builtinRules };
const project = new Project({ ...options, membership: 'sameFolder' });
for (const f of files) project.upsert(f, readFileSync(f, 'utf8'));
const results = project.results();
const json = JSON.stringify(results.map((r) => ({ filePath: r.filePath, kind: r.kind?.id, messages: r.diagnostics })));
process.exitCode = results.some((r) => r.errorCount > 0) ? 1 : 0;
if (json.length === 0) console.log(json); // keep the serialisation from being optimised away
