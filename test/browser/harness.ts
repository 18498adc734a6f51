// Shared by the browser tests and bench: a real server on a temp data dir, one Chromium,
// axe-core, and a guard that records CSP violations and page errors.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../src/server/index.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const AXE = readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * The app with the test hook (test/browser/entry.ts), bundled once per test process and split
 * into chunks as the production build is (the rules load on demand), the chunks named apart.
 */
let testBundle: Promise<Map<string, string>> | undefined;
function testApp(): Promise<Map<string, string>> {
  testBundle ??= build({
    entryPoints: { app: join(import.meta.dirname, 'entry.ts') },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    splitting: true,
    chunkNames: 'test-chunk-[hash]',
    outdir: join(tmpdir(), 'staffwork-test-entry'),
    logLevel: 'silent',
  }).then((r) => {
    const files = new Map(r.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [basename(f.path), f.text]));
    if (!files.has('app.js')) throw new Error('the test entry did not bundle');
    return files;
  });
  return testBundle;
}

/** Screenshots only with STAFFWORK_SCREENSHOTS=1, into the system's temporary folder; returns the path or undefined. */
export async function shot(page: Page, name: string, fullPage = false): Promise<string | undefined> {
  if (!process.env['STAFFWORK_SCREENSHOTS']) return undefined;
  const dir = join(tmpdir(), 'staffwork-screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

export interface Harness {
  url: string;
  dataDir: string;
  /** The server's first-run code (it starts without accounts). */
  setupCode?: string;
  browser: Browser;
  context: BrowserContext;
  /** Problems seen on any page: CSP violations, uncaught errors, console errors. */
  problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function openHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'staffwork-browser-'));
  const server = await startServer({ port: 0, dataDir, quiet: true });
  const launch = chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // launch() gives every browser a fresh temporary profile (user-data-dir) of its own.
    timeout: 60_000,
  });
  const browser = await launch.catch(async (e: unknown) => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const app = await testApp();
  // The production app bundle is replaced by the test entry (and its chunks); everything else is served as built.
  await context.route(/\/assets\/(app-[A-Za-z0-9]+|test-chunk-[A-Za-z0-9]+)\.js$/, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
    const body = app.get(name.startsWith('app-') ? 'app.js' : name);
    return body === undefined ? route.fulfill({ status: 404, body: 'not found' }) : route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body });
  });
  const problems: string[] = [];
  return {
    url: server.url.replace(/\/$/, ''),
    dataDir,
    ...(server.setupCode ? { setupCode: server.setupCode } : {}),
    browser,
    context,
    problems,
    async newPage() {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/Failed to load resource.*(404|409|413)/.test(m.text())) problems.push(`console: ${m.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
      });
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the front end has rendered its route. */
export async function ready(page: Page): Promise<void> {
  await page.waitForSelector('main[data-ready="true"]');
}

/** Opens an artifact in the editor and waits for its first findings. */
export async function openArtifact(page: Page, url: string, id: string): Promise<void> {
  await page.goto(`${url}/artifacts/${id}`);
  await ready(page);
  // Attached, not visible: on a narrow screen the findings are one tap away.
  await page.waitForSelector('#findings li', { state: 'attached' });
}

export async function axe(page: Page): Promise<string[]> {
  // evaluate() runs through DevTools, outside the page's CSP (which rightly refuses inline scripts).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
  return result;
}

/** Creates an artifact through the API from inside the page (same origin, CSRF header). */
export async function createArtifact(page: Page, body: { text: string } | { kind: string }): Promise<{ id: string; revision: number }> {
  return page.evaluate(async (b) => {
    const res = await fetch('/api/artifacts', { method: 'POST', headers: { 'content-type': 'application/json', 'x-staffwork': '1' }, body: JSON.stringify(b) });
    const json = (await res.json()) as { artifact: { id: string }; revision: { id: number } };
    return { id: json.artifact.id, revision: json.revision.id };
  }, body);
}

/** The head text the server holds for an artifact. */
export async function serverText(url: string, id: string): Promise<string> {
  const res = await fetch(`${url}/api/artifacts/${id}`);
  return ((await res.json()) as { revision: { text: string } }).revision.text;
}

/** Waits until `check` passes, polling; for state outside the page (the server). */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The editor's text, read through CodeMirror. */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.__staffwork?.view.state.doc.toString() ?? '');
}

/** Puts the cursor at `offset` in the editor and focuses it. */
export async function cursorAt(page: Page, offset: number | 'end'): Promise<void> {
  await page.evaluate((o) => {
    const view = window.__staffwork?.view;
    if (!view) throw new Error('no editor');
    view.dispatch({ selection: { anchor: o === 'end' ? view.state.doc.length : o } });
    view.focus();
  }, offset);
}
