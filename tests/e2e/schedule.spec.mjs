// The computed times follow the times they are laid out from: a start time or a planned
// duration changed moves the slots it bounds at once, undo moves them back, and typing anywhere
// else leaves them as they were.
import { test, expect, openExample, field } from './helpers.mjs';

test('a changed start time moves the slot it bounds, and undo moves it back', async ({ page }) => {
  await openExample(page);
  const slot = page.locator('tr.item').nth(5).locator('.slot');
  await expect(slot).toHaveText('14:35–15:00 (25 min)');
  // Typing a title changes no time.
  const title = field(page, 'Item 3 title');
  await title.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' (revised)');
  await expect(slot).toHaveText('14:35–15:00 (25 min)');
  // The next item starting later gives this one more time.
  const start = field(page, 'Item 3 start time');
  await start.fill('15:10');
  await start.press('Enter');
  await expect(slot).toHaveText('14:35–15:10 (35 min)');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(slot).toHaveText('14:35–15:00 (25 min)');
});
