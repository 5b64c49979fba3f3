// Time zones and calendars for people who join from elsewhere: the editor shows every time in
// the viewer's zone beside the meeting's, on each session's own date; the printed agenda gives
// the same; the calendar export holds the sessions in UTC; an unknown zone is a finding.
import { readFile } from 'node:fs/promises';
import { test, expect, openExample, field, saved } from './helpers.mjs';

const picker = (page) => page.getByRole('combobox', { name: 'Also show times in' });
const sessionTimes = (page) => page.locator('tr.session-row .second-zone').first();
const firstItemTime = (page) => page.locator('tr.item .second-zone').first();

async function downloaded(page, click) {
  const d = page.waitForEvent('download');
  await click();
  const download = await d;
  return { name: download.suggestedFilename(), text: (await readFile(await download.path())).toString('utf8') };
}

test.describe('a viewer in New York', () => {
  test.use({ timezoneId: 'America/New_York' });

  test("sees TD514's 14:30 Geneva time as 08:30, and picks another zone or none", async ({ page }) => {
    await openExample(page);
    await expect(picker(page)).toHaveValue('America/New_York');
    await expect(sessionTimes(page)).toHaveText('08:30–09:45 New York');
    await expect(firstItemTime(page)).toHaveText('08:30 New York');

    await picker(page).selectOption('UTC');
    await expect(sessionTimes(page)).toHaveText('12:30–13:45 UTC');
    await picker(page).selectOption('Asia/Tokyo');
    await expect(sessionTimes(page)).toHaveText('21:30–22:45 Tokyo');

    // The choice is remembered, "none" too.
    await picker(page).selectOption('');
    await expect(page.locator('.second-zone')).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
    await expect(picker(page)).toHaveValue('');
    await expect(page.locator('.second-zone')).toHaveCount(0);
  });

  test('the week Geneva has gone back to winter time and New York not yet, 14:30 is 09:30', async ({ page }) => {
    await openExample(page);
    const date = field(page, 'Session 1 date');
    await date.fill('28 October 2024');
    await date.press('Tab');
    await expect(sessionTimes(page)).toHaveText('09:30–10:45 New York');
    await expect(firstItemTime(page)).toHaveText('09:30 New York');
    await date.fill('4 November 2024');
    await date.press('Tab');
    await expect(sessionTimes(page)).toHaveText('08:30–09:45 New York');
  });

  test('the printed agenda carries the second zone, and the calendar the sessions in UTC', async ({ page }) => {
    await openExample(page);
    const html = await downloaded(page, () => page.getByRole('button', { name: 'Export HTML' }).click());
    expect(html.text).toContain('<span class="second-zone">08:30–09:45 New York</span>');
    expect(html.text).toContain('Times in italics are New York time (America/New_York)');

    await page.getByRole('button', { name: 'Export calendar' }).click();
    const options = page.getByRole('group', { name: 'Export calendar' });
    await options.getByRole('checkbox', { name: /one for each item/ }).check();
    const ics = await downloaded(page, () => options.getByRole('button', { name: 'Download .ics' }).click());
    expect(ics.name).toMatch(/\.ics$/);
    expect(ics.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.text).toContain('\r\nDTSTART:20240801T123000Z\r\nDTEND:20240801T134500Z\r\n');
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(6);
    await expect(page.getByRole('status').filter({ hasText: 'Calendar downloaded: 6 events.' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Calendar downloaded' })).toContainText('is left out');
    await expect(options).toHaveCount(0);
  });
});

test.describe('a chair in Geneva', () => {
  test.use({ timezoneId: 'Europe/Zurich' });

  test('sees no second column of the same times until asking for one', async ({ page }) => {
    await openExample(page);
    await expect(picker(page)).toHaveValue('');
    await expect(page.locator('.second-zone')).toHaveCount(0);
    await picker(page).selectOption('UTC');
    await expect(sessionTimes(page)).toHaveText('12:30–13:45 UTC');
  });

  test('an unknown time zone is a finding with the nearest names, fixed in one click', async ({ page }) => {
    await openExample(page);
    const zone = field(page, 'Time zone');
    await zone.fill('Mars/Olympus_Mons');
    const checks = page.locator('.checks');
    await expect(checks).toContainText('"Mars/Olympus_Mons" is not a time zone the time-zone database knows');
    await zone.fill('Europe/Zurch');
    await expect(checks).toContainText('Did you mean "Europe/Zurich"?');
    await checks.getByRole('button', { name: 'Change to "Europe/Zurich"' }).click();
    await expect(zone).toHaveValue('Europe/Zurich');
    await expect(checks).not.toContainText('is not a time zone');
    await saved(page);
    // A calendar cannot be placed without a zone, and says so.
    await zone.fill('');
    await page.getByRole('button', { name: 'Export calendar' }).click();
    await page.getByRole('group', { name: 'Export calendar' }).getByRole('button', { name: 'Download .ics' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The calendar could not be made' })).toContainText('no time zone');
  });
});
