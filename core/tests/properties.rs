//! Properties over generated agendas: arbitrary unicode in every text, random trees of items up
//! to three levels, document numbers in every written form and garbage, random times, dates and
//! durations, register entries. The file format gives back exactly what it was given, the checks
//! never panic and always say where, the HTML export never lets user text become markup, and
//! document numbers have a stable canonical form.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use agendum_core::changes::{changes, shown, side, Change, Part};
use agendum_core::docref::{format_docs_cell, parse_docs_cell, DocNumber, DocRef, DocStatus};
use agendum_core::edit::{commands, get, EntryField, ItemField};
use agendum_core::model::{
    Annex, AnnexId, Contact, EntryId, FutureMeeting, FutureMeetingId, SessionId, OUTCOMES,
};
use agendum_core::time::{Date, Time};
use agendum_core::{check, export, format, Agenda, Edit, Field, Item, ItemId, RegisterEntry, Session, Value};

// ---------------------------------------------------------------------------------------------
// Generators

/// Text meant to break out of HTML, each with the form it must take in the export.
const PAYLOADS: &[(&str, &str)] = &[
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("\"><img src=x onerror=alert(1)>", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
    ("javascript:alert(1)", "javascript:alert(1)"),
    ("' onmouseover='alert(1)", "&#39; onmouseover=&#39;alert(1)"),
    ("<a href=\"javascript:alert(1)\">x</a>", "&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;"),
    (
        "</td></tr></table><SCRIPT SRC=//x.example/a.js></SCRIPT>",
        "&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;SCRIPT SRC=//x.example/a.js&gt;&lt;/SCRIPT&gt;",
    ),
    ("<svg/onload=alert(1)>", "&lt;svg/onload=alert(1)&gt;"),
    ("<!-- -->&lt;b&gt;", "&lt;!-- --&gt;&amp;lt;b&amp;gt;"),
    ("</style><style>*{x:y}</style>", "&lt;/style&gt;&lt;style&gt;*{x:y}&lt;/style&gt;"),
];

/// Texts like the ones real agendas hold, which the checks read for references.
const REAL_TEXTS: &[&str] = &[
    "",
    "Presented at TSAG Plenary.",
    "Meeting report to be found in TD515.",
    "see 2.2",
    "see item 9.9",
    "See Annex B and Annex Z.",
    "Reference: Annex E of (TSAG-R4(2024-01))",
    "- Strategic plan (PP-22 Res. 71)\n- Plans for 2028-2031 (C24/59 Rev.1)",
    "· one\n\n• two\n* three\n--not a bullet",
    "Output of RG-IEM meeting",
    "SG17-TD580R1, C 005 and td5",
    "  padded  \r\n  lines  ",
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "(?s).{0,24}",
        2 => select(REAL_TEXTS).prop_map(String::from),
        1 => select(PAYLOADS).prop_map(|p| p.0.to_string()),
        2 => ("(?s).{0,10}", select(PAYLOADS), "(?s).{0,10}").prop_map(|(a, p, b)| format!("{a}{}{b}", p.0)),
    ]
}

/// Pieces that document-number forms are made of, for garbage that is nearly a number.
const TOKENS: &[&str] = &[
    "TD",
    "td",
    "C",
    "c",
    "SG17",
    "-",
    "/",
    ".",
    " ",
    "  ",
    "(",
    ")",
    "R",
    "r",
    "Rev",
    "rev.",
    "Res.",
    "res ",
    "Resolution ",
    "1",
    "24",
    "007",
    "514",
    "1234567",
    "Annex",
    "annex ",
    "B",
    "x",
    "ITU-T ",
    "Rec. ",
    "Y.",
    "é",
    "\u{a0}",
    ",",
];

const OUTSIDE: &[&str] = &[
    "C24/59",
    "C24/59 Rev.1",
    "c24/59 rev 1",
    "C24/139",
    "TSAG-R4(2024-01)",
    "tsag-r4 (2024-01)",
    "SG17-R12",
    "PP-22 Res. 71",
    "Resolution 1428",
    "res 5",
    "ITU-T X.509",
    "Rec. ITU-T Y.3172",
];

/// A document number as someone might type it, in any form, or garbage.
fn doc_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (
            select(&["", "", "SG17-", "tsag-", "X1-", "td-", "c-"][..]),
            select(&["TD", "td", "C", "c", "Td"][..]),
            select(&["", "", " ", "  "][..]),
            "[0-9]{1,7}",
            select(&["", "", "R1", "r2", "-R3", " Rev.1", "Rev. 12", " rev 7", "-Rev.2", "R1000", "Rev.1a", "R"][..]),
            select(&["", "", "", "/GEN", "/plen", "/WP1", "/wp12", "/WP0", "/GN", "/GEN Rev.2", "/WP3-R1", "/"][..]),
        )
            .prop_map(|(p, s, sp, d, r, part)| format!("{p}{s}{sp}{d}{r}{part}")),
        1 => ("[aA][nN][nN][eE][xX] {1,2}", "[A-Za-z]{1,2}").prop_map(|(a, b)| a + &b),
        2 => select(OUTSIDE).prop_map(String::from),
        1 => ("[cC][0-9]{1,2}/[0-9]{1,4}", select(&["", " Rev.1", " rev 2", "-R3", "R", "/5"][..]))
            .prop_map(|(a, b)| a + b),
        1 => ("[A-Za-z][A-Za-z0-9]{0,5}", "-[rR]", "[0-9]{1,3}", select(&["", "(2024-01)", " (x y)", "(", "()", ")x"][..]))
            .prop_map(|(a, b, c, d)| format!("{a}{b}{c}{d}")),
        1 => ("(?s).{0,6}", select(&["Res. ", "res ", "Resolution ", "RES. ", "res. "][..]), "[0-9 ]{1,4}")
            .prop_map(|(a, b, c)| format!("{a}{b}{c}")),
        3 => vec(select(TOKENS), 0..8).prop_map(|t| t.concat()),
        2 => "(?s).{0,16}",
        1 => select(PAYLOADS).prop_map(|p| p.0.to_string()),
    ]
}

fn doc_ref() -> impl Strategy<Value = DocRef> {
    (doc_text(), any::<bool>(), prop_oneof![3 => Just(String::new()), 1 => text()]).prop_map(
        |(n, introduced, note)| {
            let status = doc_status(n.len() * 7 + note.len());
            DocRef { number: DocNumber::parse(&n), introduced, note, status }
        },
    )
}

/// What became of a document, made from what the reference was drawn with, not drawn itself:
/// one more strategy inside each reference overflowed the test thread's stack. Mostly nothing
/// yet, else any status, "revised as" numbers of every kind.
fn doc_status(seed: usize) -> Option<DocStatus> {
    const REVISIONS: &[&str] =
        &["TD667R2", "TD 700 Rev.1", "SG9-TD163R1/GEN", "C103", "C24/59", "TD five", "<b>"];
    match seed % 16 {
        k @ 0..=3 => Some(DocStatus::PLAIN[k].clone()),
        k @ 4..=10 => Some(DocStatus::RevisedAs(DocNumber::parse(REVISIONS[k - 4]))),
        _ => None,
    }
}

fn time() -> impl Strategy<Value = Option<Time>> {
    option::of((0u8..24, 0u8..60).prop_map(|(h, m)| Time::from_hm(h, m).unwrap()))
}

fn date() -> impl Strategy<Value = Option<Date>> {
    option::of(prop_oneof![(Just(2024), 7u8..=9, 1u8..=31), (0i32..=9999, 1u8..=12, 1u8..=31),])
        .prop_map(|d| d.and_then(|(y, m, day)| Date::new(y, m, day)))
}

fn duration() -> impl Strategy<Value = Option<u32>> {
    option::of(prop_oneof![4 => 0u32..=240, 1 => 0u32..=100_000])
}

fn action() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(&["To note", "To adopt", "to note.", "To be approved by WP2 Plenary", "To nite", "For information"][..])
            .prop_map(String::from),
        1 => text(),
    ]
}

fn item_fields() -> impl Strategy<Value = Item> {
    (text(), text(), vec(doc_ref(), 0..3), text(), vec(action(), 0..3), text(), time(), duration()).prop_map(
        |(title, source, docs, summary, actions, notes, start, duration)| {
            // Made from what was drawn, not drawn: see `doc_status`.
            let outcome = match title.len() % 4 {
                0 => String::new(),
                1 => notes.clone(),
                k => OUTCOMES[(k + summary.len()) % OUTCOMES.len()].to_string(),
            };
            let outcome_note = if summary.len() % 3 == 0 { title.clone() } else { String::new() };
            Item {
                title,
                source,
                docs,
                summary,
                actions,
                notes,
                outcome,
                outcome_note,
                start,
                duration,
                ..Item::new(ItemId(0), "")
            }
        },
    )
}

/// An item with sub-items `levels` deep below it; ids are given later.
fn item_tree(levels: u32) -> BoxedStrategy<Item> {
    if levels == 0 {
        item_fields().boxed()
    } else {
        (item_fields(), vec(item_tree(levels - 1), 0..3))
            .prop_map(|(mut item, children)| {
                item.children = children;
                item
            })
            .boxed()
    }
}

fn session() -> impl Strategy<Value = Session> {
    (
        date(),
        prop_oneof![
            Just(String::new()),
            select(&["Thursday, 1 August", "Wed 4 Sept.", "Friday, 31 February", "Monday"][..])
                .prop_map(String::from),
            text(),
        ],
        time(),
        time(),
        text(),
        vec(item_tree(2), 0..5),
    )
        .prop_map(|(date, day_label, start, end, title, items)| Session {
            id: SessionId(0),
            date,
            day_label,
            start,
            end,
            title,
            items,
        })
}

fn entry() -> impl Strategy<Value = RegisterEntry> {
    (
        doc_text(),
        prop_oneof![
            3 => select(&["Admin", "Report", "Information", "Information ", "infomration", "Contribution", "Liaison", ""][..])
                .prop_map(String::from),
            1 => text(),
        ],
        text(),
        text(),
    )
        .prop_map(|(n, category, source, title)| RegisterEntry {
            id: EntryId(0),
            number: DocNumber::parse(&n),
            category,
            source,
            title,
        })
}

fn link_template() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("https://www.itu.int/md/T22-TSAG-{number}".to_string()),
        Just("http://example.org/d?n={number}&x=1".to_string()),
        Just("javascript:alert(1)//{number}".to_string()),
        Just("JavaScript:alert('{number}')".to_string()),
        Just("https://x.example/{number}\" onmouseover=\"alert(1)".to_string()),
        Just("https://x.example/{number}><script>alert(1)</script>".to_string()),
        Just(" https://x.example/{number}javascript:alert(1) ".to_string()),
        Just("data:text/html,<script>alert(1)</script>{number}".to_string()),
        text(),
    ]
}

/// Gives every item, session, entry, annex and future meeting its own id, from random starts.
fn number_ids(a: &mut Agenda, starts: [u32; 5]) {
    fn items(list: &mut [Item], next: &mut u32) {
        for i in list {
            i.id = ItemId(*next);
            *next += 1;
            items(&mut i.children, next);
        }
    }
    let mut next = starts[0];
    for (k, s) in a.sessions.iter_mut().enumerate() {
        s.id = SessionId(starts[1] + k as u32);
        items(&mut s.items, &mut next);
    }
    for (k, e) in a.register.iter_mut().enumerate() {
        e.id = EntryId(starts[2] + k as u32);
    }
    for (k, x) in a.annexes.iter_mut().enumerate() {
        x.id = AnnexId(starts[3] + k as u32);
    }
    for (k, m) in a.future_meetings.iter_mut().enumerate() {
        m.id = FutureMeetingId(starts[4] + k as u32);
    }
}

fn agenda() -> impl Strategy<Value = Agenda> {
    let header = (
        text(),
        prop_oneof![doc_text(), text()],
        option::of(any::<u32>()),
        text(),
        text(),
        text(),
        text(),
        text(),
        date(),
        date(),
        text(),
        text(),
    );
    let more = (text(), text(), text(), text(), link_template(), vec(action(), 0..2), vec(text(), 0..2));
    let td_header = (text(), text(), text(), (text(), text(), text()), text(), text());
    let body = (
        vec(session(), 0..3),
        vec(entry(), 0..8),
        vec((text(), text()), 0..3),
        vec((date(), time(), time(), text(), text()), 0..3),
        [1u32..1000, 1u32..50, 1u32..50, 1u32..50, 1u32..50],
    );
    (header, more, td_header, body).prop_map(
        |(
            (
                id,
                document,
                revision,
                title,
                source,
                group,
                meeting,
                place,
                start_date,
                end_date,
                tz,
                tz_label,
            ),
            (abstract_text, action_required, notes, status, link_template, actions, categories),
            (study_period, questions, purpose, (name, organisation, email), keywords, original_language),
            (sessions, register, annexes, future, starts),
        )| {
            let mut a = Agenda {
                id,
                document,
                revision,
                title,
                source,
                group,
                meeting,
                study_period,
                questions,
                purpose,
                contact: Contact { name, organisation, email },
                keywords,
                original_language,
                place,
                start_date,
                end_date,
                time_zone: tz,
                time_zone_label: tz_label,
                abstract_text,
                action_required,
                notes,
                status,
                link_template,
                actions,
                categories,
                sessions,
                register,
                annexes: annexes
                    .into_iter()
                    .map(|(title, body)| Annex { id: AnnexId(0), title, body })
                    .collect(),
                future_meetings: future
                    .into_iter()
                    .map(|(date, start, end, timing, subject)| FutureMeeting {
                        id: FutureMeetingId(0),
                        date,
                        start,
                        end,
                        timing,
                        subject,
                    })
                    .collect(),
                ..Agenda::default()
            };
            number_ids(&mut a, starts);
            a
        },
    )
}

fn config(cases: u32) -> ProptestConfig {
    // No regression files are written; a failure prints its minimal case to add as a test.
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

// ---------------------------------------------------------------------------------------------
// HTML helpers

/// Every tag of a document, without its angle brackets, in order. User text is escaped, so
/// every '<' in the output starts a tag the exporter wrote.
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let j = after.find('>').expect("every < is closed by a >");
        out.push(&after[..j]);
        rest = &after[j + 1..];
    }
    assert!(!rest.contains('>'), "a stray > after the last tag");
    out
}

const ELEMENTS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "table", "thead", "tbody", "tr", "th", "td", "h1",
    "h2", "p", "br", "ul", "li", "div", "span", "a", "strong",
];
const ATTRIBUTES: &[&str] = &["lang", "charset", "name", "content", "http-equiv", "class", "colspan", "href"];

/// A tag is an allowed element with allowed, double-quoted attributes; links are http(s) only.
fn check_tag(tag: &str) -> Result<(), String> {
    if tag == "!DOCTYPE html" {
        return Ok(());
    }
    let body = tag.strip_prefix('/').unwrap_or(tag);
    let name_end = body.find(' ').unwrap_or(body.len());
    let name = &body[..name_end];
    if !ELEMENTS.contains(&name) {
        return Err(format!("element <{name}> in <{tag}>"));
    }
    let mut rest = &body[name_end..];
    while !rest.is_empty() {
        rest = rest.strip_prefix(' ').ok_or_else(|| format!("no space before an attribute in <{tag}>"))?;
        let eq = rest.find("=\"").ok_or_else(|| format!("an attribute without a quoted value in <{tag}>"))?;
        let attr = &rest[..eq];
        if !ATTRIBUTES.contains(&attr) {
            return Err(format!("attribute {attr:?} in <{tag}>"));
        }
        let value_and_rest = &rest[eq + 2..];
        let close = value_and_rest.find('"').ok_or_else(|| format!("an unclosed value in <{tag}>"))?;
        let value = &value_and_rest[..close];
        if attr == "href" && !(value.starts_with("https://") || value.starts_with("http://")) {
            return Err(format!("a link that is not http(s): <{tag}>"));
        }
        if value.trim_start().to_ascii_lowercase().starts_with("javascript:") {
            return Err(format!("a javascript: value in <{tag}>"));
        }
        rest = &value_and_rest[close + 1..];
    }
    Ok(())
}

/// The same agenda with every character that matters to HTML replaced in every user text
/// (but the link template, whose checks depend on them): its export has the same shape and no
/// markup can come from it.
fn defused(a: &Agenda) -> Agenda {
    fn d(s: &mut String) {
        *s = s.chars().map(|c| if "<>\"'&".contains(c) { 'x' } else { c }).collect();
    }
    fn n(x: &mut DocNumber) {
        if let DocNumber::Outside(s) | DocNumber::Unparsed(s) = x {
            d(s);
        }
    }
    fn items(list: &mut [Item]) {
        for i in list {
            for s in [&mut i.title, &mut i.source, &mut i.summary, &mut i.notes] {
                d(s);
            }
            i.actions.iter_mut().for_each(d);
            for r in &mut i.docs {
                n(&mut r.number);
                d(&mut r.note);
            }
            items(&mut i.children);
        }
    }
    let mut a = a.clone();
    for s in [
        &mut a.id,
        &mut a.document,
        &mut a.title,
        &mut a.source,
        &mut a.group,
        &mut a.meeting,
        &mut a.place,
        &mut a.time_zone,
        &mut a.time_zone_label,
        &mut a.abstract_text,
        &mut a.action_required,
        &mut a.notes,
        &mut a.status,
    ] {
        d(s);
    }
    a.actions.iter_mut().for_each(d);
    a.categories.iter_mut().for_each(d);
    for s in &mut a.sessions {
        d(&mut s.day_label);
        d(&mut s.title);
        items(&mut s.items);
    }
    for e in &mut a.register {
        n(&mut e.number);
        d(&mut e.category);
        d(&mut e.source);
        d(&mut e.title);
    }
    for x in &mut a.annexes {
        d(&mut x.title);
        d(&mut x.body);
    }
    for m in &mut a.future_meetings {
        d(&mut m.timing);
        d(&mut m.subject);
    }
    a
}

// ---------------------------------------------------------------------------------------------
// (a) The file format gives back exactly what it was given

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn saving_then_loading_gives_back_the_agenda(a in agenda()) {
        let text = format::save(&a);
        let loaded = format::load(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(loaded.migrated_from, None);
        prop_assert_eq!(&loaded.agenda, &a);
        // And it is stable: saving again writes the same bytes.
        prop_assert_eq!(format::save(&loaded.agenda), text);
    }

    // (b) The checks never panic, always say where, and their fixes apply.
    #[test]
    fn checks_never_panic_and_always_say_where(a in agenda()) {
        let findings = check(&a);
        let names = agendum_core::FieldNames::new(&a);
        for f in &findings {
            prop_assert!(!names.name(f.field).trim().is_empty(), "{} names no field: {:?}", f.code, f);
            prop_assert!(!f.message.trim().is_empty(), "{} has no message", f.code);
            prop_assert_eq!(f.severity, f.code.severity(), "{} is reported at another severity than its own", f.code);
            if let Some(fix) = &f.fix {
                let mut b = a.clone();
                prop_assert!(
                    fix.edit.clone().apply(&mut b).is_ok(),
                    "the fix {:?} of {} does not apply", fix.label, f.code
                );
            }
        }
        // Errors, then warnings, then notes.
        prop_assert!(findings.windows(2).all(|w| w[0].severity <= w[1].severity));
    }

    // (c) User text never becomes markup in the HTML export.
    #[test]
    fn the_html_export_never_turns_user_text_into_markup(a in agenda()) {
        let html = export::html(&a);
        prop_assert!(!html.to_ascii_lowercase().contains("<script"));
        let found = tags(&html);
        for t in &found {
            if let Err(e) = check_tag(t) {
                return Err(TestCaseError::fail(e));
            }
        }
        // The same agenda with nothing HTML-like in its texts exports exactly the same tags.
        let plain = export::html(&defused(&a));
        prop_assert_eq!(found, tags(&plain));
    }

    #[test]
    fn attacks_in_user_text_come_out_escaped(
        a in agenda(),
        p in select(PAYLOADS),
        q in select(PAYLOADS),
        words in "[a-z ]{0,12}",
    ) {
        let (payload, escaped) = p;
        let mut a = a;
        a.title = format!("{words}{payload}{words}");
        a.group = q.0.to_string();
        a.register.push(RegisterEntry {
            id: EntryId(10_000),
            number: DocNumber::parse(q.0),
            category: payload.to_string(),
            source: q.0.to_string(),
            title: payload.to_string(),
        });
        let mut item = Item::new(ItemId(100_000), &format!("{payload}\n{words}"));
        item.docs.push(DocRef { note: q.0.into(), ..DocRef { introduced: false, ..DocRef::new(payload) } });
        item.summary = format!("- {payload}");
        item.actions.push(payload.into());
        match a.sessions.first_mut() {
            Some(s) => s.items.push(item),
            None => {
                a.sessions.push(Session {
                    id: SessionId(1),
                    date: None,
                    day_label: payload.into(),
                    start: None,
                    end: None,
                    title: payload.into(),
                    items: vec![item],
                });
            }
        }
        let html = export::html(&a);
        prop_assert!(!html.to_ascii_lowercase().contains("<script"));
        for t in tags(&html) {
            if let Err(e) = check_tag(t) {
                return Err(TestCaseError::fail(e));
            }
        }
        // Title (in <title> and the header), register title and category, item title, its
        // document, summary bullet and action each print the payload, escaped.
        let count = html.matches(escaped).count();
        prop_assert!(count >= 7, "{:?} appears escaped only {} times", payload, count);
        prop_assert!(html.contains(q.1));
    }
}

// ---------------------------------------------------------------------------------------------
// (d) Document numbers have a stable canonical form

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn canonical_document_numbers_are_stable(s in doc_text()) {
        let n = DocNumber::parse(&s);
        let canonical = n.to_string();
        let again = DocNumber::parse(&canonical);
        prop_assert_eq!(again.to_string(), canonical.clone(), "from {:?}", s);
        // The checks write numbers into their messages without Display.
        let mut written = String::from("(");
        n.write_to(&mut written);
        written.push(')');
        prop_assert_eq!(written, format!("({canonical})"), "from {:?}", s);
        // What a save and load needs: the canonical form reads back as the same number.
        prop_assert_eq!(again, n, "from {:?}", s);
    }

    #[test]
    fn a_docs_cell_reads_back_as_printed(pieces in vec((doc_text(), any::<bool>()), 0..5), sep in select(&[", ", "; ", "\n", ","][..])) {
        let typed: Vec<String> =
            pieces.iter().map(|(t, paren)| if *paren { format!("({t})") } else { t.clone() }).collect();
        let docs = parse_docs_cell(&typed.join(sep));
        let printed = format_docs_cell(&docs);
        prop_assert_eq!(parse_docs_cell(&printed), docs, "printed as {:?}", printed);
    }
}

#[test]
fn canonical_forms_of_known_numbers() {
    for (typed, canonical) in [
        ("td 025 rev 1", "TD025R1"),
        ("sg17-td580r3", "SG17-TD580R3"),
        ("sg9-td163/gen", "SG9-TD163/GEN"),
        ("TD 163/GEN Rev.1", "TD163R1/GEN"),
        ("SG9-TD163 Rev.2/WP1", "SG9-TD163R2/WP1"),
        ("TD 120 Rev.1", "TD120R1"),
        ("C 005 Rev.1", "C005R1"),
        ("annex b", "Annex B"),
        ("c24/59 rev 1", "C24/59 Rev.1"),
        ("tsag-r4 (2024-01)", "TSAG-R4(2024-01)"),
        ("Resolution 1428", "Res. 1428"),
        ("  TD five ", "TD five"),
    ] {
        let n = DocNumber::parse(typed);
        assert_eq!(n.to_string(), canonical, "{typed}");
        assert_eq!(DocNumber::parse(canonical), n, "{typed}");
    }
}

/// The generated agendas keep durations to 100,000 minutes because of this: a loadable file with
/// `"duration": 4294967295` overflows `Time::plus` (core/src/time.rs) and the sums of planned
/// minutes (checks.rs, schedule.rs) — a panic in debug builds, a wrapped time in release.
#[test]
fn durations_too_large_for_any_session_do_not_panic() {
    let mut a = format::load(include_str!("fixtures/td514.agenda.json")).unwrap().agenda;
    for id in [1, 6, 10] {
        a.item_mut(ItemId(id)).unwrap().duration = Some(u32::MAX);
    }
    let findings = check(&a);
    assert!(findings.iter().any(|f| f.code == "time.overrun"));
    let html = export::html(&a);
    assert_eq!(format::load(&format::save(&a)).unwrap().agenda, a);
    assert!(html.contains("Opening and welcome"));
}

// ---------------------------------------------------------------------------------------------
// (e) The changes between two states of an agenda describe the edits made between them

/// Every field of everything both agendas have, whose value is not the same in both.
fn fields_that_differ(a: &Agenda, b: &Agenda) -> std::collections::HashSet<Field> {
    use agendum_core::field::{
        AgendaField, AnnexField, EntryField, FutureMeetingField, ItemField, SessionField,
    };
    let mut all: Vec<Field> = AgendaField::ALL.iter().map(|&field| Field::Agenda { field }).collect();
    for s in &a.sessions {
        all.extend(SessionField::ALL.iter().map(|&field| Field::Session { session: s.id, field }));
    }
    for r in a.rows() {
        all.extend(ItemField::ALL.iter().map(|&field| Field::Item { item: r.id, field }));
    }
    for e in &a.register {
        all.extend(EntryField::ALL.iter().map(|&field| Field::Entry { entry: e.id, field }));
    }
    for x in &a.annexes {
        all.extend(AnnexField::ALL.iter().map(|&field| Field::Annex { annex: x.id, field }));
    }
    for m in &a.future_meetings {
        all.extend(
            FutureMeetingField::ALL.iter().map(|&field| Field::FutureMeeting { meeting: m.id, field }),
        );
    }
    all.into_iter().filter(|&f| matches!((get(a, f), get(b, f)), (Some(x), Some(y)) if x != y)).collect()
}

/// One step a user might take on the agenda as it stands, picked by `pick`.
fn step(b: &Agenda, op: u8, pick: prop::sample::Index, t: &str) -> Option<Edit> {
    let rows = b.rows();
    let item = (!rows.is_empty()).then(|| rows[pick.index(rows.len())].id);
    let entry = (!b.register.is_empty()).then(|| b.register[pick.index(b.register.len())].id);
    match op {
        0 => item.map(|id| commands::set(b, Field::item(id, ItemField::Title), Value::Text(t.into()))),
        1 => item.map(|id| commands::set(b, Field::item(id, ItemField::Summary), Value::Text(t.into()))),
        2 => item.and_then(|id| commands::add_after(b, id)).map(|(e, _)| e),
        3 => item.map(|id| Edit::RemoveItem { id }),
        4 => item.and_then(|id| commands::move_up(b, id)),
        5 => item.and_then(|id| commands::indent(b, id)),
        6 => item.and_then(|id| commands::outdent(b, id)),
        7 => Some(commands::add_entry(b).0),
        8 => entry.map(|entry| {
            commands::set(b, Field::Entry { entry, field: EntryField::Title }, Value::Text(t.into()))
        }),
        _ => entry.map(|id| Edit::RemoveEntry { id }),
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn the_changes_describe_the_edits_made(
        a in agenda(),
        steps in vec((0u8..10, any::<prop::sample::Index>(), text()), 0..8),
    ) {
        prop_assert!(changes(&a, &a).is_empty(), "an agenda against itself");
        let mut b = a.clone();
        for (op, pick, t) in &steps {
            if let Some(e) = step(&b, *op, *pick, t) {
                e.apply(&mut b).map_err(|e| TestCaseError::fail(e.0))?;
            }
        }
        let all = changes(&a, &b);
        let number = |x: &Agenda| x.rows().into_iter().map(|r| (r.id, format!("Item {}", r.number))).collect::<std::collections::HashMap<_, _>>();
        let (was, now) = (number(&a), number(&b));
        let count = |f: &dyn Fn(&Change) -> bool| all.iter().filter(|c| f(c)).count();
        prop_assert_eq!(
            count(&|c| matches!(c, Change::Added { part: Part::Item, .. })),
            now.keys().filter(|id| !was.contains_key(id)).count()
        );
        prop_assert_eq!(
            count(&|c| matches!(c, Change::Removed { part: Part::Item, .. })),
            was.keys().filter(|id| !now.contains_key(id)).count()
        );
        let entries = |x: &Agenda, y: &Agenda| x.register.iter().filter(|e| y.entry(e.id).is_none()).count();
        prop_assert_eq!(count(&|c| matches!(c, Change::Removed { part: Part::Entry, .. })), entries(&a, &b));
        prop_assert_eq!(count(&|c| matches!(c, Change::Added { part: Part::Entry, .. })), entries(&b, &a));
        // Every field that differs is one change, read word for word from the old value to the new.
        let differ = fields_that_differ(&a, &b);
        let mut changed = std::collections::HashSet::new();
        for c in &all {
            if let Change::Changed { field, before, after, words, .. } = c {
                prop_assert!(changed.insert(*field), "{:?} is changed twice", field);
                prop_assert!(differ.contains(field), "{:?} is said to change but did not", field);
                prop_assert_eq!(&side(words, false), before);
                prop_assert_eq!(&side(words, true), after);
                prop_assert_eq!(before, &shown(&get(&a, *field).unwrap()));
                prop_assert_eq!(after, &shown(&get(&b, *field).unwrap()));
            }
        }
        prop_assert_eq!(changed.len(), differ.len(), "fields that changed but are not listed");
        // Every kept item that took another number is moved or renumbered, once; no other is
        // renumbered.
        for (id, n) in &now {
            let Some(m) = was.get(id) else { continue };
            let said = count(&|c| matches!(c, Change::Moved { from, .. } | Change::Renumbered { from, .. } if from == m));
            if m != n {
                prop_assert_eq!(said, 1, "{} became {}", m, n);
            }
            let renumbered = count(&|c| matches!(c, Change::Renumbered { from, .. } if from == m));
            prop_assert!(renumbered == 0 || m != n, "{} is renumbered to itself", m);
        }
    }
}
