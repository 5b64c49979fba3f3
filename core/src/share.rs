//! The share link: a whole agenda carried in a link's fragment (the part after `#`), which a
//! browser never sends to a server, so an agenda can be handed to someone with no server and
//! no file. The fragment is `/shared/1.` and the agenda file, compressed (zlib) and written in
//! URL-safe base64. The `1` is this encoding's version, apart from the file format's own.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::inflate::TINFLStatus;

use crate::format::{self, LoadError, Loaded, MAX_FILE_BYTES};
use crate::model::Agenda;

/// What a share link's fragment starts with, after the `#`.
pub const ROUTE: &str = "/shared/";

/// The version of this encoding, written before the data.
const ENCODING: &str = "1.";

/// The longest link offered, in characters of its fragment. Browsers open far longer ones, but
/// mail clients and chat tools wrap, cut or refuse long links, so past this length the agenda
/// is better sent as a file; the limit is documented in docs/file-format.md.
pub const MAX_LINK_CHARS: usize = 16_000;

/// Why a link cannot be opened as an agenda.
#[derive(Debug, PartialEq)]
pub enum LinkError {
    /// Not a share link at all: another address, or one of this encoding's future versions.
    NotAShareLink,
    /// From a later version of the link encoding than this editor reads.
    Newer,
    /// The link ends before the agenda does: cut short by a mail client or a copy.
    Truncated,
    /// Characters of the link were changed, so it no longer reads back.
    Altered,
    /// The agenda it holds would be larger than any agenda file.
    TooLarge,
    /// It reads back, but not as an agenda this editor can open.
    Agenda(LoadError),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotAShareLink => f.write_str("This address does not hold a shared agenda."),
            LinkError::Newer => f.write_str(
                "This link was made by a newer version of Agendum; update this page (reload it) to open it.",
            ),
            LinkError::Truncated => f.write_str(
                "This link is incomplete: its end was cut off, as mail and chat tools do with long links. Ask for the link again, or for the agenda as a file.",
            ),
            LinkError::Altered => f.write_str(
                "This link is damaged: some of its characters were changed on the way. Ask for the link again, or for the agenda as a file.",
            ),
            LinkError::TooLarge => write!(
                f,
                "This link holds more than an agenda file may ({} MiB), so it is not opened.",
                MAX_FILE_BYTES / 1048576
            ),
            LinkError::Agenda(e) => write!(f, "This link holds no agenda this editor can open. {e}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The fragment of the agenda's share link, `#` not included: `/shared/1.eJy…`.
pub fn fragment(agenda: &Agenda) -> String {
    let file = format::record(agenda);
    // Level 9: the link is made once and its length is what matters; TD514 compresses in well
    // under a millisecond either way.
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(file.as_bytes(), 9);
    let mut out = String::with_capacity(ROUTE.len() + ENCODING.len() + packed.len() * 4 / 3 + 4);
    out.push_str(ROUTE);
    out.push_str(ENCODING);
    URL_SAFE_NO_PAD.encode_string(&packed, &mut out);
    out
}

/// Whether a fragment (with or without its `#`) is a share link, to be opened with [`open`].
pub fn is_share_link(fragment: &str) -> bool {
    fragment.strip_prefix('#').unwrap_or(fragment).starts_with(ROUTE)
}

/// Reads the agenda a share link's fragment holds (with or without its `#`).
pub fn open(fragment: &str) -> Result<Loaded, LinkError> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    let data = f.strip_prefix(ROUTE).ok_or(LinkError::NotAShareLink)?;
    let Some(data) = data.strip_prefix(ENCODING) else {
        let newer = data.split_once('.').is_some_and(|(v, _)| v.parse::<u32>().is_ok_and(|v| v > 1));
        return Err(if newer { LinkError::Newer } else { LinkError::NotAShareLink });
    };
    // A link pasted from a mail may carry a line break or spaces where it was wrapped; they are
    // not part of the data.
    let data: String = data.chars().filter(|c| !c.is_whitespace()).collect();
    let data = data.trim_end_matches('=');
    if data.len() > MAX_FILE_BYTES {
        return Err(LinkError::TooLarge);
    }
    let packed = URL_SAFE_NO_PAD.decode(data).map_err(|e| match e {
        // A length no base64 text has is a text cut mid-character.
        base64::DecodeError::InvalidLength(_) | base64::DecodeError::InvalidLastSymbol(..) => {
            LinkError::Truncated
        }
        _ => LinkError::Altered,
    })?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_FILE_BYTES).map_err(
        |e| match e.status {
            TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            TINFLStatus::NeedsMoreInput | TINFLStatus::FailedCannotMakeProgress => LinkError::Truncated,
            _ => LinkError::Altered,
        },
    )?;
    // The zlib checksum has passed, so bytes that are not text were made so on purpose.
    let text = String::from_utf8(bytes).map_err(|_| LinkError::Altered)?;
    format::load(&text).map_err(LinkError::Agenda)
}
