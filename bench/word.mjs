// The first Word action, for scripts/bench.sh: in fresh browser contexts, opens an agenda and
// presses Export Word, timing the press until the .docx is downloaded, with the Word worker's
// files fetched on the way (their bytes, as the test server sends them: uncompressed), then presses it again with the worker started.
//
//   node bench/word.mjs APP_URL AGENDA_FILE [RUNS]
import { readFileSync } from 'node:fs';
import { emit, launch, median } from './lib.mjs';
import { openAgenda } from './lib.mjs';

const [appUrl, file, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 5);
const text = readFileSync(file, 'utf8');
const browser = await launch();
const first = [];
const again = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const { context, page, problems } = await openAgenda(browser, appUrl, `word-bench-${i}`, text);
  const fetched = [];
  context.on('response', (r) => { if (r.url().includes('word-worker')) fetched.push(r.body().then((b) => b.length).catch(() => 0)); });
  const press = async () => {
    const download = page.waitForEvent('download');
    const t = Date.now();
    await page.getByRole('button', { name: 'Export Word' }).click();
    await download;
    return Date.now() - t;
  };
  first.push(await press());
  bytes = (await Promise.all(fetched)).reduce((a, b) => a + b, 0);
  again.push(await press());
  if (problems.length) throw new Error(problems.join('\n'));
  await context.close();
}
await browser.close();
emit({ figure: 'word.first', ms: median(first), again: median(again), bytes, runs });
