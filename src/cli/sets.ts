// The set rules of `check`: the audience variants of one `set:` compared with each other once
// every file is checked, in a core Project whose members are the files of a set in one folder.
// Variants that were not asked for but sit in the same folder as one that was are read too, so
// `check peer.md` (or `check - --stdin-filename peer.md`) still compares it with exec.md beside
// it; their own findings are not reported.
import { builtinRules, Project } from '../core/index.ts';
import { readTextSync } from '../node/read-text.ts';
import { memo, type CheckSetup, type Outcome } from './check-file.ts';
import { siblingPaths } from './files.ts';
import { displayPath } from './paths.ts';

/** The CLI's project: files keyed by absolute path, a set's members are the files of one folder. */
export function setProject(setup: CheckSetup): Project {
  return new Project({ module: setup.module, rules: builtinRules, config: setup.config, membership: 'sameFolder', memo });
}

/** A file read only to be compared with (not asked for), named as `check` would name it. */
export function addSibling(project: Project, path: string, text: string): void {
  project.upsert(path, text, { filePath: displayPath(path) });
}

/** Runs the set rules over the set members of `checked` and their siblings; their outcomes get their final findings. */
export function completeSets(checked: readonly { path: string; display: string; outcome: Outcome }[], setup: CheckSetup): void {
  const withSet = checked.filter((c) => c.outcome.ok && c.outcome.member);
  if (!withSet.length) return;
  const project = setProject(setup);
  for (const { path, display, outcome } of withSet) project.upsert(path, (outcome as { member: { text: string } }).member.text, { filePath: display });
  const asked = new Set(checked.map((c) => c.path));
  for (const path of siblingPaths(
    withSet.map((c) => c.path),
    asked,
  )) {
    const read = readTextSync(path, setup.maxFileSize);
    if (read.ok) addSibling(project, path, read.text);
  }
  for (const { path, outcome } of withSet) {
    if (!outcome.ok) continue;
    outcome.diagnostics = project.result(path)?.diagnostics ?? outcome.diagnostics;
    delete outcome.member;
  }
}
