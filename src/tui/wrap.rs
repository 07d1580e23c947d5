//! The body text as the screen shows it: blocks (paragraphs, or the filtered sentences) wrapped
//! to a width in display cells, each line a byte range into the article, and the highlights that
//! style those ranges. Nothing here copies the text; lines are cut into styled pieces only for
//! the rows on screen.

use std::borrow::Cow;

use textwrap::core::Fragment;
use unicode_width::UnicodeWidthChar;

use crate::model::{ActorKind, Span, TextStyle};
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
    /// Cells it is indented by (its block's indent).
    pub indent: u16,
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

/// The paragraphs of a text: its non-blank lines, trimmed, each its own paragraph (a text
/// written one paragraph per line). See [`blocks`] for hard-wrapped text.
pub fn paragraphs(text: &str) -> Vec<Span> {
    lines(text)
        .iter()
        .filter(|l| !l.blank())
        .map(|l| Span::new(l.start, l.end))
        .collect()
}

/// How the lines of a text make paragraphs on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reflow {
    /// Plain text: lines are joined when the text is hard-wrapped (every line cut near one
    /// width, a break where the next word would not fit), left alone when it is one paragraph
    /// per line.
    Auto,
    /// Markdown (CommonMark soft breaks): the lines of a paragraph are always joined.
    Markdown,
}

impl Reflow {
    /// Markdown for a `.md`/`.markdown` file, automatic otherwise.
    pub fn of(article: &crate::model::Article) -> Self {
        let md = article
            .path
            .as_deref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
        if md { Reflow::Markdown } else { Reflow::Auto }
    }
}

/// A paragraph, list item or line of a pre-formatted block, as shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Its text, from the first line's first character to the last line's last.
    pub span: Span,
    /// Shown right after the block before it, with no blank row between (lines of one list,
    /// quote, table or pre-formatted block).
    pub tight: bool,
    /// Cells to indent it by (nested lists and quotes in Markdown).
    pub indent: u16,
}

/// One source line: where its text starts and ends (blanks trimmed), its indentation in cells.
#[derive(Debug, Clone, Copy)]
struct SourceLine {
    start: usize,
    end: usize,
    indent: usize,
    width: usize,
}

impl SourceLine {
    fn blank(&self) -> bool {
        self.start >= self.end
    }
}

fn lines(text: &str) -> Vec<SourceLine> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split('\n') {
        let lead = line.len() - line.trim_start().len();
        let start = pos + lead;
        let end = pos + line.trim_end().len();
        let indent: usize = line[..lead]
            .chars()
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let width = if start < end {
            indent + str_width(&text[start..end])
        } else {
            0
        };
        out.push(SourceLine {
            start,
            end: end.max(start),
            indent,
            width,
        });
        pos += line.len() + 1;
    }
    out
}

/// A list item's marker (`- `, `* `, `+ `, `• `, `1. `, `2) `): the cells it takes, if any.
fn list_marker(s: &str) -> Option<usize> {
    for m in ["- ", "* ", "+ ", "\u{2022} ", "\u{2013} "] {
        if s.starts_with(m) {
            return Some(m.chars().count());
        }
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[digits..];
    ((1..=3).contains(&digits) && (rest.starts_with(". ") || rest.starts_with(") ")))
        .then_some(digits + 2)
}

/// A line that is a block of its own, or starts one: a list item, a quote, a heading, a rule
/// or underline, a code fence, a table row.
fn starts_block(s: &str) -> bool {
    let first = s.chars().next();
    list_marker(s).is_some()
        || matches!(first, Some('>' | '#' | '|'))
        || s.starts_with("```")
        || s.starts_with("~~~")
        || (s.len() >= 3 && s.chars().all(|c| matches!(c, '=' | '-' | '*' | '_' | ' ')))
}

/// A hard line break after `a` (Markdown: two trailing spaces or a backslash).
fn hard_break(text: &str, a: &SourceLine) -> bool {
    let raw = text[a.start..].split('\n').next().unwrap_or("");
    let raw = raw.strip_suffix('\r').unwrap_or(raw);
    raw.ends_with("  ") || text[a.start..a.end].ends_with('\\')
}

/// Whether line `b` may continue the paragraph of line `a` (the line before it, both not
/// blank), whatever the text's kind.
fn may_join(text: &str, a: &SourceLine, b: &SourceLine, list_indent: Option<usize>) -> bool {
    let (sa, sb) = (&text[a.start..a.end], &text[b.start..b.end]);
    if hard_break(text, a) {
        return false;
    }
    if starts_block(sb) || sa.starts_with('|') || sa.starts_with("```") || sa.starts_with("~~~") {
        return false;
    }
    if a.indent >= 4 && b.indent >= 4 && list_indent.is_none() {
        // Pre-formatted: an indented block.
        return false;
    }
    if b.indent > a.indent {
        // An indented first line opens a paragraph (wire copy), unless it continues a list item.
        return list_indent.is_some_and(|i| b.indent <= i);
    }
    true
}

/// Whether line `b`, not joined to line `a` before it, follows it with no blank row: lines of
/// one list, quote, table or pre-formatted block, and a line after a hard break.
fn tight(text: &str, a: &SourceLine, b: &SourceLine, list_indent: Option<usize>) -> bool {
    let (sa, sb) = (&text[a.start..a.end], &text[b.start..b.end]);
    hard_break(text, a)
        || (a.indent >= 4 && b.indent >= 4)
        || (list_indent.is_some() && list_marker(sb).is_some())
        || (sa.starts_with('>') && sb.starts_with('>'))
        || (sa.starts_with('|') && sb.starts_with('|'))
}

/// Whether `b`'s first word would have fitted after `a` within `width` cells: if so, the line
/// break after `a` was meant (a short line), not made by wrapping.
fn fits(text: &str, a: &SourceLine, b: &SourceLine, width: usize) -> bool {
    let word = text[b.start..b.end].split(' ').next().map_or(0, str_width);
    a.width + 1 + word <= width
}

/// Whether a line ends a sentence.
fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
        .ends_with(['.', '!', '?', ':'])
}

/// The paragraphs of a text as shown (display only; every span points into `text`): a blank
/// line separates paragraphs, and so does an indented first line (wire copy), a list item, a
/// quote, a heading or a pre-formatted (indented) block, each kept as it is. Lines inside a
/// paragraph are joined: always for Markdown (soft breaks), for plain text only when it is
/// hard-wrapped.
pub fn blocks(text: &str, reflow: Reflow) -> Vec<Block> {
    let lines = lines(text);
    let width = lines.iter().map(|l| l.width).max().unwrap_or(0);
    // The list item each line belongs to (its text's column), for continuation lines.
    let mut list_indent = vec![None; lines.len()];
    let mut current = None;
    for (i, l) in lines.iter().enumerate() {
        if l.blank() {
            continue;
        }
        match list_marker(&text[l.start..l.end]) {
            Some(m) => current = Some(l.indent + m),
            None if current.is_some_and(|c| l.indent < c && l.indent == 0) => {
                current = None;
            }
            None => {}
        }
        list_indent[i] = current;
    }
    let pairs: Vec<usize> = (1..lines.len())
        .filter(|&i| {
            !lines[i - 1].blank()
                && !lines[i].blank()
                && may_join(text, &lines[i - 1], &lines[i], list_indent[i - 1])
        })
        .collect();
    let joined: Vec<usize> = match reflow {
        Reflow::Markdown => pairs,
        Reflow::Auto => {
            let cut: Vec<usize> = pairs
                .into_iter()
                .filter(|&i| !fits(text, &lines[i - 1], &lines[i], width))
                .collect();
            let followed = (1..lines.len())
                .filter(|&i| !lines[i - 1].blank() && !lines[i].blank())
                .count();
            let mid = cut
                .iter()
                .filter(|&&i| !ends_sentence(&text[lines[i - 1].start..lines[i - 1].end]))
                .count();
            // Hard-wrapped: lines no wider than a terminal's, and most line breaks inside a
            // paragraph made where the next word would not fit, mostly in mid-sentence.
            let hard =
                width <= 100 && mid >= 1 && mid * 2 >= cut.len() && cut.len() * 3 >= followed;
            if hard { cut } else { Vec::new() }
        }
    };
    let mut join = vec![false; lines.len()];
    for i in joined {
        join[i] = true;
    }
    let mut out: Vec<Block> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.blank() {
            continue;
        }
        match out.last_mut() {
            Some(last) if join[i] => last.span.end = l.end,
            _ => out.push(Block {
                indent: 0,
                span: Span::new(l.start, l.end),
                tight: i > 0
                    && !lines[i - 1].blank()
                    && tight(text, &lines[i - 1], l, list_indent[i - 1]),
            }),
        }
    }
    out
}

/// Whether `c` is a blank that separates words on screen (a line break inside a joined
/// paragraph counts as one space).
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\r')
}

/// The text of `span` as shown in a row: a run of blanks holding a line break (two source
/// lines joined) is one space; everything else as it is (made safe by the caller).
pub fn shown(text: &str, span: Span) -> Cow<'_, str> {
    let s = span.of(text);
    if !s.contains(['\n', '\r']) {
        return Cow::Borrowed(s);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        let at = span.start + i;
        if !is_blank(c) {
            out.push(c);
            continue;
        }
        let run_start = bytes[..at]
            .iter()
            .rposition(|b| !matches!(b, b' ' | b'\n' | b'\r'))
            .map_or(0, |p| p + 1);
        let run_end = bytes[at..]
            .iter()
            .position(|b| !matches!(b, b' ' | b'\n' | b'\r'))
            .map_or(bytes.len(), |p| at + p);
        let broken = bytes[run_start..run_end]
            .iter()
            .any(|b| matches!(b, b'\n' | b'\r'));
        if !broken {
            out.push(c);
        } else if at == run_start {
            out.push(' ');
        }
    }
    Cow::Owned(out)
}

/// A word and the spaces after it, measured in cells.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    width: usize,
    space: usize,
    broken: bool,
    /// A link target shown here (an index into the links), not text: `start == end`.
    link: Option<usize>,
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
        if is_blank(c) {
            if let Some(w) = cur.as_mut() {
                // A line break inside a joined paragraph shows as one space.
                w.space = if c == ' ' && !w.broken {
                    w.space + 1
                } else {
                    1
                };
                w.broken |= c != ' ';
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
                    broken: false,
                    link: None,
                });
            }
        }
    }
    out.extend(cur);
    out
}

/// Wraps blocks to `width` cells, a blank row between blocks.
pub fn wrap(text: &str, blocks: &[Span], width: u16) -> Vec<Row> {
    let blocks: Vec<Block> = blocks
        .iter()
        .map(|&span| Block {
            span,
            tight: false,
            indent: 0,
        })
        .collect();
    wrap_blocks(text, &blocks, width)
}

/// Wraps blocks to `width` cells, a blank row before each block that is not tight.
pub fn wrap_blocks(text: &str, blocks: &[Block], width: u16) -> Vec<Row> {
    wrap_linked(text, blocks, width, &[]).0
}

/// A link target shown after the link's text (display only: it is not in the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inline {
    /// The row it is shown on.
    pub row: usize,
    /// The byte of the text it is shown before (just past the link text).
    pub at: usize,
    /// Which link target (an index into the article's links).
    pub link: usize,
    /// The cells it may take (the target is cut with `…` when wider).
    pub width: usize,
    /// A space before it (text precedes it on its row).
    pub lead: bool,
    /// A space after it (it opens its row and text follows).
    pub trail: bool,
}

/// Puts each link target of `links` (byte just past the link text, target) that falls in
/// `block` into `words`, as a word of its own right after the link text.
fn add_links(
    words: &mut Vec<Word>,
    text: &str,
    block: Span,
    links: &[(usize, &str)],
    width: usize,
) {
    let first = links.partition_point(|(at, _)| *at <= block.start);
    for (n, &(at, url)) in links.iter().enumerate().skip(first) {
        if at > block.end {
            break;
        }
        let Some(k) = words.iter().position(|w| w.start < at && at <= w.end) else {
            continue;
        };
        let w = words[k];
        let mut link = Word {
            start: at,
            end: at,
            width: str_width(url).clamp(1, width.max(1)),
            space: w.space,
            broken: w.broken,
            link: Some(n),
        };
        words[k].space = 1;
        words[k].broken = false;
        if at < w.end {
            // The link text ends inside the word ("report." for "[report](…)."): the rest
            // of the word follows the target.
            words[k].end = at;
            words[k].width = text.get(w.start..at).map_or(0, str_width);
            link.space = 0;
            link.broken = false;
            let rest = Word {
                start: at,
                end: w.end,
                width: text.get(at..w.end).map_or(0, str_width),
                ..w
            };
            words.insert(k + 1, rest);
        }
        words.insert(k + 1, link);
    }
}

/// Wraps blocks to `width` cells, a blank row before each block that is not tight, with the
/// link targets (byte just past the link text, target; in text order) shown after their text:
/// the rows, and where each target is shown.
pub fn wrap_linked(
    text: &str,
    blocks: &[Block],
    width: u16,
    links: &[(usize, &str)],
) -> (Vec<Row>, Vec<Inline>) {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    let mut inlines = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 && !block.tight {
            let at = blocks[i - 1].span.end;
            lines.push(Row {
                start: at,
                end: at,
                blank: true,
                indent: 0,
            });
        }
        // An indent leaves at least half the width to the text.
        let indent = usize::from(block.indent).min(width / 2);
        let width = width - indent;
        let mut words = words(text, block.span, width);
        if !links.is_empty() {
            add_links(&mut words, text, block.span, links, width);
        }
        for row in textwrap::wrap_algorithms::wrap_first_fit(&words, &[width as f64]) {
            let mut real = row.iter().filter(|w| w.link.is_none());
            let (start, end) = match (real.next(), real.next_back()) {
                (Some(a), Some(b)) => (a.start, b.end),
                (Some(a), None) => (a.start, a.end),
                _ => match row.first() {
                    Some(w) => (w.start, w.end),
                    None => continue,
                },
            };
            for (j, w) in row.iter().enumerate() {
                if let Some(link) = w.link {
                    inlines.push(Inline {
                        row: lines.len(),
                        at: w.start,
                        link,
                        width: w.width,
                        lead: j > 0,
                        trail: j == 0 && j + 1 < row.len() && w.space > 0,
                    });
                }
            }
            lines.push(Row {
                start,
                end,
                blank: false,
                indent: u16::try_from(indent).unwrap_or(0),
            });
        }
    }
    (lines, inlines)
}

/// `url` made safe and cut to `width` cells (with `…` when cut).
pub fn link_shown(url: &str, width: usize) -> String {
    let url = crate::safe::sanitize(url);
    if str_width(&url) <= width {
        return url.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in url.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('\u{2026}');
    out
}

/// The row showing byte `pos` (or the nearest row before it).
pub fn line_of(lines: &[Row], pos: usize) -> usize {
    lines.partition_point(|l| l.start <= pos).saturating_sub(1)
}

/// What a highlighted range is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// A Markdown style (under every highlight below).
    Md(TextStyle),
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
    /// The name under the name cursor.
    Cursor,
}

/// Cuts the row `line` into pieces of one set of marks each: (byte range, marks on it), also
/// cut at the bytes `at` (where link targets are shown).
pub fn pieces(line: Row, marks: &[(Span, Mark)], at: &[usize]) -> Vec<(Span, Vec<Mark>)> {
    if line.blank || line.start >= line.end {
        return Vec::new();
    }
    let here: Vec<&(Span, Mark)> = marks
        .iter()
        .filter(|(s, _)| s.start < line.end && s.end > line.start)
        .collect();
    let mut cuts = vec![line.start, line.end];
    cuts.extend(at.iter().filter(|&&a| line.start < a && a < line.end));
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

    /// The rows of `text` as shown, reflowed as `reflow` says.
    fn shown_rows(text: &str, reflow: Reflow, width: u16) -> Vec<String> {
        wrap_blocks(text, &blocks(text, reflow), width)
            .iter()
            .map(|l| shown(text, Span::new(l.start, l.end)).into_owned())
            .collect()
    }

    /// A made-up story, one paragraph per line.
    const STORY: &str = "The harbour board met on Tuesday to decide the fate of the old \
        pier, which has stood empty since the storm of last winter closed it to walkers.\n\
        Members heard from the engineers, who said the timbers could be saved if the work \
        began before the autumn tides, and from the traders who want it open again.\n\
        A vote is expected next month.\n";

    /// `text` hard-wrapped at `width` columns, as `fold -s` does (the space kept at the end).
    fn fold(text: &str, width: usize) -> String {
        let mut out = String::new();
        for para in text.lines() {
            let mut line = String::new();
            for word in para.split(' ') {
                if !line.is_empty() && line.len() + word.len() > width {
                    out.push_str(&line);
                    out.push('\n');
                    line.clear();
                }
                line.push_str(word);
                line.push(' ');
            }
            out.push_str(line.trim_end());
            out.push_str("\n\n");
        }
        out
    }

    #[test]
    fn hard_wrapped_text_is_reflowed_for_display_only() {
        let wrapped = fold(STORY, 72);
        assert!(wrapped.lines().count() > 8, "{wrapped}");
        let rows = shown_rows(&wrapped, Reflow::Auto, 100);
        let paragraphs: Vec<&str> = STORY.lines().collect();
        // Three paragraphs, a blank row between, each filling the rows as its own text does.
        let want = shown_rows(STORY, Reflow::Auto, 100);
        assert_eq!(rows, want, "{wrapped}");
        assert_eq!(rows.iter().filter(|r| r.is_empty()).count(), 2);
        assert!(rows[0].len() > 72, "{rows:?}");
        assert_eq!(paragraphs.len(), 3);
        // Every row still points into the text as loaded.
        for l in wrap_blocks(&wrapped, &blocks(&wrapped, Reflow::Auto), 100) {
            assert!(wrapped.is_char_boundary(l.start) && l.end <= wrapped.len());
        }
    }

    #[test]
    fn wire_copy_paragraphs_open_with_an_indent() {
        // Wire copy: no blank lines, each paragraph's first line indented.
        let text: String = STORY
            .lines()
            .map(|p| fold(&format!("   {p}"), 64).trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!text.contains("\n\n"));
        let rows = shown_rows(&text, Reflow::Auto, 400);
        let want: Vec<&str> = STORY.lines().collect();
        assert_eq!(rows, [want[0], "", want[1], "", want[2]], "{text}");
    }

    #[test]
    fn one_paragraph_per_line_is_left_alone() {
        assert_eq!(
            blocks(STORY, Reflow::Auto).len(),
            3,
            "long lines are paragraphs"
        );
        let short = "Harbour news\nThe pier stays shut.\nThe ferry runs on Sunday.\n";
        assert_eq!(blocks(short, Reflow::Auto).len(), 3);
        // A short line in a hard-wrapped text is a line break that was meant.
        let letter = fold(STORY, 60).replacen("The harbour", "Dear members,\nThe harbour", 1);
        let rows = shown_rows(&letter, Reflow::Auto, 200);
        assert_eq!(rows[0], "Dear members,", "{rows:?}");
    }

    #[test]
    fn markdown_soft_breaks_join_and_blocks_stay() {
        let text = "Talks went on\nall night.\n\n- first item\n  goes on\n- second item\n\n\
                    Line one  \nline two\n\n    let x = 1;\n    let y = 2;\n";
        let rows = shown_rows(text, Reflow::Markdown, 200);
        assert_eq!(
            rows,
            [
                "Talks went on all night.",
                "",
                "- first item goes on",
                "- second item",
                "",
                "Line one",
                "line two",
                "",
                "let x = 1;",
                "let y = 2;"
            ]
        );
        // Windows line endings join the same way.
        let crlf = "Talks went on\r\nall night.\r\n";
        assert_eq!(
            shown_rows(crlf, Reflow::Markdown, 200),
            ["Talks went on all night."]
        );
        // Narrow: the joined words wrap as one paragraph.
        assert_eq!(
            shown_rows("Talks went on\nall night.", Reflow::Markdown, 12),
            ["Talks went", "on all", "night."]
        );
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
            indent: 0,
        };
        let marks = [
            (Span::new(2, 5), Mark::Date),
            (Span::new(4, 20), Mark::Quote),
        ];
        let p = pieces(line, &marks, &[]);
        let bounds: Vec<_> = p.iter().map(|(s, _)| (s.start, s.end)).collect();
        assert_eq!(bounds, [(0, 2), (2, 4), (4, 5), (5, 10)]);
        assert_eq!(p[2].1, [Mark::Date, Mark::Quote]);
    }

    /// The rows of `text` (one block) with link targets, each target as `<url>`.
    fn linked_rows(text: &str, links: &[(usize, &str)], width: u16) -> Vec<String> {
        let block = Block {
            span: Span::new(0, text.trim_end().len()),
            tight: false,
            indent: 0,
        };
        let (rows, inlines) = wrap_linked(text, &[block], width, links);
        rows.iter()
            .enumerate()
            .map(|(r, row)| {
                let mut out = String::new();
                let here: Vec<&Inline> = inlines.iter().filter(|i| i.row == r).collect();
                let at: Vec<usize> = here.iter().map(|i| i.at).collect();
                let mut pending = here.iter().peekable();
                let url = |i: &Inline| {
                    format!(
                        "{}<{}>{}",
                        if i.lead { " " } else { "" },
                        link_shown(links[i.link].1, i.width),
                        if i.trail { " " } else { "" }
                    )
                };
                for (s, _) in pieces(*row, &[], &at) {
                    while let Some(i) = pending.next_if(|i| i.at <= s.start) {
                        out.push_str(&url(i));
                    }
                    out.push_str(&shown(text, s));
                }
                for i in pending {
                    out.push_str(&url(i));
                }
                out
            })
            .collect()
    }

    #[test]
    fn link_targets_follow_their_text_and_wrap_as_words() {
        let text = "see the report. Then more";
        let links = [(14, "https://x.org/r")];
        assert_eq!(
            linked_rows(text, &links, 80),
            ["see the report <https://x.org/r>. Then more"]
        );
        // The target wraps to the next row as a word of its own.
        assert_eq!(
            linked_rows(text, &links, 16),
            ["see the report", "<https://x.org/r>.", "Then more"]
        );
        let text = "see the report then more";
        assert_eq!(
            linked_rows(text, &links, 20),
            ["see the report", "<https://x.org/r> then", "more"]
        );
        // Wider than the row: cut with an ellipsis.
        assert_eq!(
            linked_rows("a report", &[(8, "https://x.org/long")], 8),
            ["a report", "<https:/\u{2026}>"]
        );
        // A target with control characters is shown made safe.
        assert_eq!(
            linked_rows("a report", &[(8, "x\u{1b}]52;")], 80),
            ["a report <x\u{241b}]52;>"]
        );
    }

    #[test]
    fn search_folds_case_only_for_lower_case_queries() {
        assert_eq!(search("Orlov orlov", "orlov").len(), 2);
        assert_eq!(search("Orlov orlov", "Orlov").len(), 1);
        assert_eq!(search("İstanbul x", "x").len(), 1);
    }
}
