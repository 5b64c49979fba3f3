// The library of agendas kept in this browser: create, duplicate, rename, delete and undo;
// import refusals that leave it unchanged; export and re-import.
import { readFile } from 'node:fs/promises';
import { test, expect, openLibrary, saved, storedAgendas } from './helpers.mjs';

const rows = (page) => page.getByRole('table').getByRole('row').filter({ has: page.getByRole('button', { name: /^Open / }) });

test('create, duplicate, rename, delete and undo the delete', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await page.getByRole('button', { name: '← Agendas' }).click();
  await page.getByRole('button', { name: 'New blank agenda' }).click();
  await page.getByRole('button', { name: '← Agendas' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText('Untitled agenda'); // newest first

  await page.getByRole('button', { name: 'Duplicate TD514 Agenda, RG-SOP' }).click();
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).first()).toContainText('Agenda, RG-SOP (copy)');

  await page.getByRole('button', { name: 'Rename TD514 Agenda, RG-SOP (copy)' }).click();
  const input = page.getByRole('textbox', { name: 'New title for TD514 Agenda, RG-SOP (copy)' });
  await expect(input).toBeFocused();
  await input.fill('Agenda, RG-SOP, second session');
  await input.press('Enter');
  await expect(rows(page).first()).toContainText('Agenda, RG-SOP, second session');

  await page.getByRole('button', { name: 'Delete TD514 Agenda, RG-SOP, second session' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole('status')).toContainText('Deleted "TD514 Agenda, RG-SOP, second session".');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows(page)).toHaveCount(3);
  await page.reload();
  await expect(rows(page)).toHaveCount(3);
});

test('an agenda opened from its address, edited, then left with Back is listed as it is now', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  const address = page.url();
  await page.getByRole('button', { name: '← Agendas' }).click();
  // Opened straight from its address (a bookmark), the library is not read until it is shown.
  await page.goto(address);
  await page.reload();
  const title = page.getByLabel('Title', { exact: true }).first();
  await title.fill('Agenda, RG-SOP, renamed in the editor');
  await saved(page);
  await page.goBack();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Agenda, RG-SOP, renamed in the editor');
});

const refusals = [
  ['not JSON', 'agenda.json', 'this is not json', 'is not valid JSON'],
  ['another format', 'other.json', '{"format":"something-else","version":1}', 'not an Agendum agenda'],
  ['a newer version', 'new.json', '{"format":"agendum","version":99,"agenda":{}}', 'written by a newer Agendum (format version 99)'],
  ['an unknown field', 'odd.json', '{"format":"agendum","version":2,"agenda":{"id":"x","colour":"red"}}', 'at agenda.colour'],
];

for (const [what, name, text, message] of refusals) {
  test(`importing ${what} is refused with a message and changes nothing`, async ({ page }) => {
    await openLibrary(page);
    await page.getByRole('button', { name: 'Open the TD514 example' }).click();
    await page.getByRole('button', { name: '← Agendas' }).click();
    await page.getByLabel('Agenda file to import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByRole('alert')).toContainText(`"${name}" was not imported.`);
    await expect(page.getByRole('alert')).toContainText(message);
    await expect(rows(page)).toHaveCount(1);
  });
}

test('a file over the size limit is refused with its size and the limit', async ({ page }) => {
  await openLibrary(page);
  const big = Buffer.alloc(17 * 1024 * 1024, 0x20);
  await page.getByLabel('Agenda file to import').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: big });
  await expect(page.getByRole('alert')).toContainText('"huge.json" was not imported. The file is too large (17.0 MiB)');
  await expect(page.getByText('No agendas yet')).toBeVisible();
});

test('an exported file imports back as the same agenda, and a clash asks before replacing', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('TD514-agenda-rg-sop.agenda.json');
  const text = await readFile(await file.path(), 'utf8');
  expect(JSON.parse(text).format).toBe('agendum');
  await page.getByRole('button', { name: '← Agendas' }).click();

  await page.getByLabel('Agenda file to import').setInputFiles({ name: 'td514.agenda.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  const ask = page.getByRole('group', { name: '"td514.agenda.json" is already here' });
  await expect(ask).toContainText('"td514.agenda.json" holds "TD514 Agenda, RG-SOP", which is already in this browser.');
  await ask.getByRole('button', { name: 'Keep both' }).click();
  await expect(rows(page)).toHaveCount(2);

  // The copy is the same agenda, field for field, under a new id.
  const stored = await storedAgendas(page);
  expect(stored).toHaveLength(2);
  const [a, b] = stored.map((f) => ({ ...f.agenda, id: '' }));
  expect(a).toEqual(b);

  await page.getByLabel('Agenda file to import').setInputFiles({ name: 'td514.agenda.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await ask.getByRole('button', { name: 'Replace' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole('status')).toContainText('Replaced "TD514 Agenda, RG-SOP" with "td514.agenda.json".');
});

test('dropping an agenda file anywhere imports it; a bad one is refused and changes nothing', async ({ page }) => {
  await openLibrary(page);
  const fixture = await readFile(new URL('../../core/tests/fixtures/td514.agenda.json', import.meta.url), 'utf8');
  const drop = (name, text) => page.evaluate(([name, text]) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [name, text]);
  await drop('broken.agenda.json', '{"format":"agendum","version":2,"agenda":{"id":"x","sessions":[{"id":1,"start":"noon"}]}}');
  await expect(page.getByRole('alert')).toContainText('"broken.agenda.json" was not imported.');
  await expect(page.getByRole('alert')).toContainText('agenda.sessions[0].start');
  await expect(page.getByText('No agendas yet')).toBeVisible();
  await drop('td514.agenda.json', fixture);
  await expect(page.getByRole('status')).toContainText('Imported "TD514 Agenda, RG-SOP".');
  await expect(rows(page)).toHaveCount(1);
});

const td514File = () => readFile(new URL('../../core/tests/fixtures/td514.agenda.json', import.meta.url), 'utf8');
const asFile = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('several files at once: each already here gets its own question naming it, the others import with their own notice', async ({ page }) => {
  await openLibrary(page);
  const td514 = await td514File();
  const other = JSON.stringify({ ...JSON.parse(td514), agenda: { ...JSON.parse(td514).agenda, id: 'other', title: 'Other agenda' } });
  await page.getByLabel('Agenda file to import').setInputFiles([asFile('first.json', td514)]);
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel('Agenda file to import').setInputFiles([asFile('a.json', td514), asFile('b.json', td514), asFile('other.json', other)]);
  const a = page.getByRole('group', { name: '"a.json" is already here' });
  const b = page.getByRole('group', { name: '"b.json" is already here' });
  await expect(a).toContainText('"a.json" holds "TD514 Agenda, RG-SOP"');
  await expect(b).toContainText('"b.json" holds "TD514 Agenda, RG-SOP"');
  await expect(page.getByRole('status').filter({ hasText: 'Imported "TD514 Other agenda".' })).toBeVisible();
  await expect(rows(page)).toHaveCount(2);

  await a.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kept both: "a.json" is listed as "TD514 Agenda, RG-SOP" (copy 2, from a.json).' })).toBeVisible();
  await expect(b).toBeVisible(); // the other question stays, and takes the focus
  await expect(b.getByRole('button', { name: 'Replace' })).toBeFocused();
  await b.getByRole('button', { name: 'Skip' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Skipped "b.json"; "TD514 Agenda, RG-SOP" here is unchanged.' })).toBeVisible();
  await expect(rows(page)).toHaveCount(3);

  // The copies are told apart by where each came from, with the time to the minute.
  const first = rows(page).filter({ hasText: 'from first.json' });
  const copy = rows(page).filter({ hasText: 'copy 2, from a.json' });
  await expect(first).toHaveCount(1);
  await expect(copy).toHaveCount(1);
  await expect(copy).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d/);
  await expect(page.getByRole('button', { name: 'Open TD514 Agenda, RG-SOP (copy 2, from a.json)' })).toBeVisible();
  // The Meeting column shows the meeting, not its start date.
  await expect(copy.getByRole('cell').nth(2)).toHaveText('TSAG meeting');
  // Renaming keeps where it came from; a reload lists it as before.
  await page.getByRole('button', { name: 'Rename TD514 Agenda, RG-SOP (copy 2, from a.json)' }).click();
  const input = page.getByRole('textbox', { name: /^New title for/ });
  await input.fill('Agenda, second session');
  await input.press('Enter');
  await expect(rows(page).filter({ hasText: 'Agenda, second session' })).toHaveCount(1);
  await page.reload();
  await expect(rows(page).filter({ hasText: 'Agenda, second session' })).toContainText('copy 2, from a.json');
});

test('agendas kept before the note of where they came from list as before', async ({ page }) => {
  await openLibrary(page);
  const td514 = JSON.parse(await td514File());
  await page.evaluate((file) => {
    for (const id of ['old1', 'old2']) {
      localStorage.setItem(`agendum.agenda.${id}`, JSON.stringify({ ...file, agenda: { ...file.agenda, id } }));
      localStorage.setItem(`agendum.edited.${id}`, '1733100000000');
      localStorage.setItem(`agendum.revision.${id}`, '3');
    }
  }, td514);
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
  await expect(rows(page).first()).toContainText('Agenda, RG-SOP');
  await expect(rows(page).first()).toContainText('TSAG meeting');
  await expect(page.locator('.library-list .origin')).toHaveCount(0);
  await page.getByRole('button', { name: 'Open TD514 Agenda, RG-SOP' }).first().click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
});

test('a file nested too deeply is refused in one short sentence', async ({ page }) => {
  await openLibrary(page);
  const deep = '['.repeat(10000) + ']'.repeat(10000);
  const sentence = 'The file is nested too deeply to be an agenda: Agendum nests items at most 50 levels deep.';
  for (const [name, text] of [
    ['deep-title.json', `{"format":"agendum","version":2,"agenda":{"id":"x","title":${deep}}}`],
    ['deep.json', `{"data":${deep}}`],
  ]) {
    await page.getByLabel('Agenda file to import').setInputFiles(asFile(name, text));
    await expect(page.getByRole('alert')).toHaveText(`"${name}" was not imported. ${sentence}`);
  }
  await expect(page.getByText('No agendas yet')).toBeVisible();
});

/** Every button matching `name` lies inside the viewport, left to right. */
async function inView(page, locator) {
  const width = page.viewportSize().width;
  const boxes = await locator.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.right]; }));
  expect(boxes.length).toBeGreaterThan(0);
  for (const [left, right] of boxes) {
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(width);
  }
}

test('a title of millions of characters in one word wraps, and every command stays in view', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await page.getByRole('button', { name: '← Agendas' }).click();
  const td514 = JSON.parse(await td514File());
  const word = 'Agenda'.repeat(500_000); // 3,000,000 characters, no space
  td514.agenda.id = 'long';
  td514.agenda.title = word;
  td514.agenda.register[0].category = 'Information'.repeat(300); // quoted by its finding
  await page.getByLabel('Agenda file to import').setInputFiles(asFile('long.json', JSON.stringify(td514)));
  await expect(page.getByRole('status').filter({ hasText: 'Imported "TD514 AgendaAgenda' })).toBeVisible();
  await expect(rows(page)).toHaveCount(2);
  const row = rows(page).filter({ hasText: 'AgendaAgendaAgenda' });
  await expect(row.locator('.title-text')).toBeVisible();
  const shown = await row.locator('.title-text').evaluate((e) => [e.textContent.length, e.getBoundingClientRect().height]);
  expect(shown[0]).toBeLessThan(400); // cut, with "…"
  expect(shown[1]).toBeGreaterThan(20); // wrapped onto several lines
  for (const command of ['Open', 'Duplicate', 'Rename', 'Delete']) {
    await inView(page, page.getByRole('button', { name: new RegExp(`^${command} `) }));
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize().width);

  // The editor: the title bar's commands, and the checks panel, stay in view.
  await page.getByRole('button', { name: /^Open TD514 AgendaAgenda/ }).click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  await inView(page, page.locator('.topbar button'));
  const checks = page.locator('.checks');
  await expect(checks).toContainText('InformationInformation');
  const panel = await checks.evaluate((e) => [e.scrollWidth, e.clientWidth, e.getBoundingClientRect().right]);
  expect(panel[0]).toBeLessThanOrEqual(panel[1]);
  expect(panel[2]).toBeLessThanOrEqual(page.viewportSize().width);
});

test('the library says how much room the agendas take, and whether the browser keeps them', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await page.getByRole('button', { name: '← Agendas' }).click();
  const room = page.getByRole('region', { name: 'Room in this browser' });
  await expect(room).toContainText(/Agendas take \d+ KiB in this browser's database\. The list of them and the settings take \d+ KiB of the about 5\.0 MiB of its local storage: \d+% used\./);
  await expect(room).toContainText(/The browser counts .* used by this site in all, and would allow it .*\./);
  const kept = await page.evaluate(() => navigator.storage.persisted());
  const note = room.getByRole('note');
  if (kept) {
    await expect(note).toHaveCount(0);
  } else {
    await expect(note).toContainText('This browser has not promised to keep these agendas');
    await expect(note).toContainText('install Agendum as an app');
    await expect(note).toContainText('Export all writes every agenda into one file');
  }
});

test('Export all writes every agenda into one file, and importing it brings them back, asking for each one here', async ({ page }) => {
  await openLibrary(page);
  await expect(page.getByRole('button', { name: 'Export all' })).toBeDisabled();
  await page.getByLabel('Agenda file to import').setInputFiles(asFile('td514.agenda.json', await td514File()));
  await page.getByRole('button', { name: 'New blank agenda' }).click();
  await page.getByRole('button', { name: '← Agendas' }).click();
  await page.getByRole('button', { name: 'Open the TD514 example' }).click();
  await page.getByRole('button', { name: '← Agendas' }).click();
  await expect(rows(page)).toHaveCount(3);
  const listed = await rows(page).allInnerTexts();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^agendas-\d{4}-\d\d-\d\d\.agendum-bundle\.json$/);
  await expect(page.getByRole('status').filter({ hasText: 'Exported 3 agendas to' })).toBeVisible();
  const text = await readFile(await file.path(), 'utf8');
  const bundle = JSON.parse(text);
  expect(bundle.format).toBe('agendum-bundle');
  expect(bundle.agendas.map((a) => a.file.agenda.title)).toEqual(['Agenda, RG-SOP', '', 'Agenda, RG-SOP']);
  expect(bundle.agendas[2].origin).toBe('from td514.agenda.json');

  // One deleted, one renamed; then the bundle comes back.
  await page.getByRole('button', { name: 'Delete Untitled agenda' }).click();
  await page.getByRole('button', { name: 'Rename TD514 Agenda, RG-SOP (from td514.agenda.json)' }).click();
  const input = page.getByRole('textbox', { name: /^New title for/ });
  await input.fill('Renamed here');
  await input.press('Enter');
  await expect(rows(page)).toHaveCount(2);
  await page.getByLabel('Agenda file to import').setInputFiles(asFile(file.suggestedFilename(), text));
  const name = file.suggestedFilename();
  await expect(page.getByRole('status').filter({ hasText: `"${name}" is a bundle of 3 agendas, each below:` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Imported "Untitled agenda".' })).toBeVisible();
  const first = page.getByRole('group', { name: `"${name}, agenda 1 of 3" is already here` });
  const third = page.getByRole('group', { name: `"${name}, agenda 3 of 3" is already here` });
  await first.getByRole('button', { name: 'Skip' }).click();
  await third.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Replaced "TD514 Agenda, RG-SOP" with "${name}, agenda 3 of 3".` })).toBeVisible();
  // Back as they were: titles, where they came from, when they were last edited.
  await page.reload();
  await expect(rows(page)).toHaveCount(3);
  expect(await rows(page).allInnerTexts()).toEqual(listed);
});

test('a bundle whose agendas are all here is answered once: Replace all, or Skip all', async ({ page }) => {
  await openLibrary(page);
  for (const make of ['Open the TD514 example', 'New from ITU-T TD template']) {
    await page.getByRole('button', { name: make }).click();
    await page.getByRole('button', { name: '← Agendas' }).click();
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export all' }).click();
  const file = await download;
  const text = await readFile(await file.path(), 'utf8');
  const before = await rows(page).allInnerTexts();
  for (const name of await page.getByRole('button', { name: /^Rename / }).evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')))) {
    await page.getByRole('button', { name, exact: true }).click();
    const input = page.getByRole('textbox', { name: /^New title for/ });
    await input.fill(`Renamed: ${name}`);
    await input.press('Enter');
  }
  await expect(rows(page).filter({ hasText: 'Renamed: ' })).toHaveCount(2);

  await page.getByLabel('Agenda file to import').setInputFiles(asFile('backup.json', text));
  await expect(page.getByRole('group', { name: /is already here/ })).toHaveCount(2);
  await page.getByRole('button', { name: 'Skip all 2' }).click();
  await expect(page.getByRole('group', { name: /is already here/ })).toHaveCount(0);
  await expect(rows(page).filter({ hasText: 'Renamed: ' })).toHaveCount(2);

  await page.getByLabel('Agenda file to import').setInputFiles(asFile('backup.json', text));
  await page.getByRole('button', { name: 'Replace all 2 already here' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Replaced / })).toHaveCount(2);
  await page.reload();
  expect(await rows(page).allInnerTexts()).toEqual(before);
});

test('a bundle entry whose last-edited time is no time imports its agenda and says what was set aside', async ({ page }) => {
  await openLibrary(page);
  const agenda = JSON.parse(await td514File()).agenda;
  agenda.id = 'odd-time';
  const bundle = JSON.stringify({ format: 'agendum-bundle', version: 1, agendas: [{ edited: 'yesterday', file: { format: 'agendum', version: 4, agenda } }] });
  await page.getByLabel('Agenda file to import').setInputFiles(asFile('odd.agendum-bundle.json', bundle));
  await expect(page.getByRole('status').filter({ hasText: 'Imported "TD514 Agenda, RG-SOP".' })).toContainText('"edited" is not a time');
  await expect(rows(page)).toHaveCount(1);
});
