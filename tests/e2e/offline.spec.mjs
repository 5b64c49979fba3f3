// Offline and anywhere: the hosted build keeps working with the network gone once it has been
// visited (service worker), says when a new build is ready instead of reloading by itself, and
// the single-file edition (dist-single/agendum.html, from scripts/build-single.sh) runs from
// disk. Every page runs under its Content-Security-Policy; a violation is a console error, which
// fails the test (helpers.mjs), and is also collected here from the page's own events.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, field, saved } from './helpers.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, process.env.E2E_DIST || 'dist');
const SINGLE = join(ROOT, 'dist-single', 'agendum.html');

const library = (page) => page.getByRole('heading', { name: 'Agendum', level: 1 });
const banner = (page) => page.getByRole('status').filter({ hasText: 'A new version of Agendum is ready' });

/** Records Content-Security-Policy violations of the page and its frames, for `violations`. */
async function watchPolicy(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`);
    });
  });
}
const violations = (page) => page.evaluate(() => window.__violations);

/** Waits until the service worker controls the page (the first visit installs it). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

async function download(page, button) {
  const d = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await d;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Library → new blank agenda with this document number, saved. */
async function createAgenda(page, number) {
  await page.getByRole('button', { name: 'New blank agenda' }).click();
  await field(page, 'Document number').fill(number);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${number} Untitled agenda`);
  await saved(page);
}

/** Print (Ctrl+P) renders the export in a srcdoc frame; headless Chromium has no print dialog. */
async function printsTheDocument(page, number) {
  await page.evaluate(() => {
    window.__printed = [];
    new MutationObserver(() => {
      const f = document.getElementById('print-frame');
      if (f && f.contentWindow) f.contentWindow.print = () => window.__printed.push(f.contentDocument.documentElement.outerHTML);
    }).observe(document.body, { childList: true });
  });
  await page.keyboard.press('Control+p');
  await expect.poll(() => page.evaluate(() => window.__printed.length)).toBe(1);
  const printed = await page.evaluate(() => window.__printed[0]);
  expect(printed).toContain('<h1>Agenda</h1>');
  expect(printed).toContain(number);
}

/** A free port on 127.0.0.1, for a second server the test controls. */
async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

/** Serves a folder with the project's test server on a port of its own. */
async function serve(dir) {
  const port = await freePort();
  const server = spawn(process.execPath, [join(ROOT, 'tests/e2e/serve.mjs'), dir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => { if (String(d).includes('serving')) resolve(); });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => server.kill() };
}

test('the hosted build is installable, and after one visit works with the network gone', async ({ page, context }) => {
  await watchPolicy(context);
  await page.goto('/');
  await expect(library(page)).toBeVisible();
  await controlled(page);

  // Installable: Chromium finds the manifest and its icon and has nothing against installing.
  const cdp = await context.newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.errors).toEqual([]);
  expect(JSON.parse(manifest.data).name).toBe('Agendum');
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Every Playwright context is a private one, where Chromium never installs; nothing else.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

  // The network really is gone for this browser: another origin it reached a moment ago fails.
  const other = await serve(DIST);
  try {
    const probe = await context.newPage();
    expect((await probe.goto(`${other.url}icon.svg`)).ok()).toBe(true);
    await context.setOffline(true);
    await expect(probe.goto(`${other.url}icon.svg?again`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await probe.close();
  } finally {
    other.stop();
  }

  const response = await page.reload();
  expect(response.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  await expect(library(page)).toBeVisible();
  await createAgenda(page, 'TD901');

  await page.reload(); // still offline: comes back to the open agenda
  await expect(field(page, 'Document number')).toHaveValue('TD901');
  await page.getByRole('button', { name: '← Agendas' }).click();
  await page.getByRole('button', { name: 'Open TD901 Untitled agenda' }).click();
  const json = await download(page, 'Export JSON');
  expect(json.name).toMatch(/^TD901.*\.agenda\.json$/);
  expect(JSON.parse(json.text).agenda.document).toBe('TD901');
  const html = await download(page, 'Export HTML');
  expect(html.text).toContain('TD901');
  await printsTheDocument(page, 'TD901');
  expect(await violations(page)).toEqual([]);
});

test('a new build is announced with a Reload button, never reloaded silently, and replaces the old one', async ({ page, context }) => {
  const dir = await mkdtemp(join(tmpdir(), 'agendum-deploy-'));
  await cp(DIST, dir, { recursive: true });
  const server = await serve(dir); // a copy of the build, to "deploy" a new one to
  try {
    await watchPolicy(context);
    await page.goto(server.url);
    await expect(library(page)).toBeVisible();
    await controlled(page);
    const before = await page.evaluate(() => caches.keys());
    expect(before).toHaveLength(1);
    await expect(banner(page), 'no banner on the first visit').toHaveCount(0);

    await page.getByRole('button', { name: 'New blank agenda' }).click();
    const doc = field(page, 'Document number');
    await doc.fill('TD90');
    await page.evaluate(() => { window.__samePage = true; });

    // "Deploy" a new build: a changed page and a service worker with a new version.
    const sw = await readFile(join(dir, 'sw.js'), 'utf8');
    const version = /"version":"([0-9a-f]+)"/.exec(sw)[1];
    await writeFile(join(dir, 'sw.js'), sw.replace(`"version":"${version}"`, `"version":"${version}0"`));
    const index = await readFile(join(dir, 'index.html'), 'utf8');
    await writeFile(join(dir, 'index.html'), index.replace('<title>', '<meta name="agendum-test-build" content="next">\n  <title>'));

    // The tab looks for updates when it becomes visible again; the check is the same.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await expect(banner(page)).toBeVisible();
    await expect(banner(page)).toContainText('A new version of Agendum is ready —');
    await expect(banner(page).getByRole('button', { name: 'Reload' })).toBeVisible();
    await expect(doc).toBeFocused(); // the banner took nothing from the field being typed in
    await doc.pressSequentially('2'); // typing goes on: nothing reloaded
    await expect(doc).toHaveValue('TD902');
    expect(await page.evaluate(() => window.__samePage)).toBe(true);
    expect(await page.locator('meta[name="agendum-test-build"]').count()).toBe(0);

    // A second visit while the new version waits is told the same.
    const other = await context.newPage();
    await other.goto(server.url);
    await expect(banner(other)).toBeVisible();
    await other.close();

    await banner(page).getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="agendum-test-build"]')).toHaveCount(1);
    expect(await page.evaluate(() => window.__samePage)).toBeUndefined();
    await expect(field(page, 'Document number')).toHaveValue('TD902'); // saved before the reload
    await expect(banner(page)).toHaveCount(0);
    const after = await page.evaluate(() => caches.keys());
    expect(after).toEqual([`agendum-shell-${version}0`]); // the old build's cache is gone
    expect(await violations(page)).toEqual([]);
  } finally {
    server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the single-file edition runs from disk: create, reload, find, export and print', async ({ page, context }) => {
  const info = await stat(SINGLE).catch(() => null);
  expect(info, 'dist-single/agendum.html exists (bash scripts/build-single.sh)').not.toBeNull();
  console.log(`dist-single/agendum.html: ${info.size} bytes`);
  const single = await readFile(SINGLE, 'utf8');
  const built = /from '\/?([^']*agendum-app-[0-9a-f]+\.js)'/.exec(await readFile(join(DIST, 'index.html'), 'utf8'));
  if (built) expect(single, 'dist-single/ is made from the current dist/ (bash scripts/build-single.sh)').toContain(`from ${built[1].replace(/^.*\//, '')}`);
  expect(single).not.toContain('serviceWorker');

  await watchPolicy(context);
  await page.goto(pathToFileURL(SINGLE).href);
  await expect(library(page)).toBeVisible();
  await createAgenda(page, 'TD902');

  await page.reload();
  await expect(field(page, 'Document number')).toHaveValue('TD902');
  await page.getByRole('button', { name: '← Agendas' }).click();
  await page.getByRole('button', { name: 'Open TD902 Untitled agenda' }).click();
  const json = await download(page, 'Export JSON');
  expect(JSON.parse(json.text).agenda.document).toBe('TD902');
  const html = await download(page, 'Export HTML');
  expect(html.name).toMatch(/^TD902.*\.html$/);
  expect(html.text).toContain('TD902');
  await printsTheDocument(page, 'TD902');
  expect(await violations(page)).toEqual([]);
});
