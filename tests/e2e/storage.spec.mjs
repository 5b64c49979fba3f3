// Nothing lost: a full storage, two tabs on one agenda, and a page that breaks.
import { test as plain } from '@playwright/test';
import { test, expect, openExample, openLibrary, field, saved } from './helpers.mjs';

test('an edit in one tab appears in the other', async ({ page, context }) => {
  await openExample(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(field(other, 'Title')).toHaveValue('Agenda, RG-SOP');
  await field(page, 'Title').fill('Agenda, RG-SOP (from the first tab)');
  await saved(page);
  await expect(field(other, 'Title')).toHaveValue('Agenda, RG-SOP (from the first tab)');
  await other.getByRole('button', { name: 'Delete item 6' }).click();
  await saved(other);
  await expect(field(page, 'Item 6 title')).toHaveValue('Closure of the meeting');
});

test('two tabs editing at once keep both versions and say so', async ({ page, context }) => {
  await openExample(page);
  const other = await context.newPage();
  await other.goto(page.url());
  await expect(field(other, 'Title')).toHaveValue('Agenda, RG-SOP');
  // Both edit within the same moment: the first save wins the record, the second is kept as a copy.
  await field(page, 'Title').fill('Version of the first tab');
  await field(other, 'Title').fill('Version of the second tab');
  await saved(page);
  await expect(other.getByRole('status').filter({ hasText: 'Another tab saved this agenda' }))
    .toContainText('yours is in the library as "TD514 Version of the second tab (edited in another tab at the same time)"');
  await expect(field(other, 'Title')).toHaveValue('Version of the first tab');
  await other.getByRole('button', { name: '← Agendas' }).click();
  await expect(other.getByRole('row').filter({ hasText: 'Version of the second tab (edited in another tab at the same time)' })).toHaveCount(1);
  await expect(other.getByRole('row').filter({ hasText: 'Version of the first tab' })).toHaveCount(1);
});

test('a full storage keeps the edit, says so, offers an export, and saves once there is room', async ({ page }) => {
  await openExample(page);
  await saved(page);
  // Fill the origin's storage to the brim.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; i++) {
      try { localStorage.setItem(`filler.${i}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
    }
  });
  await field(page, 'Title').fill('Agenda, RG-SOP, typed while storage is full');
  const banner = page.getByRole('alert').filter({ hasText: 'storage for this page is full' });
  await expect(banner).toBeVisible();
  await expect(page.locator('.save-state')).toHaveText('Not saved');
  await expect(field(page, 'Title')).toHaveValue('Agenda, RG-SOP, typed while storage is full');
  const download = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Export the agenda now' }).click();
  expect((await download).suggestedFilename()).toBe('TD514-agenda-rg-sop-typed-while.agenda.json');
  // Room is made: saving resumes by itself.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await expect(page.locator('.save-state')).toHaveText('Saved', { timeout: 10_000 });
  await page.reload();
  await expect(field(page, 'Title')).toHaveValue('Agenda, RG-SOP, typed while storage is full');
});

plain('a script error shows a recovery screen with every agenda as a download', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  await page.evaluate(() => setTimeout(() => { throw new Error('something broke'); }, 0));
  const screen = page.getByRole('alertdialog', { name: 'Agendum stopped working' });
  await expect(screen).toBeVisible();
  await expect(screen).toContainText('something broke');
  const download = page.waitForEvent('download');
  await screen.getByRole('link', { name: 'Download TD514 Agenda, RG-SOP' }).click();
  const file = await download;
  const { readFile } = await import('node:fs/promises');
  expect(JSON.parse(await readFile(await file.path(), 'utf8')).agenda.document).toBe('TD514');
});

// A file of TD514's agenda grown by a register of `entries` documents: about 130 characters each.
async function grown(id, title, entries) {
  const { readFile } = await import('node:fs/promises');
  const file = JSON.parse(await readFile(new URL('../../core/tests/fixtures/td514.agenda.json', import.meta.url), 'utf8'));
  file.agenda.id = id;
  file.agenda.title = title;
  for (let k = 0; k < entries; k++) {
    file.agenda.register.push({ id: 1000 + k, number: `TD${2000 + k}`, category: 'Information', source: 'Rapporteur, RG-SOP', title: `Document ${k} of a very large meeting, with a title long enough to take room` });
  }
  return JSON.stringify(file);
}

const fillStorage = (page) => page.evaluate(() => {
  let chunk = 'x'.repeat(1 << 20);
  for (let i = 0; chunk.length > 0; i++) {
    try { localStorage.setItem(`filler.${i}`, chunk); } catch { chunk = chunk.slice(0, chunk.length >> 1); }
  }
});

test('with localStorage full, an import that needs a new line in the list says it is not stored and changes nothing; one here can still be replaced', async ({ page }) => {
  await openLibrary(page);
  const rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('button', { name: /^Open / }) });
  const asFile = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const input = page.getByLabel('Agenda file to import');
  await input.setInputFiles(asFile('here.json', await grown('here', 'The agenda already here', 10)));
  await expect(rows).toHaveCount(1);
  await fillStorage(page);
  await page.reload();
  await expect(page.locator('.room')).toContainText(/(99|100)% used/);
  // A new agenda needs a line in the list, and there is no room for it.
  await input.setInputFiles(asFile('new.json', await grown('new', 'A new agenda', 3000)));
  await expect(page.getByRole('alert')).toContainText('"new.json" was not imported: the agenda it holds is not stored, because the browser\'s storage for this page is full.');
  // Kept as a second copy, it would need a line of its own too: refused, and nothing changed.
  const newer = await grown('here', 'The newer version', 3000);
  await input.setInputFiles(asFile('newer2.json', newer));
  await page.getByRole('group', { name: '"newer2.json" is already here' }).getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '"newer2.json" was not imported' })).toContainText('Nothing that was here has changed.');
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('The agenda already here');
  // The one here is replaced: its record goes to the database, its line takes the old one's place.
  await input.setInputFiles(asFile('newer.json', newer));
  await page.getByRole('group', { name: '"newer.json" is already here' }).getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('status')).toContainText('Replaced "TD514 The newer version" with "newer.json".');
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('The newer version');
});

test('an agenda whose line in the list, or whose copy left in localStorage, cannot be read is still listed and opens', async ({ page }) => {
  await openLibrary(page);
  const rows = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('button', { name: /^Open / }) });
  const asFile = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByLabel('Agenda file to import').setInputFiles([
    asFile('a.json', await grown('listless', 'Its line in the list is broken', 0)),
    asFile('b.json', await grown('leftover', 'A broken copy is left beside it', 0)),
  ]);
  await expect(rows).toHaveCount(2);
  await page.evaluate(() => {
    localStorage.setItem('agendum.summary.listless', '{not json');
    localStorage.setItem('agendum.agenda.leftover', '{"format":"agendum","vers');
  });
  await page.reload();
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Open listless' }).click();
  await expect(field(page, 'Title')).toHaveValue('Its line in the list is broken');
  // Opened straight from its address with the broken copy back beside it: the database's opens.
  await page.evaluate(() => localStorage.setItem('agendum.agenda.leftover', '{"format":"agendum","vers'));
  await page.goto('/#/agenda/leftover');
  await expect(field(page, 'Title')).toHaveValue('A broken copy is left beside it');
});
