//! Agendas made elsewhere, read into Agendum's model: [`docx`], Word files; [`table`], tables
//! pasted into Annex A.

pub mod docx;
pub mod table;

/// Entities and character references decoded, an entity not known kept as written. `html`
/// adds `&nbsp;` to XML's five. Hand-written: quick-xml refuses a text with an entity it does
/// not know (a Word file may declare its own, never to be expanded), and clipboard HTML is not
/// XML at all.
pub(crate) fn decode_entities(raw: &str, html: bool) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|e| *e <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" if html => Some('\u{a0}'),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .map(|h| u32::from_str_radix(h, 16).ok())
                .unwrap_or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => out.push(c),
            None => out.push_str(&rest[..=end]),
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}
