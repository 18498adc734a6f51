// How Markdown looks in the editor: calm headings (no underlines), quiet comments, and the
// YAML front matter shown as one metadata block rather than a setext heading.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { markdown } from '@codemirror/lang-markdown';
import { styleTags, tags as t } from '@lezer/highlight';
import type { MarkdownConfig } from '@lezer/markdown';

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

const frontMatter: MarkdownConfig = {
  defineNodes: [{ name: 'FrontMatter', block: true }],
  props: [styleTags({ FrontMatter: t.meta })],
  parseBlock: [
    {
      name: 'FrontMatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0 || !/^---[ \t]*$/.test(line.text)) return false;
        // Only a closed block is front matter (as in the core's parser); a lone `---` is a rule.
        // Looking ahead needs the parse input, which lezer keeps on the context but does not
        // type; without it the block is simply not styled.
        const input = (cx as unknown as { input?: { length: number; read(from: number, to: number): string } }).input;
        const m = input && FRONT_MATTER.exec(input.read(0, Math.min(input.length, 200_000)));
        if (!m) return false;
        const end = m[0].replace(/\r?\n$/, '').length;
        while (cx.lineStart + line.text.length < end && cx.nextLine());
        cx.nextLine();
        cx.addElement(cx.elt('FrontMatter', 0, Math.min(end, cx.prevLineEnd())));
        return true;
      },
    },
  ],
};

const style = HighlightStyle.define([
  { tag: t.heading1, fontWeight: '700', fontSize: '1.15em', color: '#1f2328' },
  { tag: [t.heading2, t.heading3, t.heading4, t.heading5, t.heading6], fontWeight: '650', color: '#164a6d' },
  { tag: t.processingInstruction, color: '#8c959f' },
  { tag: t.meta, color: '#59636e' },
  { tag: [t.comment, t.blockComment], color: '#6e7781', fontStyle: 'italic' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strong, fontWeight: '650' },
  { tag: [t.link, t.url], color: '#1f5f8b' },
  { tag: t.monospace, color: '#953800' },
  { tag: t.list, color: '#1f5f8b' },
  { tag: t.quote, color: '#59636e' },
]);

export const markdownSupport = [markdown({ extensions: [frontMatter] }), syntaxHighlighting(style)];
