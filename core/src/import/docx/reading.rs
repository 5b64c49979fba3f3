//! An agenda read from the blocks of a Word TD: the header table, the items table (found by its
//! header row), Annex A, the other annexes and the future meetings. What is not understood is
//! kept as text (in the item above it, or the agenda's note) and counted, never dropped.

use super::printed::{
    annex_heading, docs, future_meeting, long_date, place_and_dates, push_line, session_line, session_times,
    source_and_title, timing, title_is_day,
};
use super::wordml::{Block, Cell, Paragraph, Table};
use super::{ImportError, Imported, Summary};
use crate::docref::DocNumber;
use crate::format::split_proposal;
use crate::import::table::{register_column, RegisterColumn};
use crate::model::{
    Agenda, Annex, AnnexId, Contact, EntryId, FutureMeetingId, Item, ItemId, RegisterEntry, Session,
    SessionId, MAX_ITEM_DEPTH,
};
use crate::time::{Date, DayLabel, Time};

/// The columns of the items table, as its header row names them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Column {
    Timing,
    Number,
    Item,
    Docs,
    Proposal,
    Source,
    Other,
}

fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").trim_end_matches(':').trim().to_lowercase()
}

fn items_column(head: &str) -> Column {
    let h = normal(head);
    let h = h.as_str();
    match h {
        "timing" | "time" | "times" | "hour" | "hours" | "schedule" | "heure" | "horaire" | "hora" => {
            Column::Timing
        }
        _ if h.starts_with("time ") || h.starts_with("time(") => Column::Timing,
        "#" | "no" | "no." | "nr" | "nr." | "n°" | "item no." | "item no" | "item #" | "item number"
        | "number" => Column::Number,
        "agenda item" | "agenda items" | "item" | "items" | "subject" | "title" | "topic" | "description"
        | "agenda" | "sujet" | "objet" | "titre" | "point" | "tema" | "asunto" | "título" => Column::Item,
        "docs" | "docs." | "doc" | "doc." | "doc(s)" | "tds" | "td" | "td/c" | "tds/cs" | "td/c #"
        | "inputs" => Column::Docs,
        _ if h.contains("document") => Column::Docs,
        _ if h.starts_with("summary") || h.starts_with("proposal") || h.contains("action") => {
            Column::Proposal
        }
        "expected outcome" | "purpose" => Column::Proposal,
        "source" | "sources" | "presenter" | "presented by" | "from" => Column::Source,
        _ => Column::Other,
    }
}

/// The columns a header row names, each kind read once: of two item columns ("Item | Subject")
/// the one headed "Item" holds the numbers, and a second column of a kind read once is kept as
/// text (Documents and Summary/Proposal columns may come several times, and are all read).
fn resolve(heads: &[String]) -> Vec<Column> {
    let mut columns: Vec<Column> = heads.iter().map(|h| items_column(h)).collect();
    let items = columns.iter().filter(|c| **c == Column::Item).count();
    if items > 1 && !columns.contains(&Column::Number) {
        if let Some(i) = heads.iter().position(|h| matches!(normal(h).as_str(), "item" | "items")) {
            columns[i] = Column::Number;
        }
    }
    let mut seen = Vec::new();
    for c in &mut columns {
        if matches!(c, Column::Timing | Column::Number | Column::Item | Column::Source) {
            if seen.contains(c) {
                *c = Column::Other;
            } else {
                seen.push(*c);
            }
        }
    }
    columns
}

/// The cells of a row by grid column: a cell spanning columns fills each of them.
fn by_grid(row: &[Cell]) -> Vec<&Cell> {
    let mut out = Vec::new();
    for c in row {
        for _ in 0..c.span.max(1) {
            out.push(c);
        }
    }
    out
}

fn is_items_table(t: &Table) -> Option<Vec<Column>> {
    let head = t.rows.first()?;
    let heads: Vec<String> = by_grid(head).iter().map(|c| c.text()).collect();
    let columns = resolve(&heads);
    let has = |c| columns.contains(&c);
    // An item column beside documents, proposals or times: Annex A has a number and a title too.
    (has(Column::Item) && (has(Column::Docs) || has(Column::Proposal) || has(Column::Timing)))
        .then_some(columns)
}

/// Rows above an items table's header that only title it ("DRAFT AGENDA" across the table),
/// taken out so that the header is the first row; their text, to keep.
fn title_rows(t: &mut Table) -> Vec<String> {
    for k in 1..=2.min(t.rows.len().saturating_sub(1)) {
        let titles = t.rows[..k].iter().all(|row| row.iter().filter(|c| !c.text().is_empty()).count() <= 1);
        if !titles {
            return Vec::new();
        }
        let header = Table { rows: t.rows[k..k + 1].to_vec() };
        if is_items_table(&header).is_some() {
            return t
                .rows
                .drain(..k)
                .flat_map(|row| row.into_iter().map(|c| c.text()))
                .filter(|t| !t.is_empty())
                .collect();
        }
    }
    Vec::new()
}

fn register_columns(t: &Table) -> Option<Vec<RegisterColumn>> {
    let head = t.rows.first()?;
    let columns: Vec<RegisterColumn> = by_grid(head).iter().map(|c| register_column(&c.text())).collect();
    let has = |c| columns.contains(&c);
    (has(RegisterColumn::Number) && has(RegisterColumn::Title)).then_some(columns)
}

pub fn agenda(blocks: Vec<Block>, id: &str) -> Result<Imported, ImportError> {
    let mut r = Reading {
        agenda: Agenda { id: id.to_string(), ..Agenda::default() },
        summary: Summary::default(),
        next_item: 1,
        unnumbered_are_items: false,
    };
    let mut seen_items = false;
    let mut first_header = true;
    let mut section = Section::Front;
    let mut front: Vec<Paragraph> = Vec::new();
    let mut blocks = blocks.into_iter().peekable();
    while let Some(block) = blocks.next() {
        match block {
            Block::Table(mut t) => {
                if is_items_table(&t).is_none() {
                    for line in title_rows(&mut t) {
                        push_line(&mut r.agenda.notes, &line);
                    }
                }
                let register = register_columns(&t);
                let items = is_items_table(&t).filter(|columns| {
                    // Annex A ("No. | Document | Source | Title") names an item column and
                    // documents too; with neither times nor proposals, it is the register once
                    // the items have been read, or where it names a source or a category.
                    let listing = register.as_ref().is_some_and(|r| {
                        r.contains(&RegisterColumn::Source) || r.contains(&RegisterColumn::Category)
                    });
                    let agenda_like =
                        columns.contains(&Column::Timing) || columns.contains(&Column::Proposal);
                    register.is_none() || agenda_like || !(seen_items || listing)
                });
                if let Some(columns) = items {
                    r.items(&t, &columns);
                    seen_items = true;
                    section = Section::AfterItems;
                } else if let Some(columns) = register {
                    r.register(&t, &columns);
                    section = Section::AfterItems;
                } else if !seen_items {
                    // Every table above the items is the header: some TDs split it in two.
                    r.header(&t, first_header);
                    first_header = false;
                } else {
                    // A table of its own: kept as text where the reading is.
                    let text: Vec<String> = t
                        .rows
                        .iter()
                        .map(|row| row.iter().map(Cell::text).collect::<Vec<_>>().join(" | "))
                        .collect();
                    r.summary.not_understood += t.rows.len();
                    r.keep(&mut section, &text.join("\n"));
                }
            }
            Block::Paragraph(p) => {
                if p.text.trim().is_empty() {
                    if let Section::Annex(i) = section {
                        r.agenda.annexes[i].body.push('\n');
                    }
                    continue;
                }
                // A table of items per session, each under a heading naming the session.
                let before_items =
                    matches!(blocks.peek(), Some(Block::Table(t)) if is_items_table(t).is_some());
                if before_items && r.session_heading(p.text.trim()) {
                    continue;
                }
                if !seen_items {
                    front.push(p);
                    continue;
                }
                r.after_items(&mut section, &p);
            }
        }
    }
    if !seen_items {
        // No items table: an agenda written as numbered paragraphs, as a Question's often is.
        front = r.numbered_paragraphs(front).ok_or(ImportError::NoAgendaTable)?;
    }
    r.front(&front);
    date_sessions(&mut r.agenda);
    for an in &mut r.agenda.annexes {
        an.body = an.body.trim().to_string();
    }
    r.summary.annexes = r.agenda.annexes.len();
    r.summary.documents = r.agenda.register.len();
    Ok(Imported { agenda: r.agenda, summary: r.summary })
}

enum Section {
    Front,
    AfterItems,
    Annex(usize),
    FutureMeetings,
}

struct Reading {
    agenda: Agenda,
    summary: Summary,
    next_item: u32,
    /// Whether a titled row with no number is an item of its own (pasted rows, which often
    /// leave the numbers out) rather than a row not understood (a Word TD numbers its items).
    unnumbered_are_items: bool,
}

/// A paragraph as free text: a list paragraph becomes a bullet line.
fn as_line(p: &Paragraph) -> String {
    match p.list {
        Some(_) => format!("- {}", p.text.trim()),
        None => p.text.trim().to_string(),
    }
}

impl Reading {
    fn keep(&mut self, section: &mut Section, text: &str) {
        match section {
            Section::Annex(i) => {
                let body = &mut self.agenda.annexes[*i].body;
                body.push_str(text);
                body.push('\n');
            }
            _ => push_line(&mut self.agenda.notes, text),
        }
    }

    fn after_items(&mut self, section: &mut Section, p: &Paragraph) {
        let text = p.text.trim();
        let set_apart = p.style.to_ascii_lowercase().starts_with("heading")
            || p.bold_start.trim() == text
            || p.style.eq_ignore_ascii_case("title");
        if let Some((letter, title)) = annex_heading(text, set_apart) {
            if letter == "A" {
                *section = Section::AfterItems;
            } else {
                let id = AnnexId(self.agenda.annexes.len() as u32 + 1);
                self.agenda.annexes.push(Annex { id, title, body: String::new() });
                *section = Section::Annex(self.agenda.annexes.len() - 1);
            }
            return;
        }
        // "Annex B:" alone: its title is the paragraph after it.
        if let Section::Annex(i) = *section {
            let annex = &mut self.agenda.annexes[i];
            if annex.title.is_empty() && annex.body.trim().is_empty() && p.list.is_none() {
                annex.title = text.to_string();
                annex.body.clear();
                return;
            }
        }
        if normal(text) == "future meetings" || normal(text) == "future meeting" {
            *section = Section::FutureMeetings;
            return;
        }
        match section {
            Section::FutureMeetings if p.list.is_some() => {
                let id = FutureMeetingId(self.agenda.future_meetings.len() as u32 + 1);
                self.agenda.future_meetings.push(future_meeting(id, text));
            }
            _ => {
                let line = as_line(p);
                self.keep(section, &line);
            }
        }
    }

    /// The paragraphs before the items table: action required, the note, and an abstract
    /// written outside the header table.
    fn front(&mut self, paragraphs: &[Paragraph]) {
        let mut in_abstract = false;
        for p in paragraphs {
            let text = p.text.trim();
            let label = |l: &str| {
                text.strip_prefix(l).filter(|r| r.starts_with(':')).map(|r| r[1..].trim().to_string())
            };
            if let Some(v) = label("Action required") {
                push_line(&mut self.agenda.action_required, &v);
                in_abstract = false;
            } else if let Some(v) = label("Source").filter(|_| self.agenda.source.is_empty()) {
                // The header's fields as paragraphs, where no header table holds them.
                self.agenda.source = v;
            } else if let Some(v) = label("Title").filter(|_| self.agenda.title.is_empty()) {
                self.agenda.title = v;
            } else if let Some(v) = label("Note") {
                push_line(&mut self.agenda.notes, &v);
                in_abstract = false;
            } else if normal(text) == "abstract" {
                in_abstract = true;
            } else if normal(text) == "agenda" || normal(text) == "draft agenda" {
                in_abstract = false;
            } else if in_abstract {
                push_line(&mut self.agenda.abstract_text, &as_line(p));
            } else {
                push_line(&mut self.agenda.notes, text);
            }
        }
    }

    /// A table of the header; `first` for the first one, whose first row names the Union, the
    /// group and the document number.
    fn header(&mut self, t: &Table, first: bool) {
        for (k, row) in t.rows.iter().enumerate() {
            let a = &mut self.agenda;
            let cells: Vec<String> = row.iter().map(Cell::text).collect();
            let label = cells.first().map(|c| normal(c)).unwrap_or_default();
            let value = cells[1.min(cells.len())..]
                .iter()
                .filter(|c| !c.is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join("\n");
            let value = value.trim().to_string();
            match label.as_str() {
                "source" => a.source = value,
                "title" => a.title = value,
                "meeting" => a.meeting = value,
                "status" => a.status = value,
                "question(s)" | "questions" | "question" => {
                    // ITU's template puts the place and dates beside the Questions.
                    let questions = cells.get(1).map(|c| c.trim().to_string()).unwrap_or_default();
                    let rest: Vec<&str> =
                        cells.iter().skip(2).map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
                    if !rest.is_empty() && a.place.is_empty() && a.start_date.is_none() {
                        let (place, start, end) = place_and_dates(&rest.join(" "));
                        a.place = place;
                        a.start_date = start;
                        a.end_date = end;
                    }
                    a.questions = questions;
                }
                "purpose" => a.purpose = value,
                "keywords" | "keyword" => a.keywords = value,
                "contact" if a.contact.is_empty() => a.contact = contact(&value),
                "abstract" => {
                    let lines: Vec<String> = row[1.min(row.len())..]
                        .iter()
                        .flat_map(|c| c.paragraphs.iter().map(as_line))
                        .collect();
                    a.abstract_text = lines.join("\n").trim().to_string();
                }
                "place and dates" | "place and date" | "place" => {
                    let (place, start, end) = place_and_dates(&value);
                    a.place = place;
                    a.start_date = start;
                    a.end_date = end;
                }
                _ if (first && k == 0) || label.is_empty() => {
                    // The first row: the Union's name, the group, the document number.
                    // A line each, whether Enter or Shift+Enter ended it; the Union's and the
                    // Sector's names, whole or broken over lines, are no line of their own.
                    const NAMES: &str =
                        " INTERNATIONAL TELECOMMUNICATION UNION TELECOMMUNICATION STANDARDIZATION SECTOR ";
                    for c in row {
                        for line in c.paragraphs.iter().flat_map(|p| p.text.lines()) {
                            let words = format!(" {} ", normal(line).to_uppercase());
                            if words.trim().is_empty() || NAMES.contains(&words) {
                                continue;
                            }
                            self.first_row_line(line.trim());
                        }
                    }
                }
                _ => {
                    // A field the model has no place for yet (Purpose, Contact, Keywords …).
                    let line =
                        format!("{}: {}", cells[0].trim().trim_end_matches(':'), value.replace('\n', "; "));
                    push_line(&mut self.agenda.notes, &line);
                    self.summary.kept_in_note += 1;
                }
            }
        }
    }

    fn first_row_line(&mut self, line: &str) {
        let a = &mut self.agenda;
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        let line = line.as_str();
        let upper = line.to_uppercase();
        if upper.starts_with("STUDY PERIOD") {
            a.study_period = line["STUDY PERIOD".len()..].trim().to_string();
            return;
        }
        if upper.starts_with("ORIGINAL:") {
            a.original_language = line["ORIGINAL:".len()..].trim().to_string();
            return;
        }
        if line.is_empty()
            || upper.starts_with("INTERNATIONAL TELECOMMUNICATION")
            || upper.starts_with("TELECOMMUNICATION STANDARDIZATION")
        {
            return;
        }
        if a.document.is_empty() {
            if let DocNumber::Document(id) = DocNumber::parse(line) {
                a.document = id.with_revision(None).to_string();
                a.revision = id.revision;
                return;
            }
        }
        if a.group.is_empty() {
            a.group = line.to_string();
        } else {
            push_line(&mut a.notes, line);
            self.summary.kept_in_note += 1;
        }
    }

    fn items(&mut self, t: &Table, columns: &[Column]) {
        // The parents of the item being read, by depth.
        let mut stack: Vec<(usize, Vec<usize>)> = Vec::new();
        // Counters of Word's automatic numbering, by list level.
        let mut auto: Vec<u32> = Vec::new();
        // A table with no numbers at all (a programme, a table of one session's items) lists
        // an item in each titled row.
        let numbered = columns.contains(&Column::Number)
            && t.rows.iter().skip(1).any(|row| {
                let cells = by_grid(row);
                columns.iter().zip(&cells).any(|(c, cell)| *c == Column::Number && !cell.text().is_empty())
            });
        let unnumbered_are_items = self.unnumbered_are_items || !numbered;
        for row in t.rows.iter().skip(1) {
            let cells = by_grid(row);
            let at = |c: Column| columns.iter().position(|x| *x == c).and_then(|i| cells.get(i).copied());
            // Every cell of a kind, each once: a cell spanning two columns is read where it starts.
            let all = |c: Column| {
                let mut out: Vec<&Cell> = Vec::new();
                for (k, cell) in columns.iter().zip(&cells) {
                    if *k == c && !cell.merged && !out.iter().any(|o| std::ptr::eq(*o, *cell)) {
                        out.push(cell);
                    }
                }
                out
            };
            let text = |c: Column| at(c).filter(|cell| !cell.merged).map(Cell::text).unwrap_or_default();
            // A session row: a cell spanning the item's column and another, or nothing in #
            // and the item column while the timing says when.
            let item_cell = at(Column::Item);
            let spans = item_cell.is_some_and(|c| c.span > 1) || row.len() < columns.len().min(3);
            let mut number = item_number(&text(Column::Number));
            let mut title_text = item_cell
                .map(|c| {
                    c.paragraphs
                        .iter()
                        .map(|p| p.text.trim())
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default();
            if number.is_empty() {
                // "1. Opening", "2.1 Report of …": the number typed in the title's cell.
                if let Some((n, rest)) = leading_number(&title_text) {
                    number = n.to_string();
                    title_text = rest.to_string();
                }
            }
            let numbered_depth = number_depth(&number);
            let is_number = numbered_depth.is_some();
            let list_level = |c: Option<&Cell>| {
                c.and_then(|c| c.paragraphs.iter().find(|p| !p.text.trim().is_empty() || p.list.is_some()))
                    .and_then(|p| p.list)
            };
            let auto_level = list_level(item_cell).or_else(|| list_level(at(Column::Number)));
            let first = row.first().map(Cell::text).unwrap_or_default();
            // A break ("15:00 | Coffee break" across the row) is timed as an item is, not a
            // session's window.
            let a_break = spans
                && !is_number
                && session_times(&first).is_none()
                && first.trim().parse::<Time>().is_ok();
            if spans && !is_number && !a_break {
                self.session(row);
                stack.clear();
                auto.clear();
                continue;
            }
            // A session's row written into the cells, not across them: no number, a window in
            // the Timing cell and a day in the title's, weekday and all ("09:30-12:30 | |
            // Monday 22 January – Session 1"; an item's title may mention a date, hardly so).
            let times = text(Column::Timing);
            let timed = timing(&times);
            let names_weekday_and_date = || {
                let day = DayLabel::parse(&title_text);
                day.weekday.is_some() && day.day.is_some() && day.month.is_some()
            };
            if !is_number
                && matches!(timed, Some((_, Some(_))))
                && names_weekday_and_date()
                && self.session_heading(&format!("{title_text}, {times}"))
            {
                stack.clear();
                auto.clear();
                continue;
            }
            let depth = if a_break {
                0
            } else if let Some(depth) = numbered_depth {
                depth
            } else if let Some(level) = auto_level {
                let level = level as usize;
                auto.truncate(level + 1);
                auto.resize(level + 1, 0);
                auto[level] += 1;
                level
            } else if unnumbered_are_items && !title_text.is_empty() {
                0
            } else {
                usize::MAX
            };
            if depth == usize::MAX {
                // Not an item: kept in the notes of the item above, or the agenda's.
                let line: Vec<String> = row.iter().map(Cell::text).filter(|t| !t.is_empty()).collect();
                if line.is_empty() {
                    continue;
                }
                self.summary.not_understood += 1;
                let line = line.join(" | ");
                match self.last_item(&stack) {
                    Some(item) => push_line(&mut item.notes, &line),
                    None => push_line(&mut self.agenda.notes, &line),
                }
                continue;
            }
            let mut item = Item::new(ItemId(self.next_item), "");
            self.next_item += 1;
            if a_break {
                item.title = row
                    .iter()
                    .skip(1)
                    .map(Cell::text)
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                item.start = first.trim().parse().ok();
                self.summary.items += 1;
                self.place(item, depth, &mut stack);
                continue;
            }
            let paragraphs = item_cell.map(|c| c.paragraphs.as_slice()).unwrap_or(&[]);
            let (source, title) = source_and_title(paragraphs, &title_text);
            item.source = source;
            item.title = title;
            if item.source.is_empty() {
                item.source = text(Column::Source)
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join("; ");
            }
            match timed {
                Some((start, end)) => {
                    item.start = Some(start);
                    item.duration = end
                        .map(|e| e.minutes_since_midnight())
                        .filter(|e| *e > start.minutes_since_midnight())
                        .map(|e| e - start.minutes_since_midnight());
                }
                // "TBD", "after lunch": kept, where the times are read, as the item's note.
                None if !times.trim().is_empty() => {
                    push_line(&mut item.notes, &format!("Time: {}", times.trim()))
                }
                None => {}
            }
            let used = |cell: &Cell| item_cell.is_some_and(|i| std::ptr::eq(i, cell));
            let proposal_cells = all(Column::Proposal);
            let mut read_as_docs: Vec<&Cell> = Vec::new();
            for cell in all(Column::Docs) {
                let read = docs(Some(cell));
                // A cell spanning Docs and Summary holds documents only if it reads as them.
                let shared = proposal_cells.iter().any(|p| std::ptr::eq(*p, cell));
                if used(cell) || shared && read.iter().any(|d| matches!(d.number, DocNumber::Unparsed(_))) {
                    continue;
                }
                item.docs.extend(read);
                read_as_docs.push(cell);
            }
            let proposal = proposal_cells
                .into_iter()
                .filter(|c| !used(c) && !read_as_docs.iter().any(|d| std::ptr::eq(*d, *c)))
                .flat_map(|c| c.paragraphs.iter().map(as_line))
                .collect::<Vec<_>>()
                .join("\n");
            let (summary, actions, notes) = split_proposal(proposal.trim());
            item.summary = summary;
            item.actions = actions;
            push_line(&mut item.notes, &notes);
            for cell in all(Column::Other) {
                if !used(cell) {
                    push_line(&mut item.notes, &cell.text());
                }
            }
            self.summary.items += 1;
            self.place(item, depth, &mut stack);
        }
    }

    /// The items of an agenda written as numbered paragraphs: each paragraph of Word's
    /// numbering, or typed with its number ("2.1 Report"), an item at its level; a paragraph
    /// naming a day and a window ("Monday 2 December 2025, 09:30-12:30"), a session; any other
    /// paragraph after an item, that item's note. The documents an item cites in brackets at its
    /// end or after a colon ("Approval of the agenda (TD580)", "Contributions: C103, C104") are
    /// its documents. Gives the paragraphs before the first item, for the header's reading;
    /// None, with fewer than two items, for a document that is no agenda.
    fn numbered_paragraphs(&mut self, paragraphs: Vec<Paragraph>) -> Option<Vec<Paragraph>> {
        let mut before = Vec::new();
        let mut stack: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut items = 0;
        let sessions = self.agenda.sessions.len();
        for p in paragraphs {
            let text = p.text.trim();
            let typed = leading_number(text).and_then(|(n, rest)| Some((number_depth(n)?, rest)));
            let numbered = match (p.list, typed) {
                (Some(level), _) => Some((usize::from(level), text)),
                (None, Some(typed)) => Some(typed),
                (None, None) => None,
            };
            if let Some((depth, text)) = numbered {
                let mut item = Item::new(ItemId(self.next_item), "");
                self.next_item += 1;
                (item.title, item.docs) = title_and_docs(text);
                self.place(item, depth, &mut stack);
                items += 1;
            } else if self.session_heading(text) {
                stack.clear();
            } else if items == 0 {
                before.push(p);
            } else if let Some(item) = self.last_item(&stack) {
                push_line(&mut item.notes, &as_line(&p));
            }
        }
        if items < 2 {
            self.agenda.sessions.truncate(sessions);
            return None;
        }
        self.summary.items += items;
        Some(before)
    }

    /// A heading before an items table that names a session's day and window ("Session 2 –
    /// Tuesday, 23 January 2024, 14:30-17:30"): the session the table's items go in. False for
    /// any other text.
    fn session_heading(&mut self, text: &str) -> bool {
        let Some(line) = session_line(text) else { return false };
        let mut s = Session::new(SessionId(self.agenda.sessions.len() as u32 + 1));
        s.start = Some(line.start);
        s.end = Some(line.end);
        // Of "Session 2 – Tuesday, 23 January 2024", the part that names a day is the day.
        let names_day = |t: &str| {
            let day = DayLabel::parse(t);
            day.day.is_some() && day.month.is_some()
        };
        let (day, title) = [" – ", " — ", " - ", ": "]
            .iter()
            .find_map(|sep| {
                let (a, b) = line.day.split_once(sep)?;
                match (names_day(a), names_day(b)) {
                    (false, true) => Some((b.trim().to_string(), a.trim().to_string())),
                    (true, false) => Some((a.trim().to_string(), b.trim().to_string())),
                    _ => None,
                }
            })
            .unwrap_or((line.day.clone(), String::new()));
        s.day_label = day;
        s.title = [title, line.title].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" – ");
        if !line.zone.is_empty() && self.agenda.time_zone_label.is_empty() {
            self.agenda.time_zone_label = line.zone;
        }
        self.agenda.sessions.push(s);
        self.summary.sessions += 1;
        true
    }

    fn session(&mut self, row: &[Cell]) {
        let mut s = Session::new(SessionId(self.agenda.sessions.len() as u32 + 1));
        let first = row.first().map(Cell::text).unwrap_or_default();
        let title = row
            .get(1..)
            .map(|r| r.iter().map(Cell::text).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        let mut day: Vec<String> = Vec::new();
        let mut line_title = String::new();
        for line in first.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match session_times(line) {
                Some((st, en)) if s.start.is_none() => {
                    s.start = Some(st);
                    s.end = Some(en);
                    let zone = line.rsplit("hours").next().unwrap_or("").trim();
                    if line.contains("hours") && !zone.is_empty() && self.agenda.time_zone_label.is_empty() {
                        self.agenda.time_zone_label = zone.to_string();
                    }
                }
                // The day, the window and a title on one line.
                _ => match session_line(line).filter(|_| s.start.is_none()) {
                    Some(l) => {
                        s.start = Some(l.start);
                        s.end = Some(l.end);
                        day.extend((!l.day.is_empty()).then_some(l.day));
                        if !l.zone.is_empty() && self.agenda.time_zone_label.is_empty() {
                            self.agenda.time_zone_label = l.zone;
                        }
                        line_title = l.title;
                    }
                    None => day.push(line.to_string()),
                },
            }
        }
        s.day_label = day.join(" ");
        s.title = match (title.is_empty(), s.start.is_none()) {
            (true, true) => first.clone(),
            (true, false) => line_title,
            (false, _) => title,
        };
        if title_is_day(&s) {
            s.day_label.clear();
        }
        self.agenda.sessions.push(s);
        self.summary.sessions += 1;
    }

    fn last_item<'a>(&'a mut self, stack: &[(usize, Vec<usize>)]) -> Option<&'a mut Item> {
        let s = self.agenda.sessions.last_mut()?;
        let (top, path) = stack.last()?;
        let mut item = s.items.get_mut(*top)?;
        for k in path {
            item = item.children.get_mut(*k)?;
        }
        Some(item)
    }

    /// Puts an item at `depth` under the last item one level up (or at the top).
    fn place(&mut self, item: Item, depth: usize, stack: &mut Vec<(usize, Vec<usize>)>) {
        if self.agenda.sessions.is_empty() {
            self.agenda.sessions.push(Session::new(SessionId(1)));
        }
        // Deeper than an agenda may nest: a sibling at the deepest level, so that the agenda
        // can be saved and opened again.
        let depth = depth.min(MAX_ITEM_DEPTH - 1);
        let s = self.agenda.sessions.last_mut().expect("a session");
        // The path of the parent: as deep as the item's depth allows, no deeper than there is.
        let parent = stack.last().map(|(top, path)| {
            let mut p = path.clone();
            p.truncate(depth.saturating_sub(1));
            (*top, p)
        });
        match (depth, parent) {
            (0, _) | (_, None) => {
                s.items.push(item);
                stack.clear();
                stack.push((s.items.len() - 1, Vec::new()));
            }
            (_, Some((top, path))) => {
                let mut at = &mut s.items[top];
                for k in &path {
                    at = &mut at.children[*k];
                }
                at.children.push(item);
                let mut full = path;
                full.push(at.children.len() - 1);
                stack.clear();
                stack.push((top, full));
            }
        }
    }

    fn register(&mut self, t: &Table, columns: &[RegisterColumn]) {
        for row in t.rows.iter().skip(1) {
            let cells = by_grid(row);
            let get = |c: RegisterColumn| {
                columns
                    .iter()
                    .position(|x| *x == c)
                    .and_then(|i| cells.get(i))
                    .map(|c| c.text())
                    .unwrap_or_default()
            };
            let mut number = get(RegisterColumn::Number);
            // A Rev. column names the revision the number leaves out; of several ("R1, R2"),
            // the latest is the one registered.
            let rev = get(RegisterColumn::Revision);
            let has_revision =
                matches!(DocNumber::parse(number.trim()), DocNumber::Document(id) if id.revision.is_some());
            let latest = rev.split(|c: char| !c.is_ascii_digit()).filter_map(|d| d.parse::<u32>().ok()).max();
            if let (false, Some(r)) = (has_revision, latest) {
                number = format!("{}R{r}", number.trim());
            }
            let (category, source, title) =
                (get(RegisterColumn::Category), get(RegisterColumn::Source), get(RegisterColumn::Title));
            if number.trim().is_empty() && title.trim().is_empty() && source.trim().is_empty() {
                continue;
            }
            let id = EntryId(self.agenda.register.len() as u32 + 1);
            self.agenda.register.push(RegisterEntry {
                id,
                number: DocNumber::parse(number.trim()),
                category,
                source,
                title,
            });
        }
    }
}

/// Rows of an agenda table pasted from the clipboard, read as the Word reader reads the items
/// table: by their header row if they have one, else in the printed order of the columns
/// (Timing, #, Agenda Item, Docs, Summary and Proposal, from the right for fewer). Session rows
/// pasted among them are left out; rows not understood are kept as text and counted.
pub(crate) fn pasted_items(rows: &[Vec<String>]) -> (Vec<Item>, usize) {
    let cell = |text: &String| Cell {
        paragraphs: text.lines().map(|l| Paragraph { text: l.to_string(), ..Paragraph::default() }).collect(),
        span: 1,
        ..Cell::default()
    };
    let mut table = Table { rows: rows.iter().map(|r| r.iter().map(cell).collect()).collect() };
    let columns = match is_items_table(&table) {
        Some(columns) => columns,
        None => {
            let width = rows.iter().map(Vec::len).max().unwrap_or(0).min(5);
            let all = [Column::Timing, Column::Number, Column::Item, Column::Docs, Column::Proposal];
            let columns = match width {
                0 | 1 => vec![Column::Item],
                2 => vec![Column::Number, Column::Item],
                3 => vec![Column::Number, Column::Item, Column::Docs],
                4 => vec![Column::Number, Column::Item, Column::Docs, Column::Proposal],
                _ => all.to_vec(),
            };
            // The reading skips a header row: there is none here.
            table.rows.insert(0, Vec::new());
            columns
        }
    };
    let mut r = Reading {
        agenda: Agenda::default(),
        summary: Summary::default(),
        next_item: 1,
        unnumbered_are_items: true,
    };
    r.items(&table, &columns);
    let items = r.agenda.sessions.into_iter().flat_map(|s| s.items).collect();
    (items, r.summary.not_understood)
}

/// The date of each session whose row names its day ("Thursday, 1 August"), in the year of the
/// meeting's dates: a TD prints a session's day, not its date, and the time zone's checks and the
/// calendar need the date.
fn date_sessions(agenda: &mut Agenda) {
    // A day written with its year ("Monday, 22 January 2024") is its date.
    for s in agenda.sessions.iter_mut().filter(|s| s.date.is_none()) {
        s.date = long_date(&s.day_label).filter(|d| DayLabel::parse(&s.day_label).names(*d));
    }
    let (Some(first), last) = (agenda.start_date, agenda.end_date) else { return };
    let last = last.unwrap_or(first);
    for s in agenda.sessions.iter_mut().filter(|s| s.date.is_none()) {
        let label = if s.day_label.trim().is_empty() { &s.title } else { &s.day_label };
        let day = DayLabel::parse(label);
        let (Some(d), Some(m)) = (day.day, day.month) else { continue };
        s.date = (first.year..=last.year)
            .filter_map(|y| Date::new(y, m, d))
            .find(|date| day.names(*date) && first <= *date && *date <= last);
    }
}

/// An item's title and the documents it names at its end: in brackets ("Approval of the agenda
/// (TD580)") or after a colon ("Contributions: C103, C104"), where what is there reads as
/// documents and nothing else.
fn title_and_docs(text: &str) -> (String, Vec<crate::docref::DocRef>) {
    let documents = |t: &str| {
        let refs = crate::docref::parse_docs_cell(t);
        let only = !refs.is_empty() && refs.iter().all(|d| matches!(d.number, DocNumber::Document(_)));
        only.then_some(refs)
    };
    if let Some(open) = text.strip_suffix(')').and_then(|t| t.rfind('(')) {
        if let Some(mut refs) = documents(&text[open + 1..text.len() - 1]) {
            // Brackets in a sentence are punctuation, not "not to be introduced".
            refs.iter_mut().for_each(|d| d.introduced = true);
            return (text[..open].trim().to_string(), refs);
        }
    }
    if let Some((title, list)) = text.rsplit_once(": ") {
        if let Some(refs) = documents(list) {
            return (title.trim().to_string(), refs);
        }
    }
    (text.to_string(), Vec::new())
}

/// An item's number as typed in the # column, without what only decorates it: a closing
/// bracket or dot ("1)", "2."), and the invisible marks right-to-left text leaves in it.
fn item_number(typed: &str) -> String {
    let n: String =
        typed.chars().filter(|c| !matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}')).collect();
    let n = n.trim();
    // "Item 4", as some tables write the number.
    let n = match n.get(..5) {
        Some(w) if w.eq_ignore_ascii_case("item ") => n[5..].trim_start(),
        _ => n,
    };
    n.trim_end_matches([')', '.']).trim().to_string()
}

/// How deep an item numbered so sits: 0 for "2", "2a", "2 bis" or "A"; 1 for "2.1" or "A.1" …
/// None for text that is no item number.
fn number_depth(number: &str) -> Option<usize> {
    let part = |p: &str| {
        let p = p.trim();
        let digits = p.bytes().take_while(u8::is_ascii_digit).count();
        let rest = p[digits..].trim_start().to_ascii_lowercase();
        let letter = p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase());
        letter || digits > 0 && matches!(rest.as_str(), "" | "a" | "b" | "c" | "d" | "bis" | "ter" | "quater")
    };
    (!number.is_empty() && number.split('.').all(part)).then(|| number.split('.').count() - 1)
}

/// An item's number typed before its title ("1. Opening", "2.1 Report", "3) AOB"): the number
/// and the rest. A number with neither a dot nor a bracket ("2025 budget") is the title's.
fn leading_number(title: &str) -> Option<(&str, &str)> {
    let end = title.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
    let (written, after) = title.split_at(end);
    let (closed, after) = match after.strip_prefix(')') {
        Some(r) => (true, r),
        None => (false, after),
    };
    let number = written.strip_suffix('.').unwrap_or(written);
    let rest = after.trim_start();
    let readable = !number.is_empty() && number.split('.').all(|p| !p.is_empty());
    (readable
        && (closed || written.contains('.'))
        && after.starts_with(char::is_whitespace)
        && !rest.is_empty())
    .then_some((number, rest))
}

/// A TD's "Contact" cells read as one contact: the e-mail address wherever it is, the telephone
/// and fax lines left out, the first other line the name and the rest the organisation.
fn contact(text: &str) -> Contact {
    let mut c = Contact::default();
    let mut rest = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let lower = line.to_lowercase();
        if let Some(address) = line.split_whitespace().find(|w| w.contains('@')) {
            if c.email.is_empty() {
                c.email = address
                    .trim_matches(|ch: char| matches!(ch, '<' | '>' | '(' | ')' | ',' | ';'))
                    .to_string();
            }
        } else if !["tel", "fax", "phone", "e-mail", "email", "mob"].iter().any(|p| lower.starts_with(p)) {
            rest.push(line);
        }
    }
    if let Some((name, organisation)) = rest.split_first() {
        c.name = name.to_string();
        c.organisation = organisation.join(", ");
    }
    c
}
