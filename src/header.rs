//! The header form: the agenda's own fields (number, meeting, dates, time zone, title, abstract
//! …) above the items table.

use agendum_core::edit::{AgendaField, Field};
use leptos::prelude::*;

use crate::fields::{FieldInput, Kind};

#[component]
pub fn Header() -> impl IntoView {
    let af = |field| Field::Agenda { field };
    // Labelled as findings name the field, so "Header, Last day" points at the field so labelled.
    let label = |field: AgendaField| Signal::stored(field.label().to_string());
    let f = |field| view! { <FieldInput field=af(field) label=label(field) /> };
    view! {
        <section aria-labelledby="header-h" class="header-form">
            <h2 id="header-h">"Header"</h2>
            <div class="grid">
                {f(AgendaField::Document)}
                <FieldInput field=af(AgendaField::Revision) label=label(AgendaField::Revision) kind=Kind::Parsed placeholder="none" />
                {f(AgendaField::Status)}
                {f(AgendaField::Group)}
                {f(AgendaField::Meeting)}
                {f(AgendaField::Place)}
                <FieldInput field=af(AgendaField::StartDate) label=label(AgendaField::StartDate) kind=Kind::Date />
                <FieldInput field=af(AgendaField::EndDate) label=label(AgendaField::EndDate) kind=Kind::Date />
                {f(AgendaField::TimeZone)}
                {f(AgendaField::TimeZoneLabel)}
                {f(AgendaField::Source)}
                {f(AgendaField::Title)}
            </div>
            <FieldInput field=af(AgendaField::Abstract) label=label(AgendaField::Abstract) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::ActionRequired) label=label(AgendaField::ActionRequired) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::Notes) label=label(AgendaField::Notes) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::LinkTemplate) label=label(AgendaField::LinkTemplate)
                placeholder="https://www.itu.int/md/T22-TSAG-{number}" />
        </section>
    }
}
