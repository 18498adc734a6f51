// The workbench's HTTP surface: the page shell for every route, static assets, the JSON API
// (artifacts, revisions, portfolio progress, export) and the printable pages. Safe by
// default: strict CSP, a CSRF guard on every state-changing request, a Host check against
// DNS rebinding on every bind, and a body size limit. Checking and print rendering run in the
// check pool's worker threads, never on the request thread.
import { strToU8, zipSync } from 'fflate';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { NONCE, secureHeaders, type SecureHeadersVariables } from 'hono/secure-headers';
import { z } from 'zod';
import { builtinRules, defaultModule, skeleton } from '../core/index.ts';
import { CheckTimeoutError, type CheckPool } from './checker/pool.ts';
import type { Item, TaskResult } from './checker/tasks.ts';
import type { AuthEnv } from './auth/accounts.ts';
import { liveRevisions } from './live.ts';
import { isUnavailable } from './storage/pg-errors.ts';
import { mountReview, type ReviewOptions } from './routes/index.ts';
import { wellFormed } from './routes/schemas.ts';
import { withTexts } from './review/service.ts';
import { fileNames, slug, type PortfolioEntry } from './portfolio.ts';
import { assetResponse, type Assets } from './assets.ts';
import { escapeHtml, ICON_LINK } from './print.ts';
import { DatabaseUnavailableError, type ArtifactSummary, type OwnerStorage, type Storage } from './storage/types.ts';

/** 2 MiB: far above a 12-page artifact (~40 KB), far below what could hurt the server. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** The header every state-changing request must carry. Browsers cannot add it cross-site without a CORS preflight, which this server never grants. */
export const CSRF_HEADER = 'x-staffwork';

export type { Assets } from './assets.ts';

export interface AppOptions {
  storage: Storage;
  assets: Assets | undefined;
  /** Host names accepted in the Host header (lower case, no port), whatever the bind. */
  allowedHosts: Set<string>;
  pool: CheckPool;
  /** Accounts and review: the first-run code, trusted proxies, extra modules (routes/index.ts). */
  review?: ReviewOptions;
}

type Env = { Variables: SecureHeadersVariables & AuthEnv['Variables'] };

const Text = z
  .string()
  .refine(wellFormed, 'contains a lone surrogate (half of a UTF-16 pair), which is not valid Unicode; nothing was saved')
  // PostgreSQL's text cannot hold U+0000; refused on every engine so a workbench can always move to PostgreSQL.
  .refine((s) => !s.includes('\0'), 'contains a NUL character (U+0000), which is not text; nothing was saved');
const SaveBody = z.object({ text: Text, baseRevision: z.number().int().nonnegative() }).strict();
const CreateBody = z.union([z.object({ text: Text }).strict(), z.object({ kind: z.string(), title: z.string().max(200).refine(wellFormed, 'contains a lone surrogate').optional() }).strict()]);
const ArchiveBody = z.object({ archived: z.boolean() }).strict();
const RestoreBody = z.object({ revision: z.number().int().positive(), baseRevision: z.number().int().nonnegative() }).strict();

export function createApp({ storage, assets, allowedHosts, pool, review }: AppOptions): Hono<Env> {
  const app = new Hono<Env>();
  const page = (c: Context<Env>, status: 200 | 404) => pageWith(c, status, assets);

  /** A portfolio or print task on the owner's lane; the lane asks for the texts it has not checked yet (withTexts). */
  const heavy = <T extends TaskResult>(store: OwnerStorage, _items: Item[], task: (texts: Record<string, string>) => Parameters<CheckPool['heavy']>[1]): Promise<T> => withTexts(pool, store, task) as Promise<T>;
  const itemsOf = (list: ArtifactSummary[]): Item[] => list.map((artifact) => ({ key: `${artifact.id}@${artifact.head.id}`, artifact }));
  const portfolio = async (store: OwnerStorage) => {
    const items = itemsOf(await store.list());
    const r = await heavy<Extract<TaskResult, { type: 'portfolio' }>>(store, items, (texts) => ({ type: 'portfolio', module: defaultModule.id, items, texts }));
    return { artifacts: r.artifacts as PortfolioEntry[], progress: r.progress };
  };
  const print = async (store: OwnerStorage, heading: string, list: ArtifactSummary[], showHeading: boolean) => {
    const items = itemsOf(list);
    return (await heavy<Extract<TaskResult, { type: 'print' }>>(store, items, (texts) => ({ type: 'print', module: defaultModule.id, heading, showHeading, items, texts }))).html;
  };

  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
    // A query outside the storage's own guard can still meet a database that is down: same 503.
    if (err instanceof DatabaseUnavailableError || (storage.engine === 'postgres' && isUnavailable(err))) {
      // The client's retry is right here: nothing was applied, and the server recovers by itself.
      c.header('retry-after', '2');
      return c.json({ error: 'the database is unavailable right now; nothing was applied, try again in a moment', database: 'unavailable' }, 503);
    }
    if (err instanceof CheckTimeoutError) {
      c.header('retry-after', '2');
      return c.json({ error: `${err.message}; try again` }, 503);
    }
    if (err instanceof z.ZodError) {
      const first = err.issues[0];
      return c.json({ error: `invalid request body: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unexpected shape'}` }, 400);
    }
    console.error(`staffwork serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.message : String(err)}`);
    return c.json({ error: 'internal error; the request was not applied' }, 500);
  });
  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: 'not found' }, 404) : page(c, 404)));

  app.use('*', async (c, next) => {
    const host = (c.req.header('host') ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!allowedHosts.has(host)) return c.json({ error: `unexpected Host header "${host}"; add it with --allowed-host` }, 421);
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        // CodeMirror injects its theme as a <style> element carrying this nonce; it also sets
        // element.style through the CSSOM, which CSP does not restrict.
        styleSrc: ["'self'", NONCE],
        // Chromium's own contenteditable editing (deleting across lines, pasting) writes style
        // attributes that CodeMirror then replaces; blocking them only fills the console. A
        // style attribute cannot run script, and learner text never reaches the DOM as markup.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: false,
      // Served over plain HTTP on loopback; HSTS would be ignored at best.
      strictTransportSecurity: false,
    }),
  );
  app.use('/api/*', async (c, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const self = new URL(c.req.url).origin;
    if (c.req.header(CSRF_HEADER) !== '1' || (origin !== undefined && origin !== self) || (site !== undefined && site !== 'same-origin')) {
      return c.json({ error: 'cross-site request refused: state-changing requests must come from the workbench page' }, 403);
    }
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        // The rest of the body is never read, so this connection cannot carry another request.
        c.header('connection', 'close');
        return c.json({ error: `request body is over the ${MAX_BODY_BYTES / 1024 / 1024} MiB limit` }, 413);
      },
    }),
  );
  // Who the request is: until accounts exist, the one local learner (the server refuses a
  // non-loopback bind without them), else the signed-in user; every store query below is
  // scoped to that owner. Then the accounts, cohorts and review routes (src/server/routes).
  mountReview(app, { storage, pool, page, ...review });

  // Pages: one shell; the front end renders the route. Unknown ids get a 404 status.
  app.get('/', (c) => page(c, 200));
  app.get('/cases/:id', (c) => page(c, defaultModule.caseStudies.some((cs) => String(cs.id) === c.req.param('id')) ? 200 : 404));
  app.get('/artifacts/new', (c) => page(c, 200));
  app.get('/rules/:area/:name', (c) => page(c, builtinRules.some((r) => r.meta.id === `${c.req.param('area')}/${c.req.param('name')}`) ? 200 : 404));
  app.get('/artifacts/:id', async (c) => page(c, (await c.var.store.get(c.req.param('id'))) ? 200 : 404));
  app.get('/artifacts/:id/print', async (c) => {
    const found = await c.var.store.get(c.req.param('id'));
    if (!found) return page(c, 404);
    return c.html(await print(c.var.store, found.artifact.title, [found.artifact], false));
  });
  app.get('/print', async (c) => c.html(await print(c.var.store, `Portfolio: ${defaultModule.title}`, await c.var.store.list(), true)));
  app.get('/assets/:name', (c) => assetResponse(assets, c.req.param('name'), { acceptEncoding: c.req.header('accept-encoding'), ifNoneMatch: c.req.header('if-none-match') }));

  app.get('/api/portfolio', async (c) => c.json(await portfolio(c.var.store)));

  // The database's state, for load balancers and monitoring: 200 when it answers, 503 when not.
  app.get('/api/health', async (c) => {
    try {
      const { schema } = await storage.ping();
      return c.json({ ok: true, engine: storage.engine, database: 'ok', schema, checkThreads: pool.threads });
    } catch (e) {
      return c.json({ ok: false, engine: storage.engine, database: 'unavailable', error: e instanceof Error ? e.message : String(e) }, 503);
    }
  });

  app.post('/api/artifacts', async (c) => {
    const body = CreateBody.parse(await json(c));
    let text: string;
    if ('text' in body) text = body.text;
    else {
      if (!defaultModule.kinds.some((k) => k.id === body.kind)) return c.json({ error: `unknown kind "${body.kind}"; expected one of ${defaultModule.kinds.map((k) => k.id).join(', ')}` }, 400);
      text = skeleton(defaultModule, body.kind, body.title ? { title: body.title } : {});
    }
    if (!wellFormed(text)) return c.json({ error: 'the text contains a lone surrogate, which is not valid Unicode; nothing was saved' }, 400);
    const { artifact, revision } = await c.var.store.create(text, await pool.describe(text));
    return c.json({ artifact, revision, text }, 201);
  });

  // The archived artifacts, for the home page's "Show archived" list (the portfolio leaves them out).
  app.get('/api/artifacts', async (c) => {
    const which = c.req.query('archived');
    if (which !== undefined && which !== 'only' && which !== 'include' && which !== 'exclude') return c.json({ error: 'archived must be one of only, include, exclude' }, 400);
    return c.json({ artifacts: await c.var.store.list({ archived: which ?? 'exclude' }) });
  });

  // The heads of the artifacts in one `set:` (the audience variants of a summary), for the
  // editor's live set check. Archived artifacts are not members, as in the portfolio.
  app.get('/api/sets/:name', async (c) => {
    const name = c.req.param('name').trim();
    const members = (await c.var.store.setMembers(name)).map(({ artifact, audience, revision }) => ({ artifact, audience: audience ?? 'executive', revision: { id: revision.id, text: revision.text } }));
    return c.json({ set: name, members });
  });

  app.get('/api/artifacts/:id', async (c) => {
    const found = await c.var.store.get(c.req.param('id'));
    return found ? c.json({ artifact: found.artifact, revision: found.revision }) : c.json({ error: 'no such artifact' }, 404);
  });

  app.put('/api/artifacts/:id', async (c) => {
    const { text, baseRevision } = SaveBody.parse(await json(c));
    return saveResult(c, await c.var.store.save(c.req.param('id'), text, baseRevision, await pool.describe(text)));
  });

  // Archiving hides an artifact from the home list, the portfolio, progress and exports; the
  // text and every revision stay, and archived: false brings it back.
  app.post('/api/artifacts/:id/archive', async (c) => {
    const { archived } = ArchiveBody.parse(await json(c));
    const artifact = await c.var.store.setArchived(c.req.param('id'), archived);
    return artifact ? c.json({ artifact }) : c.json({ error: 'no such artifact' }, 404);
  });

  // Newest first; ?limit=N&before=REV pages through a long history (no limit: all of it).
  app.get('/api/artifacts/:id/revisions', async (c) => {
    const page: { limit?: number; before?: number } = {};
    for (const key of ['limit', 'before'] as const) {
      const raw = c.req.query(key);
      if (raw === undefined) continue;
      if (!/^[1-9]\d{0,9}$/.test(raw)) return c.json({ error: `${key} must be a positive whole number` }, 400);
      page[key] = Number(raw);
    }
    const list = await c.var.store.revisions(c.req.param('id'), page);
    return list ? c.json({ revisions: list }) : c.json({ error: 'no such artifact' }, 404);
  });

  // Live updates: server-sent events for each new revision, from any server on the database.
  // The cursor (?after=REV, or Last-Event-ID on the browser's reconnect) re-sends what was missed.
  app.get('/api/artifacts/:id/events', (c) => liveRevisions(c, c.var.store, storage.events, c.req.param('id')));

  app.get('/api/artifacts/:id/revisions/:rev', async (c) => {
    const rev = await c.var.store.revision(c.req.param('id'), Number(c.req.param('rev')));
    return rev ? c.json({ revision: rev }) : c.json({ error: 'no such revision' }, 404);
  });

  // Restoring an old revision appends it as a new one, so the history only ever grows.
  app.post('/api/artifacts/:id/restore', async (c) => {
    const id = c.req.param('id');
    const { revision, baseRevision } = RestoreBody.parse(await json(c));
    const old = await c.var.store.revision(id, revision);
    if (!old) return c.json({ error: 'no such revision' }, 404);
    return saveResult(c, await c.var.store.save(id, old.text, baseRevision, await pool.describe(old.text)));
  });

  app.get('/api/artifacts/:id/export.md', async (c) => {
    const found = await c.var.store.get(c.req.param('id'));
    if (!found) return c.json({ error: 'no such artifact' }, 404);
    return download(c, found.revision.text, 'text/markdown; charset=utf-8', `${slug(found.artifact.title) || 'artifact'}.md`);
  });

  app.get('/api/export.zip', async (c) => {
    const list = await c.var.store.list();
    const texts = new Map((await c.var.store.texts(list.map((a) => ({ artifactId: a.id, revisionId: a.head.id })))).map((r) => [r.artifactId, r.text]));
    const names = fileNames(list.map((a) => a.title));
    const zip = zipSync(Object.fromEntries(list.map((a, i) => [names[i] as string, strToU8(texts.get(a.id) ?? '')])), { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
    return download(c, zip, 'application/zip', 'staffwork-portfolio.zip');
  });

  return app;
}

function pageWith(c: Context<Env>, status: 200 | 404, assets: Assets | undefined) {
  const nonce = c.get('secureHeadersNonce') ?? '';
  return c.html(shell(nonce, assets), status);
}

function shell(nonce: string, assets: Assets | undefined): string {
  const url = (name: string) => escapeHtml(assets?.urls[name] ?? `/assets/${name}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csp-nonce" content="${escapeHtml(nonce)}">
<title>staffwork</title>
${ICON_LINK}
<meta name="lint-worker" content="${url('lint-worker.js')}">
<link rel="stylesheet" href="${url('app.css')}">
<script type="module" src="${url('app.js')}"></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<a class="brand" href="/">staffwork</a>
<nav aria-label="Main"><ul><li><a href="/">Module</a></li><li><a href="/print">Print portfolio</a></li><li><a href="/api/export.zip" download>Export all (.zip)</a></li></ul></nav>
</header>
<main id="main" tabindex="-1"><p class="loading">Loading the workbench…</p></main>
<noscript><p class="noscript">The workbench needs JavaScript. The CLI (<code>staffwork check</code>) works without it.</p></noscript>
</body>
</html>
`;
}

/** The body as JSON, or a 400 that says what is wrong with it. */
async function json(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HTTPException(400, { res: Response.json({ error: 'request body is not valid JSON' }, { status: 400 }) });
  }
}

function saveResult(c: Context, result: Awaited<ReturnType<OwnerStorage['save']>>) {
  if (!result) return c.json({ error: 'no such artifact' }, 404);
  if (!result.ok) return c.json({ error: 'this artifact changed since your copy was loaded', current: result.current }, 409);
  return c.json({ revision: result.revision, unchanged: result.unchanged });
}

function download(c: Context, body: string | Uint8Array, type: string, name: string) {
  c.header('content-type', type);
  c.header('content-disposition', `attachment; filename="${name}"`);
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}
