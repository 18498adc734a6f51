// The printable page: Markdown rendered on the server by markdown-it with raw HTML disabled
// (so `<script>`, `<img onerror>` and SVG payloads stay text) and its link validator (which
// refuses `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs). The page has no
// script at all, and the CSP forbids any.
import MarkdownIt from 'markdown-it';
import { parse } from '../core/index.ts';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

export interface PrintItem {
  title: string;
  kind: string | null;
  updatedAt: string;
  text: string;
  findings: string;
}

/** `heading` is shown for a portfolio; a single artifact carries its own title. */
export function printPage(heading: string, items: PrintItem[], showHeading: boolean): string {
  const body = items
    .map((it) => {
      const doc = parse(it.text);
      const markdown = doc.frontMatter ? it.text.slice(doc.frontMatter.span.end) : it.text;
      const date = it.updatedAt.slice(0, 16).replace('T', ' ');
      return `<article class="artifact">
<p class="meta">${escapeHtml(it.kind ?? 'unknown kind')} · saved ${escapeHtml(date)} UTC · ${escapeHtml(it.findings)}</p>
${md.render(markdown)}
</article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)} · staffwork</title>
<link rel="stylesheet" href="/assets/print.css">
</head>
<body>
<main id="main">
${showHeading ? `<h1 class="print-title">${escapeHtml(heading)}</h1>` : ''}
${body || '<p>No artifacts yet.</p>'}
</main>
</body>
</html>
`;
}
