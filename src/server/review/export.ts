// A reviewed artifact with its threads: Markdown (the text, then the comments as a review
// appendix, threads on deleted text listed apart) and JSON (W3C Web Annotations with selectors).
// Everything people typed (comments, names, quotes, the cohort's name) goes into the Markdown
// escaped and on one line: a comment cannot forge a heading, an entry or raw HTML.
import type { ThreadView } from '../../core/review/api-types.ts';
import { toW3C } from '../../core/review/anchor.ts';

export interface ReviewExport {
  artifact: { id: string; title: string };
  /** The submitted revision. */
  revision: { id: number; text: string };
  request: { id: number; cohort: { id: string; name: string }; learner: string; reviewer: string | null; submittedRevision: number; turn: string };
  threads: ThreadView[];
  /** The texts of the revisions the threads point into, by id (for the W3C positions). */
  texts: Map<number, string>;
}

const STATE: Record<string, string> = { open: 'open', addressed: 'addressed by the writer', 'wont-change': "won't change", resolved: 'resolved' };
const ACTION: Record<string, string> = {
  comment: '',
  addressed: 'marked it addressed',
  'wont-change': "won't change",
  resolved: 'resolved it',
  reopened: 'reopened it',
};

/** One line of inline Markdown that renders as exactly these characters: every line break (CR, LF, NEL, U+2028/9) a space, all ASCII punctuation backslash-escaped. */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n\u0085\u2028\u2029\v\f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

export function reviewMarkdown(e: ReviewExport): string {
  const onText = e.threads.filter((t) => t.current.status !== 'orphaned');
  const orphaned = e.threads.filter((t) => t.current.status === 'orphaned');
  const out: string[] = [e.revision.text.replace(/\s*$/, ''), '', '---', '', '## Review', ''];
  out.push(`Review of revision ${e.request.submittedRevision} in ${mdText(e.request.cohort.name)}; writer ${mdText(e.request.learner)}${e.request.reviewer ? `, reviewer ${mdText(e.request.reviewer)}` : ''}. ${mdText(e.request.turn)}.`, '');
  if (e.threads.length === 0) out.push('No comments.', '');
  const thread = (t: ThreadView, n: number) => {
    const a = t.origin.anchor;
    const where = a.quote.exact ? `“${mdText(a.quote.exact.slice(0, 120))}”` : `the section “${mdText(a.section)}”`;
    const tags = [
      STATE[t.state] ?? t.state,
      t.current.status !== 'kept' ? `text ${t.current.status}` : '',
      t.ruleId ? `rule ${t.ruleId}` : '',
      t.ruleState ? t.ruleState.replace('-', ' ') : '',
      t.criterion ? `criterion ${t.criterion}` : '',
    ].filter(Boolean);
    out.push(`### ${n}. On ${where}${a.section && a.quote.exact ? ` (${mdText(a.section)})` : ''}`, '', `*${mdText(tags.join(' · '))}*`, '');
    if (t.current.now !== null) out.push('Was:', '', `> ${mdText(a.quote.exact)}`, '', 'Now:', '', `> ${mdText(t.current.now) || '(empty)'}`, '');
    for (const c of t.comments) {
      const action = ACTION[c.kind] ?? c.kind;
      out.push(`- **${mdText(c.author.username)}**${action ? ` ${action}` : ''} (${c.createdAt.slice(0, 16).replace('T', ' ')} UTC, revision ${c.revisionId ?? '?'})${c.body ? `: ${mdText(c.body)}` : ''}`);
    }
    out.push('');
  };
  for (const [i, t] of onText.entries()) thread(t, i + 1);
  if (orphaned.length) {
    out.push('### On deleted text', '', 'These threads pointed at text that is no longer in the artifact.', '');
    for (const [i, t] of orphaned.entries()) thread(t, onText.length + i + 1);
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** The terms staffwork adds to the Web Annotation context. */
const CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { staffwork: 'urn:staffwork:terms#' }];
const PURPOSE: Record<string, string> = {
  comment: 'replying',
  addressed: 'assessing',
  'wont-change': 'assessing',
  resolved: 'assessing',
  reopened: 'assessing',
};

/** W3C Web Annotation Data Model, one annotation per thread, its comments as bodies. */
export function reviewJson(e: ReviewExport) {
  const source = (rev: number) => `urn:staffwork:artifact:${e.artifact.id}@${rev}`;
  const target = (rev: number, anchor: ThreadView['origin']['anchor']) => {
    const text = e.texts.get(rev);
    return { source: source(rev), ...(text !== undefined ? { selector: toW3C(anchor, text) } : {}) };
  };
  return {
    artifact: e.artifact,
    revision: e.revision,
    request: e.request,
    annotations: e.threads.map((t) => ({
      '@context': CONTEXT,
      id: `urn:staffwork:thread:${t.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: t.createdAt,
      modified: t.updatedAt,
      creator: { type: 'Person', name: t.author.username },
      body: t.comments.map((c, i) => ({
        type: 'TextualBody',
        value: c.body,
        format: 'text/plain',
        purpose: i === 0 && c.kind === 'comment' ? 'commenting' : (PURPOSE[c.kind] ?? 'replying'),
        creator: { type: 'Person', name: c.author.username },
        created: c.createdAt,
        'staffwork:kind': c.kind,
      })),
      // Where it was made, and (unless its text is gone) where it points in the submitted revision.
      target: [target(t.origin.revisionId, t.origin.anchor), ...(t.current.status !== 'orphaned' ? [{ ...target(t.current.revisionId, t.current.anchor), 'staffwork:status': t.current.status }] : [])],
      'staffwork:state': t.state,
      'staffwork:ruleId': t.ruleId,
      'staffwork:ruleState': t.ruleState,
      'staffwork:criterion': t.criterion,
    })),
  };
}
