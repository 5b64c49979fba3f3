// Shared pieces of the browser figures of scripts/bench.sh: the browser (Debian's Chromium,
// headless, launched the way tests/e2e/playwright.config.mjs launches it), statistics, and the
// results file every figure is appended to (one JSON object a line; bench/report.mjs prints it).
import { appendFileSync } from 'node:fs';
import { chromium } from 'playwright';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A fresh profile: its own storage, cache and service workers. */
export function freshContext(browser) {
  return browser.newContext({ viewport: { width: 1280, height: 800 } });
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Nearest-rank percentile: the smallest value at or above p% of the samples. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

/** Appends one figure to the results file ($BENCH_RESULTS), or prints it. */
export function emit(figure) {
  const line = `${JSON.stringify(figure)}\n`;
  if (process.env.BENCH_RESULTS) appendFileSync(process.env.BENCH_RESULTS, line);
  else process.stdout.write(line);
}

/** Collects console errors and uncaught exceptions of a page, to report with the figure. */
export function watchProblems(page) {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return problems;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Writes agenda files into a context's localStorage before the page's own scripts run, each
 *  under agendum.agenda.ID (the key src/storage.rs reads for the agenda ID): `agendas` maps IDs
 *  to file texts. */
export async function seed(context, agendas) {
  await context.addInitScript((agendas) => {
    if (window.top !== window) return;
    for (const [id, text] of Object.entries(agendas)) localStorage.setItem(`agendum.agenda.${id}`, text);
  }, agendas);
}

/** Runs in the page before its scripts: keeps the main wasm module's memory as
 *  window.__benchWasmMemory (the first module instantiated: the editor's, not a worker's). */
export function wasmMemoryProbe() {
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (!original) continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        const instance = result.instance || result;
        if (!window.__benchWasmMemory && instance.exports && instance.exports.memory) {
          window.__benchWasmMemory = instance.exports.memory;
        }
        return result;
      });
    };
  }
}

/** The page's memory: the wasm memory's size and, over CDP after a garbage collection, the JS
 *  heap in use and the DOM's node count. In bytes, except nodes. */
export async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => (metrics.find((m) => m.name === name) || {}).value ?? null;
    const wasm = await page.evaluate(() => (window.__benchWasmMemory ? window.__benchWasmMemory.buffer.byteLength : null));
    return { wasm, js_heap: metric('JSHeapUsedSize'), js_heap_total: metric('JSHeapTotalSize'), nodes: metric('Nodes') };
  } finally {
    await cdp.detach();
  }
}

/**
 * Opens the agenda file `text`, stored under `id`, in the editor of a fresh browser context and
 * waits until its checks show. Returns the context, the page and the page's problems.
 */
export async function openAgenda(browser, appUrl, id, text) {
  const context = await freshContext(browser);
  await seed(context, { [id]: text });
  await context.addInitScript(wasmMemoryProbe);
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(new URL(`/#/agenda/${id}`, appUrl).href);
  await page.locator('.counts', { hasText: /errors? ·/ }).waitFor({ timeout: 180_000 });
  return { context, page, problems };
}

/**
 * Clicks into the field labelled `label` and puts the caret at its end. On a long agenda the rows
 * out of view are not laid out (content-visibility), and Playwright waits for a box with a size
 * before it scrolls, and for its accessibility tree before it finds a role: the field is found by
 * its label attribute and scrolled into view first, as a user scrolling to it would.
 */
export async function clickField(page, label) {
  // A long table builds only the rows near the viewport (src/lazy.rs): scroll down until the
  // field's row is built, as a user would.
  await page.evaluate(async (l) => {
    const find = () => [...document.querySelectorAll('[aria-label]')].find((e) => e.getAttribute('aria-label') === l);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (let y = 0; !find() && y <= document.documentElement.scrollHeight; y += innerHeight / 2) {
      window.scrollTo(0, y);
      for (let i = 0; i < 5 && !find(); i++) await frame();
    }
  }, label);
  const box = page.locator(`[aria-label=${JSON.stringify(label)}]`);
  await box.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await box.click();
  await page.keyboard.press('Control+End');
  return box;
}
