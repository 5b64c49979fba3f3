//! Citations: every document an item's Docs column or any text cites, against the register.
//! A document missing from Annex A, or cited at a revision Annex A does not list, is the
//! mistake delegates write in about; so is an item whose title or source disagrees with the
//! register's entry for its one document. Mentions of items ("see 2.2") must resolve too.

use rustc_hash::FxHashSet;

use super::annexes::Referenced;
use super::index::{parts_agree, Key, RegisterIndex, NO_ENTRY};
use super::text::{overlap, sources_agree, titles_agree};
use super::{Code, Ctx, Fix};
use crate::docref::{scan_as_written, DocId, DocKey, DocNumber, DocRef, DocStatus, Mentioned, Part, Series};
use crate::edit::{AgendaField, AnnexField, Edit, Field, FutureMeetingField, ItemField, SessionField, Value};
use crate::model::{Item, ItemId, RegisterEntry};

/// The citations of a pass as it walks the agenda: which register entries are cited, and which
/// annexes are referred to.
pub(super) struct Citing<'i, 'a> {
    index: &'i RegisterIndex<'a>,
    /// By register position: whether anything cites the entry.
    pub(super) cited: Vec<bool>,
    reported_missing: FxHashSet<(DocKey, Option<u32>, Field)>,
    pub(super) annexes: Referenced<'a>,
}

impl<'i, 'a> Citing<'i, 'a> {
    pub(super) fn new(index: &'i RegisterIndex<'a>, entries: usize) -> Self {
        Citing {
            index,
            cited: vec![false; entries],
            reported_missing: FxHashSet::default(),
            annexes: Referenced::default(),
        }
    }

    /// The header's texts and the sessions' titles, which come before the items.
    pub(super) fn header_and_sessions(&mut self, cx: &mut Ctx<'a>) {
        let a = cx.agenda;
        let af = |field| Field::Agenda { field };
        self.text(cx, &a.abstract_text, af(AgendaField::Abstract));
        self.text(cx, &a.action_required, af(AgendaField::ActionRequired));
        self.text(cx, &a.notes, af(AgendaField::Notes));
        for s in &a.sessions {
            self.text(cx, &s.title, Field::Session { session: s.id, field: SessionField::Title });
        }
    }

    /// The free-text annexes and the future meetings, which come after the items.
    pub(super) fn annexes_and_future_meetings(&mut self, cx: &mut Ctx<'a>) {
        let a = cx.agenda;
        for an in &a.annexes {
            self.text(cx, &an.body, Field::Annex { annex: an.id, field: AnnexField::Body });
        }
        for m in &a.future_meetings {
            let field = Field::FutureMeeting { meeting: m.id, field: FutureMeetingField::Subject };
            self.text(cx, &m.subject, field);
            self.text(cx, &m.timing, field);
        }
    }

    /// An item's Docs column and texts.
    pub(super) fn item(&mut self, cx: &mut Ctx<'a>, item: &'a Item) {
        let f = |field| Field::item(item.id, field);
        let mut documents = 0;
        let mut only = None;
        for d in &item.docs {
            match &d.number {
                DocNumber::Document(id) => {
                    let key = self.index.key(id);
                    let registered = self.document(cx, id, key, f(ItemField::Docs), Some(item.id));
                    documents += 1;
                    only = registered.map(|first| (id, first));
                }
                DocNumber::Annex(l) => self.annexes.mention(cx, l, f(ItemField::Docs)),
                DocNumber::Outside(_) => {}
                DocNumber::Unparsed(t) => unreadable(cx, item.id, &d.number, t),
            }
            if let Some(DocStatus::RevisedAs(DocNumber::Document(new))) = &d.status {
                // What a document became is cited with it; one not registered is reported as
                // status.unregistered, not here.
                if let Some(first) = self.index.first(&self.index.key(new)) {
                    self.cite(first, new.revision, new.part);
                }
            }
            self.text(cx, &d.note, f(ItemField::Docs));
        }
        self.text(cx, &item.title, f(ItemField::Title));
        self.text(cx, &item.summary, f(ItemField::Summary));
        self.text(cx, &item.notes, f(ItemField::Notes));
        if let (1, Some((id, first))) = (documents, only) {
            agreement(cx, self.index, item, id, first);
        }
    }

    fn text(&mut self, cx: &mut Ctx<'a>, text: &'a str, field: Field) {
        if text.is_empty() {
            return;
        }
        scan_as_written(text, |m| match m {
            Mentioned::Document(d) => {
                // A document of the agenda's own group registered at the revision cited, as
                // nearly every one is, is marked cited without a copy of its number.
                let own = d.prefix.is_none_or(|p| {
                    self.index.own_group.as_deref().is_some_and(|o| p.eq_ignore_ascii_case(o))
                });
                let registered = own && {
                    let key = Key { prefix: None, series: d.series, number: d.digits.value() };
                    self.index.first(&key).is_some_and(|first| self.cite(first, d.revision, d.part))
                };
                if !registered {
                    let id = d.to_id();
                    let key = self.index.key(&id);
                    self.document(cx, &id, key, field, None);
                }
            }
            Mentioned::Annex(l) => self.annexes.mention(cx, l, field),
            Mentioned::Item(n) => {
                if !cx.outline.has_number(n) {
                    cx.push(Code::XrefItem, field, format!("There is no item {n}."), None);
                }
            }
        });
    }

    /// Marks cited every entry of the document listed first at `first` that is at `revision`
    /// for `part`; false if none is.
    fn cite(&mut self, first: u32, revision: Option<u32>, part: Option<Part>) -> bool {
        // Every entry at this revision is cited, a duplicate too: it is reported as
        // register.duplicate, not also as "nothing cites it".
        let mut any = false;
        let mut i = first;
        while i != NO_ENTRY {
            let at = i as usize;
            if self.index.revision[at] == revision && parts_agree(part, self.index.part[at]) {
                self.cited[i as usize] = true;
                any = true;
            }
            i = self.index.next[i as usize];
        }
        any
    }

    /// A cited document against the register; `item` is the item whose Docs column cites it.
    /// Gives the first register entry of the document, if it has one.
    fn document(
        &mut self,
        cx: &mut Ctx,
        id: &DocId,
        key: Key,
        field: Field,
        item: Option<ItemId>,
    ) -> Option<u32> {
        let index = self.index;
        let Some(first) = index.first(&key) else {
            if !self.reported_missing.insert((id.key(), id.revision, field)) {
                return None;
            }
            let fix = Fix {
                label: format!("Add {id} to Annex A").into(),
                edit: Edit::InsertEntry {
                    index: cx.agenda.register.len(),
                    entry: Box::new(prefilled_entry(cx, id, item)),
                },
            };
            cx.push(
                Code::XrefUnregistered,
                field,
                format!("{id} is cited but is not in the register (Annex A)."),
                Some(fix),
            );
            return None;
        };
        if self.cite(first, id.revision, id.part) {
            return Some(first);
        }
        for i in index.chain(first) {
            self.cited[i] = true;
        }
        // At the revision cited, the register lists the TD for another part of the meeting.
        if let Some(i) = index.chain(first).find(|i| index.revision[*i] == id.revision) {
            let registered = id.with_part(index.part[i]);
            let fix = cite_instead(cx, item, id, &registered);
            let message = format!("{id} is cited, but the register lists {registered}.");
            cx.push(Code::XrefPart, field, message, fix);
            return Some(first);
        }
        let last = index.chain(first).max_by_key(|i| index.revision[*i]).expect("a chain has entries");
        let mut registered = id.with_revision(index.revision[last]);
        if !parts_agree(id.part, index.part[last]) {
            registered.part = index.part[last];
        }
        let fix = cite_instead(cx, item, id, &registered);
        cx.push(
            Code::XrefRevision,
            field,
            format!("{id} is cited, but the register lists {registered}."),
            fix,
        );
        Some(first)
    }
}

/// The fix that has `item` cite `registered` where its Docs column cites `id`.
fn cite_instead(cx: &Ctx, item: Option<ItemId>, id: &DocId, registered: &DocId) -> Option<Fix> {
    let item = item?;
    let it = cx.outline.item(item)?;
    let docs: Vec<DocRef> = it
        .docs
        .iter()
        .map(|d| match &d.number {
            DocNumber::Document(x) if x == id => {
                DocRef { number: DocNumber::Document(registered.clone()), ..d.clone() }
            }
            _ => d.clone(),
        })
        .collect();
    Some(Fix {
        label: format!("Cite {registered}").into(),
        edit: Edit::Set { field: Field::item(item, ItemField::Docs), value: Value::Docs(docs) },
    })
}

/// Why a number that reads as a TD up to its slash is not one, for the end of a sentence: "" or
/// ": after the slash, a TD names the part of the meeting it is for (GEN, PLEN, WP1 …), not GN".
pub(super) fn part_hint(number: &DocNumber) -> String {
    let DocNumber::Unparsed(text) = number else { return String::new() };
    match DocNumber::unknown_part(text) {
        Some(word) => format!(
            "; after the slash, a TD names the part of the meeting it is for (GEN, PLEN, WP1, WP2 …), not \"{word}\""
        ),
        None => String::new(),
    }
}

/// A Docs entry that is no document number this editor can read.
fn unreadable(cx: &mut Ctx, item: ItemId, number: &DocNumber, text: &str) {
    let msg = if text.is_empty() {
        "An empty document reference.".to_string()
    } else {
        format!(
            "\"{text}\" is not a document number this editor can read (such as TD514, TD667R1, TD163/GEN, C103, Annex B, C24/59 Rev.1){}; it is kept as written.",
            part_hint(number)
        )
    };
    cx.push(Code::DocUnreadable, Field::item(item, ItemField::Docs), msg, None);
}

/// A register entry for a cited document, prefilled from the item that cites it.
pub(crate) fn prefilled_entry(cx: &Ctx, id: &DocId, item: Option<ItemId>) -> RegisterEntry {
    let it = item.and_then(|i| cx.outline.item(i));
    RegisterEntry {
        id: cx.next_entry,
        number: DocNumber::Document(id.clone()),
        category: match id.series {
            Series::Contribution => "Contribution".into(),
            Series::Td => "Information".into(),
        },
        source: it.map(|i| i.source.trim().to_string()).unwrap_or_default(),
        title: it.map(|i| i.title.trim().to_string()).unwrap_or_default(),
    }
}

/// The title and source of an item citing one document against the register's.
fn agreement(cx: &mut Ctx, index: &RegisterIndex, item: &Item, id: &DocId, first: u32) {
    let a = cx.agenda;
    let i = index.chain(first).find(|i| index.revision[*i] == id.revision).unwrap_or(first as usize);
    let e = &a.register[i];
    if !titles_agree(&item.title, &e.title) {
        title_against_register(cx, item, e);
    }
    if !sources_agree(&item.source, &e.source) {
        cx.push(
            Code::XrefSource,
            Field::item(item.id, ItemField::Source),
            format!(
                "The source differs from the register's source for {}: \"{}\".",
                e.number,
                e.source.trim()
            ),
            Some(Fix {
                label: "Use the register's source".into(),
                edit: Edit::Set {
                    field: Field::item(item.id, ItemField::Source),
                    value: Value::Text(e.source.trim().to_string()),
                },
            }),
        );
    }
}

/// An item whose title says something other than the register's title for its one document.
///
/// Only an item that presents its document is held to the document's title. In TD514 each such
/// row is written "Source: title" (1.1, 1.4, 2.2, 3.1 …), and the three rows without a source
/// carry the register's title word for word. In the SG9 plenary agenda (TD163/GEN) the rows are
/// topics: "Approval of the agenda" cites the TD titled "Draft agenda of SG9 Plenary meetings",
/// "Documentation" the list of documents; none has a source, and none is a mistake. So an item
/// presents its document when it names a source, or when its title is the register's but for a
/// slip (three words or more, at most one in four not the register's). A topic is never
/// compared, so its title is never replaced.
fn title_against_register(cx: &mut Ctx, item: &Item, e: &RegisterEntry) {
    let o = overlap(&item.title, &e.title);
    let reads_as_the_documents = o.words >= 3 && (o.words - o.shared) * 4 <= o.words;
    let field = Field::item(item.id, ItemField::Title);
    let register_title = e.title.trim();
    if reads_as_the_documents || (!item.source.trim().is_empty() && o.shared * 2 >= o.words) {
        cx.push(
            Code::XrefTitle,
            field,
            format!("The title differs from the register's title for {}: \"{register_title}\".", e.number),
            Some(Fix {
                label: "Use the register's title".into(),
                edit: Edit::Set { field, value: Value::Text(register_title.to_string()) },
            }),
        );
    } else if !item.source.trim().is_empty() {
        // A row written "Source: title" whose title has little in common with the document's
        // is more likely citing the wrong number than misnaming its document: no title is
        // offered, the user decides which is wrong.
        cx.push(
            Code::XrefTitle,
            field,
            format!(
                "The register titles {} \"{register_title}\", which has little in common with this item's title: is {} the document meant?",
                e.number, e.number
            ),
            None,
        );
    }
}
