// Outcomes through the meeting: the chair types each item's outcome from the keyboard, the
// checks ask for the outcomes still missing once the meeting is held, and the report's skeleton
// carries what was decided, as HTML and as Word.
import { readFile } from 'node:fs/promises';
import { docxParts, docxText } from './docx.mjs';
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
  // Export report offers the two forms.
  const exportReport = page.getByRole('button', { name: 'Export report' });
  await exportReport.click();
  await expect(exportReport).toHaveAttribute('aria-expanded', 'true');
  const choice = page.getByRole('group', { name: 'Export report' });
  const d = page.waitForEvent('download');
  await choice.getByRole('button', { name: 'Report as HTML' }).click();
  const html = await d;
  expect(html.suggestedFilename()).toBe('TD514-agenda-rg-sop.report.html');
  const report = (await readFile(await html.path())).toString('utf8');
  expect(report).toContain('TD515');
  expect(report).toContain('Agreed');
  expect(report).toContain('With the addition of item 4.3.');
  await expect(page.getByRole('status').filter({ hasText: 'Report downloaded as HTML.' })).toBeVisible();
  await expect(choice).toHaveCount(0);

  // As Word: the same report, the outcome beside its item.
  await exportReport.click();
  const w = page.waitForEvent('download');
  await choice.getByRole('button', { name: 'Report as Word' }).click();
  const word = await w;
  expect(word.suggestedFilename()).toBe('TD514-agenda-rg-sop.report.docx');
  const parts = docxParts(await readFile(await word.path()));
  expect(parts['docProps/core.xml']).toContain('<dc:title>TD515 Report of the TSAG RG-SOP meeting</dc:title>');
  const text = docxText(parts['word/document.xml']);
  expect(text).toMatch(/^TD515$/m);
  expect(text).toMatch(/^1\.1\nRapporteur, RG-SOP: Draft agenda\nTD514\nAgreed\.\nWith the addition of item 4\.3\.$/m);
  expect(text).toContain('[outcome]');
  expect(text).toMatch(/^Documents$/m);
  await expect(page.getByRole('status').filter({ hasText: 'Report downloaded as Word.' })).toBeVisible();
  await page.getByLabel(/Meeting held/).uncheck();
  await expect(counts(page)).toBeVisible();
});
