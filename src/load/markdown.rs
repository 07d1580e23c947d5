//! Markdown: optional front matter (`title:`, `date:`, `source:`, `url:`) between `---` lines,
//! then the body.
//!
//! The analysed text is the body after the front matter, verbatim, except that a leading
//! level-one heading (`# Headline`, or a line underlined with `===`) is taken out: it is the
//! article's title (unless the front matter names one) and the reader shows it as the title.
//! Other Markdown (emphasis, links, lists) stays in the text as written, so offsets point at
//! what the file holds.

use std::path::Path;

use crate::model::{Article, DateOrigin};

use super::{LoadError, dateline, text};

/// The article in a Markdown file; problems that still let it load are pushed to `problems`.
pub fn parse(src: &str, path: &Path, problems: &mut Vec<LoadError>) -> Result<Article, LoadError> {
    let (front, body) = split_front_matter(src);
    let mut meta = Meta::default();
    if let Some(front) = front {
        meta = read_front_matter(front, path, problems);
    }
    let (heading, body) = take_heading(body);
    if body.trim().is_empty() {
        let what = if front.is_some() || heading.is_some() {
            "no text after the front matter and title"
        } else {
            "empty file"
        };
        return Err(LoadError::error(path, what));
    }
    let title = meta
        .title
        .or(heading)
        .unwrap_or_else(|| text::title(body, Some(path)));
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
        let (a, _) = md("Talks in Geneva\n===\nThe talks began.\n");
        assert_eq!(a.title, "Talks in Geneva");
        assert_eq!(a.text, "The talks began.\n");
    }

    #[test]
    fn without_front_matter_the_whole_file_is_the_body() {
        let (a, _) = md("Just a note about **talks**.\n---\nmore\n");
        assert_eq!(a.text, "Just a note about **talks**.\n---\nmore\n");
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
