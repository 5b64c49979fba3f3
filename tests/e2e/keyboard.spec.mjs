// The editor by keyboard alone: where the focus lands after each command, deletes kept out of
// the Tab path, the shortcuts and their sheet, and a whole pass counted in key presses.
import { test, expect, openLibrary, openExample, counts, field } from './helpers.mjs';

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

/** A new blank agenda with the focus in Item 2's title, Item 1 titled "Opening", made by
 *  keyboard. */
async function twoItemsByKeyboard(page) {
  await openLibrary(page);
  await page.getByRole('button', { name: 'New blank agenda' }).click();
  // The new agenda puts the focus in its first field once it is drawn; a shortcut pressed before
  // that would be overtaken by it.
  await expect(field(page, 'Document number')).toBeFocused();
  await page.keyboard.press('Alt+Shift+I');
  await expect(page.getByRole('button', { name: 'Add item to session 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field(page, 'Item 1 title')).toBeFocused();
  await page.keyboard.type('Opening');
  await page.keyboard.press('Enter');
  await expect(field(page, 'Item 2 title')).toBeFocused();
}

/** From now on, notes whether the page's body ever holds the focus: after every change to the
 *  page (before the next frame is drawn) and on every frame. */
async function watchBodyFocus(page) {
  await page.evaluate(() => {
    window.bodyHeldFocus = false;
    const look = () => {
      if (!document.activeElement || document.activeElement === document.body) window.bodyHeldFocus = true;
    };
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, attributes: true });
    const frame = () => { look(); requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  });
}

const bodyHeldFocus = (page) => page.evaluate(() => window.bodyHeldFocus);

/** The key presses the pass (create, add 3 items, indent, undo, export) took by Tab and Enter
 *  alone on the editor as it was before the keyboard work of issue #22 (commit 5d47836). */
const BASELINE_PRESSES = 111;

/** The middle of every pass, from "Add item to session 1" holding the focus: Enter, three
 *  titles, indent the last, undo the indent. */
async function addThreeItemsIndentAndUndo(page, keys) {
  await keys.press('Enter');
  await expect(field(page, 'Item 1 title')).toBeFocused();
  await keys.type('Opening');
  await keys.press('Enter');
  await expect(field(page, 'Item 2 title')).toBeFocused();
  await keys.type('Agenda');
  await keys.press('Enter');
  await expect(field(page, 'Item 3 title')).toBeFocused();
  await keys.type('Documents');
  await keys.press('Alt+ArrowRight');
  await expect(field(page, 'Item 2.1 title')).toBeFocused();
  await keys.press('Control+z');
  await expect(field(page, 'Item 3 title')).toHaveValue('Documents');
}

/** The pass as it had to be made before: Tab to each button, Enter. */
async function passByTab(page) {
  await openLibrary(page);
  const keys = countingKeyboard(page);
  await keys.tabTo(page.getByRole('button', { name: 'New blank agenda' }));
  await keys.press('Enter');
  const addItem = page.getByRole('button', { name: 'Add item to session 1' });
  await expect(addItem).toBeVisible();
  await keys.tabTo(addItem);
  await addThreeItemsIndentAndUndo(page, keys);
  const exportJson = page.getByRole('button', { name: 'Export JSON' });
  await keys.tabTo(exportJson, { back: true });
  const download = page.waitForEvent('download');
  await keys.press('Enter');
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  return keys.presses;
}

test('the keyboard pass (create, add 3 items, indent, undo, export) takes at most half the key presses it took', async ({ page }) => {
  await openLibrary(page);
  const keys = countingKeyboard(page);
  await keys.tabTo(page.getByRole('button', { name: 'New blank agenda' }));
  await keys.press('Enter');
  await expect(field(page, 'Document number')).toBeFocused();
  await keys.press('Alt+Shift+I');
  await expect(page.getByRole('button', { name: 'Add item to session 1' })).toBeFocused();
  await addThreeItemsIndentAndUndo(page, keys);
  await expect(field(page, 'Item 3 title')).toBeFocused();
  const download = page.waitForEvent('download');
  await keys.press('Control+Shift+E');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.json$/);
  expect(keys.presses).toBeLessThanOrEqual(BASELINE_PRESSES / 2);
  expect(keys.presses).toBe(9);
});

test('the pass by Tab and Enter alone still works, in fewer presses than before', async ({ page }) => {
  const n = await passByTab(page);
  expect(n).toBeLessThan(BASELINE_PRESSES);
});

test('a new agenda opens with the focus in its first field, and a new session takes the focus', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'New blank agenda' }).click();
  await expect(field(page, 'Document number')).toBeFocused();
  await page.getByRole('button', { name: 'Add session' }).click();
  await expect(page.getByLabel('Session 2 date', { exact: true })).toBeFocused();
});

test('the skip link, first after the top bar, goes past the header to the items', async ({ page }) => {
  await openExample(page);
  await expect(field(page, 'Document number')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  const skip = page.getByRole('button', { name: 'Skip to the agenda items' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(field(page, 'Item 1 title')).toBeFocused();
});

test('deleting an item by keyboard moves the focus to the next row, and Ctrl+Z brings back both', async ({ page }) => {
  await openExample(page);
  await field(page, 'Item 2.2 title').focus();
  await page.keyboard.press('Alt+Shift+Backspace');
  await expect(page.getByRole('status').filter({ hasText: 'Item 2.2 deleted' })).toBeVisible();
  await expect(field(page, 'Item 2.2 title')).toHaveValue('Draft updated ITU-T action plan for a vibrant engagement of the industry');
  await expect(field(page, 'Item 2.2 title')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(field(page, 'Item 2.2 title')).toHaveValue('Industry Engagement Proposed Actions sorted by target entities');
  await expect(field(page, 'Item 2.2 title')).toBeFocused();
  // The ✕ is out of the Tab order, but a click still deletes, and the focus still follows.
  await expect(page.getByRole('button', { name: 'Delete item 2.2' })).toHaveAttribute('tabindex', '-1');
  await expect(page.getByRole('button', { name: 'Delete item 2.2' })).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+Backspace');
  await page.getByRole('button', { name: 'Delete item 2.2' }).click();
  await expect(field(page, 'Item 2.2 title')).toBeFocused();
});

test('deleting the last item of a session leaves the focus on the one above, then on "Add item"', async ({ page }) => {
  await twoItemsByKeyboard(page);
  await watchBodyFocus(page);
  await page.keyboard.press('Alt+Shift+Backspace');
  await expect(field(page, 'Item 2 title')).toHaveCount(0);
  await expect(field(page, 'Item 1 title')).toBeFocused();
  await page.keyboard.press('Alt+Shift+Backspace');
  await expect(field(page, 'Item 1 title')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add item to session 1' })).toBeFocused();
  // The focus moves before the row leaves the page, never passing by the page's body.
  expect(await bodyHeldFocus(page)).toBe(false);
  await page.keyboard.press('Control+z');
  await expect(field(page, 'Item 1 title')).toHaveValue('Opening');
  await expect(field(page, 'Item 1 title')).toBeFocused();
});

test('Tab then Enter from an Annex A entry\'s title goes on to the next entry and deletes nothing', async ({ page }) => {
  await openExample(page);
  const entries = page.locator('table.register tbody tr');
  const before = await entries.count();
  await page.getByLabel('Annex A entry 1 title', { exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Annex A entry 2 category', { exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(entries).toHaveCount(before);
  // The delete key on the row deletes it; the next entry takes the focus; undo brings it back.
  await page.keyboard.press('Alt+Shift+Backspace');
  await expect(entries).toHaveCount(before - 1);
  await expect(page.getByRole('status').filter({ hasText: 'Annex A entry 2 deleted' })).toBeVisible();
  await expect(page.getByLabel('Annex A entry 2 number', { exact: true })).toHaveValue('TD515');
  await expect(page.getByLabel('Annex A entry 2 category', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Annex A entry 2 number', { exact: true })).toHaveValue('TD526');
  await expect(page.getByLabel('Annex A entry 2 category', { exact: true })).toBeFocused();
});

test('deleting an annex, a future meeting or a session by keyboard: the focus follows, and undo brings it back', async ({ page }) => {
  await openExample(page);
  // The only annex: the focus goes to "Add annex".
  await page.getByLabel('Annex B title', { exact: true }).focus();
  await page.keyboard.press('Alt+Shift+Backspace');
  await expect(page.getByLabel('Annex B title', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add annex' })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Annex B title', { exact: true })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Delete Annex B' })).toHaveAttribute('tabindex', '-1');

  await page.getByLabel('Future meeting 1 subject', { exact: true }).focus();
  await page.keyboard.press('Alt+Shift+Backspace');
  await expect(page.getByLabel('Future meeting 1 timing', { exact: true })).toHaveValue('During WTSA-24, date/time to be confirmed');
  await expect(page.getByLabel('Future meeting 1 date', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Future meeting 1 subject', { exact: true })).toHaveValue('To finalize the 1st TSAG input to CWG-SFP.');
  await expect(page.getByLabel('Future meeting 1 date', { exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Add future meeting' }).click();
  await expect(page.getByLabel('Future meeting 3 date', { exact: true })).toBeFocused();

  await page.getByRole('button', { name: 'Add session' }).click();
  await expect(page.getByLabel('Session 2 date', { exact: true })).toBeFocused();
  await page.keyboard.press('Alt+Shift+Backspace');
  await expect(page.getByLabel('Session 2 date', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Session 1 date', { exact: true })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Session 2 date', { exact: true })).toBeFocused();
});

test('after a fix the focus is on the finding that took its place, then on the panel\'s heading', async ({ page }) => {
  await openExample(page);
  const category = page.getByLabel('Annex A entry 1 category', { exact: true });
  await category.fill('infomration');
  await expect(counts(page)).toHaveText('0 errors · 2 warnings · 0 notes');
  const panel = page.getByRole('complementary', { name: 'Checks' });
  await panel.getByRole('button', { name: /^Fix:/ }).first().click();
  await expect(counts(page)).toHaveText('0 errors · 1 warning · 0 notes');
  await expect(panel.locator('.finding .goto')).toBeFocused();
  // By keyboard: Tab to the remaining fix, Enter.
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: /^Fix:/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(counts(page)).toHaveText('0 errors · 0 warnings · 0 notes');
  await expect(panel.getByRole('heading', { name: 'Checks' })).toBeFocused();
});

test('Alt+Shift+C goes to the checks panel, F8 and Shift+F8 from finding to finding, Ctrl+Shift+E exports', async ({ page }) => {
  await openExample(page);
  const start = field(page, 'Item 3 start time');
  await start.fill('14:32');
  await start.press('Enter');
  await expect(counts(page)).toHaveText('1 error · 1 warning · 0 notes');
  await field(page, 'Item 1 title').focus();
  await page.keyboard.press('Alt+Shift+C');
  const panel = page.getByRole('complementary', { name: 'Checks' });
  await expect(panel.getByRole('button', { name: /Item 3, Start/ })).toBeFocused();
  await page.keyboard.press('F8');
  await expect(start).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Finding 1 of 2: Item 3, Start.' })).toBeVisible();
  await page.keyboard.press('F8');
  await expect(page.getByLabel('Annex A entry 10 category', { exact: true })).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Finding 2 of 2' })).toBeVisible();
  await page.keyboard.press('Shift+F8');
  await expect(start).toBeFocused();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+E');
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
});

test('? shows every shortcut, Escape closes the sheet, and in a text box ? is only a character', async ({ page }) => {
  await openExample(page);
  const title = field(page, 'Item 1 title');
  await title.focus();
  await page.keyboard.press('End');
  await page.keyboard.type('?');
  await expect(title).toHaveValue(/\?$/);
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeHidden();

  const back = page.getByRole('button', { name: '← Agendas' });
  await back.focus();
  await page.keyboard.press('?');
  await expect(sheet).toBeVisible();
  for (const key of ['Ctrl+Z', 'Ctrl+Shift+Z or Ctrl+Y', 'Ctrl+Shift+E', 'Ctrl+P', 'Ctrl+S', 'Alt+Shift+I', 'Alt+Shift+C',
    'F8', 'Shift+F8', '?', 'Enter', 'Shift+Enter', 'Alt+↑ / Alt+↓', 'Alt+→ / Alt+←', '← / → / Home / End', 'Alt+Shift+Backspace', 'Enter or ,', 'Backspace']) {
    await expect(sheet.getByRole('rowheader', { name: key, exact: true }).first()).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(back).toBeFocused();

  // The top bar's button opens it too; its Close button closes it.
  await page.getByRole('button', { name: 'Shortcuts' }).click();
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
});

test('an item\'s six tools are one Tab stop, a toolbar the arrows move in, and Enter on a tool acts', async ({ page }) => {
  await twoItemsByKeyboard(page);
  await page.keyboard.type('Agenda');
  await field(page, 'Item 1 title').focus();
  const tools = page.getByRole('toolbar', { name: 'Item 1 tools' });
  const addAfter = tools.getByRole('button', { name: 'Add item after 1' });
  const subItem = tools.getByRole('button', { name: 'Add sub-item to 1' });
  const outdent = tools.getByRole('button', { name: 'Outdent item 1' });
  await expect(tools.getByRole('button')).toHaveCount(6);
  await expect(tools.locator('button[tabindex="0"]')).toHaveCount(1);
  // The ✕ is not in the toolbar, and stays out of the Tab order.
  await expect(tools.getByRole('button', { name: 'Delete item 1' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete item 1' })).toHaveAttribute('tabindex', '-1');

  // Tab from the title across the row's other fields: the first stop in the toolbar is its
  // first button, and the next Tab leaves the toolbar for the next row.
  const inTools = () => tools.evaluate((bar) => bar.contains(document.activeElement));
  let presses = 0;
  while (!(await inTools()) && presses < 10) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  await expect(addAfter).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(field(page, 'Item 2 start time')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(addAfter).toBeFocused();

  // The arrows, Home and End go from tool to tool, wrapping at the ends, and the Tab stop goes
  // with the focus.
  await page.keyboard.press('ArrowRight');
  await expect(subItem).toBeFocused();
  await expect(subItem).toHaveAttribute('tabindex', '0');
  await expect(addAfter).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('End');
  await expect(outdent).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(addAfter).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(outdent).toBeFocused();
  await page.keyboard.press('Home');
  await expect(addAfter).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(subItem).toBeFocused();
  // Out and back by Tab: the stop is the tool last used.
  await page.keyboard.press('Tab');
  await expect(field(page, 'Item 2 start time')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(subItem).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(field(page, 'Item 1.1 title')).toBeFocused();
  // Undone, the sub-item hands the focus back to the item it was added to.
  await page.keyboard.press('Control+z');
  await expect(field(page, 'Item 1.1 title')).toHaveCount(0);
  await expect(field(page, 'Item 1 title')).toBeFocused();

  // Alt+arrows still move the item from its toolbar.
  await page.getByRole('toolbar', { name: 'Item 2 tools' }).getByRole('button', { name: 'Add item after 2' }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(field(page, 'Item 1 title')).toHaveValue('Agenda');
  await expect(field(page, 'Item 1 title')).toBeFocused();
});

test('undoing an add from the new row puts the focus on the item it was added after, then on "Add item"', async ({ page }) => {
  await twoItemsByKeyboard(page);
  await page.keyboard.press('Control+z');
  await expect(field(page, 'Item 2 title')).toHaveCount(0);
  await expect(field(page, 'Item 1 title')).toBeFocused();
  await expect(field(page, 'Item 1 title')).toHaveValue('Opening');
  // The typing, then the first item: with no item left above, "Add item" takes the focus.
  await page.keyboard.press('Control+z');
  await expect(field(page, 'Item 1 title')).toHaveValue('');
  await page.keyboard.press('Control+z');
  await expect(field(page, 'Item 1 title')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add item to session 1' })).toBeFocused();
  // Redo brings the item back with the focus in it.
  await page.keyboard.press('Control+Shift+z');
  await expect(field(page, 'Item 1 title')).toBeFocused();
});

test('the page\'s body never holds the focus while an add is undone', async ({ page }) => {
  await twoItemsByKeyboard(page);
  await watchBodyFocus(page);
  await page.keyboard.press('Control+z');
  await expect(field(page, 'Item 2 title')).toHaveCount(0);
  await expect(field(page, 'Item 1 title')).toBeFocused();
  expect(await bodyHeldFocus(page)).toBe(false);
  // Nor when the last item goes and "Add item" takes the focus.
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(field(page, 'Item 1 title')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add item to session 1' })).toBeFocused();
  expect(await bodyHeldFocus(page)).toBe(false);
});
