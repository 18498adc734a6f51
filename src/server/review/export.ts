// A reviewed artifact with its threads: Markdown (the text, then the comments as a review
// appendix, threads on deleted text listed apart) and JSON (W3C Web Annotations with selectors).
import type { ThreadView } from './service.ts';

export interface ReviewExport {
  artifact: { id: string; title: string };
  revision: { id: number; text: string };
  request: { id: number; cohort: { id: string; name: string }; learner: string; reviewer: string | null; submittedRevision: number; turn: string };
  threads: ThreadView[];
}

const STATE: Record<string, string> = { open: 'open', addressed: 'addressed by the writer', 'wont-change': "won't change", resolved: 'resolved' };
const ACTION: Record<string, string> = { comment: '', addressed: 'marked it addressed', 'wont-change': "won't change", resolved: 'resolved it', reopened: 'reopened it' };

const quote = (s: string) => s.replace(/\s+/g, ' ').trim();
const blockquote = (s: string) =>
  s
    .split('\n')
    .map((l) => `> ${l}`.trimEnd())
    .join('\n');

export function reviewMarkdown(e: ReviewExport): string {
  const onText = e.threads.filter((t) => t.current.status !== 'orphaned');
  const orphaned = e.threads.filter((t) => t.current.status === 'orphaned');
  const out: string[] = [e.revision.text.replace(/\s*$/, ''), '', '---', '', '## Review', ''];
  out.push(`Review of revision ${e.request.submittedRevision} (exported at revision ${e.revision.id}) in ${e.request.cohort.name}; writer ${e.request.learner}${e.request.reviewer ? `, reviewer ${e.request.reviewer}` : ''}. ${e.request.turn}.`, '');
  if (e.threads.length === 0) out.push('No comments.', '');
  const thread = (t: ThreadView, n: number) => {
    const where = t.origin.anchor.quote.exact ? `“${quote(t.origin.anchor.quote.exact).slice(0, 120)}”` : `the section “${t.origin.anchor.section}”`;
    const tags = [STATE[t.state] ?? t.state, t.current.status !== 'kept' ? `text ${t.current.status}` : '', t.ruleId ? `rule ${t.ruleId}` : '', t.ruleState ? t.ruleState.replace('-', ' ') : '', t.criterion ? `criterion ${t.criterion}` : ''].filter(Boolean);
    out.push(`### ${n}. On ${where}${t.origin.anchor.section && t.origin.anchor.quote.exact ? ` (${t.origin.anchor.section})` : ''}`, '', `*${tags.join(' · ')}*`, '');
    if (t.current.now !== null) out.push('Was:', '', blockquote(quote(t.origin.anchor.quote.exact)), '', 'Now:', '', blockquote(quote(t.current.now) || '(empty)'), '');
    for (const c of t.comments) {
      const action = ACTION[c.kind] ?? c.kind;
      out.push(`- **${c.author.username}**${action ? ` ${action}` : ''} (${c.createdAt.slice(0, 16).replace('T', ' ')} UTC, revision ${c.revisionId ?? '?'})${c.body ? `: ${c.body.replace(/\n+/g, ' ')}` : ''}`);
    }
    if (t.commentCount > t.comments.length) out.push(`- … ${t.commentCount - t.comments.length} more in the workbench`);
    out.push('');
  };
  onText.forEach((t, i) => thread(t, i + 1));
  if (orphaned.length) {
    out.push('### On deleted text', '', 'These threads pointed at text that is no longer in the artifact.', '');
    orphaned.forEach((t, i) => thread(t, onText.length + i + 1));
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** W3C Web Annotation Data Model, one annotation per thread, its replies as bodies. */
export function reviewJson(e: ReviewExport) {
  const source = (rev: number) => `urn:staffwork:artifact:${e.artifact.id}@${rev}`;
  return {
    artifact: e.artifact,
    revision: e.revision,
    request: e.request,
    annotations: e.threads.map((t) => ({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:staffwork:thread:${t.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: t.createdAt,
      modified: t.updatedAt,
      creator: { type: 'Person', name: t.author.username },
      body: t.comments.map((c) => ({ type: 'TextualBody', value: c.body, format: 'text/plain', purpose: c.kind === 'comment' ? 'commenting' : 'editing', creator: { type: 'Person', name: c.author.username }, created: c.createdAt, 'staffwork:kind': c.kind })),
      target: [
        { source: source(t.origin.revisionId), selector: t.origin.selector },
        { source: source(t.current.revisionId), selector: t.current.selector, 'staffwork:status': t.current.status },
      ],
      'staffwork:state': t.state,
      'staffwork:ruleId': t.ruleId,
      'staffwork:ruleState': t.ruleState,
      'staffwork:criterion': t.criterion,
    })),
  };
}
