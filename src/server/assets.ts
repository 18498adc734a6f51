// The built front end (dist/web): fingerprinted files listed in manifest.json, each JS and CSS
// file with a brotli and a gzip copy made at build time. Served with long-lived immutable
// caching (a new build has new names) and the encoding the browser accepts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AssetFile {
  body: Buffer;
  br?: Buffer;
  gz?: Buffer;
  type: string;
}

export interface Assets {
  /** Logical name (app.js, app.css, lint-worker.js, print.css, print-page.js) to its URL path. */
  urls: Record<string, string>;
  /** Logical name to its fingerprinted file name. */
  names: Record<string, string>;
  /** Fingerprinted file name to its content. */
  files: Map<string, AssetFile>;
}

const LOGICAL = ['app.js', 'app.css', 'lint-worker.js', 'print.css', 'print-page.js'];

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', map: 'application/json; charset=utf-8' };

/** The front end in `dir`, or undefined when it is not built (or built by an older build without a manifest). */
export function loadAssets(dir: string): Assets | undefined {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { assets: Record<string, string>; files: string[] };
  if (!LOGICAL.every((n) => typeof manifest.assets[n] === 'string')) return undefined;
  const files = new Map<string, AssetFile>();
  for (const f of manifest.files) {
    if (/\.(br|gz)$/.test(f) || f === 'manifest.json') continue;
    const ext = f.split('.').pop() ?? '';
    const type = TYPES[ext];
    if (!type || !existsSync(join(dir, f))) continue;
    const read = (p: string) => (existsSync(join(dir, p)) ? readFileSync(join(dir, p)) : undefined);
    const br = read(`${f}.br`);
    const gz = read(`${f}.gz`);
    files.set(f, { body: readFileSync(join(dir, f)), type, ...(br ? { br } : {}), ...(gz ? { gz } : {}) });
  }
  const urls = Object.fromEntries(LOGICAL.map((n) => [n, `/assets/${manifest.assets[n]}`]));
  const names = Object.fromEntries(LOGICAL.map((n) => [n, manifest.assets[n] as string]));
  return LOGICAL.every((n) => files.has(names[n] as string)) ? { urls, names, files } : undefined;
}

/**
 * The response for GET /assets/:name: the best encoding the request accepts. A fingerprinted
 * name is cached for a year; a logical name (the printable pages' `print.css`, which the page
 * renderer names without a build at hand) is revalidated by its ETag.
 */
export function assetResponse(assets: Assets | undefined, name: string, headers_: { acceptEncoding?: string | undefined; ifNoneMatch?: string | undefined }): Response {
  if (!assets) return new Response('the workbench is not built; run `npm run build`', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const logical = Object.hasOwn(assets.names, name) ? assets.names[name] : undefined;
  const file = assets.files.get(logical ?? name);
  if (!file) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const etag = `"${logical ?? name}"`;
  const cache = logical ? 'no-cache' : 'public, max-age=31536000, immutable';
  if (logical && headers_.ifNoneMatch === etag) return new Response(null, { status: 304, headers: { etag, 'cache-control': cache, vary: 'accept-encoding' } });
  const acceptEncoding = headers_.acceptEncoding;
  const accepts = parseAcceptEncoding(acceptEncoding);
  const [encoding, body] = file.br && accepts('br') ? ['br', file.br] : file.gz && accepts('gzip') ? ['gzip', file.gz] : [undefined, file.body];
  const headers: Record<string, string> = {
    'content-type': file.type,
    'cache-control': cache,
    vary: 'accept-encoding',
    etag,
    'content-length': String(body.length),
  };
  if (encoding) headers['content-encoding'] = encoding;
  return new Response(new Uint8Array(body), { status: 200, headers });
}

/** Whether a coding is acceptable per Accept-Encoding (q=0 refuses it; `*` stands for the rest). */
function parseAcceptEncoding(header: string | undefined): (coding: string) => boolean {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qp ? Number(qp.slice(2)) || 0 : 1);
  }
  return (coding) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
}
