// Case study 5 in a real Chromium: audience variants of an executive summary made from the
// editor, the set rule (summary/variants-disagree) checked live against the other variants'
// saved texts, archiving from the editor and the home page, and the "Fixed" note's place.
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axe, createArtifact, cursorAt, editorText, openArtifact, openHarness, ready, serverText, type Harness, shot } from './harness.ts';

const EXEC = `---
kind: exec-summary
title: Delay the payments launch two weeks
audience: executive
---

Decision:
Delay the payments launch two weeks, to 14 May.

Reason:
The payment retry path can charge a customer twice when the processor times out.

Risk if ignored:
A customer-impacting financial incident: duplicate charges, refunds and regulator attention.

Plan:
Idempotency keys on every charge, a replay test of the timeout path, and a launch gate on
that test.

Ask:
Approve the revised launch date of 14 May by Friday.
`;

const DISAGREE = 'summary/variants-disagree';

describe('audience variants, live set check, archive', () => {
  let hx: Harness;
  let page: Page;
  before(async () => {
    hx = await openHarness();
  });
  after(() => hx.close());
  // A fresh page for each test: nothing one test leaves open (a panel, a pending save) reaches the next.
  beforeEach(async () => {
    page = await hx.newPage();
    await page.goto(`${hx.url}/`);
    await ready(page);
  });
  afterEach(() => page.close());

  const open = (id: string) => openArtifact(page, hx.url, id);

  const findingsText = () =>
    page
      .locator('#findings')
      .textContent()
      .then((t) => t ?? '');

  it('adds a variant for another audience by keyboard: names a set from the title, saves both, opens the copy, lists the members', async () => {
    const { id } = await createArtifact(page, { text: EXEC });
    await open(id);
    await page.waitForSelector('#variants:not([hidden])');
    assert.match((await page.locator('#variant-list').textContent()) ?? '', /Executive\s*Delay the payments launch two weeks \(this one\)/);
    // Keyboard only: focus the audience select, choose Junior, submit with Enter on the button.
    await page.locator('#variant-audience').focus();
    await page.keyboard.press('ArrowDown'); // peer -> junior
    assert.equal(await page.locator('#variant-audience').inputValue(), 'junior');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'add-variant');
    await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/artifacts/') && !u.pathname.endsWith(id)), page.keyboard.press('Enter')]);
    await ready(page);

    // The original was given the set and saved before the copy was made.
    const original = await serverText(hx.url, id);
    assert.match(original, /\naudience: executive\nset: delay-the-payments-launch-two-weeks\n---\n/);
    assert.equal(original.replace('set: delay-the-payments-launch-two-weeks\n', ''), EXEC);
    const copy = await editorText(page);
    assert.equal(copy, original.replace('audience: executive', 'audience: junior'));

    // The members, with audience and a link to the other one.
    await page.waitForFunction(() => document.querySelectorAll('#variant-list li').length === 2);
    const list = page.locator('#variant-list');
    assert.match((await list.textContent()) ?? '', /Executive\s*Delay the payments launch two weeks\s*clean\s*Junior\s*Delay the payments launch two weeks \(this one\)\s*clean/);
    assert.equal(await list.locator(`a[href="/artifacts/${id}"]`).count(), 1);
    // Peer is the one left to add.
    assert.deepEqual(await page.locator('#variant-audience option').allTextContents(), ['Peer']);
    assert.deepEqual(await axe(page), []);
    await shot(page, 'variants-1280');
  });

  it('checks the open variant against the others live: the disagreement appears and goes as the learner types, and follows the other variant on focus', async () => {
    const set = 'launch-live';
    const exec = EXEC.replace('audience: executive', `audience: executive\nset: ${set}`);
    const junior = exec.replace('audience: executive', 'audience: junior');
    const a = await createArtifact(page, { text: exec });
    const b = await createArtifact(page, { text: junior });
    await open(b.id);
    await page.waitForSelector('#variants:not([hidden])');
    await page.waitForFunction(() => document.querySelectorAll('#variant-list li').length === 2);
    assert.doesNotMatch(await findingsText(), new RegExp(DISAGREE));

    // Type a different date into the junior variant's decision: the set rule fires on this text.
    const at = junior.indexOf('14 May.');
    await page.evaluate(([from, to]) => window.__staffwork!.view.dispatch({ selection: { anchor: from as number, head: to as number } }), [at, at + 6]);
    await page.evaluate(() => window.__staffwork!.view.focus());
    await page.keyboard.type('21 May');
    await page.waitForFunction((rule) => document.querySelector('#findings')?.textContent?.includes(rule), DISAGREE);
    const finding = page.locator('.finding', { hasText: DISAGREE });
    assert.match((await finding.textContent()) ?? '', /junior variant's decision says 21 May, but Delay the payments launch two weeks \(executive\) says 14 May\./);
    // Only the open text's findings: the message names the other variant by title, and the underline is on this text.
    await page.waitForSelector('.cm-lintRange-error');
    // The learner pauses on it (the "Fixed" note compares settled states, never half-typed ones).
    await page.waitForSelector('#findings[data-settled="true"]', { state: 'attached' });

    // Fix it back: the finding goes, and the note says so.
    await page.keyboard.press('Control+z');
    await page.waitForFunction((rule) => !document.querySelector('#findings')?.textContent?.includes(rule), DISAGREE);
    await page.waitForFunction(() => /^Fixed: “This junior variant's decision says 21 May/.test(document.getElementById('live-note')?.textContent ?? ''));

    // The other variant changes elsewhere (another tab); coming back to this page picks it up.
    const other = await hx.newPage();
    await other.goto(`${hx.url}/`);
    const res = await other.evaluate(
      async ([id, text]) => {
        const got = (await (await fetch(`/api/artifacts/${id}`)).json()) as { revision: { id: number } };
        const r = await fetch(`/api/artifacts/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'x-staffwork': '1' }, body: JSON.stringify({ text, baseRevision: got.revision.id }) });
        return r.status;
      },
      [a.id, exec.replaceAll('14 May', '28 May')] as const,
    );
    assert.equal(res, 200);
    await other.close();
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForFunction((rule) => document.querySelector('#findings')?.textContent?.includes(rule), DISAGREE);
    assert.match((await page.locator('.finding', { hasText: DISAGREE }).first().textContent()) ?? '', /28 May/);

    // Keystrokes re-check only the open text: the worker keeps the members, the page sends just this text.
    const before = await page.evaluate(() => window.__staffwork!.timings.length);
    await cursorAt(page, 'end');
    await page.keyboard.type('x');
    await page.waitForFunction((n) => window.__staffwork!.timings.length > n, before);
    assert.ok((await findingsText()).includes(DISAGREE), 'the set finding stays while typing elsewhere');
  });

  it('leaving the set (removing set:) drops the set finding; archived variants are not members', async () => {
    const set = 'launch-archive';
    const exec = EXEC.replace('audience: executive', `audience: executive\nset: ${set}`);
    const peer = exec.replace('audience: executive', 'audience: peer').replaceAll('14 May', '21 May');
    const a = await createArtifact(page, { text: exec });
    const b = await createArtifact(page, { text: peer });
    await open(b.id);
    await page.waitForFunction((rule) => document.querySelector('#findings')?.textContent?.includes(rule), DISAGREE);

    // Archive the executive variant via the API, then refocus: it is no longer a member.
    await page.evaluate(async (id) => {
      await fetch(`/api/artifacts/${id}/archive`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-staffwork': '1' }, body: JSON.stringify({ archived: true }) });
    }, a.id);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.waitForFunction((rule) => !document.querySelector('#findings')?.textContent?.includes(rule), DISAGREE);
    await page.waitForFunction(() => document.querySelectorAll('#variant-list li').length === 1);

    // Unarchived, it is a member again; then deleting this text's `set:` line takes it out of the set.
    await page.evaluate(async (id) => {
      await fetch(`/api/artifacts/${id}/archive`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-staffwork': '1' }, body: JSON.stringify({ archived: false }) });
    }, a.id);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.waitForFunction((rule) => document.querySelector('#findings')?.textContent?.includes(rule), DISAGREE);
    const line = peer.indexOf(`set: ${set}\n`);
    await page.evaluate(([from, to]) => window.__staffwork!.view.dispatch({ changes: { from: from as number, to: to as number } }), [line, line + `set: ${set}\n`.length]);
    await page.waitForFunction((rule) => !document.querySelector('#findings')?.textContent?.includes(rule), DISAGREE);
    await page.waitForFunction(() => document.querySelectorAll('#variant-list li').length === 1);
  });

  it('archives from the editor and from the home list, with Undo and Show archived; nothing is deleted', async () => {
    const keep = await createArtifact(page, { text: '---\nkind: strategy\ntitle: Keep me\n---\n\n# Keep me\n' });
    const junk = await createArtifact(page, { kind: 'strategy' });
    const junk2 = await createArtifact(page, { text: '---\nkind: strategy\ntitle: Junk draft two\n---\n\n# Junk draft two\n' });

    // Editor: Archive, then the page says so; Unarchive brings it back.
    await open(junk.id);
    await page.locator('#archive-toggle').click();
    await page.waitForSelector('#archived-text');
    assert.equal(await page.locator('#archive-toggle').textContent(), 'Unarchive');
    assert.match((await page.locator('#live-note').textContent()) ?? '', /Archived/);
    let portfolio = await (await fetch(`${hx.url}/api/portfolio`)).json();
    assert.ok(!portfolio.artifacts.some((x: { id: string }) => x.id === junk.id), 'hidden from the portfolio');
    await page.locator('#archive-toggle').click();
    await page.waitForFunction(() => !document.getElementById('archived-text'));
    portfolio = await (await fetch(`${hx.url}/api/portfolio`)).json();
    assert.ok(
      portfolio.artifacts.some((x: { id: string }) => x.id === junk.id),
      'back in the portfolio',
    );
    await page.locator('#archive-toggle').click();
    await page.waitForSelector('#archived-text');

    // Home: the archived one is not listed; archive another from the list, Undo it, archive it again.
    await page.goto(`${hx.url}/`);
    await ready(page);
    const rows = page.locator('.artifact-table tbody tr');
    assert.equal(await rows.filter({ hasText: 'Keep me' }).count(), 1);
    assert.equal(await page.locator(`.artifact-table a[href="/artifacts/${junk.id}"]`).count(), 0);
    await page.getByRole('button', { name: 'Archive Junk draft two' }).click();
    await page.waitForSelector('#undo-archive');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'undo-archive', 'focus goes to Undo');
    assert.equal(await page.locator(`.artifact-table a[href="/artifacts/${junk2.id}"]`).count(), 0);
    assert.match((await page.locator('#home-notice').textContent()) ?? '', /Archived “Junk draft two”/);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.artifact-table a[href="/artifacts/${junk2.id}"]`);
    await page.getByRole('button', { name: 'Archive Junk draft two' }).click();
    await page.waitForSelector('#undo-archive');

    // Show archived lists both, and each can come back.
    await page.locator('#show-archived').click();
    await page.waitForSelector('#archived-list:not([hidden])');
    assert.equal(await page.locator('#show-archived').getAttribute('aria-expanded'), 'true');
    const archived = await page.locator('#archived-list li').allTextContents();
    assert.ok(archived.some((t) => t.includes('Junk draft two')));
    assert.deepEqual(await axe(page), []);
    await shot(page, 'home-archived-1280', true);
    await page.getByRole('button', { name: 'Unarchive Junk draft two' }).click();
    await page.waitForSelector(`.artifact-table a[href="/artifacts/${junk2.id}"]`);

    // Exports leave the archived one out; its text is still there.
    const zipNames = await (await fetch(`${hx.url}/api/export.zip`)).arrayBuffer().then((b) => Buffer.from(b).toString('latin1'));
    assert.ok(zipNames.includes('junk-draft-two.md') && zipNames.includes('keep-me.md'));
    assert.ok(!zipNames.includes('new-engineering-strategy.md'), 'the archived skeleton is not exported');
    assert.ok((await serverText(hx.url, junk.id)).length > 0, 'the archived text is kept');
    assert.ok(keep.id);
  });

  it('places the "Fixed" note in its own slot: it never covers a finding or a "Why this rule?" link, at 1280, 800 and 390 px', async () => {
    const text = '---\nkind: strategy\ntitle: Platform strategy\n---\n\n# Platform strategy\n\n- Migrate CI\n- Improve observability\n- Reduce build times\n- Upgrade Kubernetes\n';
    for (const width of [1280, 800, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const { id } = await createArtifact(page, { text });
      await open(id);
      // On a phone the outline is one tap away, on the Findings pane.
      if (width < 760) await page.locator('#pane-checks').click();
      await page.locator('.outline-item.missing', { hasText: 'Diagnosis' }).getByRole('button').click();
      if (width < 760) await page.locator('#pane-checks').click();
      await page.waitForFunction(() => /^Fixed: /.test(document.getElementById('live-note')?.textContent ?? ''));
      const note = page.locator('#live-note');
      // The whole note is readable, also on a phone (two lines there): nothing cut off.
      assert.ok(await note.evaluate((n) => n.scrollHeight <= n.clientHeight + 1 && n.scrollWidth <= n.clientWidth + 1), `the note fits at ${width}px`);
      assert.equal(await note.getAttribute('aria-live'), 'polite');
      assert.equal(await note.getAttribute('role'), 'status');
      const overlaps = await page.evaluate(() => {
        const n = document.getElementById('live-note')!.getBoundingClientRect();
        const hits: string[] = [];
        for (const t of document.querySelectorAll('.finding, .finding-doc, .outline-item, .cm-editor')) {
          const r = t.getBoundingClientRect();
          if (r.width > 0 && r.height > 0 && r.left < n.right && n.left < r.right && r.top < n.bottom && n.top < r.bottom) hits.push(t.className);
        }
        return { hits };
      });
      assert.deepEqual(overlaps.hits, [], `at ${width}px`);
      // Scroll the side list to its end: the last "Why this rule?" link is still clickable, not under the note.
      const lastDoc = page.locator('.finding-doc').last();
      await lastDoc.scrollIntoViewIfNeeded();
      const box = (await lastDoc.boundingBox())!;
      const top = await page.evaluate(([x, y]) => document.elementFromPoint(x as number, y as number)?.closest('a')?.className ?? '', [box.x + box.width / 2, box.y + box.height / 2]);
      assert.equal(top, 'finding-doc', `the last "Why this rule?" link is on top at ${width}px`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot(page, `note-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
