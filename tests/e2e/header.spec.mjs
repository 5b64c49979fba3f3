// The agenda's header as a real TD's, and the session and item rows as a chair fills them in:
// the TD header's fields in the export, boxes checked as they are typed, the day as printed
// following the date, and rows dense enough for a 20-item agenda to read as one.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, openLibrary, openExample, counts, field } from './helpers.mjs';

const ROOT = join(import.meta.dirname, '..', '..');

async function download(page, button) {
  const d = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return (await readFile(await (await d).path())).toString('utf8');
}

test('the TD header is typed in the header form and printed in the export', async ({ page }) => {
  await openExample(page);
  await field(page, 'Study period').fill('2022-2024');
  await field(page, 'Question(s)').fill('All/TSAG');
  // With its suggestions (Admin, Discussion …), the box is a combobox.
  await page.getByRole('combobox', { name: 'Purpose', exact: true }).fill('Admin');
  await field(page, 'Contact').fill('Ms Jane Doe');
  await field(page, "Contact's organisation").fill('Orange, France');
  await field(page, 'Keywords').fill('agenda; RG-SOP');
  const email = field(page, "Contact's e-mail");
  await email.fill('jane.doe@orange');
  // The address is checked as it is typed.
  const finding = page.getByRole('listitem').filter({ hasText: "Header, Contact's e-mail" });
  await expect(finding).toContainText('"jane.doe@orange" is not an e-mail address');
  await email.fill('jane.doe@orange.com');
  await expect(finding).toHaveCount(0);
  await expect(counts(page)).toHaveText('0 errors · 1 warning · 0 notes');

  const html = await download(page, 'Export HTML');
  expect(html).toContain('TSAG RG-SOP<br>STUDY PERIOD 2022-2024');
  expect(html).toContain('<td class="label">Question(s)</td><td>All/TSAG</td>');
  expect(html).toContain('<td class="label">Purpose</td><td>Admin</td>');
  expect(html).toContain('<td class="label">Contact</td><td>Ms Jane Doe<br>Orange, France<br>E-mail: jane.doe@orange.com</td>');
  expect(html).toContain('<td class="label">Keywords</td><td>agenda; RG-SOP</td>');
  const file = JSON.parse(await download(page, 'Export JSON'));
  expect(file.version).toBe(4);
  expect(file.agenda.contact).toEqual({ name: 'Ms Jane Doe', organisation: 'Orange, France', email: 'jane.doe@orange.com' });
});

test('a time that cannot be read counts as an error while it is typed, before the box is left', async ({ page }) => {
  await openExample(page);
  await expect(counts(page)).toHaveText('0 errors · 1 warning · 0 notes');
  const start = field(page, 'Item 3 start time');
  await start.focus();
  await start.fill('25:99');
  await expect(start).toBeFocused();
  await expect(page.getByRole('alert')).toContainText('"25:99" is not a time');
  await expect(counts(page)).toHaveText('1 error · 1 warning · 0 notes');
  const finding = page.getByRole('listitem').filter({ hasText: 'Item 3, Start' });
  await expect(finding).toContainText('Until it is corrected, the agenda keeps the value the box had.');
  // Corrected, still in the box: the error goes, and the time is the item's.
  await start.fill('15:00');
  await expect(counts(page)).toHaveText('0 errors · 1 warning · 0 notes');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('tr.item').nth(5).locator('.slot')).toHaveText('14:35–15:00 (25 min)');
});

test('a date box is one Tab stop, reads a date as typed, and the day as printed follows it', async ({ page }) => {
  await openExample(page);
  await field(page, 'First day').focus();
  await page.keyboard.press('Tab');
  await expect(field(page, 'Last day')).toBeFocused();

  const date = field(page, 'Session 1 date');
  const day = field(page, 'Session 1 day as printed');
  await expect(day).toHaveValue('Thursday, 1 August');
  await date.fill('2 August 2024');
  await date.press('Enter');
  await expect(date).toHaveValue('2024-08-02');
  await expect(day).toHaveValue('Friday, 2 August');
  // One undo puts back both.
  await page.keyboard.press('Control+z');
  await expect(date).toHaveValue('2024-08-01');
  await expect(day).toHaveValue('Thursday, 1 August');

  // A weekday that is not the date's is refused with why.
  await date.fill('Monday, 2 August 2024');
  await date.press('Enter');
  await expect(page.getByRole('alert')).toContainText('2 August 2024 is a Friday, not a Monday');
  await date.fill('2024-08-01');
  await date.press('Enter');

  // A day of the user's own stays; emptied, the box shows in grey what will be printed.
  await day.fill('Thursday afternoon');
  await date.fill('2024-08-02');
  await date.press('Enter');
  await expect(day).toHaveValue('Thursday afternoon');
  await day.fill('');
  await expect(day).toHaveAttribute('placeholder', 'Friday, 2 August');
});

test('a new agenda\'s session starts empty, and empty boxes show no values that are not there', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'New blank agenda' }).click();
  await page.getByRole('button', { name: 'Add session' }).click();
  const title = field(page, 'Session 2 title');
  await expect(title).toHaveValue('');
  for (const name of ['Session 2 start', 'Session 2 end']) {
    await expect(field(page, name)).toHaveAttribute('placeholder', 'hh:mm');
  }
  // No group's name in a placeholder of another group's agenda.
  const placeholders = await page.locator('input[placeholder], textarea[placeholder]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('placeholder')));
  expect(placeholders.filter((p) => /TSAG|RG-SOP/.test(p))).toEqual([]);
});

test('rows are dense: an empty item is half as high as before, and titles wrap between words', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openLibrary(page);
  await page.getByRole('button', { name: 'New blank agenda' }).click();
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add item to session 1' }).click();
  // Measured with the focus elsewhere: the row being worked on shows all its boxes.
  await field(page, 'Document number').focus();
  const heights = await page.locator('tr.item').evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
  // An empty row took 118 px before the rows were made dense.
  for (const h of heights) expect(h).toBeLessThanOrEqual(59);

  // Focus in a row shows its source, summary and notes to type into.
  const title = field(page, 'Item 1 title');
  await title.focus();
  await expect(field(page, 'Item 1 source')).toBeVisible();
  await expect(field(page, 'Item 1 notes')).toBeVisible();
  await page.keyboard.type('Approval/Consent/Determination/Agreement of the draft Recommendations');
  // The longest word fits the box: the browser breaks the title between words only.
  const fits = await title.evaluate((t) => {
    const style = getComputedStyle(t);
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const longest = Math.max(...t.value.split(/\s+/).map((w) => ctx.measureText(w).width));
    const room = t.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return { longest, room };
  });
  expect(fits.longest).toBeLessThan(fits.room);
  await field(page, 'Document number').focus();
  await page.screenshot({ path: process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs/screenshots/blank-rows.png') : test.info().outputPath('blank-rows.png') });
});

test('the editor with TD514, as the README shows it', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await openExample(page);
  // The items table at the top of the window, as a chair reads it.
  await page.getByRole('heading', { name: 'Agenda', exact: true }).evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 60));
  await expect(counts(page)).toHaveText('0 errors · 1 warning · 0 notes');
  await page.screenshot({ path: process.env.UPDATE_SCREENSHOTS ? join(ROOT, 'docs/screenshots/editor.png') : test.info().outputPath('editor.png') });
});
