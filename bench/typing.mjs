// Typing latency, for scripts/bench.sh:
//
//   node bench/typing.mjs APP_URL AGENDA_FILE TITLE_LABEL [PRESSES [SIZE]]
//
// Opens a generated agenda (bench/generate.mjs: 500 items and 1,000 register entries, or 2,000
// and 5,000; SIZE names it in the figures, 500 by default) in the
// editor of a fresh browser context, clicks into one item's title (the textarea named
// TITLE_LABEL, e.g. "Item 119 title", near the middle of the table) and presses PRESSES (100)
// letter keys through Playwright, one at a time, as a user types.
//
// Per key press, measured inside the page: from the keydown event's timestamp to the next paint
// with the edit applied, taken as the first task after the next animation frame (rAF, then a
// MessageChannel message: it runs once that frame has been rendered). The editor runs the checks
// once that frame is painted (src/reactive_agenda.rs), so their counts are on screen by the
// animation frame after it, which is also kept (rAF → rAF: the key's letter and its checks both
// shown), with the Event Timing API's durations (entries of 16 ms or more, which is all it
// reports). The checks panel's counts read in the first frame are still compared with those once
// everything has settled (`checks_fresh`): a letter typed into a title changes no count.
//
// Baseline: the same measurement, in the same browser, typing into a page that is a bare
// textarea, for what the method reads when typing costs nothing (up to a frame's wait).
//
// Re-renders: a MutationObserver on the items table (childList, attributes and characterData,
// subtree) counts the mutations outside the edited row over all the key presses; rows that did
// not change should not be touched at all.
//
// Memory: the wasm memory's size and the JS heap in use (CDP Performance.getMetrics, after a
// garbage collection), once the agenda is open and again after the key presses.
import { readFileSync } from 'node:fs';
import { clickField, emit, launch, median, memory, openAgenda, percentile, sleep } from './lib.mjs';

const [appUrl, file, label, pressesArg, sizeArg] = process.argv.slice(2);
if (!appUrl || !file || !label) {
  console.error('usage: node bench/typing.mjs APP_URL AGENDA_FILE TITLE_LABEL [PRESSES [SIZE]]');
  process.exit(2);
}
const PRESSES = Number(pressesArg || 100);
const SIZE = Number(sizeArg || 500);
const GAP_MS = 50; // between a key's paint and the next key press
const text = readFileSync(file, 'utf8');
const ID = 'bench-typing';

function instrument({ label }) {
  const box = [...document.querySelectorAll('textarea')].find((t) => t.getAttribute('aria-label') === label);
  const row = box.closest('tr');
  const table = document.querySelector('table.items');
  const b = {
    outside: { childList: 0, attributes: 0, characterData: 0 },
    inside: 0,
    examples: [],
    events: [],
    start: performance.now(),
  };
  window.__typing = b;
  const describe = (r) => {
    const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
    const where = el && el.closest('[aria-label]');
    return `${r.type}${r.attributeName ? ` ${r.attributeName}` : ''} on <${el ? el.tagName.toLowerCase() : '?'}`
      + `${el && el.className ? ` class="${el.className}"` : ''}>${where ? ` in "${where.getAttribute('aria-label')}"` : ''}`;
  };
  b.observer = new MutationObserver((records) => {
    for (const r of records) {
      if (row.isConnected && row.contains(r.target)) {
        b.inside++;
        continue;
      }
      b.outside[r.type]++;
      if (b.examples.length < 5) b.examples.push(describe(r));
    }
  });
  b.observer.observe(table, { childList: true, subtree: true, attributes: true, characterData: true });
  // For the record, not a goal: how much of the checks panel's list is rebuilt.
  b.panel = { records: 0, added: 0 };
  b.panelObserver = new MutationObserver((records) => {
    for (const r of records) {
      b.panel.records++;
      b.panel.added += r.addedNodes.length;
    }
  });
  b.panelObserver.observe(document.querySelector('.checks'), { childList: true, subtree: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.startTime >= b.start) b.events.push({ name: e.name, duration: e.duration, id: e.interactionId });
    }
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
}

// Per key press: keydown's timestamp → the next animation frame (where the checks counts are
// read) → the first task after it (the frame is rendered) → the animation frame after that.
function latencyProbe() {
  const samples = [];
  window.__samples = samples;
  document.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => {
      const counts = document.querySelector('.counts')?.textContent ?? null;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const paint = performance.now();
        requestAnimationFrame(() => {
          samples.push({ paint: paint - t0, nextFrame: performance.now() - t0, counts });
        });
      };
      channel.port2.postMessage(null);
    });
  }, true);
}

const letters = 'abcdefghijklmnopqrstuvwxyz';

/** Presses PRESSES letter keys into the focused box, one at a time; returns what each settled to. */
async function type(page, settledCounts) {
  const settled = [];
  for (let i = 0; i < PRESSES; i++) {
    await page.keyboard.press(letters[i % letters.length]);
    await page.waitForFunction((n) => window.__samples.length >= n, i + 1, { polling: 'raf', timeout: 60_000 });
    await sleep(GAP_MS);
    if (settledCounts) settled.push(await page.evaluate(() => document.querySelector('.counts').textContent));
  }
  await sleep(200);
  return settled;
}

const browser = await launch();
try {
  const { context, page, problems } = await openAgenda(browser, appUrl, ID, text);
  const loadMs = await page.evaluate(() => performance.now());
  await sleep(500);
  const opened = await memory(page);
  const box = await clickField(page, label);
  const before = await box.inputValue();
  const rows = await page.locator('table.items tr.item').count();
  const fields = await page.locator('input, textarea').count();
  await sleep(500);
  await page.evaluate(instrument, { label });
  await page.evaluate(latencyProbe);
  const settled = await type(page, true);
  const b = await page.evaluate(() => {
    const t = window.__typing;
    t.observer.disconnect();
    t.panelObserver.disconnect();
    return {
      samples: window.__samples, outside: t.outside, inside: t.inside, examples: t.examples, events: t.events, panel: t.panel,
      findings: document.querySelectorAll('.checks li').length,
    };
  });
  const typedMemory = await memory(page);
  const after = await box.inputValue();
  const typed = Array.from({ length: PRESSES }, (_, i) => letters[i % letters.length]).join('');
  if (after !== before + typed) problems.push(`the title reads "${after.slice(-40)}" after typing, not "…${typed.slice(-20)}"`);

  const paint = b.samples.map((s) => s.paint);
  const nextFrame = b.samples.map((s) => s.nextFrame);
  const fresh = b.samples.filter((s, i) => s.counts === settled[i]).length;
  // Event Timing: the longest entry of each interaction (a key press is keydown, keypress, input …).
  const byInteraction = new Map();
  for (const e of b.events) {
    if (!e.id) continue;
    byInteraction.set(e.id, Math.max(byInteraction.get(e.id) || 0, e.duration));
  }
  const slow = [...byInteraction.values()];
  const outside = b.outside.childList + b.outside.attributes + b.outside.characterData;
  emit({ figure: 'memory', items: SIZE, opened, typed: typedMemory, presses: PRESSES, file_bytes: Buffer.byteLength(text) });
  emit({
    figure: 'typing',
    items: SIZE,
    presses: PRESSES,
    rows,
    fields,
    findings: b.findings,
    panel_nodes_added: b.panel.added,
    median_ms: median(paint),
    p95_ms: percentile(paint, 95),
    max_ms: Math.max(...paint),
    next_frame_median_ms: median(nextFrame),
    next_frame_p95_ms: percentile(nextFrame, 95),
    checks_fresh: fresh,
    event_timing_over_16: slow.length,
    event_timing_max_ms: slow.length ? Math.max(...slow) : null,
    load_ms: loadMs,
    problems,
  });
  emit({
    figure: 'typing.rerender',
    items: SIZE,
    outside,
    outside_by_type: b.outside,
    inside: b.inside,
    examples: b.examples,
    presses: PRESSES,
  });

  // The same measurement on a page that is nothing but a textarea: what the method itself
  // reads (waiting for the next frame, rendering it) when typing costs nothing.
  const bare = await context.newPage();
  await bare.setContent('<!DOCTYPE html><textarea aria-label="Bare"></textarea>');
  await bare.evaluate(latencyProbe);
  await bare.evaluate(() => {
    window.__slow = new Map();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.interactionId) window.__slow.set(e.interactionId, Math.max(window.__slow.get(e.interactionId) || 0, e.duration));
      }
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  });
  await bare.getByRole('textbox', { name: 'Bare' }).click();
  await type(bare, false);
  const baseline = (await bare.evaluate(() => window.__samples)).map((s) => s.paint);
  const bareSlow = await bare.evaluate(() => window.__slow.size);
  emit({ figure: 'typing.baseline', items: SIZE, presses: PRESSES, median_ms: median(baseline), p95_ms: percentile(baseline, 95),
    event_timing_over_16: bareSlow });
  await context.close();
} finally {
  await browser.close();
}
