//! The header: the meeting's dates, and the link template that turns document numbers into
//! links. A meeting that ends before it starts makes every session look misdated, and a broken
//! template leaves every number in the exports unlinked.

use super::{Code, Ctx};
use crate::edit::{AgendaField, Field};
use crate::export::link_template_problem;

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
    if let Some(why) = link_template_problem(t).filter(|_| !t.is_empty()) {
        cx.push(
            Code::AgendaLinkTemplate,
            Field::Agenda { field: AgendaField::LinkTemplate },
            format!(
                "The document link template cannot make links: {why}, as in \
                 https://www.itu.int/md/T22-TSAG-{{number}}. Until then document numbers are not linked."
            ),
            None,
        );
    }
}
