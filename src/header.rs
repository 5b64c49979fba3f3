//! The header form: the agenda's own fields (number, meeting, dates, time zone, title, abstract
//! …) above the items table.

use agendum_core::edit::{AgendaField, Field};
use leptos::prelude::*;

use crate::fields::{FieldInput, Kind};

#[component]
pub fn Header() -> impl IntoView {
    let af = |field| Field::Agenda { field };
    let f = |field, label: &'static str| {
        view! { <FieldInput field=af(field) label=Signal::stored(label.to_string()) /> }
    };
    view! {
        <section aria-labelledby="header-h" class="header-form">
            <h2 id="header-h">"Header"</h2>
            <div class="grid">
                {f(AgendaField::Document, "Document number")}
                <FieldInput field=af(AgendaField::Revision) label=Signal::stored("Revision".to_string()) kind=Kind::Parsed placeholder="none" />
                {f(AgendaField::Status, "Status")}
                {f(AgendaField::Group, "Group")}
                {f(AgendaField::Meeting, "Meeting")}
                {f(AgendaField::Place, "Place")}
                <FieldInput field=af(AgendaField::StartDate) label=Signal::stored("First day".to_string()) kind=Kind::Date />
                <FieldInput field=af(AgendaField::EndDate) label=Signal::stored("Last day".to_string()) kind=Kind::Date />
                {f(AgendaField::TimeZone, "Time zone")}
                {f(AgendaField::TimeZoneLabel, "Time zone as printed")}
                {f(AgendaField::Source, "Source")}
                {f(AgendaField::Title, "Title")}
            </div>
            <FieldInput field=af(AgendaField::Abstract) label=Signal::stored("Abstract".to_string()) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::ActionRequired) label=Signal::stored("Action required".to_string()) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::Notes) label=Signal::stored("Note".to_string()) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::LinkTemplate) label=Signal::stored("Document link template".to_string())
                placeholder="https://www.itu.int/md/T22-TSAG-{number}" />
        </section>
    }
}
