//! A browser with little room left, in the engine that can be told so (Firefox's fixed storage
//! limit, about:config's dom.quotaManager.temporaryStorage.fixedLimit): an agenda file larger
//! than the room left is not imported, and says so, whether it is new, replaces the agenda
//! here, or would be a second copy; the agenda here is left whole.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  assert, ROOT, eachEngine, until, untilEqual, openLibrary, buttonStarting, named, fieldValue, click, reload, texts,
} from './helpers.mjs';

const FIXTURE = join(ROOT, 'core/tests/fixtures/td514.agenda.json');
// The limit is for the whole profile, in KiB (Firefox gives one site at most 10 MiB of it); the
// app and its service worker's cache take about 2 MiB.
const LIMIT_KIB = 12 * 1024;
let dir;
const files = {};

/** TD514 grown to about `mib` MiB by a register of entries under `id`, their titles varied as
 *  real ones are (the browser compresses what it stores, and repeated text would fit). */
async function grown(id, title, mib) {
  const file = JSON.parse(await readFile(FIXTURE, 'utf8'));
  file.agenda.id = id;
  file.agenda.title = title;
  const n = Math.ceil((mib * 1048576) / 160);
  let seed = 12345;
  const word = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed.toString(36);
  };
  for (let k = 0; k < n; k++) {
    const words = Array.from({ length: 8 }, word).join(' ');
    file.agenda.register.push({ id: 1000 + k, number: `TD${2000 + k}`, category: 'Information', source: 'Rapporteur, RG-SOP', title: `Document ${k}: ${words}` });
  }
  return JSON.stringify(file);
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agendum-room-'));
  for (const [name, id, title] of [['filler.agenda.json', 'filler', 'An agenda that takes the room'], ['new.agenda.json', 'new', 'A new agenda'], ['newer.agenda.json', 'td514-example', 'The newer version'], ['newer2.agenda.json', 'td514-example', 'The newer version']]) {
    files[name] = join(dir, name);
    await writeFile(files[name], await grown(id, title, 14));
  }
});
after(() => rm(dir, { recursive: true, force: true }));

const alerts = (driver) => texts(driver, '[role=alert]');
const rows = (driver) => texts(driver, '.library-list tbody tr');

eachEngine('room', (ctx) => {
  test('an agenda file larger than the room left is not imported, says so, and the agenda here is left whole', async () => {
    const { driver, url } = ctx;
    await openLibrary(driver, url);
    await (await named(driver, 'Agenda file to import')).sendKeys(FIXTURE);
    await until('the import is reported', async () => (await rows(driver)).length === 1);
    // An agenda that takes most of the room: the browser compresses what it keeps, so a file of
    // 14 MiB takes about 7 of the 10 MiB this profile may keep.
    await (await named(driver, 'Agenda file to import')).sendKeys(files['filler.agenda.json']);
    await until('the large agenda imported', async () => (await rows(driver)).length === 2, 60_000);
    const full = 'is not stored, because the browser\'s storage for this page is full. Nothing that was here has changed.';

    await (await named(driver, 'Agenda file to import')).sendKeys(files['new.agenda.json']);
    await until('the new file refused', async () => (await alerts(driver)).some((t) => t.includes(`"new.agenda.json" was not imported: the agenda it holds ${full}`)), 60_000);

    await (await named(driver, 'Agenda file to import')).sendKeys(files['newer.agenda.json']);
    await click(driver, 'Replace');
    await until('the replacement refused', async () => (await alerts(driver)).some((t) => t.includes(`"newer.agenda.json" was not imported: the agenda it holds ${full}`)), 60_000);
    await (await named(driver, 'Agenda file to import')).sendKeys(files['newer2.agenda.json']);
    await click(driver, 'Keep both');
    await until('the second copy refused', async () => (await alerts(driver)).some((t) => t.includes(`"newer2.agenda.json" was not imported: the agenda it holds ${full}`)), 60_000);
    assert.equal((await rows(driver)).length, 2);

    await reload(driver);
    await until('the library', async () => (await rows(driver)).length === 2);
    await (await buttonStarting(driver, 'Open TD514 Agenda, RG-SOP')).click();
    await untilEqual('the agenda here, whole', () => fieldValue(driver, 'Title'), 'Agenda, RG-SOP');
  });
}, { only: ['firefox'], prefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': LIMIT_KIB } });
