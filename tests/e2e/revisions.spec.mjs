// Revisions through the meeting: TD514 is published, three things are edited, the Changes panel
// lists the three with their words marked and goes to each, the agenda prints with them marked
// (in HTML, and in Word as Word's tracked changes), and R1 is published.
import { readFile } from 'node:fs/promises';
import { docxParts, trackedChanges } from './docx.mjs';
import { test, expect, openExample, field, saved } from './helpers.mjs';

async function publish(page, number) {
  await page.getByRole('button', { name: 'Publish revision' }).click();
  const asked = page.getByRole('group', { name: 'Publish revision' });
  await expect(asked).toContainText(`Publish ${number} now, with the status line`);
  await asked.getByRole('button', { name: `Publish ${number}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Published ${number} (status: ` })).toBeVisible();
}

test('publish TD514, edit three things, see them in the Changes panel, and publish R1', async ({ page }) => {
  await openExample(page);
  const panel = page.locator('.changes');
  await expect(panel).toContainText('Not published yet');
  await publish(page, 'TD514');
  await expect(field(page, 'Status')).toHaveValue(/^\d{1,2} \w+ \d{4}, \d{2}:\d{2}$/);

  await field(page, 'Title').fill('Agenda, RG-SOP (revised)');
  await field(page, 'Item 2 title').fill('Documentation and liaisons');
  await page.getByLabel('Annex A entry 10 category', { exact: true }).fill('Information');
  await saved(page);

  await panel.getByRole('button', { name: /^Changes since TD514 / }).click();
  await expect(panel.getByRole('status')).toHaveText('3 changes');
  const list = panel.getByRole('list', { name: 'Changes' });
  await expect(list.locator('ins').first()).toHaveText(/revised/);
  await expect(list.getByRole('button', { name: /^Annex A, entry 10 \(TD667R1\), Category: / })).toBeVisible();
  await expect(list.locator('del', { hasText: 'infomration' })).toHaveCount(1);
  await expect(list.locator('ins', { hasText: /^Information$/ })).toHaveCount(1);
  // Each change goes to its field.
  await list.getByRole('button', { name: /^Item 2, Title/ }).click();
  await expect(field(page, 'Item 2 title')).toBeFocused();

  // Printed with the changes marked, as revised TDs are; Export HTML stays clean.
  const d = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export HTML with changes marked' }).click();
  const marked = (await readFile(await (await d).path())).toString('utf8');
  expect(marked).toContain('Changes since TD514 are marked');
  expect(marked).toContain('<del>infomration</del>');
  expect(marked).toContain('<ins>Information</ins>');
  expect(marked).toMatch(/<ins>[^<]*liaisons[^<]*<\/ins>/);

  // In Word, the same changes are tracked changes by Agendum, dated at the publication; the
  // plain Export Word has none.
  const w = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export Word with changes marked' }).click();
  const word = await w;
  expect(word.suggestedFilename()).toBe('TD514-agenda-rg-sop-revised.marked.docx');
  const doc = docxParts(await readFile(await word.path()))['word/document.xml'];
  const changes = trackedChanges(doc);
  expect(changes.length).toBeGreaterThan(0);
  for (const c of changes) {
    expect(c.author).toBe('Agendum');
    expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00$/);
  }
  const texts = (kind) => changes.filter((c) => c.kind === kind).map((c) => c.text);
  expect(texts('del')).toContain('infomration');
  expect(texts('ins')).toContain('Information');
  expect(texts('ins').join(' ')).toMatch(/liaisons/);
  expect(doc).toContain('<w:delText xml:space="preserve">infomration</w:delText>');
  const c = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Word', exact: true }).click();
  const clean = docxParts(await readFile(await (await c).path()))['word/document.xml'];
  expect(trackedChanges(clean)).toEqual([]);
  expect(clean).toContain('liaisons');
  expect(clean).not.toContain('infomration');

  await publish(page, 'TD514R1');
  await expect(panel.getByRole('button', { name: /^Changes since TD514R1 / })).toBeVisible();
  await expect(panel).toContainText('Nothing has changed since it was published.');
  await expect(field(page, 'Revision')).toHaveValue('1');
});
