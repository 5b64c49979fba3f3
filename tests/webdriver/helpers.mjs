//! What every WebDriver test file shares: one `describe` per engine with a fresh browser profile
//! for each test and the app served from dist/, the problem check after each test, waiting for
//! what a user would see (never a fixed sleep), and finding elements by the names a user reads.
import { after, afterEach, before, beforeEach, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { By, Key } from 'selenium-webdriver';
import { engines, startDriver } from './engines.mjs';
import { serve } from './server.mjs';

export { assert, By, Key };
export const ROOT = join(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, process.env.E2E_DIST || 'dist');

/** Runs `body(ctx)` once per engine of the run (`only`: those of them named); ctx.driver is a
 *  fresh browser for each test, started with `prefs` where the engine takes them, ctx.url the
 *  served dist/. A test ends by checking that the page recorded no problem (server.mjs). */
export function eachEngine(title, body, { only, prefs } = {}) {
  for (const name of engines.filter((e) => !only || only.includes(e))) {
    describe(`${title} [${name}]`, () => {
      const ctx = { engine: name };
      let driverProcess;
      let server;
      before(async () => {
        driverProcess = await startDriver(name);
        server = await serve(DIST, Number(process.env.WEBDRIVER_PORT || 0));
        ctx.url = server.url;
      });
      after(async () => {
        await server?.stop();
        driverProcess?.stop();
      });
      beforeEach(async () => { ctx.driver = await driverProcess.session(prefs); });
      afterEach(async () => {
        try {
          if (ctx.driver) await noProblems(ctx.driver);
        } finally {
          await ctx.driver?.quit();
          ctx.driver = null;
        }
      });
      body(ctx);
    });
  }
}

/** Waits until `check()` returns something truthy (or stops throwing) and returns it. */
export async function until(what, check, ms = 15_000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until `get()` equals `want`. */
export async function untilEqual(what, get, want, ms) {
  let seen;
  try {
    await until(what, async () => { seen = await get(); return seen === want; }, ms);
  } catch {
    assert.equal(seen, want, what);
  }
}

const quote = (s) => (s.includes('"') ? `concat("${s.split('"').join('", \'"\', "')}")` : `"${s}"`);

/** The element named `name` as a screen reader would name it by its label (aria-label). */
export const named = (driver, name) => until(`"${name}"`, () => driver.findElement(By.css(`[aria-label=${JSON.stringify(name)}]`)));

/** A button by its label or, wanting one, its text. */
export const button = (driver, name) => until(`the button "${name}"`, () => driver.findElement(By.xpath(
  `//button[@aria-label=${quote(name)} or (not(@aria-label) and normalize-space(.)=${quote(name)})]`)));

/** Clicks the button, found again if it was rebuilt between finding and clicking: a library
 *  row is rebuilt when the agenda's last save lands just after the library shows. */
export const click = (driver, name) => until(`a click on "${name}"`, async () => {
  await (await button(driver, name)).click();
  return true;
});

/** A button whose label starts with `prefix` (a library row's adds where the agenda came from). */
export const buttonStarting = (driver, prefix) => until(`a button "${prefix}…"`, () => driver.findElement(By.xpath(
  `//button[starts-with(@aria-label, ${quote(prefix)})]`)));

/** A form field's current value (the property, which is what the user sees). */
export const value = (driver, el) => driver.executeScript('return arguments[0].value', el);
export const fieldValue = async (driver, name) => value(driver, await named(driver, name));


/** Presses `key` with the modifiers held, on whatever has the focus. */
export async function press(driver, modifiers, key) {
  let a = driver.actions({ async: true });
  for (const m of modifiers) a = a.keyDown(m);
  a = a.sendKeys(key);
  for (const m of [...modifiers].reverse()) a = a.keyUp(m);
  await a.perform();
}

/** Types text into whatever has the focus. Text goes by Element Send Keys, not key actions: in
 *  WebKitWebDriver, a "-" sent as a key action ends the typing there. */
export const type = async (driver, text) => (await driver.switchTo().activeElement()).sendKeys(text);

/** Replaces a field's text as a user does: click, select all, delete, type. Ctrl+A is a key
 *  action of its own: sent in one Element Send Keys with the text, geckodriver keeps Control
 *  held for the text. */
export async function fill(driver, name, text) {
  const el = await named(driver, name);
  await el.click();
  await press(driver, [Key.CONTROL], 'a');
  await press(driver, [], Key.BACK_SPACE);
  if (text) await el.sendKeys(text);
  await untilEqual(`"${name}" holds what was typed`, () => value(driver, el), text);
  return el;
}

/** The aria-label of the focused element. */
export const focused = (driver) => driver.executeScript('return document.activeElement && document.activeElement.getAttribute("aria-label")');

export const text = (driver, css) => driver.executeScript(`const e = document.querySelector(${JSON.stringify(css)}); return e && e.textContent.trim()`);
export const texts = (driver, css) => driver.executeScript(`return [...document.querySelectorAll(${JSON.stringify(css)})].map((e) => e.textContent.trim())`);

/** The checks panel's counts, as "0 errors · 1 warning · 0 notes". */
export const counts = (driver) => driver.executeScript('const e = document.querySelector(".checks .counts"); return e && e.textContent.replace(/\\s+/g, " ").trim()');

export async function openLibrary(driver, url) {
  await driver.get(url);
  await until('the library', () => driver.executeScript('const h = document.querySelector("h1"); return h && h.textContent.trim() === "Agendum"'), 30_000);
}

export async function openExample(driver, url) {
  await openLibrary(driver, url);
  await click(driver, 'Open the TD514 example');
  await untilEqual('the checks panel', () => counts(driver), '0 errors · 1 warning · 0 notes', 30_000);
}

/** Waits until everything typed so far is saved. */
export const saved = (driver) => untilEqual('"Saved" in the top bar', () => text(driver, '.save-state'), 'Saved');

/** What the page recorded as going wrong (server.mjs); null on a page without the recorder. */
export const problems = (driver) => driver.executeScript('return window.__problems || null');

export async function noProblems(driver) {
  const p = await problems(driver).catch(() => []);
  assert.deepEqual(p ?? [], [], 'console errors, exceptions or blocked loads on the page');
}

/** Reloads as the user's F5 does, after checking the page so far had no problem (a reload
 *  forgets them). The page reloads itself: geckodriver's Refresh command is a reload that
 *  bypasses the service worker, which no user's reload does. */
export async function reload(driver) {
  await noProblems(driver);
  await driver.executeScript('window.__before_reload = true; setTimeout(() => location.reload(), 0)');
  await until('the page to reload', () => driver.executeScript('return !window.__before_reload && document.readyState === "complete"'), 30_000);
}

/** Engines whose downloads land where the test cannot read them; there the test takes the file
 *  the page hands the browser instead (see `download`). */
const CAUGHT = new Set((process.env.WEBDRIVER_CATCH_DOWNLOADS ?? 'webkit').split(',').filter(Boolean));

/** Presses the button and returns the file it downloads, name and bytes, once complete. Chromium
 *  and Firefox save it to the session's own folder (engines.mjs). WebKitGTK's MiniBrowser has no
 *  download folder a WebDriver session can set, so there the blob behind the page's download
 *  link is read instead: the same bytes under the same name, short of the save itself. */
export async function download(driver, name, pattern) {
  const caught = CAUGHT.has(driver.engine);
  if (caught) {
    await driver.executeScript(`
      if (window.__downloads) return;
      window.__downloads = [];
      // The Blob itself, not a fetch of its URL, which the page's connect-src forbids.
      const blobs = new Map();
      const create = URL.createObjectURL;
      URL.createObjectURL = (b) => { const u = create.call(URL, b); blobs.set(u, b); return u; };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        if (!this.download || !blobs.has(this.href)) return click.call(this);
        const file = { name: this.download, base64: null };
        window.__downloads.push(file);
        blobs.get(this.href).arrayBuffer().then((b) => {
          let s = '';
          for (const c of new Uint8Array(b)) s += String.fromCharCode(c);
          file.base64 = btoa(s);
        });
      };`);
  }
  await click(driver, name);
  if (caught) {
    const file = await until(`a download matching ${pattern}`, () => driver.executeScript(
      'return window.__downloads.find((f) => f.base64 !== null && new RegExp(arguments[0]).test(f.name)) || null', pattern.source), 20_000);
    const bytes = Buffer.from(file.base64, 'base64');
    return { name: file.name, bytes, text: bytes.toString('utf8') };
  }
  const file = await until(`a download matching ${pattern} in ${driver.downloads}`, async () => {
    const files = await readdir(driver.downloads);
    if (files.some((f) => /\.(part|crdownload|download)$/.test(f))) return null;
    return files.find((f) => pattern.test(f));
  }, 20_000);
  const bytes = await readFile(join(driver.downloads, file));
  return { name: file, bytes, text: bytes.toString('utf8') };
}
