//! Tokens and sentences as byte spans into the article's text: never `String` copies.
//!
//! The tokenizer is deliberately simple and total: every byte of the text is either whitespace or
//! inside exactly one token, so spans always sit on character boundaries.

use std::ops::Range;

use crate::model::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed in, "G7"), with inner hyphens and apostrophes ("Al-Ahram",
    /// "O'Brien") and the dots of an abbreviation ("U.S.", "a.m.").
    Word,
    /// Digits, with inner `,` `.` `:` between digits ("1,000", "3.5", "10:30").
    Number,
    /// Any other single character: punctuation, quotes, symbols.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it is made of.
    pub kind: TokenKind,
    /// How many line breaks stand between it and the previous token (0, 1, or 2 for a blank line
    /// or more).
    pub breaks_before: u8,
    /// Whether whitespace stands between it and the previous token.
    pub space_before: bool,
}

impl Token {
    /// Its byte span.
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// The text it covers.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// One sentence: a span and the range of its tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// From its first token's start to its last token's end.
    pub span: Span,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Whether a paragraph break (a blank line, or a line break after a headline-like line)
    /// precedes it, or it is the first sentence.
    pub starts_paragraph: bool,
}

/// A text cut into tokens and sentences.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The text.
    pub text: &'a str,
    /// Every token, in order.
    pub tokens: Vec<Token>,
    /// Every sentence, in order; together they cover every token.
    pub sentences: Vec<Sentence>,
}

impl<'a> Document<'a> {
    /// Cuts `text` into tokens and sentences.
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        Self {
            text,
            tokens,
            sentences,
        }
    }

    /// The text of token `i` (`""` when out of range).
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &'a str {
        span.of(self.text)
    }

    /// The index of the sentence that holds byte `pos` (the last one starting at or before it).
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        match self.sentences.binary_search_by(|s| s.span.start.cmp(&pos)) {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // Combining marks keep decomposed letters ("é" as e + U+0301) inside their word.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Ends a token at `end`, taking the line breaks and space seen before it (then reset).
#[inline]
fn push_token(
    tokens: &mut Vec<Token>,
    start: usize,
    end: usize,
    kind: TokenKind,
    breaks: &mut u8,
    space: &mut bool,
) {
    tokens.push(Token {
        start,
        end,
        kind,
        breaks_before: *breaks,
        space_before: *space || start == 0,
    });
    *breaks = 0;
    *space = false;
}

pub use crate::calendar::WEEKDAYS;

/// Cuts `text` into tokens. Total: any string, any bytes boundaries, no panic.
pub fn tokenize(text: &str) -> Vec<Token> {
    // About five bytes a token in English news: one allocation for most texts.
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut breaks: u8 = 0;
    let mut space = false;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast paths: most news text is ASCII, decoded as a char only when it is not.
        let c = if b < 0x80 {
            match b {
                b'\n' => {
                    breaks = breaks.saturating_add(1).min(2);
                    space = true;
                    i += 1;
                    continue;
                }
                b' ' | b'\t' | b'\r' | 0x0c | 0x0b => {
                    space = true;
                    i += 1;
                    continue;
                }
                _ => char::from(b),
            }
        } else {
            let c = char_at(text, i);
            // Dashes, quotes, bullets and ellipses (most of General Punctuation) are neither
            // space nor word: no Unicode table lookups for them.
            if matches!(c as u32, 0x2010..=0x2027 | 0x2030..=0x205E) {
                let start = i;
                let len = c.len_utf8();
                let kind = if is_apostrophe(c) && !space && is_possessive_s(text, i + len) {
                    i += len + 1;
                    TokenKind::Word
                } else {
                    i += len;
                    TokenKind::Punct
                };
                push_token(&mut tokens, start, i, kind, &mut breaks, &mut space);
                continue;
            }
            if c.is_whitespace() {
                if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') {
                    breaks = breaks.saturating_add(1).min(2);
                }
                space = true;
                i += c.len_utf8();
                continue;
            }
            c
        };
        let start = i;
        let kind;
        if b.is_ascii_digit() {
            kind = TokenKind::Number;
            i = scan_number(text, i);
            // "G7"-style tails and "1990s", "3rd", "14th" stay whole.
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
        } else if is_word_char(c) {
            kind = TokenKind::Word;
            i = scan_word(text, i);
        } else if is_apostrophe(c) && !space && is_possessive_s(text, i + c.len_utf8()) {
            kind = TokenKind::Word;
            i += c.len_utf8() + 1;
        } else {
            kind = TokenKind::Punct;
            i += c.len_utf8();
        }
        push_token(&mut tokens, start, i, kind, &mut breaks, &mut space);
    }
    tokens
}

/// Whether `text[i..]` starts with an `s` that ends its word (the `s` of a possessive).
fn is_possessive_s(text: &str, i: usize) -> bool {
    matches!(text.as_bytes().get(i), Some(b's' | b'S'))
        && !next_char(text, i + 1).is_some_and(is_word_char)
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\u{FFFD}')
}

/// The character starting at byte `i`, if any (`None` at the end or off a boundary); ASCII
/// without decoding.
fn next_char(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        _ => text.get(i..).and_then(|s| s.chars().next()),
    }
}

fn scan_number(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        let inner_separator = matches!(bytes[i], b',' | b'.' | b':')
            && i + 1 < bytes.len()
            && bytes[i + 1].is_ascii_digit()
            && i > 0
            && bytes[i - 1].is_ascii_digit();
        if bytes[i].is_ascii_digit() || inner_separator {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// How many of the eight bytes packed little-endian in `x` are, from the first, ASCII letters or
/// digits: all tested at once (SWAR). On the low seven bits of each byte adding a constant cannot
/// carry into the next byte, so a high bit says whether a byte is at or above a bound.
fn ascii_alnum_prefix(x: u64) -> usize {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 0x80;
    let v = x & (ONES * 0x7f);
    // Letters folded to lower case ('@' and '[' fold to '`' and '{', outside the range).
    let l = v | (ONES * 0x20);
    let letter = (l + ONES * u64::from(0x80 - b'a')) & !(l + ONES * u64::from(0x7f - b'z'));
    let digit = (v + ONES * u64::from(0x80 - b'0')) & !(v + ONES * u64::from(0x7f - b'9'));
    // A byte outside ASCII is neither, whatever its low bits.
    let alnum = (letter | digit) & !x & HIGH;
    ((!alnum & HIGH).trailing_zeros() / 8) as usize
}

fn scan_word(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut letters_since_dot = 0usize;
    let mut dotted = false;
    loop {
        // A run of ASCII letters and digits, most of any word: eight bytes at a time, byte by
        // byte near the end of the text.
        loop {
            let Some(chunk) = bytes
                .get(i..i + 8)
                .and_then(|s| <[u8; 8]>::try_from(s).ok())
            else {
                while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                    i += 1;
                    letters_since_dot += 1;
                }
                break;
            };
            let n = ascii_alnum_prefix(u64::from_le_bytes(chunk));
            i += n;
            letters_since_dot += n;
            if n < 8 {
                break;
            }
        }
        // Any other ASCII byte but a joiner or a dot ends the word: a space or a comma, mostly.
        if bytes
            .get(i)
            .is_some_and(|&b| b < 0x80 && !matches!(b, b'-' | b'\'' | b'&' | b'.'))
        {
            break;
        }
        let Some(c) = next_char(text, i) else {
            break;
        };
        if is_word_char(c) {
            i += c.len_utf8();
            letters_since_dot += 1;
            continue;
        }
        let next = next_char(text, i + c.len_utf8());
        let next_is_word = next.is_some_and(is_word_char);
        if (is_hyphen(c) || is_apostrophe(c) || c == '&') && next_is_word {
            // Possessive "'s" and "’s" are their own token: "Kane’s" is "Kane" + "’s".
            if is_apostrophe(c) && is_possessive_s(text, i + c.len_utf8()) {
                break;
            }
            if c == '&' && letters_since_dot > 2 {
                break;
            }
            i += c.len_utf8();
            letters_since_dot = 0;
            continue;
        }
        // Abbreviations with dots: "U.S.", "a.m.", "U.K." — single letters between dots.
        if c == '.' && letters_since_dot == 1 && (dotted || next_is_word) {
            let n1 = next_char(text, i + 1);
            let n2 = n1.and_then(|n1| next_char(text, i + 1 + n1.len_utf8()));
            if dotted || (n1.is_some_and(char::is_alphabetic) && n2 == Some('.')) {
                dotted = true;
                i += 1;
                letters_since_dot = 0;
                if !n1.is_some_and(is_word_char) {
                    break;
                }
                continue;
            }
        }
        break;
    }
    i
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt",
    "Sen", "Rep", "Gov", "Pres", "Rev", "Fr", "St", "Jr", "Sr", "Mt", "Ft", "No", "Nos", "Vol",
    "vs", "etc", "Inc", "Corp", "Ltd", "Co", "Bros", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "est", "Univ", "Dept", "Ave", "Blvd",
    "e.g", "i.e", "cf",
];

/// The length of the longest of [`ABBREVIATIONS`]: longer words are not compared.
const MAX_ABBREVIATION: usize = 6;

/// Closing punctuation that may follow a sentence end and still belong to the sentence.
fn is_closer(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'" | "\u{201D}" | "\u{2019}" | ")" | "]" | "\u{BB}"
    )
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "\u{2026}")
}

/// Splits tokens into sentences: at `.` `!` `?` before an upper-case or quoted start, at blank
/// lines, and at a line break unless the next line carries on in lower case.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    // About twenty-five tokens a sentence in news: one allocation for most texts.
    let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
    if tokens.is_empty() {
        return out;
    }
    let mut first = 0usize;
    let mut starts_paragraph = true;
    let n = tokens.len();
    let mut i = 0usize;
    while i < n {
        let t = tokens[i];
        let mut end_here = None; // Some(last token index inclusive)
        // Only a punctuation token can be a full stop, and only a word ending in a dot an
        // abbreviation that ends a sentence: the kind and one byte are tested before any text.
        if t.kind == TokenKind::Punct
            && matches!(bytes.get(t.start), Some(b'.' | b'!' | b'?' | 0xE2))
            && is_terminal(t.text(text))
            && !is_abbreviation_dot(text, tokens, i)
        {
            // Take closers that follow ("said.”").
            let mut j = i;
            while j + 1 < n
                && tokens[j + 1].breaks_before == 0
                && (is_closer(tokens[j + 1].text(text)) || is_terminal(tokens[j + 1].text(text)))
            {
                j += 1;
            }
            if j + 1 >= n || starts_like_sentence(text, &tokens[j + 1]) {
                end_here = Some(j);
            }
        } else if t.kind == TokenKind::Word
            && bytes.get(t.end.wrapping_sub(1)) == Some(&b'.')
            && let s = t.text(text)
            && s.ends_with('.')
            && s.len() > 2
        {
            // "U.S." at the end of a sentence: the dot is both abbreviation and full stop.
            if let Some(next) = tokens.get(i + 1)
                && next.breaks_before == 0
                && next.space_before
                && starts_like_sentence(text, next)
                && next
                    .text(text)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && !next_is_likely_name_continuation(text, next)
                && !is_clock_then_zone_or_day(s, next.text(text))
            {
                end_here = Some(i);
            }
        }
        if end_here.is_none()
            && let Some(next) = tokens.get(i + 1)
            && next.breaks_before > 0
        {
            let next_text = next.text(text);
            let lower = match next_text.as_bytes().first() {
                Some(&b) if b < 0x80 => b.is_ascii_lowercase(),
                _ => next_text.chars().next().is_some_and(char::is_lowercase),
            };
            if next.breaks_before >= 2 || !lower {
                end_here = Some(i);
            }
        }
        if let Some(last) = end_here {
            push_sentence(&mut out, tokens, first, last + 1, starts_paragraph);
            starts_paragraph = tokens.get(last + 1).is_some_and(|t| t.breaks_before > 0);
            first = last + 1;
            i = last + 1;
            continue;
        }
        i += 1;
    }
    if first < n {
        push_sentence(&mut out, tokens, first, n, starts_paragraph);
    }
    out
}

fn push_sentence(out: &mut Vec<Sentence>, tokens: &[Token], a: usize, b: usize, para: bool) {
    if a >= b {
        return;
    }
    out.push(Sentence {
        span: Span::new(tokens[a].start, tokens[b - 1].end),
        tokens: a..b,
        starts_paragraph: para,
    });
}

fn is_abbreviation_dot(text: &str, tokens: &[Token], i: usize) -> bool {
    if tokens[i].text(text) != "." || i == 0 {
        return false;
    }
    let prev = tokens[i - 1];
    if prev.end != tokens[i].start || prev.kind != TokenKind::Word {
        return false;
    }
    let w = prev.text(text);
    // An initial: "George W. Bush".
    let mut chars = w.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase() || ABBREVIATIONS.contains(&w);
    }
    w.len() <= MAX_ABBREVIATION && ABBREVIATIONS.contains(&w)
}

fn starts_like_sentence(text: &str, t: &Token) -> bool {
    let s = t.text(text);
    let Some(c) = s.chars().next() else {
        return false;
    };
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '\''
                | '\u{201C}'
                | '\u{2018}'
                | '('
                | '['
                | '\u{AB}'
                | '*'
                | '-'
                | '\u{2013}'
                | '\u{2014}'
        )
        || t.breaks_before > 0
}

/// "5 p.m. EST", "9 a.m. Tuesday": the clock abbreviation does not end the sentence.
fn is_clock_then_zone_or_day(word: &str, next: &str) -> bool {
    matches!(word, "a.m." | "p.m." | "A.M." | "P.M.")
        && (WEEKDAYS.contains(&next)
            || (matches!(next.len(), 3 | 4)
                && next.ends_with('T')
                && next.bytes().all(|b| b.is_ascii_uppercase())))
}

fn next_is_likely_name_continuation(_text: &str, _next: &Token) -> bool {
    false
}

/// Whether a word starts with an upper-case letter.
pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a word has letters and all of them are upper case ("NATO", "U.S.").
pub fn is_all_caps(word: &str) -> bool {
    let mut any = false;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            any = true;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    fn sents(text: &str) -> Vec<&str> {
        Document::new(text)
            .sentences
            .iter()
            .map(|s| s.span.of(text))
            .collect()
    }

    #[test]
    fn the_abbreviation_bound_is_the_longest_abbreviation() {
        let longest = ABBREVIATIONS.iter().map(|a| a.len()).max();
        assert_eq!(longest, Some(MAX_ABBREVIATION));
    }

    #[test]
    fn general_punctuation_is_punct_and_curly_possessive_a_word() {
        let text = "Kane\u{2019}s \u{201C}plan\u{201D} \u{2014} ok\u{2026}";
        let kinds: Vec<(&str, TokenKind)> = tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Kane", TokenKind::Word),
                ("\u{2019}s", TokenKind::Word),
                ("\u{201C}", TokenKind::Punct),
                ("plan", TokenKind::Word),
                ("\u{201D}", TokenKind::Punct),
                ("\u{2014}", TokenKind::Punct),
                ("ok", TokenKind::Word),
                ("\u{2026}", TokenKind::Punct),
            ]
        );
    }

    #[test]
    fn alnum_prefix_agrees_with_the_byte_test_on_every_byte() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"Ab3dEf9h";
                chunk[at] = b;
                let want = chunk
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                assert_eq!(
                    ascii_alnum_prefix(u64::from_le_bytes(chunk)),
                    want,
                    "{b} at {at}"
                );
            }
        }
    }

    #[test]
    fn possessive_is_its_own_token() {
        assert_eq!(words("Kane’s plan"), ["Kane", "’s", "plan"]);
        assert_eq!(words("Orlov's advisor"), ["Orlov", "'s", "advisor"]);
    }

    #[test]
    fn hyphens_and_apostrophes_inside_words_stay() {
        assert_eq!(
            words("Al-Ahram O'Brien US-Russian"),
            ["Al-Ahram", "O'Brien", "US-Russian"]
        );
    }

    #[test]
    fn dotted_abbreviations_are_one_word() {
        assert_eq!(
            words("the U.S. and U.K. at 3 p.m."),
            ["the", "U.S.", "and", "U.K.", "at", "3", "p.m."]
        );
    }

    #[test]
    fn numbers_keep_inner_separators() {
        assert_eq!(
            words("1,000 people, 3.5 per cent, 10:30"),
            ["1,000", "people", ",", "3.5", "per", "cent", ",", "10:30"]
        );
        assert_eq!(words("2025-02-12"), ["2025", "-", "02", "-", "12"]);
        assert_eq!(words("the 1990s, 14th"), ["the", "1990s", ",", "14th"]);
    }

    #[test]
    fn sentences_split_at_full_stops_and_lines() {
        assert_eq!(sents("He left. She stayed."), ["He left.", "She stayed."]);
        assert_eq!(
            sents("Headline here\nBody starts. Next one."),
            ["Headline here", "Body starts.", "Next one."]
        );
        assert_eq!(
            sents("Mr. Smith met Dr. Jones. Then left."),
            ["Mr. Smith met Dr. Jones.", "Then left."]
        );
        assert_eq!(sents("George W. Bush spoke."), ["George W. Bush spoke."]);
        assert_eq!(
            sents("“It is good.” He said so."),
            ["“It is good.”", "He said so."]
        );
    }

    #[test]
    fn a_wrapped_line_continues_the_sentence() {
        assert_eq!(
            sents("talks with the\nminister ended."),
            ["talks with the\nminister ended."]
        );
    }

    #[test]
    fn abbreviation_at_sentence_end() {
        assert_eq!(
            sents("He flew to the U.S. The talks began."),
            ["He flew to the U.S.", "The talks began."]
        );
    }

    #[test]
    fn any_text_tokenizes_on_char_boundaries() {
        for text in [
            "",
            " ",
            "\u{301}a",
            "é\u{301}-",
            "a.b.c.",
            "'s",
            "x’",
            "日本語テキスト。次",
            "\u{2028}A",
        ] {
            for t in tokenize(text) {
                assert!(
                    text.is_char_boundary(t.start)
                        && text.is_char_boundary(t.end)
                        && t.start < t.end
                );
            }
            let _ = Document::new(text);
        }
    }
}
