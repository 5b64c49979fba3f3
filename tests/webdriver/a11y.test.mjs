//! Accessibility, in every engine: axe-core finds no serious or critical violation on the
//! library or on the editor with the TD514 example open.
import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { assert, eachEngine, openLibrary, openExample } from './helpers.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations axe finds on the page as it is now. */
async function serious(driver) {
  await driver.executeScript(AXE);
  const result = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    axe.run(document, { resultTypes: ['violations'] }).then(
      (r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => v.id + ': ' + v.help + ' (' + v.nodes.length + ' nodes, e.g. ' + v.nodes[0].html + ')')),
      (e) => done(['axe failed: ' + e.message]));`);
  return result;
}

eachEngine('accessibility', (ctx) => {
  test('axe finds no serious or critical violation on the library and the editor', async () => {
    const { driver, url } = ctx;
    await driver.manage().setTimeouts({ script: 60_000 });
    await openLibrary(driver, url);
    assert.deepEqual(await serious(driver), [], 'the library');
    await openExample(driver, url);
    assert.deepEqual(await serious(driver), [], 'the editor with TD514');
  });
});
