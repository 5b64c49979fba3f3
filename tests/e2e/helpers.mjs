// Shared pieces of the end-to-end tests: a page that fails the test on any console error or
// uncaught exception, and the few steps many tests take.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
    await use(page);
    expect(problems, 'console errors, exceptions or dialogs during the test').toEqual([]);
  },
});
export { expect };

/** Opens the library on a fresh browser profile (each Playwright test has its own context). */
export async function openLibrary(page) {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Agendum', level: 1 })).toBeVisible();
}

/** Opens the TD514 example in the editor. */
export async function openExample(page) {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
}

export const counts = (page) => page.getByRole('status').filter({ hasText: /\d+ errors? ·/ });

export const field = (page, name) => page.getByRole('textbox', { name, exact: true });

/** Every agenda file kept in the browser, parsed: the records of its database, and any still in
 *  localStorage (from before the database, or written as a page was left). */
export const storedAgendas = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const local = Object.keys(localStorage).filter((k) => k.startsWith('agendum.agenda.')).map((k) => JSON.parse(localStorage.getItem(k)));
  const open = indexedDB.open('agendum', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('agendas');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction('agendas').objectStore('agendas').getAll();
    all.onsuccess = () => { open.result.close(); resolve([...all.result.map((t) => JSON.parse(t)), ...local]); };
    all.onerror = () => reject(all.error);
  };
}));

/** Waits until everything typed so far is saved. */
export async function saved(page) {
  await expect(page.locator('.save-state')).toHaveText('Saved');
}

/** Scrolls down by half screens, as a user would, until the row is built: a long table builds
 *  only the rows near the viewport, and a run of far rows has no box to scroll to (src/lazy.rs). */
export async function scrollUntilBuilt(page, selector) {
  // Right after a load, the editor may not be on the page yet.
  await page.locator(selector).waitFor({ state: 'attached' });
  await page.evaluate(async (selector) => {
    const row = () => document.querySelector(selector);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (let y = 0; row().classList.contains('stand-in') && y <= document.documentElement.scrollHeight; y += innerHeight / 2) {
      window.scrollTo(0, y);
      for (let i = 0; i < 5 && row().classList.contains('stand-in'); i++) await frame();
    }
  }, selector);
  await page.locator(selector).scrollIntoViewIfNeeded();
}
