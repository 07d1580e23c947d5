//! A feed's entries read from its page, and a fetched page turned into an article.

#[allow(clippy::wildcard_imports)]
use super::*;

/// Parses a feed body; an HTML page or anything else that is not a feed is one line.
pub(super) fn parse_feed(page: &Page) -> Result<feed_rs::model::Feed, String> {
    if looks_like_html(page) {
        let hint = discovered_feed(&page.body, &page.url)
            .map_or_else(String::new, |u| format!("; the page names a feed: {u}"));
        return Err(format!("a web page (HTML), not a feed{hint}"));
    }
    let parser = |bytes: &[u8]| {
        feed_rs::parser::Builder::new()
            .base_uri(Some(&page.url))
            // Entries with no id: none made up (a random one would make them new each time).
            .id_generator(|_, _, _| String::new())
            .build()
            .parse(bytes)
    };
    let first = parser(&page.body);
    match first {
        Ok(f) => Ok(f),
        Err(e) => {
            // A charset the XML does not declare (from the HTTP header, or Windows-1252 for
            // bytes that are not UTF-8): transcoded to UTF-8 and parsed again.
            if let Some(utf8) = transcoded(page)
                && let Ok(f) = parser(&utf8)
            {
                return Ok(f);
            }
            Err(feed_problem(&e))
        }
    }
}

pub(super) fn feed_problem(e: &feed_rs::parser::ParseFeedError) -> String {
    use feed_rs::parser::{ParseErrorKind, ParseFeedError};
    match e {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            String::from("not a feed (no RSS, Atom or JSON Feed root)")
        }
        ParseFeedError::JsonSerde(e) => format!("malformed JSON Feed: {e}"),
        ParseFeedError::XmlReader(e) => format!("malformed XML: {e}"),
        ParseFeedError::IoError(e) => format!("cannot read the feed: {e}"),
        other => format!("malformed feed: {other}"),
    }
}

/// The body re-encoded to UTF-8 from its declared or guessed charset, the XML declaration's
/// encoding dropped; `None` when there is nothing to change.
pub(super) fn transcoded(page: &Page) -> Option<Vec<u8>> {
    let valid = std::str::from_utf8(&page.body).is_ok();
    let label = page
        .charset
        .as_deref()
        .filter(|c| !c.eq_ignore_ascii_case("utf-8"))
        .or((!valid).then_some("windows-1252"))?;
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    let (text, _, _) = enc.decode(&page.body);
    let mut text = text.into_owned();
    if text.trim_start().starts_with("<?xml")
        && let Some(end) = text.find("?>")
    {
        text.replace_range(..end + 2, "<?xml version=\"1.0\"?>");
    }
    Some(text.into_bytes())
}

pub(super) fn looks_like_html(page: &Page) -> bool {
    let head: Vec<u8> = page
        .body
        .iter()
        .skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF)
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    let html_head = head.starts_with(b"<!doctype html") || head.starts_with(b"<html");
    let html_type = matches!(page.mime.as_deref(), Some("text/html"));
    html_head || (html_type && !head.starts_with(b"<?xml") && !head.starts_with(b"<rss"))
}

/// The first feed a page names with `<link rel="alternate" type="application/rss+xml"...>`.
pub(super) fn discovered_feed(body: &[u8], base: &str) -> Option<String> {
    let text = String::from_utf8_lossy(body.get(..body.len().min(256 * 1024))?);
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<link") {
        let start = from + at;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        from = end;
        if !(tag.contains("application/rss+xml")
            || tag.contains("application/atom+xml")
            || tag.contains("application/feed+json"))
        {
            continue;
        }
        let at = tag.find("href=")? + 5;
        let original = text.get(start..end)?;
        let rest = original.get(at..)?;
        let (quote, rest) = match rest.chars().next()? {
            q @ ('"' | '\'') => (Some(q), &rest[1..]),
            _ => (None, rest),
        };
        let href: String = match quote {
            Some(q) => rest.chars().take_while(|&c| c != q).collect(),
            None => rest.chars().take_while(|c| !c.is_whitespace()).collect(),
        };
        let href = fragment::entities(&href);
        return url::Url::parse(base)
            .and_then(|b| b.join(&href))
            .ok()
            .map(|u| u.to_string());
    }
    None
}

/// A feed's or entry's title as one line of plain text.
pub(super) fn clean_inline(s: &str) -> String {
    let text = if s.contains('<') || s.contains('&') {
        fragment::text(s)
    } else {
        s.to_string()
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The entries of a feed as items, duplicates (same key) dropped after the first.
pub(super) fn items_of(feed: &feed_rs::model::Feed, base: &str) -> Vec<Item> {
    let base = url::Url::parse(base).ok();
    let mut keys = HashSet::new();
    let mut out = Vec::new();
    for e in &feed.entries {
        let link = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| e.links.first())
            .and_then(|l| resolve(base.as_ref(), &l.href));
        // RSS: a guid that is a permalink is the link when there is no <link>.
        let link = link.or_else(|| {
            (e.id.starts_with("http://") || e.id.starts_with("https://"))
                .then(|| resolve(base.as_ref(), &e.id))
                .flatten()
        });
        let content = e
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(html_or_text)
            .filter(|t| !t.trim().is_empty());
        let summary = e
            .summary
            .as_ref()
            .map(|s| html_or_text(&s.content))
            .filter(|t| !t.trim().is_empty());
        // RSS 2.0 feeds often carry the whole article in <description>: the longer text counts.
        let feed_text = match (content, summary) {
            (Some(c), Some(s)) => Some(if c.len() >= s.len() { c } else { s }),
            (c, s) => c.or(s),
        };
        let whole = feed_text.clone().filter(|t| is_whole(t));
        let key = match (&link, e.id.trim()) {
            (Some(l), _) => save::url_key(l),
            (None, id) if !id.is_empty() => format!("{}#{id}", save::url_key(base_str(&base))),
            (None, _) => match &feed_text {
                Some(t) => format!("{}#text-{}", save::url_key(base_str(&base)), save::hash(t)),
                None => continue,
            },
        };
        if !keys.insert(key.clone()) {
            continue;
        }
        let published = e
            .published
            .or(e.updated)
            .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        out.push(Item {
            key,
            link,
            title: e
                .title
                .as_ref()
                .map(|t| clean_inline(&t.content))
                .filter(|t| !t.is_empty()),
            published,
            whole,
            feed_text,
        });
    }
    out
}

pub(super) fn base_str(base: &Option<url::Url>) -> &str {
    base.as_ref().map_or("", url::Url::as_str)
}

/// An absolute http(s) URL for a link, relative ones resolved against the feed's URL.
pub(super) fn resolve(base: Option<&url::Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let u = match base {
        Some(b) => b.join(href).ok()?,
        None => url::Url::parse(href).ok()?,
    };
    matches!(u.scheme(), "http" | "https").then(|| u.to_string())
}

pub(super) fn html_or_text(s: &str) -> String {
    if s.contains('<') || s.contains('&') {
        fragment::text(s)
    } else {
        s.trim().to_string()
    }
}

/// Whether an entry's own content is the whole article: long enough, and not a teaser.
pub(super) fn is_whole(text: &str) -> bool {
    let tail: String = text
        .trim_end()
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    let teaser = tail.ends_with('\u{2026}')
        || tail.ends_with("...")
        || tail.ends_with("[…]")
        || tail.ends_with("[...]")
        || tail.contains("read more")
        || tail.contains("continue reading")
        || tail.contains("read the full");
    text.chars().count() >= WHOLE_ARTICLE_CHARS && !teaser
}

/// The article of a fetched page: HTML through the extractor, plain text as it is; anything
/// else (a PDF, an image, a feed) refused in one line.
pub(super) fn page_article(page: &Page) -> Result<Article, String> {
    let mime = page.mime.as_deref().unwrap_or("");
    let head = page.body.iter().find(|b| !b.is_ascii_whitespace()).copied();
    if mime == "text/plain" {
        let mut problems = Vec::new();
        let text = crate::load::decode(&page.body, Path::new(&page.url), &mut problems)
            .map_err(|e| e.problem)?;
        return Ok(crate::load::plain::parse(text, None));
    }
    let htmlish = mime.is_empty()
        || mime == "text/html"
        || mime == "application/xhtml+xml"
        || (head == Some(b'<')
            && !matches!(
                mime,
                "application/rss+xml" | "application/atom+xml" | "application/xml" | "text/xml"
            ));
    if !htmlish {
        return Err(format!("{mime}, not a web page"));
    }
    html_article(&page.body, &page.url, page.charset.as_deref())
}

/// The article of an HTML page, through the HTML extractor (`load::html`).
pub(super) fn html_article(
    body: &[u8],
    url: &str,
    charset: Option<&str>,
) -> Result<Article, String> {
    let a = crate::load::html::article_from_html(body, Some(url), charset)?;
    if a.text.trim().is_empty() {
        return Err(String::from("no article text found in the page"));
    }
    Ok(a)
}
