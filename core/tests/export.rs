//! The printable HTML export: checked against a reviewed snapshot of TD514, and for what a
//! reader of the printed agenda relies on (escaping, links, parentheses, the register).

use agendum_core::export::{document_link, escape, file_name, html};
use agendum_core::{templates, DocNumber};

const SNAPSHOT: &str = "tests/fixtures/td514.html";

/// The export of TD514 is byte-for-byte the reviewed snapshot. After a deliberate change to the
/// export, review the new output and write it with `UPDATE_SNAPSHOTS=1 cargo test -p agendum-core --test export`.
#[test]
fn td514_exports_as_the_reviewed_snapshot() {
    let out = html(&templates::td514("x"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(SNAPSHOT, &out).unwrap();
    }
    let want = std::fs::read_to_string(SNAPSHOT).expect("the snapshot exists");
    assert!(
        out == want,
        "the HTML export of TD514 differs from {SNAPSHOT}; review it and update the snapshot"
    );
}

#[test]
fn the_export_reads_like_the_td() {
    let out = html(&templates::td514("x"));
    for text in [
        "<th>Timing</th><th>#</th><th>Agenda Item</th><th>Docs</th><th>Summary and Proposal</th>",
        "Thursday, 1 August<br>14:30 - 15:45 hours Geneva time",
        "<td class=\"timing\">14:35 hours</td><td class=\"num\">2</td>",
        "<div class=\"doc\">(TD526)</div>",
        "<div class=\"doc\">TD667R1<div class=\"doc-note\">(Output of RG-IEM meeting)</div></div>",
        "<span class=\"source\">Rapporteur, RG-IEM:</span> Industry Engagement Proposed Actions",
        "<p class=\"actions\">To consider.<br>To be approved by WP2 Plenary.</p>",
        "<h2>Annex A: Documentation</h2>",
        "<tr><td>10.</td><td>infomration</td><td>TD667R1</td>",
        "<h2>Annex B: Terms of Reference",
        "<li>Review of the annual ITU-T operational plans for approval by Council.</li>",
        "Geneva, 29 July – 2 August 2024",
        "4 September 2024, 14:00–15:30. To finalize the 1st TSAG input to CWG-SFP.",
    ] {
        assert!(out.contains(text), "missing: {text}");
    }
    // Standalone: no scripts, nothing fetched from elsewhere.
    assert!(!out.contains("<script"));
    assert!(!out.contains("src="));
    assert!(!out.contains("<link"));
}

#[test]
fn user_text_is_shown_never_run() {
    let mut a = templates::td514("x");
    a.title = "<script>alert(1)</script>".into();
    a.sessions[0].items[0].title = "\"><img src=x onerror=alert(1)>".into();
    a.register[0].source = "<style>body{display:none}</style>".into();
    let out = html(&a);
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(out.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!out.contains("<script>"));
    assert!(!out.contains("<img"));
    assert!(!out.contains("<style>body"));
    assert_eq!(escape("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
}

#[test]
fn document_numbers_link_through_an_http_template_only() {
    let n = DocNumber::parse("TD667R1");
    assert_eq!(
        document_link("https://www.itu.int/md/T22-TSAG-{number}", &n).as_deref(),
        Some("https://www.itu.int/md/T22-TSAG-TD667R1")
    );
    assert_eq!(document_link("javascript:alert('{number}')", &n), None);
    assert_eq!(document_link("JAVASCRIPT:alert(1)//https://{number}", &n), None);
    assert_eq!(document_link("https://x.example/{number}\" onmouseover=\"alert(1)", &n), None);
    assert_eq!(document_link("https://x.example/no-placeholder", &n), None);
    assert_eq!(document_link("https://x.example/{number}", &DocNumber::parse("Annex B")), None);

    let mut a = templates::td514("x");
    a.link_template = "https://www.itu.int/md/T22-TSAG-{number}".into();
    let out = html(&a);
    assert!(out.contains("(<a href=\"https://www.itu.int/md/T22-TSAG-TD526\">TD526</a>)"));
    assert!(out.contains("<td><a href=\"https://www.itu.int/md/T22-TSAG-C103\">C103</a></td>"));
    a.link_template = "javascript:alert(1)/{number}".into();
    assert!(!html(&a).contains("<a "));
}

#[test]
fn exports_are_named_after_the_document_and_title() {
    let a = templates::td514("x");
    assert_eq!(file_name(&a, "agenda.json"), "TD514-agenda-rg-sop.agenda.json");
    assert_eq!(file_name(&templates::blank("x"), "html"), "agenda.html");
}

/// SG9's TD163 header, as the TD prints it.
fn with_td_header(mut a: agendum_core::Agenda) -> agendum_core::Agenda {
    a.study_period = "2017-2020".into();
    a.questions = "All/9".into();
    a.purpose = "Admin".into();
    a.contact.name = "Ms Jane Doe".into();
    a.contact.organisation = "Orange, France".into();
    a.contact.email = "jane.doe@example.org".into();
    a.keywords = "agenda; plenary".into();
    a
}

#[test]
fn the_td_header_prints_in_a_tds_order() {
    let out = html(&with_td_header(templates::td514("x")));
    let at = |needle: &str| out.find(needle).unwrap_or_else(|| panic!("{needle:?} is not printed"));
    assert!(at("TSAG RG-SOP<br>STUDY PERIOD 2017-2020") < at("Original: English"));
    let rows = [
        "<td class=\"label\">Question(s)</td><td>All/9</td>",
        "<td class=\"label\">Meeting</td>",
        "<td class=\"label\">Source</td>",
        "<td class=\"label\">Title</td>",
        "<td class=\"label\">Purpose</td><td>Admin</td>",
        "<td class=\"label\">Status</td>",
        "<td class=\"label\">Contact</td><td>Ms Jane Doe<br>Orange, France<br>E-mail: jane.doe@example.org</td>",
        "<td class=\"label\">Keywords</td><td>agenda; plenary</td>",
    ];
    let places: Vec<usize> = rows.iter().map(|r| at(r)).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "rows out of a TD's order: {places:?}");
    // A period typed with its words is not printed "STUDY PERIOD STUDY PERIOD".
    let mut a = with_td_header(templates::td514("x"));
    a.study_period = "Study Period 2017-2020".into();
    assert!(html(&a).contains("<br>STUDY PERIOD 2017-2020</td>"));
    // Fields left empty print nothing, not an empty row.
    assert!(!html(&templates::td514("x")).contains("Question(s)"));
}
