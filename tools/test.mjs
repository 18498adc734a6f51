#!/usr/bin/env node
// `npm test`: build, type-check, lint and format check, prove the core bundles for the browser,
// make sure Chromium is there for the browser tests (installing Debian's package when we can),
// then run every test.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (name, cmd, args, opts = {}) => {
  console.log(`\n== ${name}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`npm test: ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
};

step('build', process.execPath, ['tools/build.mjs']);
step('typecheck', process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']);
step('lint and format (Biome: layer boundaries, type-aware rules, formatting)', process.execPath, [join(root, 'node_modules/@biomejs/biome/bin/biome'), 'ci', '--error-on-warnings']);
step('core bundles for the browser (no Node built-ins)', process.execPath, ['tools/check-core.mjs']);
step('rule docs are up to date', process.execPath, ['--import', 'tsx', 'tools/gen-docs.ts', '--check']);

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.log(`\n== installing Chromium for the browser tests (${CHROMIUM} is missing)`);
  const isRoot = process.getuid?.() === 0;
  const apt = (args) => spawnSync(isRoot ? 'apt-get' : 'sudo', isRoot ? args : ['-n', 'apt-get', ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (apt(['update', '-qq']).status !== 0 || apt(['install', '-y', '-qq', 'chromium']).status !== 0 || !existsSync(CHROMIUM)) {
    console.error(`npm test: the browser tests need Chromium at ${CHROMIUM}. Install Debian's package (apt-get install chromium) or set CHROMIUM_PATH, then run npm test again.`);
    process.exit(1);
  }
}

const files = [];
const walk = (dir) => {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (f.endsWith('.test.ts')) files.push(relative(root, p));
  }
};
walk(join(root, 'test'));
step(`tests (${files.length} files)`, process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  env: { ...process.env, CHROMIUM_PATH: CHROMIUM },
});
