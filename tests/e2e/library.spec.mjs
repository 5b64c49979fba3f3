// The library of agendas kept in this browser: create, duplicate, rename, delete and undo;
// import refusals that leave it unchanged; export and re-import.
import { readFile } from 'node:fs/promises';
import { test, expect, openLibrary, saved } from './helpers.mjs';

const rows = (page) => page.getByRole('table').getByRole('row').filter({ has: page.getByRole('button', { name: /^Open / }) });

test('create, duplicate, rename, delete and undo the delete', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await page.getByRole('button', { name: '← Agendas' }).click();
  await page.getByRole('button', { name: 'New blank agenda' }).click();
  await page.getByRole('button', { name: '← Agendas' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText('Untitled agenda'); // newest first

  await page.getByRole('button', { name: 'Duplicate TD514 Agenda, RG-SOP' }).click();
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).first()).toContainText('Agenda, RG-SOP (copy)');

  await page.getByRole('button', { name: 'Rename TD514 Agenda, RG-SOP (copy)' }).click();
  const input = page.getByRole('textbox', { name: 'New title for TD514 Agenda, RG-SOP (copy)' });
  await expect(input).toBeFocused();
  await input.fill('Agenda, RG-SOP, second session');
  await input.press('Enter');
  await expect(rows(page).first()).toContainText('Agenda, RG-SOP, second session');

  await page.getByRole('button', { name: 'Delete TD514 Agenda, RG-SOP, second session' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole('status')).toContainText('Deleted "TD514 Agenda, RG-SOP, second session".');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(3);
  await page.reload();
  await expect(rows(page)).toHaveCount(3);
});

test('an agenda opened from its address, edited, then left with Back is listed as it is now', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  const address = page.url();
  await page.getByRole('button', { name: '← Agendas' }).click();
  // Opened straight from its address (a bookmark), the library is not read until it is shown.
  await page.goto(address);
  await page.reload();
  const title = page.getByLabel('Title', { exact: true }).first();
  await title.fill('Agenda, RG-SOP, renamed in the editor');
  await saved(page);
  await page.goBack();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Agenda, RG-SOP, renamed in the editor');
});

const refusals = [
  ['not JSON', 'agenda.json', 'this is not json', 'is not valid JSON'],
  ['another format', 'other.json', '{"format":"something-else","version":1}', 'not an Agendum agenda'],
  ['a newer version', 'new.json', '{"format":"agendum","version":99,"agenda":{}}', 'written by a newer Agendum (format version 99)'],
  ['an unknown field', 'odd.json', '{"format":"agendum","version":2,"agenda":{"id":"x","colour":"red"}}', 'at agenda.colour'],
];

for (const [what, name, text, message] of refusals) {
  test(`importing ${what} is refused with a message and changes nothing`, async ({ page }) => {
    await openLibrary(page);
    await page.getByRole('button', { name: 'Open the TD514 example' }).click();
    await page.getByRole('button', { name: '← Agendas' }).click();
    await page.getByLabel('Agenda file to import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByRole('alert')).toContainText(`"${name}" was not imported.`);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(rows(page)).toHaveCount(1);
  });
}

test('a file over the size limit is refused before it is read', async ({ page }) => {
  await openLibrary(page);
  const big = Buffer.alloc(17 * 1024 * 1024, 0x20);
  await page.getByLabel('Agenda file to import').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: big });
  await expect(page.getByRole('alert')).toContainText('"huge.json" was not imported. The file is too large (17.0 MiB)');
  await expect(page.getByText('No agendas yet')).toBeVisible();
});

test('an exported file imports back as the same agenda, and a clash asks before replacing', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('TD514-agenda-rg-sop.agenda.json');
  const text = await readFile(await file.path(), 'utf8');
  expect(JSON.parse(text).format).toBe('agendum');
  await page.getByRole('button', { name: '← Agendas' }).click();

  await page.getByLabel('Agenda file to import').setInputFiles({ name: 'td514.agenda.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const ask = page.getByRole('alertdialog', { name: 'Agenda already here' });
  await expect(ask).toContainText('Keep both, or replace the one here?');
  await ask.getByRole('button', { name: 'Keep both' }).click();
  await expect(rows(page)).toHaveCount(2);

  // The copy is the same agenda, field for field, under a new id.
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('agendum.agenda.')).map((k) => JSON.parse(localStorage.getItem(k))));
  expect(stored).toHaveLength(2);
  const [a, b] = stored.map((f) => ({ ...f.agenda, id: '' }));
  expect(a).toEqual(b);

  await page.getByLabel('Agenda file to import').setInputFiles({ name: 'td514.agenda.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole('status')).toContainText('Replaced "TD514 Agenda, RG-SOP" with the imported file.');
});

test('dropping an agenda file anywhere imports it; a bad one is refused and changes nothing', async ({ page }) => {
  await openLibrary(page);
  const fixture = await readFile(new URL('../../core/tests/fixtures/td514.agenda.json', import.meta.url), 'utf8');
  const drop = (name, text) => page.evaluate(([name, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [name, text]);
  await drop('broken.agenda.json', '{"format":"agendum","version":2,"agenda":{"id":"x","sessions":[{"id":1,"start":"noon"}]}}');
  await expect(page.getByRole('alert')).toContainText('"broken.agenda.json" was not imported.');
  await expect(page.getByRole('alert')).toContainText('agenda.sessions[0].start');
  await expect(page.getByText('No agendas yet')).toBeVisible();
  await drop('td514.agenda.json', fixture);
  await expect(page.getByRole('status')).toContainText('Imported "TD514 Agenda, RG-SOP".');
  await expect(rows(page)).toHaveCount(1);
});
