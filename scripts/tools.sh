#!/usr/bin/env bash
# Installs what building and testing Agendum needs, skipping whatever is already there at the
# right version, so a warm machine passes through in seconds. Sourced by serve.sh and test.sh;
# it puts the project's own tools (wasm-opt from the npm package binaryen) first on PATH.
# Nothing here downloads a prebuilt binary: Rust tools build from crates.io, the browser and its
# driver come from Debian, JavaScript tools from the npm registry.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '==> %s\n' "$*"; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing from Debian: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# Rust: the wasm target and the components the checks use.
if ! command -v cargo >/dev/null; then
  echo "cargo is missing: install Rust with rustup first" >&2
  exit 1
fi
rustup target list --installed | grep -qx wasm32-unknown-unknown || { say "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy

# The browsers and their drivers (Chromium; Firefox ESR; WebKitGTK's MiniBrowser with
# WebKitWebDriver, with Xvfb for the display MiniBrowser needs), pdftotext for the print tests,
# and LibreOffice for the Word export's.
apt_install chromium chromium-driver firefox-esr webkit2gtk-driver xvfb poppler-utils libreoffice-writer-nogui
command -v node >/dev/null || apt_install nodejs npm

# Trunk, at the version that builds with this machine's rustc.
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "building trunk $TRUNK_VERSION (about 10 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen must equal the version in Cargo.lock, or Trunk and the test runner refuse it.
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' "$ROOT/Cargo.lock")"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
  say "building wasm-bindgen-cli $WBG_VERSION"
  # Not --locked: its lockfile names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "=$WBG_VERSION"
fi

# geckodriver, Firefox's WebDriver, which Debian does not package.
GECKODRIVER_VERSION="0.37.1"
if [ "$(geckodriver --version 2>/dev/null | awk 'NR == 1 {print $2}')" != "$GECKODRIVER_VERSION" ]; then
  say "building geckodriver $GECKODRIVER_VERSION (a few minutes)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# JavaScript tools: binaryen's wasm-opt for release builds (Debian's is too old and breaks
# them), Playwright, selenium-webdriver and axe-core for the end-to-end tests. Reinstalled when
# the lock changes.
LOCK_SUM="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
if [ "$(cat "$ROOT/node_modules/.agendum-lock" 2>/dev/null)" != "$LOCK_SUM" ]; then
  say "installing npm packages"
  (cd "$ROOT" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  echo "$LOCK_SUM" > "$ROOT/node_modules/.agendum-lock"
fi
