//! The header: the meeting's dates, and the link template that turns document numbers into
//! links. A meeting that ends before it starts makes every session look misdated, and a broken
//! template leaves every number in the exports unlinked.

use super::{Code, Ctx};
use crate::edit::{AgendaField, Field};

pub(super) fn check(cx: &mut Ctx) {
    let a = cx.agenda;
    if let (Some(s), Some(e)) = (a.start_date, a.end_date) {
        if e < s {
            cx.push(
                Code::MeetingDates,
                Field::Agenda { field: AgendaField::EndDate },
                format!("The meeting's last day ({}) is before its first day ({}).", e.long(), s.long()),
                None,
            );
        }
    }
    let t = a.link_template.trim();
    if !t.is_empty() && (!(t.starts_with("https://") || t.starts_with("http://")) || !t.contains("{number}"))
    {
        cx.push(
            Code::AgendaLinkTemplate,
            Field::Agenda { field: AgendaField::LinkTemplate },
            "The document link template must be an http:// or https:// address containing {number}, \
             e.g. https://www.itu.int/md/T22-TSAG-{number}; until then document numbers are not linked."
                .into(),
            None,
        );
    }
}
