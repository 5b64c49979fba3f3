// Share links: the editor makes one, a fresh browser opens it read-only with its checks and
// saves it to its library, and a damaged link is told and changes nothing.
import { test, expect, openExample, openLibrary } from './helpers.mjs';

/** The share link of the TD514 example, as the editor shows it. */
async function linkOfTheExample(page) {
  await openExample(page);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const box = page.getByRole('textbox', { name: 'Share link' });
  await expect(box).toBeVisible();
  const url = await box.inputValue();
  await expect(page.locator('.share-link')).toContainText(`(${url.length.toLocaleString('en-US')} characters)`);
  return url;
}

test('a share link opens the agenda read-only with its checks, and saves it to the library', async ({ page, browser }) => {
  const url = await linkOfTheExample(page);
  expect(new URL(url).hash).toMatch(/^#\/shared\/1\.[A-Za-z0-9_-]+$/);

  // Someone else, with an empty library.
  const other = await (await browser.newContext()).newPage();
  await other.goto(url);
  await expect(other.getByRole('heading', { name: /^Shared agenda: / })).toBeVisible();
  await expect(other.locator('.shared-checks .counts')).toHaveText('0 errors · 1 warning · 0 notes');
  await expect(other.locator('.shared-checks')).toContainText('"infomration" is not a known category');
  // The agenda as it prints, every document number with it.
  const printed = other.locator('.shared-page');
  for (const number of ['TD514', 'TD667R1', 'C103']) {
    await expect(printed.getByText(number, { exact: true }).first()).toBeVisible();
  }
  await expect(other.getByRole('textbox')).toHaveCount(0);
  expect(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('agendum.agenda.')).length)).toBe(0);

  await other.getByRole('button', { name: 'Save to my library' }).click();
  await expect(other.getByRole('status').filter({ hasText: /^Imported "/ })).toBeVisible();
  await expect(other.getByRole('button', { name: /^Open TD514/ })).toBeVisible();
  await other.reload();
  await expect(other.getByRole('button', { name: /^Open TD514/ })).toBeVisible();

  // Saved again, it is already there: the same question as for a file.
  await other.goto(url);
  await other.getByRole('button', { name: 'Save to my library' }).click();
  await expect(other.getByText('"the shared link" holds')).toBeVisible();
  await other.getByRole('button', { name: 'Keep both' }).click();
  await expect(other.getByRole('button', { name: /^Open TD514/ })).toHaveCount(2);
});

test('a link cut short or changed says so and leaves the library as it was', async ({ page }) => {
  const url = await linkOfTheExample(page);
  await page.getByRole('button', { name: '← Agendas' }).click();
  await expect(page.getByRole('button', { name: /^Open TD514/ })).toHaveCount(1);
  const before = await page.evaluate(() => JSON.stringify(localStorage));

  await page.goto(url.slice(0, url.length - 40));
  await expect(page.getByRole('alert')).toContainText('This link is incomplete');
  await expect(page.getByText('Nothing in this browser was changed.')).toBeVisible();

  const at = Math.floor(url.length * 0.7);
  const changed = url.slice(0, at) + (url[at] === 'A' ? 'B' : 'A') + url.slice(at + 1);
  await page.goto(changed);
  await expect(page.getByRole('alert')).toContainText('This link is damaged');
  await page.getByRole('button', { name: 'Go to my agendas' }).click();
  await expect(page.getByRole('button', { name: /^Open TD514/ })).toHaveCount(1);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
});

test('an agenda too large for a link is told to go as a file', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'New blank agenda' }).click();
  await expect(page.getByRole('button', { name: 'Copy share link' })).toBeVisible();
  // A summary no compressor can shrink much: 30,000 random letters.
  await page.getByRole('button', { name: 'Add item to session 1' }).click();
  const summary = page.getByRole('textbox', { name: 'Item 1 summary', exact: true });
  const noise = Array.from({ length: 30000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) ^ (i >> 3) * 31) % 26)).join('');
  await summary.fill(noise);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('alert')).toContainText('This agenda is too large for a link');
  await expect(page.getByRole('alert')).toContainText('Export it as a file');
});
