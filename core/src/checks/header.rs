//! The header: the meeting's dates, the link template that turns document numbers into links,
//! and the contact's e-mail. A meeting that ends before it starts makes every session look
//! misdated, a broken template leaves every number in the exports unlinked, and a mistyped
//! address is printed on the TD for every participant to copy.

use super::{Code, Ctx, Fix};
use crate::edit::{AgendaField, Edit, Field, Value};
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
    let email = a.contact.email.trim();
    if !email.is_empty() && !is_address(email) {
        // What mail programs copy in with an address: "mailto:", angle brackets, a full stop.
        let cleaned = email
            .trim_start_matches("mailto:")
            .trim_matches(|c: char| matches!(c, '<' | '>' | '.' | ',' | ';') || c.is_whitespace());
        let fix = is_address(cleaned).then(|| Fix {
            label: format!("Change to {cleaned}").into(),
            edit: Edit::Set {
                field: Field::Agenda { field: AgendaField::ContactEmail },
                value: Value::Text(cleaned.to_string()),
            },
        });
        cx.push(
            Code::ContactEmail,
            Field::Agenda { field: AgendaField::ContactEmail },
            format!(
                "The contact's e-mail \"{email}\" is not an e-mail address: write it as name@example.org."
            ),
            fix,
        );
    }
}

/// An address as people type them: one @, something before it, and a domain with a dot, with
/// no space or character that cannot stand unquoted in an address. Not the whole of RFC 5322,
/// whose quoted forms no participant list prints.
fn is_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else { return false };
    let plain =
        |s: &str| !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || "@<>()[]\\,;:\"".contains(c));
    plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}
