// Opening an agenda in the editor from the library, for scripts/bench.sh:
//
//   node bench/open.mjs APP_URL RUNS LABEL=AGENDA_FILE...
//
// For each agenda file, RUNS times, in a fresh browser context holding only that agenda: the
// library (/) is loaded and left to settle, then its "Open" button is pressed, and the time is
// taken inside the page from the click event's timestamp to the first animation frame at which
// the checks panel's counts ("12 errors · 340 warnings · …") are on screen, as a user waits for
// the editor to be ready. Kept too, for the record: until the page is quiet (the first frame
// after the counts followed by three frames each within 34 ms of the one before: what waited for
// the first paint is done). The runs of
// the agendas alternate, so the machine's load falls on each alike. One figure per LABEL
// (the item count, as scripts/bench.sh passes it): the median of its runs.
import { readFileSync } from 'node:fs';
import { emit, freshContext, launch, median, seed, sleep, watchProblems } from './lib.mjs';

const [appUrl, runsArg, ...pairs] = process.argv.slice(2);
if (!appUrl || !(Number(runsArg) > 0) || !pairs.length) {
  console.error('usage: node bench/open.mjs APP_URL RUNS LABEL=AGENDA_FILE...');
  process.exit(2);
}
const RUNS = Number(runsArg);
const agendas = pairs.map((p) => {
  const [label, file] = p.split(/=(.*)/s);
  return { label, text: readFileSync(file, 'utf8') };
});

// Runs in the page: from the click on an "Open" button to the counts.
function openProbe() {
  document.addEventListener('click', (e) => {
    const b = e.target.closest && e.target.closest('button');
    if (!b || !/^Open /.test(b.getAttribute('aria-label') || '')) return;
    const t0 = e.timeStamp;
    const r = {};
    window.__open = r;
    const poll = () => {
      const el = document.querySelector('.counts');
      if (el && /errors? ·/.test(el.textContent)) {
        r.counts = performance.now() - t0;
        r.text = el.textContent.replace(/\s+/g, ' ').trim();
        r.rows = document.querySelectorAll('tr.item').length;
        let last = performance.now();
        let quiet = [];
        const settle = () => {
          const now = performance.now();
          if (now - last <= 34) quiet.push(last);
          else quiet = [];
          last = now;
          if (quiet.length >= 3) r.quiet = quiet[0] - t0;
          else requestAnimationFrame(settle);
        };
        requestAnimationFrame(settle);
        return;
      }
      requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  }, true);
}

async function once(browser, { label, text }) {
  const context = await freshContext(browser);
  try {
    await seed(context, { [`bench-open-${label}`]: text });
    await context.addInitScript(openProbe);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(new URL('/', appUrl).href);
    const open = page.locator('.library-list button[aria-label^="Open "]');
    await open.waitFor({ timeout: 120_000 });
    await sleep(1000);
    await open.click();
    await page.waitForFunction(() => window.__open && window.__open.quiet !== undefined, null, { timeout: 60_000, polling: 100 });
    const r = await page.evaluate(() => window.__open);
    return { ...r, problems };
  } finally {
    await context.close();
  }
}

const browser = await launch();
try {
  const runs = new Map(agendas.map((a) => [a.label, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const a of agendas) runs.get(a.label).push(await once(browser, a));
  }
  for (const a of agendas) {
    const rs = runs.get(a.label);
    emit({
      figure: 'open',
      label: a.label,
      ms: median(rs.map((r) => r.counts)),
      quiet_ms: median(rs.map((r) => r.quiet)),
      samples: rs.map((r) => Math.round(r.counts)),
      counts: rs[rs.length - 1].text,
      runs: RUNS,
      problems: [...new Set(rs.flatMap((r) => r.problems))],
    });
  }
} finally {
  await browser.close();
}
