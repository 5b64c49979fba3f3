// Word in and out of the browser: the Word export imports back as the same agenda, the report
// is made as Word from disk too, and a Word file with no agenda table is refused with its
// sentence, leaving the library as it was.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect, openLibrary } from './helpers.mjs';
import { docxParts, docxText } from './docx.mjs';

// In the meeting's zone, so that what is printed has no second zone: a Word file carries the
// zone's printed words ("Geneva time"), not its IANA name, so the agenda read back has none.
test.use({ timezoneId: 'Europe/Zurich' });

const SINGLE = join(import.meta.dirname, '..', '..', 'dist-single', 'agendum.html');

const rows = (page) => page.getByRole('table').getByRole('row').filter({ has: page.getByRole('button', { name: /^Open / }) });

async function download(page, button) {
  const d = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await d;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** Exports TD514 as Word, imports the file back, and compares the two agendas as printed. */
async function roundTrip(page) {
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  const word = await download(page, 'Export Word');
  expect(word.name).toBe('TD514-agenda-rg-sop.docx');
  const html = await download(page, 'Export HTML');
  await page.getByRole('button', { name: '← Agendas' }).click();

  const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  await page.getByLabel('Agenda file to import').setInputFiles({ name: word.name, mimeType: docx, buffer: word.bytes });
  await expect(page.getByRole('status')).toContainText('Imported "TD514 Agenda, RG-SOP" from Word: 20 items, 12 documents and 1 annex read.');
  await expect(rows(page)).toHaveCount(2);

  // The imported one is the newest; printed, it is the agenda that was exported.
  await rows(page).first().getByRole('button', { name: /^Open / }).click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  const again = await download(page, 'Export HTML');
  expect(again.bytes.toString('utf8') === html.bytes.toString('utf8'), 'the imported agenda prints as the exported one').toBe(true);
}

test('TD514 exported as Word imports back as the same agenda', async ({ page }) => {
  await openLibrary(page);
  await roundTrip(page);
});

test('the single-file edition reads and writes Word from disk too', async ({ page }) => {
  const violations = [];
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  await page.goto(pathToFileURL(SINGLE).href);
  await expect(page.getByRole('heading', { name: 'Agendum', level: 1 })).toBeVisible();
  await roundTrip(page);
  expect(violations).toEqual([]);
});

test('the single-file edition makes the report as Word from disk too', async ({ page }) => {
  await page.goto(pathToFileURL(SINGLE).href);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await page.getByRole('button', { name: 'Export report' }).click();
  const d = page.waitForEvent('download');
  await page.getByRole('group', { name: 'Export report' }).getByRole('button', { name: 'Report as Word' }).click();
  const parts = docxParts(await readFile(await (await d).path()));
  const text = docxText(parts['word/document.xml']);
  expect(text).toMatch(/^Report of the TSAG RG-SOP meeting$/m);
  expect(text).toMatch(/^Documents$/m);
  expect(text).toMatch(/^TD667R1$/m);
  await expect(page.getByRole('status').filter({ hasText: 'Report downloaded as Word, without a number of its own' })).toBeVisible();
});

test('a Word file with no agenda table is refused with its sentence, and nothing changes', async ({ page }) => {
  await openLibrary(page);
  const before = await page.evaluate(() => Object.keys(localStorage).sort());
  const bytes = await readFile(new URL('./fixtures/minutes-no-agenda-table.docx', import.meta.url));
  await page.getByLabel('Agenda file to import').setInputFiles({ name: 'minutes.docx', mimeType: 'application/octet-stream', buffer: bytes });
  await expect(page.getByRole('alert').or(page.getByRole('status'))).toContainText(
    '"minutes.docx" was not imported. The Word document has no agenda table');
  expect(await page.evaluate(() => Object.keys(localStorage).sort())).toEqual(before);
});

test('a table pasted from Word into Annex A adds its entries in one undoable step', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  const register = page.locator('section[aria-labelledby="register-h"]');
  const entries = register.locator('tbody tr');
  const before = await entries.count();
  const html = await readFile(new URL('../../core/tests/fixtures/clipboard/word-annex-a.html', import.meta.url), 'utf8');
  await register.evaluate((section, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'TD 514\tTD 700');
    section.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await expect(page.getByRole('status').filter({ hasText: 'Annex A:' })).toHaveText(/Annex A: 1 entry added, 0 entries filled in from the pasted table\./);
  await expect(entries).toHaveCount(before + 1);
  await expect(register.getByRole('textbox', { name: `Annex A entry ${before + 1} number` })).toHaveValue('TD700R2');
  await page.getByRole('button', { name: 'Undo', exact: false }).first().click();
  await expect(entries).toHaveCount(before);
});

test('agenda rows pasted into a session become its items, undone in one step', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  const items = page.locator('table.items tr[data-item]');
  const before = await items.count();
  await page.locator('table.items tbody.session').first().evaluate((session) => {
    const data = new DataTransfer();
    data.setData('text/plain', '8\tDraft work plan\tTD701\tTo consider.\n8.1\tLiaison to SG13\t(TD703)\tTo note.');
    session.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('status').filter({ hasText: 'pasted rows' })).toHaveText(/Session 1: 2 items added from the pasted rows\./);
  await expect(items).toHaveCount(before + 2);
  await page.getByRole('button', { name: 'Undo', exact: false }).first().click();
  await expect(items).toHaveCount(before);
});

test('paragraphs pasted into a note or a title stay text, not new items', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  const items = page.locator('table.items tr[data-item]');
  const before = await items.count();
  for (const [label, text] of [
    ['Item 2 notes', 'First paragraph of the note.\n\nSecond paragraph of the note.'],
    ['Item 2 title', 'A title copied from a PDF\nwith a line break'],
  ]) {
    const taken = await page.getByRole('textbox', { name: label, exact: true, includeHidden: true }).evaluate((box, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const e = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      box.dispatchEvent(e);
      return e.defaultPrevented;
    }, text);
    expect(taken, `${label}: the box keeps the paste`).toBe(false);
  }
  await expect(page.getByRole('status').filter({ hasText: 'pasted rows' })).toHaveCount(0);
  await expect(items).toHaveCount(before);
});
