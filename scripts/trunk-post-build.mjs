// Trunk post-build hook (see Trunk.toml), run with node on the staged build before it becomes
// dist/. Not copied into the build.
//
// 1. Content-Security-Policy: Trunk writes its loader as an inline <script type="module">, which
//    'self' does not cover; every inline script in the built index.html gets its sha256 added to
//    the script-src of the policy in the page (under `trunk serve` that includes the autoreload
//    script, so development runs under the same policy as the release).
// 2. Service worker: writes the build into sw.js — a version hashed from every file of the build,
//    and the list of files to cache — so each new build is a new worker with a new cache. Debug
//    builds get a worker that caches nothing.
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('trunk-post-build.mjs runs as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)');
const release = process.env.TRUNK_PROFILE === 'release';
const fail = (message) => { console.error(`build-hook: ${message}`); process.exit(1); };
const sha256 = (data, encoding) => createHash('sha256').update(data).digest(encoding);

// 1. The policy.
const indexPath = join(stage, 'index.html');
let html = await readFile(indexPath, 'utf8');
// `trunk serve` fills two placeholders of its autoreload script per request, which would change
// the script after it was hashed; fill them here instead, as the dev server would for a page
// served at the public URL, so the dev server leaves the script alone.
const publicUrl = (process.env.TRUNK_PUBLIC_URL || '/').startsWith('/') ? process.env.TRUNK_PUBLIC_URL || '/' : '/';
html = html
  .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
  .replaceAll('{{__TRUNK_WS_BASE__}}', publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
if (html.includes('{{__TRUNK_')) console.warn('build-hook: index.html has a Trunk placeholder the policy hash may not survive');
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)]
  .filter(([, attrs]) => !/\ssrc\s*=/i.test(attrs))
  .map(([, , body]) => `'sha256-${sha256(body, 'base64')}'`);
const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;
if (!meta.test(html)) fail('index.html has no <meta http-equiv="Content-Security-Policy" content="...">');
html = html.replace(meta, (_, open, policy, close) => {
  if (!/(^|;)\s*script-src\s/.test(policy)) fail('the Content-Security-Policy has no script-src');
  const withHashes = policy.replace(/((?:^|;)\s*script-src\s[^;]*)/, (directive) => [directive.trimEnd(), ...inline].join(' '));
  return open + withHashes + close;
});
await writeFile(indexPath, html);

// 2. The service worker.
async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await files(path));
    else out.push(relative(stage, path).split(sep).join('/'));
  }
  return out;
}
const all = (await files(stage)).filter((f) => f !== 'sw.js').sort();
const digest = createHash('sha256');
for (const file of all) digest.update(file).update('\0').update(await readFile(join(stage, file))).update('\0');
const version = digest.digest('hex').slice(0, 16);
// Trunk names what it hashes name-<hash, up to 16 hex digits>[_bg].ext; never changed in place.
const isHashed = (f) => /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/.test(f);
const build = {
  version,
  release,
  fresh: ['./', ...all.filter((f) => f !== 'index.html' && !isHashed(f))],
  hashed: all.filter(isHashed),
};
const swPath = join(stage, 'sw.js');
const sw = await readFile(swPath, 'utf8');
const placeholder = 'const BUILD = null;';
if (!sw.includes(placeholder)) fail(`sw.js has no "${placeholder}" line to fill in`);
await writeFile(swPath, sw.replace(placeholder, `const BUILD = ${JSON.stringify(build)};`));
console.log(`build-hook: ${release ? 'release' : 'debug'} build ${version}, ${inline.length} inline script hash(es), ${build.fresh.length + build.hashed.length} files for offline use`);
