// What became of each cited document, set on its chip from the keyboard once the meeting runs:
// a status picked by letters or arrows, and "revised as" with the new number, checked as typed.
import { readFile } from 'node:fs/promises';
import { test, expect, openExample, saved } from './helpers.mjs';

test('once the meeting is held, a document chip takes its status from the keyboard, and "revised as" asks for a number it can read', async ({ page }) => {
  await openExample(page);
  const status = page.getByRole('combobox', { name: 'Status of TD667R1', exact: true });
  // Before the meeting, chips hold no status to set.
  await expect(page.locator('.chip-status')).toHaveCount(0);
  await page.getByLabel(/Meeting held/).check();
  await expect(status).toBeVisible();
  await expect(status).toHaveValue('');

  // From the chip's remove button, the next Tab is its status; letters pick one.
  await page.getByRole('button', { name: 'Remove TD667R1', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(status).toBeFocused();
  await page.keyboard.type('noted');
  await expect(status).toHaveValue('noted');

  // "revised as" asks for the number; one it cannot read is said, and the text is kept.
  await page.keyboard.press('End');
  const revised = page.getByRole('textbox', { name: 'TD667R1 revised as (document number)', exact: true });
  await expect(revised).toBeFocused();
  await page.keyboard.type('the next one');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '"the next one" is not a document number' })).toBeVisible();
  await expect(revised).toHaveValue('the next one');
  await expect(revised).toHaveAttribute('aria-invalid', 'true');
  await revised.fill('TD 667 Rev.2');
  await page.keyboard.press('Enter');
  await expect(revised).toHaveCount(0);
  await expect(status).toBeFocused();
  await expect(status.locator('option:checked')).toHaveText('revised as TD667R2');

  // Kept with the agenda, and in its file.
  await saved(page);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Status of TD667R1', exact: true }).locator('option:checked')).toHaveText('revised as TD667R2');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  const docs = [];
  const walk = (items) => items.forEach((i) => { docs.push(...i.docs); walk(i.children); });
  JSON.parse(text).agenda.sessions.forEach((s) => walk(s.items));
  expect(docs.find((d) => JSON.stringify(d.number).includes('667')).status).toBeTruthy();
});

test('Escape gives up a "revised as" and the status stays as it was', async ({ page }) => {
  await openExample(page);
  await page.getByLabel(/Meeting held/).check();
  const status = page.getByRole('combobox', { name: 'Status of TD599', exact: true });
  await status.selectOption('approved');
  await status.focus();
  await page.keyboard.press('End');
  const revised = page.getByRole('textbox', { name: 'TD599 revised as (document number)', exact: true });
  await expect(revised).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(revised).toHaveCount(0);
  await expect(status).toHaveValue('approved');
});
