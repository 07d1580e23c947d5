//! Plain text: the text is the file's content unchanged; the title is read from its first line or
//! sentence; a date line in the text gives the publication date.

use std::path::Path;

use crate::model::Article;
use crate::segment::Document;

use super::dateline;

/// A first line longer than this (in characters) reads as a paragraph, not a headline.
const HEADLINE_MAX_CHARS: usize = 150;
/// A first line with more words than this reads as a paragraph, not a headline.
const HEADLINE_MAX_WORDS: usize = 25;
/// A title made from a first sentence is cut at a word boundary to about this many characters.
const TITLE_MAX_CHARS: usize = 90;
/// The first sentence is looked for in this many bytes at most, so a title costs the same for a
/// short article as for a book.
const FIRST_SENTENCE_WINDOW: usize = 2000;

/// The article in a plain-text file (or standard input): `text` is kept exactly as given.
pub fn parse(text: String, path: Option<&Path>) -> Article {
    let title = title(&text, path);
    let (published, date_origin) = match dateline::find(&text) {
        Some((d, origin)) => (Some(d), origin),
        None => (None, Default::default()),
    };
    Article {
        title,
        published,
        date_origin,
        path: path.map(Path::to_path_buf),
        text,
        ..Article::default()
    }
}

/// A title for a text: its first line when that reads as a headline (short, no closing full
/// stop, not a date line), otherwise its first sentence shortened at a word boundary; the file's
/// name when the text has no words at all.
pub fn title(text: &str, path: Option<&Path>) -> String {
    let first = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .find(|l| !dateline::is_date_line(l));
    if let Some(line) = first
        && is_headline(line)
    {
        return collapse_spaces(line);
    }
    if let Some(sentence) = first_sentence(after_date_lines(text)) {
        return shorten(&collapse_spaces(sentence), TITLE_MAX_CHARS);
    }
    path.and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| String::from("Untitled"))
}

/// Short, has a letter, and does not end like a sentence or a clause.
fn is_headline(line: &str) -> bool {
    let chars = line.chars().count();
    let words = line.split_whitespace().count();
    let ends_as_prose = line.ends_with(['.', ',', ';', ':']) && !line.ends_with("...");
    chars <= HEADLINE_MAX_CHARS
        && words <= HEADLINE_MAX_WORDS
        && line.chars().any(char::is_alphabetic)
        && !ends_as_prose
}

/// The text after its leading blank and date lines ("Published 2 March 2023"), so that a date
/// line never becomes the first sentence of a title.
fn after_date_lines(text: &str) -> &str {
    let mut rest = text;
    loop {
        let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = &rest[..line_end];
        if line.trim().is_empty() || dateline::is_date_line(line) {
            if line_end == rest.len() {
                return text;
            }
            rest = &rest[line_end..];
        } else {
            return rest;
        }
    }
}

fn first_sentence(text: &str) -> Option<&str> {
    let mut end = text.len().min(FIRST_SENTENCE_WINDOW);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let window = &text[..end];
    let doc = Document::new(window);
    doc.sentences
        .iter()
        .map(|s| s.span.of(window).trim())
        .find(|s| s.chars().any(char::is_alphabetic))
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut at the last word boundary before `max` characters, with an ellipsis.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let head = &s[..cut];
    let head = match head.rfind(' ') {
        Some(i) if i > max / 2 => &head[..i],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ', '-', '—']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_first_line_is_the_title() {
        let t = "Ministers meet in Oslo\n\nThe ministers met on Monday. They talked.";
        assert_eq!(title(t, None), "Ministers meet in Oslo");
    }

    #[test]
    fn a_first_line_ending_in_a_full_stop_is_not_a_headline() {
        let t = "The ministers met on Monday in Oslo. They talked for hours.\n";
        assert_eq!(title(t, None), "The ministers met on Monday in Oslo.");
    }

    #[test]
    fn a_long_first_sentence_is_cut_at_a_word_boundary() {
        let t = "The ministers of the seven largest economies met on Monday in the Norwegian capital to discuss trade, energy, and the future of the northern sea routes.";
        let got = title(t, None);
        assert!(got.ends_with('…'), "{got}");
        assert!(got.chars().count() <= TITLE_MAX_CHARS + 1, "{got}");
        assert!(t.starts_with(got.trim_end_matches('…')), "{got}");
    }

    #[test]
    fn date_lines_are_not_titles() {
        let t = "Published 18 February 2025\nTalks resume in Geneva\nBody.";
        assert_eq!(title(t, None), "Talks resume in Geneva");
    }

    #[test]
    fn a_leading_date_line_is_never_the_title() {
        let t = "Published 2 March 2023\n\nThe council voted on Tuesday to close the old bridge after engineers found cracks in two of its supports, officials said.";
        let got = title(t, None);
        assert!(got.starts_with("The council voted"), "{got}");
    }

    #[test]
    fn text_without_words_takes_the_file_name() {
        assert_eq!(title("1234 5678", Some(Path::new("a/notes.txt"))), "notes");
        assert_eq!(title("...", None), "Untitled");
    }

    #[test]
    fn text_is_kept_exactly() {
        let src = "Headline\r\nBody line one.\r\n\r\nMore.\r\n";
        let a = parse(src.to_string(), None);
        assert_eq!(a.text, src);
        assert_eq!(a.title, "Headline");
    }
}
