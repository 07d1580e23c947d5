//! Markdown: optional front matter (`title:`, `date:`, `source:`, `url:`) between `---` lines,
//! then the body.
//!
//! The analysed text is the body after the front matter as plain text: a leading level-one heading
//! (`# Headline`, or a line underlined with `===`) is taken out, since it is the article's title
//! (unless the front matter names one) and the reader shows it as the title. The rest is parsed by
//! pulldown-cmark (CommonMark, with tables, strikethrough and task lists) and written out from its
//! events ([`render`]): the marks of Markdown are dropped and what they mark is kept (`**Talks**`
//! gives `Talks`, `[the report](https://…)` gives `the report`, `## Section` gives `Section`,
//! `> quoted` gives `quoted`; link definitions and raw HTML go). Each heading, paragraph, list, quote,
//! table and code block is its own paragraph; list items keep their marker at the line start; code
//! blocks stay as pre-formatted lines (analysed as text, as before; neither they nor inline code
//! are read for a date line). Offsets index this plain text, which `brief analyze --json` prints as
//! `text`. Alongside it, [`Article::markup`] holds what the reader needs to show it as Markdown:
//! the blocks, the styled ranges (headings, emphasis, code, quotes, links) and the link targets,
//! which are shown dim after the link text and are not in the analysed text.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::model::{Article, DateOrigin, LinkTarget, Markup, MarkupBlock, Span, Styled, TextStyle};

use super::{LoadError, dateline, plain};

/// The article in a Markdown file; problems that still let it load are pushed to `problems`.
pub fn parse(src: &str, path: &Path, problems: &mut Vec<LoadError>) -> Result<Article, LoadError> {
    let (front, body) = split_front_matter(src);
    let mut meta = Meta::default();
    if let Some(front) = front {
        meta = read_front_matter(front, path, problems);
    } else if src.lines().next().is_some_and(|l| l.trim_end() == "---") {
        problems.push(LoadError::warning(
            path,
            "front matter opened with '---' is never closed; read as text",
        ));
    }
    let (heading, body) = take_heading(body);
    let rendered = render(body);
    let body = rendered.text.as_str();
    if body.trim().is_empty() {
        let what = if front.is_some() || heading.is_some() {
            "no text after the front matter and title"
        } else {
            "empty file"
        };
        return Err(LoadError::error(path, what));
    }
    let heading = heading
        .map(|h| plain(&h).trim().to_string())
        .filter(|h| !h.is_empty());
    let title = meta
        .title
        .or(heading)
        .unwrap_or_else(|| plain::title(body, Some(path)));
    let (published, date_origin) = match meta.date {
        Some(d) => (Some(d), DateOrigin::Metadata),
        None => match dateline::find(&without(body, &rendered.code)) {
            Some((d, o)) => (Some(d), o),
            None => (None, DateOrigin::Unknown),
        },
    };
    Ok(Article {
        title,
        source: meta.source,
        published,
        date_origin,
        url: meta.url,
        path: Some(path.to_path_buf()),
        text: rendered.text,
        markup: Some(rendered.markup),
        ..Article::default()
    })
}

/// The Markdown body of a file's source, as [`parse`] renders it: after the front matter and
/// the leading title heading. `brief add` keeps it beside the plain text, so the library's copy
/// shows the same styles (the JSON briefing's `markdown`).
pub fn body(src: &str) -> &str {
    take_heading(split_front_matter(src).1).1
}

/// `text` with the `cut` spans left out, their line breaks kept (a date line is never read in
/// code).
fn without(text: &str, cut: &[Span]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for s in cut {
        out.push_str(text.get(at..s.start).unwrap_or(""));
        out.extend(s.of(text).chars().filter(|&c| c == '\n'));
        at = s.end.max(at);
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

#[derive(Default)]
struct Meta {
    title: Option<String>,
    date: Option<jiff::civil::Date>,
    source: Option<String>,
    url: Option<String>,
}

/// The front matter (without its fences) and the rest. Front matter opens with a `---` line at
/// the very start and closes with a `---` (or `...`) line; without the closing line there is none.
fn split_front_matter(src: &str) -> (Option<&str>, &str) {
    let Some(first_end) = src.find('\n') else {
        return (None, src);
    };
    if src[..first_end].trim_end() != "---" {
        return (None, src);
    }
    let mut pos = first_end + 1;
    while pos <= src.len() {
        let end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
        let line = src[pos..end].trim_end();
        if line == "---" || line == "..." {
            let body = src.get(end + 1..).unwrap_or("");
            return (Some(&src[first_end + 1..pos]), body);
        }
        if end >= src.len() {
            break;
        }
        pos = end + 1;
    }
    (None, src)
}

fn read_front_matter(front: &str, path: &Path, problems: &mut Vec<LoadError>) -> Meta {
    let mut meta = Meta::default();
    for line in front.lines() {
        // Nested YAML (indented lines, list items) belongs to keys brief does not read.
        if line.starts_with([' ', '\t', '-', '#']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => meta.title = Some(value.to_string()),
            "source" | "publisher" => meta.source = Some(value.to_string()),
            "url" | "link" => meta.url = Some(value.to_string()),
            "date" | "published" => match parse_meta_date(value) {
                Some(d) => meta.date = Some(d),
                None => problems.push(LoadError::warning(
                    path,
                    format!("front matter date '{value}' is not a date (YYYY-MM-DD); ignored"),
                )),
            },
            _ => {}
        }
    }
    meta
}

/// A metadata date: `2025-02-18`, a timestamp starting with one (`2025-02-18T10:00:00Z`), or a
/// written date (`18 February 2025`).
pub fn parse_meta_date(value: &str) -> Option<jiff::civil::Date> {
    let value = value.trim();
    let (d, len) = dateline::parse_date_at(value)?;
    let rest = &value[len..];
    let time_follows = rest.starts_with(['T', 't'])
        || (rest.starts_with(' ') && rest.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    (rest.is_empty() || time_follows).then_some(d)
}

fn unquote(v: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

/// A leading level-one heading, and the body after it (blank lines before the text dropped).
fn take_heading(body: &str) -> (Option<String>, &str) {
    let trimmed = skip_blank_lines(body);
    let mut lines = trimmed.splitn(3, '\n');
    let first = lines.next().unwrap_or("").trim_end();
    let second = lines.next();
    if let Some(h) = first.strip_prefix("# ") {
        let h = h.trim().trim_end_matches('#').trim();
        let rest = trimmed.get(first_line_len(trimmed)..).unwrap_or("");
        return (
            (!h.is_empty()).then(|| h.to_string()),
            skip_blank_lines(rest),
        );
    }
    if let Some(underline) = second {
        let u = underline.trim();
        if !first.is_empty() && u.len() >= 3 && u.chars().all(|c| c == '=') {
            let after_two = first_line_len(trimmed);
            let rest = trimmed.get(after_two..).unwrap_or("");
            let rest = rest.get(first_line_len(rest)..).unwrap_or("");
            return (Some(first.trim().to_string()), skip_blank_lines(rest));
        }
    }
    (None, trimmed)
}

/// `s` from its first line that is not blank.
fn skip_blank_lines(s: &str) -> &str {
    let mut rest = s;
    while let Some(i) = rest.find('\n') {
        if !rest[..i].trim().is_empty() {
            break;
        }
        rest = &rest[i + 1..];
    }
    rest
}

/// The length of the first line including its line break.
fn first_line_len(s: &str) -> usize {
    s.find('\n').map_or(s.len(), |i| i + 1)
}

/// The body as plain text (see [`render`]).
pub fn plain(body: &str) -> String {
    render(body).text
}

/// A Markdown body as plain text, with its layout and styles for the screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The plain text: what is analysed.
    pub text: String,
    /// Blocks, styles and link targets, indexing `text`.
    pub markup: Markup,
    /// The spans of code, in blocks or inline, in `text` (never read for a date line).
    pub code: Vec<Span>,
}

/// A separator owed before the next text: none, a line break, or a blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    None,
    Line,
    Blank,
}

/// An open list: the next item's number (ordered lists), whether it is tight.
struct List {
    next: Option<u64>,
    tight: bool,
}

/// Builds the plain text from the parser's events.
struct Writer<'s> {
    src: &'s str,
    out: String,
    markup: Markup,
    code: Vec<Span>,
    /// Open styled elements: their style and where their text starts.
    open: Vec<(TextStyle, usize)>,
    /// Open links: their target and where their text starts.
    links: Vec<(String, usize)>,
    lists: Vec<List>,
    pending: Sep,
    /// Where the block being written starts, and whether it is tight.
    block: Option<(usize, bool)>,
    /// How many block quotes are open.
    quotes: usize,
    /// A list marker was just written: the item's first block goes on its line.
    after_marker: bool,
    /// Cells written in the table row so far.
    cells: usize,
    /// Code block text, gathered until its end.
    code_text: Option<String>,
    /// Whether each list is tight, in the order they start; how many have started.
    tight: Vec<bool>,
    lists_seen: usize,
}

impl<'s> Writer<'s> {
    fn new(src: &'s str, tight: Vec<bool>) -> Self {
        Self {
            src,
            out: String::with_capacity(src.len()),
            markup: Markup::default(),
            code: Vec::new(),
            open: Vec::new(),
            links: Vec::new(),
            lists: Vec::new(),
            pending: Sep::None,
            block: None,
            quotes: 0,
            after_marker: false,
            cells: 0,
            code_text: None,
            tight,
            lists_seen: 0,
        }
    }

    /// Asks for at least `sep` before the next text.
    fn owe(&mut self, sep: Sep) {
        self.pending = self.pending.max(sep);
    }

    /// A new block starts: the one being written ends, and a blank line is owed (unless the
    /// block goes on a list marker's line).
    fn start_block(&mut self, sep: Sep) {
        if self.after_marker {
            self.after_marker = false;
            return;
        }
        self.close_block();
        self.owe(sep);
    }

    /// Writes what is owed before text, and opens a block if none is open.
    fn before_text(&mut self, indent: usize) {
        if self.block.is_some() {
            return;
        }
        let tight = self.pending == Sep::Line;
        if !self.out.is_empty() {
            match self.pending {
                Sep::Blank => self.out.push_str("\n\n"),
                Sep::Line => self.out.push('\n'),
                Sep::None => {}
            }
        }
        for _ in 0..indent {
            self.out.push(' ');
        }
        self.pending = Sep::None;
        self.block = Some((self.out.len(), tight && !self.out.is_empty()));
    }

    fn text(&mut self, t: &str) {
        self.before_text(0);
        self.after_marker = false;
        self.out.push_str(t);
    }

    /// Ends the block being written (trailing blanks left out of it).
    fn close_block(&mut self) {
        if let Some((start, tight)) = self.block.take() {
            let end = start + self.out[start..].trim_end().len();
            if start < end {
                let indent = self.indent();
                self.markup.blocks.push(MarkupBlock {
                    span: Span::new(start, end),
                    tight,
                    indent,
                });
            }
        }
    }

    /// The screen indent of a block here: two cells for each quote and each list nested in
    /// another.
    fn indent(&self) -> u8 {
        let depth = self.quotes + self.lists.len().saturating_sub(1);
        u8::try_from((2 * depth).min(24)).unwrap_or(24)
    }

    /// The span of `start..` in the text written so far, blanks trimmed at both ends.
    fn trimmed(&self, start: usize) -> Option<Span> {
        let s = self.out.get(start..)?;
        let lead = s.len() - s.trim_start().len();
        let span = Span::new(start + lead, start + s.trim_end().len());
        (span.start < span.end).then_some(span)
    }

    fn open_style(&mut self, style: TextStyle) {
        self.open.push((style, self.out.len()));
    }

    fn close_style(&mut self, style: TextStyle) {
        if let Some(i) = self.open.iter().rposition(|(s, _)| *s == style) {
            let (_, start) = self.open.remove(i);
            if let Some(span) = self.trimmed(start) {
                self.markup.styles.push(Styled { span, style });
            }
        }
    }

    /// A list item's marker, as written in the source (`-`, `*`, `+`; `1.` or `1)` numbered
    /// from the list's start), indented two spaces for each list it is nested in.
    fn item(&mut self, at: usize) {
        self.after_marker = false;
        self.close_block();
        self.owe(Sep::Line);
        let depth = self.lists.len().saturating_sub(1);
        let src = self.src.get(at..).unwrap_or("").trim_start();
        let marker = match self.lists.last_mut().and_then(|l| l.next.as_mut()) {
            Some(n) => {
                let delim = src.trim_start_matches(|c: char| c.is_ascii_digit());
                let delim = if delim.starts_with(')') { ')' } else { '.' };
                let m = format!("{n}{delim} ");
                *n = n.saturating_add(1);
                m
            }
            None => {
                let bullet = src.chars().next().filter(|c| matches!(c, '-' | '*' | '+'));
                format!("{} ", bullet.unwrap_or('-'))
            }
        };
        self.before_text(2 * depth);
        self.out.push_str(&marker);
        self.after_marker = true;
    }

    /// A code block's lines, each its own tight block (blank lines kept in the text).
    fn code_block(&mut self, code: &str) {
        let code = code.trim_end_matches(['\n', '\r']);
        if code.trim().is_empty() {
            return;
        }
        self.close_block();
        self.owe(Sep::Blank);
        self.before_text(0);
        self.block = None;
        let start = self.out.len();
        let mut tight = false;
        for (i, line) in code.split('\n').enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            let line = line.trim_end();
            let at = self.out.len();
            self.out.push_str(line);
            let lead = line.len() - line.trim_start().len();
            if line.is_empty() {
                tight = false;
                continue;
            }
            let indent = self.indent();
            self.markup.blocks.push(MarkupBlock {
                span: Span::new(at + lead, self.out.len()),
                tight,
                indent,
            });
            tight = true;
        }
        let span = Span::new(start, self.out.len());
        self.code.push(span);
        self.markup.styles.push(Styled {
            span,
            style: TextStyle::Code,
        });
        self.owe(Sep::Blank);
    }

    fn link_end(&mut self) {
        let Some((url, start)) = self.links.pop() else {
            return;
        };
        let Some(span) = self.trimmed(start) else {
            return;
        };
        self.markup.styles.push(Styled {
            span,
            style: TextStyle::Link,
        });
        let text = span.of(&self.out);
        let url = url.trim();
        // An autolink shows its target as its text already.
        let same = url == text || url.strip_prefix("mailto:") == Some(text);
        if !url.is_empty() && !same {
            self.markup.links.push(LinkTarget {
                at: span.end,
                url: url.to_string(),
            });
        }
    }

    fn event(&mut self, event: Event<'_>, at: usize) {
        if let Some(code) = self.code_text.as_mut() {
            match event {
                Event::Text(t) => code.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let code = self.code_text.take().unwrap_or_default();
                    self.code_block(&code);
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, at),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                self.before_text(0);
                let start = self.out.len();
                self.text(&t);
                if let Some(span) = self.trimmed(start) {
                    self.markup.styles.push(Styled {
                        span,
                        style: TextStyle::Code,
                    });
                    self.code.push(span);
                }
            }
            Event::SoftBreak => self.text("\n"),
            Event::HardBreak => {
                self.close_block();
                self.owe(Sep::Line);
            }
            Event::Rule => {
                self.close_block();
                self.owe(Sep::Blank);
            }
            Event::TaskListMarker(done) => self.text(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(t) | Event::DisplayMath(t) | Event::FootnoteReference(t) => {
                self.text(&t);
            }
            // Raw HTML is markup, not text.
            Event::Html(_) | Event::InlineHtml(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, at: usize) {
        match tag {
            Tag::Paragraph | Tag::BlockQuote(_) | Tag::Table(_) | Tag::HtmlBlock => {
                self.start_block(Sep::Blank);
                if matches!(tag, Tag::BlockQuote(_)) {
                    self.open_style(TextStyle::Quote);
                    self.quotes += 1;
                }
            }
            Tag::Heading { level, .. } => {
                self.start_block(Sep::Blank);
                self.open_style(TextStyle::Heading(level as u8));
            }
            Tag::CodeBlock(_) => {
                self.after_marker = false;
                self.code_text = Some(String::new());
            }
            Tag::List(first) => {
                let tight = self.tight.get(self.lists_seen).copied().unwrap_or(true);
                self.lists_seen += 1;
                if self.lists.is_empty() {
                    self.start_block(Sep::Blank);
                } else {
                    // The item it is nested in ends its line, at that item's indent.
                    self.after_marker = false;
                    self.close_block();
                }
                self.lists.push(List { next: first, tight });
            }
            Tag::Item => self.item(at),
            Tag::TableHead | Tag::TableRow => {
                self.close_block();
                self.owe(Sep::Line);
                self.cells = 0;
                if matches!(tag, Tag::TableHead) {
                    self.open_style(TextStyle::Strong);
                }
            }
            Tag::TableCell => {
                if self.cells > 0 {
                    self.text(" | ");
                }
                self.cells += 1;
            }
            Tag::Emphasis => self.open_style(TextStyle::Emphasis),
            Tag::Strong => self.open_style(TextStyle::Strong),
            Tag::Strikethrough => self.open_style(TextStyle::Strike),
            Tag::Link { dest_url, .. } => self.links.push((dest_url.to_string(), self.out.len())),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Table | TagEnd::HtmlBlock => {
                self.close_block();
                self.owe(Sep::Blank);
            }
            TagEnd::BlockQuote(_) => {
                self.close_block();
                self.quotes = self.quotes.saturating_sub(1);
                self.close_style(TextStyle::Quote);
                self.owe(Sep::Blank);
            }
            TagEnd::Heading(level) => {
                self.close_block();
                self.close_style(TextStyle::Heading(level as u8));
                self.owe(Sep::Blank);
            }
            TagEnd::Item => {
                self.after_marker = false;
                self.close_block();
                let tight = self.lists.last().is_none_or(|l| l.tight);
                self.owe(if tight { Sep::Line } else { Sep::Blank });
            }
            TagEnd::List(_) => {
                self.lists.pop();
                let outer_tight = self.lists.last().map(|l| l.tight);
                self.owe(match outer_tight {
                    Some(true) => Sep::Line,
                    _ => Sep::Blank,
                });
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if matches!(tag, TagEnd::TableHead) {
                    self.close_style(TextStyle::Strong);
                }
                self.close_block();
                self.owe(Sep::Line);
            }
            TagEnd::Emphasis => self.close_style(TextStyle::Emphasis),
            TagEnd::Strong => self.close_style(TextStyle::Strong),
            TagEnd::Strikethrough => self.close_style(TextStyle::Strike),
            TagEnd::Link => self.link_end(),
            _ => {}
        }
    }

    fn finish(mut self) -> Rendered {
        self.close_block();
        while let Some((style, _)) = self.open.last().copied() {
            self.close_style(style);
        }
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        Rendered {
            text: self.out,
            markup: self.markup,
            code: self.code,
        }
    }
}

/// Whether each list (in the order they start) is tight: none of its items holds a paragraph
/// (pulldown-cmark leaves out the paragraphs of a tight list but does not say so at its start).
fn tight_lists(events: &[(Event<'_>, std::ops::Range<usize>)]) -> Vec<bool> {
    enum Open {
        List(usize),
        Item,
        Other,
    }
    let mut tight = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    for (event, _) in events {
        match event {
            Event::Start(Tag::List(_)) => {
                stack.push(Open::List(tight.len()));
                tight.push(true);
            }
            Event::Start(Tag::Item) => stack.push(Open::Item),
            Event::Start(tag) => {
                if matches!(tag, Tag::Paragraph) && matches!(stack.last(), Some(Open::Item)) {
                    let list = stack.iter().rev().find_map(|o| match o {
                        Open::List(i) => Some(*i),
                        _ => None,
                    });
                    if let Some(t) = list.and_then(|i| tight.get_mut(i)) {
                        *t = false;
                    }
                }
                stack.push(Open::Other);
            }
            Event::End(_) => {
                stack.pop();
            }
            _ => {}
        }
    }
    tight
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// A Markdown body (front matter and title already taken out) as plain text, its layout and
/// styles, from pulldown-cmark's events: text and inline code kept, soft and hard breaks as
/// line breaks, each heading, paragraph, list, quote, table and code block its own paragraph
/// (a blank line between), list items on their own lines with their marker (`- `, `1. `),
/// table cells joined by ` | `, code blocks kept as pre-formatted lines; link text kept and its
/// target only in the markup; emphasis, quote, heading and rule marks, link definitions and raw
/// HTML dropped. Windows line breaks become `\n`.
pub fn render(body: &str) -> Rendered {
    let src = body.replace("\r\n", "\n");
    let events: Vec<_> = Parser::new_ext(&src, options())
        .into_offset_iter()
        .collect();
    let mut w = Writer::new(&src, tight_lists(&events));
    for (event, range) in events {
        w.event(event, range.start);
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(src: &str) -> (Article, Vec<LoadError>) {
        let mut problems = Vec::new();
        let a = parse(src, Path::new("a.md"), &mut problems).expect("loads");
        (a, problems)
    }

    #[test]
    fn front_matter_gives_title_date_source_url() {
        let (a, p) = md(
            "---\ntitle: \"Talks in Geneva\"\ndate: 2025-03-01\nsource: The Daily\nurl: https://example.org/a\ntags:\n  - x\n---\nBody text here.\n",
        );
        assert!(p.is_empty());
        assert_eq!(a.title, "Talks in Geneva");
        assert_eq!(a.published, Some(jiff::civil::date(2025, 3, 1)));
        assert_eq!(a.date_origin, DateOrigin::Metadata);
        assert_eq!(a.source.as_deref(), Some("The Daily"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.text, "Body text here.\n");
    }

    #[test]
    fn leading_heading_is_the_title_and_leaves_the_text() {
        let (a, _) = md("# Talks in Geneva\n\nThe talks began.\n");
        assert_eq!(a.title, "Talks in Geneva");
        assert_eq!(a.text, "The talks began.\n");
        let (a, _) = md("# **Talks** in [Geneva](https://example.org)\n\nThe talks began.\n");
        assert_eq!(a.title, "Talks in Geneva");
        let (a, _) = md("Talks in Geneva\n===\nThe talks began.\n");
        assert_eq!(a.title, "Talks in Geneva");
        assert_eq!(a.text, "The talks began.\n");
    }

    #[test]
    fn without_front_matter_the_whole_file_is_the_body() {
        let (a, _) = md("Just a note about talks.\n---\nmore\n");
        assert_eq!(a.text, "Just a note about talks.\n\nmore\n");
    }

    #[test]
    fn marks_are_dropped_and_their_text_kept() {
        let cases = [
            ("**Talks** resume _today_.", "Talks resume today."),
            (
                "See [the report](https://example.org/r) now.",
                "See the report now.",
            ),
            ("![A map](map.png)", "A map"),
            ("## Section two", "Section two"),
            ("> > Quoted words", "Quoted words"),
            ("Use `brief` here", "Use brief here"),
            ("snake_case_name and 5 * 3", "snake_case_name and 5 * 3"),
            ("* a list item", "* a list item"),
            ("- another item", "- another item"),
            ("Not a [link] at all", "Not a [link] at all"),
            ("An escaped \\*star\\*", "An escaped *star*"),
            ("[1]: https://example.org", ""),
            ("***", ""),
            ("Caf\u{e9} **na\u{ef}ve**", "Caf\u{e9} na\u{ef}ve"),
        ];
        for (md, want) in cases {
            assert_eq!(plain(md).trim_end(), want, "{md}");
        }
        // A code block is a paragraph of its own, kept line for line.
        assert_eq!(
            plain("a\n```\nlet x = *y*;\n```\nb\n"),
            "a\n\nlet x = *y*;\n\nb\n"
        );
        // The text is written from the parse: its line breaks are `\n`.
        assert_eq!(plain("line one\r\n**two**\r\n"), "line one\ntwo\n");
    }

    /// A made-up article with every construct the reader styles.
    const EVERY: &str = "## Harbour news\n\n\
        The board met on **Tuesday** and\ntalked about the _pier_.\n\
        A hard break  \nafter it, see [the report](https://example.org/r). Done.\n\n\
        - first item\n  goes on\n- second with `code`\n  - nested one\n- third\n\n\
        1. one\n\n2) two\n\n\
        > A quoted line\n> goes on.\n\n\
        ```\nlet x = 1;\n\nlet y = 2;\n```\n\n\
        | Name | Role |\n|------|------|\n| Ana | Chair |\n\n\
        Caf\u{e9} <b>html</b>, ~~gone~~ and <https://example.org/x>.\n\n\
        [ref link][r] and ![a map](map.png)\n\n[r]: https://example.org/ref\n";

    #[test]
    fn every_construct_gives_plain_text_and_styles_on_it() {
        let r = render(EVERY);
        assert_eq!(
            r.text,
            "Harbour news\n\n\
             The board met on Tuesday and\ntalked about the pier.\n\
             A hard break\nafter it, see the report. Done.\n\n\
             - first item\ngoes on\n- second with code\n  - nested one\n- third\n\n\
             1. one\n\n2) two\n\n\
             A quoted line\ngoes on.\n\n\
             let x = 1;\n\nlet y = 2;\n\n\
             Name | Role\nAna | Chair\n\n\
             Caf\u{e9} html, gone and https://example.org/x.\n\n\
             ref link and a map\n"
        );
        let styled: Vec<(TextStyle, &str)> = r
            .markup
            .styles
            .iter()
            .map(|s| (s.style, s.span.of(&r.text)))
            .collect();
        assert_eq!(
            styled,
            [
                (TextStyle::Heading(2), "Harbour news"),
                (TextStyle::Strong, "Tuesday"),
                (TextStyle::Emphasis, "pier"),
                (TextStyle::Link, "the report"),
                (TextStyle::Code, "code"),
                (TextStyle::Quote, "A quoted line\ngoes on."),
                (TextStyle::Code, "let x = 1;\n\nlet y = 2;"),
                (TextStyle::Strong, "Name | Role"),
                (TextStyle::Strike, "gone"),
                (TextStyle::Link, "https://example.org/x"),
                (TextStyle::Link, "ref link"),
            ]
        );
        let blocks: Vec<(&str, bool)> = r
            .markup
            .blocks
            .iter()
            .map(|b| (b.span.of(&r.text), b.tight))
            .collect();
        assert_eq!(
            blocks,
            [
                ("Harbour news", false),
                (
                    "The board met on Tuesday and\ntalked about the pier.\nA hard break",
                    false
                ),
                ("after it, see the report. Done.", true),
                ("- first item\ngoes on", false),
                ("- second with code", true),
                ("- nested one", true),
                ("- third", true),
                ("1. one", false),
                ("2) two", false),
                ("A quoted line\ngoes on.", false),
                ("let x = 1;", false),
                ("let y = 2;", false),
                ("Name | Role", false),
                ("Ana | Chair", true),
                ("Caf\u{e9} html, gone and https://example.org/x.", false),
                ("ref link and a map", false),
            ]
        );
        // Nested lists and quotes are indented on screen, two cells a level.
        let indented: Vec<(&str, u8)> = r
            .markup
            .blocks
            .iter()
            .filter(|b| b.indent > 0)
            .map(|b| (b.span.of(&r.text), b.indent))
            .collect();
        assert_eq!(
            indented,
            [("- nested one", 2), ("A quoted line\ngoes on.", 2)]
        );
        // Link targets: after their text, and never in the analysed text (an autolink, whose
        // text is its target, has none).
        let links: Vec<(&str, &str)> = r
            .markup
            .links
            .iter()
            .map(|l| (&r.text[..l.at], l.url.as_str()))
            .collect();
        assert_eq!(links.len(), 2, "{links:?}");
        assert!(links[0].0.ends_with("the report"));
        assert_eq!(links[0].1, "https://example.org/r");
        assert!(links[1].0.ends_with("ref link"));
        assert_eq!(links[1].1, "https://example.org/ref");
        assert!(!r.text.contains("example.org/r\n") && !r.text.contains("example.org/ref"));
        assert_eq!(r.code.len(), 2, "inline code and the code block");
    }

    #[test]
    fn every_span_fits_the_text() {
        for src in [
            EVERY,
            "",
            "[",
            "> > > **x",
            "```\nunclosed",
            "- \n-\n1.",
            "a\rb\r\n\u{0}\u{1b}[31m",
            "*a **b* c**",
            "[x](<>) [](y) ![](z)",
            "| a |\n|---|\n| \u{1F600} |",
            "    indented code\n\n# h #\n",
        ] {
            let r = render(src);
            let spans = r
                .markup
                .blocks
                .iter()
                .map(|b| b.span)
                .chain(r.markup.styles.iter().map(|s| s.span))
                .chain(r.code.iter().copied());
            for s in spans {
                assert!(s.fits(&r.text), "{src:?}: {s:?} in {:?}", r.text);
            }
            for l in &r.markup.links {
                assert!(
                    r.text.is_char_boundary(l.at) && l.at <= r.text.len(),
                    "{src:?}"
                );
            }
            // Blocks are in text order and do not overlap.
            for w in r.markup.blocks.windows(2) {
                assert!(w[0].span.end <= w[1].span.start, "{src:?}: {w:?}");
            }
        }
    }

    #[test]
    fn a_date_line_in_code_is_not_the_date_and_markup_is_kept() {
        let (a, _) = md("Notes\n\n```\nPublished 12 April 2024\n```\n\nBody.\n");
        assert_eq!(a.published, None);
        let (a, _) = md("Notes\n\n    Published 12 April 2024\n\nBody.\n");
        assert_eq!(a.published, None);
        let (a, _) = md("Notes\n\n| `appears in print in the 20 February, 2025 edition` |\n");
        assert_eq!(a.published, None);
        let (a, _) = md("*Published 12 April 2024*\n\nBody with [a link](https://example.org).\n");
        assert_eq!(a.published, Some(jiff::civil::date(2024, 4, 12)));
        let m = a.markup.expect("markup");
        assert_eq!(m.links.len(), 1);
        assert!(!a.text.contains("example.org"));
    }

    #[test]
    fn a_bad_date_warns_and_the_text_date_line_is_used() {
        let (a, p) = md("---\ndate: someday\n---\nPublished 18 February 2025\nBody.\n");
        assert_eq!(p.len(), 1);
        assert_eq!(a.published, Some(jiff::civil::date(2025, 2, 18)));
        assert_eq!(a.date_origin, DateOrigin::Dateline);
    }

    #[test]
    fn front_matter_alone_is_an_error() {
        let mut p = Vec::new();
        assert!(parse("---\ntitle: x\n---\n\n", Path::new("a.md"), &mut p).is_err());
    }

    #[test]
    fn timestamps_and_written_dates_in_front_matter() {
        assert_eq!(
            parse_meta_date("2025-02-18T10:00:00Z"),
            Some(jiff::civil::date(2025, 2, 18))
        );
        assert_eq!(
            parse_meta_date("18 February 2025"),
            Some(jiff::civil::date(2025, 2, 18))
        );
        assert_eq!(
            parse_meta_date("2025-02-18 10:00"),
            Some(jiff::civil::date(2025, 2, 18))
        );
        assert_eq!(parse_meta_date("2025-02-18 and more"), None);
    }
}
