//! Exports: the printable HTML agenda, laid out like the TD it replaces, as one standalone file
//! (inline CSS, no scripts, no external requests), and the file name an export gets. Every piece
//! of user text goes through [`escape`]; links are only ever http(s).

use std::fmt::Write;

use crate::docref::{DocNumber, DocRef};
use crate::model::{annex_letter, Agenda, REGISTER_LETTER};
use crate::numbering::Outline;
use crate::time::Date;

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Escaped text with line breaks kept.
fn text_lines(out: &mut String, text: &str) {
    for (i, line) in text.trim().lines().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        escape_into(out, line.trim_end());
    }
}

/// The link for a document number, when the template is an http(s) address with `{number}`.
pub fn document_link(template: &str, number: &DocNumber) -> Option<String> {
    let t = template.trim();
    if !(t.starts_with("https://") || t.starts_with("http://")) || !t.contains("{number}") {
        return None;
    }
    let DocNumber::Document(id) = number else { return None };
    let mut encoded = String::new();
    for b in id.to_string().bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            encoded.push(b as char);
        } else {
            let _ = write!(encoded, "%{b:02X}");
        }
    }
    let url = t.replace("{number}", &encoded);
    // A template whose other characters would end the attribute or open a new scheme is refused.
    if url.chars().any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>' || c.is_control()) {
        return None;
    }
    Some(url)
}

fn number_html(out: &mut String, template: &str, number: &DocNumber) {
    match document_link(template, number) {
        Some(url) => {
            out.push_str("<a href=\"");
            escape_into(out, &url);
            out.push_str("\">");
            escape_into(out, &number.to_string());
            out.push_str("</a>");
        }
        None => escape_into(out, &number.to_string()),
    }
}

fn doc_html(out: &mut String, template: &str, d: &DocRef) {
    out.push_str("<div class=\"doc\">");
    if !d.introduced {
        out.push('(');
    }
    number_html(out, template, &d.number);
    if !d.introduced {
        out.push(')');
    }
    if !d.note.trim().is_empty() {
        out.push_str("<div class=\"doc-note\">(");
        escape_into(out, d.note.trim());
        out.push_str(")</div>");
    }
    out.push_str("</div>");
}

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

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font: 11pt/1.35 "Times New Roman", Times, serif; color: #000; background: #fff; margin: 0 auto; max-width: 190mm; padding: 12mm 10mm; }
h1 { font-size: 14pt; margin: 6mm 0 3mm; }
h2 { font-size: 12pt; margin: 6mm 0 2mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #000; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.head { width: 100%; margin-bottom: 4mm; }
.head td { border: none; padding: 0.6mm 1.6mm 0.6mm 0; }
.head .label { font-weight: bold; width: 34mm; }
.docno { font-size: 16pt; font-weight: bold; text-align: right; }
.session td { font-weight: bold; background: #eee; }
.depth-1 .num, .depth-1 .title { padding-left: 5mm; }
.depth-2 .num, .depth-2 .title { padding-left: 9mm; }
.source { font-weight: bold; }
.doc-note, .muted { font-size: 9.5pt; }
.actions { font-style: italic; }
.timing { white-space: nowrap; width: 22mm; }
.num { width: 10mm; }
.docs { width: 24mm; }
.register td:first-child { width: 8mm; }
a { color: #000; }
ul { margin: 1mm 0 1mm 5mm; padding-left: 4mm; }
p { margin: 1.5mm 0; }
@page { size: A4 portrait; margin: 18mm 16mm 20mm; @bottom-center { content: counter(page) " / " counter(pages); font: 9pt serif; } }
@media print { body { padding: 0; max-width: none; } a { text-decoration: none; } }
"#;

fn head_row(out: &mut String, label: &str, value: &str) {
    if value.trim().is_empty() {
        return;
    }
    out.push_str("<tr><td class=\"label\">");
    escape_into(out, label);
    out.push_str("</td><td>");
    text_lines(out, value);
    out.push_str("</td></tr>\n");
}

/// Paragraphs separated by blank lines; lines starting with "- ", "· ", "• " or "* " are
/// bullets.
fn rich_text(out: &mut String, text: &str) {
    let mut in_list = false;
    let mut para: Vec<&str> = Vec::new();
    let flush_para = |out: &mut String, para: &mut Vec<&str>| {
        if !para.is_empty() {
            out.push_str("<p>");
            text_lines(out, &para.join("\n"));
            out.push_str("</p>");
            para.clear();
        }
    };
    for line in text.lines() {
        let t = line.trim();
        let bullet = ["- ", "· ", "• ", "* ", "-", "·", "•"]
            .iter()
            .find_map(|b| t.strip_prefix(b))
            .filter(|rest| !t.starts_with("--") && !rest.trim().is_empty());
        match bullet {
            Some(rest) => {
                flush_para(out, &mut para);
                if !in_list {
                    out.push_str("<ul>");
                    in_list = true;
                }
                out.push_str("<li>");
                escape_into(out, rest.trim());
                out.push_str("</li>");
            }
            None => {
                if in_list {
                    out.push_str("</ul>");
                    in_list = false;
                }
                if t.is_empty() {
                    flush_para(out, &mut para);
                } else {
                    para.push(t);
                }
            }
        }
    }
    if in_list {
        out.push_str("</ul>");
    }
    flush_para(out, &mut para);
}

/// The rows of the items of the session at `session`, numbered by [`crate::numbering`].
fn item_rows(out: &mut String, a: &Agenda, outline: &Outline, session: usize) {
    for k in outline.session(session) {
        let item = outline.items()[k];
        let depth = outline.depth(k);
        let _ = write!(out, "<tr class=\"item depth-{}\"><td class=\"timing\">", depth.min(2));
        if let Some(t) = item.start {
            let _ = write!(out, "{t} hours");
        }
        out.push_str("</td><td class=\"num\">");
        outline.write_number_at(k, out);
        out.push_str("</td><td class=\"title\">");
        if !item.source.trim().is_empty() {
            out.push_str("<span class=\"source\">");
            escape_into(out, item.source.trim());
            out.push_str(":</span> ");
        }
        text_lines(out, &item.title);
        out.push_str("</td><td class=\"docs\">");
        for d in &item.docs {
            doc_html(out, &a.link_template, d);
        }
        out.push_str("</td><td class=\"proposal\">");
        if !item.summary.trim().is_empty() {
            rich_text(out, &item.summary);
        }
        if !item.actions.is_empty() {
            out.push_str("<p class=\"actions\">");
            for (k, act) in item.actions.iter().enumerate() {
                if k > 0 {
                    out.push_str("<br>");
                }
                escape_into(out, act.trim().trim_end_matches('.'));
                out.push('.');
            }
            out.push_str("</p>");
        }
        if !item.notes.trim().is_empty() {
            rich_text(out, &item.notes);
        }
        out.push_str("</td></tr>\n");
    }
}

/// The printable agenda: one standalone HTML document.
pub fn html(a: &Agenda) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let doc_label = match a.own_document() {
        Some(id) => id.to_string(),
        None => a.document.trim().to_string(),
    };
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n");
    out.push_str("<title>");
    escape_into(&mut out, &a.display_name());
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");

    // Header block.
    out.push_str("<table class=\"head\"><tr><td>");
    escape_into(&mut out, a.group.trim());
    out.push_str("</td><td class=\"docno\">");
    escape_into(&mut out, &doc_label);
    out.push_str("</td></tr></table>\n<table class=\"head\">\n");
    head_row(&mut out, "Meeting", &a.meeting);
    let where_when = [a.place.trim().to_string(), date_range(a.start_date, a.end_date)]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    head_row(&mut out, "Place and dates", &where_when);
    head_row(&mut out, "Source", &a.source);
    head_row(&mut out, "Title", &a.title);
    head_row(&mut out, "Status", &a.status);
    out.push_str("</table>\n");
    if !a.abstract_text.trim().is_empty() {
        out.push_str("<h2>Abstract</h2>\n");
        rich_text(&mut out, &a.abstract_text);
        out.push('\n');
    }
    if !a.action_required.trim().is_empty() {
        out.push_str("<p><strong>Action required:</strong> ");
        text_lines(&mut out, &a.action_required);
        out.push_str("</p>\n");
    }
    if !a.notes.trim().is_empty() {
        out.push_str("<p><strong>Note:</strong> ");
        text_lines(&mut out, &a.notes);
        out.push_str("</p>\n");
    }

    // Items.
    out.push_str("<h1>Agenda</h1>\n<table class=\"items\">\n<thead><tr><th>Timing</th><th>#</th><th>Agenda Item</th><th>Docs</th><th>Summary and Proposal</th></tr></thead>\n<tbody>\n");
    let outline = Outline::new(a);
    for (si, s) in a.sessions.iter().enumerate() {
        out.push_str("<tr class=\"session\"><td colspan=\"2\">");
        let day = session_day(&s.day_label, s.date);
        escape_into(&mut out, &day);
        if let (Some(st), Some(en)) = (s.start, s.end) {
            if !day.is_empty() {
                out.push_str("<br>");
            }
            let _ = write!(out, "{st} - {en} hours");
            if !a.time_zone_label.trim().is_empty() {
                out.push(' ');
                escape_into(&mut out, a.time_zone_label.trim());
            }
        }
        out.push_str("</td><td colspan=\"3\">");
        escape_into(&mut out, s.title.trim());
        out.push_str("</td></tr>\n");
        item_rows(&mut out, a, &outline, si);
    }
    out.push_str("</tbody>\n</table>\n");

    if !a.future_meetings.is_empty() {
        out.push_str("<h2>Future meetings</h2>\n<ul class=\"future\">\n");
        for m in &a.future_meetings {
            out.push_str("<li>");
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
            escape_into(&mut out, &when.join(", "));
            if !m.subject.trim().is_empty() {
                out.push_str(if when.is_empty() { "" } else { ". " });
                escape_into(&mut out, m.subject.trim());
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }

    // Annex A, the register.
    let _ = writeln!(out, "<h2>Annex {REGISTER_LETTER}: Documentation</h2>");
    out.push_str("<table class=\"register\">\n<thead><tr><th>#</th><th>Category</th><th>TD/C #</th><th>Source</th><th>Title</th></tr></thead>\n<tbody>\n");
    for (i, e) in a.register.iter().enumerate() {
        let _ = write!(out, "<tr><td>{}.</td><td>", i + 1);
        escape_into(&mut out, e.category.trim());
        out.push_str("</td><td>");
        number_html(&mut out, &a.link_template, &e.number);
        out.push_str("</td><td>");
        escape_into(&mut out, e.source.trim());
        out.push_str("</td><td>");
        escape_into(&mut out, e.title.trim());
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");

    for (i, an) in a.annexes.iter().enumerate() {
        let _ = write!(out, "<h2>Annex {}: ", annex_letter(i));
        escape_into(&mut out, an.title.trim());
        out.push_str("</h2>\n");
        rich_text(&mut out, &an.body);
        out.push('\n');
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The file name an export gets: "TD514-agenda-rg-sop.agenda.json".
pub fn file_name(a: &Agenda, extension: &str) -> String {
    let mut short = String::new();
    for word in a.title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(5) {
        if !short.is_empty() {
            short.push('-');
        }
        short.push_str(&word.to_lowercase());
    }
    let doc: String = a.document.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    let base = match (doc.is_empty(), short.is_empty()) {
        (true, true) => "agenda".to_string(),
        (true, false) => short,
        (false, true) => doc,
        (false, false) => format!("{doc}-{short}"),
    };
    format!("{base}.{extension}")
}
