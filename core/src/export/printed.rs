//! What both exports print the same way: the header's lines, a session's day, the meeting's
//! dates, and free text read as paragraphs and bullet lists.

use crate::model::{Agenda, Contact, FutureMeeting, Session};
use crate::time::Date;

/// A session's day as printed: its day label, or one made from its date.
pub fn session_day(label: &str, date: Option<Date>) -> String {
    if !label.trim().is_empty() {
        label.trim().to_string()
    } else {
        date.map(Date::day_label).unwrap_or_default()
    }
}

/// "29 July – 2 August 2024", "1–2 August 2024", "1 August 2024".
pub fn date_range(start: Option<Date>, end: Option<Date>) -> String {
    match (start, end) {
        (Some(s), Some(e)) if s == e => s.long(),
        (Some(s), Some(e)) if s.year == e.year && s.month == e.month => {
            format!("{}–{} {} {}", s.day, e.day, e.month_name(), e.year)
        }
        (Some(s), Some(e)) if s.year == e.year => {
            format!("{} {} – {} {} {}", s.day, s.month_name(), e.day, e.month_name(), e.year)
        }
        (Some(s), Some(e)) => format!("{} – {}", s.long(), e.long()),
        (Some(s), None) => s.long(),
        (None, Some(e)) => e.long(),
        (None, None) => String::new(),
    }
}

/// A piece of free text as the exports lay it out.
#[derive(Debug, PartialEq, Eq)]
pub enum Block<'a> {
    /// Lines that belong together, trimmed.
    Paragraph(Vec<&'a str>),
    /// A bullet list: each bullet's text, trimmed.
    List(Vec<&'a str>),
}

/// Paragraphs separated by blank lines; lines starting with "- ", "· ", "• " or "* " are
/// bullets, and a run of them one list until a line that is not one.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<&str> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        let bullet = ["- ", "· ", "• ", "* ", "-", "·", "•"]
            .iter()
            .find_map(|b| t.strip_prefix(b))
            .filter(|rest| !t.starts_with("--") && !rest.trim().is_empty());
        match bullet {
            Some(rest) => {
                if !para.is_empty() {
                    out.push(Block::Paragraph(std::mem::take(&mut para)));
                }
                list.push(rest.trim());
            }
            None => {
                if !list.is_empty() {
                    out.push(Block::List(std::mem::take(&mut list)));
                }
                if t.is_empty() {
                    if !para.is_empty() {
                        out.push(Block::Paragraph(std::mem::take(&mut para)));
                    }
                } else {
                    para.push(t);
                }
            }
        }
    }
    if !list.is_empty() {
        out.push(Block::List(list));
    }
    if !para.is_empty() {
        out.push(Block::Paragraph(para));
    }
    out
}

/// The document number as the agenda's header prints it: its own number with the revision
/// ("TD514R1"), or what was typed where it cannot be read.
pub fn document_label(a: &Agenda) -> String {
    match a.own_document() {
        Some(id) => id.to_string(),
        None => a.document.trim().to_string(),
    }
}

/// "Geneva, 29 July – 2 August 2024": the place and the meeting's dates, either left out when
/// empty.
pub fn place_and_dates(a: &Agenda) -> String {
    [a.place.trim().to_string(), date_range(a.start_date, a.end_date)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// "STUDY PERIOD 2017-2020", under the Union's name; a period typed with its words is not
/// given them twice.
pub fn study_period(a: &Agenda) -> Option<String> {
    let p = a.study_period.trim();
    let p = match p.get(..12) {
        Some(head) if head.eq_ignore_ascii_case("study period") => p[12..].trim(),
        _ => p,
    };
    (!p.is_empty()).then(|| format!("STUDY PERIOD {p}"))
}

/// "Original: English", under the document number.
pub fn original_language(a: &Agenda) -> Option<String> {
    let l = a.original_language.trim();
    (!l.is_empty()).then(|| format!("Original: {l}"))
}

/// The rows of the header table under its first row, in a TD's order, each as its label and
/// its text; empty ones are left out.
pub fn header_rows(a: &Agenda) -> Vec<(&'static str, String)> {
    [
        ("Question(s)", a.questions.trim().to_string()),
        ("Meeting", a.meeting.trim().to_string()),
        ("Place and dates", place_and_dates(a)),
        ("Source", a.source.trim().to_string()),
        ("Title", a.title.trim().to_string()),
        ("Purpose", a.purpose.trim().to_string()),
        ("Status", a.status.trim().to_string()),
        ("Contact", contact_lines(&a.contact).join("\n")),
        ("Keywords", a.keywords.trim().to_string()),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .collect()
}

/// The contact as a TD prints it: name, organisation, "E-mail: …", one per line.
fn contact_lines(c: &Contact) -> Vec<String> {
    let mut lines: Vec<String> =
        [&c.name, &c.organisation].iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
    if !c.email.trim().is_empty() {
        lines.push(format!("E-mail: {}", c.email.trim()));
    }
    lines
}

/// A session's times as printed under its day: "14:30 - 15:45 hours Geneva time".
pub fn session_times(a: &Agenda, s: &Session) -> Option<String> {
    let (Some(st), Some(en)) = (s.start, s.end) else { return None };
    let mut out = format!("{st} - {en} hours");
    if !a.time_zone_label.trim().is_empty() {
        out.push(' ');
        out.push_str(a.time_zone_label.trim());
    }
    Some(out)
}

/// A future meeting in a line: "2 December 2025, 14:00–16:00. Next RG-SOP meeting".
pub fn future_meeting(m: &FutureMeeting) -> String {
    let mut when = Vec::new();
    if let Some(d) = m.date {
        when.push(d.long());
    }
    match (m.start, m.end) {
        (Some(s), Some(e)) => when.push(format!("{s}–{e}")),
        (Some(s), None) => when.push(s.to_string()),
        _ => {}
    }
    if !m.timing.trim().is_empty() {
        when.push(m.timing.trim().to_string());
    }
    let mut out = when.join(", ");
    if !m.subject.trim().is_empty() {
        if !when.is_empty() {
            out.push_str(". ");
        }
        out.push_str(m.subject.trim());
    }
    out
}

/// An action as printed: its own final dots replaced by one.
pub fn action(text: &str) -> String {
    format!("{}.", text.trim().trim_end_matches('.'))
}
