// Cold load, for scripts/bench.sh:
//
//   node bench/cold-load.mjs APP_URL FLOOR_URL TD514_FILE [RUNS]
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
import { readFileSync } from 'node:fs';
import { emit, freshContext, launch, median, watchProblems } from './lib.mjs';

const [appUrl, floorUrl, fixture, runsArg] = process.argv.slice(2);
if (!appUrl || !floorUrl || !fixture) {
  console.error('usage: node bench/cold-load.mjs APP_URL FLOOR_URL TD514_FILE [RUNS]');
  process.exit(2);
}
const RUNS = Number(runsArg || 10);
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

async function once(browser, which) {
  const context = await freshContext(browser);
  try {
    let url;
    if (which === 'app') {
      await context.addInitScript(({ text }) => {
        if (window.top === window) localStorage.setItem('agendum.agenda.bench', text);
      }, { text: td514 });
      await context.addInitScript(readyProbe, { selector: '.counts', text: 'errors' });
      url = new URL('/#/agenda/bench', appUrl).href;
    } else {
      await context.addInitScript(readyProbe, { selector: 'button' });
      url = new URL('/', floorUrl).href;
    }
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
} finally {
  await browser.close();
}
