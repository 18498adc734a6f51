// Two people in two Chromium contexts: a learner asks for review, a reviewer comments on a
// sentence, the learner edits it and marks the thread addressed, the reviewer resolves it, and
// each sees the other's change live. axe-core on every page of accounts and review.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { axe, openHarness, ready, type Harness } from './harness.ts';

const PASSWORD = 'correct horse battery';
const TEXT = `# Strategy: Payments platform

## Diagnosis

Our checkout fails 4% of the time because the card vault times out under load, per the March incident log.

## Guiding policy

We will leverage synergies to drive world-class outcomes.

## Coherent actions

- Move the vault to a dedicated cluster by June 30 (owner: Priya).
`;
const SENTENCE = 'We will leverage synergies to drive world-class outcomes.';

async function testContext(h: Harness): Promise<BrowserContext> {
  const r = await build({
    entryPoints: [join(import.meta.dirname, 'entry.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: join(tmpdir(), 'staffwork-test-entry'),
    logLevel: 'silent',
  });
  const js = r.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/\/assets\/app-[A-Za-z0-9]+\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: js }));
  return context;
}

/** A same-origin API call from inside the page (its session cookie, the CSRF header). */
function api(page: Page, method: string, path: string, body?: unknown): Promise<any> {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(p as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'x-staffwork': '1' },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      return { status: res.status, body: await res.json() };
    },
    [method, path, body] as const,
  );
}

async function clean(page: Page, what: string): Promise<void> {
  assert.deepEqual(await axe(page), [], `axe on ${what}`);
}

describe('review in the browser', () => {
  let h: Harness;
  let reviewerCtx: BrowserContext;
  before(async () => {
    h = await openHarness();
    reviewerCtx = await testContext(h);
  });
  after(async () => {
    await reviewerCtx?.close().catch(() => undefined);
    await h?.close();
  });

  it('two people review, edit, address and resolve, each seeing the other live', async () => {
    // The admin turns accounts on from the first-run page and makes a cohort.
    const admin = await h.newPage();
    await admin.goto(`${h.url}/setup`);
    await ready(admin);
    await clean(admin, 'the first-run page');
    await admin.fill('input[name=code]', h.setupCode ?? '');
    await admin.fill('input[name=username]', 'admin');
    await admin.fill('input[name=password]', PASSWORD);
    await admin.click('button[type=submit]');
    await admin.waitForURL(`${h.url}/cohorts`);
    await ready(admin);
    await admin.fill('input[name=name]', 'Spring cohort');
    await admin.click('button[type=submit]');
    await admin.waitForURL(/\/cohorts\/c-/);
    await ready(admin);
    await clean(admin, "the instructor's cohort page");
    const cohortId = new URL(admin.url()).pathname.split('/')[2] as string;
    const invite = async (role: string) => (await api(admin, 'POST', `/api/cohorts/${cohortId}/invites`, { role })).body.url as string;
    const learnerLink = await invite('learner');
    const reviewerLink = await invite('reviewer');
    await api(admin, 'POST', '/api/auth/logout');

    // The learner joins by the link (in this context), the reviewer in another.
    const learner = await h.newPage();
    await learner.goto(learnerLink);
    await ready(learner);
    await clean(learner, 'the invite page');
    await learner.fill('input[name=username]', 'leo');
    await learner.fill('input[name=password]', PASSWORD);
    await learner.click('button[type=submit]');
    await learner.waitForURL(`${h.url}/cohorts/${cohortId}`);
    await ready(learner);

    const reviewer = await reviewerCtx.newPage();
    reviewer.setDefaultTimeout(15_000);
    await reviewer.goto(reviewerLink);
    await ready(reviewer);
    await reviewer.fill('input[name=username]', 'rita');
    await reviewer.fill('input[name=password]', PASSWORD);
    await reviewer.click('button[type=submit]');
    await reviewer.waitForURL(`${h.url}/cohorts/${cohortId}`);

    // The learner writes and asks rita for review.
    const made = (await api(learner, 'POST', '/api/artifacts', { text: TEXT })).body;
    await learner.reload();
    await ready(learner);
    await clean(learner, "the learner's cohort page");
    await learner.selectOption('select[name=artifact]', made.artifact.id);
    await learner.selectOption('select[name=reviewer]', 'rita');
    await learner.click('section[aria-labelledby=ask-review] button[type=submit]');
    await learner.waitForURL(/\/reviews\/\d+$/);
    await ready(learner);
    assert.match((await learner.textContent('#turn')) ?? '', /Waiting for the reviewer \(rita\)/);
    await clean(learner, "the writer's review page");

    // The reviewer finds it on the cohort page, selects the sentence and comments.
    await reviewer.goto(`${h.url}/cohorts/${cohortId}`);
    await ready(reviewer);
    await reviewer.click('.review-table a');
    await reviewer.waitForURL(/\/reviews\/\d+$/);
    await ready(reviewer);
    await clean(reviewer, "the reviewer's review page");
    await reviewer.evaluate((sentence) => {
      const pre = document.getElementById('review-text') as HTMLElement;
      const node = pre.firstChild as Text;
      const i = (node.textContent ?? '').indexOf(sentence);
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + sentence.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }, SENTENCE);
    await reviewer.waitForFunction(() => /Commenting on “We will leverage/.test(document.getElementById('selection-note')?.textContent ?? ''));
    await reviewer.fill('#comment-body', 'This names no choice: what will you stop doing?');
    await reviewer.fill('#comment-rule', 'strategy/fluff');
    await reviewer.click('#comment-submit');
    await reviewer.waitForSelector('#threads li.thread');

    // The learner sees it without reloading, with the words highlighted.
    await learner.waitForSelector('#threads li.thread[data-state=open]');
    assert.equal(await learner.textContent('#review-text mark'), SENTENCE);
    assert.match((await learner.textContent('#turn')) ?? '', /Waiting for the writer \(leo\)/);
    // Keyboard: the thread's button moves focus to its words in the text.
    await learner.focus('#threads .thread-jump');
    await learner.keyboard.press('Enter');
    assert.equal(await learner.evaluate(() => document.activeElement?.tagName), 'MARK');

    // In the editor, the comment is one item of the findings list, in text order, and Enter on it
    // puts the cursor on its words; a new comment arrives there live.
    const editor = await h.newPage();
    await editor.goto(`${h.url}/artifacts/${made.artifact.id}`);
    await ready(editor);
    await editor.waitForSelector('#findings li.review-comment-item');
    const item = await editor.evaluate(() => {
      const first = document.querySelector<HTMLElement>('#findings > li');
      return {
        text: first?.textContent ?? '',
        comment: first?.classList.contains('review-comment-item') ?? false,
        findings: document.querySelectorAll('#findings > li.finding-item:not(.review-comment-item)').length,
      };
    });
    assert.match(item.text, /rita.*This names no choice/);
    assert.ok(item.comment, 'the open comment heads the list');
    assert.ok(item.findings > 0, 'the rule findings are in the same list');
    await editor.focus('#findings li.review-comment-item button');
    await editor.keyboard.press('Enter');
    assert.equal(await editor.evaluate(() => window.__staffwork?.view.state.selection.main.from), TEXT.indexOf(SENTENCE));
    await clean(editor, 'the editor with a review comment');
    const reviewId = Number(new URL(learner.url()).pathname.split('/').pop());
    const threadId = (await api(reviewer, 'GET', `/api/cohorts/${cohortId}/reviews/${reviewId}/threads`)).body.threads[0].id;
    assert.equal((await api(reviewer, 'POST', `/api/cohorts/${cohortId}/threads/${threadId}/comments`, { body: 'And what will you stop?' })).status, 201);
    await editor.waitForFunction(() => /1 reply, last by rita/.test(document.querySelector('#findings li.review-comment-item')?.textContent ?? ''));
    await editor.close();

    // The learner rewrites the sentence (a save, as the editor makes) and marks the thread addressed.
    const saved = await api(learner, 'PUT', `/api/artifacts/${made.artifact.id}`, {
      text: TEXT.replace(SENTENCE, 'We will stop new checkout features until the vault holds at peak load.'),
      baseRevision: made.revision.id,
    });
    assert.equal(saved.status, 200);
    // Reviewers see the draft only once it is submitted.
    await learner.reload();
    await ready(learner);
    assert.match((await learner.textContent('.review-meta')) ?? '', /is not submitted/);
    await learner.click('#submit-revision');
    await learner.waitForSelector('#threads li.thread[data-status=edited]');
    assert.match((await learner.textContent('#threads .thread-tags')) ?? '', /likely addressed/);
    await learner.click('#threads li.thread button:has-text("Mark addressed")');
    await learner.waitForSelector('#threads li.thread[data-state=addressed]');

    // The reviewer sees the edit and the answer live, and resolves.
    await reviewer.waitForSelector('#threads li.thread[data-state=addressed]');
    assert.match((await reviewer.textContent('#threads .thread-change')) ?? '', /Now: We will stop new checkout features/);
    await reviewer.click('#threads li.thread button:has-text("Resolve")');
    await reviewer.waitForSelector('#threads li.thread[data-state=resolved]');
    await learner.waitForSelector('#threads li.thread[data-state=resolved]');
    assert.match((await learner.textContent('#turn')) ?? '', /Done/);
    await clean(learner, 'the review page after resolution');

    // The sign-in page.
    await api(reviewer, 'POST', '/api/auth/logout');
    await reviewer.goto(`${h.url}/cohorts`);
    await reviewer.waitForURL(/\/login\?next=%2Fcohorts$/);
    await ready(reviewer);
    await clean(reviewer, 'the sign-in page');
    await reviewer.fill('input[name=username]', 'rita');
    await reviewer.fill('input[name=password]', PASSWORD);
    await reviewer.click('button[type=submit]');
    await reviewer.waitForURL(`${h.url}/cohorts`);
    await ready(reviewer);
    await clean(reviewer, 'the cohorts page');
    assert.deepEqual(h.problems, []);
  });
});
