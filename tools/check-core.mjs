#!/usr/bin/env node
// The core must run in a browser unchanged: bundle it for the browser and fail on any Node
// built-in, `process` or `console` use (STYLE.md §8, checked twice with the tsconfig's lib).
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const problems = [];
try {
  await build({ entryPoints: [join(root, 'src/core/index.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
} catch (e) {
  for (const err of e.errors ?? [e]) problems.push(err.text ?? String(err));
}
const walk = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
for (const file of walk(join(root, 'src/core')).filter((f) => f.endsWith('.ts'))) {
  const src = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
  for (const [re, what] of [[/from ['"]node:/, 'a node: import'], [/\bprocess\./, 'process'], [/\bconsole\./, 'console'], [/\brequire\(/, 'require()'], [/Date\.now\(|Math\.random\(/, 'a clock or randomness']]) {
    if (re.test(src)) problems.push(`${relative(root, file)}: uses ${what}`);
  }
}
if (problems.length) {
  console.error(`core is not browser-pure:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('core bundles for the browser with no Node built-ins');
