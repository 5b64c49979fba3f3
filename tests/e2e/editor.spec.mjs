// The editor as a rapporteur uses it: building an agenda with the keyboard, live checks and
// fixes, reordering, undo and redo, and reloading.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openLibrary, openExample, counts, field, saved, scrollUntilBuilt } from './helpers.mjs';

test('the release build loads the library with no console errors', async ({ page }) => {
  await openLibrary(page);
  await expect(page.getByText('No agendas yet')).toBeVisible();
});

test('building the header and first three items of TD514 from a blank agenda, by keyboard', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'New blank agenda' }).click();
  const doc = field(page, 'Document number');
  await doc.focus();
  await page.keyboard.type('TD514');
  await page.keyboard.press('Tab'); // Revision
  await page.keyboard.press('Tab'); // Status
  await page.keyboard.type('Draft');
  await page.keyboard.press('Tab');
  await page.keyboard.type('TSAG RG-SOP');
  await expect(field(page, 'Group')).toHaveValue('TSAG RG-SOP');

  await page.getByRole('button', { name: 'Add item to session 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(field(page, 'Item 1 title')).toBeFocused();
  await page.keyboard.type('Opening and welcome');
  await page.keyboard.press('Enter'); // adds item 2
  await expect(field(page, 'Item 2 title')).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight'); // indent: 2 becomes 1.1
  await expect(field(page, 'Item 1.1 title')).toBeFocused();
  await page.keyboard.type('Draft agenda');
  await page.keyboard.press('Enter');
  await expect(field(page, 'Item 1.2 title')).toBeFocused();
  await page.keyboard.type('Documentation');

  await expect(field(page, 'Item 1 title')).toHaveValue('Opening and welcome');
  await expect(field(page, 'Item 1.1 title')).toHaveValue('Draft agenda');
  await expect(field(page, 'Item 1.2 title')).toHaveValue('Documentation');
  await expect(page.locator('tr.item .number')).toHaveText(['1', '1.1', '1.2']);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TD514 Untitled agenda');
});

test('a mistake appears in the checks panel as it is typed and vanishes when fixed', async ({ page }) => {
  await openExample(page);
  await expect(counts(page)).toHaveText('0 errors · 1 warning · 0 notes');
  const start = field(page, 'Item 3 start time');
  await start.fill('14:32');
  await start.press('Enter');
  await expect(counts(page)).toHaveText('1 error · 1 warning · 0 notes');
  const finding = page.getByRole('listitem').filter({ hasText: 'Item 3, Start' });
  await expect(finding).toContainText('Starts at 14:32, before item 2 above it (14:35).');
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  const timing = page.locator('td.timing').filter({ has: start });
  await expect(timing).toHaveClass(/\brow-error\b/);
  // Clicking the finding takes the user to the field.
  await field(page, 'Item 1 title').focus();
  await finding.getByRole('button', { name: /Item 3, Start/ }).click();
  await expect(start).toBeFocused();
  await start.fill('15:00');
  await start.press('Enter');
  await expect(counts(page)).toHaveText('0 errors · 1 warning · 0 notes');
  await expect(finding).toHaveCount(0);
  await expect(start).toHaveAttribute('aria-invalid', 'false');
  await expect(timing).not.toHaveClass(/\brow-error\b/);

  // The header's fields are marked the same way (a missing agenda number is a warning).
  const number = field(page, 'Document number');
  const numberField = page.locator('label.field').filter({ has: number });
  await number.fill('');
  await number.press('Enter');
  await expect(numberField).toHaveClass(/\bmark-warning\b/);
  await number.fill('TD514');
  await number.press('Enter');
  await expect(numberField).not.toHaveClass(/\bmark-warning\b/);
  await expect(counts(page)).toHaveText('0 errors · 1 warning · 0 notes');
});

test('the Docs column suggests the numbers in Annex A, kept up to date as Annex A is edited', async ({ page }) => {
  await openExample(page);
  const suggested = (n) => page.locator(`#register-numbers option[value="${n}"]`);
  await expect(suggested('TD514')).toHaveCount(1);
  const number = page.getByLabel('Annex A entry 1 number', { exact: true });
  const before = await number.inputValue();
  await number.fill('TD999');
  await number.press('Enter');
  await expect(suggested('TD999')).toHaveCount(1);
  await expect(suggested(before)).toHaveCount(0);
  // Typing in an item leaves the suggestions as they are.
  await field(page, 'Item 1 title').fill('Opening');
  await expect(suggested('TD999')).toHaveCount(1);
});

test('a time that cannot be read is kept with a message, and nothing else changes', async ({ page }) => {
  await openExample(page);
  const start = field(page, 'Item 2 start time');
  await start.fill('half past two');
  await start.press('Enter');
  await expect(page.getByRole('alert')).toContainText('"half past two" is not a time: write it as HH:MM, e.g. 14:30');
  await expect(start).toHaveValue('half past two');
  await expect(page.locator('.slot').nth(5)).toHaveText('14:35–15:00 (25 min)');
});

test('a one-click fix corrects the category typo, and undo brings it back', async ({ page }) => {
  await openExample(page);
  await page.getByRole('button', { name: 'Fix: Change to "Information"' }).click();
  await expect(counts(page)).toHaveText('0 errors · 0 warnings · 0 notes');
  await expect(page.getByLabel('Annex A entry 10 category', { exact: true })).toHaveValue('Information');
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Annex A entry 10 category', { exact: true })).toHaveValue('infomration');
});

test('a finding names its place as the place now reads, even where the finding is unchanged', async ({ page }) => {
  await openExample(page);
  const typo = page.getByRole('listitem').filter({ hasText: '"infomration" is not a known category' });
  await expect(typo).toContainText('Annex A, entry 10 (TD667R1), Category');
  // Sorted by category, TD667R1 is the fourth entry; the findings themselves stay as they were.
  await page.getByRole('button', { name: 'category', exact: true }).click();
  await expect(page.getByLabel('Annex A entry 4 number', { exact: true })).toHaveValue('TD667R1');
  await expect(counts(page)).toHaveText('0 errors · 1 warning · 0 notes');
  await expect(typo).toContainText('Annex A, entry 4 (TD667R1), Category');
  const number = page.getByLabel('Annex A entry 4 number', { exact: true });
  await number.fill('TD667R2');
  await number.press('Enter');
  await expect(typo).toContainText('Annex A, entry 4 (TD667R2), Category');
});

test('moving and indenting items renumbers the rows', async ({ page }) => {
  await openExample(page);
  const review = 'Review of the report of Industry Engagement Workshop in relation to strategic and operational planning';
  await page.getByRole('button', { name: 'Move item 2 down' }).click();
  await expect(field(page, 'Item 3 title')).toHaveValue(review);
  await expect(field(page, 'Item 2 title')).toHaveValue(/TSAG inputs to CWG-SFP/);
  await expect(field(page, 'Item 3.1 title')).toHaveValue('Report of Industry Engagement Workshop');
  // Alt+Up on the focused item moves it back.
  await field(page, 'Item 3 title').focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(field(page, 'Item 2 title')).toHaveValue(review);
  await expect(field(page, 'Item 2 title')).toBeFocused();
  // Indent item 2 under item 1: it becomes 1.5 and its sub-items 1.5.1 …
  await page.keyboard.press('Alt+ArrowRight');
  await expect(field(page, 'Item 1.5 title')).toHaveValue(review);
  await expect(field(page, 'Item 1.5.2 title')).toHaveValue('Industry Engagement Proposed Actions sorted by target entities');
  await expect(field(page, 'Item 2 title')).toHaveValue(/TSAG inputs to CWG-SFP/);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(field(page, 'Item 2 title')).toHaveValue(review);
});

test('undo and redo across a delete', async ({ page }) => {
  await openExample(page);
  await page.getByRole('button', { name: 'Delete item 2.2' }).click();
  await expect(field(page, 'Item 2.2 title')).toHaveValue('Draft updated ITU-T action plan for a vibrant engagement of the industry');
  await expect(page.getByRole('status').filter({ hasText: 'Item 2.2 deleted' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(field(page, 'Item 2.2 title')).toHaveValue('Industry Engagement Proposed Actions sorted by target entities');
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();
  await page.keyboard.press('Control+Shift+Z');
  await expect(field(page, 'Item 2.2 title')).toHaveValue('Draft updated ITU-T action plan for a vibrant engagement of the industry');
  // Typing is one undo step per field, not one per key.
  const title = field(page, 'Item 2.1 title');
  await title.fill('');
  await title.pressSequentially('Workshop report');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(title).toHaveValue('Report of Industry Engagement Workshop');
});

test('a reload keeps everything, and comes back to the open agenda', async ({ page }) => {
  await openExample(page);
  await field(page, 'Title').fill('Agenda, RG-SOP (revised)');
  await field(page, 'Item 2.1 notes').fill('Presented on 18 June.');
  await page.getByRole('button', { name: 'Move item 4 up' }).click();
  await saved(page);
  await page.reload();
  await expect(field(page, 'Title')).toHaveValue('Agenda, RG-SOP (revised)');
  await expect(field(page, 'Item 2.1 notes')).toHaveValue('Presented on 18 June.');
  await expect(field(page, 'Item 3 title')).toHaveValue('Operational plan for 2025-2028');
  await expect(counts(page)).toContainText(/\d+ errors? ·/);
});

test('axe finds no serious or critical problems on the library and the editor', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'New blank agenda' }).click();
  await page.getByRole('button', { name: '← Agendas' }).click();
  const serious = (r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes, e.g. ${v.nodes[0].html})`);
  expect(serious(await new AxeBuilder({ page }).analyze())).toEqual([]);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  expect(serious(await new AxeBuilder({ page }).analyze())).toEqual([]);
});

test('dragging an item by its handle moves it and renumbers the rows', async ({ page }) => {
  await openExample(page);
  const handle = page.locator('tr.item').filter({ has: field(page, 'Item 4 title') }).locator('.drag');
  const target = page.locator('tr.item').filter({ has: field(page, 'Item 2 title') });
  await handle.dragTo(target);
  await expect(field(page, 'Item 2 title')).toHaveValue('Operational plan for 2025-2028');
  await expect(field(page, 'Item 3 title')).toHaveValue(/Review of the report of Industry Engagement Workshop/);
  await expect(field(page, 'Item 2.1 title')).toHaveValue('Four-year rolling Operational Plan for the Union for 2025-2028');
  await page.keyboard.press('Control+z');
  await expect(field(page, 'Item 4 title')).toHaveValue('Operational plan for 2025-2028');
});

test('on a long agenda, rows far down are reached from the checks and by scrolling, and edit as any other', async ({ page }) => {
  // TD514 with 150 more documents in Annex A before the one with the category typo, and 120 more
  // items: long enough for the tables to skip laying out the rows out of view.
  const file = JSON.parse(await readFile(new URL('../../core/tests/fixtures/td514.agenda.json', import.meta.url), 'utf8'));
  const a = file.agenda;
  a.id = 'long-agenda';
  const typo = a.register.findIndex((e) => e.category === 'infomration');
  const fillers = Array.from({ length: 150 }, (_, k) => ({
    id: 1000 + k, number: `TD${2000 + k}`, category: 'Information', source: 'TSB', title: `Filler document ${k + 1}`,
  }));
  a.register.splice(typo, 0, ...fillers);
  a.sessions[0].items.push(...Array.from({ length: 120 }, (_, k) => ({ id: 5000 + k, title: `Filler item ${k + 1}` })));
  await page.addInitScript((text) => {
    const kept = ['agenda', 'summary'].some((k) => localStorage.getItem(`agendum.${k}.long-agenda`));
    if (!kept) localStorage.setItem('agendum.agenda.long-agenda', text);
  }, JSON.stringify(file));
  await page.goto('/#/agenda/long-agenda');
  await expect(page.locator('table.items')).toHaveClass(/\blong\b/);
  await expect(page.locator('table.register')).toHaveClass(/\blong\b/);

  // The checks list their first hundred findings until asked for all.
  await expect(page.locator('.finding')).toHaveCount(100);
  await page.getByRole('button', { name: 'List all 151 findings' }).click();
  await expect(page.locator('.finding')).toHaveCount(151);

  // The finding takes the user to its field, however far down.
  const category = page.getByLabel(`Annex A entry ${typo + 151} category`, { exact: true });
  const finding = page.locator('.finding').filter({ hasText: 'infomration' });
  await finding.locator('.goto').click();
  await expect(category).toBeFocused();
  await expect(category).toBeInViewport();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Information');
  await expect(finding).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(category).toHaveValue('infomration');
  // The fix applies what the finding says now, not what it said when first shown.
  await finding.getByRole('button', { name: 'Fix: Change to "Information"' }).click();
  await expect(category).toHaveValue('Information');
  await expect(finding).toHaveCount(0);

  // A row scrolled to is built, edits as any other, and its edit is saved. Far rows stand in
  // empty until scrolled near (src/lazy.rs).
  const last = page.locator('tr[data-item="5119"]');
  const title = page.getByLabel(`Item ${a.sessions[0].items.length} title`, { exact: true });
  await expect(last).toHaveClass(/\bstand-in\b/);
  await expect(title).toHaveCount(0);
  await scrollUntilBuilt(page, 'tr[data-item="5119"]');
  await expect(last.locator('.number')).toHaveText(String(a.sessions[0].items.length));
  await expect(last).not.toHaveClass(/\bstand-in\b/);
  await title.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(', amended');
  await expect(title).toHaveValue('Filler item 120, amended');

  // A time that cannot be read lives only in its field: scrolled far away and back, the row
  // still holds it and its message.
  const start = page.getByLabel(`Item ${a.sessions[0].items.length} start time`, { exact: true });
  await start.fill('half past two');
  await start.press('Enter');
  await page.getByLabel('Abstract', { exact: true }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await last.scrollIntoViewIfNeeded();
  await expect(start).toHaveValue('half past two');
  await expect(last.getByRole('alert')).toContainText('is not a time');

  await saved(page);
  await page.reload();
  await scrollUntilBuilt(page, 'tr[data-item="5119"]');
  await expect(title).toHaveValue('Filler item 120, amended');
});
