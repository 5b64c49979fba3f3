//! Printing, in every engine: Print (Ctrl+P) hands the browser the exported document, not the
//! editor, with no error on the page; and the exported HTML, printed by the engine itself to A4,
//! keeps every document number in its text.
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assert, Key, eachEngine, until, openExample, press, click, download } from './helpers.mjs';

eachEngine('print', (ctx) => {
  test('Print prints the exported document, not the editor, with no error', async () => {
    const { driver, url } = ctx;
    await openExample(driver, url);
    await press(driver, [Key.CONTROL], 'p');
    const printed = await until('the print frame with the document', () => driver.executeScript(`
      const f = document.getElementById('print-frame');
      const d = f && f.contentDocument;
      return d && d.readyState === 'complete' && d.querySelector('h1') ? d.documentElement.outerHTML : null`));
    assert.match(printed, /<h1>Agenda<\/h1>/);
    assert.match(printed, /TD667R1/);
    assert.doesNotMatch(printed, /Checks/);
  });

  // WebKitWebDriver (2.50) has no Print command: it answers "Unknown command: /session/…/print".
  const noPrint = ctx.engine === 'webkit' && 'WebKitWebDriver has no Print command';
  test('the exported document prints to A4 with every document number', { skip: noPrint }, async () => {
    const { driver, url } = ctx;
    await openExample(driver, url);
    const html = await download(driver, 'Export HTML', /\.html$/);
    const dir = await mkdtemp(join(tmpdir(), 'agendum-print-'));
    try {
      const page = join(dir, html.name);
      await writeFile(page, html.bytes);
      await driver.get(pathToFileURL(page).href);
      const pdf = join(dir, 'printed.pdf');
      // WebDriver prints on the page size it is given, not the document's @page (A4).
      await writeFile(pdf, Buffer.from(await driver.printPage({ width: 21.0, height: 29.7 }), 'base64'));
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      assert.ok(Number(/Pages:\s+(\d+)/.exec(info)[1]) >= 4, 'the agenda runs over several pages');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      for (const n of ['TD514', '(TD526)', 'TD515', 'TD497', 'TD625', 'TD599', 'TD552', 'C103', 'TD665', 'TD667R1', 'TD624R2', 'TD672']) {
        assert.ok(text.includes(n), `${n} in the printed text`);
      }
      assert.ok(text.includes('Thursday, 1 August'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
