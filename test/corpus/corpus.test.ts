// Every file of the real-world corpus (../shared/corpus: RFCs, KEPs, ADRs, postmortems) through
// the core, with the outcome per file (kind, finding counts per rule) compared with the committed
// snapshot, so a change of behaviour on real text shows up in review as a diff.
// Regenerate after an intended change: `npm run snapshot`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { builtinRules, defaultModule, Project, type FileResult } from '../../src/core/index.ts';

const corpus = join(import.meta.dirname, '../../../shared/corpus');
const snapshotFile = join(import.meta.dirname, 'snapshot.json');
const update = process.env['UPDATE_SNAPSHOT'] === '1';

interface Outcome {
  kind: string;
  findings: Record<string, number>;
}

function outcome(r: FileResult): Outcome {
  const findings: Record<string, number> = {};
  for (const d of [...r.diagnostics].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))) findings[d.ruleId] = (findings[d.ruleId] ?? 0) + 1;
  return { kind: r.kind ? `${r.kind.id} (${r.kindSource})` : 'unknown', findings };
}

/** One file per line, sorted, so a review diff shows exactly which files changed. */
function serialise(outcomes: Map<string, Outcome>): string {
  const lines = [...outcomes].map(([file, o]) => `  ${JSON.stringify(file)}: ${JSON.stringify(o)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

describe('corpus snapshot', { skip: existsSync(corpus) ? false : `no corpus at ${corpus}; the snapshot test needs ../shared/corpus beside the repo` }, () => {
  const files = (readdirSync(corpus, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.split('\\').join('/'))
    .sort();
  const options = { module: defaultModule, rules: builtinRules };
  const project = new Project({ ...options, membership: 'sameFolder' });
  for (const f of files) project.upsert(f, readFileSync(join(corpus, f), 'utf8'));
  const results = project.results();
  const outcomes = new Map(results.map((r) => [r.filePath, outcome(r)]));

  it('no rule fails on a corpus file', () => {
    const failures = results.flatMap((r) => r.diagnostics.filter((d) => d.messageId === 'internalError').map((d) => `${r.filePath}: ${d.message}`));
    assert.deepEqual(failures, []);
  });

  it(update ? `writes ${relative(process.cwd(), snapshotFile)}` : `${files.length} files match the snapshot`, () => {
    const actual = serialise(outcomes);
    if (update) {
      writeFileSync(snapshotFile, actual);
      return;
    }
    assert.ok(existsSync(snapshotFile), 'no snapshot yet: run `npm run snapshot`');
    const expected = JSON.parse(readFileSync(snapshotFile, 'utf8')) as Record<string, Outcome>;
    const changed: string[] = [];
    for (const file of new Set([...Object.keys(expected), ...outcomes.keys()])) {
      const was = expected[file];
      const now = outcomes.get(file);
      if (JSON.stringify(was) !== JSON.stringify(now)) changed.push(`${file}\n    was ${JSON.stringify(was) ?? '(absent)'}\n    now ${JSON.stringify(now) ?? '(absent)'}`);
    }
    assert.equal(
      changed.length,
      0,
      `${changed.length} corpus files changed outcome (if intended, run \`npm run snapshot\` and review the diff):\n  ${changed.slice(0, 15).join('\n  ')}${changed.length > 15 ? `\n  ... and ${changed.length - 15} more` : ''}`,
    );
  });
});
