// Room for a year of meetings: fifty large agendas, each with its published revisions, kept in the
// browser's database and listed after a reload; agendas kept in localStorage before the database
// are moved into it on first start, nothing lost.
import { readFile } from 'node:fs/promises';
import { test, expect, openLibrary, field, storedAgendas } from './helpers.mjs';

const rows = (page) => page.getByRole('table').getByRole('row').filter({ has: page.getByRole('button', { name: /^Open / }) });
const td514 = () => readFile(new URL('../../core/tests/fixtures/td514.agenda.json', import.meta.url), 'utf8');

// TD514 grown to a plenary's size: `items` items citing documents, twice as many register
// entries, and `revisions` published revisions, each the agenda as it was then.
async function large(items, revisions) {
  const file = JSON.parse(await td514());
  const a = file.agenda;
  a.id = 'plenary';
  a.title = 'Agenda of the plenary';
  a.register = Array.from({ length: items * 2 }, (_, k) => ({
    id: 10000 + k, number: `TD${3000 + k}`, category: 'Contribution', source: 'Rapporteur, RG-SOP',
    title: `Proposal ${k} on the working methods of the study group, with a title as long as real ones are`,
  }));
  a.sessions = a.sessions.map((s, i) => ({
    ...s,
    items: Array.from({ length: Math.ceil(items / a.sessions.length) }, (_, k) => ({
      id: 100000 + i * 10000 + k,
      title: `Item ${k + 1} of session ${i + 1}: consideration of the proposals on the work programme`,
      source: 'Rapporteur, RG-SOP',
      docs: [{ number: `TD${3000 + ((i * 997 + k * 2) % (items * 2))}`, introduced: true, note: '', status: null }],
      summary: 'The meeting is invited to consider the proposal and agree on the way forward.',
      actions: ['To consider'],
      notes: '', outcome: '', outcome_note: '', start: null, duration: null, children: [],
    })),
  }));
  a.revisions = Array.from({ length: revisions }, (_, r) => ({
    revision: r, date: '2024-07-28', time: `${String(8 + r).padStart(2, '0')}:00`,
    agenda: { ...a, revision: r === 0 ? null : r, revisions: [], title: `${a.title} (R${r})` },
  }));
  return JSON.stringify(file);
}

test('fifty large agendas with ten published revisions each are kept and listed after a reload', async ({ page }) => {
  test.setTimeout(300_000);
  await openLibrary(page);
  const text = await large(500, 10);
  expect(text.length).toBeGreaterThan(2_000_000);
  await page.getByLabel('Agenda file to import').setInputFiles({ name: 'plenary.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(rows(page)).toHaveCount(1);
  // Forty-nine copies, as a secretariat keeps a year of meetings started from one another.
  for (let n = 2; n <= 50; n++) {
    await rows(page).last().getByRole('button', { name: /^Duplicate / }).click();
    await expect(rows(page)).toHaveCount(n);
  }
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Far more than localStorage's 5 MiB, which holds only the list.
  await expect(page.locator('.room')).toContainText(/Agendas take \d+(\.\d)? MiB in this browser's database/);
  const inDatabase = await page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('agendum', 1);
    open.onsuccess = () => {
      const all = open.result.transaction('agendas').objectStore('agendas').getAll();
      all.onsuccess = () => { open.result.close(); resolve(all.result.reduce((n, t) => n + t.length, 0)); };
    };
  }));
  expect(inDatabase).toBeGreaterThan(50 * 2_000_000);
  expect(await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0))).toBeLessThan(100_000);

  await page.reload();
  await expect(rows(page)).toHaveCount(50);
  await expect(rows(page).filter({ hasText: 'Agenda of the plenary (copy)' })).toHaveCount(49);
  // The oldest and a copy open whole, revisions and all.
  await rows(page).last().getByRole('button', { name: /^Open / }).click();
  await expect(field(page, 'Title')).toHaveValue('Agenda of the plenary');
  await page.getByRole('button', { name: '← Agendas' }).click();
  await rows(page).first().getByRole('button', { name: /^Open / }).click();
  await expect(field(page, 'Title')).toHaveValue('Agenda of the plenary (copy)');
  await expect(page.getByRole('button', { name: /^Publish revision/ })).toBeVisible();
  const stored = await storedAgendas(page);
  expect(stored).toHaveLength(50);
  expect(stored.every((f) => f.agenda.revisions.length === 10)).toBe(true);
});

test('agendas kept in localStorage before the database are moved into it on first start, and open as before', async ({ page }) => {
  await openLibrary(page);
  const file = JSON.parse(await td514());
  await page.evaluate((file) => {
    for (const [id, title] of [['early1', 'Kept before the database'], ['early2', 'Also kept before it']]) {
      localStorage.setItem(`agendum.agenda.${id}`, JSON.stringify({ ...file, agenda: { ...file.agenda, id, title } }));
      localStorage.setItem(`agendum.edited.${id}`, '1733100000000');
      localStorage.setItem(`agendum.revision.${id}`, '3');
    }
  }, file);
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  // Moved: each is in the database, and localStorage keeps only what the list shows.
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('agendum.agenda.')).length)).toBe(0);
  const stored = await storedAgendas(page);
  expect(stored.map((f) => f.agenda.title).sort()).toEqual(['Also kept before it', 'Kept before the database']);
  expect(await page.evaluate(() => localStorage.getItem('agendum.revision.early1'))).toBe('3');
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).filter({ hasText: 'Kept before the database' })).toContainText('TSAG meeting');
  await page.getByRole('button', { name: 'Open TD514 Kept before the database' }).click();
  await expect(field(page, 'Title')).toHaveValue('Kept before the database');
  await field(page, 'Title').fill('Kept before the database, edited after the move');
  await expect(page.locator('.save-state')).toHaveText('Saved');
  await page.reload();
  await expect(field(page, 'Title')).toHaveValue('Kept before the database, edited after the move');
});

test('an edit typed just before the tab is closed is there when the agenda is opened again', async ({ page, context }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  await expect(page.locator('.save-state')).toHaveText('Saved');
  const address = page.url();
  // Closed at once: the autosave's moment has not come, and a database write may not finish.
  await field(page, 'Title').fill('Typed just before closing the tab');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(address);
  await expect(field(again, 'Title')).toHaveValue('Typed just before closing the tab');
  await again.getByRole('button', { name: '← Agendas' }).click();
  await expect(rows(again).filter({ hasText: 'Typed just before closing the tab' })).toHaveCount(1);
  await expect.poll(() => again.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('agendum.agenda.')).length)).toBe(0);
});
