// Where the time goes, for finding the cause of a missed figure (not part of scripts/bench.sh):
//
//   node bench/profile.mjs APP_URL AGENDA_FILE TITLE_LABEL [PRESSES [open|load]]
//
// Opens the agenda in the editor and records a CPU profile over CDP (the V8 sampling profiler,
// every 100 µs) of PRESSES (50) key presses into the title TITLE_LABEL, or with `open` of
// opening the agenda from the library instead, or with `load` of a cold load of the editor on
// the agenda (a fresh profile, as bench/cold-load.mjs loads TD514), then prints the functions
// by self time and by total time. Run it against a release build without wasm-opt, which keeps
// the wasm's function names: `trunk build --release` of an index.html whose rust links say data-wasm-opt="0".
import { readFileSync } from 'node:fs';
import { clickField, freshContext, launch, openAgenda, seed, sleep } from './lib.mjs';

const [appUrl, file, label, pressesArg, mode] = process.argv.slice(2);
if (!appUrl || !file || !label) {
  console.error('usage: node bench/profile.mjs APP_URL AGENDA_FILE TITLE_LABEL [PRESSES [open|load]]');
  process.exit(2);
}
const PRESSES = Number(pressesArg || 50);
const text = readFileSync(file, 'utf8');

function summarise(profile, top = Number(process.env.PROFILE_TOP || 40)) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const dt = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    dt.set(id, (dt.get(id) || 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}`;
  for (const [id, t] of dt) {
    const n = byId.get(id);
    self.set(name(n), (self.get(name(n)) || 0) + t);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) || 0) + t);
    }
  }
  const all = [...dt.values()].reduce((a, b) => a + b, 0);
  const show = (m, what) => {
    console.log(`\n${what} (of ${(all / 1000).toFixed(0)} ms sampled)`);
    for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${(t / 1000).toFixed(1).padStart(9)} ms  ${(100 * t / all).toFixed(1).padStart(5)}%  ${k.slice(0, 150)}`);
    }
  };
  show(self, 'self time');
  show(total, 'total time');
}

/** A CDP session on `page` with the sampling profiler ready (every 100 µs), not yet started. */
async function profiler(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  return cdp;
}

const browser = await launch();
try {
  let profile;
  if (mode === 'load') {
    // The page itself ends the profile in the first animation frame with the counts on screen,
    // as bench/cold-load.mjs times it, so what waits for the first paint is left out.
    const context = await freshContext(browser);
    await seed(context, { profiled: text });
    await context.addInitScript(() => {
      console.profile('load');
      const poll = () => {
        const el = document.querySelector('.counts');
        if (el && /errors? ·/.test(el.textContent)) console.profileEnd('load');
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    const page = await context.newPage();
    const cdp = await profiler(page);
    const finished = new Promise((resolve) => cdp.on('Profiler.consoleProfileFinished', (e) => resolve(e.profile)));
    await page.goto(new URL('/#/agenda/profiled', appUrl).href, { waitUntil: 'commit' });
    profile = await finished;
  } else if (mode === 'open') {
    const context = await freshContext(browser);
    await seed(context, { profiled: text });
    const page = await context.newPage();
    await page.goto(new URL('/', appUrl).href);
    const open = page.locator('.library-list button[aria-label^="Open "]');
    await open.waitFor();
    await sleep(1000);
    const cdp = await profiler(page);
    await cdp.send('Profiler.start');
    await open.click();
    await page.locator('.counts', { hasText: /errors? ·/ }).waitFor({ timeout: 120_000 });
    await sleep(500);
    ({ profile } = await cdp.send('Profiler.stop'));
  } else {
    const { page } = await openAgenda(browser, appUrl, 'profiled', text);
    await clickField(page, label);
    await sleep(500);
    const cdp = await profiler(page);
    await cdp.send('Profiler.start');
    for (let i = 0; i < PRESSES; i++) {
      await page.keyboard.press('abcdefghijklmnopqrstuvwxyz'[i % 26]);
      await sleep(60);
    }
    ({ profile } = await cdp.send('Profiler.stop'));
  }
  summarise(profile);
} finally {
  await browser.close();
}
