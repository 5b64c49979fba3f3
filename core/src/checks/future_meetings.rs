//! Future meetings: each dated after this one, and ending after it starts. The list is what
//! participants copy into their calendars.

use super::sessions::session_date;
use super::{Code, Ctx};
use crate::edit::{Field, FutureMeetingField};

pub(super) fn check(cx: &mut Ctx) {
    let a = cx.agenda;
    let meeting_start = a.start_date.or_else(|| a.sessions.iter().filter_map(|s| session_date(a, s)).min());
    for m in &a.future_meetings {
        let mf = |field| Field::FutureMeeting { meeting: m.id, field };
        if let (Some(d), Some(ms)) = (m.date, meeting_start) {
            if d < ms {
                cx.push(
                    Code::FutureBeforeMeeting,
                    mf(FutureMeetingField::Date),
                    format!("{} is before this meeting ({}).", d.long(), ms.long()),
                    None,
                );
            }
        }
        if let (Some(s), Some(e)) = (m.start, m.end) {
            if e <= s {
                cx.push(
                    Code::FutureWindow,
                    mf(FutureMeetingField::End),
                    format!("Ends at {e}, which is not after its start at {s}."),
                    None,
                );
            }
        }
    }
}
