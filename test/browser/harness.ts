// Shared by the browser tests and bench: a real server on a temp data dir, one Chromium,
// axe-core, and a guard that records CSP violations and page errors.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startServer } from '../../src/server/index.ts';

export const CHROMIUM = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
const AXE = readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

export interface Harness {
  url: string;
  dataDir: string;
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
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    // launch() gives every browser a fresh temporary profile (user-data-dir) of its own.
    timeout: 60_000,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  return {
    url: server.url.replace(/\/$/, ''),
    dataDir,
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
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
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

export async function axe(page: Page): Promise<string[]> {
  // evaluate() runs through DevTools, outside the page's CSP (which rightly refuses inline scripts).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
  });
  return result;
}
