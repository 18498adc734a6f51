// The printable page: Markdown rendered on the server by markdown-it with raw HTML disabled
// (so `<script>`, `<img onerror>` and SVG payloads stay text) and its link validator (which
// refuses `javascript:`, `vbscript:`, `file:` and non-image `data:` URLs). The page has no
// script at all, and the CSP forbids any.
import MarkdownIt from 'markdown-it';
import { parse, readableBody } from '../core/index.ts';

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
  /** Too long to render as Markdown within bounds: printed as preformatted text. */
  plain?: boolean;
}

/** The tab icon, inline (CSP allows data: images) so no request 404s: a check mark on a page. */
export const ICON_LINK =
  '<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 32 32%22%3E%3Crect x=%224%22 y=%222%22 width=%2224%22 height=%2228%22 rx=%224%22 fill=%22%23264a73%22/%3E%3Cpath d=%22M10 17l4 4 8-9%22 stroke=%22white%22 stroke-width=%223%22 fill=%22none%22/%3E%3C/svg%3E">';

/** `heading` is shown for a portfolio; a single artifact carries its own title. */
export function printPage(heading: string, items: PrintItem[], showHeading: boolean): string {
  const body = items
    .map((it) => {
      const date = it.updatedAt.slice(0, 16).replace('T', ' ');
      const audience = audienceLabel(it.text);
      return `<article class="artifact">
<p class="meta">${escapeHtml(it.kind ?? 'unknown kind')}${audience ? ` · for ${escapeHtml(audience)}` : ''} · saved <time datetime="${escapeHtml(it.updatedAt)}">${escapeHtml(date)} UTC</time> · ${escapeHtml(it.findings)}</p>
${it.plain ? `<p class="meta">Printed as plain text: this artifact is too long to lay out.</p>\n<pre>${escapeHtml(it.text)}</pre>` : md.render(readableBody(it.text))}
</article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)} · staffwork</title>
${ICON_LINK}
<link rel="stylesheet" href="/assets/print.css">
<script type="module" src="/assets/print-page.js"></script>
</head>
<body>
<main id="main">
<p class="print-actions"><button type="button" id="print-button" hidden>Print</button> <a href="/">Back to the workbench</a></p>
${showHeading ? `<h1 class="print-title">${escapeHtml(heading)}</h1>` : ''}
${body || '<p>No artifacts yet.</p>'}
</main>
</body>
</html>
`;
}

const AUDIENCES: Record<string, string> = { executive: 'executives', peer: 'peer engineers', junior: 'junior engineers' };

/** Who a summary variant is written for, from its `audience:` (only artifacts in a `set:` or with an audience say). */
function audienceLabel(text: string): string | undefined {
  const data = parse(text).frontMatter?.data;
  const audience = data?.['audience'];
  if (typeof audience !== 'string' || !audience.trim()) return undefined;
  const id = audience.trim().toLowerCase();
  return AUDIENCES[id] ?? id;
}
