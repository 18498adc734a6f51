// The set rules of `check`: the audience variants of one `set:` compared with each other once
// every file is checked. Variants that were not asked for but sit in the same folder as one
// that was are read too, so `check peer.md` (or `check - --stdin-filename peer.md`) still
// compares it with exec.md beside it, as the language server does; their own findings are not
// reported.
import { builtinRules, checkSets, checkText, type FileResult } from '../core/index.ts';
import { readTextSync } from '../node/read-text.ts';
import { checkOptions, type CheckSetup, type Outcome } from './check-file.ts';
import { siblingPaths } from './files.ts';
import { displayPath } from './paths.ts';

/** A file read only to be compared with: checked alone, as `check` would check it. */
export function checkSiblingText(text: string, path: string, setup: CheckSetup): FileResult {
  return checkText(text, checkOptions(setup, displayPath(path)));
}

function checkSibling(path: string, setup: CheckSetup): FileResult | undefined {
  const read = readTextSync(path, setup.maxFileSize);
  return read.ok ? checkSiblingText(read.text, path, setup) : undefined;
}

/** Runs the set rules over the `member` results of `checked` (in order) and their siblings; outcomes get their final findings. */
export function completeSets(checked: readonly { path: string; outcome: Outcome }[], setup: CheckSetup): void {
  const withSet = checked.filter((c) => c.outcome.ok && c.outcome.member);
  if (!withSet.length) return;
  const members = withSet.map((c) => (c.outcome as { member: FileResult }).member);
  const sets = new Set(members.map((m) => m.set));
  const asked = new Set(checked.map((c) => c.path));
  const siblings = siblingPaths(withSet.map((c) => c.path), asked).flatMap((path) => {
    const result = checkSibling(path, setup);
    return result?.set && sets.has(result.set) ? [result] : [];
  });
  runSetRules([...members, ...siblings], setup);
  for (const { outcome } of withSet) {
    if (!outcome.ok || !outcome.member) continue;
    outcome.diagnostics = outcome.member.diagnostics;
    delete outcome.member;
  }
}

export function runSetRules(results: FileResult[], setup: CheckSetup): void {
  if (results.length > 1) checkSets(results, { module: setup.module, rules: builtinRules, config: setup.config });
}
