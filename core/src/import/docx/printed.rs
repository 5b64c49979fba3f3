//! The texts the exports print, read back: a session's times, an item's source before its
//! title, the Docs cell's paragraphs, the place and dates, an annex's heading and a future
//! meeting's line.

use super::wordml::{Cell, Paragraph};
use crate::docref::{parse_docs_cell, DocNumber, DocRef};
use crate::model::{FutureMeeting, FutureMeetingId, Session};
use crate::time::{parse_month, Date, Time};

/// "Annex B: Terms of reference" read as its letter and title; also "ANNEX B – …", "Annex 1",
/// "Appendix I", and a heading with its title in the next paragraph ("Annex B:" alone). Where no
/// separator follows the letter, only a heading set apart (bold, or in a heading style) is one:
/// "Annex B contains the terms" is a sentence.
pub(super) fn annex_heading(text: &str, set_apart: bool) -> Option<(String, String)> {
    let t = text.trim();
    let word = ["annex", "appendix"]
        .into_iter()
        .find(|w| t.len() > w.len() && t.is_char_boundary(w.len()) && t[..w.len()].eq_ignore_ascii_case(w))?;
    let rest = &t[word.len()..];
    if !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim_start();
    let mark: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let letters = (1..=2).contains(&mark.len()) && mark.bytes().all(|b| b.is_ascii_uppercase());
    let digits = (1..=2).contains(&mark.len()) && mark.bytes().all(|b| b.is_ascii_digit());
    let roman = (1..=4).contains(&mark.len()) && mark.bytes().all(|b| b"IVX".contains(&b));
    if !(letters || digits || roman) {
        return None;
    }
    let after = rest[mark.len()..].trim_start();
    let separated = after.is_empty() || after.starts_with([':', '.', '–', '-', '—']);
    if !separated && !set_apart {
        return None;
    }
    let title = after.trim_start_matches([':', '.', ' ', '–', '-', '—']).trim();
    Some((mark, title.to_string()))
}

/// A session row's day and title may be one text ("Monday, 22 January 2018"): kept once.
pub(super) fn title_is_day(s: &Session) -> bool {
    !s.day_label.is_empty() && s.day_label == s.title
}

/// "14:30 - 15:45 hours Geneva time" read as its two times.
pub(super) fn session_times(line: &str) -> Option<(Time, Time)> {
    let t = line.split("hours").next()?.trim();
    let (a, b) = t.split_once(['-', '–', '—'])?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

/// An item's source and title: the bold text its cell starts with, up to a colon, is the
/// source ("Rapporteur, RG-SOP: Draft agenda"), as is a short "X:" before the title.
pub(super) fn source_and_title(paragraphs: &[Paragraph], text: &str) -> (String, String) {
    let first = paragraphs.iter().find(|p| !p.text.trim().is_empty());
    if let Some(p) = first {
        let bold = p.bold_start.trim();
        if let Some(source) = bold.strip_suffix(':') {
            if let Some(rest) = text.trim().strip_prefix(bold) {
                return (source.trim().to_string(), rest.trim().to_string());
            }
        }
    }
    if let Some((head, rest)) = text.split_once(": ") {
        // The source is the bold head alone: a title bold throughout ("Liaison statements:
        // incoming") is a title.
        let bold_head =
            first.map(|p| p.bold_start.trim()).filter(|b| !b.is_empty() && b.len() <= head.len() + 1);
        if !head.contains('\n')
            && head.split_whitespace().count() <= 4
            && !rest.trim().is_empty()
            && bold_head.is_some()
        {
            return (head.trim().to_string(), rest.trim().to_string());
        }
    }
    (String::new(), text.trim().to_string())
}

/// The Docs cell: a paragraph per document as Word and the HTML export print them, a
/// parenthesised line that is no document number being the note of the one above.
pub(super) fn docs(cell: Option<&Cell>) -> Vec<DocRef> {
    let mut out: Vec<DocRef> = Vec::new();
    let Some(cell) = cell.filter(|c| !c.merged) else { return out };
    // A line each, whether Enter or Shift+Enter ended it.
    for t in cell.paragraphs.iter().flat_map(|p| p.text.lines()) {
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        let refs = parse_docs_cell(t);
        let readable = refs.iter().all(|d| !matches!(d.number, DocNumber::Unparsed(_)));
        match (readable, out.last_mut()) {
            (false, Some(last)) if t.starts_with('(') && t.ends_with(')') => {
                push_line(&mut last.note, t[1..t.len() - 1].trim());
            }
            _ => out.extend(refs),
        }
    }
    out
}

/// "Geneva, 29 July – 2 August 2024" read as the place and the first and last days.
pub(super) fn place_and_dates(text: &str) -> (String, Option<Date>, Option<Date>) {
    let text = text.replace('\n', ", ");
    // The dates are the part from the first word that is a day number.
    let mut cut = text.len();
    for (i, _) in text.match_indices(", ") {
        if dates(&text[i + 2..]).is_some() {
            cut = i;
            break;
        }
    }
    if cut == text.len() {
        if let Some((s, e)) = dates(&text) {
            return (String::new(), Some(s), Some(e));
        }
        return (text.trim().to_string(), None, None);
    }
    let (s, e) = dates(&text[cut + 2..]).expect("checked above");
    (text[..cut].trim().to_string(), Some(s), Some(e))
}

/// "29 July – 2 August 2024", "1–2 August 2024", "1 August 2024", "29 July 2024 – 2 August 2025".
pub(super) fn dates(text: &str) -> Option<(Date, Date)> {
    let t = text.trim();
    let (a, b) = match t.split_once(['–', '—']).or_else(|| t.split_once(" - ")).or_else(|| t.split_once('-'))
    {
        Some((a, b)) => (a.trim(), b.trim()),
        None => (t, t),
    };
    let end = long_date(b)?;
    let words: Vec<&str> = a.split_whitespace().collect();
    let start = match words.as_slice() {
        [d] => Date::new(end.year, end.month, d.parse().ok()?),
        [d, m] => Date::new(end.year, parse_month(m)?, d.parse().ok()?),
        _ => long_date(a),
    }?;
    Some((start, end))
}

/// "2 August 2024", with an optional weekday before it.
pub(super) fn long_date(text: &str) -> Option<Date> {
    let words: Vec<&str> = text.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let words = match words.as_slice() {
        [_, d, m, y] => [*d, *m, *y],
        [d, m, y] => [*d, *m, *y],
        _ => return None,
    };
    Date::new(words[2].parse().ok()?, parse_month(words[1])?, words[0].parse().ok()?)
}

/// A future meeting's line as the exports print it: "2 December 2025, 14:00–16:00. Subject".
pub(super) fn future_meeting(id: FutureMeetingId, text: &str) -> FutureMeeting {
    let mut m = FutureMeeting {
        id,
        date: None,
        start: None,
        end: None,
        timing: String::new(),
        subject: String::new(),
    };
    let (when, subject) = match text.split_once(". ") {
        Some((w, s)) => (w, s),
        None => (text, ""),
    };
    let mut timing = Vec::new();
    for part in when.split(", ") {
        let p = part.trim();
        if m.date.is_none() && timing.is_empty() {
            if let Some(d) = long_date(p) {
                m.date = Some(d);
                continue;
            }
        }
        if m.start.is_none() && timing.is_empty() {
            if let Some((a, b)) = p.split_once(['–', '-']) {
                if let (Ok(a), Ok(b)) = (a.trim().parse(), b.trim().parse()) {
                    m.start = Some(a);
                    m.end = Some(b);
                    continue;
                }
            }
            if let Ok(t) = p.parse() {
                m.start = Some(t);
                continue;
            }
        }
        timing.push(p);
    }
    if m.date.is_none() && m.start.is_none() && subject.is_empty() {
        // Nothing dated: the line is the subject.
        m.subject = text.trim().to_string();
        return m;
    }
    m.timing = timing.join(", ");
    m.subject = subject.trim().to_string();
    m
}

/// Appends a line to a text of lines, leaving out an empty one.
pub(super) fn push_line(out: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(line);
}

/// An item's Timing cell as people type it: "09:30", "9.30 h", "09h30", "0930", "2:30 pm",
/// "14:30 CET", and a range ("09:30-10:00", "09:30 – 10:00", "14:00 to 14:45"), read as its
/// start and, for a range, its end. The first time in the text counts; words around it (a zone,
/// "hrs") are passed over.
pub(super) fn timing(text: &str) -> Option<(Time, Option<Time>)> {
    timing_at(text).map(|(start, end, _)| (start, end))
}

/// A session's row written on one line: "Monday, 22 January 2024, 09:30 – 12:30",
/// "Tuesday 23 January 2024 (14:30-17:30)", "Tuesday, 2 December 2025, 09:30 - 12:30 hours
/// Geneva time — Opening plenary": the day, the window, the zone's name (what ends in "time")
/// and the title, each as far as the line has it.
pub(super) struct SessionLine {
    pub(super) day: String,
    pub(super) start: Time,
    pub(super) end: Time,
    pub(super) zone: String,
    pub(super) title: String,
}

pub(super) fn session_line(line: &str) -> Option<SessionLine> {
    let (start, end, at) = timing_at(line)?;
    let end = end?;
    let day = line[..at.start].trim().trim_end_matches([',', '(', '–', '—', '-', ' ']).trim().to_string();
    let mut after = line[at.end..].trim_start_matches([')', ' ', ',']);
    for unit in ["hours", "hrs", "hr", "h"] {
        if let Some(rest) = after.strip_prefix(unit) {
            if !rest.starts_with(|c: char| c.is_alphanumeric()) {
                after = rest;
                break;
            }
        }
    }
    let after = after.trim_start_matches([')', ' ', ',', '.']).trim();
    let (zone, title) = match after.split_once(['—', '–']).or_else(|| after.split_once(" - ")) {
        Some((z, t)) => (z.trim(), t.trim()),
        None if after.to_lowercase().ends_with("time") => (after, ""),
        None => ("", after),
    };
    let (zone, title) = if zone.to_lowercase().ends_with("time") { (zone, title) } else { ("", after) };
    Some(SessionLine { day, start, end, zone: zone.to_string(), title: title.to_string() })
}

/// A start, an end if a range gives one, and where the text writes them.
type Timing = (Time, Option<Time>, std::ops::Range<usize>);

/// [`timing`], with where the times are written in the text. Of the times a text holds, the
/// one most surely a time counts: a range written with separators ("09:30-12:30"), then any
/// range, then a time with a separator, then the first, so that the year of "22 January 2024,
/// 0930-1230" or the date of "22.01.2024, 09:30-12:30" is not read as the time.
fn timing_at(text: &str) -> Option<Timing> {
    let b = text.as_bytes();
    let skip_spaces = |j: &mut usize| {
        while *j < b.len() && b[*j].is_ascii_whitespace() {
            *j += 1;
        }
    };
    let mut best: Option<(u8, Timing)> = None;
    for i in 0..b.len() {
        let starts_number = b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit());
        let Some((start, mut j)) = starts_number.then(|| time_at(b, i)).flatten() else { continue };
        let separated = |from: usize, to: usize| b[from..to].iter().any(|c| !c.is_ascii_digit());
        let plain_start = !separated(i, j);
        skip_spaces(&mut j);
        let rest = &text[j..];
        let after =
            ["-", "–", "—", "to "].iter().find_map(|s| rest.strip_prefix(s)).map(|r| text.len() - r.len());
        let end = after.and_then(|mut k| {
            skip_spaces(&mut k);
            time_at(b, k).map(|(t, e)| (t, e, separated(k, e)))
        });
        let rank = match end {
            Some((_, _, true)) if !plain_start => 0,
            Some(_) => 1,
            None if !plain_start => 2,
            None => 3,
        };
        let until = end.map_or(j, |(_, e, _)| e);
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            best = Some((rank, (start, end.map(|(t, _, _)| t), i..until)));
        }
    }
    best.map(|(_, found)| found)
}

/// A time of day written from `i`: one or two digits, a separator (":", ".", "h") and two
/// digits, or four digits, or an hour alone before "am"/"pm"; with "am"/"pm" after it. Gives the
/// time and where its text ends.
fn time_at(b: &[u8], i: usize) -> Option<(Time, usize)> {
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let number = |from: usize, n: usize| std::str::from_utf8(&b[from..from + n]).ok()?.parse::<u8>().ok();
    let n = digits(i);
    let (mut hour, minute, mut end) = match n {
        1 | 2
            if b.get(i + n).is_some_and(|c| matches!(c, b':' | b'.' | b'h' | b'H'))
                && digits(i + n + 1) == 2 =>
        {
            (number(i, n)?, number(i + n + 1, 2)?, i + n + 3)
        }
        4 => (number(i, 2)?, number(i + 2, 2)?, i + 4),
        1 | 2 => (number(i, n)?, 0, i + n),
        _ => return None,
    };
    // "am"/"pm", with or without a space or dots: "9:30am", "2 p.m.".
    let mut k = end;
    while b.get(k) == Some(&b' ') {
        k += 1;
    }
    let letters = b[k..].iter().take_while(|c| c.is_ascii_alphabetic() || **c == b'.').count();
    let word: Vec<u8> =
        b[k..k + letters].iter().filter(|c| **c != b'.').map(u8::to_ascii_lowercase).collect();
    let meridiem = match word.as_slice() {
        b"am" => Some(false),
        b"pm" => Some(true),
        _ => None,
    };
    match meridiem {
        Some(pm) if (1..=12).contains(&hour) => {
            hour = hour % 12 + if pm { 12 } else { 0 };
            end = k + letters;
        }
        Some(_) => return None,
        // An hour alone is a time only with "am" or "pm".
        None if n <= 2 && end == i + n => return None,
        None => {}
    }
    Time::from_hm(hour, minute).map(|t| (t, end))
}
