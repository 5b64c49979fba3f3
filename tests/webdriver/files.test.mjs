//! Files in and out, in every engine: an agenda file imported through the library's file picker
//! opens as the agenda it holds, and its JSON and HTML exports are the command line's, byte for
//! byte (the same comparison as tests/e2e/print.spec.mjs).
import { execFileSync } from 'node:child_process';
import { before, test } from 'node:test';
import { join } from 'node:path';
import {
  assert, ROOT, eachEngine, until, untilEqual, openLibrary, buttonStarting, named, fieldValue, counts, download,
} from './helpers.mjs';

const FIXTURE = join(ROOT, 'core/tests/fixtures/td514.agenda.json');
const cli = (flag) => execFileSync('cargo', ['run', '-q', '-p', 'agendum-cli', '--', 'export', flag, FIXTURE], { cwd: ROOT });
const expected = {};
before(() => {
  expected.json = cli('--json');
  expected.html = cli('--html');
});

eachEngine('files', (ctx) => {
  test('an imported agenda file opens, and exports as the command line does', async () => {
    const { driver, url } = ctx;
    await openLibrary(driver, url);
    const picker = await named(driver, 'Agenda file to import');
    await picker.sendKeys(FIXTURE);
    await until('the import is reported', () => driver.executeScript(
      'return [...document.querySelectorAll("[role=status]")].some((e) => e.textContent.includes(\'Imported "TD514 Agenda, RG-SOP".\'))'));
    await (await buttonStarting(driver, 'Open TD514 Agenda, RG-SOP')).click();
    await untilEqual('the checks panel', () => counts(driver), '0 errors · 1 warning · 0 notes');
    assert.equal(await fieldValue(driver, 'Document number'), 'TD514');

    const json = await download(driver, 'Export JSON', /\.agenda\.json$/);
    assert.equal(json.name, 'TD514-agenda-rg-sop.agenda.json');
    assert.ok(json.bytes.equals(expected.json), 'the JSON export is the command line\'s, byte for byte');

    const html = await download(driver, 'Export HTML', /\.html$/);
    assert.equal(html.name, 'TD514-agenda-rg-sop.html');
    assert.ok(html.bytes.equals(expected.html), 'the HTML export is the command line\'s, byte for byte');
  });
});
