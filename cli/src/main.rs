//! `agendum`: the command-line front end over the core: check an agenda file, export it, compare
//! two files of it, print the file format's schema. Exit codes: 0 fine, 1 an error-level finding
//! (for `diff`: the files differ), 2 the file or the command line could not be used.

use std::io::Write;
use std::process::ExitCode;

use agendum_core::checks::{with_time_zone_on, FieldNames};
use agendum_core::export::IcsOptions;
use agendum_core::schedule::schedule;
use agendum_core::second_zone::second_zone;
use agendum_core::time::Date;
use agendum_core::zones::{Instant, Tzdb};
use agendum_core::{bundle, export, format, Severity};

const USAGE: &str = "\
usage: agendum check [--json] [--today YYYY-MM-DD] FILE
       agendum export --html FILE [--also-in ZONE] [--marked]
       agendum export --report FILE [--docx]
       agendum export --docx FILE [--marked]
       agendum export --json FILE
       agendum export --link FILE
       agendum export --ics FILE [--items] [--sequence N]
       agendum import FILE.docx
       agendum import LINK
       agendum diff [--json] OLD NEW
       agendum bundle FILE...
       agendum unbundle BUNDLE DIR
       agendum schema
       agendum codes

  check    print the findings; exit 1 if any is an error, 2 if FILE cannot be read; with
           --today, items of sessions dated before it need an outcome (as all do once the
           agenda is marked held)
  export   write the printable HTML agenda (--also-in UTC or an IANA zone gives every
           time in that zone too, on each session's date; --marked marks what changed since
           its last published revision), the meeting report's skeleton
           (--report, HTML, or Word with --docx: each item's documents with their statuses
           and its outcome, then every document with its status), the Word TD (.docx;
           --marked gives what changed since its last published revision as Word's tracked
           changes, by \"Agendum\" at the publication's date, for Accept All to make the clean
           copy), the file in the current
           format, its share link's part after the editor's address (#/shared/…), or the
           calendar (.ics: one event per session, --items one per timed item too, in UTC), to
           stdout; the calendar's SEQUENCE is the agenda's revision unless --sequence says
           otherwise, and what it leaves out goes to stderr
  import   read an agenda made in Word, or the agenda of a share link (the whole address or
           its #/shared/… part), and write it as an agenda file to stdout; what was read goes
           to stderr
  diff     print what changed from OLD to NEW, two files of one agenda, one change a line
           (words marked [-deleted-]{+inserted+}); exit 1 if they differ, 0 if not
  bundle   write one bundle holding every agenda FILE, as the library's Export all does, to
           stdout
  unbundle write each agenda of BUNDLE (from Export all, or from bundle) as an agenda file
           of its own into DIR, made if missing, never over a file already there; the files
           written go to stdout, one a line; exit 1 if an agenda in it cannot be read (the
           others are written)
  schema   print the JSON Schema of the agenda file format
  codes    list the check codes and what they mean";

fn read(path: &str) -> Result<agendum_core::Agenda, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read the file: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{path}: the file is not UTF-8 text"))?;
    let loaded = format::load(&text).map_err(|e| format!("{path}: {e}"))?;
    if let Some(v) = loaded.migrated_from {
        eprintln!("{path}: read from format version {v} and migrated to version {}", format::FORMAT_VERSION);
    }
    Ok(loaded.agenda)
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut out = std::io::stdout().lock();
    let io = |e: std::io::Error| format!("cannot write the output: {e}");
    match words.as_slice() {
        ["check", rest @ ..] => {
            let (mut json, mut today, mut files) = (false, None, Vec::new());
            let mut words = rest.iter();
            while let Some(w) = words.next() {
                match *w {
                    "--json" => json = true,
                    "--today" => {
                        let d = words.next().ok_or_else(|| format!("--today needs a date\n{USAGE}"))?;
                        let date = Date::read_typed(d).map_err(|e| format!("--today: {}\n{USAGE}", e.0))?;
                        today = Some(date);
                    }
                    bad if bad.starts_with("--") => return Err(format!("unknown option {bad}\n{USAGE}")),
                    file => files.push(file),
                }
            }
            let [path] = files.as_slice() else {
                return Err(USAGE.into());
            };
            let agenda = read(path)?;
            let findings = with_time_zone_on(&agenda, &Tzdb, today);
            let names = FieldNames::new(&agenda);
            for f in &findings {
                let where_ = names.name(f.field);
                if json {
                    let line = serde_json::json!({
                        "code": f.code,
                        "severity": f.severity,
                        "where": where_,
                        "field": f.field,
                        "message": f.message,
                        "fix": f.fix.as_ref().map(|x| x.label.clone()),
                    });
                    writeln!(out, "{line}").map_err(io)?;
                } else {
                    write!(out, "{where_}: {} [{}] {}", f.severity.name(), f.code, f.message).map_err(io)?;
                    if let Some(fix) = &f.fix {
                        write!(out, " (fix: {})", fix.label).map_err(io)?;
                    }
                    writeln!(out).map_err(io)?;
                }
            }
            let count = |s| findings.iter().filter(|f| f.severity == s).count();
            if !json {
                let [e, w, n] =
                    [Severity::Error, Severity::Warning, Severity::Note].map(|s| s.counted(count(s)));
                writeln!(out, "{path}: {e}, {w}, {n}").map_err(io)?;
            }
            Ok(if count(Severity::Error) > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
        }
        ["export", rest @ ..] if rest.contains(&"--html") => {
            let (path, also_in, marked) = html_options(rest)?;
            let agenda = read(path)?;
            let second = match also_in {
                None => None,
                Some(zone) => Some(
                    second_zone(&Tzdb, &agenda, &schedule(&agenda), zone)
                        .map_err(|e| format!("{path}: no times in {zone}: {e}"))?,
                ),
            };
            let html = if marked {
                export::html_marked(&agenda, second.as_ref(), &marks(path, &agenda)?)
            } else {
                export::html_in(&agenda, second.as_ref())
            };
            out.write_all(html.as_bytes()).map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        ["export", rest @ ..] if rest.iter().any(|w| *w == "--report" || *w == "--docx") => {
            let asked = word_options(rest)?;
            let path = asked.path;
            let agenda = read(path)?;
            if asked.report && agenda.report.trim().is_empty() {
                eprintln!("{path}: the agenda names no report number; the report is printed without one");
            }
            let bytes = match (asked.report, asked.docx, asked.marked) {
                (true, _, true) => {
                    return Err(format!(
                        "--marked marks the agenda's changes since a revision; the report has none of its own\n{USAGE}"
                    ))
                }
                (true, false, false) => export::report(&agenda).into_bytes(),
                (true, true, false) => export::report_docx(&agenda),
                (false, _, true) => export::docx_marked(&agenda, &marks(path, &agenda)?),
                (false, _, false) => export::docx(&agenda),
            };
            out.write_all(&bytes).map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        ["export", "--json", path] | ["export", path, "--json"] => {
            let agenda = read(path)?;
            out.write_all(format::save(&agenda).as_bytes()).map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        ["export", "--link", path] | ["export", path, "--link"] => {
            let agenda = read(path)?;
            let f = agendum_core::share::fragment(&agenda);
            if f.len() > agendum_core::share::MAX_LINK_CHARS {
                return Err(format!(
                    "{path}: the agenda is too large for a link ({} characters; links are at most {}): send the file instead",
                    f.len() + 1,
                    agendum_core::share::MAX_LINK_CHARS
                ));
            }
            writeln!(out, "#{f}").map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        ["import", link] if link.contains("#/shared/") || link.starts_with("/shared/") => {
            let f = link.find('#').map_or(*link, |i| &link[i..]);
            let loaded = agendum_core::share::open(f).map_err(|e| e.to_string())?;
            out.write_all(format::save(&loaded.agenda).as_bytes()).map_err(io)?;
            eprintln!("the link holds \"{}\"", loaded.agenda.display_name());
            Ok(ExitCode::SUCCESS)
        }
        ["export", rest @ ..] if rest.contains(&"--ics") => {
            let asked = ics_options(rest)?;
            let path = asked.path;
            let agenda = read(path)?;
            // A revised agenda (TD514R1) updates the events of the one before it.
            let sequence = asked.sequence.unwrap_or(agenda.revision.unwrap_or(0));
            let options = IcsOptions { sequence, ..asked.ics };
            let calendar = export::ics(&agenda, &Tzdb, options).map_err(|e| format!("{path}: {e}"))?;
            out.write_all(calendar.text.as_bytes()).map_err(io)?;
            for notice in &calendar.notices {
                eprintln!("{path}: {notice}");
            }
            Ok(ExitCode::SUCCESS)
        }
        ["import", path] => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read the file: {e}"))?;
            let id = std::path::Path::new(path).file_stem().and_then(|s| s.to_str()).unwrap_or("imported");
            let got = agendum_core::import::docx::read(&bytes, id).map_err(|e| format!("{path}: {e}"))?;
            out.write_all(format::save(&got.agenda).as_bytes()).map_err(io)?;
            eprintln!("{path}: {}", got.summary);
            Ok(ExitCode::SUCCESS)
        }
        ["diff", rest @ ..] => {
            let json = rest.contains(&"--json");
            if let Some(bad) = rest.iter().find(|w| w.starts_with("--") && **w != "--json") {
                return Err(format!("unknown option {bad}\n{USAGE}"));
            }
            let files: Vec<&&str> = rest.iter().filter(|w| !w.starts_with("--")).collect();
            let [old_path, new_path] = files.as_slice() else {
                return Err(USAGE.into());
            };
            let (old, new) = (read(old_path)?, read(new_path)?);
            if old.id != new.id {
                return Err(format!(
                    "{old_path} and {new_path} are two different agendas (\"{}\" and \"{}\"): items are matched by the ids one agenda keeps, so only files of one agenda can be compared",
                    old.id, new.id
                ));
            }
            let changes = agendum_core::changes::changes(&old, &new);
            for c in &changes {
                if json {
                    writeln!(out, "{}", serde_json::to_string(c).expect("a change serialises"))
                        .map_err(io)?;
                } else {
                    writeln!(out, "{}", c.line()).map_err(io)?;
                }
            }
            Ok(if changes.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        ["bundle", files @ ..] if !files.is_empty() => {
            if let Some(bad) = files.iter().find(|w| w.starts_with("--")) {
                return Err(format!("unknown option {bad}\n{USAGE}"));
            }
            let agendas = files.iter().map(|p| read(p)).collect::<Result<Vec<_>, _>>()?;
            let entries: Vec<bundle::Entry> =
                agendas.iter().map(|a| bundle::Entry { agenda: a, edited: None, origin: "" }).collect();
            out.write_all(bundle::write(&entries).as_bytes()).map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        ["unbundle", path, dir] => unbundle(path, dir, &mut out),
        ["schema"] => {
            out.write_all(format::schema().as_bytes()).map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        ["codes"] => {
            for code in agendum_core::checks::CODES {
                writeln!(out, "{:24} {:8} {}", code.as_str(), code.severity().name(), code.meaning())
                    .map_err(io)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        ["--help" | "-h" | "help"] => {
            writeln!(out, "{USAGE}").map_err(io)?;
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.into()),
    }
}

/// What `export --html` was asked: the file, and a second zone if one was given.
fn html_options<'a>(rest: &[&'a str]) -> Result<(&'a str, Option<&'a str>, bool), String> {
    let (mut path, mut also_in, mut marked) = (None, None, false);
    let mut words = rest.iter();
    while let Some(w) = words.next() {
        match *w {
            "--html" => {}
            "--marked" => marked = true,
            "--also-in" => {
                let zone = words.next().ok_or_else(|| {
                    format!("--also-in needs a time zone, e.g. UTC or America/New_York\n{USAGE}")
                })?;
                also_in = Some(*zone);
            }
            w if w.starts_with("--") => return Err(format!("unknown option {w}\n{USAGE}")),
            w if path.is_none() => path = Some(w),
            _ => return Err(USAGE.into()),
        }
    }
    Ok((path.ok_or_else(|| USAGE.to_string())?, also_in, marked))
}

/// The marks of what changed since the agenda's last published revision, or why there are none.
fn marks(path: &str, agenda: &agendum_core::Agenda) -> Result<export::Marks, String> {
    export::Marks::since_last(agenda)
        .ok_or_else(|| format!("{path}: the agenda has no published revision to mark the changes from"))
}

/// What `export --report` or `export --docx` was asked: the file, and which document.
struct AskedWord<'a> {
    path: &'a str,
    report: bool,
    docx: bool,
    marked: bool,
}

fn word_options<'a>(rest: &[&'a str]) -> Result<AskedWord<'a>, String> {
    let mut asked = AskedWord { path: "", report: false, docx: false, marked: false };
    for w in rest {
        match *w {
            "--report" => asked.report = true,
            "--docx" => asked.docx = true,
            "--marked" => asked.marked = true,
            w if w.starts_with("--") => return Err(format!("unknown option {w}\n{USAGE}")),
            w if asked.path.is_empty() => asked.path = w,
            _ => return Err(USAGE.into()),
        }
    }
    if asked.path.is_empty() {
        return Err(USAGE.into());
    }
    Ok(asked)
}

/// Writes each agenda of a bundle as a file of its own into `dir`, named as the editor's Export
/// JSON names it (with -2, -3 … where two would have one name), never over a file there.
fn unbundle(path: &str, dir: &str, out: &mut impl Write) -> Result<ExitCode, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read the file: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| format!("{path}: the file is not UTF-8 text"))?;
    let agendas = bundle::load(&text).map_err(|e| format!("{path}: {e}"))?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: cannot make the folder: {e}"))?;
    let mut unreadable = false;
    for got in agendas {
        let b = match got {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                unreadable = true;
                continue;
            }
        };
        let name = export::file_name(&b.agenda, "agenda.json");
        let stem = name.trim_end_matches(".agenda.json");
        let text = format::save(&b.agenda);
        let mut n = 1;
        let written = loop {
            let file = if n == 1 { name.clone() } else { format!("{stem}-{n}.agenda.json") };
            let target = std::path::Path::new(dir).join(&file);
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&target) {
                Ok(mut f) => {
                    f.write_all(text.as_bytes())
                        .map_err(|e| format!("{}: cannot write: {e}", target.display()))?;
                    break target;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => n += 1,
                Err(e) => return Err(format!("{}: cannot write: {e}", target.display())),
            }
        };
        writeln!(out, "{}", written.display()).map_err(|e| format!("cannot write the output: {e}"))?;
    }
    Ok(if unreadable { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// What `export --ics` was asked: the file, the options, and a SEQUENCE if one was given.
struct AskedIcs<'a> {
    path: &'a str,
    ics: IcsOptions,
    sequence: Option<u32>,
}

fn ics_options<'a>(rest: &[&'a str]) -> Result<AskedIcs<'a>, String> {
    let mut asked =
        AskedIcs { path: "", ics: IcsOptions { items: false, sequence: 0, stamp: now()? }, sequence: None };
    let mut words = rest.iter();
    while let Some(w) = words.next() {
        match *w {
            "--ics" => {}
            "--items" => asked.ics.items = true,
            "--sequence" => {
                let n = words.next().ok_or_else(|| format!("--sequence needs a number\n{USAGE}"))?;
                let n = n.parse().map_err(|_| format!("--sequence needs a number, not \"{n}\"\n{USAGE}"))?;
                asked.sequence = Some(n);
            }
            w if w.starts_with("--") => return Err(format!("unknown option {w}\n{USAGE}")),
            w if asked.path.is_empty() => asked.path = w,
            _ => return Err(USAGE.into()),
        }
    }
    if asked.path.is_empty() {
        return Err(USAGE.into());
    }
    Ok(asked)
}

/// When the calendar is made, for its DTSTAMP: the clock, or SOURCE_DATE_EPOCH (seconds since
/// 1970) where a build or a test needs the same bytes every time.
fn now() -> Result<Instant, String> {
    if let Ok(epoch) = std::env::var("SOURCE_DATE_EPOCH") {
        let s: i64 = epoch
            .trim()
            .parse()
            .map_err(|_| format!("SOURCE_DATE_EPOCH is not a number of seconds: {epoch}"))?;
        return Ok(Instant::from_unix_seconds(s));
    }
    let since = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| "the system clock is before 1970".to_string())?;
    Ok(Instant::from_unix_seconds(since.as_secs() as i64))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("agendum: {msg}");
            ExitCode::from(2)
        }
    }
}
