//! Text from articles never reaches a terminal as control sequences.
//!
//! Article text is untrusted: an ESC can start a sequence that writes the clipboard (OSC 52),
//! retitles the window or hides text; bidi overrides can reorder what a reader sees. Every
//! character that could do that is replaced by a visible placeholder before it is printed.

use std::borrow::Cow;

/// The visible stand-in for a character that must not reach the terminal, or `None` if the
/// character is safe to print as it is.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        // C0 controls show as their Control Pictures (U+2400 block): ESC as ␛.
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32),
        '\x7f' => Some('\u{2421}'),
        // C1 controls (CSI, OSC, DCS… as single bytes in some terminals).
        '\u{80}'..='\u{9f}' => Some('\u{FFFD}'),
        // Bidi embeddings, overrides and isolates, and the marks that steer them.
        '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{061C}' => Some('\u{FFFD}'),
        // Zero-width characters that would hide text or join it invisibly.
        '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' => Some('\u{2423}'),
        // Line and paragraph separators: some terminals treat them as line breaks.
        '\u{2028}' | '\u{2029}' => Some('\u{21B5}'),
        _ => None,
    }
}

/// Whether `c` must be replaced before printing (tabs and newlines are handled by the caller).
pub fn is_unsafe(c: char) -> bool {
    placeholder(c).is_some()
}

/// `s` with every unsafe character replaced by its placeholder, newlines and tabs included;
/// borrowed when nothing needed replacing.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| placeholder(c).unwrap_or(c)).collect())
}

/// Like [`sanitize`] but keeps `\n` (and turns `\t` into a space): for multi-line text printed
/// line by line.
pub fn sanitize_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' => '\n',
                '\t' => ' ',
                c => placeholder(c).unwrap_or(c),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let s = sanitize("a\x1b]52;c;ZXZpbA==\x07b");
        assert!(!s.contains('\x1b') && !s.contains('\x07'));
        assert!(s.starts_with("a\u{241b}]52"));
    }

    #[test]
    fn bidi_and_c1_are_replaced() {
        for c in ['\u{202E}', '\u{2066}', '\u{2069}', '\u{9b}', '\u{200B}'] {
            assert!(!sanitize(&format!("x{c}y")).contains(c));
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("Riyadh — “today”"), Cow::Borrowed(_)));
    }
}
