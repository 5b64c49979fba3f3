#!/usr/bin/env bash
# Measures Agendum against its performance goals and prints one line per figure: name, value,
# unit, the goal, and PASS or MISS (REF for figures kept for reference). Builds what it needs:
#   - dist/, the editor's release build, only when it is missing (BENCH_REBUILD=1 rebuilds it);
#     the run measures a copy, so a build finishing meanwhile cannot pull files from under it;
#   - bench/floor, the smallest Leptos CSR page, with the same versions, profile and wasm-opt, in
#     every run (target/floor; incremental after the first time);
#   - bench/native, the export timings over agendum-core (target/bench-native);
#   - the generated agendas (bench/generate.mjs) in target/bench/: 500 items with 1,000
#     register entries, and 2,000 items with 5,000 (a plenary's, issue #20).
# Figures (issue #20's goals, in bench/report.mjs): bundle sizes (raw, gzip -9, brotli), and the
# first use of each rare action (bench/rare.mjs); cold load and repeat visits against the floor
# (bench/cold-load.mjs); opening each generated agenda from the library (bench/open.mjs); typing
# latency, re-renders and memory at 500 and 2,000 items (bench/typing.mjs); the checks benchmark
# up to 20,000 items (cargo bench); HTML, Word and JSON export (bench/native); saving at 500 and
# 2,000 items (bench/save.mjs); the library's start-up with 50 large agendas beside 5
# (bench/library.mjs). Browser figures run in Debian's headless Chromium against
# bench/serve.mjs on free ports. The whole run takes about 8 minutes on the project's 2-core
# machine once built.
#
# Memory, after opening the 2,000-item agenda and typing 100 keys: the wasm memory at most
# 64 MiB (it holds the agenda, its undo history, the findings and, while saving, the record's
# text, and never shrinks: about 25 times the 2.3 MiB file leaves room for all of that with the
# allocator's slack) and the JS heap at most 16 MiB (the glue's objects only; the rows are DOM).
# Together less than an ordinary web mail page takes, so the editor beside a video call on a
# 4-8 GB laptop pushes nothing into swap. The goals, with these reasons, are in bench/report.mjs.
#
# Run it after `bash scripts/test.sh` has installed the tools. The machine's load shows in the
# timings: the header prints it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

START=$(date +%s)
WORK="$ROOT/target/bench"
LOGS="$WORK/logs"
RESULTS="$WORK/results.jsonl"
mkdir -p "$WORK" "$LOGS"
: > "$RESULTS"
export BENCH_RESULTS="$RESULTS"
export CARGO_TERM_COLOR=never

say() { printf '==> %s\n' "$*"; }
# Runs a step with its output in a log; on failure shows the end of the log and carries on, so
# the other figures are still measured (the report marks what is missing).
FAILED_STEPS=()
run() {
  local name="$1"; shift
  local log="$LOGS/$name.log"
  if "$@" > "$log" 2>&1; then
    return 0
  fi
  echo "!!! $name failed; the end of $log:" >&2
  tail -n 25 "$log" >&2
  FAILED_STEPS+=("$name")
  return 1
}

SERVERS=()
cleanup() {
  for pid in "${SERVERS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

printf 'Agendum benchmark, %s\n' "$(date -u '+%Y-%m-%d %H:%M UTC')"
printf 'commit %s%s; %s cores, load average %s\n' "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
  "$( [ -n "$(git status --porcelain -- src core cli style index.html Cargo.toml Cargo.lock Trunk.toml static 2>/dev/null)" ] && echo ' with uncommitted changes')" \
  "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"

# 1. The editor's release build, and a private copy of it to serve.
if [ "${BENCH_REBUILD:-0}" = 1 ] || [ ! -f dist/index.html ] || ! ls dist/agendum-app-*_bg.wasm >/dev/null 2>&1; then
  say "building the editor (trunk build --release)"
  run editor-build trunk build --release || { echo "cannot measure without dist/" >&2; exit 1; }
else
  newer="$(find src core/src style static index.html Cargo.toml Cargo.lock Trunk.toml -newer "$(ls dist/agendum-app-*_bg.wasm | head -n 1)" -type f 2>/dev/null | head -n 3 | tr '\n' ' ' || true)"
  if [ -n "$newer" ]; then
    say "note: dist/ is older than ${newer}— measuring it as it is; BENCH_REBUILD=1 rebuilds it"
  fi
fi
# A copy whose index.html names files it holds (a build replacing dist/ at that moment would
# leave a mix: try again).
complete_copy() {
  rm -rf "$WORK/app-dist"
  cp -r dist "$WORK/app-dist" 2>/dev/null || return 1
  rm -rf "$WORK/app-dist/.stage"
  local f
  for f in $(grep -oE '(src|href)="/[^"]+\.(js|wasm|css)"' "$WORK/app-dist/index.html" | sed -E 's/.*="\/([^"]+)"/\1/'); do
    [ -f "$WORK/app-dist/$f" ] || return 1
  done
}
for attempt in 1 2 3 4 5 6; do
  complete_copy && break
  [ "$attempt" = 6 ] && { echo "dist/ stays incomplete (a build in progress?)" >&2; exit 1; }
  sleep 10
done
say "editor build: $(basename "$(ls "$WORK"/app-dist/agendum-app-*_bg.wasm)")"

# 2. The floor, built like the editor in this same run.
say "building the floor page (bench/floor, trunk build --release)"
run floor-build env CARGO_TARGET_DIR="$ROOT/target/floor" sh -c 'cd bench/floor && trunk build --release' || true
FLOOR_DIST="$ROOT/target/floor/dist"

# 3. Sizes.
say "measuring bundle sizes"
run sizes-editor node bench/sizes.mjs app "$WORK/app-dist" || true
if [ -f "$FLOOR_DIST/index.html" ]; then run sizes-floor node bench/sizes.mjs floor "$FLOOR_DIST" || true; fi

# 4. The generated agendas: 500 items with 1,000 register entries; 2,000 with 5,000.
AGENDA="$WORK/agenda-500.agenda.json"
BIG="$WORK/agenda-2000.agenda.json"
node bench/generate.mjs "$AGENDA" 500 > "$WORK/agenda-500.json"
node bench/generate.mjs "$BIG" 2000 5000 > "$WORK/agenda-2000.json"
label_of() { node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).title_label)' "$1"; }
TITLE_LABEL="$(label_of "$WORK/agenda-500.json")"
BIG_LABEL="$(label_of "$WORK/agenda-2000.json")"
for g in "$WORK/agenda-500.json" "$WORK/agenda-2000.json"; do
  say "generated $(node -e 'const g = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(`${g.items} items, ${g.entries} register entries; typing into "${g.title_label}"`)' "$g")"
done

# 5. Export, native.
say "timing exports (bench/native)"
if run native-build env CARGO_TARGET_DIR="$ROOT/target/bench-native" cargo build --release --manifest-path bench/native/Cargo.toml; then
  run native-export sh -c '"$1" "$2" 21 >> "$3"' _ "$ROOT/target/bench-native/release/agendum-bench-native" "$AGENDA" "$RESULTS" || true
fi

# 6. The checks benchmark.
say "running the checks benchmark (cargo bench, 50 to 20,000 items; about a minute once built)"
if run checks-bench cargo bench -p agendum-core --bench checks -- --warm-up-time 1 --measurement-time 3; then
  grep -E '^checks [0-9]+ items: [0-9.]+ ms' "$LOGS/checks-bench.log" | while IFS= read -r l; do
    n="$(sed -E 's/^checks ([0-9]+) items: .*/\1/' <<<"$l")"
    v="$(sed -E 's/^checks [0-9]+ items: ([0-9.]+) ms.*/\1/' <<<"$l")"
    d="$(sed -E 's/^[^(]*\((.*)\)$/\1/; s/["\\]//g' <<<"$l")"
    printf '{"figure":"checks","items":%s,"ms":%s,"detail":"%s"}\n' "$n" "$v" "$d" >> "$RESULTS"
  done
  sed -nE 's/^scaling ([0-9]+) vs ([0-9]+) items: ([0-9.]+)x.*/\1 \2 \3/p' "$LOGS/checks-bench.log" | while read -r to from r; do
    printf '{"figure":"checks.scaling","from":%s,"to":%s,"ratio":%s}\n' "$from" "$to" "$r" >> "$RESULTS"
  done
fi

# 7. The browser figures, against both builds served on free ports.
read -r APP_PORT FLOOR_PORT < <(node -e '
  const net = require("net");
  const a = net.createServer(), b = net.createServer();
  a.listen(0, "127.0.0.1", () => b.listen(0, "127.0.0.1", () => {
    console.log(a.address().port, b.address().port); a.close(); b.close();
  }));')
node bench/serve.mjs "$WORK/app-dist" "$APP_PORT" > "$LOGS/serve-editor.log" 2>&1 &
SERVERS+=("$!")
node bench/serve.mjs "$FLOOR_DIST" "$FLOOR_PORT" > "$LOGS/serve-floor.log" 2>&1 &
SERVERS+=("$!")
for port in "$APP_PORT" "$FLOOR_PORT"; do
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
    sleep 0.1
  done
done
APP_URL="http://127.0.0.1:$APP_PORT"
FLOOR_URL="http://127.0.0.1:$FLOOR_PORT"

say "cold load: editor with TD514 vs floor, 10 fresh contexts each; repeat visits, 3 contexts each"
if [ -f "$FLOOR_DIST/index.html" ]; then
  run cold-load node bench/cold-load.mjs "$APP_URL" "$FLOOR_URL" core/tests/fixtures/td514.agenda.json 10 3 || true
fi
say "opening from the library: 500 and 2,000 items, 5 fresh contexts each"
run open node bench/open.mjs "$APP_URL" 5 "500=$AGENDA" "2000=$BIG" || true
say "typing: 100 key presses at 500 items"
run typing-500 node bench/typing.mjs "$APP_URL" "$AGENDA" "$TITLE_LABEL" 100 500 || true
say "typing and memory: 100 key presses at 2,000 items"
run typing-2000 node bench/typing.mjs "$APP_URL" "$BIG" "$BIG_LABEL" 100 2000 || true
say "the first use of each rare action (Word, calendar, share link, report), 3 fresh contexts each"
run rare node bench/rare.mjs "$APP_URL" "$AGENDA" core/tests/fixtures/td514.agenda.json 3 || true
say "saving: localStorage.setItem (the save as a page is left) and the editor's autosave at 500 items (21 each) and 2,000 items (11)"
run save-500 node bench/save.mjs "$APP_URL" "$AGENDA" "$TITLE_LABEL" 21 500 || true
run save-2000 node bench/save.mjs "$APP_URL" "$BIG" "$BIG_LABEL" 11 2000 || true
say "the library's start-up with 50 agendas of 500 items and 10 revisions each, beside 5 (7 reloads each)"
run library node bench/library.mjs "$APP_URL" "$AGENDA" 7 || true

# 8. The figures.
echo
node bench/report.mjs "$RESULTS"
[ ${#FAILED_STEPS[@]} -eq 0 ] || echo "steps that failed: ${FAILED_STEPS[*]} (logs in ${LOGS#"$ROOT"/})"
echo "took $(( $(date +%s) - START )) s; raw results in ${RESULTS#"$ROOT"/}"
