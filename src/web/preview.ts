// The rendered preview of an artifact: markdown-it with raw HTML off (HTML in the text stays
// text) and its link validator, then DOMPurify as a second line of defence before the result
// touches the DOM.
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { readableBody } from '../core/page.ts';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderPreview(target: HTMLElement, text: string): void {
  const clean = DOMPurify.sanitize(md.render(readableBody(text)), { USE_PROFILES: { html: true }, RETURN_DOM_FRAGMENT: true });
  for (const a of clean.querySelectorAll('a')) a.setAttribute('rel', 'noopener noreferrer');
  target.replaceChildren(clean);
}
