#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm install` (prepare) or `npm run build`.
import { existsSync } from 'node:fs';
const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('staffwork: not built yet; run `npm install` (or `npm run build`) in the staffwork folder.');
  process.exit(2);
}
await import(entry.href);
