//! The registry of check codes: each code's stable string, its severity and what it means. The
//! README's table, `agendum codes` and the findings all read them from here, so a code cannot
//! be listed with one meaning and reported with another.

use serde::{Serialize, Serializer};

use super::Severity;

macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $stage:ident, $meaning:literal;)*) => {
        /// What a finding is about. Its string ("time.order") is stable: users filter on it and
        /// the CLI prints it.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in the order of the README's table.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// What it means, in a line.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => $meaning,)*
                }
            }

            /// Which part of the walk reports it: within a severity, findings come in this order.
            pub(super) fn stage(self) -> Stage {
                match self {
                    $(Code::$variant => Stage::$stage,)*
                }
            }
        }
    };
}

/// The parts of a check pass, in the order its findings are listed within a severity: the
/// header, the sessions and their times, the register's numbers, what the items say, what only
/// the whole agenda shows, and last the register's rows that nothing cites or whose category is
/// unknown (a draft register's many). It follows the walk, so that sorting moves few findings.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Stage {
    Header,
    Sessions,
    FutureMeetings,
    Register,
    Docs,
    Citations,
    Agreement,
    ItemWords,
    Outcomes,
    Annexes,
    ItemReferences,
    OwnNumber,
    Uncited,
    Categories,
}

impl Stage {
    pub(super) const COUNT: usize = Stage::Categories as usize + 1;
}

codes! {
    TimeOrder = "time.order", Error, Sessions, "A start time is earlier than a start time above it";
    TimeOutsideWindow = "time.outside-window", Error, Sessions, "A start time falls outside its session's window";
    TimeOverrun = "time.overrun", Warning, Sessions, "A planned duration runs past the next timed item or the session end";
    SessionWindow = "session.window", Error, Sessions, "A session ends at or before its start";
    SessionOverbooked = "session.overbooked", Warning, Sessions, "The planned durations add up to more than the session window";
    SessionWeekday = "session.weekday", Error, Sessions, "The weekday written for a session is not the weekday of its date";
    SessionDay = "session.day", Error, Sessions, "The day written for a session is not its date";
    SessionOutsideMeeting = "session.outside-meeting", Error, Sessions, "A session is dated outside the meeting dates";
    MeetingDates = "meeting.dates", Error, Header, "The meeting ends before it starts";
    FutureBeforeMeeting = "future.before-meeting", Warning, FutureMeetings, "A future meeting is dated before this meeting";
    FutureWindow = "future.window", Warning, FutureMeetings, "A future meeting ends at or before its start";
    DocUnreadable = "doc.unreadable", Warning, Docs, "A document number cannot be read; it is kept as written";
    XrefUnregistered = "xref.unregistered", Error, Citations, "A cited document is missing from the register (Annex A)";
    XrefRevision = "xref.revision", Warning, Citations, "A document is cited at a revision the register does not list";
    XrefPart = "xref.part", Warning, Citations, "A TD is cited for another part of the meeting (/GEN, /PLEN, /WP1) than the register lists";
    XrefTitle = "xref.title", Warning, Agreement, "An item that presents its document titles it otherwise than the register";
    XrefSource = "xref.source", Warning, Agreement, "An item's source disagrees with the register's source for its document";
    XrefItem = "xref.item", Error, ItemReferences, "A reference to another item (\"see 2.2\") does not resolve";
    RegisterDuplicate = "register.duplicate", Error, Register, "The same document number appears twice in the register";
    RegisterUncited = "register.uncited", Warning, Uncited, "Nothing in the agenda cites a register entry";
    RegisterCategory = "register.category", Warning, Categories, "A register category is not in the agenda's vocabulary";
    RegisterUnreadable = "register.unreadable", Warning, Register, "A register number cannot be read as a TD or contribution";
    AnnexMissing = "annex.missing", Error, Annexes, "A reference to an annex that does not exist";
    AnnexUnreferenced = "annex.unreferenced", Warning, Annexes, "An annex that nothing refers to";
    ItemAction = "item.action", Warning, ItemWords, "An action is not in the agenda's vocabulary";
    ItemUntitled = "item.untitled", Note, ItemWords, "An item has no title";
    OutcomeMissing = "outcome.missing", Warning, Outcomes, "Its session has passed (or the meeting is held), and an item with an action or a document has no outcome";
    OutcomeContrary = "outcome.contrary", Warning, Outcomes, "An item \"To adopt\" or \"To approve\" has an outcome that says otherwise (Not approved, Deferred, Withdrawn, Noted) and no note saying why";
    StatusMissing = "status.missing", Warning, Outcomes, "A document planned for introduction (cited without parentheses) has no status, once its item has an outcome or the meeting is held";
    StatusUnregistered = "status.unregistered", Error, Outcomes, "A document is revised as a number that is not in the register (Annex A)";
    AgendaNumber = "agenda.number", Warning, OwnNumber, "The agenda has no readable document number";
    AgendaOwnRegister = "agenda.own-register", Warning, OwnNumber, "The agenda's own number is missing from its register";
    AgendaOwnAdoption = "agenda.own-adoption", Warning, OwnNumber, "No item cites the agenda's own number for adoption";
    AgendaLinkTemplate = "agenda.link-template", Warning, Header, "The document link template cannot make links: not http(s), no {number}, or a space, quote, < or >";
    ContactEmail = "agenda.contact-email", Warning, Header, "The contact's e-mail is not an e-mail address";
    TimeZone = "agenda.time-zone", Warning, Header, "The agenda's time zone is not a name the time-zone database knows (an IANA name such as Europe/Zurich)";
    Unreadable = "field.unreadable", Error, Header, "The editor only: a box holds what cannot be read as its value (a time, a date, a number), and the agenda keeps the value it had";
}

impl Code {
    /// The code whose string is `s`, as a user types it to filter.
    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Shown as its string, as users see it.
impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

/// Lets a test or a filter say `finding.code == "time.order"`, the code as users write it.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
