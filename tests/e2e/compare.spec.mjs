// Comparing on import: a file whose agenda is already here shows what it would change before
// anything is replaced, the words marked as a revised TD marks them.
import { readFile } from 'node:fs/promises';
import { test, expect, openLibrary } from './helpers.mjs';

const asFile = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const rows = (page) => page.locator('.library-list tbody tr');

test('importing a changed copy of an agenda here: Compare lists the two changes, then Replace takes the file', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  await page.getByRole('button', { name: '← Agendas' }).click();

  file.agenda.title = 'Draft agenda, RG-SOP';
  file.agenda.sessions[0].items[0].title = 'Opening and greetings';
  const changed = JSON.stringify(file);
  await page.getByLabel('Agenda file to import').setInputFiles(asFile('td514-edited.agenda.json', changed));
  const ask = page.getByRole('group', { name: '"td514-edited.agenda.json" is already here' });
  await ask.getByRole('button', { name: 'Compare' }).click();

  const list = ask.getByRole('list', { name: "Changes from the agenda here to the file's" });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const title = list.getByRole('listitem').filter({ hasText: 'RG-SOP' });
  await expect(title.locator('del')).toHaveText('Agenda,');
  await expect(title.locator('ins')).toHaveText('Draft agenda,');
  const item = list.getByRole('listitem').filter({ hasText: 'Opening' });
  await expect(item).toContainText('Item 1');
  await expect(item.locator('del')).toHaveText('welcome');
  await expect(item.locator('ins')).toHaveText('greetings');
  // Nothing is replaced by looking.
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('Agenda, RG-SOP');
  await expect(rows(page)).not.toContainText('Draft agenda');

  await ask.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Replaced "TD514 Draft agenda, RG-SOP" with "td514-edited.agenda.json".' })).toBeVisible();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('Draft agenda, RG-SOP');

  // The same file again: nothing differs, and it says so.
  await page.getByLabel('Agenda file to import').setInputFiles(asFile('td514-edited.agenda.json', changed));
  await ask.getByRole('button', { name: 'Compare' }).click();
  await expect(ask).toContainText('do not differ');
  await ask.getByRole('button', { name: 'Skip' }).click();
  await expect(ask).toHaveCount(0);
  await expect(rows(page)).toHaveCount(1);
});

test('an agenda of a bundle that is already here can be compared too', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await page.getByRole('button', { name: '← Agendas' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  await page.getByRole('button', { name: /^Rename / }).click();
  const input = page.getByRole('textbox', { name: /^New title for/ });
  await input.fill('Agenda, RG-SOP renamed');
  await input.press('Enter');
  await expect(rows(page)).toContainText('renamed');

  await page.getByLabel('Agenda file to import').setInputFiles(asFile('backup.json', text));
  const ask = page.getByRole('group', { name: '"backup.json, agenda 1 of 1" is already here' });
  await ask.getByRole('button', { name: 'Compare' }).click();
  const list = ask.getByRole('list', { name: "Changes from the agenda here to the file's" });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.locator('del')).toHaveText(/renamed/);
  await expect(list.locator('ins')).toHaveCount(0);
  await ask.getByRole('button', { name: 'Hide the changes' }).click();
  await expect(list).toHaveCount(0);
  await ask.getByRole('button', { name: 'Skip' }).click();
  await expect(rows(page)).toContainText('renamed');
});
