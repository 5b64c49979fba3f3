// Cold load, for scripts/bench.sh:
//
//   node bench/cold-load.mjs APP_URL FLOOR_URL TD514_FILE [RUNS [REPEAT_CONTEXTS]]
//
// Each run is a fresh browser context (a new profile: empty HTTP cache, no service worker, no
// compiled-wasm cache). The editor: the TD514 example is written into that context's
// localStorage before the page's own scripts run (under agendum.agenda.bench, the key
// src/storage.rs reads for the agenda "bench"), then the page goes to /#/agenda/bench; it is
// interactive when the checks panel's counts ("0 errors · 1 warnings · …") are on screen. The
// floor: its page, interactive when its button is in the DOM. Both measured inside the page, from
// navigation start (performance.timeOrigin) to the first animation frame at which the condition
// holds (polled every frame with requestAnimationFrame). Runs alternate editor and floor, after
// one unmeasured warm-up of each, so background load on the machine falls on both alike.
//
// Repeat visits: in each of REPEAT_CONTEXTS (3) fresh contexts, the page is loaded once (the
// editor's service worker installs and fills its cache; the browser compiles the wasm), then
// loaded again 3 times, each in a new tab of the same context, measured as above: the editor
// served by its service worker, with the browser's compiled-code cache warm; the floor, which
// has no service worker, from the HTTP cache (bench/serve.mjs answers 304 Not Modified). The
// figure is the median of those later loads.
import { readFileSync } from 'node:fs';
import { emit, freshContext, launch, median, watchProblems } from './lib.mjs';

const [appUrl, floorUrl, fixture, runsArg] = process.argv.slice(2);
if (!appUrl || !floorUrl || !fixture) {
  console.error('usage: node bench/cold-load.mjs APP_URL FLOOR_URL TD514_FILE [RUNS]');
  process.exit(2);
}
const RUNS = Number(runsArg || 10);
const REPEAT_CONTEXTS = Number(process.argv[6] || 3);
const REPEATS = 3;
const td514 = readFileSync(fixture, 'utf8');

// Runs in the page before any of its scripts: polls every frame for the condition and keeps the
// time it first held. On the way it notes when the wasm module is compiled and instantiated
// (WebAssembly.instantiateStreaming resolves) and when Trunk's loader says the app has started
// (after its main function has run).
function readyProbe({ selector, text }) {
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (!original) continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        if (window.__benchInstantiated === undefined) window.__benchInstantiated = performance.now();
        return result;
      });
    };
  }
  addEventListener('TrunkApplicationStarted', () => { window.__benchStarted = performance.now(); });
  const poll = () => {
    const el = document.querySelector(selector);
    if (el && (!text || el.textContent.includes(text))) {
      window.__benchReady = performance.now();
      requestAnimationFrame(whole);
      return;
    }
    requestAnimationFrame(poll);
  };
  // The editor builds the first rows of its tables with its first frame and the rest in the
  // task after it (src/lazy.rs): also kept, for the record, the first frame with every row built.
  const whole = () => {
    if (!document.querySelector('tr.stand-in')) {
      window.__benchWhole = performance.now();
      return;
    }
    requestAnimationFrame(whole);
  };
  requestAnimationFrame(poll);
}

/** Prepares a fresh context for `which` page; returns the address to load. */
async function prepare(context, which) {
  if (which === 'app') {
    await context.addInitScript(({ text }) => {
      if (window.top === window) localStorage.setItem('agendum.agenda.bench', text);
    }, { text: td514 });
    await context.addInitScript(readyProbe, { selector: '.counts', text: 'errors' });
    return new URL('/#/agenda/bench', appUrl).href;
  }
  await context.addInitScript(readyProbe, { selector: 'button' });
  return new URL('/', floorUrl).href;
}

/** Loads `url` in a new tab of `context` until the page is ready; returns the time it took. */
async function load(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 120_000, polling: 50 });
    return { ms: await page.evaluate(() => window.__benchReady), controlled: await page.evaluate(() => Boolean(navigator.serviceWorker && navigator.serviceWorker.controller)) };
  } finally {
    await page.close();
  }
}

/** One context: a first visit, then REPEATS repeat visits; returns the repeat visits' times. */
async function repeat(browser, which) {
  const context = await freshContext(browser);
  try {
    const url = await prepare(context, which);
    const first = await context.newPage();
    await first.goto(url, { waitUntil: 'commit' });
    await first.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 120_000, polling: 50 });
    if (which === 'app') {
      // The service worker active with its cache filled (install waits for the cache).
      await first.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    }
    // The compiled code is cached once compilation has finished in the background.
    await new Promise((r) => setTimeout(r, 1500));
    await first.close();
    const out = [];
    let served = 0;
    for (let i = 0; i < REPEATS; i++) {
      const r = await load(context, url);
      out.push(r.ms);
      if (r.controlled) served++;
    }
    return { samples: out, served };
  } finally {
    await context.close();
  }
}

async function once(browser, which) {
  const context = await freshContext(browser);
  try {
    const url = await prepare(context, which);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 120_000, polling: 50 });
    if (which === 'app') {
      await page.waitForFunction(() => window.__benchWhole !== undefined, null, { timeout: 120_000, polling: 50 });
    }
    const ms = await page.evaluate(() => window.__benchReady);
    // Where the time went: the .wasm fully downloaded, and the page's own scripts done.
    const marks = await page.evaluate(() => {
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        wasm: wasm ? wasm.responseEnd : null,
        dcl: nav ? nav.domContentLoadedEventEnd : null,
        instantiated: window.__benchInstantiated ?? null,
        started: window.__benchStarted ?? null,
        whole: window.__benchWhole ?? null,
      };
    });
    if (which === 'app') {
      // The agenda that opened must be the seeded TD514, with its one warning.
      const counts = await page.locator('.counts').textContent();
      const title = await page.locator('h1.doc-name').textContent();
      if (!/TD514/.test(title)) problems.push(`opened "${title}", not the TD514 example`);
      return { ms, marks, counts: counts.replace(/\s+/g, ' ').trim(), problems };
    }
    return { ms, marks, problems };
  } finally {
    await context.close();
  }
}

const browser = await launch();
try {
  await once(browser, 'app');
  await once(browser, 'floor');
  const app = [];
  const floor = [];
  const marks = { app: [], floor: [] };
  const problems = new Set();
  let counts = '';
  for (let i = 0; i < RUNS; i++) {
    const a = await once(browser, 'app');
    app.push(a.ms);
    marks.app.push(a.marks);
    counts = a.counts;
    a.problems.forEach((p) => problems.add(p));
    const f = await once(browser, 'floor');
    floor.push(f.ms);
    marks.floor.push(f.marks);
    f.problems.forEach((p) => problems.add(p));
  }
  const round = (xs) => xs.map((x) => Math.round(x * 10) / 10);
  // Medians of each mark, for where the time went.
  const at = (which) => Object.fromEntries(['wasm', 'instantiated', 'started', 'whole'].map((k) => {
    const xs = marks[which].map((m) => m[k]).filter((x) => x !== null);
    return [k, xs.length ? median(xs) : null];
  }));
  emit({ figure: 'load.app', ms: median(app), at: at('app'), runs: RUNS, samples: round(app), counts,
    problems: [...problems] });
  emit({ figure: 'load.floor', ms: median(floor), at: at('floor'), runs: RUNS, samples: round(floor) });

  const again = { app: [], floor: [] };
  let served = 0;
  for (let i = 0; i < REPEAT_CONTEXTS; i++) {
    const a = await repeat(browser, 'app');
    again.app.push(...a.samples);
    served += a.served;
    again.floor.push(...(await repeat(browser, 'floor')).samples);
  }
  emit({ figure: 'load.repeat.app', ms: median(again.app), samples: round(again.app), runs: again.app.length,
    served_by_worker: served });
  emit({ figure: 'load.repeat.floor', ms: median(again.floor), samples: round(again.floor), runs: again.floor.length });
} finally {
  await browser.close();
}
