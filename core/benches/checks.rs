//! How long `check` takes on agendas of 50, 500 and 5,000 items with twice as many register
//! entries, and at plenary scale, 2,000 items with 5,000 entries and ten times that (the editor
//! runs it on every keystroke, so it must stay linear). Criterion measures; afterwards a plain
//! timed loop prints figures that read without Criterion's output:
//!
//!     cargo bench -p agendum-core --bench checks -- --warm-up-time 1 --measurement-time 2

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};

use agendum_core::docref::{DocNumber, DocRef};
use agendum_core::model::{Annex, AnnexId, EntryId, FutureMeeting, FutureMeetingId, SessionId};
use agendum_core::time::{Date, Time};
use agendum_core::{check, Agenda, Item, ItemId, RegisterEntry, Session};

/// Items and register entries.
const SIZES: [(usize, usize); 5] =
    [(50, 100), (500, 1_000), (5_000, 10_000), (2_000, 5_000), (20_000, 50_000)];
const ITEMS_PER_SESSION: usize = 50;
const RUNS: usize = 21;

/// A small deterministic generator, so every run benchmarks the same agendas.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u32) -> u32 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % u64::from(n)) as u32
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u32) as usize]
    }
}

const WORDS: &[&str] = &[
    "strategic",
    "operational",
    "plan",
    "industry",
    "engagement",
    "workshop",
    "report",
    "draft",
    "ITU-T",
    "review",
    "metrics",
    "input",
    "Council",
    "working",
    "group",
    "terms",
    "reference",
    "liaison",
    "statement",
    "progress",
    "standardization",
    "gap",
    "analysis",
    "roadmap",
];
const SOURCES: &[&str] =
    &["TSB", "Rapporteur, RG-SOP", "Rapporteur, RG-IEM", "Ericsson Canada; Canada", "ITU/SG/SPM"];
const CATEGORIES: &[&str] =
    &["Admin", "Report", "Information", "Contribution", "Liaison", "Output", "infomration"];
const ACTIONS: &[&str] =
    &["To note", "To consider", "To discuss", "To approve", "To be approved by WP2 Plenary"];

fn title(rng: &mut Rng) -> String {
    let n = 3 + rng.below(6);
    let words: Vec<&str> = (0..n).map(|_| rng.pick(WORDS)).collect();
    let t = words.join(" ");
    t[..1].to_uppercase() + &t[1..]
}

/// Numbers handed out so far, and how many documents are cited, for the planted findings.
struct Counters {
    item: u32,
    doc: u32,
    cited: u32,
}

/// One item citing one or two new documents, each added to the register but one in 41 (a
/// document not registered yet), one item in 23 registered under another title.
fn item(rng: &mut Rng, next: &mut Counters, register: &mut Vec<RegisterEntry>) -> Item {
    let t = title(rng);
    let source = rng.pick(SOURCES).to_string();
    let mut item = Item::new(ItemId(next.item), &t);
    next.item += 1;
    item.source = source.clone();
    for k in 0..1 + rng.below(2) {
        let series = if rng.below(5) == 0 { "C" } else { "TD" };
        let revision = if rng.below(4) == 0 { format!("R{}", 1 + rng.below(2)) } else { String::new() };
        let number = format!("{series}{}{revision}", next.doc);
        next.doc += 1;
        let mut r = DocRef::new(&number);
        r.introduced = rng.below(3) != 0;
        if k == 0 && rng.below(8) == 0 {
            r.note = "Output of RG-IEM meeting".into();
        }
        item.docs.push(r);
        next.cited += 1;
        let category = rng.pick(CATEGORIES).into();
        if next.cited.is_multiple_of(41) {
            continue;
        }
        let title = if next.item.is_multiple_of(23) && k == 0 {
            let rest: Vec<&str> = t.split(' ').skip(1).collect();
            format!("{} workplan", rest.join(" "))
        } else {
            t.clone()
        };
        register.push(RegisterEntry {
            id: EntryId(register.len() as u32 + 1),
            number: DocNumber::parse(&number),
            category,
            source: source.clone(),
            title,
        });
    }
    item.actions.push(rng.pick(ACTIONS).into());
    if rng.below(3) == 0 {
        item.summary = format!("{} Meeting report to be found in TD515; see 1.1.", title(rng));
    }
    if rng.below(4) == 0 {
        item.notes = "Presented at TSAG Plenary.".into();
    }
    item
}

/// An agenda of `items` items: sessions of 50, top-level items with 0–3 sub-items each, every
/// item citing one or two documents (some not to be introduced, some at a revision), every
/// top-level item timed, texts citing documents and items, and `entries` register entries (the
/// cited documents, then uncited ones). The same agenda as bench/generate.mjs writes.
fn generated(items: usize, entries: usize) -> Agenda {
    let mut rng = Rng(0x5eed_0000 + items as u64);
    let days = [(7, 29), (7, 30), (7, 31), (8, 1), (8, 2)];
    let mut a = Agenda {
        id: format!("bench-{items}"),
        document: "TD514".into(),
        title: "Agenda, RG-SOP".into(),
        source: "Rapporteur, RG-SOP".into(),
        group: "TSAG RG-SOP".into(),
        meeting: "TSAG meeting".into(),
        place: "Geneva".into(),
        start_date: Date::new(2024, 7, 29),
        end_date: Date::new(2024, 8, 2),
        time_zone: "Europe/Zurich".into(),
        time_zone_label: "Geneva time".into(),
        abstract_text: "This TD provides the draft agenda (see Annex B).".into(),
        action_required: "RG-SOP is invited to adopt this agenda".into(),
        link_template: "https://www.itu.int/md/T22-TSAG-{number}".into(),
        ..Agenda::default()
    };
    a.register.push(RegisterEntry {
        id: EntryId(1),
        number: DocNumber::parse("TD514"),
        category: "Admin".into(),
        source: a.source.clone(),
        title: a.title.clone(),
    });
    let mut next = Counters { item: 1, doc: 1000, cited: 0 };
    let mut made = 0usize;
    let mut session_no = 0u32;
    while made < items {
        let (m, d) = days[session_no as usize % days.len()];
        let mut s = Session {
            id: SessionId(session_no + 1),
            date: Date::new(2024, m, d),
            day_label: String::new(),
            start: Time::from_hm(9, 0),
            end: Time::from_hm(17, 30),
            title: format!("Session {}", session_no + 1),
            items: Vec::new(),
        };
        let in_session = (items - made).min(ITEMS_PER_SESSION);
        let mut here = 0;
        let mut minute = 9 * 60;
        while here < in_session {
            let mut top = item(&mut rng, &mut next, &mut a.register);
            top.start = Time::from_hm((minute / 60) as u8, (minute % 60) as u8);
            minute += 5 + rng.below(10);
            here += 1;
            let subs = rng.below(4) as usize;
            for _ in 0..subs.min(in_session - here) {
                let mut sub = item(&mut rng, &mut next, &mut a.register);
                if rng.below(3) == 0 {
                    sub.duration = Some(5);
                }
                top.children.push(sub);
                here += 1;
            }
            s.items.push(top);
        }
        made += here;
        a.sessions.push(s);
        session_no += 1;
    }
    a.register.push(RegisterEntry {
        id: EntryId(a.register.len() as u32 + 1),
        number: DocNumber::parse("TD515"),
        category: "Report".into(),
        source: a.source.clone(),
        title: "Reserved for: Report, RG-SOP".into(),
    });
    while a.register.len() < entries {
        let t = title(&mut rng);
        a.register.push(RegisterEntry {
            id: EntryId(a.register.len() as u32 + 1),
            number: DocNumber::parse(&format!("TD{}", next.doc)),
            category: rng.pick(CATEGORIES).into(),
            source: rng.pick(SOURCES).into(),
            title: t,
        });
        next.doc += 1;
    }
    a.annexes.push(Annex { id: AnnexId(1), title: "Terms of Reference".into(), body: "- One\n- Two".into() });
    a.future_meetings.push(FutureMeeting {
        id: FutureMeetingId(1),
        date: Date::new(2024, 9, 4),
        start: Time::from_hm(14, 0),
        end: Time::from_hm(15, 30),
        timing: String::new(),
        subject: "To finalize the 1st TSAG input to CWG-SFP.".into(),
    });
    a
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("checks");
    for (n, entries) in SIZES {
        let a = generated(n, entries);
        group.bench_with_input(BenchmarkId::from_parameter(format!("{n}x{entries}")), &a, |b, a| {
            b.iter(|| check(black_box(a)))
        });
    }
    group.finish();
}

/// Median time of `check` over `RUNS` runs, after one warm-up run.
fn median(a: &Agenda) -> Duration {
    black_box(check(a));
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            black_box(check(black_box(a)));
            t.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn plain_figures() {
    println!();
    let mut medians = Vec::new();
    for (n, entries) in SIZES {
        let a = generated(n, entries);
        let findings = check(&a).len();
        let m = median(&a);
        println!(
            "checks {n} items: {:.3} ms (median of {RUNS}; {} register entries, {findings} findings)",
            m.as_secs_f64() * 1e3,
            a.register.len()
        );
        medians.push(m);
    }
    let ratio = |big: usize, small: usize| medians[big].as_secs_f64() / medians[small].as_secs_f64();
    println!("scaling 5000 vs 500 items: {:.1}x (10x is linear)", ratio(2, 1));
    println!("scaling 20000 vs 2000 items: {:.1}x (10x is linear)", ratio(4, 3));
}

/// One check pass, its findings dropped as the editor drops the last keystroke's: a function of
/// its own, for `valgrind --toggle-collect=checks::pass`.
#[inline(never)]
fn pass(a: &Agenda) {
    black_box(check(black_box(a)));
}

fn main() {
    // AGENDUM_PROFILE=500 runs one check pass of a 500-item agenda (AGENDUM_ENTRIES register
    // entries, twice the items by default) and nothing else, for
    // `valgrind --tool=callgrind` to count where the time goes; AGENDUM_PASSES=1000 runs that
    // many, for a sampling profiler (perf); AGENDUM_DUMP=1 then prints the findings, to show that
    // a change made for speed left them as they were.
    if let Some(n) = std::env::var("AGENDUM_PROFILE").ok().and_then(|v| v.parse::<usize>().ok()) {
        let entries = std::env::var("AGENDUM_ENTRIES").ok().and_then(|v| v.parse().ok()).unwrap_or(2 * n);
        let a = generated(n, entries);
        let passes = std::env::var("AGENDUM_PASSES").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
        for _ in 0..passes {
            pass(&a);
        }
        if std::env::var_os("AGENDUM_DUMP").is_some() {
            for f in check(&a) {
                println!("{f:?}");
            }
        }
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
    plain_figures();
}
