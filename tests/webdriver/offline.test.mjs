//! Offline and from disk, in every engine: after one visit the service worker serves the app with
//! the server gone, and the single-file edition (dist-single/agendum.html, from
//! scripts/build-single.sh) runs from file://, keeping what is typed across a reload.
import { test } from 'node:test';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  assert, ROOT, DIST, eachEngine, until, untilEqual, openLibrary, click, fill, fieldValue, saved, reload, download,
} from './helpers.mjs';
import { serve, withRecorder } from './server.mjs';

const SINGLE = join(ROOT, 'dist-single', 'agendum.html');

/** Library → a new blank agenda with this document number, saved. */
async function createAgenda(driver, number) {
  await click(driver, 'New blank agenda');
  await fill(driver, 'Document number', number);
  await untilEqual('the heading follows', () => driver.executeScript('return document.querySelector("h1").textContent.trim()'), `${number} Untitled agenda`);
  await saved(driver);
}

eachEngine('offline', (ctx) => {
  test('after one visit, the service worker serves the app with the server gone', async () => {
    const { driver } = ctx;
    // A server of its own, to stop.
    const server = await serve(DIST);
    try {
      await openLibrary(driver, server.url);
      await until('the service worker controls the page', () => driver.executeScript('return navigator.serviceWorker.controller !== null'), 30_000);
      await createAgenda(driver, 'TD901');
    } finally {
      await server.stop();
    }
    // The server really is gone: what the service worker has not kept cannot be had.
    const probe = await driver.executeAsyncScript('const done = arguments[arguments.length - 1]; fetch("/not-cached?" + Date.now()).then((r) => done("answered " + r.status), () => done("failed"))');
    assert.equal(probe, 'failed');

    await reload(driver);
    await untilEqual('the page comes back from the service worker, at the open agenda', () => fieldValue(driver, 'Document number'), 'TD901', 30_000);
    const json = await download(driver, 'Export JSON', /^TD901.*\.agenda\.json$/);
    assert.equal(JSON.parse(json.text).agenda.document, 'TD901');
  });

  test('the single-file edition runs from disk: create, reload, still there', async () => {
    const { driver } = ctx;
    // A copy with the problem recorder, as the server adds it to served pages.
    const dir = await mkdtemp(join(tmpdir(), 'agendum-single-'));
    try {
      const page = join(dir, 'agendum.html');
      await writeFile(page, withRecorder(await readFile(SINGLE, 'utf8')));
      await openLibrary(driver, pathToFileURL(page).href);
      await createAgenda(driver, 'TD902');
      await reload(driver);
      await untilEqual('the agenda is kept', () => fieldValue(driver, 'Document number'), 'TD902', 30_000);
      await click(driver, '← Agendas');
      await click(driver, 'Open TD902 Untitled agenda');
      await untilEqual('it opens from the library', () => fieldValue(driver, 'Document number'), 'TD902');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
