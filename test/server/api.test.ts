// The workbench API against a real SQLite file: artifacts, revisions, optimistic concurrency,
// restore, portfolio progress, export, and the safety defaults (CSRF, body limit, headers,
// Host check, sanitised print page).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { builtinRules, defaultModule, Project, skeleton } from '../../src/core/index.ts';
import { tempServer, type TestServer } from './helpers.ts';

const examples = join(import.meta.dirname, '../fixtures/examples');
const good = (f: string) => readFileSync(join(examples, 'good', f), 'utf8');
const bad = (f: string) => readFileSync(join(examples, 'bad', f), 'utf8');

describe('workbench API', () => {
  let s: TestServer;
  before(async () => {
    s = await tempServer();
  });
  after(() => s.close());

  it('creates an artifact from its kind skeleton and reads it back', async () => {
    const res = await s.call('POST', '/api/artifacts', { kind: 'strategy' });
    assert.equal(res.status, 201);
    assert.equal(res.body.text, skeleton(defaultModule, 'strategy'));
    assert.equal(res.body.artifact.kind, 'strategy');
    assert.equal(res.body.artifact.title, 'New engineering strategy');
    const got = await s.call('GET', `/api/artifacts/${res.body.artifact.id}`);
    assert.equal(got.status, 200);
    assert.equal(got.body.revision.text, res.body.text);
    assert.equal(got.body.revision.id, res.body.revision.id);
  });

  it('saves revisions, refuses a stale base with 409 and the current text, and restores as a new revision', async () => {
    const created = await s.call('POST', '/api/artifacts', { text: '# Draft\n\nfirst' });
    const id = created.body.artifact.id;
    const r1 = created.body.revision.id;
    const second = await s.call('PUT', `/api/artifacts/${id}`, { text: '# Draft\n\nsecond', baseRevision: r1 });
    assert.equal(second.status, 200);
    assert.equal(second.body.revision.baseId, r1);
    const r2 = second.body.revision.id;

    // Another tab still on r1: nothing is written, and it gets what is there now.
    const stale = await s.call('PUT', `/api/artifacts/${id}`, { text: '# Draft\n\nother tab', baseRevision: r1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.current.id, r2);
    assert.equal(stale.body.current.text, '# Draft\n\nsecond');

    const same = await s.call('PUT', `/api/artifacts/${id}`, { text: '# Draft\n\nsecond', baseRevision: r2 });
    assert.deepEqual([same.status, same.body.unchanged, same.body.revision.id], [200, true, r2]);

    const restored = await s.call('POST', `/api/artifacts/${id}/restore`, { revision: r1, baseRevision: r2 });
    assert.equal(restored.status, 200);
    const r3 = restored.body.revision.id;
    assert.ok(r3 > r2);
    assert.equal((await s.call('GET', `/api/artifacts/${id}`)).body.revision.text, '# Draft\n\nfirst');

    const list = await s.call('GET', `/api/artifacts/${id}/revisions`);
    assert.deepEqual(
      list.body.revisions.map((r: { id: number }) => r.id),
      [r3, r2, r1],
    );
    assert.deepEqual(
      list.body.revisions.map((r: { size: number }) => r.size),
      ['# Draft\n\nfirst'.length, '# Draft\n\nsecond'.length, '# Draft\n\nfirst'.length],
    );
    const old = await s.call('GET', `/api/artifacts/${id}/revisions/${r2}`);
    assert.equal(old.body.revision.text, '# Draft\n\nsecond');

    const staleRestore = await s.call('POST', `/api/artifacts/${id}/restore`, { revision: r2, baseRevision: r1 });
    assert.equal(staleRestore.status, 409);
  });

  it("answers the editor's review-thread query with no threads while accounts are off", async () => {
    const created = await s.call('POST', '/api/artifacts', { kind: 'strategy' });
    const got = await s.call('GET', `/api/artifacts/${created.body.artifact.id}/reviews/threads`);
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, { revisionId: created.body.revision.id, reviews: [] });
    assert.equal((await s.call('GET', '/api/artifacts/nope/reviews/threads')).status, 404);
  });

  it('answers bad requests with one clear JSON line', async () => {
    const notJson = await s.call('POST', '/api/artifacts', '{"kind":');
    assert.deepEqual([notJson.status, notJson.body.error], [400, 'request body is not valid JSON']);
    const wrongShape = await s.call('POST', '/api/artifacts', { kind: 42 });
    assert.equal(wrongShape.status, 400);
    assert.match(wrongShape.body.error, /^invalid request body: /);
    const unknownKind = await s.call('POST', '/api/artifacts', { kind: 'manifesto' });
    assert.equal(unknownKind.status, 400);
    assert.match(unknownKind.body.error, /unknown kind "manifesto"; expected one of strategy/);
    const missing = await s.call('PUT', '/api/artifacts/nope', { text: 'x', baseRevision: 1 });
    assert.deepEqual([missing.status, missing.body.error], [404, 'no such artifact']);
    const page = await fetch(`${s.url}/artifacts/nope`);
    assert.equal(page.status, 404);
    assert.equal((await s.call('GET', '/api/nothing-here')).status, 404);
  });

  it('limits request bodies with a 413 JSON error and writes nothing', async () => {
    const created = await s.call('POST', '/api/artifacts', { text: 'small' });
    const id = created.body.artifact.id;
    const huge = await fetch(`${s.url}/api/artifacts/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-staffwork': '1' },
      body: JSON.stringify({ text: 'x'.repeat(3 * 1024 * 1024), baseRevision: created.body.revision.id }),
    });
    assert.equal(huge.status, 413);
    assert.match(((await huge.json()) as { error: string }).error, /over the 2 MiB limit/);
    assert.equal((await s.call('GET', `/api/artifacts/${id}`)).body.revision.text, 'small');
  });

  it('refuses forged cross-site writes (no custom header, foreign Origin, cross-site fetch metadata, form posts)', async () => {
    const before = (await s.call('GET', '/api/portfolio')).body.artifacts.length;
    const forged = [
      await s.call('POST', '/api/artifacts', { kind: 'strategy' }, { 'x-staffwork': '' }),
      await s.call('POST', '/api/artifacts', { kind: 'strategy' }, { origin: 'http://evil.example' }),
      await s.call('POST', '/api/artifacts', { kind: 'strategy' }, { 'sec-fetch-site': 'cross-site' }),
      await s.call('POST', '/api/artifacts', 'kind=strategy', { 'content-type': 'application/x-www-form-urlencoded', 'x-staffwork': '', origin: 'http://evil.example' }),
    ];
    for (const r of forged) {
      assert.equal(r.status, 403);
      assert.match(r.body.error, /cross-site request refused/);
    }
    assert.equal((await s.call('GET', '/api/portfolio')).body.artifacts.length, before);
    // The page's own requests pass: same origin, custom header.
    const own = await s.call('POST', '/api/artifacts', { kind: 'adr' }, { origin: s.url, 'sec-fetch-site': 'same-origin' });
    assert.equal(own.status, 201);
  });

  it('sends security headers with a strict CSP', async () => {
    const res = await fetch(`${s.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp.replace("style-src-attr 'unsafe-inline'", ''), /unsafe-inline|unsafe-eval/);
    assert.match(csp, /style-src-attr 'unsafe-inline'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok((await res.text()).includes(`<meta name="csp-nonce" content="${nonce}">`));
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('x-frame-options'), 'DENY');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  });

  it('refuses foreign Host headers when bound to loopback (DNS rebinding)', async () => {
    const status = (host: string) =>
      new Promise<number>((ok, fail) => {
        const u = new URL(s.url);
        request({ host: u.hostname, port: u.port, path: '/api/portfolio', headers: { host } }, (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        })
          .on('error', fail)
          .end();
      });
    assert.equal(await status('evil.example:80'), 421);
    assert.equal(await status(`localhost:${new URL(s.url).port}`), 200);
  });

  it('evaluates the completion standard over the stored portfolio, with evidence', async () => {
    const fresh = await tempServer();
    try {
      for (const f of ['platform-strategy.md', 'staff-role-memo.md', 'v1-compat-escalation.md']) assert.equal((await fresh.call('POST', '/api/artifacts', { text: good(f) })).status, 201);
      const blame = await fresh.call('POST', '/api/artifacts', { text: bad('blame-escalation.md') });
      const { body } = await fresh.call('GET', '/api/portfolio');
      const byId = Object.fromEntries(body.progress.criteria.map((c: { id: string }) => [c.id, c]));
      assert.equal(byId['three-artifacts'].pass, true);
      assert.equal(byId['strategy-spine'].pass, true);
      assert.equal(byId['summary-ask'].pass, false);
      assert.deepEqual(byId['summary-ask'].evidence, []);
      const esc = byId['escalation-decision'].evidence.find((e: { file: string }) => e.file === blame.body.artifact.id);
      assert.equal(esc.ok, false);
      assert.ok(esc.reasons.length > 0);
      const entry = body.artifacts.find((a: { id: string }) => a.id === blame.body.artifact.id);
      assert.ok(entry.errorCount > 0);
    } finally {
      await fresh.close();
    }
  });

  it('exports one artifact as .md and the portfolio as a zip that checks the same', async () => {
    const fresh = await tempServer();
    try {
      const texts = [good('platform-strategy.md'), good('launch-delay-exec.md'), bad('blame-escalation.md'), '---\nkind: strategy\ntitle: Ünïcode — “quotes” / slashes\n---\n\nCafé\r\nwindows line\r\n'];
      const ids: string[] = [];
      for (const text of texts) ids.push((await fresh.call('POST', '/api/artifacts', { text })).body.artifact.id);
      const one = await fetch(`${fresh.url}/api/artifacts/${ids[0]}/export.md`);
      assert.equal(res(one).type, 'text/markdown; charset=utf-8');
      assert.match(res(one).disposition, /attachment; filename="platform-strategy-for-the-next-two-quarters\.md"/);
      assert.equal(await one.text(), texts[0]);

      const zipRes = await fetch(`${fresh.url}/api/export.zip`);
      assert.equal(zipRes.headers.get('content-type'), 'application/zip');
      const files = unzipSync(new Uint8Array(await zipRes.arrayBuffer()));
      const unzipped = Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)] as const);
      assert.equal(unzipped.length, texts.length);
      assert.deepEqual(unzipped.map(([, t]) => t).sort(), [...texts].sort());
      assert.ok(
        unzipped.every(([name]) => /^[a-z0-9-]+\.md$/.test(name)),
        unzipped.map(([n]) => n).join(', '),
      );

      // The CLI's view of the unzipped folder equals the check of the stored texts.
      const opts = { module: defaultModule, rules: builtinRules };
      const summarise = (list: [string, string][]) => {
        const project = new Project({ ...opts, membership: 'sameFolder' });
        for (const [name, text] of list) project.upsert(name, text);
        return project
          .results()
          .map((r) => r.diagnostics.map((d) => `${d.ruleId} ${d.range.join('-')} ${d.message}`))
          .sort();
      };
      const names = new Map(unzipped.map(([n, t]) => [t, n]));
      assert.deepEqual(summarise(unzipped.map(([n, t]) => [n, t])), summarise(texts.map((t) => [names.get(t) as string, t])));
    } finally {
      await fresh.close();
    }
  });

  it('renders the printable page with markup in the text kept as text', async () => {
    const xss =
      '---\nkind: strategy\ntitle: "<script>alert(1)</script>"\n---\n\n# Print me\n\n<script>window.pwned=1</script>\n\n<img src=x onerror="window.pwned=1">\n\n<svg onload="window.pwned=1"></svg>\n\n[click](javascript:window.pwned=1) and [data](data:text/html;base64,PHNjcmlwdD4=)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const created = await s.call('POST', '/api/artifacts', { text: xss });
    const res = await fetch(`${s.url}/artifacts/${created.body.artifact.id}/print`);
    const html = await res.text();
    assert.equal(res.status, 200);
    assert.match(html, /<link rel="stylesheet" href="\/assets\/print.css">/);
    assert.match(html, /<h1>Print me<\/h1>/);
    assert.match(html, /<table>/);
    // The learner's text is in the body; the head's only data: URL is the tab icon.
    const body = html.slice(html.indexOf('<body>'));
    assert.doesNotMatch(body, /<script|<img|<svg|href="javascript:|href="data:/i);
    // The head's only script is the page's own print button, from /assets (the CSP allows no other).
    const ownScriptsOnly = (page: string) => (page.match(/<script\b[^>]*>/gi) ?? []).every((tag) => /^<script type="module" src="\/assets\/[\w.-]+\.js">$/.test(tag));
    assert.ok(ownScriptsOnly(html), html.slice(0, html.indexOf('<body>')));
    assert.doesNotMatch(html, /<script(?![^>]*src="\/assets\/)/i);
    assert.match(html, /&lt;script&gt;window.pwned=1&lt;\/script&gt;/);
    // The H1 names the artifact (page title included), escaped like everything else.
    assert.match(html, /<title>Print me · staffwork<\/title>/);
    const named = await s.call('POST', '/api/artifacts', { text: '# <script>alert(1)</script>\n\nBody.\n' });
    const namedHtml = await (await fetch(`${s.url}/artifacts/${named.body.artifact.id}/print`)).text();
    assert.match(namedHtml, /<title>&lt;script&gt;alert\(1\)&lt;\/script&gt; · staffwork<\/title>/);
    assert.ok(ownScriptsOnly(namedHtml));
    const portfolio = await fetch(`${s.url}/print`);
    const portfolioHtml = await portfolio.text();
    assert.ok(ownScriptsOnly(portfolioHtml));
    assert.doesNotMatch(portfolioHtml.slice(portfolioHtml.indexOf('<body>')), /<script/i);
  });

  it('keeps everything across a restart on the same data dir', async () => {
    const fresh = await tempServer();
    const created = await fresh.call('POST', '/api/artifacts', { text: 'kept' });
    await fresh.call('PUT', `/api/artifacts/${created.body.artifact.id}`, { text: 'kept, edited', baseRevision: created.body.revision.id });
    await fresh.stop();
    const again = await tempServer(fresh.dataDir);
    try {
      const got = await again.call('GET', `/api/artifacts/${created.body.artifact.id}`);
      assert.equal(got.body.revision.text, 'kept, edited');
      assert.equal((await again.call('GET', `/api/artifacts/${created.body.artifact.id}/revisions`)).body.revisions.length, 2);
    } finally {
      await again.close();
    }
  });

  it('serves only the built assets by name', async () => {
    for (const name of ['__proto__', 'constructor', '..%2Fpackage.json', 'app.js.map']) assert.equal((await fetch(`${s.url}/assets/${name}`)).status, 404, name);
    const js = await fetch(`${s.url}/assets/app.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
  });

  it('says in one line when the data dir cannot be used', async () => {
    const { startServer } = await import('../../src/server/index.ts');
    const file = join(s.dataDir, 'workbench.sqlite');
    await assert.rejects(startServer({ port: 0, dataDir: join(file, 'inside-a-file'), quiet: true }), (e: Error) => /^cannot open the workbench data in .+inside-a-file: /.test(e.message) && !e.message.includes('\n'));
  });

  it('says in one line when the port is taken', async () => {
    const port = Number(new URL(s.url).port);
    const { startServer } = await import('../../src/server/index.ts');
    await assert.rejects(startServer({ port, dataDir: join(s.dataDir, 'second'), quiet: true }), { message: `port ${port} on 127.0.0.1 is in use; pick another with --port` });
  });
});

function res(r: Response) {
  return { type: r.headers.get('content-type') ?? '', disposition: r.headers.get('content-disposition') ?? '' };
}
