// Prints the figures scripts/bench.sh collected (one JSON object a line in RESULTS) as one line
// each: name, value, unit, the goal with what it compares against, and PASS or MISS (REF for a
// figure kept for reference, without a goal of its own). Ends with the count of goals met.
//
//   node bench/report.mjs RESULTS
//
// The goals live here.
import { readFileSync } from 'node:fs';

const GOALS = {
  bundleRatio: 4, // wasm+js, brotli, at most 4x the floor's
  loadRatio: 1.5, // cold load at most 1.5x the floor's
  typingP95Ms: 16, // at 500 items
  checks5000Ms: 2,
  checksScaling: 11, // 10x the items, at most 11x the time
  exportHtmlMs: 10, // 500 items
  exportDocxMs: 50, // 500 items
  importDocxMs: 200, // 500 items
  saveMs: 5,
};

const results = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const find = (figure, where = {}) =>
  results.find((r) => r.figure === figure && Object.entries(where).every(([k, v]) => r[k] === v));

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (x, digits = 1) => `${x.toFixed(digits)} ms`;
const ratio = (x) => `${x.toFixed(2)}x`;
const thousands = (n) => n.toLocaleString('en-US');

const lines = [];
const notes = [];
let pass = 0;
let miss = 0;
function line(name, value, goal, ok, detail = '') {
  const mark = ok === undefined ? 'REF' : ok ? 'PASS' : 'MISS';
  if (ok === true) pass++;
  if (ok === false) miss++;
  lines.push(`${name.padEnd(32)} ${value.padStart(11)}  goal: ${goal}${detail ? ` (${detail})` : ''}  ${mark}`);
}
function missing(name, goal, what) {
  if (goal) miss++;
  lines.push(`${name.padEnd(32)} ${'—'.padStart(11)}  goal: ${goal || 'none'} (not measured: ${what})  ${goal ? 'MISS' : 'REF'}`);
}
const problems = (r, what) => {
  for (const p of (r && r.problems) || []) notes.push(`${what}: ${p}`);
};

// Bundle.
{
  const part = (build, kind) => find('bundle', { build, kind });
  const app = { js: part('app', 'js'), wasm: part('app', 'wasm') };
  const floor = { js: part('floor', 'js'), wasm: part('floor', 'wasm') };
  if (app.js && app.wasm && floor.js && floor.wasm) {
    for (const kind of ['wasm', 'js', 'wasm+js']) {
      for (const enc of ['raw', 'gzip', 'brotli']) {
        const size = (b) => (kind === 'wasm+js' ? b.js[enc] + b.wasm[enc] : b[kind][enc]);
        const a = size(app);
        const f = size(floor);
        const r = a / f;
        const goalLine = kind === 'wasm+js' && enc === 'brotli';
        line(`bundle.${kind}.${enc}`, kib(a),
          goalLine ? `<= ${GOALS.bundleRatio}x floor` : 'none',
          goalLine ? r <= GOALS.bundleRatio : undefined,
          `floor ${kib(f)}, ratio ${ratio(r)}`);
      }
    }
  } else {
    missing('bundle.wasm+js.brotli', `<= ${GOALS.bundleRatio}x floor`, 'a build is missing; see the log above');
  }
  const wjs = part('app', 'worker.js');
  const wwasm = part('app', 'worker.wasm');
  if (wjs && wwasm) {
    line('bundle.word-worker.brotli', kib(wjs.brotli + wwasm.brotli), 'none', undefined,
      'wasm+js of the Word worker, downloaded on the first Word import or export only');
  }
}

// Cold load.
{
  const app = find('load.app');
  const floor = find('load.floor');
  if (app && floor) {
    const marks = (a) => ['wasm downloaded', 'instantiated', 'main ran'].map((what, i) => {
      const v = a[['wasm', 'instantiated', 'started'][i]];
      return `${what} ${v === null ? '?' : Math.round(v)}`;
    }).join(', ');
    line('load.cold.floor', ms(floor.ms), 'none', undefined,
      `until its button is in the DOM, median of ${floor.runs} fresh contexts; at ms: ${marks(floor.at)}`);
    const r = app.ms / floor.ms;
    line('load.cold.editor-td514', ms(app.ms), `<= ${GOALS.loadRatio}x floor`, r <= GOALS.loadRatio,
      `floor ${ms(floor.ms)}, ratio ${ratio(r)}; until "${app.counts}" shows, median of ${app.runs} fresh contexts; at ms: ${marks(app.at)}`
      + (app.at.whole == null ? '' : `, every table row built ${Math.round(app.at.whole)}`));
    problems(app, 'cold load');
  } else {
    missing('load.cold.editor-td514', `<= ${GOALS.loadRatio}x floor`, 'see the log above');
  }
}

// Typing.
{
  const t = find('typing');
  const rr = find('typing.rerender');
  if (t) {
    const about = `${t.presses} key presses in one title, ${thousands(t.rows)} items, ${thousands(t.fields)} form fields`;
    const base = find('typing.baseline');
    if (base) {
      line('typing.next-paint.bare-textarea', ms(base.p95_ms), 'none', undefined,
        `p95 of the same measurement typing into a page that is one bare textarea: what the method reads when typing costs nothing; median ${ms(base.median_ms)}`);
    }
    line('typing.next-paint.median', ms(t.median_ms), 'none', undefined, about);
    line('typing.next-paint.p95', ms(t.p95_ms), `<= ${GOALS.typingP95Ms} ms at 500 items`, t.p95_ms <= GOALS.typingP95Ms,
      `max ${ms(t.max_ms)}; to the frame after, p95 ${ms(t.next_frame_p95_ms)}; checks already updated in the measured frame for ${t.checks_fresh} of ${t.presses}; `
      + `Event Timing: ${t.event_timing_over_16} key presses of 16 ms or more${t.event_timing_max_ms ? `, longest ${ms(t.event_timing_max_ms, 0)}` : ''}`);
    line('load.editor-500-items', ms(t.load_ms), 'none', undefined,
      `the generated agenda opened in the editor, one run, until the checks counts show; ${thousands(t.findings)} findings listed`);
    problems(t, 'typing');
  } else {
    missing('typing.next-paint.p95', `<= ${GOALS.typingP95Ms} ms at 500 items`, 'see the log above');
  }
  if (rr) {
    const by = rr.outside_by_type;
    line('typing.rerender.unchanged-rows', `${rr.outside} mut.`, '0, no re-render of unchanged rows', rr.outside === 0,
      `DOM mutations in the items table outside the edited row over ${rr.presses} key presses: `
      + `${by.childList} childList, ${by.attributes} attributes, ${by.characterData} text; ${rr.inside} inside the edited row`
      + `${t ? `; the checks panel meanwhile added ${thousands(t.panel_nodes_added)} nodes` : ''}`);
    for (const e of rr.examples || []) notes.push(`mutation outside the edited row: ${e}`);
  } else {
    missing('typing.rerender.unchanged-rows', '0, no re-render of unchanged rows', 'see the log above');
  }
}

// Checks, native (cargo bench).
{
  for (const n of [50, 500]) {
    const c = find('checks', { items: n });
    if (c) line(`checks.native.${n}-items`, ms(c.ms, 3), 'none', undefined, c.detail);
  }
  const c = find('checks', { items: 5000 });
  if (c) line('checks.native.5000-items', ms(c.ms, 3), `<= ${GOALS.checks5000Ms} ms`, c.ms <= GOALS.checks5000Ms, c.detail);
  else missing('checks.native.5000-items', `<= ${GOALS.checks5000Ms} ms`, 'cargo bench failed; see the log above');
  const s = find('checks.scaling');
  if (s) line('checks.native.scaling', ratio(s.ratio), `10x the items <= ${GOALS.checksScaling}x the time`, s.ratio <= GOALS.checksScaling,
    '5,000 vs 500 items');
  else missing('checks.native.scaling', `10x the items <= ${GOALS.checksScaling}x the time`, 'cargo bench failed');
}

// Export and save.
{
  const html = find('native.export.html');
  const json = find('native.export.json');
  if (html) {
    line('export.html.500-items', ms(html.ms, 3), `<= ${GOALS.exportHtmlMs} ms`, html.ms <= GOALS.exportHtmlMs,
      `native export::html, ${kib(html.bytes)}, median of ${html.runs}`);
  } else missing('export.html.500-items', `<= ${GOALS.exportHtmlMs} ms`, 'see the log above');
  const first = find('word.first');
  if (first) {
    line('word.first-export.500-items', ms(first.ms, 0), 'none', undefined,
      `Export Word pressed to .docx downloaded, the Word worker (${kib(first.bytes)} uncompressed; brotli in bundle.word-worker) fetched and started on the way; ${ms(first.again, 0)} once started; median of ${first.runs}`);
  }
  const docx = find('native.export.docx');
  if (docx) {
    line('export.docx.500-items', ms(docx.ms, 3), `<= ${GOALS.exportDocxMs} ms`, docx.ms <= GOALS.exportDocxMs,
      `native export::docx, what Export Word writes, ${kib(docx.bytes)}, median of ${docx.runs}`);
  } else missing('export.docx.500-items', `<= ${GOALS.exportDocxMs} ms`, 'see the log above');
  const read = find('native.import.docx');
  if (read) {
    line('import.docx.500-items', ms(read.ms, 3), `<= ${GOALS.importDocxMs} ms`, read.ms <= GOALS.importDocxMs,
      `native import::docx::read of that file, median of ${read.runs}`);
  } else missing('import.docx.500-items', `<= ${GOALS.importDocxMs} ms`, 'see the log above');
  if (json) {
    line('export.json.500-items', ms(json.ms, 3), `<= ${GOALS.saveMs} ms`, json.ms <= GOALS.saveMs,
      `native format::save, what Export JSON writes, ${kib(json.bytes)}, median of ${json.runs}`);
  } else missing('export.json.500-items', `<= ${GOALS.saveMs} ms`, 'see the log above');
  const record = find('native.save.record');
  if (record) {
    line('save.record.500-items', ms(record.ms, 3), `<= ${GOALS.saveMs} ms, as a save's first step`, record.ms <= GOALS.saveMs,
      `native format::record, the one-line form every save writes to localStorage, ${kib(record.bytes)}, median of ${record.runs}`);
  } else missing('save.record.500-items', `<= ${GOALS.saveMs} ms`, 'see the log above');
  const set = find('save.setitem');
  if (set) {
    line('save.localStorage.setItem', ms(set.ms, 2), `<= ${GOALS.saveMs} ms`, set.ms <= GOALS.saveMs,
      `Chromium, ${kib(set.bytes)} written over the stored record, median of ${set.runs}`);
  } else missing('save.localStorage.setItem', `<= ${GOALS.saveMs} ms`, 'see the log above');
  const auto = find('save.autosave');
  if (auto) {
    line('save.autosave.editor', ms(auto.ms, 2), `<= ${GOALS.saveMs} ms`, auto.ms <= GOALS.saveMs,
      `the editor's whole save task at 500 items: format::record in wasm, then ${auto.keys.length} localStorage writes taking ${ms(auto.storage_ms, 2)} of it; median of ${auto.runs}`);
    problems(auto, 'autosave');
  } else missing('save.autosave.editor', `<= ${GOALS.saveMs} ms`, 'see the log above');
}

console.log(lines.join('\n'));
if (notes.length) console.log(`\nnotes:\n${[...new Set(notes)].map((n) => `  ${n}`).join('\n')}`);
console.log(`\n${pass} PASS, ${miss} MISS`);
