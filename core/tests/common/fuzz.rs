//! The runner the fuzz targets share: a seeded proptest run of one generator that counts what
//! loaded, what was refused and what panicked (quietly: a panic inside an input is recorded with
//! its place, not printed each time), and prints the summary line scripts/fuzz.sh adds up.

use std::cell::{Cell, RefCell};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};

/// The run's size, from `AGENDUM_FUZZ_CASES` (default 2,000); each target takes its share.
pub fn total_cases() -> u32 {
    std::env::var("AGENDUM_FUZZ_CASES")
        .ok()
        .map(|s| s.trim().replace(['_', ','], "").parse().expect("AGENDUM_FUZZ_CASES is a whole number"))
        .unwrap_or(2_000)
}

/// The run's seed, from `AGENDUM_FUZZ_SEED` to replay a run, or from the clock: one for every
/// generator of a test binary, printed by each.
pub fn seed() -> u64 {
    static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *SEED.get_or_init(|| match std::env::var("AGENDUM_FUZZ_SEED") {
        Ok(s) => s.trim().parse().expect("AGENDUM_FUZZ_SEED is a whole number"),
        Err(_) => {
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
            t.as_nanos() as u64 ^ u64::from(std::process::id()).rotate_left(32)
        }
    })
}

thread_local! {
    /// Set while an input runs: its panics are counted and reported once, not printed each time.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Installs, once, a panic hook that keeps quiet for panics inside an input (recording where
/// they happened) and prints every other panic as usual.
fn install_quiet_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                let place =
                    info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
                LAST_PANIC.with(|p| *p.borrow_mut() = place);
            } else {
                default(info);
            }
        }));
    });
}

/// Runs `f` with the panic hook quiet, catching a panic as its message and place.
pub fn quietly<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    install_quiet_hook();
    QUIET.with(|q| q.set(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    r.map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".into());
        format!("{msg}{}", LAST_PANIC.with(|p| p.take()))
    })
}

/// An input as a Rust string literal to add as a regression case, cut short when long; bytes
/// that are not UTF-8 are described by their length alone.
pub fn shown(input: &[u8]) -> String {
    let Ok(text) = std::str::from_utf8(input) else { return format!("{} bytes, not UTF-8", input.len()) };
    let lit = format!("{text:?}");
    if lit.len() <= 3000 {
        lit
    } else {
        let cut = (0..=3000).rev().find(|&i| lit.is_char_boundary(i)).unwrap_or(0);
        format!(
            "{}… ({} more characters; replay with the seed to see it whole)",
            &lit[..cut],
            lit.len() - cut
        )
    }
}

/// Runs `cases` inputs of `strategy` through `exercise` (Ok(true): it loaded; Ok(false): it was
/// refused as it should be; Err: what went wrong). `stream` keeps generators apart under one
/// seed; a failing input is saved in the temporary folder with the extension `ext`.
pub fn run<T: std::fmt::Debug + AsRef<[u8]>>(
    name: &str,
    stream: u64,
    cases: u32,
    ext: &str,
    strategy: impl Strategy<Value = T>,
    exercise: impl Fn(&T) -> Result<bool, String>,
) {
    let seed = seed();
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    key[8..16].copy_from_slice(&stream.to_le_bytes());
    let config = Config { cases, failure_persistence: None, max_shrink_iters: 1024, ..Config::default() };
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &key));
    let (inputs, loaded, refused, panics) =
        (Cell::new(0u64), Cell::new(0u64), Cell::new(0u64), Cell::new(0u64));
    let bump = |c: &Cell<u64>| c.set(c.get() + 1);
    let start = Instant::now();
    let result = runner.run(&strategy, |input| {
        bump(&inputs);
        match quietly(|| exercise(&input)) {
            Ok(Ok(true)) => bump(&loaded),
            Ok(Ok(false)) => bump(&refused),
            Ok(Err(why)) => return Err(TestCaseError::fail(why)),
            Err(p) => {
                bump(&panics);
                return Err(TestCaseError::fail(format!("panicked: {p}")));
            }
        }
        Ok(())
    });
    // The summary line scripts/fuzz.sh adds up.
    println!(
        "fuzz_import {name}: {} inputs, {} loaded, {} refused, {} panics, in {:.1} s, seed {seed}",
        inputs.get(),
        loaded.get(),
        refused.get(),
        panics.get(),
        start.elapsed().as_secs_f64()
    );
    match result {
        Ok(()) => {}
        Err(TestError::Fail(why, input)) => {
            let file = std::env::temp_dir().join(format!("agendum-fuzz-{stream}-{seed}.{ext}"));
            let saved = match std::fs::write(&file, input.as_ref()) {
                Ok(()) => format!("saved whole in {}", file.display()),
                Err(e) => format!("not saved: {e}"),
            };
            panic!(
                "{name}: {why}\nminimal input ({} bytes, {saved}):\n{}\n(replay with AGENDUM_FUZZ_SEED={seed} and the same AGENDUM_FUZZ_CASES)",
                input.as_ref().len(),
                shown(input.as_ref())
            );
        }
        Err(e) => panic!("{name}: {e}"),
    }
}
