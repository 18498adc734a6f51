import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultModule, parse, readableBody, skeleton, titleOf } from '../../src/core/index.ts';

describe('readableBody', () => {
  it('drops the front matter and the hint comments of a skeleton, and keeps the rest', () => {
    const body = readableBody(skeleton(defaultModule, 'strategy', { title: 'Plan' }));
    assert.doesNotMatch(body, /<!--|kind:/);
    assert.match(body, /^# Plan$/m);
    assert.match(body, /^## Guiding policy$/m);
  });
  it('keeps comments inside code blocks and inline ones inside a paragraph', () => {
    const text = '---\nkind: adr\n---\n<!-- hint -->\n\nText <!-- inline --> here.\n\n```\n<!-- code -->\n```\n';
    assert.equal(readableBody(text), '\n\n\nText <!-- inline --> here.\n\n```\n<!-- code -->\n```\n');
  });
  it('handles a BOM and no front matter', () => {
    assert.equal(readableBody('\uFEFF# T\n\n<!-- x -->\n\nBody\n'), '# T\n\n\n\nBody\n');
  });
});

describe('titleOf', () => {
  it('prefers the first # heading (renaming is editing it), then front matter, else nothing', () => {
    assert.equal(titleOf(parse('---\ntitle: "  Plan  "\n---\n# Renamed plan\n')), 'Renamed plan');
    assert.equal(titleOf(parse('---\ntitle: "  Plan  "\n---\n\nDiagnosis:\nx\n')), 'Plan');
    assert.equal(titleOf(parse('---\ntitle: 3\n---\n## Sub\n\n# Heading\n')), 'Heading');
    assert.equal(titleOf(parse('Diagnosis:\nx\n')), undefined);
  });
});
