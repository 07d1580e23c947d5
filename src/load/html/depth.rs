//! A cap on how deep a page's elements nest, applied to the decoded page before it is parsed.
//!
//! html5ever checks "is there a `p` in button scope" for every block start tag by walking the
//! stack of open elements, so a page of 200,000 nested `<div>`s (1 MB) takes minutes to parse:
//! the time grows with the square of the depth. Real pages nest 5 to 50 deep (the 121 pages of
//! the extraction benchmark: at most 48). Like Blink, which stops nesting the DOM at 512 levels,
//! brief keeps at most [`MAX_DEPTH`] levels: a start tag past that depth is dropped, with the end
//! tag that closes it, and its content stays inside the deepest element kept. Pages within the
//! cap are passed on unchanged (borrowed, not copied).
//!
//! The depth is counted with a light scan, not a parser: elements whose end tag may be left out
//! (`p`, `li`, `td`, ...) and void elements (`br`, `img`, ...) are not counted, comments and the
//! raw text of `script`, `style` and the like are skipped, quoted attribute values may hold `>`.

use std::borrow::Cow;

/// How many levels of counted elements a page keeps.
pub const MAX_DEPTH: usize = 512;

/// Void elements and those whose end tag may be omitted: never counted as a level.
const UNCOUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "caption", "rp", "rt", "html", "head", "body",
];

/// Formatting elements: closing one keeps the blocks opened inside it.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements whose content is raw text up to their own end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// The page with start tags past [`MAX_DEPTH`] (and their end tags) removed; the page itself,
/// borrowed, when it nests no deeper.
pub fn cap(src: &str) -> Cow<'_, str> {
    let b = src.as_bytes();
    // The counted elements open at this point (at most MAX_DEPTH), and the names of start tags
    // dropped past the cap that are still waiting for their end tag.
    let mut open: Vec<&[u8]> = Vec::new();
    let mut dropped: Vec<&[u8]> = Vec::new();
    let mut out: Option<String> = None;
    let mut copied = 0usize;
    let mut i = 0usize;
    while let Some(off) = memchr(b'<', &b[i..]) {
        let lt = i + off;
        let Some(tag) = Tag::at(b, lt) else {
            i = lt + 1;
            continue;
        };
        i = tag.end;
        let Some(name) = tag.name else { continue };
        if UNCOUNTED
            .iter()
            .any(|u| name.eq_ignore_ascii_case(u.as_bytes()))
        {
            continue;
        }
        let drop = if tag.closing {
            if dropped.last().is_some_and(|d| d.eq_ignore_ascii_case(name)) {
                dropped.pop();
                true
            } else {
                // Closes the innermost open element of that name and those inside it; an end
                // tag with nothing to close is ignored, as the parser ignores it. A formatting
                // element's end tag leaves the blocks opened inside it open (the parser's
                // adoption agency moves them out), so only that element is taken off.
                if let Some(at) = open.iter().rposition(|o| o.eq_ignore_ascii_case(name)) {
                    if FORMATTING
                        .iter()
                        .any(|f| name.eq_ignore_ascii_case(f.as_bytes()))
                    {
                        open.remove(at);
                    } else {
                        open.truncate(at);
                    }
                }
                false
            }
        } else if RAW_TEXT
            .iter()
            .any(|r| name.eq_ignore_ascii_case(r.as_bytes()))
        {
            i = raw_text_end(b, tag.end, name);
            false
        } else if tag.self_closing {
            false
        } else if open.len() >= MAX_DEPTH {
            dropped.push(name);
            true
        } else {
            open.push(name);
            false
        };
        if drop {
            let o = out.get_or_insert_with(|| String::with_capacity(src.len()));
            o.push_str(&src[copied..lt]);
            copied = tag.end;
        }
    }
    match out {
        None => Cow::Borrowed(src),
        Some(mut o) => {
            o.push_str(&src[copied..]);
            Cow::Owned(o)
        }
    }
}

/// One `<...>` found by the scan.
struct Tag<'a> {
    /// The element's name, `None` for comments, doctypes and processing instructions.
    name: Option<&'a [u8]>,
    closing: bool,
    self_closing: bool,
    /// The byte after the tag's `>` (or the end of the page).
    end: usize,
}

impl<'a> Tag<'a> {
    /// The tag that starts at `b[lt] == b'<'`, or `None` when that `<` starts no tag (text).
    fn at(b: &'a [u8], lt: usize) -> Option<Self> {
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            let end = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            return Some(Tag {
                name: None,
                closing: false,
                self_closing: false,
                end,
            });
        }
        if matches!(rest.first(), Some(b'!' | b'?')) {
            let end = memchr(b'>', rest).map_or(b.len(), |e| lt + 1 + e + 1);
            return Some(Tag {
                name: None,
                closing: false,
                self_closing: false,
                end,
            });
        }
        let closing = rest.first() == Some(&b'/');
        let start = lt + 1 + usize::from(closing);
        if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let mut j = start;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-') {
            j += 1;
        }
        let name = &b[start..j];
        let mut quote = None;
        while j < b.len() {
            match (quote, b[j]) {
                (Some(q), c) if c == q => quote = None,
                (None, c @ (b'"' | b'\'')) => quote = Some(c),
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        let self_closing = j < b.len() && j > start && b[j - 1] == b'/';
        Some(Tag {
            name: Some(name),
            closing,
            self_closing,
            end: (j + 1).min(b.len()),
        })
    }
}

/// Where the raw text that starts at `from` ends: at its `</name`, or the end of the page.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(off) = find(b, i, b"</") {
        let n = off + 2;
        if b.len() >= n + name.len() && b[n..n + name.len()].eq_ignore_ascii_case(name) {
            return off;
        }
        i = off + 2;
    }
    b.len()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

/// The first `pat` in `b` at or after `from`.
fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w == pat)
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(n: usize, inner: &str) -> String {
        format!(
            "<html><body>{}{inner}{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        )
    }

    #[test]
    fn pages_within_the_cap_are_borrowed_unchanged() {
        let page = nested(MAX_DEPTH, "<p>Text</p>");
        assert!(matches!(cap(&page), Cow::Borrowed(_)));
        let odd = "<p>a < b and c<d</p><!-- <div><div> --><script>if (a<b) {'<div>'}</script>";
        assert!(matches!(cap(odd), Cow::Borrowed(_)));
    }

    #[test]
    fn deeper_pages_keep_max_depth_levels_and_all_text() {
        let page = nested(MAX_DEPTH + 1000, "<p>The council met on Monday.</p>");
        let capped = cap(&page);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</div>").count(), MAX_DEPTH);
        assert!(capped.contains("<p>The council met on Monday.</p>"));
    }

    #[test]
    fn a_page_nested_a_hundred_thousand_deep_reads_as_its_text() {
        let page = nested(100_000, "<p>The council met on Monday.</p>");
        let article = crate::load::html::article_from_str(&page, None).expect("an article");
        assert_eq!(article.text.trim(), "The council met on Monday.");
    }

    #[test]
    fn stray_end_tags_do_not_hide_the_depth() {
        let page = format!("<body>{}text</body>", "<em>x</span>".repeat(MAX_DEPTH + 10));
        assert_eq!(cap(&page).matches("<em>").count(), MAX_DEPTH);
        assert_eq!(cap(&page).matches("</span>").count(), MAX_DEPTH + 10);
    }

    #[test]
    fn blocks_left_open_inside_closed_formatting_count() {
        let page = format!("<body>{}text</body>", "<b><div></b>".repeat(MAX_DEPTH + 10));
        assert!(cap(&page).matches("<div>").count() <= MAX_DEPTH);
    }

    #[test]
    fn unclosed_paragraphs_and_void_elements_are_not_levels() {
        let page = format!("<body>{}</body>", "<p>one<br><img src=x>".repeat(5000));
        assert!(matches!(cap(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn quoted_greater_than_and_case_do_not_confuse_the_scan() {
        let page = format!(
            "{}<p>kept</p>{}",
            "<DIV title='a>b'>".repeat(MAX_DEPTH + 3),
            "</Div>".repeat(MAX_DEPTH + 3)
        );
        let capped = cap(&page);
        assert_eq!(capped.matches("<DIV").count(), MAX_DEPTH);
        assert_eq!(capped.matches("</Div>").count(), MAX_DEPTH);
        assert!(capped.contains("<p>kept</p>"));
    }

    #[test]
    fn truncated_tags_and_multibyte_text_never_panic() {
        for page in [
            "<",
            "<div",
            "<div class=\"é",
            "</",
            "<!--",
            "<script>é",
            "é<é>é</é",
        ] {
            let _ = cap(page);
        }
        let deep = format!("{}é", "<div>".repeat(MAX_DEPTH + 2));
        assert!(cap(&deep).ends_with('é'));
    }
}
