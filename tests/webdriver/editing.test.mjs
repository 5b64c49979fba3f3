//! The editor as a user works in it, in every engine: the library and the TD514 example with its
//! one finding, typing with the checks and numbering following, the item tools with undo and
//! redo, a one-click fix, and a reload that keeps the edit.
import { test } from 'node:test';
import {
  assert, Key, eachEngine, until, untilEqual, openLibrary, openExample, click, named, fill, fieldValue,
  focused, press, type, counts, text, texts, saved, reload, By,
} from './helpers.mjs';

const CONTRIBUTION = 'Contribution of the ITU Regional Offices to the ITU-T Operational Plan and Coordination activities with TSB (January - June 2024)';

eachEngine('editing', (ctx) => {
  test('the library opens, and the TD514 example shows the category typo in the checks panel', async () => {
    const { driver, url } = ctx;
    await openLibrary(driver, url);
    await until('the empty library', () => driver.executeScript('return document.body.textContent.includes("No agendas yet")'));
    await openExample(driver, url);
    const findings = await texts(driver, '.checks .finding');
    assert.equal(findings.length, 1);
    assert.match(findings[0], /Annex A, entry 10 \(TD667R1\), Category/);
    assert.match(findings[0], /"infomration" is not a known category/);
    assert.equal(await fieldValue(driver, 'Annex A entry 10 category'), 'infomration');
  });

  test('typing a title: the checks and the numbering follow', async () => {
    const { driver, url } = ctx;
    await openExample(driver, url);
    await click(driver, 'Add item after 4');
    await untilEqual('the new item has the focus', () => focused(driver), 'Item 5 title');
    assert.equal(await fieldValue(driver, 'Item 6 title'), 'Future meetings', 'the items below are renumbered');
    await untilEqual('an untitled item is a note', () => counts(driver), '0 errors · 1 warning · 1 note');
    await type(driver, 'Budget');
    await untilEqual('the title is typed', () => fieldValue(driver, 'Item 5 title'), 'Budget');
    await untilEqual('the note goes', () => counts(driver), '0 errors · 1 warning · 0 notes');
    assert.equal(await fieldValue(driver, 'Item 8 title'), 'Closure of the meeting');
    const numbers = await texts(driver, 'tr.item .number');
    assert.deepEqual(numbers.slice(numbers.indexOf('4.3'), numbers.indexOf('4.3') + 5), ['4.3', '5', '6', '7', '8']);
  });

  test('add, indent, move and delete an item, then undo and redo', async () => {
    const { driver, url } = ctx;
    await openExample(driver, url);
    await click(driver, 'Add item after 4');
    await untilEqual('the new item has the focus', () => focused(driver), 'Item 5 title');
    await type(driver, 'Budget');
    await untilEqual('the title is typed', () => fieldValue(driver, 'Item 5 title'), 'Budget');

    await press(driver, [Key.ALT], Key.ARROW_RIGHT); // indent: 5 becomes 4.4
    await untilEqual('indented, it keeps the focus', () => focused(driver), 'Item 4.4 title');
    assert.equal(await fieldValue(driver, 'Item 4.4 title'), 'Budget');
    assert.equal(await fieldValue(driver, 'Item 5 title'), 'Future meetings');

    await press(driver, [Key.ALT], Key.ARROW_UP);
    await untilEqual('moved up, with the focus', () => focused(driver), 'Item 4.3 title');
    assert.equal(await fieldValue(driver, 'Item 4.3 title'), 'Budget');
    assert.equal(await fieldValue(driver, 'Item 4.4 title'), CONTRIBUTION);

    await click(driver, 'Delete item 4.3');
    await untilEqual('deleted: the next item takes its number', () => fieldValue(driver, 'Item 4.3 title'), CONTRIBUTION);
    await until('no item 4.4', async () => (await driver.findElements({ css: '[aria-label="Item 4.4 title"]' })).length === 0);

    await press(driver, [Key.CONTROL], 'z');
    await untilEqual('undo brings the item back', () => fieldValue(driver, 'Item 4.3 title'), 'Budget');
    await press(driver, [Key.CONTROL], 'z');
    await untilEqual('undo again takes back the move', () => fieldValue(driver, 'Item 4.4 title'), 'Budget');
    await press(driver, [Key.CONTROL, Key.SHIFT], 'z');
    await untilEqual('redo moves it up again', () => fieldValue(driver, 'Item 4.3 title'), 'Budget');
    await click(driver, 'Redo');
    await untilEqual('redo deletes it again', () => fieldValue(driver, 'Item 4.3 title'), CONTRIBUTION);
  });

  test('a one-click fix corrects the typo, and undo brings it back', async () => {
    const { driver, url } = ctx;
    await openExample(driver, url);
    await click(driver, 'Fix: Change to "Information"');
    await untilEqual('no finding left', () => counts(driver), '0 errors · 0 warnings · 0 notes');
    assert.equal(await fieldValue(driver, 'Annex A entry 10 category'), 'Information');
    await click(driver, 'Undo');
    await untilEqual('the typo is back', () => fieldValue(driver, 'Annex A entry 10 category'), 'infomration');
    await untilEqual('and its finding', () => counts(driver), '0 errors · 1 warning · 0 notes');
  });

  test("the engine's own time-zone rules give TD514's 14:30 Geneva time as 08:30 in New York, and 09:30 the week Geneva has changed its clocks", async () => {
    const { driver, url } = ctx;
    await openExample(driver, url);
    assert.equal(await driver.executeScript('return Intl.DateTimeFormat().resolvedOptions().timeZone'), 'Europe/Zurich');
    assert.equal(await text(driver, '.second-zone'), null, 'no second zone in the meeting\'s own zone');
    await (await driver.findElement(By.css('.second-zone-picker option[value="America/New_York"]'))).click();
    await untilEqual('the session in New York', () => text(driver, 'tr.session-row .second-zone'), '08:30–09:45 New York');
    assert.equal(await text(driver, 'tr.item .second-zone'), '08:30 New York');
    await fill(driver, 'Session 1 date', '28 October 2024');
    await press(driver, [], Key.TAB);
    await untilEqual('a week later', () => text(driver, 'tr.session-row .second-zone'), '09:30–10:45 New York');
  });

  test('a reload keeps the edit and comes back to the open agenda', async () => {
    const { driver, url } = ctx;
    await openExample(driver, url);
    await fill(driver, 'Title', 'Agenda, RG-SOP (revised)');
    await click(driver, 'Move item 4 up');
    await untilEqual('moved', () => fieldValue(driver, 'Item 3 title'), 'Operational plan for 2025-2028');
    await saved(driver);
    const address = await driver.getCurrentUrl();
    await reload(driver);
    await untilEqual('the title is kept', () => fieldValue(driver, 'Title'), 'Agenda, RG-SOP (revised)', 30_000);
    assert.equal(await fieldValue(driver, 'Item 3 title'), 'Operational plan for 2025-2028');
    assert.equal(await driver.getCurrentUrl(), address);
    // The library lists it under its new title.
    await click(driver, '← Agendas');
    await until('the library row', () => driver.executeScript('return [...document.querySelectorAll("button")].some((b) => b.getAttribute("aria-label") === "Open TD514 Agenda, RG-SOP (revised)")'));
    await named(driver, 'Open TD514 Agenda, RG-SOP (revised)');
  });
});
