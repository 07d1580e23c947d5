//! Markdown: optional front matter (`title:`, `date:`, `source:`, `url:`) between `---` lines,
//! then the body.
//!
//! The analysed text is the body after the front matter as plain text: a leading level-one
//! heading (`# Headline`, or a line underlined with `===`) is taken out, since it is the
//! article's title (unless the front matter names one) and the reader shows it as the title;
//! the marks of Markdown are dropped and what they mark is kept (`**Talks**` gives `Talks`,
//! `[the report](https://…)` gives `the report`, `## Section` gives `Section`, `> quoted` gives
//! `quoted`, code fences and link definitions go). Line breaks and list markers stay, so the text
//! reads as the author laid it out. Offsets index this plain text, which `brief analyze --json`
//! prints as `text`.

use std::path::Path;

use crate::model::{Article, DateOrigin};

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
    let body = &plain(body);
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
        None => match dateline::find(body) {
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
        text: body.to_string(),
        ..Article::default()
    })
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

/// The body as plain text: block marks (headings, quotes, fences, rules, link definitions) and
/// inline marks (emphasis, code, links, images, escapes) dropped, their text kept.
pub fn plain(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut in_fence = false;
    for line in body.split_inclusive('\n') {
        let (content, newline) = match line.strip_suffix("\r\n") {
            Some(c) => (c, "\r\n"),
            None => match line.strip_suffix('\n') {
                Some(c) => (c, "\n"),
                None => (line, ""),
            },
        };
        let trimmed = content.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push_str(line);
            continue;
        }
        if is_rule(trimmed) || is_link_definition(trimmed) {
            out.push_str(newline);
            continue;
        }
        let mut rest = content;
        // Block quotes, possibly nested ("> > text").
        while let Some(r) = rest.trim_start().strip_prefix('>') {
            rest = r.strip_prefix(' ').unwrap_or(r);
        }
        let t = rest.trim_start();
        let hashes = t.len() - t.trim_start_matches('#').len();
        if (1..=6).contains(&hashes) && (t[hashes..].starts_with(' ') || t.len() == hashes) {
            rest = t[hashes..].trim().trim_end_matches('#').trim_end();
        }
        inline(rest, &mut out);
        out.push_str(newline);
    }
    out
}

/// `---`, `***`, `___` (three or more, spaces allowed): a thematic break.
fn is_rule(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let first = marks.next();
    let rest: Vec<char> = marks.collect();
    matches!(first, Some('-' | '*' | '_'))
        && rest.len() >= 2
        && rest.iter().all(|c| Some(*c) == first)
}

/// `[label]: https://…`: a reference link's target, not text.
fn is_link_definition(line: &str) -> bool {
    line.starts_with('[')
        && line
            .find("]:")
            .is_some_and(|i| !line[1..i].contains(']') && i > 1)
}

/// Inline marks dropped from one line, the text appended to `out`.
fn inline(line: &str, out: &mut String) {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        match c {
            '\\' if chars
                .get(i + 1)
                .is_some_and(|(_, n)| n.is_ascii_punctuation()) =>
            {
                out.push(chars[i + 1].1);
                i += 2;
            }
            '`' => i += 1,
            '!' if chars.get(i + 1).is_some_and(|(_, n)| *n == '[') => i += 1,
            '[' => match link(line, at) {
                Some((text, end)) => {
                    inline(text, out);
                    i = chars.partition_point(|(p, _)| *p < end);
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            '*' | '_' => {
                let run = chars[i..].iter().take_while(|(_, d)| *d == c).count();
                let before = i.checked_sub(1).map(|j| chars[j].1);
                let after = chars.get(i + run).map(|(_, d)| *d);
                let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                let opens = !space(after) && (space(before) || !word(before));
                let closes = !space(before) && (space(after) || !word(after));
                // Inside a word only `*` marks emphasis; `snake_case` keeps its underscores.
                let inside = c == '*' && word(before) && word(after);
                if opens || closes || inside {
                    i += run;
                } else {
                    for _ in 0..run {
                        out.push(c);
                    }
                    i += run;
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
}

/// At a `[`: the link text and the byte just past `(target)`, when it is a link.
fn link(line: &str, open: usize) -> Option<(&str, usize)> {
    let rest = line.get(open + 1..)?;
    let close = rest.find(']')?;
    let text = &rest[..close];
    let after = &rest[close + 1..];
    let target = after.strip_prefix('(')?;
    let end = target.find(')')?;
    Some((text, open + 1 + close + 1 + 1 + end + 1))
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
            assert_eq!(plain(md), want, "{md}");
        }
        assert_eq!(
            plain("a\n```\nlet x = *y*;\n```\nb\n"),
            "a\nlet x = *y*;\nb\n"
        );
        assert_eq!(plain("line one\r\n**two**\r\n"), "line one\r\ntwo\r\n");
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
