//! The agenda file format: JSON with a format name and version at the top. Reading refuses,
//! with a message that says what and where, anything it cannot take whole: not JSON, another
//! format, a newer version, an unknown or invalid field, a repeated id, a file too large.
//! Older versions are migrated. The JSON Schema is generated from the types ([`schema`]).

use std::collections::HashSet;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::docref::parse_docs_cell;
use crate::model::{Agenda, ACTIONS};

pub const FORMAT_NAME: &str = "agendum";
pub const FORMAT_VERSION: u32 = 4;
/// The first version whose files the current types read unchanged. Version 3 only added the
/// TD header's fields (study period, Questions, purpose, contact, keywords, original language),
/// and version 4 what the meeting made of the agenda (outcomes, documents' statuses, the report's
/// number, "held", the published revisions), which older files lack and which read as empty.
/// Each is a version of its own because an older reader refuses the new fields, and the version
/// is what tells it the file is newer.
const SAME_SHAPE_SINCE: u32 = 2;
/// Larger files are refused before parsing: the biggest real agendas are well under 1 MiB.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
pub use crate::model::MAX_ID;

/// A whole agenda file.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "Agendum agenda file",
    description = "An agenda of a standards-body meeting, as written by Agendum."
)]
pub struct AgendaFile {
    /// Always "agendum".
    pub format: String,
    /// The format version the file was written in.
    pub version: u32,
    pub agenda: Agenda,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    TooLarge {
        bytes: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    NotAnAgenda,
    TooNew {
        version: u64,
    },
    BadVersion,
    Invalid {
        path: String,
        line: Option<usize>,
        reason: String,
    },
    DuplicateId {
        what: &'static str,
        id: u32,
    },
    /// Nested deeper than the reader goes; no agenda is.
    TooDeep,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::TooLarge { bytes } => write!(
                f,
                "The file is too large ({:.1} MiB); agenda files are at most {} MiB.",
                *bytes as f64 / 1048576.0,
                MAX_FILE_BYTES / 1048576
            ),
            LoadError::NotJson { line, column, reason } => {
                write!(f, "The file is not valid JSON: {reason} at line {line}, column {column}.")
            }
            LoadError::NotAnAgenda => write!(
                f,
                "The file is JSON but not an Agendum agenda: it has no \"format\": \"{FORMAT_NAME}\" at the top."
            ),
            LoadError::TooNew { version } => write!(
                f,
                "The file was written by a newer Agendum (format version {version}); this one reads versions up to {FORMAT_VERSION}. Open it in the newer version, or update this one."
            ),
            // Says "1 or more": version 0 is refused too, though it is a whole number.
            LoadError::BadVersion => write!(
                f,
                "The file's \"version\" is missing or not a format version: it must be a whole number, 1 or more."
            ),
            LoadError::Invalid { path, line, reason } => {
                write!(f, "The file has a problem at {path}")?;
                if let Some(l) = line {
                    write!(f, " (line {l})")?;
                }
                write!(f, ": {}.", one_line(reason))
            }
            LoadError::DuplicateId { what, id } => {
                write!(f, "The file uses {what} id {id} twice; every {what} needs its own id.")
            }
            // One sentence: the path to where it stops would be thousands of characters long.
            LoadError::TooDeep => write!(
                f,
                "The file is nested too deeply to be an agenda: Agendum nests items at most {} levels deep.",
                crate::model::MAX_ITEM_DEPTH
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// A reason as one line of at most a few hundred characters: the reasons quote what the file
/// holds (serde_json's "invalid type: string …" quotes it whole), and a refusal is shown as one
/// sentence, in a banner or on the command line.
fn one_line(reason: &str) -> String {
    const MAX: usize = 300;
    let line = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// An agenda read from a file, and the version it was migrated from, if any.
#[derive(Debug)]
pub struct Loaded {
    pub agenda: Agenda,
    pub migrated_from: Option<u32>,
}

#[derive(Deserialize)]
struct Envelope {
    format: Option<Json>,
    version: Option<Json>,
}

/// Writes an agenda as a file in the current format.
///
/// Indented as people read it, unless the indentation would take the file past what [`load`]
/// reads ([`MAX_FILE_BYTES`]; it doubles a plenary's file with its published revisions): then on
/// one line, as the library stores it, so that an exported agenda always opens again wherever
/// its stored copy does.
pub fn save(agenda: &Agenda) -> String {
    let file = AgendaFileRef { format: FORMAT_NAME, version: FORMAT_VERSION, agenda };
    let mut s = serde_json::to_string_pretty(&file).expect("an agenda always serialises");
    if s.len() >= MAX_FILE_BYTES {
        s = record(agenda);
    }
    s.push('\n');
    s
}

/// The same file on one line, as local storage keeps it: a third smaller than the indented form
/// people open in a text editor, and quicker to write on every autosave.
pub fn record(agenda: &Agenda) -> String {
    let file = AgendaFileRef { format: FORMAT_NAME, version: FORMAT_VERSION, agenda };
    serde_json::to_string(&file).expect("an agenda always serialises")
}

#[derive(Serialize)]
struct AgendaFileRef<'a> {
    format: &'static str,
    version: u32,
    agenda: &'a Agenda,
}

/// Reads an agenda file of any version this build knows.
pub fn load(text: &str) -> Result<Loaded, LoadError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes: text.len() });
    }
    // Windows Notepad and other editors save UTF-8 with a byte-order mark; it is no part of the
    // JSON.
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let not_json = |e: serde_json::Error| match json_reason(&e).as_str() {
        RECURSION => LoadError::TooDeep,
        _ => LoadError::NotJson { line: e.line(), column: e.column(), reason: json_reason(&e) },
    };
    // Only an object is a file. serde also reads a struct from an array: ["agendum", 1] passed
    // the envelope and panicked in the migration (value["version"] on an array), and
    // ["agendum", 2, {}] was refused as "not valid JSON: trailing characters".
    if !text.trim_start_matches([' ', '\t', '\n', '\r']).starts_with('{') {
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
            Ok(_) if nesting_exceeds(text, MAX_NESTING) => LoadError::TooDeep,
            Ok(_) => LoadError::NotAnAgenda,
            Err(e) => not_json(e),
        });
    }
    // Before any reading of an object: a value nested too deeply is refused as such wherever it
    // is, even where a reader would skip it unread (outside "agenda") or first stop at its type
    // (a title that is ten thousand nested arrays), and said so in one sentence, not in the
    // reader's words. Not before: a file that is no JSON at all (a binary file) is told so.
    if nesting_exceeds(text, MAX_NESTING) {
        return Err(LoadError::TooDeep);
    }
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            // With an object at the top, only a repeated "format" or "version" fails here, and
            // the file does have "format": "agendum" at the top: say what is wrong instead.
            LoadError::Invalid { path: "the top".into(), line: Some(e.line()), reason: json_reason(&e) }
        } else {
            not_json(e)
        }
    })?;
    if envelope.format.as_ref().and_then(Json::as_str) != Some(FORMAT_NAME) {
        return Err(LoadError::NotAnAgenda);
    }
    let version = envelope.version.as_ref().and_then(Json::as_u64).ok_or(LoadError::BadVersion)?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(LoadError::TooNew { version });
    }
    if version == 0 {
        return Err(LoadError::BadVersion);
    }
    let (file, migrated_from) = if version >= u64::from(SAME_SHAPE_SINCE) {
        // Read as it is, so that a problem in a version 2 file is shown at its own line.
        let file: AgendaFile = serde_json::from_str(text).map_err(|e| invalid(text, &e, Some(e.line())))?;
        (file, (version < u64::from(FORMAT_VERSION)).then_some(version as u32))
    } else {
        // Not "parsed above": the envelope skips the rest unread, so a version 1 file nested
        // deeper than serde_json's limit of 128, or with a number out of range (1e999), fails
        // only here. It panicked; it is refused with its path, as version 2 files are.
        let mut value: Json = serde_json::from_str(text).map_err(|e| invalid(text, &e, Some(e.line())))?;
        migrate(&mut value, version as u32)?;
        // Read back from text, not from the Value, so that the bundle holds one reader of
        // agendas, and the path of a problem is found as for a version 2 file. The line would be
        // one of the migrated text, which the user has never seen.
        let migrated = value.to_string();
        let file: AgendaFile = serde_json::from_str(&migrated).map_err(|e| invalid(&migrated, &e, None))?;
        (file, Some(version as u32))
    };
    check_ids(&file.agenda)?;
    check_revisions(&file.agenda)?;
    Ok(Loaded { agenda: file.agenda, migrated_from })
}

/// The deepest nesting of arrays and objects serde_json reads (its recursion limit).
const MAX_NESTING: usize = 127;

/// Whether a file's text nests deeper than a file may: what [`load`] would refuse as too deep.
pub(crate) fn nests_too_deeply(text: &str) -> bool {
    nesting_exceeds(text, MAX_NESTING)
}

/// Whether arrays and objects nest more than `most` deep anywhere in the text, strings skipped.
fn nesting_exceeds(text: &str, most: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &c in text.as_bytes() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > most {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// serde_json's reason for a text nested deeper than it reads.
const RECURSION: &str = "recursion limit exceeded";

fn invalid(text: &str, e: &serde_json::Error, line: Option<usize>) -> LoadError {
    let reason = json_reason(e);
    if reason == RECURSION {
        return LoadError::TooDeep;
    }
    LoadError::Invalid { path: path_at(text, e, &reason), line, reason }
}

/// The path of the value serde_json refused (`agenda.sessions[0].items[1].start`, or "the top"),
/// found from where in the text it stopped: serde_json says where, not what. Tracking the path
/// while reading instead (serde_path_to_error) made the optimised WebAssembly 60 KB larger.
fn path_at(text: &str, e: &serde_json::Error, reason: &str) -> String {
    enum Open {
        /// The key being read (where its quoted text is, once it is whole), and whether the
        /// reader is past its colon.
        Object { key: Option<(usize, usize)>, value: bool },
        /// The index of the element being read, and whether it has begun.
        Array { index: usize, begun: bool },
    }
    let b = text.as_bytes();
    let line_start: usize = text.split_inclusive('\n').take(e.line().saturating_sub(1)).map(str::len).sum();
    let mut end = (line_start + e.column()).min(b.len());
    // An object or array of the wrong type is refused at its first byte, unread; an element too
    // many for a struct written as an array, one byte into it.
    if e.is_data() && matches!(b.get(end), Some(b'{' | b'[')) {
        end += 1;
    } else if reason == "trailing characters" {
        end = end.saturating_sub(1);
    }
    let mut open = Vec::new();
    let mut i = 0;
    while i < end {
        let c = b[i];
        if let Some(Open::Array { begun, .. }) = open.last_mut() {
            *begun |= !c.is_ascii_whitespace();
        }
        match c {
            b'"' => {
                let from = i;
                i += 1;
                while i < end && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Open::Object { key, value: false }) = open.last_mut() {
                    *key = (i < end).then_some((from, i + 1));
                }
            }
            b'{' => open.push(Open::Object { key: None, value: false }),
            b'[' => open.push(Open::Array { index: 0, begun: false }),
            b'}' | b']' => {
                open.pop();
            }
            b':' => {
                if let Some(Open::Object { value, .. }) = open.last_mut() {
                    *value = true;
                }
            }
            b',' => match open.last_mut() {
                Some(Open::Object { key, value }) => (*key, *value) = (None, false),
                Some(Open::Array { index, begun }) => (*index, *begun) = (*index + 1, false),
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    // serde_json stops after the key of a repeated field, but it is the object that is wrong.
    if reason.starts_with("duplicate field") {
        open.pop();
    }
    let mut path = String::new();
    for o in open {
        match o {
            Open::Object { key: Some((from, to)), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                // serde_json read every key on the path whole, so each decodes, escapes and all.
                path += &serde_json::from_str::<String>(&text[from..to]).unwrap_or_default();
            }
            Open::Array { index, begun: true } => path += &format!("[{index}]"),
            _ => {}
        }
    }
    if path.is_empty() {
        "the top".into()
    } else {
        path
    }
}

/// serde_json's message without its own " at line x column y" tail (we say where ourselves).
fn json_reason(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let s = match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    };
    // serde_json's words for a \ud800 with no second half, which say nothing to a user.
    if s.contains("surrogate") || s.contains("hex escape") {
        return "a \\u escape names half a character (such as \\ud800 alone), which no text can hold".into();
    }
    s
}

fn check_ids(a: &Agenda) -> Result<(), LoadError> {
    fn unique<I: IntoIterator<Item = u32>>(what: &'static str, ids: I) -> Result<(), LoadError> {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                return Err(LoadError::DuplicateId { what, id });
            }
        }
        Ok(())
    }
    fn in_range(id: u32, path: impl FnOnce() -> String) -> Result<(), LoadError> {
        if id <= MAX_ID {
            return Ok(());
        }
        let reason = format!("{id} is too large for an id; ids go up to {MAX_ID}");
        Err(LoadError::Invalid { path: path(), line: None, reason })
    }
    fn item_ids(items: &[crate::model::Item], path: &str) -> Result<(), LoadError> {
        for (k, i) in items.iter().enumerate() {
            in_range(i.id.0, || format!("{path}[{k}].id"))?;
            item_ids(&i.children, &format!("{path}[{k}].children"))?;
        }
        Ok(())
    }
    for (k, s) in a.sessions.iter().enumerate() {
        in_range(s.id.0, || format!("agenda.sessions[{k}].id"))?;
        item_ids(&s.items, &format!("agenda.sessions[{k}].items"))?;
    }
    for (k, e) in a.register.iter().enumerate() {
        in_range(e.id.0, || format!("agenda.register[{k}].id"))?;
    }
    for (k, x) in a.annexes.iter().enumerate() {
        in_range(x.id.0, || format!("agenda.annexes[{k}].id"))?;
    }
    for (k, m) in a.future_meetings.iter().enumerate() {
        in_range(m.id.0, || format!("agenda.future_meetings[{k}].id"))?;
    }
    let mut items = Vec::new();
    a.for_each_item(|i| items.push(i.id.0));
    unique("item", items)?;
    unique("session", a.sessions.iter().map(|s| s.id.0))?;
    unique("register entry", a.register.iter().map(|s| s.id.0))?;
    unique("annex", a.annexes.iter().map(|s| s.id.0))?;
    unique("future meeting", a.future_meetings.iter().map(|s| s.id.0))
}

/// The published revisions: in rising order, each a copy without revisions of its own, and with
/// its ids unique as in the agenda itself (what changed since is found by them).
fn check_revisions(a: &Agenda) -> Result<(), LoadError> {
    let mut last = None;
    for (k, r) in a.revisions.iter().enumerate() {
        let path = || format!("agenda.revisions[{k}]");
        if last.is_some_and(|l| r.revision <= l) {
            let reason = format!(
                "revision {} comes after revision {}; published revisions are listed oldest first, each once",
                r.revision,
                last.unwrap_or_default()
            );
            return Err(LoadError::Invalid { path: format!("{}.revision", path()), line: None, reason });
        }
        last = Some(r.revision);
        if !r.agenda.revisions.is_empty() {
            let reason = "a published revision holds no revisions of its own".to_string();
            return Err(LoadError::Invalid {
                path: format!("{}.agenda.revisions", path()),
                line: None,
                reason,
            });
        }
        check_ids(&r.agenda).map_err(|e| match e {
            LoadError::DuplicateId { what, id } => LoadError::Invalid {
                path: format!("{}.agenda", path()),
                line: None,
                reason: format!("it uses {what} id {id} twice; every {what} needs its own id"),
            },
            LoadError::Invalid { path: inner, line, reason } => LoadError::Invalid {
                path: inner.replacen("agenda", &format!("{}.agenda", path()), 1),
                line,
                reason,
            },
            other => other,
        })?;
    }
    Ok(())
}

/// Brings an older file's JSON up to the current version, one version at a time.
fn migrate(value: &mut Json, from: u32) -> Result<(), LoadError> {
    let mut v = from;
    while v < FORMAT_VERSION {
        match v {
            1 => migrate_1_to_2(value)?,
            // From version 2 on, files are read as they are (see SAME_SHAPE_SINCE).
            2 | 3 => {}
            _ => unreachable!("every version below the current one has a migration"),
        }
        v += 1;
    }
    value["version"] = Json::from(FORMAT_VERSION);
    Ok(())
}

/// Version 1 kept an item's Docs column and its Summary and Proposal column as the text printed
/// in them ("TD514, (TD526)"; "… To note. Presented at TSAG Plenary."). Version 2 holds them as
/// document references and as summary, actions and notes.
fn migrate_1_to_2(value: &mut Json) -> Result<(), LoadError> {
    fn items(list: &mut Json, path: &str) -> Result<(), LoadError> {
        let Some(arr) = list.as_array_mut() else { return Ok(()) };
        for (i, item) in arr.iter_mut().enumerate() {
            let here = format!("{path}[{i}]");
            let Some(obj) = item.as_object_mut() else { continue };
            if let Some(docs) = obj.remove("docs") {
                let text = docs.as_str().ok_or_else(|| LoadError::Invalid {
                    path: format!("{here}.docs"),
                    line: None,
                    reason: "version 1 wrote the Docs column as text".into(),
                })?;
                let refs = serde_json::to_value(parse_docs_cell(text)).expect("references serialise");
                obj.insert("docs".into(), refs);
            }
            if let Some(p) = obj.remove("proposal") {
                let text = p.as_str().unwrap_or_default();
                let (summary, actions, notes) = split_proposal(text);
                obj.insert("summary".into(), Json::from(summary));
                obj.insert("actions".into(), Json::from(actions));
                obj.insert("notes".into(), Json::from(notes));
            }
            if let Some(children) = obj.get_mut("children") {
                items(children, &format!("{here}.children"))?;
            }
        }
        Ok(())
    }
    if let Some(sessions) = value.pointer_mut("/agenda/sessions").and_then(Json::as_array_mut) {
        for (s, session) in sessions.iter_mut().enumerate() {
            if let Some(list) = session.get_mut("items") {
                items(list, &format!("agenda.sessions[{s}].items"))?;
            }
        }
    }
    Ok(())
}

/// Splits a printed "Summary and Proposal" text into what comes before the actions, the actions,
/// and what comes after them.
pub fn split_proposal(text: &str) -> (String, Vec<String>, String) {
    let mut summary = Vec::new();
    let mut actions = Vec::new();
    let mut notes = Vec::new();
    for line in text.lines() {
        // Sentences before the first action are the summary even on the action's own line
        // ("TSAG to review. To note. Presented at …"), not sent whole to the notes.
        let (mut before, mut after) = (Vec::new(), Vec::new());
        for sentence in sentences(line) {
            let s = sentence.trim().trim_end_matches('.');
            match ACTIONS.iter().find(|a| a.eq_ignore_ascii_case(s)) {
                Some(a) => actions.push(a.to_string()),
                None if sentence.trim().is_empty() => {}
                None if actions.is_empty() => before.push(sentence.trim()),
                None => after.push(sentence.trim()),
            }
        }
        if !before.is_empty() {
            summary.push(before.join(" "));
        }
        if !after.is_empty() {
            notes.push(after.join(" "));
        }
    }
    (summary.join("\n"), actions, notes.join("\n"))
}

/// A line cut after each full stop that ends a sentence: one followed by a space or the end of
/// the line. Cutting after every full stop turned "C24/59 Rev.1" into "C24/59 Rev. 1".
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest.match_indices(". ").next().map_or(rest.len(), |(i, _)| i + 1);
        let (sentence, tail) = rest.split_at(end);
        rest = tail;
        Some(sentence)
    })
}

/// The JSON Schema of the file format, generated from the types.
pub fn schema() -> String {
    let schema = schemars::schema_for!(AgendaFile);
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    s.push('\n');
    s
}
