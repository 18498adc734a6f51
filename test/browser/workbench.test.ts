// Issue 11 (Workbench, items 1-7) in a real Chromium: the conflict panel loses nothing, the H1
// is the name, a new artifact starts in its first section, visiting /artifacts/new creates
// nothing, the "Fixed" note is honest and still, and the smaller traps. A fresh page per test.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axe, createArtifact, cursorAt, editorText, openArtifact, openHarness, ready, serverText, shot, until, type Harness } from './harness.ts';

const STRATEGY =
  '---\nkind: strategy\ntitle: Platform plan\n---\n\n# Platform plan\n\n## Diagnosis\n\nDeploys take 4 days.\n\n## Guiding policy\n\nWe choose paved roads over bespoke pipelines.\n\n## Coherent actions\n\n- Build the paved road by May.\n';

describe('workbench (issue 11)', () => {
  let hx: Harness;
  let page: Page;
  before(async () => {
    hx = await openHarness();
  });
  after(() => hx.close());
  beforeEach(async () => {
    page = await hx.newPage();
    await page.goto(`${hx.url}/`);
    await ready(page);
  });
  afterEach(() => page.close());

  const artifacts = async () => ((await (await fetch(`${hx.url}/api/portfolio`)).json()) as { artifacts: { id: string; title: string }[] }).artifacts;
  const revisionTexts = async (id: string) => {
    const { revisions } = (await (await fetch(`${hx.url}/api/artifacts/${id}/revisions`)).json()) as { revisions: { id: number }[] };
    return Promise.all(revisions.map(async (r) => ((await (await fetch(`${hx.url}/api/artifacts/${id}/revisions/${r.id}`)).json()) as { revision: { text: string } }).revision.text));
  };

  /** Tab B open on `id`, tab A saves `fromA`, B types and gets the conflict panel. */
  async function conflict(id: string, fromA: string, typedInB: string): Promise<Page> {
    const b = await hx.newPage();
    await openArtifact(b, hx.url, id);
    await openArtifact(page, hx.url, id);
    await cursorAt(page, 'end');
    await page.keyboard.type(fromA);
    await until(async () => (await serverText(hx.url, id)).includes(fromA.trim()), 'tab A to save');
    await cursorAt(b, 'end');
    await b.keyboard.type(typedInB);
    await b.waitForSelector('section.conflict');
    return b;
  }

  it('1. text typed while the conflict panel is open survives "Keep mine"', async () => {
    const { id } = await createArtifact(page, { text: STRATEGY });
    const b = await conflict(id, '- From tab A.\n', '- From tab B.\n');
    await cursorAt(b, 'end');
    // The editor continues the list: the typed line is an item.
    await b.keyboard.type('Typed while the panel was open.');
    await b.locator('#keep-mine').click();
    await until(async () => (await serverText(hx.url, id)).includes('Typed while the panel was open.'), 'the typed words to be saved');
    assert.match(await serverText(hx.url, id), /From tab B\.\n- Typed while the panel was open\./);
    await b.close();
  });

  it('1. "Use the saved version" keeps the typed text in the history', async () => {
    const { id } = await createArtifact(page, { text: STRATEGY });
    const b = await conflict(id, '- From tab A.\n', '- From tab B.\n');
    await cursorAt(b, 'end');
    await b.keyboard.type('Typed while open.');
    await b.locator('#take-theirs').click();
    await b.waitForFunction(() => !window.__staffwork!.view.state.doc.toString().includes('From tab B.'));
    // The learner's text is saved first, then the chosen version on top of it: wait for the second save.
    const chosen = await editorText(b);
    await until(async () => (await serverText(hx.url, id)) === chosen, 'the chosen version to be saved');
    assert.ok(
      (await revisionTexts(id)).some((t) => t.includes('From tab B.\n- Typed while open.')),
      'the learner’s text is a revision',
    );
    await b.close();
  });

  it('1. "Combine both" gives one document: one front matter, each section once, real conflicts marked, typed text kept', async () => {
    const { id } = await createArtifact(page, { text: STRATEGY });
    const b = await hx.newPage();
    await openArtifact(b, hx.url, id);
    await openArtifact(page, hx.url, id);
    // A changes the diagnosis, B the policy (and the actions): only the actions conflict.
    await page.evaluate(() => {
      const v = window.__staffwork!.view;
      const t = v.state.doc.toString();
      const at = t.indexOf('Deploys take 4 days.');
      v.dispatch({ changes: { from: at, to: at + 'Deploys take 4 days.'.length, insert: 'Deploys take 5 days, says tab A.' } });
    });
    await until(async () => (await serverText(hx.url, id)).includes('says tab A'), 'tab A to save');
    await b.evaluate(() => {
      const v = window.__staffwork!.view;
      const t = v.state.doc.toString();
      const at = t.indexOf('paved roads');
      v.dispatch({ changes: { from: at, to: at + 'paved roads'.length, insert: 'paved roads (tab B)' } });
    });
    await b.waitForSelector('section.conflict');
    await cursorAt(b, 'end');
    await b.keyboard.type('\nTyped in B while open.');
    await b.locator('#combine').click();
    await until(async () => (await serverText(hx.url, id)).includes('Typed in B while open.'), 'the combined text to save');
    const text = await serverText(hx.url, id);
    assert.equal(text.match(/^---$/gm)?.length, 2, 'one front matter');
    for (const heading of ['# Platform plan', '## Diagnosis', '## Guiding policy', '## Coherent actions']) assert.equal(text.split('\n').filter((l) => l === heading).length, 1, heading);
    assert.match(text, /says tab A/);
    assert.match(text, /paved roads \(tab B\)/);
    assert.doesNotMatch(text, /<!-- Your version/, 'no section changed on both sides');
    await b.close();
  });

  it('2. the H1 is the name: page title, home list, export file name and print', async () => {
    const { id } = await createArtifact(page, { text: STRATEGY });
    await openArtifact(page, hx.url, id);
    await page.evaluate(() => {
      const v = window.__staffwork!.view;
      const at = v.state.doc.toString().indexOf('# Platform plan') + 2;
      v.dispatch({ changes: { from: at, to: at + 'Platform plan'.length, insert: 'Paved road strategy' } });
    });
    await page.waitForFunction(() => document.getElementById('artifact-title')?.textContent === 'Paved road strategy');
    assert.equal(await page.title(), 'Paved road strategy · staffwork');
    await until(async () => (await artifacts()).some((a) => a.title === 'Paved road strategy'), 'the home list to use the new name');
    const exp = await fetch(`${hx.url}/api/artifacts/${id}/export.md`);
    assert.match(exp.headers.get('content-disposition') ?? '', /paved-road-strategy\.md/);
    await page.goto(`${hx.url}/artifacts/${id}/print`);
    assert.equal(await page.title(), 'Paved road strategy · staffwork');
  });

  it('3 and 4. /artifacts/new never creates by itself; the button does, and the cursor starts in the first section, under its hint', async () => {
    const before = (await artifacts()).length;
    await page.goto(`${hx.url}/artifacts/new?kind=strategy`);
    await ready(page);
    await page.reload();
    await ready(page);
    assert.equal((await artifacts()).length, before, 'visiting (twice) created nothing');
    await page.locator('#create-artifact').click();
    await page.waitForSelector('#findings li');
    assert.equal((await artifacts()).length, before + 1);
    const text = await editorText(page);
    const at = await page.evaluate(() => window.__staffwork!.view.state.selection.main.head);
    const diagnosisHint = text.indexOf('-->', text.indexOf('## Diagnosis')) + 4;
    assert.equal(at, diagnosisHint, 'the cursor waits under the Diagnosis hint');
    await page.keyboard.type('Deploys take four days.');
    assert.match(await editorText(page), /## Diagnosis\n\n<!--[^\n]*-->\nDeploys take four days\.\n/);
    assert.match(await editorText(page), /^---\nkind: strategy\n/, 'the front matter is untouched');
    // Back to the page: the draft is offered, and nothing new is made.
    const created = page.url().split('/').pop();
    await page.goto(`${hx.url}/artifacts/new?kind=strategy`);
    await ready(page);
    assert.equal(await page.locator(`#drafts a[href="/artifacts/${created}"]`).count(), 1, 'continue your draft');
    assert.equal((await artifacts()).length, before + 1);
    assert.deepEqual(await axe(page), []);
    // A cross-site page cannot create one: the POST needs the CSRF header.
    const res = await fetch(`${hx.url}/api/artifacts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'strategy' }) });
    assert.equal(res.status, 403);
  });

  it('5. deleting a section is not "fixing" it, filling it is; the note never moves the editor', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const text = STRATEGY.replace('Deploys take 4 days.\n\n', '');
    const { id } = await createArtifact(page, { text });
    await openArtifact(page, hx.url, id);
    await page.waitForSelector('.finding:has-text("structure/empty-section")', { state: 'attached' });
    // Delete the empty Diagnosis section wholesale.
    await page.evaluate(() => {
      const v = window.__staffwork!.view;
      const t = v.state.doc.toString();
      const from = t.indexOf('## Diagnosis');
      v.dispatch({ changes: { from, to: t.indexOf('## Guiding policy') } });
    });
    await page.waitForFunction(() => !document.querySelector('#findings')?.textContent?.includes('structure/empty-section'));
    // The note compares settled states: once this one has settled (and a frame has drawn), a note would be showing.
    await page.waitForSelector('#findings[data-settled="true"]', { state: 'attached' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.locator('#live-note').textContent(), '', 'no "Fixed" for a deletion');
    // Filling it (in a fresh copy) is a fix.
    const other = await createArtifact(page, { text });
    await openArtifact(page, hx.url, other.id);
    await page.waitForSelector('.finding:has-text("structure/empty-section")', { state: 'attached' });
    const top = await page.locator('#editor').evaluate((e) => e.getBoundingClientRect().top);
    await page.evaluate(() => {
      const v = window.__staffwork!.view;
      const at = v.state.doc.toString().indexOf('## Guiding policy');
      v.dispatch({ changes: { from: at, insert: 'Deploys take four days and 30% of CI runs fail on a flaky test.\n\n' } });
    });
    await page.waitForFunction(() => /^Fixed: “The Diagnosis section is empty”/.test(document.getElementById('live-note')?.textContent ?? ''));
    assert.equal(await page.locator('#editor').evaluate((e) => e.getBoundingClientRect().top), top, 'the editor did not move');
    await shot(page, 'fixed-note-390');
  });

  it('6. Insert on a Label:-style document goes in the kind’s order', async () => {
    const { id } = await createArtifact(page, { text: '---\nkind: strategy\n---\n\n# Plan\n\nGuiding policy:\nWe choose paved roads over bespoke pipelines.\n\nCoherent actions:\n- Build it by May.\n' });
    await openArtifact(page, hx.url, id);
    await page.getByRole('button', { name: 'Insert Diagnosis section' }).click();
    await page.keyboard.insertText('Deploys take four days.');
    const text = await editorText(page);
    assert.ok(text.indexOf('Diagnosis:') < text.indexOf('Guiding policy:'), text);
    assert.match(text, /# Plan\n\nDiagnosis:\n<!--[^\n]*-->\nDeploys take four days\.\n\nGuiding policy:/);
  });

  it('6. hover text has a readable width and shows code spans; Ctrl+S saves now', async () => {
    const { id } = await createArtifact(page, { text: '---\nkind: strategy\n---\n\n# Platform strategy\n\n- Migrate CI\n- Improve observability\n- Reduce build times\n' });
    await openArtifact(page, hx.url, id);
    await page.locator('.cm-lintRange-error', { hasText: 'Improve' }).first().hover();
    await page.waitForSelector('.cm-tooltip-lint');
    const box = await page.locator('.cm-tooltip-lint').boundingBox();
    assert.ok(box && box.width <= 32 * 16 + 2, `tooltip width ${box?.width}`);
    assert.ok((await page.locator('.cm-tooltip-lint code').count()) > 0, 'code spans render as code');
    assert.doesNotMatch((await page.locator('.cm-tooltip-lint').textContent()) ?? '', /`/);

    await cursorAt(page, 'end');
    await page.keyboard.type('\nTyped then saved.');
    await page.evaluate(() => {
      window.addEventListener('keydown', (e) => {
        if (e.key === 's') document.body.dataset['savePrevented'] = String(e.defaultPrevented);
      });
    });
    await page.keyboard.press('Control+s');
    assert.equal(await page.evaluate(() => document.body.dataset['savePrevented']), 'true', 'the browser’s "save page" is not opened');
    await until(async () => (await serverText(hx.url, id)).endsWith('Typed then saved.'), 'the save');
  });

  it('6. history is paginated (5,000 revisions), shows finding counts, and an autosave adds one row without drawing the rest again', async () => {
    const { id } = await createArtifact(page, { text: STRATEGY });
    await page.route(`**/api/artifacts/${id}/revisions`, async (route) => {
      const real = (await (await route.fetch()).json()) as { revisions: { id: number; createdAt: string; size: number }[] };
      const older = Array.from({ length: 4999 }, (_, i) => ({ ...(real.revisions[0] as object), id: 1_000_000 + i, baseId: null }));
      await route.fulfill({ json: { revisions: [...real.revisions, ...older] } });
    });
    await page.route(/\/revisions\/1\d{6}$/, (route) => route.fulfill({ json: { revision: { id: 1, artifactId: id, baseId: null, createdAt: new Date().toISOString(), size: STRATEGY.length, text: STRATEGY } } }));
    await openArtifact(page, hx.url, id);
    await page.locator('#history-toggle').click();
    await page.waitForSelector('#history-page');
    assert.equal(await page.locator('#history-list li').count(), 20);
    assert.match((await page.locator('#history-page').textContent()) ?? '', /Page 1 of 250/);
    await page.waitForFunction(() => [...document.querySelectorAll('.history-findings')].every((e) => e.textContent !== '…'));
    assert.match((await page.locator('#history-list li').first().textContent()) ?? '', /no findings|error|warning/);
    await page
      .locator('#history-list li')
      .nth(5)
      .evaluate((e) => e.setAttribute('data-marked', ''));
    await cursorAt(page, 'end');
    await page.keyboard.type('- Another action.');
    await until(async () => (await serverText(hx.url, id)).endsWith('Another action.'), 'autosave');
    await page.waitForFunction(() => document.querySelector('#history-list li')?.textContent?.includes('Version 5001'));
    assert.equal(await page.locator('#history-list li[data-marked]').count(), 1, 'the old rows stayed');
    assert.equal(await page.locator('#history-list li').count(), 20);
    await page.locator('#history-older').click();
    assert.match((await page.locator('#history-page').textContent()) ?? '', /Page 2 of 251/);
  });

  it('6. at 390 px: no sideways scrolling on the home page, findings one tap from the text', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const { id } = await createArtifact(page, { text: STRATEGY.replace('# Platform plan', '# A rather long artifact title that would push a table column wide') });
    await page.goto(`${hx.url}/`);
    await ready(page);
    assert.ok(await page.locator('#start-here').isVisible(), 'the home page says where to start');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll');
    await shot(page, 'home-390', true);
    await openArtifact(page, hx.url, id);
    const tab = page.locator('#pane-checks');
    assert.ok((await tab.boundingBox())!.y < 844, 'the switch is on the first screen');
    await tab.click();
    const findingsTop = (await page.locator('#findings').boundingBox())!.y;
    assert.ok(findingsTop < 844, `findings at ${findingsTop}px`);
    assert.deepEqual(await axe(page), []);
    await shot(page, 'editor-findings-390');
  });

  it('6. print views have a print button, audience labels and local times', async () => {
    const { id } = await createArtifact(page, { text: '---\nkind: exec-summary\nset: launch\naudience: peer\n---\n\n# Launch update\n\n## Ask\n\nApprove two more weeks by Friday.\n' });
    await page.goto(`${hx.url}/artifacts/${id}/print`);
    await page.waitForSelector('#print-button:not([hidden])');
    const meta = (await page.locator('.meta').first().textContent()) ?? '';
    assert.match(meta, /for peer engineers/);
    assert.doesNotMatch(meta, /UTC/, 'the saved time is shown in local time');
    assert.deepEqual(await axe(page), []);
  });

  it('6. assets are fingerprinted, compressed by Accept-Encoding, and cached for good', async () => {
    const html = await (await fetch(`${hx.url}/`)).text();
    const src = /<script type="module" src="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(src, /^\/assets\/app-[A-Za-z0-9]+\.js$/);
    const br = await fetch(`${hx.url}${src}`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('cache-control') ?? '', /immutable/);
    assert.match(br.headers.get('vary') ?? '', /accept-encoding/i);
    const plain = await fetch(`${hx.url}${src}`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.ok(Number(br.headers.get('content-length')) < Number(plain.headers.get('content-length')) / 2);
  });

  it('7. completion evidence says "Draft (N errors)", never "Missing" for a draft, and no rule ids', async () => {
    await createArtifact(page, { text: '---\nkind: escalation\n---\n\n# Dana blocks the migration\n\nDana keeps refusing to review.\n' });
    await page.goto(`${hx.url}/`);
    await ready(page);
    const evidence = (await page.locator('.criterion', { hasText: 'escalation brief' }).locator('.evidence').textContent()) ?? '';
    assert.match(evidence, /Draft \(\d+ errors?\): Dana blocks the migration/);
    assert.doesNotMatch(evidence, /Missing/);
    assert.doesNotMatch(await page.locator('.checklist').innerText(), /\b[a-z]+\/[a-z-]+\b/, 'no rule ids in the prose');
  });
});
