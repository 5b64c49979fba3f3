// A minimal static file server for the end-to-end tests: serves a built folder (dist/ by
// default) on 127.0.0.1 with the right MIME types, and falls back to index.html. Run as a
// script (`node tests/e2e/serve.mjs DIR PORT`) it serves until killed; the WebDriver suite
// imports `serve` and has it rewrite the HTML pages it sends.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

/** Serves `dir` on `port` (0: any free one); `html`, if given, rewrites each HTML page's text
 *  before it is sent. Resolves to { url, port, stop }. */
export function serve(dir, port = 0, { html } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch {
      file = join(root, 'index.html');
    }
    try {
      let body = await readFile(file);
      const type = types[extname(file)] || 'application/octet-stream';
      if (html && type.startsWith('text/html')) body = html(body.toString('utf8'));
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.on('error', fail).listen(port, '127.0.0.1', () => done({
      url: `http://127.0.0.1:${server.address().port}/`,
      port: server.address().port,
      stop: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
    }));
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(process.argv[2] || 'dist');
  const { port } = await serve(root, Number(process.argv[3] || 4173));
  console.log(`serving ${root} on http://127.0.0.1:${port}`);
}
