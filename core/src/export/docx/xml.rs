//! WordprocessingML written as text: the few elements the TD uses (paragraphs and runs, tables,
//! hyperlinks), with every piece of user text escaped and stripped of what XML cannot hold.

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

/// The document's body as it is written, and the links it points to.
#[derive(Default)]
pub struct Body {
    pub xml: String,
    /// The targets of the hyperlinks, relationship `rIdL{n}` for the n-th (from 1).
    pub links: Vec<String>,
}

impl Body {
    /// A run of text; line breaks in it become Word's.
    pub fn run(&mut self, text: &str, look: Look) {
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
            out.push_str("<w:t xml:space=\"preserve\">");
            escape_into(out, line.trim_end_matches('\r'));
            out.push_str("</w:t>");
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
        if style.is_some() || bullet {
            self.xml.push_str("<w:pPr>");
            if let Some(s) = style {
                self.xml.push_str("<w:pStyle w:val=\"");
                self.xml.push_str(s);
                self.xml.push_str("\"/>");
            }
            if bullet {
                self.xml.push_str("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>");
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

    /// Opens a row that never splits across pages; a header row repeats on every page.
    pub fn open_row(&mut self, header: bool) {
        self.xml.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if header {
            self.xml.push_str("<w:tblHeader/>");
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
            self.xml.push_str("<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>");
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
