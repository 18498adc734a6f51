// The workbench's HTTP surface: the page shell for every route, static assets, the JSON API
// (artifacts, revisions, portfolio progress, export) and the printable pages. Safe by
// default: strict CSP, a CSRF guard on every state-changing request, a Host check against
// DNS rebinding when bound to loopback, and a body size limit.
import { strToU8, zipSync } from 'fflate';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { NONCE, secureHeaders, type SecureHeadersVariables } from 'hono/secure-headers';
import { z } from 'zod';
import { builtinRules, defaultModule, skeleton } from '../core/index.ts';
import { describe, evaluatePortfolio, fileNames, setOf, slug } from './portfolio.ts';
import { escapeHtml, ICON_LINK, printPage } from './print.ts';
import type { Storage } from './storage/types.ts';

/** 2 MiB: far above a 12-page artifact (~40 KB), far below what could hurt the server. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** The header every state-changing request must carry. Browsers cannot add it cross-site without a CORS preflight, which this server never grants. */
export const CSRF_HEADER = 'x-staffwork';

export interface Assets {
  'app.js': string;
  'lint-worker.js': string;
  'app.css': string;
  'print.css': string;
}

export interface AppOptions {
  storage: Storage;
  assets: Assets | undefined;
  /** Host names accepted in the Host header; undefined accepts any (the user chose --host). */
  allowedHosts: Set<string> | undefined;
}

type Env = { Variables: SecureHeadersVariables };

const SaveBody = z.object({ text: z.string(), baseRevision: z.number().int().nonnegative() }).strict();
const CreateBody = z.union([z.object({ text: z.string() }).strict(), z.object({ kind: z.string(), title: z.string().max(200).optional() }).strict()]);
const ArchiveBody = z.object({ archived: z.boolean() }).strict();
const RestoreBody = z.object({ revision: z.number().int().positive(), baseRevision: z.number().int().nonnegative() }).strict();

export function createApp({ storage, assets, allowedHosts }: AppOptions): Hono<Env> {
  const app = new Hono<Env>();

  app.onError((err, c) => {
    if (err instanceof HTTPException) return err.getResponse();
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
    if (allowedHosts && !allowedHosts.has(host)) return c.json({ error: `unexpected Host header "${host}"` }, 421);
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

  // Pages: one shell; the front end renders the route. Unknown ids get a 404 status.
  app.get('/', (c) => page(c, 200));
  app.get('/cases/:id', (c) => page(c, defaultModule.caseStudies.some((cs) => String(cs.id) === c.req.param('id')) ? 200 : 404));
  app.get('/artifacts/new', (c) => page(c, 200));
  app.get('/rules/:area/:name', (c) => page(c, builtinRules.some((r) => r.meta.id === `${c.req.param('area')}/${c.req.param('name')}`) ? 200 : 404));
  app.get('/artifacts/:id', async (c) => page(c, (await storage.get(c.req.param('id'))) ? 200 : 404));
  app.get('/artifacts/:id/print', async (c) => {
    const found = await storage.get(c.req.param('id'));
    if (!found) return page(c, 404);
    const { artifacts } = evaluatePortfolio([{ artifact: found.artifact, text: found.revision.text }]);
    return c.html(printPage(found.artifact.title, [printItem(found.artifact, found.revision.text, artifacts[0])], false));
  });
  app.get('/print', async (c) => {
    const items = await heads(storage);
    const { artifacts } = evaluatePortfolio(items);
    return c.html(printPage(`Portfolio: ${defaultModule.title}`, items.map((it, i) => printItem(it.artifact, it.text, artifacts[i])), true));
  });
  app.get('/assets/:name', (c) => {
    const name = c.req.param('name') as keyof Assets;
    const body = assets && Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (body === undefined) return c.text(assets ? 'not found' : 'the workbench is not built; run `npm run build`', assets ? 404 : 503);
    c.header('content-type', name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8');
    c.header('cache-control', 'no-cache');
    return c.body(body);
  });

  app.get('/api/portfolio', async (c) => c.json(evaluatePortfolio(await heads(storage))));

  app.post('/api/artifacts', async (c) => {
    const body = CreateBody.parse(await json(c));
    let text: string;
    if ('text' in body) text = body.text;
    else {
      if (!defaultModule.kinds.some((k) => k.id === body.kind)) return c.json({ error: `unknown kind "${body.kind}"; expected one of ${defaultModule.kinds.map((k) => k.id).join(', ')}` }, 400);
      text = skeleton(defaultModule, body.kind, body.title ? { title: body.title } : {});
    }
    const { artifact, revision } = await storage.create(text, describe(text));
    return c.json({ artifact, revision, text }, 201);
  });

  // The archived artifacts, for the home page's "Show archived" list (the portfolio leaves them out).
  app.get('/api/artifacts', async (c) => {
    const which = c.req.query('archived');
    if (which !== undefined && which !== 'only' && which !== 'include' && which !== 'exclude') return c.json({ error: 'archived must be one of only, include, exclude' }, 400);
    return c.json({ artifacts: await storage.list({ archived: which ?? 'exclude' }) });
  });

  // The heads of the artifacts in one `set:` (the audience variants of a summary), for the
  // editor's live set check. Archived artifacts are not members, as in the portfolio.
  app.get('/api/sets/:name', async (c) => {
    const name = c.req.param('name').trim();
    const members = (await heads(storage)).flatMap(({ artifact, text, revision }) => {
      const set = setOf(text);
      return set && set.name === name ? [{ artifact, audience: set.audience, revision: { id: revision.id, text } }] : [];
    });
    return c.json({ set: name, members });
  });

  app.get('/api/artifacts/:id', async (c) => {
    const found = await storage.get(c.req.param('id'));
    return found ? c.json({ artifact: found.artifact, revision: found.revision }) : c.json({ error: 'no such artifact' }, 404);
  });

  app.put('/api/artifacts/:id', async (c) => {
    const { text, baseRevision } = SaveBody.parse(await json(c));
    return saveResult(c, await storage.save(c.req.param('id'), text, baseRevision, describe(text)));
  });

  // Archiving hides an artifact from the home list, the portfolio, progress and exports; the
  // text and every revision stay, and archived: false brings it back.
  app.post('/api/artifacts/:id/archive', async (c) => {
    const { archived } = ArchiveBody.parse(await json(c));
    const artifact = await storage.setArchived(c.req.param('id'), archived);
    return artifact ? c.json({ artifact }) : c.json({ error: 'no such artifact' }, 404);
  });

  app.get('/api/artifacts/:id/revisions', async (c) => {
    const list = await storage.revisions(c.req.param('id'));
    return list ? c.json({ revisions: list }) : c.json({ error: 'no such artifact' }, 404);
  });

  app.get('/api/artifacts/:id/revisions/:rev', async (c) => {
    const rev = await storage.revision(c.req.param('id'), Number(c.req.param('rev')));
    return rev ? c.json({ revision: rev }) : c.json({ error: 'no such revision' }, 404);
  });

  // Restoring an old revision appends it as a new one, so the history only ever grows.
  app.post('/api/artifacts/:id/restore', async (c) => {
    const id = c.req.param('id');
    const { revision, baseRevision } = RestoreBody.parse(await json(c));
    const old = await storage.revision(id, revision);
    if (!old) return c.json({ error: 'no such revision' }, 404);
    return saveResult(c, await storage.save(id, old.text, baseRevision, describe(old.text)));
  });

  app.get('/api/artifacts/:id/export.md', async (c) => {
    const found = await storage.get(c.req.param('id'));
    if (!found) return c.json({ error: 'no such artifact' }, 404);
    return download(c, found.revision.text, 'text/markdown; charset=utf-8', `${slug(found.artifact.title) || 'artifact'}.md`);
  });

  app.get('/api/export.zip', async (c) => {
    const items = await heads(storage);
    const names = fileNames(items.map((it) => it.artifact.title));
    const zip = zipSync(Object.fromEntries(items.map((it, i) => [names[i] as string, strToU8(it.text)])), { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
    return download(c, zip, 'application/zip', 'staffwork-portfolio.zip');
  });

  return app;
}

function page(c: Context<Env>, status: 200 | 404) {
  const nonce = c.get('secureHeadersNonce') ?? '';
  return c.html(shell(nonce), status);
}

function shell(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csp-nonce" content="${escapeHtml(nonce)}">
<title>staffwork</title>
${ICON_LINK}
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/app.js"></script>
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

async function heads(storage: Storage) {
  const list = await storage.list();
  const found = await Promise.all(list.map((a) => storage.get(a.id)));
  return found.flatMap((f) => (f ? [{ artifact: f.artifact, text: f.revision.text, revision: f.revision }] : []));
}

function printItem(artifact: { title: string; kind: string | null; updatedAt: string }, text: string, counts: { errorCount: number; warningCount: number } | undefined) {
  const e = counts?.errorCount ?? 0;
  const w = counts?.warningCount ?? 0;
  const findings = e + w === 0 ? 'no errors or warnings' : `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
  const kind = defaultModule.kinds.find((k) => k.id === artifact.kind)?.name ?? null;
  return { title: artifact.title, kind, updatedAt: artifact.updatedAt, text, findings };
}

/** The body as JSON, or a 400 that says what is wrong with it. */
async function json(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new HTTPException(400, { res: Response.json({ error: 'request body is not valid JSON' }, { status: 400 }) });
  }
}

function saveResult(c: Context, result: Awaited<ReturnType<Storage['save']>>) {
  if (!result) return c.json({ error: 'no such artifact' }, 404);
  if (!result.ok) return c.json({ error: 'this artifact changed since your copy was loaded', current: result.current }, 409);
  return c.json({ revision: result.revision, unchanged: result.unchanged });
}

function download(c: Context, body: string | Uint8Array, type: string, name: string) {
  c.header('content-type', type);
  c.header('content-disposition', `attachment; filename="${name}"`);
  return c.body(typeof body === 'string' ? body : new Uint8Array(body));
}
