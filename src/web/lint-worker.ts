// Checks the editor's text off the page's main thread, so typing never waits for the rules.
// The other members of the open artifact's set arrive separately and are kept parsed here, so
// a keystroke sends, and re-parses, only the open text.
import { checkDraft, prepareMembers, type MemberText, type PreparedMembers } from './draft-check.ts';

export type LintRequest = { type: 'check'; seq: number; text: string; filePath: string } | { type: 'members'; members: MemberText[] };

let members: PreparedMembers | undefined;

self.onmessage = (e: MessageEvent<LintRequest>) => {
  const req = e.data;
  if (req.type === 'members') {
    members = prepareMembers(req.members, members);
    return;
  }
  const t0 = performance.now();
  const analysis = checkDraft(req.text, req.filePath, members);
  self.postMessage({ seq: req.seq, analysis, pass: performance.now() - t0 });
};
