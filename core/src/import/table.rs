//! Tables pasted from Word, Excel or a web page (a meeting's published document list): the
//! clipboard's HTML, or tab-separated text, read as rows of cells; rows pasted into Annex A read
//! as register entries, their columns matched by the header or, failing that, by position, and
//! rows pasted into the items table read as the Word reader reads an agenda table.

use crate::docref::DocNumber;
use crate::edit::{Edit, EntryField, Field, Value};
use crate::model::{Agenda, EntryId, Item, ItemId, Location, RegisterEntry, SessionId};

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
/// whole reader; only rows, cells, line breaks and entities matter here.
pub fn rows_from_html(html: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row: Option<Vec<String>> = None;
    let mut cell: Option<(String, usize)> = None;
    let mut depth = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text_into(&mut cell, rest);
            break;
        };
        text_into(&mut cell, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            // A comment, Word's conditional ones included: skipped whole.
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
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
            ("style" | "script" | "head" | "title", false) => {
                let end = format!("</{name}");
                rest = rest.to_ascii_lowercase().find(&end).map_or("", |i| &rest[i..]);
            }
            ("table", false) => depth += 1,
            ("table", true) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && !rows.is_empty() {
                    break;
                }
            }
            ("tr", false) if depth == 1 => row = Some(Vec::new()),
            ("tr", true) if depth == 1 => rows.extend(row.take().filter(|r| !r.is_empty())),
            ("td" | "th", false) if depth == 1 => cell = Some((String::new(), span(tag))),
            ("td" | "th", true) if depth == 1 => {
                if let (Some(r), Some((text, span))) = (row.as_mut(), cell.take()) {
                    r.push(text.trim().to_string());
                    r.extend(std::iter::repeat_n(String::new(), span - 1));
                }
            }
            ("br", _) | ("p" | "div" | "li", true) => {
                if let Some((text, _)) = cell.as_mut() {
                    if !text.is_empty() && !text.ends_with('\n') {
                        text.push('\n');
                    }
                }
            }
            _ => {}
        }
    }
    rows
}

/// A cell's `colspan`, from 1 to 64.
fn span(tag: &str) -> usize {
    let lower = tag.to_ascii_lowercase();
    let Some(at) = lower.find("colspan") else { return 1 };
    let digits: String = lower[at + 7..]
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap_or(1).clamp(1, 64)
}

/// Text between tags, its entities decoded and its runs of white space made one space.
fn text_into(cell: &mut Option<(String, usize)>, raw: &str) {
    let Some((text, _)) = cell.as_mut() else { return };
    let decoded = crate::import::decode_entities(raw, true);
    for (i, word) in decoded.split(|c: char| c.is_whitespace() && c != '\u{a0}').enumerate() {
        if i > 0 && !text.is_empty() && !text.ends_with([' ', '\n']) {
            text.push(' ');
        }
        text.push_str(&word.replace('\u{a0}', " "));
    }
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
    let mut next = agenda.next_entry_id().0;
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
                let entry = RegisterEntry { id: EntryId(next), number, category, source, title };
                next += 1;
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
    let mut next = agenda.next_item_id().0;
    fn renumber(item: &mut Item, next: &mut u32) -> usize {
        item.id = ItemId(*next);
        *next += 1;
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

/// The edit that adds the items of pasted agenda rows at the end of `session`, with new ids.
pub fn paste_items(agenda: &Agenda, session: SessionId, rows: &[Vec<String>]) -> PastedItems {
    let (items, not_understood) = pasted_items(rows);
    insert_items(agenda, session, items, not_understood)
}
