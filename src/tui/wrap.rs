//! The body text as the screen shows it: blocks (paragraphs, or the filtered sentences) wrapped
//! to a width in display cells, each line a byte range into the article, and the highlights that
//! style those ranges. Nothing here copies the text; lines are cut into styled pieces only for
//! the rows on screen.

use textwrap::core::Fragment;
use unicode_width::UnicodeWidthChar;

use crate::model::{ActorKind, Span};
use crate::safe;

/// One row of the wrapped body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// First byte.
    pub start: usize,
    /// One past the last byte (trailing spaces excluded).
    pub end: usize,
    /// A blank row between blocks.
    pub blank: bool,
}

/// The cells a character takes once made safe to print.
pub fn char_width(c: char) -> usize {
    if safe::is_unsafe(c) {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// The cells a string takes once made safe to print.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The paragraphs of a text: its non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        if start < end {
            out.push(Span::new(start, end));
        }
        pos += line.len() + 1;
    }
    out
}

/// A word and the spaces after it, measured in cells.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    width: usize,
    space: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Cuts a block into words at spaces, splitting words wider than `width` at character bounds.
fn words(text: &str, block: Span, width: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let s = block.of(text);
    let mut cur: Option<Word> = None;
    for (i, c) in s.char_indices() {
        let at = block.start + i;
        if c == ' ' {
            if let Some(w) = cur.as_mut() {
                w.space += 1;
            }
            continue;
        }
        let cw = char_width(c);
        match cur.as_mut() {
            Some(w) if w.space == 0 && w.width + cw <= width.max(1) => {
                w.end = at + c.len_utf8();
                w.width += cw;
            }
            _ => {
                if let Some(w) = cur.take() {
                    out.push(w);
                }
                cur = Some(Word {
                    start: at,
                    end: at + c.len_utf8(),
                    width: cw,
                    space: 0,
                });
            }
        }
    }
    out.extend(cur);
    out
}

/// Wraps blocks to `width` cells, a blank row between blocks.
pub fn wrap(text: &str, blocks: &[Span], width: u16) -> Vec<Row> {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            let at = blocks[i - 1].end;
            lines.push(Row {
                start: at,
                end: at,
                blank: true,
            });
        }
        let words = words(text, *block, width);
        for row in textwrap::wrap_algorithms::wrap_first_fit(&words, &[width as f64]) {
            if let (Some(first), Some(last)) = (row.first(), row.last()) {
                lines.push(Row {
                    start: first.start,
                    end: last.end,
                    blank: false,
                });
            }
        }
    }
    lines
}

/// The row showing byte `pos` (or the nearest row before it).
pub fn line_of(lines: &[Row], pos: usize) -> usize {
    lines.partition_point(|l| l.start <= pos).saturating_sub(1)
}

/// What a highlighted range is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// A mention of an actor of this kind.
    Kind(ActorKind),
    /// A time expression.
    Date,
    /// A quotation.
    Quote,
    /// A mention of the selected actor.
    Mention,
    /// The current mention of the selected actor.
    MentionCurrent,
    /// A search match.
    Search,
    /// The current search match.
    SearchCurrent,
}

/// Cuts the row `line` into pieces of one set of marks each: (byte range, marks on it).
pub fn pieces(line: Row, marks: &[(Span, Mark)]) -> Vec<(Span, Vec<Mark>)> {
    if line.blank || line.start >= line.end {
        return Vec::new();
    }
    let here: Vec<&(Span, Mark)> = marks
        .iter()
        .filter(|(s, _)| s.start < line.end && s.end > line.start)
        .collect();
    let mut cuts = vec![line.start, line.end];
    for (s, _) in &here {
        cuts.extend([s.start.max(line.start), s.end.min(line.end)]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let span = Span::new(w[0], w[1]);
            let mut on: Vec<Mark> = here
                .iter()
                .filter(|(s, _)| s.contains(&span))
                .map(|(_, m)| *m)
                .collect();
            on.sort_unstable();
            (span, on)
        })
        .collect()
}

/// Every match of `query` in `text`: case-insensitive (ASCII) when the query has no capital
/// letter, exact otherwise.
pub fn search(text: &str, query: &str) -> Vec<Span> {
    if query.is_empty() {
        return Vec::new();
    }
    let fold = !query.chars().any(char::is_uppercase);
    let (hay, needle) = if fold {
        (text.to_ascii_lowercase(), query.to_ascii_lowercase())
    } else {
        (text.to_string(), query.to_string())
    };
    hay.match_indices(&needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .filter(|s| text.is_char_boundary(s.start) && text.is_char_boundary(s.end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, width: u16) -> Vec<String> {
        wrap(text, &paragraphs(text), width)
            .iter()
            .map(|l| text[l.start..l.end].to_string())
            .collect()
    }

    #[test]
    fn paragraphs_are_kept_with_a_blank_row_between() {
        assert_eq!(
            rows("one two three\n\nfour five", 8),
            ["one two", "three", "", "four", "five"]
        );
    }

    #[test]
    fn wide_characters_count_two_cells() {
        assert_eq!(rows("日本語 日本", 6), ["日本語", "日本"]);
        assert_eq!(rows("ab 😀😀", 4), ["ab", "😀😀"]);
    }

    #[test]
    fn long_words_are_split_and_width_zero_does_not_panic() {
        assert_eq!(rows("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(rows("ab cd", 0).len(), 4);
        assert!(rows("", 10).is_empty());
    }

    #[test]
    fn control_characters_take_the_placeholder_width() {
        assert_eq!(
            rows("a\u{1b}\u{1b}\u{1b} b", 4),
            ["a\u{1b}\u{1b}\u{1b}", "b"]
        );
    }

    #[test]
    fn line_of_finds_the_row() {
        let text = "one two three\nfour";
        let lines = wrap(text, &paragraphs(text), 8);
        assert_eq!(line_of(&lines, 0), 0);
        assert_eq!(line_of(&lines, 8), 1);
        assert_eq!(line_of(&lines, 15), 3);
    }

    #[test]
    fn pieces_split_at_mark_bounds() {
        let line = Row {
            start: 0,
            end: 10,
            blank: false,
        };
        let marks = [
            (Span::new(2, 5), Mark::Date),
            (Span::new(4, 20), Mark::Quote),
        ];
        let p = pieces(line, &marks);
        let bounds: Vec<_> = p.iter().map(|(s, _)| (s.start, s.end)).collect();
        assert_eq!(bounds, [(0, 2), (2, 4), (4, 5), (5, 10)]);
        assert_eq!(p[2].1, [Mark::Date, Mark::Quote]);
    }

    #[test]
    fn search_folds_case_only_for_lower_case_queries() {
        assert_eq!(search("Orlov orlov", "orlov").len(), 2);
        assert_eq!(search("Orlov orlov", "Orlov").len(), 1);
        assert_eq!(search("İstanbul x", "x").len(), 1);
    }
}
