//! A page's character set: its byte-order mark, else the HTTP header's hint, else a
//! `<meta charset>` (or `http-equiv` `Content-Type`) near the top, else UTF-8 when the bytes are
//! valid UTF-8 and Windows-1252 (what browsers assume for `ISO-8859-1` and unlabelled pages)
//! otherwise. Bytes that do not fit the chosen set become U+FFFD.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta charset>` is looked for (browsers look in the first 1,024
/// bytes; pages with long comments or scripts first put it later).
const PRESCAN_BYTES: usize = 8192;

/// The page as text.
pub fn decode(bytes: &[u8], hint: Option<&str>) -> String {
    let (encoding, body) = choose(bytes, hint);
    let (text, _) = encoding.decode_without_bom_handling(body);
    text.into_owned()
}

/// The encoding to use and the bytes to decode (a byte-order mark removed).
pub fn choose<'a>(bytes: &'a [u8], hint: Option<&str>) -> (&'static Encoding, &'a [u8]) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return (enc, bytes.get(bom_len..).unwrap_or_default());
    }
    if let Some(enc) = hint.and_then(label) {
        return (usable(enc), bytes);
    }
    let head = bytes.get(..PRESCAN_BYTES.min(bytes.len())).unwrap_or(bytes);
    if let Some(enc) = meta_charset(head) {
        return (usable(enc), bytes);
    }
    if std::str::from_utf8(bytes).is_ok() {
        (UTF_8, bytes)
    } else {
        (WINDOWS_1252, bytes)
    }
}

/// An encoding from a label or a whole `Content-Type` value (`text/html; charset=utf-8`).
pub fn label(s: &str) -> Option<&'static Encoding> {
    let lower = s.to_ascii_lowercase();
    let value = match lower.find("charset=") {
        Some(i) => &lower[i + "charset=".len()..],
        None => lower.as_str(),
    };
    let value = value
        .trim_start_matches(['"', '\'', ' '])
        .split(['"', '\'', ';', ' ', ',', '>', '/'])
        .next()
        .unwrap_or("");
    Encoding::for_label(value.trim().as_bytes())
}

/// A page that says it is UTF-16 without a byte-order mark is ASCII-compatible in practice (the
/// HTML standard reads it as UTF-8), and `x-user-defined` is not a text encoding.
fn usable(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::UTF_16LE
        || enc == encoding_rs::UTF_16BE
        || enc == encoding_rs::REPLACEMENT
    {
        UTF_8
    } else {
        enc.output_encoding()
    }
}

/// The charset a `<meta>` tag in `head` names, if any.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset=") {
            let value = String::from_utf8_lossy(&tag[c..]);
            if let Some(enc) = label(&value) {
                return Some(enc);
            }
        }
        from = end.max(start + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_wins_over_meta() {
        let page = b"\xEF\xBB\xBF<meta charset=\"iso-8859-1\"><p>caf\xC3\xA9</p>";
        assert!(decode(page, None).contains("café"));
    }

    #[test]
    fn meta_charset_and_http_equiv() {
        let a = b"<meta charset=windows-1252><p>caf\xE9</p>";
        assert!(decode(a, None).contains("café"));
        let b = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xE9</p>";
        assert!(decode(b, None).contains("café"));
    }

    #[test]
    fn hint_and_fallbacks() {
        assert!(decode(b"<p>caf\xE9</p>", Some("text/html; charset=latin1")).contains("café"));
        assert!(decode(b"<p>caf\xE9</p>", None).contains("café"));
        assert!(decode("<p>café</p>".as_bytes(), None).contains("café"));
        assert!(decode(b"", None).is_empty());
    }
}
