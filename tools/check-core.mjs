#!/usr/bin/env node
// The core must run in a browser unchanged: bundle it for the browser and fail if esbuild
// cannot (a Node built-in reached through any import chain). This is the second check: Biome
// (biome.jsonc, run by `npm test`) rejects node: imports, process, require, console, clocks and
// randomness in src/core at the source, and the layer boundaries around it.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  await build({ entryPoints: [join(root, 'src/core/index.ts')], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent' });
} catch (e) {
  const problems = (e.errors ?? [e]).map((err) => err.text ?? String(err));
  console.error(`core is not browser-pure:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('core bundles for the browser with no Node built-ins');
