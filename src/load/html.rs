//! HTML articles: a saved web page (`.html`, `.htm`, or standard input starting with `<`) read as
//! the article it holds. The page is decoded (byte-order mark, `<meta charset>`, or the HTTP
//! header's hint), parsed with html5ever (through `scraper`), and reduced to its main text:
//! paragraphs, headings, lists and block quotes as plain text, a blank line between blocks;
//! navigation, menus, ads, "related" lists, comments, cookie banners, scripts and styles left out
//! ([`extract`]). Title, date, source, byline and canonical address come from the page's
//! metadata ([`meta`]). Elements nested past [`depth::MAX_DEPTH`] levels are flattened first, so
//! that no page takes the parser quadratic time.

pub mod charset;
pub mod depth;
pub mod extract;
pub mod meta;

use scraper::Html;

use crate::model::{Article, DateOrigin};

use super::dateline;

/// Whether text read from standard input is an HTML page: its first non-blank character (after
/// a byte-order mark) is `<`.
pub fn looks_like_html(src: &str) -> bool {
    src.trim_start_matches('\u{FEFF}')
        .trim_start()
        .starts_with('<')
}

/// The article a web page holds. `bytes` is the page as fetched or saved; `url` is where it came
/// from (for relative canonical addresses and a date in the address); `charset_hint` is the HTTP
/// `Content-Type` header's charset, when known. The article's `path` is `None`.
///
/// Fails, with one line saying why, only when the page holds no text at all.
pub fn article_from_html(
    bytes: &[u8],
    url: Option<&str>,
    charset_hint: Option<&str>,
) -> Result<Article, String> {
    let src = charset::decode(bytes, charset_hint);
    article_from_str(&src, url)
}

/// [`article_from_html`] for a page already decoded.
pub fn article_from_str(src: &str, url: Option<&str>) -> Result<Article, String> {
    let doc = Html::parse_document(&depth::cap(src));
    let meta = meta::Meta::of(&doc, url);
    let text = extract::main_text(&doc, meta.title.as_deref());
    if text.trim().is_empty() {
        return Err(String::from("no article text found in the page"));
    }
    let (published, date_origin, published_from) = match meta.published {
        Some((d, from)) => (Some(d), DateOrigin::Metadata, Some(from.to_string())),
        None => match dateline::find(&text) {
            Some((d, origin)) => (Some(d), origin, Some(String::from("dateline"))),
            None => (None, DateOrigin::Unknown, None),
        },
    };
    let title = meta
        .title
        .clone()
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| super::plain::title(&text, None));
    Ok(Article {
        title,
        source: meta.source,
        published,
        date_origin,
        published_from,
        url: meta.canonical.or_else(|| url.map(str::to_string)),
        byline: meta.byline,
        path: None,
        text,
        ..Article::default()
    })
}
