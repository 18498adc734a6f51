// JUnit XML for CI test dashboards: one <testsuite> per file, one <testcase> per finding
// (errors and warnings fail; info findings pass with the note in <system-out>) and one
// passing testcase for a clean file, so every checked file shows up.
import { escapeControls } from './escape.ts';
import type { Reporter } from './types.ts';

// XML 1.0 cannot carry most control characters even escaped, and dashboards show the rest as
// text: control characters and bidi overrides become visible escapes; lone surrogates are dropped.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xml = (s: string) =>
  escapeControls(s)
    .replace(INVALID_XML, '')
    .replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

export const junit: Reporter = (files) => {
  const suites = files.map((f) => {
    const failures = f.errorCount + f.warningCount;
    const cases = f.diagnostics.map((d) => {
      const at = `${d.loc.start.line}:${d.loc.start.column}`;
      const name = xml(`${d.ruleId} (${at})`);
      const body = `${at} ${d.severity}: ${d.message}`;
      const result = d.severity === 'info' ? `<system-out>${xml(body)}</system-out>` : `<failure type="${d.severity}" message="${xml(d.message)}">${xml(body)}</failure>`;
      return `    <testcase classname="${xml(f.display)}" name="${name}" time="0">${result}</testcase>`;
    });
    if (!cases.length) cases.push(`    <testcase classname="${xml(f.display)}" name="staffwork" time="0"/>`);
    return `  <testsuite name="${xml(f.display)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const tests = files.reduce((n, f) => n + Math.max(1, f.diagnostics.length), 0);
  const failures = files.reduce((n, f) => n + f.errorCount + f.warningCount, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="staffwork" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
};
