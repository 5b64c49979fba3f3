// The editor by keyboard alone: where the focus lands after each command, deletes kept out of
// the Tab path, the shortcuts and their sheet, and a whole pass counted in key presses.
import { test, expect, openLibrary, field } from './helpers.mjs';

/** A keyboard that counts its key presses. The text typed is not counted: every pass types the
 *  same titles. */
function countingKeyboard(page) {
  let presses = 0;
  const focused = (locator) => locator.evaluate((el) => el === document.activeElement);
  return {
    get presses() { return presses; },
    async press(key) {
      presses += 1;
      await page.keyboard.press(key);
    },
    async type(text) { await page.keyboard.type(text); },
    /** Presses Tab (or Shift+Tab) until the locator's element holds the focus. */
    async tabTo(locator, { back = false } = {}) {
      for (let i = 0; i < 300; i++) {
        if (await focused(locator)) return;
        await this.press(back ? 'Shift+Tab' : 'Tab');
      }
      throw new Error('the element was never focused by Tab');
    },
  };
}

/** The key presses the pass (create, add 3 items, indent, undo, export) took by Tab and Enter
 *  alone on the editor as it was before the keyboard work of issue #22 (commit 5d47836). */
const BASELINE_PRESSES = 111;

test('the keyboard pass as it was: create, add 3 items, indent, undo, export, by Tab and Enter', async ({ page }) => {
  await openLibrary(page);
  const keys = countingKeyboard(page);
  await keys.tabTo(page.getByRole('button', { name: 'New blank agenda' }));
  await keys.press('Enter');
  const addItem = page.getByRole('button', { name: 'Add item to session 1' });
  await expect(addItem).toBeVisible();
  await keys.tabTo(addItem);
  await keys.press('Enter');
  await expect(field(page, 'Item 1 title')).toBeFocused();
  await keys.type('Opening');
  await keys.press('Enter');
  await keys.type('Agenda');
  await keys.press('Enter');
  await keys.type('Documents');
  await keys.press('Alt+ArrowRight');
  await expect(field(page, 'Item 2.1 title')).toBeFocused();
  await keys.press('Control+z');
  await expect(field(page, 'Item 3 title')).toHaveValue('Documents');
  const exportJson = page.getByRole('button', { name: 'Export JSON' });
  await keys.tabTo(exportJson, { back: true });
  const download = page.waitForEvent('download');
  await keys.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  console.log(`keyboard pass: ${keys.presses} key presses`);
});
