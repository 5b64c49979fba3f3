//! WordprocessingML read into what an agenda is made of: paragraphs (their text, whether they
//! start in bold, their list level) and tables of cells. Real files are messy: runs split in
//! the middle of a word, bookmarks, proofing marks, fields, content controls and smart tags are
//! read through; tracked deletions, field codes, the fallbacks of alternate content, hidden text,
//! the prompts of empty content controls and the text of text boxes and shapes (a "DRAFT"
//! stamp, a callout: drawn over the page, not part of its paragraphs) are left out, insertions
//! kept; merged and nested cells flattened. No entity is expanded.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::ImportError;
use crate::import::decode_entities;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paragraph {
    pub text: String,
    /// The text of the bold runs the paragraph starts with ("Rapporteur, RG-SOP:").
    pub bold_start: String,
    pub style: String,
    /// The list level (from 0) of a paragraph that is one of Word's numbered or bulleted lists.
    pub list: Option<u8>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub paragraphs: Vec<Paragraph>,
    /// How many grid columns it spans.
    pub span: usize,
    /// A cell continuing a vertical merge: its text is the one above.
    pub merged: bool,
    /// For a cell that holds tables of its own, its paragraphs and tables in order: a table of
    /// one cell around the whole agenda (a frame some templates draw) is read as what it holds.
    pub nested: Option<Vec<Block>>,
}

impl Cell {
    pub fn text(&self) -> String {
        self.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n").trim().to_string()
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// The most tables may nest before the rest is read as text of the outer cell.
const MAX_DEPTH: usize = 64;

/// The body of a document part, block by block.
pub fn blocks(xml: &str) -> Result<Vec<Block>, ImportError> {
    let mut reader = Reader::from_str(xml);
    let mut st = State::default();
    loop {
        // Where, not what: the parser's own words quote the file, which may be anything.
        let event = reader.read_event().map_err(|_| {
            ImportError::BadXml(format!("its text breaks off at byte {}", reader.error_position()))
        })?;
        match event {
            Event::Start(e) => st.open(&e, false)?,
            Event::Empty(e) => {
                st.open(&e, true)?;
                st.close(e.local_name().as_ref());
            }
            Event::End(e) => st.close(e.local_name().as_ref()),
            Event::Text(t) if st.in_text && st.skip == 0 => {
                let raw = String::from_utf8_lossy(&t);
                st.push_text(&decode_entities(&raw, false));
            }
            Event::CData(t) if st.in_text && st.skip == 0 => st.push_text(&String::from_utf8_lossy(&t)),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(st.body)
}

#[derive(Default)]
struct State {
    body: Vec<Block>,
    /// The tables being read, innermost last, each with its row and cell in progress.
    tables: Vec<(Table, Vec<Cell>, Option<Cell>)>,
    paragraph: Option<Paragraph>,
    /// Whether the paragraph has had a run that is not bold, so later bold runs are not its start.
    past_start: bool,
    run_bold: bool,
    /// Whether the run is hidden text (Word's "Hidden" font effect), which nobody reads.
    run_hidden: bool,
    /// For each content control being read, whether it shows its prompt ("Click or tap here to
    /// enter text.") instead of content.
    controls: Vec<bool>,
    in_text: bool,
    /// How deep inside content that is left out (deletions, field codes, fallbacks).
    skip: usize,
    in_run_properties: bool,
    in_paragraph_properties: bool,
}

fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .and_then(|a| a.unescape_value().ok())
        .map(|v| v.into_owned())
}

impl State {
    fn open(&mut self, e: &BytesStart, empty: bool) -> Result<(), ImportError> {
        let name = e.local_name();
        let name = name.as_ref();
        if self.skip > 0 {
            if !empty {
                self.skip += 1;
            }
            return Ok(());
        }
        match name {
            b"del" | b"moveFrom" | b"instrText" | b"delText" | b"delInstrText" | b"Fallback"
            | b"commentReference" | b"footnoteReference" | b"endnoteReference" | b"txbxContent"
            | b"rPrChange" | b"pPrChange"
                if !empty =>
            {
                self.skip = 1
            }
            b"sdt" if !empty => self.controls.push(false),
            b"showingPlcHdr" => {
                if let Some(c) = self.controls.last_mut() {
                    *c = true;
                }
            }
            b"sdtContent" if !empty && self.controls.last() == Some(&true) => self.skip = 1,
            b"tbl" => {
                if self.tables.len() >= MAX_DEPTH {
                    return Err(ImportError::BadXml("tables nested too deeply".into()));
                }
                self.finish_paragraph();
                self.tables.push((Table::default(), Vec::new(), None));
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.1 = Vec::new();
                }
            }
            // A row that starts further right: its first cells are empty grid columns.
            b"gridBefore" => {
                let n = val(e).and_then(|v| v.parse::<usize>().ok()).unwrap_or(0).min(64);
                if let Some(t) = self.tables.last_mut() {
                    if t.1.is_empty() && t.2.is_none() {
                        t.1.extend((0..n).map(|_| Cell { span: 1, ..Cell::default() }));
                    }
                }
            }
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.2 = Some(Cell { span: 1, ..Cell::default() });
                }
            }
            b"gridSpan" => {
                let n = val(e).and_then(|v| v.parse::<usize>().ok()).unwrap_or(1).clamp(1, 64);
                if let Some(Some(c)) = self.tables.last_mut().map(|t| t.2.as_mut()) {
                    c.span = n;
                }
            }
            b"vMerge" => {
                let restart = val(e).is_some_and(|v| v == "restart");
                if let Some(Some(c)) = self.tables.last_mut().map(|t| t.2.as_mut()) {
                    c.merged = !restart;
                }
            }
            b"p" => {
                self.finish_paragraph();
                self.paragraph = Some(Paragraph::default());
                self.past_start = false;
            }
            b"pPr" => self.in_paragraph_properties = !empty,
            b"rPr" => self.in_run_properties = !empty,
            b"pStyle" if self.in_paragraph_properties => {
                if let (Some(p), Some(v)) = (self.paragraph.as_mut(), val(e)) {
                    p.style = v;
                }
            }
            b"ilvl" if self.in_paragraph_properties => {
                if let Some(p) = self.paragraph.as_mut() {
                    p.list = Some(val(e).and_then(|v| v.parse().ok()).unwrap_or(0).min(9));
                }
            }
            b"numId" if self.in_paragraph_properties => {
                if let Some(p) = self.paragraph.as_mut() {
                    // numId 0 takes a paragraph out of a list its style would put it in.
                    if val(e).as_deref() == Some("0") {
                        p.list = None;
                    } else {
                        p.list.get_or_insert(0);
                    }
                }
            }
            b"r" => {
                self.run_bold = false;
                self.run_hidden = false;
            }
            b"b" if self.in_run_properties && !self.in_paragraph_properties => {
                self.run_bold = !matches!(val(e).as_deref(), Some("0" | "false" | "off"));
            }
            b"vanish" if self.in_run_properties && !self.in_paragraph_properties => {
                self.run_hidden = !matches!(val(e).as_deref(), Some("0" | "false" | "off"));
            }
            b"t" => self.in_text = !empty,
            b"tab" if !self.in_paragraph_properties => self.push_text(" "),
            b"br" | b"cr" => self.push_text("\n"),
            b"noBreakHyphen" => self.push_text("-"),
            // A character of a symbol font (an arrow, a bullet): no letter of the text, but it
            // stands between words.
            b"sym" => self.push_text(" "),
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, name: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        match name {
            b"t" => self.in_text = false,
            b"sdt" => {
                self.controls.pop();
            }
            b"pPr" => self.in_paragraph_properties = false,
            b"rPr" => self.in_run_properties = false,
            b"p" => self.finish_paragraph(),
            b"tc" => {
                self.finish_paragraph();
                if let Some((_, row, cell)) = self.tables.last_mut() {
                    row.extend(cell.take());
                }
            }
            b"tr" => {
                if let Some((table, row, _)) = self.tables.last_mut() {
                    table.rows.push(std::mem::take(row));
                }
            }
            b"tbl" => {
                self.finish_paragraph();
                if let Some((table, _, _)) = self.tables.pop() {
                    let outermost = self.tables.len() == 1;
                    match self.tables.last_mut() {
                        // A nested table's text belongs to the cell it is in, row by row.
                        Some((_, _, Some(cell))) => {
                            // Only a cell of a table in the body can be a frame to unwrap: the
                            // tables deeper down are not kept twice.
                            if outermost {
                                let nested = cell.nested.get_or_insert_with(|| {
                                    cell.paragraphs.iter().cloned().map(Block::Paragraph).collect()
                                });
                                nested.push(Block::Table(table.clone()));
                            }
                            for row in table.rows {
                                let text: Vec<String> =
                                    row.iter().map(Cell::text).filter(|t| !t.is_empty()).collect();
                                if !text.is_empty() {
                                    cell.paragraphs
                                        .push(Paragraph { text: text.join(" "), ..Paragraph::default() });
                                }
                            }
                        }
                        _ => match table.rows.as_slice() {
                            [row] if row.len() == 1 && row[0].nested.is_some() => {
                                let frame = table.rows.into_iter().next().and_then(|r| r.into_iter().next());
                                self.body.extend(frame.and_then(|c| c.nested).unwrap_or_default());
                            }
                            _ => self.body.push(Block::Table(table)),
                        },
                    }
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.run_hidden {
            return;
        }
        let Some(p) = self.paragraph.as_mut() else { return };
        // Non-breaking spaces read as spaces: a title typed with one must match one without.
        let text = text.replace('\u{a0}', " ");
        p.text.push_str(&text);
        if self.run_bold && !self.past_start {
            p.bold_start.push_str(&text);
        } else if !text.trim().is_empty() {
            self.past_start = true;
        }
    }

    fn finish_paragraph(&mut self) {
        let Some(p) = self.paragraph.take() else { return };
        match self.tables.last_mut() {
            Some((_, _, Some(cell))) => {
                if let Some(nested) = cell.nested.as_mut() {
                    nested.push(Block::Paragraph(p.clone()));
                }
                cell.paragraphs.push(p)
            }
            // A paragraph between cells (no file of Word's has one) is dropped with its place.
            Some(_) => {}
            None => self.body.push(Block::Paragraph(p)),
        }
    }
}
