// markdown-it as the document model uses it: block structure only, read through line maps.
import MarkdownIt, { type StateBlock } from 'markdown-it';

// Inline parsing is the bulk of markdown-it's time and no rule needs it.
export const md = new MarkdownIt('default', { html: true });
md.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

/**
 * markdown-it's `lheading` and `paragraph` rules in one pass, with no content string. The two
 * scan the same lines with the same terminators (lheading first, for an underline; when it finds
 * none, paragraph scans them all again), and each joins the lines into a string that only inline
 * parsing, which is off, would read: a copy of every paragraph. The tokens and maps are theirs.
 */
function paragraph(state: StateBlock, startLine: number, endLine: number): boolean {
  const terminators = state.md.block.ruler.getRules('paragraph');
  const oldParentType = state.parentType;
  state.parentType = 'paragraph';
  // lheading's own condition; paragraph never meets such a line (the indented-code rule takes it).
  const setext = (state.sCount[startLine] as number) - state.blkIndent < 4;
  let level = 0;
  let marker = 0;
  let nextLine = startLine + 1;
  for (; nextLine < endLine && !state.isEmpty(nextLine); nextLine++) {
    if ((state.sCount[nextLine] as number) - state.blkIndent > 3) continue;
    if (setext && (state.sCount[nextLine] as number) >= state.blkIndent) {
      let pos = (state.bMarks[nextLine] as number) + (state.tShift[nextLine] as number);
      const max = state.eMarks[nextLine] as number;
      if (pos < max) {
        const ch = state.src.charCodeAt(pos);
        // An underline of `=` or `-`, trailing blanks allowed.
        if (ch === 0x3d || ch === 0x2d) {
          pos = state.skipSpaces(state.skipChars(pos, ch));
          if (pos >= max) {
            level = ch === 0x3d ? 1 : 2;
            marker = ch;
            break;
          }
        }
      }
    }
    if ((state.sCount[nextLine] as number) < 0) continue;
    let terminate = false;
    // Indexed, as markdown-it loops: this runs on every line, mostly before the JIT has warmed up.
    for (let i = 0; i < terminators.length; i++) {
      if ((terminators[i] as (typeof terminators)[number])(state, nextLine, endLine, true)) {
        terminate = true;
        break;
      }
    }
    if (terminate) break;
  }
  if (level) {
    state.line = nextLine + 1;
    const markup = String.fromCharCode(marker);
    const open = state.push('heading_open', `h${level}`, 1);
    open.markup = markup;
    open.map = [startLine, state.line];
    state.push('inline', '', 0).map = [startLine, state.line - 1];
    state.push('heading_close', `h${level}`, -1).markup = markup;
  } else {
    state.line = nextLine;
    state.push('paragraph_open', 'p', 1).map = [startLine, state.line];
    state.push('inline', '', 0).map = [startLine, state.line];
    state.push('paragraph_close', 'p', -1);
  }
  state.parentType = oldParentType;
  return true;
}
md.block.ruler.at('paragraph', paragraph);
md.block.ruler.disable('lheading');
