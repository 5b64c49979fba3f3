//! Tables pasted from Word, Excel or a web page (a meeting's published document list): the
//! clipboard's HTML, or tab-separated text, read as rows of cells; rows pasted into Annex A read
//! as register entries, their columns matched by the header or, failing that, by position, and
//! rows pasted into the items table read as the Word reader reads an agenda table.

use crate::docref::DocNumber;
use crate::edit::{Edit, EntryField, Field, Value};
use crate::model::{Agenda, EntryId, Item, ItemId, Location, RegisterEntry, SessionId, MAX_ITEM_DEPTH};

/// A column of a register table, as its header names it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum RegisterColumn {
    Position,
    Category,
    Number,
    Revision,
    Source,
    Title,
    Other,
}

/// What a register table's header cell names; the Word reader matches Annex A by the same names.
pub(crate) fn register_column(head: &str) -> RegisterColumn {
    let head: String =
        head.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(':').to_lowercase();
    match head.as_str() {
        "#" | "no" | "no." | "n°" => RegisterColumn::Position,
        "category" | "type" => RegisterColumn::Category,
        "td/c #" | "td/c" | "td" | "number" | "document" | "doc" | "doc." | "td #" | "tdoc" | "td number"
        | "document number" => RegisterColumn::Number,
        "rev" | "rev." | "revision" => RegisterColumn::Revision,
        "source" | "from" | "author" => RegisterColumn::Source,
        "title" | "subject" => RegisterColumn::Title,
        _ => RegisterColumn::Other,
    }
}

/// The rows of the first table of clipboard HTML, each cell's text with its line breaks.
///
/// Hand-written: clipboard HTML (Word's above all, with `mso-` styles, `<o:p>` and conditional
/// comments) is not XML, and an HTML parser crate would weigh more in the bundle than this
/// whole reader; only rows, cells, line breaks and entities matter here. It reads as a browser
/// does what HTML lets a page leave out (`</td>`, `</tr>`), and stays linear in the length of the
/// page, which may be megabytes of a meeting's web page.
pub fn rows_from_html(html: &str) -> Vec<Vec<String>> {
    let mut grid = Grid::default();
    let mut depth = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            grid.text(rest);
            break;
        };
        grid.text(&rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            // A comment, Word's conditional ones included: skipped whole.
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let next = rest.as_bytes().get(1).copied();
        let after_slash = rest.as_bytes().get(2).copied();
        let gt = match (next, after_slash) {
            (Some(c), _) if c.is_ascii_alphabetic() => tag_end(rest),
            (Some(b'/'), Some(c)) if c.is_ascii_alphabetic() => tag_end(rest),
            // `<!DOCTYPE …>`, `<?xml …?>`, `</ …>`: no quoting in those, nothing to read.
            (Some(b'!' | b'?'), _) | (Some(b'/'), Some(_)) => rest.find('>'),
            _ => {
                // "a < b", "<3": a `<` that opens no tag is text to a browser.
                grid.text("<");
                rest = &rest[1..];
                continue;
            }
        };
        let Some(gt) = gt else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            ("style" | "script" | "title", false) => rest = end_tag(rest, &name).map_or("", |i| &rest[i..]),
            // A head may leave out its end tag: then the page goes on after it.
            ("head", false) => rest = end_tag(rest, "head").map_or(rest, |i| &rest[i..]),
            ("table", false) => depth += 1,
            ("table", true) if depth > 0 => {
                if depth == 1 {
                    grid.end_row();
                }
                depth -= 1;
                if depth == 0 && !grid.rows.is_empty() {
                    break;
                }
            }
            ("tr", false) if depth == 1 => {
                grid.end_row();
                grid.row = Some(Vec::new());
            }
            ("tr" | "tbody" | "thead" | "tfoot", _) if depth == 1 => grid.end_row(),
            ("td" | "th", false) if depth == 1 => {
                grid.end_cell();
                grid.row.get_or_insert_with(Vec::new);
                grid.cell = Some((String::new(), span(tag)));
            }
            ("td" | "th", true) if depth == 1 => grid.end_cell(),
            ("br", _) | ("p" | "div" | "li", true) => {
                if let Some((text, _)) = grid.cell.as_mut() {
                    if !text.is_empty() && !text.ends_with('\n') {
                        text.push('\n');
                    }
                }
            }
            _ => {}
        }
    }
    // A table the clipboard cut short: a browser shows what came of it.
    if depth > 0 {
        grid.end_row();
    }
    grid.rows
}

/// The rows read so far, the row being read and its open cell (with its `colspan`).
#[derive(Default)]
struct Grid {
    rows: Vec<Vec<String>>,
    row: Option<Vec<String>>,
    cell: Option<(String, usize)>,
}

impl Grid {
    /// Text between tags, its references decoded and its runs of white space made one space.
    fn text(&mut self, raw: &str) {
        let Some((text, _)) = self.cell.as_mut() else { return };
        let decoded = decoded(raw);
        for (i, word) in decoded.split(|c: char| c.is_whitespace() && c != '\u{a0}').enumerate() {
            if i > 0 && !text.is_empty() && !text.ends_with([' ', '\n']) {
                text.push(' ');
            }
            text.push_str(&word.replace('\u{a0}', " "));
        }
    }

    /// Ends the open cell, as `</td>` does, or the next cell, row or the table's end.
    fn end_cell(&mut self) {
        if let Some((text, span)) = self.cell.take() {
            let row = self.row.get_or_insert_with(Vec::new);
            row.push(text.trim().to_string());
            row.extend(std::iter::repeat_n(String::new(), span - 1));
        }
    }

    /// Ends the open row and its open cell, as `</tr>` does, or the next row or the table's end.
    fn end_row(&mut self) {
        self.end_cell();
        self.rows.extend(self.row.take().filter(|r| !r.is_empty()));
    }
}

/// Where the tag that `s` starts ends: its first `>` outside a quoted attribute value, or none
/// if the page ends first.
fn tag_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'>' => return Some(i),
            b'=' => {
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = b.get(i) {
                    i += 1 + b[i + 1..].iter().position(|&c| c == quote)? + 1;
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Where the end tag `</name` of a `<style>`, `<script>`… next starts in `s`, in any case; read
/// in place, since a page may hold thousands of scripts.
fn end_tag(s: &str, name: &str) -> Option<usize> {
    let (b, name) = (s.as_bytes(), name.as_bytes());
    let mut from = 0;
    while let Some(i) = b[from..].iter().position(|&c| c == b'<') {
        let at = from + i;
        let after = &b[at + 1..];
        if after.len() > name.len()
            && after[0] == b'/'
            && after[1..=name.len()].eq_ignore_ascii_case(name)
            && !after.get(name.len() + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The value of the attribute `name` of a tag (the text between `<` and `>`), unquoted.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let b = tag.as_bytes();
    let mut i = b.iter().position(|c| c.is_ascii_whitespace() || *c == b'/')?;
    loop {
        while b.get(i).is_some_and(|c| c.is_ascii_whitespace() || *c == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        let start = i;
        while b.get(i).is_some_and(|c| !(c.is_ascii_whitespace() || matches!(c, b'/' | b'='))) {
            i += 1;
        }
        let this = &tag[start..i];
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            let (from, to) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = b[i + 1..].iter().position(|&c| c == q).map_or(b.len(), |e| i + 1 + e);
                    (i + 1, end)
                }
                _ => (i, b[i..].iter().position(u8::is_ascii_whitespace).map_or(b.len(), |e| i + e)),
            };
            value = &tag[from..to];
            i = (to + 1).min(b.len());
        }
        if this.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
}

/// A cell's `colspan`, from 1 to 64; a value that is no number is 1, as to a browser.
fn span(tag: &str) -> usize {
    let Some(value) = attribute(tag, "colspan") else { return 1 };
    let digits: String = value.trim_start().chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(1).clamp(1, 64)
}

/// What Windows-1252 puts at 0x80 to 0x9F: what a browser makes of `&#128;` to `&#159;`, which
/// name control characters (pages written in that code page use them); `\0` where it has none.
const WINDOWS_1252: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘', '’', '“',
    '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// Text with its references decoded as a browser decodes them: a numeric one naming no
/// character (a surrogate, beyond U+10FFFF) is U+FFFD, and a control character, typed or
/// referred to, is nothing, white space apart; a NUL in a cell would end a title in Word.
fn decoded(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find("&#") {
        let (radix, digits) = match rest.as_bytes().get(i + 2) {
            Some(b'x' | b'X') => (16, &rest[i + 3..]),
            _ => (10, &rest[i + 2..]),
        };
        let len = digits.bytes().take_while(|d| char::from(*d).is_digit(radix)).count();
        if len == 0 {
            out.push_str(&crate::import::decode_entities(&rest[..i + 2], true));
            rest = &rest[i + 2..];
            continue;
        }
        out.push_str(&crate::import::decode_entities(&rest[..i], true));
        let value = digits[..len]
            .chars()
            .fold(0u32, |v, d| v.saturating_mul(radix).saturating_add(d.to_digit(radix).unwrap_or(0)));
        match value {
            0x80..=0x9f => out.push(WINDOWS_1252[value as usize - 0x80]),
            _ => out.push(char::from_u32(value).unwrap_or('\u{fffd}')),
        }
        rest = &digits[len..];
        rest = rest.strip_prefix(';').unwrap_or(rest);
    }
    out.push_str(&crate::import::decode_entities(rest, true));
    out.retain(|c| !c.is_control() || c.is_whitespace());
    out
}

/// Tab-separated text (Excel's, or a plain table) as rows of cells.
pub fn rows_from_tsv(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(|c| c.trim().to_string()).collect())
        .collect()
}

/// What pasting rows into Annex A does: one undoable edit, and how many entries it adds and
/// fills in.
#[derive(Debug, PartialEq)]
pub struct Pasted {
    pub edit: Option<Edit>,
    pub added: usize,
    pub updated: usize,
}

/// The edit that pastes `rows` into the register: a row whose document is already there fills
/// its empty fields only; any other row with a document number is a new entry at the end.
pub fn paste_register(agenda: &Agenda, rows: &[Vec<String>]) -> Pasted {
    let Some(first) = rows.first() else { return Pasted { edit: None, added: 0, updated: 0 } };
    let named: Vec<RegisterColumn> = first.iter().map(|c| register_column(c)).collect();
    let has_header = named.contains(&RegisterColumn::Number);
    let (columns, body) = if has_header { (named, &rows[1..]) } else { (by_position(rows), rows) };
    let at = |row: &[String], c: RegisterColumn| {
        columns
            .iter()
            .position(|x| *x == c)
            .and_then(|i| row.get(i))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let mut edits = Vec::new();
    let mut register: Vec<RegisterEntry> = agenda.register.clone();
    let mut fresh = agenda.new_entry_ids();
    let (mut added, mut updated) = (0, 0);
    for row in body {
        let mut number = at(row, RegisterColumn::Number);
        let rev: String = at(row, RegisterColumn::Revision).chars().filter(char::is_ascii_digit).collect();
        if !rev.is_empty() && number.is_empty() {
            continue;
        }
        if !rev.is_empty() {
            number = format!("{number}R{rev}");
        }
        let number = DocNumber::parse(&number);
        if !matches!(number, DocNumber::Document(_)) {
            continue;
        }
        let (category, source, title) = (
            at(row, RegisterColumn::Category),
            at(row, RegisterColumn::Source),
            at(row, RegisterColumn::Title),
        );
        match register.iter_mut().find(|e| e.number == number) {
            Some(e) => {
                let mut filled = false;
                for (field, now, new) in [
                    (EntryField::Category, &mut e.category, category),
                    (EntryField::Source, &mut e.source, source),
                    (EntryField::Title, &mut e.title, title),
                ] {
                    if now.trim().is_empty() && !new.is_empty() {
                        edits.push(Edit::Set {
                            field: Field::Entry { entry: e.id, field },
                            value: Value::Text(new.clone()),
                        });
                        *now = new;
                        filled = true;
                    }
                }
                updated += usize::from(filled);
            }
            None => {
                let entry = RegisterEntry {
                    id: EntryId(fresh.next().unwrap_or(crate::model::MAX_ID)),
                    number,
                    category,
                    source,
                    title,
                };
                edits.push(Edit::InsertEntry { index: register.len(), entry: Box::new(entry.clone()) });
                register.push(entry);
                added += 1;
            }
        }
    }
    Pasted { edit: (!edits.is_empty()).then_some(Edit::Batch(edits)), added, updated }
}

/// Columns by position, for rows without a header: Annex A's own order (position, category,
/// number, source, title), from the column that holds document numbers.
fn by_position(rows: &[Vec<String>]) -> Vec<RegisterColumn> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let numbers = (0..width)
        .max_by_key(|&i| {
            rows.iter()
                .filter(|r| {
                    r.get(i).is_some_and(|c| matches!(DocNumber::parse(c.trim()), DocNumber::Document(_)))
                })
                .count()
        })
        .unwrap_or(0);
    (0..width)
        .map(|i| match i as isize - numbers as isize {
            0 => RegisterColumn::Number,
            -1 => RegisterColumn::Category,
            1 => RegisterColumn::Source,
            2 => RegisterColumn::Title,
            _ => RegisterColumn::Other,
        })
        .collect()
}

/// What pasting rows into a session does: one undoable edit adding the items read.
#[derive(Debug, PartialEq)]
pub struct PastedItems {
    pub edit: Option<Edit>,
    pub added: usize,
    /// Rows not understood, kept as text in the notes of the item above them.
    pub not_understood: usize,
}

/// The items of pasted agenda rows, read as the Word reader reads an agenda table, and how many
/// rows were not understood (kept as text in the notes of the item above them).
pub fn pasted_items(rows: &[Vec<String>]) -> (Vec<Item>, usize) {
    crate::import::docx::reading::pasted_items(rows)
}

/// The edit that adds `items` (read from pasted rows) at the end of `session`, with new ids.
/// Apart from [`pasted_items`] so that the editor can read the rows where the Word reader's code
/// is, and make the edit where the agenda is.
pub fn insert_items(
    agenda: &Agenda,
    session: SessionId,
    mut items: Vec<Item>,
    not_understood: usize,
) -> PastedItems {
    let Some(s) = agenda.session(session) else {
        return PastedItems { edit: None, added: 0, not_understood };
    };
    within_depth(&mut items, 1);
    let mut next = agenda.new_item_ids();
    fn renumber(item: &mut Item, next: &mut impl Iterator<Item = u32>) -> usize {
        item.id = ItemId(next.next().unwrap_or(crate::model::MAX_ID));
        1 + item.children.iter_mut().map(|c| renumber(c, next)).sum::<usize>()
    }
    let added = items.iter_mut().map(|i| renumber(i, &mut next)).sum();
    let edits: Vec<Edit> = items
        .into_iter()
        .enumerate()
        .map(|(k, item)| Edit::InsertItem {
            at: Location { session, parent: None, index: s.items.len() + k },
            item: Box::new(item),
        })
        .collect();
    PastedItems { edit: (!edits.is_empty()).then_some(Edit::Batch(edits)), added, not_understood }
}

/// Items nested deeper than [`MAX_ITEM_DEPTH`] levels (rows numbered 1, 1.1, 1.1.1, … far
/// down) moved up to the deepest level, each after the one it was under, in the rows' order:
/// an agenda nested deeper could be saved but not opened again. `items` are at `level`, the
/// top one being 1.
fn within_depth(items: &mut Vec<Item>, level: usize) {
    if level < MAX_ITEM_DEPTH {
        for item in items.iter_mut() {
            within_depth(&mut item.children, level + 1);
        }
        return;
    }
    if items.iter().all(|i| i.children.is_empty()) {
        return;
    }
    // A stack rather than recursion: what is below may be thousands of levels deep.
    let mut flat = Vec::with_capacity(items.len());
    let mut stack: Vec<Item> = std::mem::take(items).into_iter().rev().collect();
    while let Some(mut item) = stack.pop() {
        let children = std::mem::take(&mut item.children);
        flat.push(item);
        stack.extend(children.into_iter().rev());
    }
    *items = flat;
}

/// The edit that adds the items of pasted agenda rows at the end of `session`, with new ids.
pub fn paste_items(agenda: &Agenda, session: SessionId, rows: &[Vec<String>]) -> PastedItems {
    let (items, not_understood) = pasted_items(rows);
    insert_items(agenda, session, items, not_understood)
}
