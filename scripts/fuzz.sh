#!/usr/bin/env bash
# Fuzzes the import parsers: feeds `format::load` 1,000,000 inputs (core/tests/fuzz_import.rs),
# split across its three generators (arbitrary bytes, mutations of the TD514 file, JSON of random
# shape), and the Word reader a tenth as many more (core/tests/fuzz_docx.rs: mutated document
# parts, mutated .docx files) and the share-link reader as many (core/tests/fuzz_link.rs: changed
# links, links to changed files), in an optimised build with overflow checks and debug assertions
# on, and checks that nothing panics, every refusal says what went wrong, and whatever loads
# checks, exports and round-trips.
#
#   bash scripts/fuzz.sh            # 1,000,000 inputs
#   bash scripts/fuzz.sh 50000      # fewer (or AGENDUM_FUZZ_CASES=50000)
#   AGENDUM_FUZZ_SEED=123 bash scripts/fuzz.sh   # replay a run (each run prints its seed)
#
# Prints how many inputs ran, how long it took and the number of panics; exits non-zero on any
# failure. Builds into target/fuzz so it neither waits for nor disturbs other builds.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CASES="${1:-${AGENDUM_FUZZ_CASES:-1000000}}"
CASES="${CASES//[,_]/}"
if ! [[ "$CASES" =~ ^[0-9]+$ ]] || [ "$CASES" -eq 0 ]; then
  echo "fuzz: the number of inputs must be a whole number above 0, not '$CASES'" >&2
  exit 2
fi
export AGENDUM_FUZZ_CASES="$CASES"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$ROOT/target/fuzz}"
# The workspace's release profile is tuned for a small wasm file (opt-level "z", fat LTO); the
# fuzzer wants speed, and overflow checks and debug assertions so that arithmetic that wraps in
# a release build is a finding too.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=3
export CARGO_PROFILE_RELEASE_LTO=false
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true
export CARGO_PROFILE_RELEASE_DEBUG_ASSERTIONS=true
export RUST_BACKTRACE=0
export CARGO_TERM_COLOR=never

echo "fuzz: building the fuzz target (release, in $CARGO_TARGET_DIR)"
if ! cargo test --release -p agendum-core --test fuzz_import --test fuzz_docx --test fuzz_link --no-run --quiet; then
  echo "fuzz: FAILED: the fuzz target did not build" >&2
  exit 1
fi

LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
echo "fuzz: running $CASES inputs"
START=$(date +%s.%N)
cargo test --release -p agendum-core --test fuzz_import --test fuzz_docx --test fuzz_link --quiet -- --nocapture --test-threads=2 2>&1 | tee "$LOG"
STATUS=${PIPESTATUS[0]}
END=$(date +%s.%N)

# One line per generator: "fuzz_import <name>: N inputs, L loaded, R refused, P panics, in S s, seed X"
# (the test runner's progress dots may stand before it).
SUMMARY="$(grep -oE 'fuzz_import [^:]+: [0-9]+ inputs, [0-9]+ loaded, [0-9]+ refused, [0-9]+ panics' "$LOG")"
read -r INPUTS LOADED REFUSED PANICS < <(printf '%s\n' "$SUMMARY" | awk -F': ' 'NF > 1 {
    split($2, f, /[ ,]+/); n += f[1]; l += f[3]; r += f[5]; p += f[7]
  } END { print n+0, l+0, r+0, p+0 }')
GENERATORS=$(printf '%s\n' "$SUMMARY" | grep -c 'inputs,')
SECONDS_TAKEN=$(awk -v a="$START" -v b="$END" 'BEGIN { printf "%.1f", b - a }')
RATE=$(awk -v n="$INPUTS" -v a="$START" -v b="$END" 'BEGIN { printf "%.0f", n / (b - a) }')

echo
echo "fuzz: $INPUTS inputs ran ($LOADED loaded, $REFUSED refused) across $GENERATORS generators in ${SECONDS_TAKEN} s ($RATE inputs/s)"
if [ "$STATUS" -ne 0 ] || [ "$PANICS" -ne 0 ] || [ "$GENERATORS" -ne 7 ] || [ "$INPUTS" -lt "$CASES" ]; then
  echo "fuzz: FAILED ($PANICS panics): see the failure and its minimal input above (a Rust string to add as a regression case; the whole input is saved in the file it names)" >&2
  exit 1
fi
echo "0 panics"
