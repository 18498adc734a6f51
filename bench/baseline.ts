// Baselines for bench/run.ts, each in its own process like the tools: read the bytes of every
// file, or additionally parse them with markdown-it as staffwork configures it (block rules
// only, src/core/model/markdown.ts) or with markdown-it's defaults (inline parsing included).
import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { md as staffworkParser } from '../src/core/model/markdown.ts';
import { globSync } from 'tinyglobby';

const [mode, dir] = process.argv.slice(2);
if (!dir || !['read', 'markdown-it-staffwork', 'markdown-it-default'].includes(mode ?? '')) {
  console.error('usage: baseline.ts read|markdown-it-staffwork|markdown-it-default <dir>');
  process.exit(2);
}
const parser = mode === 'markdown-it-default' ? new MarkdownIt() : staffworkParser;
let tokens = 0;
// The same file list as bench/lib.ts's markdownFiles (not imported: this file is bundled alone).
for (const file of globSync('**/*.md', { cwd: dir, absolute: true }).sort()) {
  const text = readFileSync(file, 'utf8');
  if (mode !== 'read') tokens += parser.parse(text, {}).length;
  else tokens += text.length;
}
if (tokens < 0) console.log(tokens); // keep the work from being optimised away
