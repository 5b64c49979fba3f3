//! `agendum`: the command-line front end over the core: check an agenda file, export it, compare
//! two files of it, print the file format's schema. Exit codes: 0 fine, 1 an error-level finding
//! (for `diff`: the files differ), 2 the file or the command line could not be used.

use std::borrow::Cow;
use std::io::Write;
use std::process::ExitCode;

use agendum_core::bundle::BundleError;
use agendum_core::checks::{with_time_zone_on, FieldNames};
use agendum_core::export::IcsOptions;
use agendum_core::format::LoadError;
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
           its #/shared/… part, also as a mail or its link checker passes it on: encoded, in
           <…>, after > or before a full stop), and write it as an agenda file to stdout;
           what was read goes to stderr
  diff     print what changed from OLD to NEW, two files of one agenda, one change a line
           (words marked [-deleted-]{+inserted+}); exit 1 if they differ, 0 if not
  bundle   write one bundle holding every agenda FILE, as the library's Export all does, to
           stdout
  unbundle write each agenda of BUNDLE (from Export all, or from bundle) as an agenda file
           of its own into DIR, made if missing, never over a file already there; the files
           written go to stdout, one a line; exit 1 if an agenda in it cannot be read or
           written (the others are written)
  schema   print the JSON Schema of the agenda file format
  codes    list the check codes and what they mean";

fn read(path: &str) -> Result<agendum_core::Agenda, String> {
    let text = read_text(path)?;
    if bundle::is_bundle(&text) {
        let held = match bundle::load(&text).map(|a| a.len()) {
            Ok(0) => " of no agendas".to_string(),
            Ok(1) => " of 1 agenda".to_string(),
            Ok(n) => format!(" of {n} agendas"),
            Err(_) => String::new(),
        };
        return Err(format!(
            "{path} is a bundle{held} (Export all), not one agenda: use `agendum unbundle {path} DIR`"
        ));
    }
    let loaded = format::load(&text).map_err(|e| format!("{path}: {e}"))?;
    if let Some(v) = loaded.migrated_from {
        say(&format!(
            "{path}: read from format version {v} and migrated to version {}",
            format::FORMAT_VERSION
        ));
    }
    Ok(loaded.agenda)
}

/// A file's text. Notepad and Excel save "Unicode" as UTF-16, which is read as such, with its
/// byte order mark or without one.
fn read_text(path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read the file: {e}"))?;
    let (big_endian, body) = match bytes.as_slice() {
        [0xFF, 0xFE, body @ ..] => (false, body),
        [0xFE, 0xFF, body @ ..] => (true, body),
        _ => {
            // Without a mark, its NUL bytes give it away: no agenda's text holds NUL, while in
            // UTF-16 each character of JSON's own (braces, quotes, keys) has one, on one side.
            let head = &bytes[..bytes.len().min(4096)];
            let nul = |from: usize| head.iter().skip(from).step_by(2).filter(|b| **b == 0).count();
            let (even, odd) = (nul(0), nul(1));
            let pairs = head.len() / 2;
            match (even, odd) {
                (0, n) if pairs > 0 && n * 4 >= pairs => (false, bytes.as_slice()),
                (n, 0) if pairs > 0 && n * 4 >= pairs => (true, bytes.as_slice()),
                _ => {
                    return String::from_utf8(bytes)
                        .map_err(|_| format!("{path}: the file is not UTF-8 text"))
                }
            }
        }
    };
    let damaged = || format!("{path} is UTF-16 text, but not whole: save it as UTF-8");
    if body.len() % 2 != 0 {
        return Err(damaged());
    }
    let units = body.chunks_exact(2).map(|p| {
        let pair = [p[0], p[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| damaged())
}

/// A text from a file or a link as it may go to a terminal: its control characters, which a
/// terminal obeys (clearing the screen, retitling the window, faking a line), are shown as
/// U+FFFD instead; a line break and a tab are kept.
fn shown(text: &str) -> Cow<'_, str> {
    let hidden = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if hidden(c) { '\u{FFFD}' } else { c }).collect())
}

/// A notice on stderr, shown safely.
fn say(line: &str) {
    eprintln!("{}", shown(line));
}

/// The fragment of a share link as it arrives pasted from a mail or a chat: percent-encoded
/// (whole, or its `#` alone, as a link checker such as Outlook's SafeLinks wraps it), in angle
/// brackets or quotes, followed by the sentence's full stop or bracket, or broken over the lines
/// of a quoted reply. None when the text is not a share link. The link's own characters are
/// letters, digits, `-`, `_`, `.` and `=`, so nothing taken away can have been part of it.
fn pasted_link(pasted: &str) -> Option<String> {
    let mut text = pasted
        .lines()
        .map(|l| l.trim_start_matches(|c: char| c == '>' || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join("\n");
    // Invisible, and put in long words by mail and word processors to let them wrap.
    text.retain(|c| !matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'));
    // Each link checker it passed through encoded it once more.
    for _ in 0..3 {
        if text.contains("#/shared/") {
            break;
        }
        match percent_decoded(&text) {
            Some(t) => text = t,
            None => break,
        }
    }
    let start = match text.find("#/shared/") {
        Some(at) => at + 1,
        None if text.trim_start().starts_with("/shared/") => text.len() - text.trim_start().len(),
        None => return None,
    };
    let route = agendum_core::share::ROUTE;
    let rest = &text[start + route.len()..];
    // Where the link ends: at the next parameter of a link checker's address, the closing
    // bracket or quote around it, or a second link.
    let end = rest.find(|c: char| "&#<>‹›«»()[]\"'“”‘’|".contains(c)).unwrap_or(rest.len());
    let rest = &rest[..end];
    let after = |data: &str| {
        data.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?'))
            .to_string()
    };
    // The version's full stop is the link's own: only what follows the data is taken away.
    Some(match rest.split_once('.') {
        Some((version, data)) => format!("{route}{version}.{}", after(data)),
        None => format!("{route}{}", after(rest)),
    })
}

/// The text with its %XX escapes decoded; None when it has none.
fn percent_decoded(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let (mut out, mut i, mut any) = (Vec::with_capacity(bytes.len()), 0, false);
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                (i, any) = (i + 3, true);
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    any.then(|| String::from_utf8_lossy(&out).into_owned())
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
                    let mut line = format!("{where_}: {} [{}] {}", f.severity.name(), f.code, f.message);
                    if let Some(fix) = &f.fix {
                        line.push_str(&format!(" (fix: {})", fix.label));
                    }
                    writeln!(out, "{}", shown(&line)).map_err(io)?;
                }
            }
            let count = |s| findings.iter().filter(|f| f.severity == s).count();
            if !json {
                let [e, w, n] =
                    [Severity::Error, Severity::Warning, Severity::Note].map(|s| s.counted(count(s)));
                writeln!(out, "{}", shown(&format!("{path}: {e}, {w}, {n}"))).map_err(io)?;
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
                say(&format!("{path}: the agenda names no report number; the report is printed without one"));
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
        ["import", link] if !std::path::Path::new(link).exists() && pasted_link(link).is_some() => {
            let f = pasted_link(link).unwrap_or_default();
            let loaded = agendum_core::share::open(&f).map_err(|e| e.to_string())?;
            out.write_all(format::save(&loaded.agenda).as_bytes()).map_err(io)?;
            say(&format!("the link holds \"{}\"", loaded.agenda.display_name()));
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
                say(&format!("{path}: {notice}"));
            }
            Ok(ExitCode::SUCCESS)
        }
        ["import", path] => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read the file: {e}"))?;
            let id = std::path::Path::new(path).file_stem().and_then(|s| s.to_str()).unwrap_or("imported");
            let got = agendum_core::import::docx::read(&bytes, id).map_err(|e| format!("{path}: {e}"))?;
            out.write_all(format::save(&got.agenda).as_bytes()).map_err(io)?;
            say(&format!("{path}: {}", got.summary));
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
                    writeln!(out, "{}", shown(&c.line())).map_err(io)?;
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
/// JSON names it (with -2, -3 … where two would have one name), never over a file there. An
/// agenda that cannot be read, or written, is named and the others are still written: a backup
/// is restored as far as it can be.
fn unbundle(path: &str, dir: &str, out: &mut impl Write) -> Result<ExitCode, String> {
    let text = read_text(path)?;
    let agendas = match bundle::load(&text) {
        Ok(agendas) => agendas,
        Err(BundleError::NotABundle) if is_agenda(&text) => {
            return Err(format!(
                "{path} is one agenda, not a bundle of agendas: there is nothing to unbundle (`agendum bundle {path}` makes a bundle of it)"
            ))
        }
        Err(e) => return Err(format!("{path}: {e}")),
    };
    if agendas.is_empty() {
        say(&format!("{path}: the bundle holds no agenda; nothing was written"));
        return Ok(ExitCode::SUCCESS);
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{dir}: cannot make the folder: {e}"))?;
    let total = agendas.len();
    let mut written = 0;
    for (i, got) in agendas.into_iter().enumerate() {
        let b = match got {
            Ok(b) => b,
            Err(e) => {
                say(&format!("{path}: {e}"));
                continue;
            }
        };
        for note in &b.notes {
            say(&format!("{path}: {note}"));
        }
        match write_new(dir, &export::file_name(&b.agenda, "agenda.json"), &format::save(&b.agenda)) {
            Ok(file) => {
                written += 1;
                writeln!(out, "{}", file.display()).map_err(|e| format!("cannot write the output: {e}"))?;
            }
            Err(e) => say(&format!(
                "{path}: Agenda {} of the bundle (\"{}\") could not be written. {e}",
                i + 1,
                b.agenda.display_name()
            )),
        }
    }
    if written < total {
        say(&format!("{path}: {written} of its {total} agendas written into {dir}"));
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a text is an agenda file, whole or not: one the bundle's reader refused because it is
/// an agenda rather than a bundle.
fn is_agenda(text: &str) -> bool {
    !matches!(
        format::load(text),
        Err(LoadError::NotAnAgenda | LoadError::NotJson { .. } | LoadError::TooLarge { .. })
    )
}

/// Writes `text` as a new file named `name` in `dir`, or `name` with -2, -3 … before its
/// extension when that is taken; what was written, or why nothing could be.
fn write_new(dir: &str, name: &str, text: &str) -> Result<std::path::PathBuf, String> {
    let stem = name.trim_end_matches(".agenda.json");
    let mut n = 1;
    loop {
        let file = if n == 1 { name.to_string() } else { format!("{stem}-{n}.agenda.json") };
        let target = std::path::Path::new(dir).join(&file);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&target) {
            Ok(mut f) => {
                return match f.write_all(text.as_bytes()) {
                    Ok(()) => Ok(target),
                    Err(e) => {
                        // Half a file is worse than none: it would be taken for the agenda.
                        drop(f);
                        let _ = std::fs::remove_file(&target);
                        Err(format!("{}: cannot write: {e}", target.display()))
                    }
                };
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => n += 1,
            Err(e) => return Err(format!("{}: cannot write: {e}", target.display())),
        }
    }
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
            say(&format!("agendum: {msg}"));
            ExitCode::from(2)
        }
    }
}
