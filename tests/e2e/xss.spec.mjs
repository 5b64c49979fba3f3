// Nothing injected: text meant to run script or inject markup (tests/e2e/fixtures/xss-payloads.json)
// typed into every kind of field of the editor, exported as HTML, printed, and imported in a
// file never runs — no dialog, no window.__xss, no new element or event-handler attribute — and
// always comes out as the text it was.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { test, expect, openLibrary, openExample, field, saved } from './helpers.mjs';

const PAYLOADS = JSON.parse(readFileSync(new URL('./fixtures/xss-payloads.json', import.meta.url), 'utf8'));
const TD514 = readFileSync(new URL('../../core/tests/fixtures/td514.agenda.json', import.meta.url), 'utf8');

// Every kind of text field of the editor, by accessible name. All of them print in the HTML
// export but "Time zone" (the IANA name, used only by the checks).
const TEXT_FIELDS = [
  'Document number', 'Status', 'Group', 'Meeting', 'Place', 'Time zone', 'Time zone as printed', 'Source',
  'Title', 'Abstract', 'Action required', 'Note',
  'Session 1 day as printed', 'Session 1 title',
  'Item 2.2 source', 'Item 2.2 title', 'Item 2.2 summary', 'Item 2.2 notes',
  'Annex A entry 1 source', 'Annex A entry 1 title',
  'Annex B title', 'Annex B text',
  'Future meeting 1 subject', 'Future meeting 2 timing',
];
const NOT_PRINTED = new Set(['Time zone']);
// Fields typed key by key in the first round; the others are filled at once.
const KEYBOARD_FIELDS = ['Title', 'Item 2.2 summary', 'Annex B text'];
// Inputs with suggestions (a datalist) are comboboxes.
const COMBO_FIELDS = ['Annex A entry 1 category'];
// Fields read when left or on Enter (a number, a time, a document number): what cannot be read
// stays in the box with a message that quotes it.
const PARSED_FIELDS = ['Revision', 'Item 2.2 start time', 'Item 2.2 planned minutes', 'Session 1 start', 'Future meeting 1 end'];
// Elements a payload could add to the editor; their number must not change.
const MARKUP = 'script, iframe, img, svg, math, object, embed, base, link, meta, style, form, details, input[autofocus], a[href]';
// Tags the exported document is made of (core/tests/properties.rs checks the same).
const EXPORT_ELEMENTS = ['html', 'head', 'meta', 'title', 'style', 'body', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'h1',
  'h2', 'p', 'br', 'ul', 'li', 'div', 'span', 'a', 'strong'];

const combo = (page, name) => page.getByRole('combobox', { name, exact: true });
// A library row's Open button names the agenda and, for an imported one, where it came from.
const openButton = (page, name) => page.getByRole('button', { name: `Open ${name}` }).first();

/** Dialogs opened on a page (the helpers' page fixture also fails the test on them). */
function watchDialogs(page) {
  const dialogs = [];
  page.on('dialog', (d) => dialogs.push(`${d.type()}: ${d.message()}`));
  return dialogs;
}

/** What a payload would leave behind in a document: script that ran, event-handler attributes,
 *  links or sources to script. Returns a list of findings, empty when clean. */
async function traces(page) {
  const here = await page.evaluate(() => {
    const out = [];
    if (window.__xss !== undefined) out.push(`window.__xss = ${window.__xss}`);
    const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'srcdoc', 'poster', 'background'];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        const name = a.name.toLowerCase();
        const value = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (name.startsWith('on')) out.push(`<${el.localName} ${a.name}="${a.value}">`);
        if (urlAttrs.includes(name) && /^(javascript|vbscript|data):/.test(value)) out.push(`<${el.localName} ${a.name}="${a.value}">`);
      }
    }
    return out;
  });
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const x = await frame.evaluate(() => window.__xss).catch(() => undefined);
    if (x !== undefined) here.push(`window.__xss = ${x} in a frame`);
  }
  return here;
}

/** How many of each element that a payload could add the page holds. */
const markupCounts = (page) => page.evaluate((sel) => {
  const counts = {};
  for (const el of document.querySelectorAll(sel)) counts[el.localName] = (counts[el.localName] || 0) + 1;
  return counts;
}, MARKUP);

async function download(page, button) {
  const d = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await d;
  return readFile(await file.path(), 'utf8');
}

/**
 * Loads an exported document in a new page with JavaScript on, as it was exported (with its
 * Content-Security-Policy) and with that policy taken out, so that escaping alone is tested;
 * checks that nothing runs and the document is only the markup the exporter writes, and
 * returns its text.
 */
async function checkExport(context, html, label) {
  expect(html.toLowerCase(), `${label}: no <script in the export`).not.toContain('<script');
  const csp = /<meta http-equiv="Content-Security-Policy"[^>]*>\n?/;
  expect(html, `${label}: the export has its Content-Security-Policy`).toMatch(csp);
  let text = null;
  for (const [variant, body] of [['as exported', html], ['without its CSP', html.replace(csp, '')]]) {
    const page = await context.newPage();
    const problems = [];
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss().catch(() => {}); });
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => { if (!r.url().startsWith('https://export.test/')) problems.push(`request: ${r.url()}`); });
    await page.route('https://export.test/**', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
    await page.goto('https://export.test/agenda.html');
    await expect(page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeVisible();
    // Hover every link and cell, focus what can take focus: handlers would fire now if any existed.
    for (const a of await page.locator('a').all()) await a.hover();
    await page.locator('td').first().hover();
    await page.keyboard.press('Tab');
    await page.waitForTimeout(100);
    const shape = await page.evaluate(() => ({
      scripts: document.scripts.length,
      tags: [...new Set([...document.querySelectorAll('*')].map((e) => e.localName))],
      links: [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')),
      metas: [...document.querySelectorAll('meta')].map((m) => m.getAttribute('charset') ? 'charset' : m.getAttribute('name') || m.getAttribute('http-equiv')),
      styles: document.querySelectorAll('style').length,
      text: document.body.textContent,
    }));
    expect(await traces(page), `${label}, ${variant}: traces of script`).toEqual([]);
    expect(shape.scripts, `${label}, ${variant}: <script> elements`).toBe(0);
    expect(shape.tags.filter((t) => !EXPORT_ELEMENTS.includes(t)), `${label}, ${variant}: elements the exporter never writes`).toEqual([]);
    expect(shape.links.filter((h) => !/^https?:\/\/[^\s"'<>]+$/.test(h)), `${label}, ${variant}: links that are not http(s)`).toEqual([]);
    expect(shape.styles, `${label}, ${variant}: <style> elements`).toBe(1);
    expect(shape.metas.sort(), `${label}, ${variant}: <meta> elements`)
      .toEqual(variant === 'as exported' ? ['Content-Security-Policy', 'charset', 'viewport'] : ['charset', 'viewport']);
    expect(problems, `${label}, ${variant}: dialogs, console errors or requests`).toEqual([]);
    text ??= shape.text;
    await page.close();
  }
  return text;
}

/** Fails with every payload that is not in `text` as itself. */
function expectAllAsText(text, expected, label) {
  const missing = expected.filter((p) => !text.includes(p));
  expect(missing, `${label}: payloads not in the exported text as typed`).toEqual([]);
}

test('payloads typed into every kind of field never run, in the editor, its export or its printout', async ({ page, context }) => {
  test.setTimeout(180_000);
  const dialogs = watchDialogs(page);
  await openExample(page);
  const before = await markupCounts(page);
  const text = PAYLOADS.text;
  const rounds = Math.ceil(text.length / TEXT_FIELDS.length);
  for (let round = 0; round < rounds; round++) {
    const label = `round ${round + 1} of ${rounds}`;
    const printed = [];
    const typed = new Map();
    TEXT_FIELDS.forEach((name, i) => typed.set(name, text[(round * TEXT_FIELDS.length + i) % text.length]));
    COMBO_FIELDS.forEach((name, i) => typed.set(name, text[(round * 7 + i + 3) % text.length]));
    for (const [name, payload] of typed) {
      const box = COMBO_FIELDS.includes(name) ? combo(page, name) : field(page, name);
      if (round === 0 && KEYBOARD_FIELDS.includes(name)) {
        // Key by key, as a person types, through the fields' key handlers.
        await box.fill('');
        await box.pressSequentially(payload);
      } else {
        await box.fill(payload);
      }
      await expect(box, `${name} keeps what was typed`).toHaveValue(payload);
      if (!NOT_PRINTED.has(name)) printed.push(payload);
    }
    // A document number, read when the field is left: anything unreadable is kept as typed.
    const number = PAYLOADS.documents[round % PAYLOADS.documents.length];
    await field(page, 'Annex A entry 1 number').fill(number);
    await field(page, 'Annex A entry 1 number').press('Enter');
    printed.push(number);
    // Documents and actions: chips added with Enter.
    const docs = combo(page, 'Item 2.2 documents');
    for (const d of round === 0 ? PAYLOADS.documents : []) {
      await docs.fill(d);
      await docs.press('Enter');
      await expect(docs).toHaveValue('');
      printed.push(d);
    }
    const action = text[(round * 11 + 5) % text.length];
    await combo(page, 'Item 2.2 actions').fill(action);
    await combo(page, 'Item 2.2 actions').press('Enter');
    printed.push(action);
    // What cannot be read is quoted back in a message beside the field.
    for (const [i, name] of PARSED_FIELDS.entries()) {
      const payload = text[(round * 13 + i) % text.length];
      await field(page, name).fill(payload);
      await field(page, name).press('Enter');
      await expect(page.getByRole('alert').filter({ hasText: payload }).first(), `${name} quotes what it cannot read`).toBeVisible();
    }
    const template = PAYLOADS.linkTemplates[round % PAYLOADS.linkTemplates.length];
    await field(page, 'Document link template').fill(template);

    await saved(page);
    expect(await traces(page), `${label}: traces of script in the editor`).toEqual([]);
    expect(await markupCounts(page), `${label}: elements added to the editor`).toEqual(before);
    expect(dialogs, `${label}: dialogs in the editor`).toEqual([]);

    const html = await download(page, 'Export HTML');
    expectAllAsText(await checkExport(context, html, label), printed, label);
  }

  // Every link template, each alone: only http(s) links, or none.
  for (const template of PAYLOADS.linkTemplates) {
    await field(page, 'Document link template').fill(template);
    await checkExport(context, await download(page, 'Export HTML'), `link template ${JSON.stringify(template)}`);
  }
  // A good template still makes links, so the check above can see them.
  await field(page, 'Document link template').fill('https://www.itu.int/md/T22-TSAG-{number}');
  const linked = await download(page, 'Export HTML');
  expect(linked).toContain('<a href="https://www.itu.int/md/T22-TSAG-TD526">TD526</a>');

  // Print: the printout is the export, in a frame, and nothing runs there either.
  await page.evaluate(() => {
    window.__printed = 0;
    new MutationObserver(() => {
      const f = document.getElementById('print-frame');
      if (f && f.contentWindow) f.contentWindow.print = () => { window.__printed += 1; };
    }).observe(document.body, { childList: true });
  });
  await page.getByRole('button', { name: 'Print' }).click();
  await expect(page.locator('#print-frame')).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => window.__printed)).toBe(1);
  const frame = page.frameLocator('#print-frame');
  await expect(frame.getByRole('heading', { name: 'Agenda', level: 1 })).toBeAttached(); // a frame of no size
  expect(await traces(page), 'traces of script after printing').toEqual([]);
  expect(await page.locator('#print-frame').evaluate((f) => f.contentDocument.scripts.length)).toBe(0);

  // And after a reload, rendered from storage rather than typed.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  const lastTitle = text[((rounds - 1) * TEXT_FIELDS.length + TEXT_FIELDS.indexOf('Item 2.2 title')) % text.length];
  await expect(field(page, 'Item 2.2 title')).toHaveValue(lastTitle);
  expect(await traces(page), 'traces of script after a reload').toEqual([]);
  expect(dialogs).toEqual([]);
});

/** The TD514 file with a payload in every text of the agenda, and what of them the export prints. */
function poisonedFile() {
  const file = JSON.parse(TD514);
  const a = file.agenda;
  let n = 0;
  const printed = [];
  const next = (print = true) => {
    const p = PAYLOADS.text[n++ % PAYLOADS.text.length];
    if (print) printed.push(p);
    return p;
  };
  const doc = (print = true) => {
    const p = PAYLOADS.documents[n++ % PAYLOADS.documents.length];
    if (print) printed.push(p);
    return p;
  };
  for (const k of ['document', 'title', 'source', 'group', 'meeting', 'place', 'time_zone_label', 'abstract',
    'action_required', 'notes', 'status']) a[k] = next();
  a.time_zone = next(false);
  a.link_template = PAYLOADS.linkTemplates[0];
  a.actions = [next(false), next(false)];
  a.categories = [next(false)];
  const items = (list) => {
    for (const item of list) {
      for (const k of ['title', 'source', 'summary', 'notes']) item[k] = next();
      item.actions = [next()];
      item.docs = [{ number: doc(), introduced: n % 2 === 0, note: next() }, ...item.docs];
      items(item.children);
    }
  };
  for (const s of a.sessions) {
    s.day_label = next();
    s.title = next();
    items(s.items);
  }
  for (const e of a.register) {
    e.number = doc();
    for (const k of ['category', 'source', 'title']) e[k] = next();
  }
  for (const x of a.annexes) {
    x.title = next();
    x.body = next();
  }
  for (const m of a.future_meetings) {
    m.timing = next();
    m.subject = next();
  }
  return { file, printed, name: `${a.document} ${a.title}` };
}

test('a file with payloads in every text imports, opens and exports without running any', async ({ page, context }) => {
  test.setTimeout(120_000);
  const dialogs = watchDialogs(page);
  const { file, printed, name } = poisonedFile();
  file.agenda.id = 'xss-import';
  expect([...PAYLOADS.text, ...PAYLOADS.documents].filter((p) => !printed.includes(p)), 'payloads not used').toEqual([]);

  await openLibrary(page);
  const before = await markupCounts(page);
  await page.getByLabel('Agenda file to import').setInputFiles({
    name: 'xss.agenda.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file, null, 2)),
  });
  await expect(page.getByRole('status')).toContainText(`Imported "${name}".`);
  // The library lists it by its payload-laden name, as text.
  await expect(openButton(page, name)).toBeVisible();
  expect(await traces(page), 'traces of script in the library').toEqual([]);
  expect(await markupCounts(page), 'elements added to the library').toEqual(before);

  await openButton(page, name).click();
  await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
  await expect(field(page, 'Title')).toHaveValue(file.agenda.title);
  await expect(field(page, 'Item 2.2 summary')).toHaveValue(file.agenda.sessions[0].items[1].children[1].summary);
  expect(await traces(page), 'traces of script in the editor').toEqual([]);
  expect(dialogs, 'dialogs in the editor').toEqual([]);

  const html = await download(page, 'Export HTML');
  expectAllAsText(await checkExport(context, html, 'the imported file'), printed, 'the imported file');
  // What the editor exports as JSON is what was imported, payloads and all.
  const json = JSON.parse(await download(page, 'Export JSON'));
  expect(json.agenda.title).toBe(file.agenda.title);
  expect(json.agenda.register.map((e) => e.category)).toEqual(file.agenda.register.map((e) => e.category));
  await saved(page);
  expect(dialogs).toEqual([]);
});

// The id of an imported agenda is text from the file too. It travels in the URL hash, which the
// browser percent-encodes: an id with a space, a quote, < or >, or any non-ASCII letter must
// still open the agenda, so ids travel encoded; an empty id opens nothing, so import replaces it.
for (const id of [PAYLOADS.text[2], 'with space', '']) {
  test(`an imported agenda whose id is ${JSON.stringify(id)} opens, and again after a reload`, async ({ page }) => {
    const { file, name } = poisonedFile();
    file.agenda.id = id;
    await openLibrary(page);
    await page.getByLabel('Agenda file to import').setInputFiles({
      name: 'xss-id.agenda.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
    });
    await openButton(page, name).click();
    await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
    expect(await traces(page)).toEqual([]);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Checks' })).toBeVisible();
    await expect(field(page, 'Title')).toHaveValue(file.agenda.title);
    expect(await traces(page)).toEqual([]);
  });
}
