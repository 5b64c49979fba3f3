//! The fixed parts of the Word package: content types, relationships, the named styles the
//! secretariat can restyle, the bullet list, the settings, and the footer with page numbers.

use super::xml::escape_into;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The parts besides the document, with their content types: the document's relationships
/// point to each of them by these ids.
pub const PARTS: [(&str, &str, &str, &str); 4] = [
    (
        "rIdStyles",
        "styles.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
        "styles",
    ),
    (
        "rIdNumbering",
        "numbering.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
        "numbering",
    ),
    (
        "rIdSettings",
        "settings.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
        "settings",
    ),
    (
        "rIdFooter",
        "footer1.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
        "footer",
    ),
];

pub fn content_types() -> String {
    let mut out = String::from(XML_HEAD);
    out.push_str("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">");
    out.push_str("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>");
    out.push_str("<Default Extension=\"xml\" ContentType=\"application/xml\"/>");
    out.push_str("<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>");
    for (_, file, kind, _) in PARTS {
        out.push_str(&format!("<Override PartName=\"/word/{file}\" ContentType=\"{kind}\"/>"));
    }
    out.push_str("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>");
    out.push_str("</Types>");
    out
}

pub fn package_relationships() -> String {
    let mut out = String::from(XML_HEAD);
    out.push_str("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    out.push_str(&format!(
        "<Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/>"
    ));
    out.push_str("<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>");
    out.push_str("</Relationships>");
    out
}

/// The document's relationships: the fixed parts, and one external target per hyperlink.
pub fn document_relationships(links: &[String]) -> String {
    let mut out = String::from(XML_HEAD);
    out.push_str("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (id, file, _, kind) in PARTS {
        out.push_str(&format!("<Relationship Id=\"{id}\" Type=\"{REL}/{kind}\" Target=\"{file}\"/>"));
    }
    for (i, url) in links.iter().enumerate() {
        out.push_str(&format!("<Relationship Id=\"rIdL{}\" Type=\"{REL}/hyperlink\" Target=\"", i + 1));
        escape_into(&mut out, url);
        out.push_str("\" TargetMode=\"External\"/>");
    }
    out.push_str("</Relationships>");
    out
}

/// The title only: no dates or names, so that the same agenda gives the same bytes.
pub fn core_properties(title: &str) -> String {
    let mut out = String::from(XML_HEAD);
    out.push_str("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>");
    escape_into(&mut out, title);
    out.push_str("</dc:title></cp:coreProperties>");
    out
}

/// The document part around its body, with A4 pages and the footer.
pub fn document(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    out.push_str(XML_HEAD);
    out.push_str(&format!("<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>"));
    out.push_str(body);
    // The body ends with a paragraph: Word adds one after a closing table otherwise.
    out.push_str("<w:p/>");
    out.push_str("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>");
    out.push_str("</w:body></w:document>");
    out
}

pub fn footer() -> String {
    let field = |code: &str| {
        format!(
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> {code} </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        )
    };
    format!(
        "{XML_HEAD}<w:ftr xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>{}<w:r><w:t xml:space=\"preserve\"> / </w:t></w:r>{}</w:p></w:ftr>",
        field("PAGE"),
        field("NUMPAGES")
    )
}

pub fn settings() -> String {
    format!("{XML_HEAD}<w:settings xmlns:w=\"{W}\"><w:defaultTabStop w:val=\"720\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>")
}

/// One bullet list, used by every list in the document.
pub fn numbering() -> String {
    format!(
        "{XML_HEAD}<w:numbering xmlns:w=\"{W}\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{2022}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    )
}

/// The named styles: headings, body and table text, the TD's own pieces (document number,
/// session rows, sources, actions, document notes), the report's (a document's status, an
/// outcome not entered yet) and the tables' style.
pub fn styles() -> String {
    let para = |id: &str, name: &str, props: &str, run: &str| {
        format!("<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{props}</w:pPr><w:rPr>{run}</w:rPr></w:style>")
    };
    let mut out = format!("{XML_HEAD}<w:styles xmlns:w=\"{W}\">");
    out.push_str("<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"Times New Roman\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before=\"60\" w:after=\"60\"/></w:pPr></w:pPrDefault></w:docDefaults>");
    out.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    out.push_str("<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>");
    out.push_str("<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"24\"/></w:rPr></w:style>");
    out.push_str(&para("HeaderText", "TD Header Text", "<w:spacing w:before=\"20\" w:after=\"20\"/>", ""));
    out.push_str(&para(
        "HeaderRight",
        "TD Header Right",
        "<w:jc w:val=\"right\"/><w:spacing w:before=\"20\" w:after=\"20\"/>",
        "",
    ));
    out.push_str(&para(
        "DocumentNumber",
        "TD Document Number",
        "<w:jc w:val=\"right\"/>",
        "<w:b/><w:sz w:val=\"32\"/>",
    ));
    out.push_str(&para(
        "TableHead",
        "Table Head",
        "<w:keepNext/><w:spacing w:before=\"20\" w:after=\"20\"/>",
        "<w:b/>",
    ));
    out.push_str(&para("TableText", "Table Text", "<w:spacing w:before=\"20\" w:after=\"20\"/>", ""));
    out.push_str(&para(
        "TableText1",
        "Table Text Indent 1",
        "<w:spacing w:before=\"20\" w:after=\"20\"/><w:ind w:left=\"284\"/>",
        "",
    ));
    out.push_str(&para(
        "TableText2",
        "Table Text Indent 2",
        "<w:spacing w:before=\"20\" w:after=\"20\"/><w:ind w:left=\"510\"/>",
        "",
    ));
    out.push_str(&para(
        "SessionText",
        "Session Row",
        "<w:keepNext/><w:spacing w:before=\"20\" w:after=\"20\"/>",
        "<w:b/>",
    ));
    out.push_str(&para("Actions", "Actions", "<w:spacing w:before=\"20\" w:after=\"20\"/>", "<w:i/>"));
    out.push_str(&para(
        "DocNote",
        "Document Note",
        "<w:spacing w:before=\"0\" w:after=\"20\"/>",
        "<w:sz w:val=\"19\"/>",
    ));
    out.push_str(&para(
        "ListBullet",
        "List Bullet",
        "<w:spacing w:before=\"20\" w:after=\"20\"/><w:ind w:left=\"360\" w:hanging=\"360\"/>",
        "",
    ));
    out.push_str(&para("Footer", "footer", "<w:jc w:val=\"center\"/>", "<w:sz w:val=\"18\"/>"));
    out.push_str("<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>");
    out.push_str("<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"Source\"><w:name w:val=\"Item Source\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:b/></w:rPr></w:style>");
    out.push_str("<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"DocStatus\"><w:name w:val=\"Document Status\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:i/></w:rPr></w:style>");
    out.push_str("<w:style w:type=\"character\" w:customStyle=\"1\" w:styleId=\"Pending\"><w:name w:val=\"Outcome Pending\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:color w:val=\"555555\"/></w:rPr></w:style>");
    out.push_str("<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:rPr><w:color w:val=\"000000\"/></w:rPr></w:style>");
    out.push_str("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    let border =
        |side: &str| format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
    out.push_str(&format!(
        "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"AgendaTable\"><w:name w:val=\"Agenda Table\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>{}{}{}{}{}{}</w:tblBorders></w:tblPr></w:style>",
        border("top"), border("left"), border("bottom"), border("right"), border("insideH"), border("insideV")
    ));
    out.push_str("<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"HeaderTable\"><w:name w:val=\"TD Header Table\"/><w:basedOn w:val=\"TableNormal\"/></w:style>");
    out.push_str("</w:styles>");
    out
}
