//! Times `agendum_core::export::html`, `export::docx`, the Word reader on that .docx,
//! `format::save` and `format::record` (and, for reference, `format::load` and `check`) on an
//! agenda file, and prints one JSON object per figure for
//! bench/report.mjs:
//!
//!     agendum-bench-native FILE [RUNS]
//!
//! Each figure is the median of RUNS timed runs (21 by default) after one warm-up run.

use std::hint::black_box;
use std::time::Instant;

use agendum_core::{check, export, format};

fn median_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    black_box(f());
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: agendum-bench-native FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(21);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2);
    });
    let agenda = match format::load(&text) {
        Ok(l) => l.agenda,
        Err(e) => {
            eprintln!("cannot load {path}: {e}");
            std::process::exit(2);
        }
    };
    let items = agenda.rows().len();
    let entries = agenda.register.len();
    let html = export::html(&agenda);
    let json = format::save(&agenda);
    let figure = |name: &str, ms: f64, bytes: usize| {
        println!(
            "{{\"figure\":\"native.{name}\",\"ms\":{ms:.4},\"bytes\":{bytes},\"runs\":{runs},\"items\":{items},\"entries\":{entries}}}"
        );
    };
    figure("export.html", median_ms(runs, || export::html(black_box(&agenda))), html.len());
    let word = export::docx(&agenda);
    figure("export.docx", median_ms(runs, || export::docx(black_box(&agenda))), word.len());
    figure("import.docx", median_ms(runs, || agendum_core::import::docx::read(black_box(&word), "bench").is_ok()), word.len());
    figure("export.json", median_ms(runs, || format::save(black_box(&agenda))), json.len());
    figure("save.record", median_ms(runs, || format::record(black_box(&agenda))), format::record(&agenda).len());
    figure("load.json", median_ms(runs, || format::load(black_box(&text)).is_ok()), text.len());
    figure("checks", median_ms(runs, || check(black_box(&agenda)).len()), 0);
}
