#!/usr/bin/env bash
# Runs every check and test Agendum has, installing what is missing first:
#   format, clippy (native and wasm32), native tests, the Word export opened in LibreOffice, a
#   short fuzz run, browser tests (wasm-bindgen-test in headless Chromium and Firefox), the
#   release build, the single-file edition, the end-to-end tests against them (Playwright in
#   Chromium), and the WebDriver suite in Chromium, Firefox and WebKit (tests/webdriver/).
# Ends with one line "N passed, M failed" over all suites; exits non-zero if anything failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"
set +e

PASSED=0
FAILED=0
LOG_DIR="$(mktemp -d)"
export CARGO_TERM_COLOR=never

# A check that is one pass or fail.
step() {
  local name="$1"; shift
  printf '\n==== %s\n' "$name"
  if "$@"; then
    PASSED=$((PASSED + 1)); echo "---- $name: ok"
  else
    FAILED=$((FAILED + 1)); echo "---- $name: FAILED"
  fi
}

# A test suite whose own runner counts its tests; a suite that fails without counting any
# (it did not build) counts as one failure.
suite() {
  local name="$1" kind="$2"; shift 2
  local log="$LOG_DIR/$(echo "$name" | tr ' /' '__').log"
  printf '\n==== %s\n' "$name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local p=0 f=0
  if [ "$kind" = cargo ]; then
    p=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
    f=$(grep -Eo '[0-9]+ failed;' "$log" | awk '{s+=$1} END {print s+0}')
  elif [ "$kind" = node ]; then
    # node --test's spec reporter ends with "ℹ pass N" and "ℹ fail N".
    p=$(grep -Eo '^ℹ pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
    f=$(grep -Eo '^ℹ fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
  else
    p=$(grep -Eo '^ *[0-9]+ passed' "$log" | awk '{s+=$1} END {print s+0}')
    f=$(grep -Eo '^ *[0-9]+ (failed|flaky)' "$log" | awk '{s+=$1} END {print s+0}')
  fi
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
  echo "---- $name: $p passed, $f failed"
}

step "rustfmt" cargo fmt --all --check
step "clippy (native)" cargo clippy --workspace --all-targets --quiet -- -D warnings
step "clippy (wasm32)" cargo clippy -p agendum-app --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
suite "native tests" cargo cargo test --workspace
suite "Word export in LibreOffice (core/tests/docx_libreoffice.rs)" cargo \
  cargo test -p agendum-core --test docx_libreoffice -- --ignored
# The short run of the import fuzzer; `bash scripts/fuzz.sh` alone runs the long one (1,000,000).
step "fuzz the import parser (scripts/fuzz.sh, 20,000 inputs)" bash scripts/fuzz.sh 20000
suite "browser tests (wasm-bindgen-test, headless Chromium)" cargo \
  env CHROMEDRIVER=/usr/bin/chromedriver CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p agendum-app --target wasm32-unknown-unknown
# The same tests in Firefox ESR; the JSON names Debian's binary, which is not called firefox.
suite "browser tests (wasm-bindgen-test, headless Firefox)" cargo \
  env GECKODRIVER="$(command -v geckodriver)" WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver/wasm-firefox.json" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test -p agendum-app --target wasm32-unknown-unknown
step "release build (trunk build --release)" trunk build --release
step "single-file edition (scripts/build-single.sh)" bash scripts/build-single.sh
if [ -f dist/index.html ]; then
  # A free port, so a server left running elsewhere on the machine cannot break the run.
  E2E_PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  export E2E_PORT
  suite "end-to-end tests (Playwright, release build)" playwright \
    npx playwright test --config tests/e2e/playwright.config.mjs
  # A test that hangs (a browser gone without its driver noticing) fails after ten minutes
  # instead of holding the run.
  suite "end-to-end tests in Chromium, Firefox and WebKit (WebDriver, tests/webdriver/)" node \
    node --test --test-concurrency=1 --test-timeout=600000 --test-reporter=spec tests/webdriver/*.test.mjs
else
  FAILED=$((FAILED + 1)); echo "---- end-to-end tests: skipped, no release build"
fi

rm -rf "$LOG_DIR"
printf '\n%s passed, %s failed\n' "$PASSED" "$FAILED"
[ "$FAILED" -eq 0 ]
