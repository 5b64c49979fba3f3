// Publishing: the browser's HTML and Word exports are the CLI's, byte for byte; the HTML prints to
// A4 with every document number in the text; Print prints the document, not the editor.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, openExample } from './helpers.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

// A chair in Geneva, in the meeting's zone: the editor adds no second zone to what it prints.
test.use({ timezoneId: 'Europe/Zurich' });

async function download(page, button) {
  const d = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await d;
  const bytes = await readFile(await file.path());
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

test('the Word export is the command line\'s, byte for byte', async ({ page }, info) => {
  await openExample(page);
  const word = await download(page, 'Export Word');
  expect(word.name).toBe('TD514-agenda-rg-sop.docx');
  const json = await download(page, 'Export JSON');
  const jsonPath = info.outputPath('td514.agenda.json');
  await writeFile(jsonPath, json.text);
  const cli = execFileSync('cargo', ['run', '-q', '-p', 'agendum-cli', '--', 'export', '--docx', jsonPath], { cwd: ROOT });
  expect(word.bytes.equals(cli), 'browser and command-line Word exports are byte-identical').toBe(true);
  expect(word.bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
});

test('the HTML export is the command line\'s, and prints to A4 with every document number', async ({ page, browser }, info) => {
  await openExample(page);
  const html = await download(page, 'Export HTML');
  expect(html.name).toBe('TD514-agenda-rg-sop.html');
  const json = await download(page, 'Export JSON');
  const jsonPath = info.outputPath('td514.agenda.json');
  await writeFile(jsonPath, json.text);
  const cli = execFileSync('cargo', ['run', '-q', '-p', 'agendum-cli', '--', 'export', '--html', jsonPath], { cwd: ROOT, encoding: 'utf8' });
  expect(html.text === cli, 'browser and command-line exports are byte-identical').toBe(true);

  const printed = await browser.newPage();
  await printed.setContent(html.text);
  const pdfPath = info.outputPath('td514.pdf');
  await printed.pdf({ path: pdfPath, preferCSSPageSize: true });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }));
  expect([Math.round(size[1]), Math.round(size[2])]).toEqual([595, 842]); // A4 portrait, in points
  expect(pages).toBe(5); // reviewed: header and items on 1–3, Annex A on 3–5, Annex B on 5
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  for (const n of ['TD514', 'TD526', 'TD515', 'TD497', 'TD625', 'TD599', 'TD552', 'C103', 'TD665', 'TD667R1', 'TD624R2', 'TD672']) {
    expect(text, `${n} in the printed text`).toContain(n);
  }
  expect(text).toContain('(TD526)');
  expect(text).toContain('Thursday, 1 August');
  await printed.close();
});

test.describe('a viewer in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test('prints the times in New York too, as the command line does with --also-in', async ({ page }, info) => {
    await openExample(page);
    const html = await download(page, 'Export HTML');
    expect(html.text).toContain('08:30–09:45 New York');
    const json = await download(page, 'Export JSON');
    const jsonPath = info.outputPath('td514.agenda.json');
    await writeFile(jsonPath, json.text);
    const cli = execFileSync('cargo', ['run', '-q', '-p', 'agendum-cli', '--', 'export', '--html', jsonPath, '--also-in', 'America/New_York'], { cwd: ROOT, encoding: 'utf8' });
    expect(html.text === cli, 'the browser\'s time-zone rules and the command line\'s give the same times').toBe(true);
  });
});

test('Print prints the exported document, not the editor', async ({ page }) => {
  await openExample(page);
  await page.evaluate(() => {
    // Headless Chromium has no print dialog; record what would have been printed instead.
    window.__printed = [];
    const observer = new MutationObserver(() => {
      const f = document.getElementById('print-frame');
      if (f && f.contentWindow) f.contentWindow.print = () => window.__printed.push(f.contentDocument.documentElement.outerHTML);
    });
    observer.observe(document.body, { childList: true });
  });
  await page.keyboard.press('Control+p');
  const frame = page.locator('#print-frame');
  await expect(frame).toHaveCount(1);
  const srcdoc = await frame.getAttribute('srcdoc');
  expect(srcdoc).toContain('<h1>Agenda</h1>');
  expect(srcdoc).toContain('TD667R1');
  expect(srcdoc).not.toContain('Checks');
});

/** The words of a PDF's pages with their boxes, as pdftotext -bbox gives them. */
function words(pdfPath, last) {
  const xml = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', String(last), pdfPath, '-'], { encoding: 'utf8' });
  const out = [];
  let page = 0;
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, x: +m[1], y: +m[2], yMax: +m[4], text: m[5] });
  }
  return out;
}

test('printed on A4, the items table header is on one line and each action on its row\'s first baseline', async ({ page, browser }, info) => {
  await openExample(page);
  const html = await download(page, 'Export HTML');
  const printed = await browser.newPage();
  await printed.setContent(html.text);
  const pdfPath = info.outputPath('td514.pdf');
  await printed.pdf({ path: pdfPath, preferCSSPageSize: true });
  await printed.close();
  const all = words(pdfPath, 3);
  const header = ['Summary', 'and', 'Proposal'].map((t) => all.find((w, i) => w.text === t && all[i - (t === 'Summary' ? 0 : t === 'and' ? 1 : 2)]?.text === 'Summary'));
  expect(header.every(Boolean), 'the header words are printed').toBe(true);
  expect(new Set(header.map((w) => w.y.toFixed(1))).size, '"Summary and Proposal" on one line').toBe(1);
  const proposalX = header[0].x - 1;
  const numberX = all.find((w) => w.text === '#').x;
  // Each item number, and the first word right of it in the Summary and Proposal column.
  const numbers = all.filter((w) => /^\d+(\.\d+)*$/.test(w.text) && Math.abs(w.x - numberX) < 40 && w.x < proposalX);
  let checked = 0;
  for (const [i, n] of numbers.entries()) {
    const next = numbers[i + 1];
    // Near the number only: a row with nothing there may be followed by a session row whose title runs on.
    const cell = all.filter((w) => w.page === n.page && w.x >= proposalX && w.y >= n.y - 6 && w.y < n.y + 8 && (!next || next.page !== n.page || w.y < next.y - 1));
    if (cell.length === 0) continue;
    expect(cell[0].y, `item ${n.text}: "${cell[0].text}" on its number's baseline`).toBeCloseTo(n.y, 0);
    checked++;
  }
  expect(checked, 'items with a summary or action checked').toBeGreaterThan(10);
  expect(all.some((w) => w.text === 'To' && w.x >= proposalX)).toBe(true);
});
