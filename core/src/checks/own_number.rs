//! The agenda's own number: readable, in its own register, and cited by the item that adopts
//! it. The agenda is itself a TD; the meeting adopts it under its number.

use super::index::{Key, RegisterIndex};
use super::{Code, Ctx, Fix};
use crate::docref::{DocId, DocNumber, DocRef};
use crate::edit::{AgendaField, Edit, Field, ItemField, Value};
use crate::model::{Agenda, Item, RegisterEntry};

/// What the walk over the items finds about the agenda's own number.
pub(super) struct Adoption<'a> {
    own: Option<DocId>,
    /// Whether an item cites the own number.
    adopted: bool,
    /// The first item to adopt something, where the own number belongs if no item cites it.
    adopting: Option<&'a Item>,
}

impl<'a> Adoption<'a> {
    pub(super) fn new(agenda: &Agenda) -> Self {
        Adoption { own: agenda.own_document(), adopted: false, adopting: None }
    }

    pub(super) fn item(&mut self, item: &'a Item) {
        if self.adopting.is_none() && item.actions.iter().any(|x| x.eq_ignore_ascii_case("To adopt")) {
            self.adopting = Some(item);
        }
        if let (false, Some(own)) = (self.adopted, &self.own) {
            let group = own.prefix.as_deref();
            let own = Key::of(own, group);
            self.adopted = item
                .docs
                .iter()
                .any(|d| matches!(&d.number, DocNumber::Document(id) if Key::of(id, group) == own));
        }
    }

    pub(super) fn check(self, cx: &mut Ctx, index: &RegisterIndex) {
        let a = cx.agenda;
        let field = Field::Agenda { field: AgendaField::Document };
        let Some(own) = &self.own else {
            let msg = if a.document.trim().is_empty() {
                "The agenda has no document number (such as TD514 or SG9-TD163/GEN).".to_string()
            } else {
                let typed = a.document.trim();
                format!(
                    "\"{typed}\" is not a TD or contribution number (such as TD514 or SG9-TD163/GEN){}.",
                    super::citations::part_hint(&DocNumber::parse(typed))
                )
            };
            cx.push(Code::AgendaNumber, field, msg, None);
            return;
        };
        if index.first(&index.key(own)).is_none() {
            let fix = Fix {
                label: format!("Add {own} to Annex A").into(),
                edit: Edit::InsertEntry {
                    index: a.register.len(),
                    entry: Box::new(RegisterEntry {
                        id: cx.next_entry,
                        number: DocNumber::Document(own.clone()),
                        category: "Admin".into(),
                        source: a.source.trim().to_string(),
                        title: a.title.trim().to_string(),
                    }),
                },
            };
            cx.push(
                Code::AgendaOwnRegister,
                field,
                format!("The agenda's own number, {own}, is not in its register (Annex A)."),
                Some(fix),
            );
        }
        if !self.adopted {
            let fix = self.adopting.map(|i| {
                let mut docs = i.docs.clone();
                docs.push(DocRef::new(&own.to_string()));
                Fix {
                    label: format!(
                        "Cite {own} in item {}",
                        cx.outline.number(i.id).as_deref().unwrap_or("?")
                    )
                    .into(),
                    edit: Edit::Set { field: Field::item(i.id, ItemField::Docs), value: Value::Docs(docs) },
                }
            });
            cx.push(
                Code::AgendaOwnAdoption,
                field,
                format!("No item cites the agenda's own number, {own}, for adoption."),
                fix,
            );
        }
    }
}
