// Outcomes through the meeting: the chair types each item's outcome from the keyboard, the
// checks ask for the outcomes still missing once the meeting is held, and the report's skeleton
// carries what was decided.
import { readFile } from 'node:fs/promises';
import { test, expect, openExample, field, counts } from './helpers.mjs';

test('a chair types outcomes by keyboard, marks the meeting held, and exports the report', async ({ page }) => {
  await openExample(page);
  // From the item's title, Tab goes on through its fields to the outcome.
  await field(page, 'Item 1.1 title').click();
  for (let i = 0; i < 12; i++) {
    if ((await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) === 'Item 1.1 outcome') break;
    await page.keyboard.press('Tab');
  }
  // A box with a list of words to pick from: a combobox.
  await expect(page.getByRole('combobox', { name: 'Item 1.1 outcome', exact: true })).toBeFocused();
  await page.keyboard.type('Agreed');
  await page.keyboard.press('Tab');
  await expect(field(page, 'Item 1.1 outcome note')).toBeFocused();
  await page.keyboard.type('With the addition of item 4.3.');
  await expect(page.locator('#outcome-vocabulary option[value="Approved with modifications"]')).toHaveCount(1);

  // An outcome is entered: the items of sessions already past that ask for a decision are
  // asked for theirs too.
  const checks = page.locator('.checks');
  await expect(checks).toContainText('Its session has passed, but this item has no outcome yet');
  await page.getByLabel(/Meeting held/).check();
  await expect(checks).toContainText('The meeting is held, but this item has no outcome yet');
  await expect(checks).not.toContainText('Item 1.1, Outcome');

  await field(page, 'Report number').fill('TD515');
  const d = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report' }).click();
  const report = (await readFile(await (await d).path())).toString('utf8');
  expect(report).toContain('TD515');
  expect(report).toContain('Agreed');
  expect(report).toContain('With the addition of item 4.3.');
  await expect(page.getByRole('status').filter({ hasText: 'Report downloaded.' })).toBeVisible();
  await page.getByLabel(/Meeting held/).uncheck();
  await expect(counts(page)).toBeVisible();
});
