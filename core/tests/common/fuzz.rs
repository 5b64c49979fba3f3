//! The runner the fuzz targets share: a seeded proptest run of one generator that counts what
//! loaded, what was refused and what panicked, and prints the summary line scripts/fuzz.sh
//! adds up.

use std::cell::Cell;
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

/// The run's seed, from `AGENDUM_FUZZ_SEED` to replay a run, or from the clock.
pub fn seed() -> u64 {
    match std::env::var("AGENDUM_FUZZ_SEED") {
        Ok(s) => s.trim().parse().expect("AGENDUM_FUZZ_SEED is a whole number"),
        Err(_) => {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos()
                as u64
        }
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
    let config = Config { cases, failure_persistence: None, max_shrink_iters: 256, ..Config::default() };
    let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &key));
    let (inputs, loaded, refused, panics) =
        (Cell::new(0u64), Cell::new(0u64), Cell::new(0u64), Cell::new(0u64));
    let bump = |c: &Cell<u64>| c.set(c.get() + 1);
    let start = Instant::now();
    let result = runner.run(&strategy, |input| {
        bump(&inputs);
        match catch_unwind(AssertUnwindSafe(|| exercise(&input))) {
            Ok(Ok(true)) => bump(&loaded),
            Ok(Ok(false)) => bump(&refused),
            Ok(Err(why)) => return Err(TestCaseError::fail(why)),
            Err(_) => {
                bump(&panics);
                return Err(TestCaseError::fail("panicked"));
            }
        }
        Ok(())
    });
    // The summary line scripts/fuzz.sh adds up, as the import target prints it.
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
                Ok(()) => format!("saved in {}", file.display()),
                Err(e) => format!("not saved: {e}"),
            };
            panic!("{name}: {why}\nminimal input: {} bytes, {saved} (replay with AGENDUM_FUZZ_SEED={seed} and the same AGENDUM_FUZZ_CASES)", input.as_ref().len());
        }
        Err(e) => panic!("{name}: {e}"),
    }
}
