// Home, case study and editor in a real Chromium: what a learner sees, axe-core clean,
// usable by keyboard, at 1280 and 800 px. With STAFFWORK_SCREENSHOTS=1, screenshots go to the system's temporary folder.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { builtinRules, defaultModule, skeleton } from '../../src/core/index.ts';
import { axe, createArtifact, cursorAt, editorText, openHarness, ready, serverText, until, type Harness, shot } from './harness.ts';

const fixture = (f: string) => readFileSync(join(import.meta.dirname, '../fixtures/examples', f), 'utf8');

describe('workbench pages', () => {
  let hx: Harness;
  let page: Page;
  before(async () => {
    hx = await openHarness();
  });
  after(() => hx.close());
  // A fresh page for each test: nothing one test leaves open reaches the next.
  beforeEach(async () => {
    page = await hx.newPage();
    await page.goto(`${hx.url}/`);
    await ready(page);
  });
  afterEach(() => page.close());

  it('home shows the module, its case studies, the completion standard with evidence and a chart, and the artifacts', async () => {
    await page.goto(`${hx.url}/`);
    await ready(page);
    await createArtifact(page, { text: fixture('good/platform-strategy.md') });
    await createArtifact(page, { text: fixture('bad/blame-escalation.md') });
    await page.reload();
    await ready(page);
    assert.equal(await page.locator('h1').textContent(), defaultModule.title);
    assert.deepEqual(
      await page.locator('.case-title').allTextContents(),
      defaultModule.caseStudies.map((c) => c.title),
    );
    const items = page.locator('.checklist > li');
    assert.equal(await items.count(), defaultModule.completion.length);
    // The strategy criterion is met by the good strategy, named as evidence; the escalation one says what is missing.
    const strategy = items.nth(1);
    assert.match((await strategy.getAttribute('class')) ?? '', /\bpass\b/);
    assert.match((await strategy.locator('.evidence').textContent()) ?? '', /Met by Platform strategy for the next two quarters/);
    const escalation = items.nth(3);
    assert.doesNotMatch((await escalation.getAttribute('class')) ?? '', /\bpass\b/);
    assert.match((await escalation.locator('.evidence').textContent()) ?? '', /^Draft \(\d+ errors?\): .+\(.+\)/);
    // The chart is an inline SVG with one bar per criterion and an accessible name.
    assert.equal(await page.locator('svg.chart rect.chart-bar').count(), defaultModule.completion.length);
    assert.equal(await page.locator('svg.chart rect.chart-bar.pass').count(), 1);
    assert.match((await page.locator('svg.chart title').textContent()) ?? '', /^Progress: 1 of 5 criteria met$/);
    assert.equal(await page.locator('.artifact-table tbody tr').count(), 2);
    assert.deepEqual(await axe(page), []);
    await shot(page, 'test-home-1280', true);
  });

  it('a case study shows every part and starts its artifact from the skeleton', async () => {
    await page.goto(`${hx.url}/cases/3`);
    await ready(page);
    const cs = defaultModule.caseStudies.find((c) => c.id === 3)!;
    assert.equal(await page.locator('h1').textContent(), cs.title);
    const body = (await page.locator('main').textContent()) ?? '';
    for (const part of [cs.scenario, cs.wrongApproach, cs.requiredArtifact, cs.betterApproach.intro, ...cs.concepts]) assert.ok(body.includes(part), `missing: ${part}`);
    assert.deepEqual(await page.locator('table.tradeoff thead th').allTextContents(), cs.tradeoffTable.columns);
    assert.equal(await page.locator('table.tradeoff tbody tr').count(), cs.tradeoffTable.rows.length);
    assert.deepEqual(await axe(page), []);
    await shot(page, 'test-case-1280', true);

    await page.locator('#start-artifact').click();
    // The link opens a page; only its button creates the draft.
    await page.locator('#create-artifact').click();
    await page.waitForURL(/\/artifacts\/[a-z0-9]+$/);
    await page.waitForSelector('#findings li');
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const expected = skeleton(defaultModule, 'escalation');
    assert.equal(await editorText(page), expected);
    assert.equal(await serverText(hx.url, id), expected);
    assert.equal(await page.locator('#artifact-title').textContent(), 'New escalation brief');
  });

  it('the editor passes axe and keeps its findings and outline in view at 1280 and 800 px', async () => {
    const { id } = await createArtifact(page, { text: fixture('bad/roadmap-strategy.md') });
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${hx.url}/artifacts/${id}`);
      await ready(page);
      await page.waitForSelector('#findings .finding');
      assert.deepEqual(await axe(page), [], `axe at ${width}px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, `horizontal scroll at ${width}px`);
      const side = await page.locator('aside.side').boundingBox();
      assert.ok(side && side.y < 900, `the findings column starts in view at ${width}px`);
      await shot(page, `test-editor-${width}`);
    }
    for (const [name, path] of [
      ['home', '/'],
      ['case', '/cases/1'],
    ]) {
      await page.goto(`${hx.url}${path}`);
      await ready(page);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, `horizontal scroll on ${name} at 800px`);
      assert.deepEqual(await axe(page), [], `axe on ${name} at 800px`);
      await shot(page, `test-${name}-800`, true);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('is usable by keyboard: skip link, visible focus, findings reachable and actionable', async () => {
    const { id } = await createArtifact(page, { text: fixture('bad/roadmap-strategy.md') });
    await page.goto(`${hx.url}/artifacts/${id}`);
    await ready(page);
    await page.waitForSelector('#findings .finding');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    const box = await page.locator('.skip-link').boundingBox();
    assert.ok(box && box.y >= 0, 'the skip link is visible when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    // Tab through to the first finding; every stop on the way shows a focus outline.
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      // CodeMirror marks its frame focused on the next update; wait for it when focus is inside.
      await page.waitForFunction(() => !document.activeElement?.closest('.cm-editor') || document.querySelector('.cm-editor.cm-focused') !== null);
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        // CodeMirror draws focus on its frame, not on the content element.
        const style = getComputedStyle(el.closest('.cm-editor') ?? el);
        return { finding: el.classList.contains('finding'), outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px', tag: el.tagName, cls: el.className };
      });
      assert.ok(focus.outline, `no visible focus on ${focus.tag}.${focus.cls}`);
      if (focus.finding) break;
    }
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('finding')), true, 'a finding is reachable by Tab');
    await page.keyboard.press('Enter');
    const sel = await page.evaluate(() => {
      const v = window.__staffwork!.view;
      return { from: v.state.selection.main.from, focused: v.hasFocus };
    });
    assert.equal(sel.focused, true);
    assert.ok(sel.from > 0);
  });

  it('each finding links to its rule page: why it matters, the better approach, examples', async () => {
    const { id } = await createArtifact(page, { text: fixture('bad/roadmap-strategy.md') });
    await page.goto(`${hx.url}/artifacts/${id}`);
    await ready(page);
    await page
      .locator('.finding-item', { hasText: 'strategy/roadmap-not-strategy' })
      .getByRole('link', { name: /Why this rule/ })
      .click();
    await page.waitForURL(/\/rules\/strategy\/roadmap-not-strategy$/);
    await ready(page);
    const rule = builtinRules.find((r) => r.meta.id === 'strategy/roadmap-not-strategy')!;
    assert.equal(await page.locator('h1').textContent(), rule.meta.id);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const part of [rule.meta.docs.why, rule.meta.docs.better, rule.meta.docs.description]) assert.ok(text.includes(part), part);
    assert.deepEqual(await page.locator('pre.example').allTextContents(), [rule.meta.docs.bad, rule.meta.docs.good]);
    assert.deepEqual(await axe(page), []);
    await shot(page, 'test-rule-1280', true);
    assert.equal((await page.goto(`${hx.url}/rules/strategy/no-such-rule`))?.status(), 404);
  });

  it('an unknown kind or artifact gets a helpful page, not a crash', async () => {
    await page.goto(`${hx.url}/artifacts/new?kind=manifesto`);
    await ready(page);
    assert.equal(await page.locator('h1').textContent(), 'Choose what to write');
    assert.equal(await page.locator('main li a').count(), defaultModule.kinds.length);
    const res = await page.goto(`${hx.url}/artifacts/doesnotexist`);
    assert.equal(res?.status(), 404);
    await ready(page);
    assert.equal(await page.locator('h1').textContent(), 'Artifact not found');
    assert.deepEqual(hx.problems, []);
  });
});

describe('a new learner, from the home page to a completed strategy', () => {
  let hx: Harness;
  before(async () => {
    hx = await openHarness();
  });
  after(() => hx.close());

  it('opens case 1, starts the strategy, writes it section by section, and sees the criterion met', async () => {
    const page = await hx.newPage();
    await page.goto(`${hx.url}/`);
    await ready(page);
    assert.match((await page.locator('.chart-summary').textContent()) ?? '', /^0 of 5 criteria met$/);
    await page.locator('.case-link', { hasText: 'Engineering Strategy That Is Only A Roadmap' }).click();
    await ready(page);
    await page.locator('#start-artifact').click();
    // The link opens a page; only its button creates the draft.
    await page.locator('#create-artifact').click();
    await page.waitForURL(/\/artifacts\/[a-z0-9]+$/);
    await page.waitForSelector('.outline-item.empty');
    await shot(page, 'flow-1-new-strategy');
    const answers: Record<string, string> = {
      Diagnosis: 'Product teams wait a median of 3.5 days from merge to production, and 18% of CI runs fail on a flaky test.',
      'Guiding policy': 'Reduce platform friction before adding new platform features: until lead time is under one day, we take on no new platform feature work.',
      'Coherent actions': '- Stabilize CI: quarantine flaky tests and give owners a weekly list.\n- Standardize service templates so every service deploys the same way.\n- Create an ownership dashboard for failing pipelines.',
      'Anti-scope': '- No Kubernetes upgrade this half unless a security deadline forces it.\n- No new self-service features until the lead-time target is met.',
      'Success metrics': '- Median merge-to-production lead time below 1 day by the end of Q2.\n- Flaky CI failure rate below 3% of runs by the end of Q2.',
    };
    // Replace each section's hint comment with the answer, as a learner would.
    for (const [section, answer] of Object.entries(answers)) {
      const text = await editorText(page);
      const at = text.indexOf(`## ${section}\n\n`) + `## ${section}\n\n`.length;
      const end = text.indexOf('-->', at) + 3;
      await page.evaluate(({ at, end }) => window.__staffwork!.view.dispatch({ selection: { anchor: at, head: end } }), { at, end });
      await page.evaluate(() => window.__staffwork!.view.focus());
      await page.keyboard.insertText(answer);
      await page.waitForSelector(`.outline-item.present:has-text("${section}")`);
    }
    const table = '\n\n| Choice | Gain | Cost |\n|---|---|---|\n| friction first | teams ship faster | new features wait two quarters |\n| features first | visible launches | lead time keeps growing |\n';
    await cursorAt(page, 'end');
    await page.keyboard.insertText(table);
    await page.waitForFunction(() => document.querySelector('#findings')?.textContent?.startsWith('No findings') ?? false);
    await shot(page, 'flow-2-strategy-clean');
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await until(async () => (await serverText(hx.url, id)) === (await editorText(page)), 'the strategy to be saved');
    await page.getByRole('link', { name: 'Module', exact: true }).first().click();
    await ready(page);
    const strategy = page.locator('.checklist > li').nth(1);
    assert.match((await strategy.getAttribute('class')) ?? '', /\bpass\b/);
    assert.match((await strategy.locator('.evidence').textContent()) ?? '', /Met by New engineering strategy/);
    assert.match((await page.locator('.chart-summary').textContent()) ?? '', /^1 of 5 criteria met$/);
    assert.equal(await page.locator('.checklist > li').first().locator('.evidence').textContent(), '1 of 3 so far: New engineering strategy. Needs 2 more.');
    // The next step is the next case study, not the kindless "three complete" criterion with nothing to click.
    assert.equal(await page.locator('#start-here .next-criterion').textContent(), 'At least one role memo clarifies scope and non-scope.');
    await page.locator('#next-case').click();
    await ready(page);
    assert.match(new URL(page.url()).pathname, /^\/cases\/2$/);
    await shot(page, 'flow-3-home-after', true);
    assert.deepEqual(hx.problems, []);
  });
});
