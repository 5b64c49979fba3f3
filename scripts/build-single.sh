#!/usr/bin/env bash
# Builds the single-file edition of Agendum: dist-single/agendum.html, one HTML file with the
# stylesheet, the wasm-bindgen JavaScript glue and the WebAssembly (base64) inside it, which runs
# when opened straight from disk (file://), with no server and no network. Agendas are kept in
# the browser's local storage for file:// pages. There is no service worker in this edition.
#
# It is made from the release build in dist/, which is (re)built first when it is missing, is a
# debug build, or is older than the sources. --rebuild always rebuilds.
# Prints the file's size in bytes at the end.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

rebuild=0
[ "${1:-}" = "--rebuild" ] && rebuild=1
if [ ! -f dist/index.html ] || ! grep -q '"release":true' dist/sw.js 2>/dev/null; then
  rebuild=1
elif [ -n "$(find src core/src style static index.html Trunk.toml Cargo.toml Cargo.lock core/Cargo.toml \
    -newer dist/index.html -type f -print -quit 2>/dev/null)" ]; then
  rebuild=1
fi
if [ "$rebuild" = 1 ]; then
  say "release build (trunk build --release)"
  trunk build --release
fi

mkdir -p dist-single
node --input-type=module - dist dist-single/agendum.html <<'EOF'
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const [dist, out] = process.argv.slice(2);
const index = await readFile(join(dist, 'index.html'), 'utf8');
const fail = (message) => { console.error(`build-single: ${message}`); process.exit(1); };
const one = (re, what) => (re.exec(index) || fail(`no ${what} in ${dist}/index.html`))[1];
// Trunk's public URL is "/" (or a prefix ending in "/"): files are named from the dist root.
const local = (href) => join(dist, decodeURIComponent(href.replace(/^(?:[a-z]+:\/\/[^/]+)?\/?/i, '').split(/[?#]/)[0]));
const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const title = one(/<title>([^<]*)<\/title>/i, '<title>');
const description = one(/<meta\s+name="description"\s+content="([^"]*)"/i, 'description');
const cssFiles = [...index.matchAll(/<link\s+rel="stylesheet"\s+href="([^"]+)"/gi)].map((m) => m[1]);
if (cssFiles.length === 0) fail('no stylesheet');
const jsFile = one(/import\s+init\b[^'"]*from\s+'([^']+\.js)'/, 'wasm-bindgen loader import');
const wasmFile = one(/module_or_path:\s*'([^']+\.wasm)'/, 'WebAssembly file');

// The stylesheets, as one <style>; "</style" cannot occur in CSS that works, but make sure.
let css = '';
for (const href of cssFiles) css += await readFile(local(href), 'utf8') + '\n';
if (/<\/style/i.test(css)) fail('a stylesheet contains "</style"');

// The glue is an ES module; inlined into a module <script> it may not export, so its exports
// become plain declarations. Anything the rewrite does not recognise stops the build.
let glue = await readFile(local(jsFile), 'utf8');
glue = glue
  .replace(/^export\s+(class|function|async\s+function|const|let|var)\s/gm, '$1 ')
  .replace(/^export\s*\{[^}]*\};?[ \t]*$/gm, '');
const leftover = /^\s*(export\b.*|import\b.*)$/m.exec(glue);
if (leftover) fail(`cannot inline the glue's "${leftover[1].trim()}"`);
if (!/\basync function __wbg_init\b/.test(glue)) fail('the glue has no __wbg_init');

const wasm = await readFile(local(wasmFile));
const base64 = wasm.toString('base64');

const start = `
${glue}
// --- Agendum single-file edition: the WebAssembly comes from the page, not from the network.
{
  const text = document.getElementById('agendum-wasm').textContent.trim();
  let bytes;
  if (typeof Uint8Array.fromBase64 === 'function') {
    bytes = Uint8Array.fromBase64(text);
  } else {
    const raw = atob(text);
    bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  }
  await __wbg_init({ module_or_path: bytes });
}
`;
if (/<\/script|<!--/i.test(start)) fail('the script contains "</script" or "<!--", which cannot be inlined');

// The Word worker: a page opened from disk may not start a worker from a file, so its glue and
// its WebAssembly travel in the page as text, which src/word.rs starts as a worker from a blob:
// URL. It is read only when a Word file is imported or exported.
const workerGlue = await readFile(join(dist, 'word-worker.js'), 'utf8').catch(() => fail('no word-worker.js in dist'));
const workerWasm = (await readFile(join(dist, 'word-worker_bg.wasm'))).toString('base64');
const workerSource = `${workerGlue}
{
  const raw = atob(${JSON.stringify(workerWasm)});
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  wasm_bindgen({ module_or_path: bytes });
}
`;
if (/<\/script|<!--/i.test(workerSource)) fail('the Word worker contains "</script" or "<!--", which cannot be inlined');

const scriptHash = `'sha256-${createHash('sha256').update(start, 'utf8').digest('base64')}'`;
// The page's own policy: only this script (by hash) runs, WebAssembly may compile, nothing is
// fetched from anywhere; Print's srcdoc frame and the blob: downloads need nothing more, and the
// Word worker starts from a blob: URL the page makes.
const csp = [
  "default-src 'none'",
  `script-src ${scriptHash} 'wasm-unsafe-eval'`,
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const icon = await readFile(join(dist, 'icon.svg'), 'utf8').catch(() => null);
const iconLink = icon
  ? `\n  <link rel="icon" href="data:image/svg+xml;base64,${Buffer.from(icon).toString('base64')}">`
  : '';

const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="${description}">
  <meta name="generator" content="Agendum single-file edition, from ${escapeHtml(jsFile.replace(/^.*\//, ''))}">
  <title>${title}</title>${iconLink}
  <style>
${css}  </style>
  <script type="application/wasm+base64" id="agendum-wasm">
${base64.replace(/.{1,120}/g, '$&\n')}</script>
  <script type="text/plain" id="word-worker-source">${workerSource}</script>
  <script type="module">${start}</script>
</head>
<body></body>
</html>
`;
await writeFile(out, page);
EOF

size=$(wc -c < dist-single/agendum.html | tr -d ' ')
say "wrote dist-single/agendum.html"
echo "dist-single/agendum.html: $size bytes"
