//! Every field a user can edit, by where it lives (header, session, item, register entry,
//! annex, future meeting), with the label it is known by. Edits change fields and findings point
//! to them, so both name a field the same way, and the user reads one label for it everywhere.

use serde::Serialize;

use crate::model::{AnnexId, EntryId, FutureMeetingId, ItemId, SessionId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgendaField {
    Document,
    Revision,
    Title,
    Source,
    Group,
    Meeting,
    StudyPeriod,
    Questions,
    Purpose,
    ContactName,
    ContactOrganisation,
    ContactEmail,
    Keywords,
    OriginalLanguage,
    Place,
    StartDate,
    EndDate,
    TimeZone,
    TimeZoneLabel,
    Abstract,
    ActionRequired,
    Notes,
    Status,
    Report,
    Held,
    LinkTemplate,
    Actions,
    Categories,
    Outcomes,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionField {
    Date,
    DayLabel,
    Start,
    End,
    Title,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemField {
    Title,
    Source,
    Docs,
    Summary,
    Actions,
    Notes,
    Outcome,
    OutcomeNote,
    Start,
    Duration,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryField {
    Number,
    Category,
    Source,
    Title,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnnexField {
    Title,
    Body,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FutureMeetingField {
    Date,
    Start,
    End,
    Timing,
    Subject,
}

/// One editable field anywhere in an agenda; also where a check finding points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "in", rename_all = "snake_case")]
pub enum Field {
    Agenda { field: AgendaField },
    Session { session: SessionId, field: SessionField },
    Item { item: ItemId, field: ItemField },
    Entry { entry: EntryId, field: EntryField },
    Annex { annex: AnnexId, field: AnnexField },
    FutureMeeting { meeting: FutureMeetingId, field: FutureMeetingField },
}

impl Field {
    /// A field of an item, the kind most findings and edits point to.
    pub fn item(item: ItemId, field: ItemField) -> Field {
        Field::Item { item, field }
    }
}

impl AgendaField {
    /// Every field of this kind: what a comparison of two agendas reads, field by field.
    pub const ALL: &'static [Self] = &[
        Self::Document,
        Self::Revision,
        Self::Title,
        Self::Source,
        Self::Group,
        Self::Meeting,
        Self::StudyPeriod,
        Self::Questions,
        Self::Purpose,
        Self::ContactName,
        Self::ContactOrganisation,
        Self::ContactEmail,
        Self::Keywords,
        Self::OriginalLanguage,
        Self::Place,
        Self::StartDate,
        Self::EndDate,
        Self::TimeZone,
        Self::TimeZoneLabel,
        Self::Abstract,
        Self::ActionRequired,
        Self::Notes,
        Self::Status,
        Self::Report,
        Self::Held,
        Self::LinkTemplate,
        Self::Actions,
        Self::Categories,
        Self::Outcomes,
    ];

    /// The field's name as the header form shows it, and as findings name it.
    pub fn label(self) -> &'static str {
        use AgendaField as F;
        match self {
            F::Document => "Document number",
            F::Revision => "Revision",
            F::Title => "Title",
            F::Source => "Source",
            F::Group => "Group",
            F::Meeting => "Meeting",
            F::StudyPeriod => "Study period",
            F::Questions => "Question(s)",
            F::Purpose => "Purpose",
            F::ContactName => "Contact",
            F::ContactOrganisation => "Contact's organisation",
            F::ContactEmail => "Contact's e-mail",
            F::Keywords => "Keywords",
            F::OriginalLanguage => "Original language",
            F::Place => "Place",
            F::StartDate => "First day",
            F::EndDate => "Last day",
            F::TimeZone => "Time zone",
            F::TimeZoneLabel => "Time zone as printed",
            F::Abstract => "Abstract",
            F::ActionRequired => "Action required",
            F::Notes => "Note",
            F::Status => "Status",
            F::Report => "Report number",
            F::Held => "Meeting held",
            F::LinkTemplate => "Document link template",
            F::Actions => "Actions",
            F::Categories => "Categories",
            F::Outcomes => "Outcomes",
        }
    }
}

impl SessionField {
    /// Every field of this kind: what a comparison of two agendas reads, field by field.
    pub const ALL: &'static [Self] = &[Self::Date, Self::DayLabel, Self::Start, Self::End, Self::Title];

    /// The field's name as findings name it ("Session 2, Start").
    pub fn label(self) -> &'static str {
        match self {
            SessionField::Date => "Date",
            SessionField::DayLabel => "Day as printed",
            SessionField::Start => "Start",
            SessionField::End => "End",
            SessionField::Title => "Title",
        }
    }
}

impl ItemField {
    /// Every field of this kind: what a comparison of two agendas reads, field by field.
    pub const ALL: &'static [Self] = &[
        Self::Title,
        Self::Source,
        Self::Docs,
        Self::Summary,
        Self::Actions,
        Self::Notes,
        Self::Outcome,
        Self::OutcomeNote,
        Self::Start,
        Self::Duration,
    ];

    /// The field's name as findings name it ("Item 2.2, Docs").
    pub fn label(self) -> &'static str {
        match self {
            ItemField::Title => "Title",
            ItemField::Source => "Source",
            ItemField::Docs => "Docs",
            ItemField::Summary => "Summary",
            ItemField::Actions => "Actions",
            ItemField::Notes => "Notes",
            ItemField::Outcome => "Outcome",
            ItemField::OutcomeNote => "Outcome note",
            ItemField::Start => "Start",
            ItemField::Duration => "Duration",
        }
    }
}

impl EntryField {
    /// Every field of this kind: what a comparison of two agendas reads, field by field.
    pub const ALL: &'static [Self] = &[Self::Number, Self::Category, Self::Source, Self::Title];

    /// The field's name as the register's column header shows it.
    pub fn label(self) -> &'static str {
        match self {
            EntryField::Number => "TD/C #",
            EntryField::Category => "Category",
            EntryField::Source => "Source",
            EntryField::Title => "Title",
        }
    }
}

impl AnnexField {
    /// Every field of this kind: what a comparison of two agendas reads, field by field.
    pub const ALL: &'static [Self] = &[Self::Title, Self::Body];

    /// The field's name as findings name it ("Annex B, Text").
    pub fn label(self) -> &'static str {
        match self {
            AnnexField::Title => "Title",
            AnnexField::Body => "Text",
        }
    }
}

impl FutureMeetingField {
    /// Every field of this kind: what a comparison of two agendas reads, field by field.
    pub const ALL: &'static [Self] = &[Self::Date, Self::Start, Self::End, Self::Timing, Self::Subject];

    /// The field's name as findings name it ("Future meeting 1, Date").
    pub fn label(self) -> &'static str {
        match self {
            FutureMeetingField::Date => "Date",
            FutureMeetingField::Start => "Start",
            FutureMeetingField::End => "End",
            FutureMeetingField::Timing => "Timing",
            FutureMeetingField::Subject => "Subject",
        }
    }
}
