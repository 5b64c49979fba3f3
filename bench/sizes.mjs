// Bundle sizes, for scripts/bench.sh:
//
//   node bench/sizes.mjs LABEL DIST
//
// Finds the .js and .wasm that DIST/index.html's Trunk loader imports (the app, not the other
// scripts of the page) and records each raw, gzip -9 (the gzip command; node's zlib at level 9
// where there is none) and brotli at quality 11 (the brotli command's default; node's zlib gives
// the same bytes). Sizes are deterministic: one measurement each.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { emit } from './lib.mjs';

const [label, dist] = process.argv.slice(2);
if (!label || !dist) {
  console.error('usage: node bench/sizes.mjs LABEL DIST');
  process.exit(2);
}
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const js = html.match(/import init, \* as bindings from '\/?([^']+\.js)'/);
const wasm = html.match(/module_or_path: '\/?([^']+\.wasm)'/);
if (!js || !wasm) {
  console.error(`${dist}/index.html has no Trunk loader naming a .js and a .wasm`);
  process.exit(1);
}
// The worker of rare actions, where the build has it: fetched on the first Word file, calendar,
// share link or report only.
const worker = [['worker.loader', 'word-worker_loader.js'], ['worker.js', 'word-worker.js'], ['worker.wasm', 'word-worker_bg.wasm']]
  .filter(([, name]) => { try { readFileSync(join(dist, name)); return true; } catch { return false; } });
for (const [kind, name] of [['js', js[1]], ['wasm', wasm[1]], ...worker]) {
  const data = readFileSync(join(dist, name));
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_MODE]: (kind.endsWith('js') || kind === 'worker.loader') ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  let gzip;
  try {
    gzip = execFileSync('gzip', ['-9', '-n', '-c'], { input: data, maxBuffer: 1 << 30 }).length;
  } catch {
    gzip = gzipSync(data, { level: 9 }).length;
  }
  emit({
    figure: 'bundle', build: label, kind, file: name,
    raw: data.length, gzip, brotli: brotli.length,
  });
}
