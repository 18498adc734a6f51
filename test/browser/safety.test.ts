// Two tabs never silently overwrite each other; hostile text never runs; a page on another
// origin cannot write.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createArtifact, cursorAt, editorText, openHarness, ready, serverText, until, type Harness, shot } from './harness.ts';

const BASE = '---\nkind: escalation\ntitle: Shared brief\n---\n\n# Shared brief\n\n## Decision needed\n\nWho owns v1 compatibility?\n';

const XSS = [
  '---',
  'kind: strategy',
  'title: "<img src=x onerror=alert(1)><script>alert(2)</script>"',
  '---',
  '',
  '# <svg onload=alert(3)>Plan',
  '',
  '<script>window.__pwned = 1; alert(4)</script>',
  '',
  '<img src=x onerror="window.__pwned = 1; alert(5)">',
  '',
  '<svg><g onload="alert(6)"></g></svg>',
  '',
  '<a href="javascript:alert(7)" onclick="alert(8)">html link</a> <iframe src="javascript:alert(9)"></iframe>',
  '',
  '[markdown link](javascript:alert(10)) [data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMSk8L3NjcmlwdD4=) ![image](x"onerror="alert(12))',
  '',
  '## Diagnosis',
  '',
  'Teams wait <b onmouseover=alert(13)>days</b> for deploys.',
  '',
].join('\n');

describe('safety', () => {
  let hx: Harness;
  let a: Page;
  let b: Page;
  before(async () => {
    hx = await openHarness();
  });
  after(() => hx.close());
  // Fresh pages for each test: nothing one test leaves open (a conflict, a draft) reaches the next.
  beforeEach(async () => {
    a = await hx.newPage();
    b = await hx.newPage();
    for (const p of [a, b]) {
      await p.addInitScript(() => {
        const w = window as unknown as { __alerts: number; alert: () => void };
        w.__alerts = 0;
        w.alert = () => void w.__alerts++;
      });
    }
    await a.goto(`${hx.url}/`);
    await ready(a);
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it('two tabs editing one artifact: the second save gets both versions to choose from, nothing is overwritten', async () => {
    const { id } = await createArtifact(a, { text: BASE });
    for (const p of [a, b]) {
      await p.goto(`${hx.url}/artifacts/${id}`);
      await ready(p);
      await p.waitForSelector('#findings li');
    }
    await cursorAt(a, 'end');
    await a.keyboard.type('\nFrom tab A.');
    await until(async () => (await serverText(hx.url, id)).endsWith('From tab A.'), 'tab A to save');

    await cursorAt(b, 'end');
    await b.keyboard.type('\nFrom tab B.');
    await b.waitForSelector('section.conflict');
    // A diff, not two copies: only the differing lines are marked.
    assert.deepEqual(await b.locator('#conflict-diff li.diff-ins').allTextContents(), ['+only in yours: From tab B.']);
    assert.deepEqual(await b.locator('#conflict-diff li.diff-del').allTextContents(), ['−only in the saved version: From tab A.']);
    assert.equal(await serverText(hx.url, id), `${BASE}\nFrom tab A.`, 'B did not overwrite A');
    assert.equal(await b.evaluate(() => document.activeElement?.id), 'conflict-h', 'focus moves to the choice');
    assert.match((await b.locator('#save-status').textContent()) ?? '', /Not saved: choose a version/);
    await shot(b, 'test-conflict-1280');

    // B combines both; the result is saved on top of A's revision.
    await b.locator('#combine').click();
    await until(async () => (await serverText(hx.url, id)).includes('From tab A.') && (await serverText(hx.url, id)).includes('From tab B.'), 'the combined text to save');
    assert.equal(await b.locator('section.conflict').count(), 0);
    const combined = await editorText(b);
    assert.equal(await serverText(hx.url, id), combined);

    // A, still on its old revision, now gets the conflict in turn.
    await cursorAt(a, 'end');
    await a.keyboard.type(' More from A.');
    await a.waitForSelector('section.conflict');
    assert.ok((await a.locator('#conflict-diff li.diff-del').allTextContents()).some((t) => t.includes('From tab B.')));
    await a.locator('#take-theirs').click();
    await a.waitForFunction((t) => window.__staffwork!.view.state.doc.toString() === t, combined);
    assert.equal(await a.locator('section.conflict').count(), 0);
    const revisions = (await (await fetch(`${hx.url}/api/artifacts/${id}/revisions`)).json()) as { revisions: unknown[] };
    // A's own text is kept as a revision before the saved version is taken back.
    assert.equal(revisions.revisions.length, 5, 'skeleton, A, combined, A kept, combined again');
  });

  it('a draft left from an older revision comes back as a choice, not over the newer text', async () => {
    const { id, revision } = await createArtifact(a, { text: BASE });
    // This browser kept unsaved words on revision 1; meanwhile another device saved revision 2.
    await a.evaluate(({ key, text, base }) => localStorage.setItem(key, JSON.stringify({ text, base, at: Date.now() })), { key: `staffwork:draft:${id}`, text: `${BASE}\nUnsaved here.`, base: revision });
    const put = await fetch(`${hx.url}/api/artifacts/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-staffwork': '1' }, body: JSON.stringify({ text: `${BASE}\nSaved elsewhere.`, baseRevision: revision }) });
    assert.equal(put.status, 200);
    await a.goto(`${hx.url}/artifacts/${id}`);
    await ready(a);
    await a.waitForSelector('section.conflict');
    assert.deepEqual(await a.locator('#conflict-diff li.diff-ins').allTextContents(), ['+only in yours: Unsaved here.']);
    assert.deepEqual(await a.locator('#conflict-diff li.diff-del').allTextContents(), ['−only in the saved version: Saved elsewhere.']);
    assert.equal(await serverText(hx.url, id), `${BASE}\nSaved elsewhere.`);
    await a.locator('#keep-mine').click();
    await until(async () => (await serverText(hx.url, id)) === `${BASE}\nUnsaved here.`, 'the kept draft to be saved');
    await a.waitForFunction((k) => localStorage.getItem(k) === null, `staffwork:draft:${id}`);
  });

  it('hostile Markdown never runs, in the list, the editor, the preview or the printable page', async () => {
    const { id } = await createArtifact(a, { text: XSS });
    const pages = [`/`, `/artifacts/${id}`, `/artifacts/${id}/print`, `/print`];
    for (const path of pages) {
      await a.goto(`${hx.url}${path}`);
      if (!path.includes('print')) await ready(a);
      if (path === `/artifacts/${id}`) {
        await a.waitForSelector('#findings li');
        await a.locator('#preview-toggle').click();
        await a.waitForSelector('#preview h2');
        const preview = await a.evaluate(() => {
          const root = document.getElementById('preview')!;
          const all = [...root.querySelectorAll('*')];
          return {
            html: root.innerHTML,
            dangerous: all.filter((el) => ['SCRIPT', 'IFRAME', 'SVG', 'OBJECT', 'EMBED'].includes(el.tagName.toUpperCase())).length,
            handlers: all.flatMap((el) => [...el.attributes].filter((x) => /^on/i.test(x.name)).map((x) => x.name)),
            badUrls: all.flatMap((el) => ['href', 'src'].map((n) => el.getAttribute(n) ?? '').filter((v) => /^\s*(javascript|data|vbscript):/i.test(v))),
          };
        });
        assert.equal(preview.dangerous, 0, preview.html);
        assert.deepEqual(preview.handlers, []);
        assert.deepEqual(preview.badUrls, []);
        assert.match(preview.html, /&lt;script&gt;window.__pwned = 1; alert\(4\)&lt;\/script&gt;/);
        await a.locator('#preview b, #preview p').first().hover();
      }
      const ran = await a.evaluate(() => ({ alerts: (window as unknown as { __alerts: number }).__alerts, pwned: 'pwned' in window || '__pwned' in window }));
      assert.deepEqual(ran, { alerts: 0, pwned: false }, `script ran on ${path}`);
    }
    // The home list shows the hostile title as text.
    await a.goto(`${hx.url}/`);
    await ready(a);
    // The H1 is the name (issue 11.2), shown as text.
    assert.equal(await a.locator(`.artifact-table a[href="/artifacts/${id}"]`).textContent(), '<svg onload=alert(3)>Plan');
  });

  it('a page on another origin cannot create or change artifacts', async () => {
    const { id } = await createArtifact(a, { text: BASE });
    const count = async () => ((await (await fetch(`${hx.url}/api/portfolio`)).json()) as { artifacts: unknown[] }).artifacts.length;
    const before = await count();
    // localhost and 127.0.0.1 are different origins for the browser; both reach this server.
    await b.goto(`${hx.url.replace('127.0.0.1', 'localhost')}/cases/1`);
    await ready(b);
    // (No named inner functions in evaluate: the test transpiler would wrap them in a helper the page lacks.)
    const attempt = (init: { method: string; headers: Record<string, string>; body: string }, path: string) =>
      b.evaluate(
        ({ url, init }) =>
          fetch(url, { ...init, mode: 'cors' }).then(
            (res) => `status ${res.status}`,
            () => 'blocked',
          ),
        { url: `${hx.url}${path}`, init },
      );
    // With the custom header the browser must ask first (a CORS preflight); the server never grants it.
    const withHeader = await attempt({ method: 'PUT', headers: { 'content-type': 'application/json', 'x-staffwork': '1' }, body: JSON.stringify({ text: 'forged', baseRevision: 1 }) }, `/api/artifacts/${id}`);
    assert.equal(withHeader, 'blocked');
    // A form-style post needs no preflight: it reaches the server, which refuses it (the page cannot read why).
    const formPost = await attempt({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'kind=strategy' }, '/api/artifacts');
    assert.equal(formPost, 'blocked');
    const plain = await attempt({ method: 'PUT', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ text: 'forged', baseRevision: 1 }) }, `/api/artifacts/${id}`);
    assert.equal(plain, 'blocked');
    assert.equal(await serverText(hx.url, id), BASE, 'nothing changed');
    assert.equal(await count(), before, 'no artifact was created by the foreign page');
  });
});
