//! The three browser engines the WebDriver suite drives, each with Debian's own driver: Chromium
//! (chromedriver), Firefox ESR (geckodriver, built from crates.io by scripts/tools.sh) and
//! WebKitGTK's MiniBrowser (WebKitWebDriver), the engine of Safari. Nothing here downloads a
//! browser or a driver: a driver that is not installed fails the run and says which.
//!
//! WEBDRIVER_ENGINES (comma-separated, default all three) picks the engines to run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';

const WEBKIT_DIR = ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1']
  .find((d) => existsSync(join(d, 'MiniBrowser'))) || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1';

const ALL = {
  chromium: {
    driver: process.env.CHROMEDRIVER || '/usr/bin/chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: (downloads) => ({
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM || '/usr/bin/chromium',
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--no-first-run', '--window-size=1280,800'],
        prefs: { 'download.default_directory': downloads, 'download.prompt_for_download': false },
      },
    }),
  },
  firefox: {
    driver: process.env.GECKODRIVER || join(process.env.HOME || '/root', '.cargo/bin/geckodriver'),
    args: (port) => [`--port=${port}`, '--host=127.0.0.1'],
    capabilities: (downloads, prefs = {}) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX || '/usr/bin/firefox-esr',
        args: ['-headless', '-width=1280', '-height=800'],
        prefs: {
          ...prefs,
          'browser.download.folderList': 2,
          'browser.download.dir': downloads,
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/html,application/octet-stream',
        },
      },
    }),
  },
  webkit: {
    driver: process.env.WEBKITWEBDRIVER || '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`, '--host=127.0.0.1'],
    // Debian's MiniBrowser (GTK 3) has no headless mode: it needs an X display, so one of its own.
    display: true,
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER || join(WEBKIT_DIR, 'MiniBrowser'),
        args: ['--automation'],
      },
    }),
  },
};

export const engines = (process.env.WEBDRIVER_ENGINES || 'chromium,firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);
for (const e of engines) if (!ALL[e]) throw new Error(`WEBDRIVER_ENGINES: no engine "${e}" (chromium, firefox, webkit)`);

/** A free port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    }).on('error', reject);
  });
}

async function until(what, ok, ms = 30_000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await ok().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts Xvfb on a free display; resolves to { display, proc }. */
function startXvfb() {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, proc });
    });
    proc.on('error', (e) => reject(new Error(`Xvfb: ${e.message} (bash scripts/tools.sh installs xvfb)`)));
    proc.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
}

/** How long a browser may take to open before its driver is taken as stuck: WebKitWebDriver was
 *  seen, once in many runs, never to answer a new session after MiniBrowser had gone, which
 *  held the whole run until CI stopped it. */
const SESSION_MS = 60_000;

/** The engine's driver process (with its own X display where the engine needs one). */
async function launch(name) {
  const engine = ALL[name];
  const port = await freePort();
  const x = engine.display ? await startXvfb() : null;
  // Every engine runs in Geneva's zone, TD514's own, whatever the machine's: the editor then
  // shows no second zone unless a test picks one, and its exports are the command line's.
  const env = { ...process.env, TZ: 'Europe/Zurich', ...(x ? { DISPLAY: x.display } : {}) };
  const proc = spawn(engine.driver, engine.args(port), { stdio: ['ignore', 'ignore', 'pipe'], env });
  let log = '';
  proc.stderr.on('data', (d) => { log = (log + d).slice(-4000); });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => { proc.kill(); x?.proc.kill(); };
  await until(`${name} driver on ${url}`, async () => (await fetch(`${url}/status`)).ok, 20_000)
    .catch((e) => { stop(); throw new Error(`${e.message}\n${log}`); });
  return { url, stop };
}

/** Resolves as `promise` does, or rejects after `ms`. */
function within(ms, what, promise) {
  let timer;
  const late = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms); });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Starts the engine's driver; `session()` then opens a browser with a fresh profile of its own. */
export async function startDriver(name) {
  const engine = ALL[name];
  if (!existsSync(engine.driver)) throw new Error(`${name}: no driver at ${engine.driver} (bash scripts/tools.sh installs it)`);
  let running = await launch(name);
  const open = (downloads, prefs) => within(SESSION_MS, `${name} opening a browser`,
    new Builder().usingServer(running.url).withCapabilities(engine.capabilities(downloads, prefs)).build());
  return {
    name,
    /** `prefs`: the browser's own settings for this session, where the engine takes them
     *  (Firefox's about:config). A driver that does not open a browser in time is started
     *  again, once. */
    async session(prefs) {
      const downloads = await mkdtemp(join(tmpdir(), `agendum-${name}-downloads-`));
      let driver;
      try {
        driver = await open(downloads, prefs);
      } catch (e) {
        if (!e.message.startsWith('timed out')) throw e;
        console.error(`${e.message}; starting the ${name} driver again`);
        running.stop();
        running = await launch(name);
        driver = await open(downloads, prefs);
      }
      driver.engine = name;
      driver.downloads = downloads;
      // The same window size everywhere, so the same rows are built and visible.
      await driver.manage().window().setRect({ width: 1280, height: 800 }).catch(() => {});
      const quit = driver.quit.bind(driver);
      driver.quit = async () => {
        await within(SESSION_MS, `${name} closing its browser`, quit()).catch(() => {});
        await rm(downloads, { recursive: true, force: true });
      };
      return driver;
    },
    stop() {
      running.stop();
    },
  };
}
