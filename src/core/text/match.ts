import type { Span } from '../model/types.ts';

/** A piece of the document: its span (absolute offsets into `Doc.text`) and its text. */
export interface Match extends Span {
  text: string;
}
