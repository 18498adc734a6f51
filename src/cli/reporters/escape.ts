// Document text and file names are untrusted: printed raw, an ESC sequence can clear the
// screen or recolour a line, a CR can overwrite "3 problems" with "0 problems", and a bidi
// override can reorder what a line appears to say. Reporters for terminals and logs show
// those characters as visible escapes instead.

// C0 controls, DEL, C1 controls, line/paragraph separators, bidi embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase()}`;
  });
}
