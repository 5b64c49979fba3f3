// The first use of each rare action, for scripts/bench.sh: Export Word, Export calendar, Copy
// share link and Export report are made by the worker of rare actions (src/worker.rs), which the
// page fetches and starts on the first of them only.
//
//   node bench/rare.mjs APP_URL AGENDA_FILE SHARE_FILE [RUNS]
//
// For each action, RUNS (3) times, in a fresh browser context with the agenda open in the
// editor (AGENDA_FILE; for the share link SHARE_FILE, since a link holds at most 16,000
// characters and a 500-item agenda is refused, with a message, as too long for one): the action's button is pressed, and the time is taken from the press until it is done
// (the .docx, .ics or report downloaded; the share link's notice on screen), with what the page
// fetched meanwhile counted (bytes as the test server sends them, uncompressed: the brotli sizes
// are the bundle.worker figure). Then the same action again, the worker started: what the
// first use costs on top is the difference. The actions' runs alternate.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { emit, launch, median, openAgenda } from './lib.mjs';

const [appUrl, file, shareFile, runsArg] = process.argv.slice(2);
if (!appUrl || !file || !shareFile) {
  console.error('usage: node bench/rare.mjs APP_URL AGENDA_FILE SHARE_FILE [RUNS]');
  process.exit(2);
}
const RUNS = Number(runsArg || 3);
const texts = { any: readFileSync(file, 'utf8'), share: readFileSync(shareFile, 'utf8') };

const download = (page, press) => async () => {
  const done = page.waitForEvent('download', { timeout: 60_000 });
  await press();
  await done;
};
const ACTIONS = {
  word: (page) => download(page, () => page.getByRole('button', { name: 'Export Word' }).click()),
  calendar: (page) => download(page, async () => {
    await page.getByRole('button', { name: 'Export calendar' }).click();
    await page.getByRole('button', { name: 'Download .ics' }).click();
  }),
  report: (page) => download(page, async () => {
    const html = page.getByRole('button', { name: 'Report as HTML' });
    if (!(await html.isVisible())) await page.getByRole('button', { name: 'Export report' }).click();
    await html.click();
  }),
  share: (page) => async () => {
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await page.locator('.share-link').waitFor({ timeout: 30_000 });
    await page.locator('.share-link button').click();
    await page.locator('.share-link').waitFor({ state: 'detached' });
  },
};

const browser = await launch();
try {
  const results = Object.fromEntries(Object.keys(ACTIONS).map((a) => [a, { first: [], again: [], bytes: [], files: new Set() }]));
  const problems = new Set();
  for (let i = 0; i < RUNS; i++) {
    for (const [name, make] of Object.entries(ACTIONS)) {
      const { context, page, problems: seen } = await openAgenda(browser, appUrl, `rare-${name}-${i}`, texts[name] || texts.any);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(appUrl).origin });
      const fetched = [];
      context.on('response', (r) => {
        // The service worker filling its cache after the page loaded is not the action's.
        if (r.request().serviceWorker()) return;
        fetched.push(r.body().then((b) => b.length).catch(() => 0));
        results[name].files.add(new URL(r.url()).pathname.replace(/^\//, ''));
      });
      const act = make(page);
      let t = Date.now();
      await act();
      results[name].first.push(Date.now() - t);
      results[name].bytes.push((await Promise.all(fetched)).reduce((a, b) => a + b, 0));
      t = Date.now();
      await act();
      results[name].again.push(Date.now() - t);
      seen.forEach((p) => problems.add(`${name}: ${p}`));
      await context.close();
    }
  }
  for (const [name, r] of Object.entries(results)) {
    emit({ figure: 'rare.first', action: name, ms: median(r.first), again_ms: median(r.again), bytes: median(r.bytes),
      files: [...r.files], runs: RUNS, agenda: basename(name === 'share' ? shareFile : file), problems: [...problems].filter((p) => p.startsWith(`${name}:`)) });
  }
} finally {
  await browser.close();
}
