//! WordprocessingML written as text: the few elements the TD uses (paragraphs and runs, tables,
//! hyperlinks, tracked changes), with every piece of user text escaped and stripped of what XML
//! cannot hold.

/// Text as XML character data: escaped, and without the control characters XML 1.0 forbids
/// (a file may hold any), which would make Word refuse the whole document.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

/// How a run of text looks.
#[derive(Clone, Copy, Default)]
pub struct Look {
    pub bold: bool,
    pub italic: bool,
    /// A character style of styles.xml.
    pub style: Option<&'static str>,
}

pub const PLAIN: Look = Look { bold: false, italic: false, style: None };
pub const BOLD: Look = Look { bold: true, italic: false, style: None };

/// A tracked change, as Word's Review shows it: an insertion underlined, a deletion struck
/// through; Accept All keeps the one and drops the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tracked {
    Inserted,
    Deleted,
}

/// The author Word names for every tracked change the export writes.
pub const AUTHOR: &str = "Agendum";

/// The document's body as it is written, and the links it points to.
#[derive(Default)]
pub struct Body {
    pub xml: String,
    /// The targets of the hyperlinks, relationship `rIdL{n}` for the n-th (from 1).
    pub links: Vec<String>,
    /// The date tracked changes carry (`w:date`), when they carry one.
    date: Option<String>,
    /// The tracked changes written so far: each has an id of its own.
    changes: u32,
    /// While set, everything written is one tracked change: a row added since the revision
    /// the changes are from, or the list of what was removed since.
    whole: Option<Tracked>,
}

impl Body {
    /// A body whose tracked changes are dated `date` (an xsd:dateTime), or carry no date.
    pub fn tracking(date: Option<String>) -> Body {
        Body { date, ..Body::default() }
    }

    /// Marks everything written from now on as one tracked change (rows, paragraphs and runs),
    /// until `None`.
    pub fn track_whole(&mut self, whole: Option<Tracked>) {
        self.whole = whole;
    }

    /// A tracked change's attributes: its own id, the author and the date.
    fn change_attributes(&mut self) -> String {
        self.changes += 1;
        let mut out = format!(" w:id=\"{}\" w:author=\"{AUTHOR}\"", self.changes);
        if let Some(d) = &self.date {
            out.push_str(&format!(" w:date=\"{d}\""));
        }
        out
    }

    /// The mark of a tracked row or paragraph mark, when everything is being tracked.
    fn whole_mark(&mut self) -> Option<String> {
        let tag = match self.whole? {
            Tracked::Inserted => "ins",
            Tracked::Deleted => "del",
        };
        Some(format!("<w:{tag}{}/>", self.change_attributes()))
    }

    /// A run of text; line breaks in it become Word's. While a whole change is tracked, the
    /// run is part of it.
    pub fn run(&mut self, text: &str, look: Look) {
        match self.whole {
            Some(kind) => self.tracked_run(text, look, kind),
            None => self.plain_run(text, look, "w:t"),
        }
    }

    /// A run of text inserted or deleted since the revision the changes are from.
    pub fn tracked_run(&mut self, text: &str, look: Look, kind: Tracked) {
        if text.is_empty() {
            return;
        }
        let attributes = self.change_attributes();
        let (tag, text_tag) = match kind {
            Tracked::Inserted => ("w:ins", "w:t"),
            // Deleted text is written as w:delText: in w:t, Word would call the file damaged.
            Tracked::Deleted => ("w:del", "w:delText"),
        };
        self.xml.push_str(&format!("<{tag}{attributes}>"));
        self.plain_run(text, look, text_tag);
        self.xml.push_str(&format!("</{tag}>"));
    }

    fn plain_run(&mut self, text: &str, look: Look, text_tag: &str) {
        if text.is_empty() {
            return;
        }
        let out = &mut self.xml;
        out.push_str("<w:r>");
        if look.bold || look.italic || look.style.is_some() {
            out.push_str("<w:rPr>");
            if let Some(s) = look.style {
                out.push_str("<w:rStyle w:val=\"");
                out.push_str(s);
                out.push_str("\"/>");
            }
            if look.bold {
                out.push_str("<w:b/>");
            }
            if look.italic {
                out.push_str("<w:i/>");
            }
            out.push_str("</w:rPr>");
        }
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("<w:br/>");
            }
            out.push('<');
            out.push_str(text_tag);
            out.push_str(" xml:space=\"preserve\">");
            escape_into(out, line.trim_end_matches('\r'));
            out.push_str("</");
            out.push_str(text_tag);
            out.push('>');
        }
        out.push_str("</w:r>");
    }

    /// A run that links to `url` (an http(s) address made by the link template).
    pub fn link(&mut self, text: &str, url: &str, look: Look) {
        self.links.push(url.to_string());
        let id = self.links.len();
        self.xml.push_str(&format!("<w:hyperlink r:id=\"rIdL{id}\" w:history=\"1\">"));
        self.run(text, Look { style: Some("Hyperlink"), ..look });
        self.xml.push_str("</w:hyperlink>");
    }

    /// Opens a paragraph of `style` (None for Normal), with a bullet when `bullet`.
    pub fn open_paragraph(&mut self, style: Option<&str>, bullet: bool) {
        self.xml.push_str("<w:p>");
        // A paragraph of a whole change has its mark tracked too, so that accepting a
        // deletion leaves no empty paragraph behind, and rejecting an insertion none either.
        let mark = self.whole_mark();
        if style.is_some() || bullet || mark.is_some() {
            self.xml.push_str("<w:pPr>");
            if let Some(s) = style {
                self.xml.push_str("<w:pStyle w:val=\"");
                self.xml.push_str(s);
                self.xml.push_str("\"/>");
            }
            if bullet {
                self.xml.push_str("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>");
            }
            if let Some(mark) = mark {
                self.xml.push_str("<w:rPr>");
                self.xml.push_str(&mark);
                self.xml.push_str("</w:rPr>");
            }
            self.xml.push_str("</w:pPr>");
        }
    }

    pub fn close_paragraph(&mut self) {
        self.xml.push_str("</w:p>");
    }

    /// A paragraph of one run.
    pub fn paragraph(&mut self, style: Option<&str>, text: &str, look: Look) {
        self.open_paragraph(style, false);
        self.run(text, look);
        self.close_paragraph();
    }

    /// Opens a table of `style` whose columns are `widths` wide (twentieths of a point).
    pub fn open_table(&mut self, style: &str, widths: &[u32]) {
        let total: u32 = widths.iter().sum();
        self.xml.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"{style}\"/><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        ));
        for w in widths {
            self.xml.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
        }
        self.xml.push_str("</w:tblGrid>");
    }

    pub fn close_table(&mut self) {
        self.xml.push_str("</w:tbl>");
    }

    /// Opens a row that never splits across pages; a header row repeats on every page. While a
    /// whole change is tracked, the row is inserted (or deleted) with it.
    pub fn open_row(&mut self, header: bool) {
        self.xml.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if header {
            self.xml.push_str("<w:tblHeader/>");
        }
        if let Some(mark) = self.whole_mark() {
            self.xml.push_str(&mark);
        }
        self.xml.push_str("</w:trPr>");
    }

    pub fn close_row(&mut self) {
        self.xml.push_str("</w:tr>");
    }

    /// Opens a cell `width` wide spanning `span` columns, shaded grey when `shaded`.
    pub fn open_cell(&mut self, width: u32, span: u32, shaded: bool) {
        self.xml.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"));
        if span > 1 {
            self.xml.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
        }
        if shaded {
            self.xml.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E7E6E6\"/>");
        }
        self.xml.push_str("</w:tcPr>");
    }

    /// Closes a cell; Word requires every cell to end with a paragraph, so an empty one gets
    /// an empty paragraph.
    pub fn close_cell(&mut self, empty: bool) {
        if empty {
            self.open_paragraph(Some("TableText"), false);
            self.close_paragraph();
        }
        self.xml.push_str("</w:tc>");
    }

    /// A cell holding one paragraph of text.
    pub fn text_cell(&mut self, width: u32, text: &str, look: Look, style: &str) {
        self.open_cell(width, 1, false);
        self.paragraph(Some(style), text, look);
        self.close_cell(false);
    }
}
