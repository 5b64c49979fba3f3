//! The header form: the agenda's own fields (number, meeting, dates, time zone, title, the TD
//! header's Questions, purpose and contact, abstract …) above the items table.

use agendum_core::edit::{AgendaField, Field};
use agendum_core::model::PURPOSES;
use leptos::prelude::*;

use agendum_core::edit::{Edit, Value};

use crate::fields::{dom_id, FieldInput, Kind};
use crate::reactive_agenda::ReactiveAgenda;
use crate::second_zone::SecondZonePicker;

/// "Meeting held": from then on every item that asks for something is expected to have an
/// outcome, and the checks say which have none.
#[component]
fn HeldBox() -> impl IntoView {
    let live = expect_context::<ReactiveAgenda>();
    let field = Field::Agenda { field: AgendaField::Held };
    let held = Memo::new(move |_| live.with_header(|a| a.held));
    let on_change = move |ev: leptos::ev::Event| {
        live.apply(Edit::Set { field, value: Value::Flag(event_target_checked(&ev)) }, false);
    };
    view! {
        <label class="field check held">
            <input type="checkbox" id=dom_id(field) prop:checked=move || held.get() on:change=on_change />
            " Meeting held: every item that asks for a decision needs its outcome"
        </label>
    }
}

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
                <FieldInput field=af(AgendaField::StartDate) label=label(AgendaField::StartDate) kind=Kind::Date placeholder="day month year" />
                <FieldInput field=af(AgendaField::EndDate) label=label(AgendaField::EndDate) kind=Kind::Date placeholder="day month year" />
                {f(AgendaField::TimeZone)}
                {f(AgendaField::TimeZoneLabel)}
                <SecondZonePicker />
                {f(AgendaField::Source)}
                {f(AgendaField::Title)}
                <FieldInput field=af(AgendaField::Report) label=label(AgendaField::Report) placeholder="TD515" />
                <FieldInput field=af(AgendaField::StudyPeriod) label=label(AgendaField::StudyPeriod) placeholder="2025-2028" />
                {f(AgendaField::Questions)}
                <FieldInput field=af(AgendaField::Purpose) label=label(AgendaField::Purpose) list="purpose-vocabulary" />
                {f(AgendaField::OriginalLanguage)}
                {f(AgendaField::Keywords)}
                {f(AgendaField::ContactName)}
                {f(AgendaField::ContactOrganisation)}
                <FieldInput field=af(AgendaField::ContactEmail) label=label(AgendaField::ContactEmail) placeholder="name@example.org" />
            </div>
            <datalist id="purpose-vocabulary">
                {PURPOSES.iter().map(|p| view! { <option value=*p></option> }).collect_view()}
            </datalist>
            <FieldInput field=af(AgendaField::Abstract) label=label(AgendaField::Abstract) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::ActionRequired) label=label(AgendaField::ActionRequired) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::Notes) label=label(AgendaField::Notes) kind=Kind::Lines />
            <FieldInput field=af(AgendaField::LinkTemplate) label=label(AgendaField::LinkTemplate)
                placeholder="https://www.itu.int/md/…{number}" />
            <HeldBox />
        </section>
    }
}
