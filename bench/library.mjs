// The library's start-up with many large agendas, for scripts/bench.sh:
//
//   node bench/library.mjs APP_URL AGENDA_FILE [RUNS]
//
// AGENDA_FILE (the generated 500-item agenda) is given ten published revisions, each the agenda
// as it was then, and kept as the editor keeps it (src/storage/): its record in the browser's
// database, its summary, edited time and save count in localStorage. One fresh profile holds 5
// copies of it, another 50 (about 30 MB and 300 MB of records). Each run reloads the library and
// times the navigation until every agenda is listed; the runs alternate between the two
// profiles, RUNS (7) each, and the medians are printed with the records' total size. The goal
// (scripts/bench.sh): listing reads no record, so 50 agendas list in about the time 5 do.
import { readFileSync } from 'node:fs';
import { emit, freshContext, launch, median, watchProblems } from './lib.mjs';

const [appUrl, file, runsArg] = process.argv.slice(2);
if (!appUrl || !file) {
  console.error('usage: node bench/library.mjs APP_URL AGENDA_FILE [RUNS]');
  process.exit(2);
}
const RUNS = Number(runsArg || 7);
const REVISIONS = 10;

const source = JSON.parse(readFileSync(file, 'utf8'));
const agenda = source.agenda;
agenda.revisions = Array.from({ length: REVISIONS }, (_, r) => ({
  revision: r, date: '2024-07-28', time: `${String(8 + r).padStart(2, '0')}:00`,
  agenda: { ...agenda, revision: r === 0 ? null : r, revisions: [], title: `${agenda.title} (R${r})` },
}));
const text = JSON.stringify(source);

/** A profile holding `n` copies of the agenda, kept as the editor keeps them. */
async function library(browser, n) {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(new URL('/', appUrl).href);
  await page.getByRole('heading', { name: 'Agendum', level: 1 }).waitFor();
  await page.evaluate(({ text, n }) => new Promise((resolve, reject) => {
    const open = indexedDB.open('agendum', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('agendas');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const file = JSON.parse(text);
      const tx = open.result.transaction('agendas', 'readwrite');
      for (let i = 0; i < n; i++) {
        const id = `bench-library-${i}`;
        const title = `${file.agenda.title} ${i + 1}`;
        const record = JSON.stringify({ ...file, agenda: { ...file.agenda, id, title } });
        tx.objectStore('agendas').put(record, id);
        localStorage.setItem(`agendum.summary.${id}`, JSON.stringify({
          name: `${file.agenda.document} ${title}`, document: file.agenda.document, title,
          meeting: file.agenda.meeting, size: record.length,
        }));
        localStorage.setItem(`agendum.edited.${id}`, String(1733100000000 + i));
        localStorage.setItem(`agendum.revision.${id}`, '1');
      }
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), { text, n });
  return { context, page, problems, n };
}

/** Reloads the library and returns the milliseconds from navigation until all `n` are listed. */
async function startUp({ page, n }) {
  await page.reload();
  await page.waitForFunction((n) => document.querySelectorAll('table tbody tr').length === n, n, { timeout: 60_000 });
  return page.evaluate(() => performance.now());
}

const browser = await launch();
try {
  const few = await library(browser, 5);
  const many = await library(browser, 50);
  const times = { 5: [], 50: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const l of i % 2 ? [many, few] : [few, many]) times[l.n].push(await startUp(l));
  }
  emit({
    figure: 'library.start-up',
    few: median(times[5]),
    many: median(times[50]),
    runs: RUNS,
    record_bytes: text.length,
    problems: [...few.problems, ...many.problems],
  });
  await few.context.close();
  await many.context.close();
} finally {
  await browser.close();
}
