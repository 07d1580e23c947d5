//! A page's metadata: title, publication date (and where it was found), source, byline and
//! canonical address, from JSON-LD, Open Graph and other `<meta>` tags, `<link rel=canonical>`,
//! `<time datetime>`, the `h1`, the `<title>` and the page's address.

use ego_tree::NodeRef;
use jiff::civil::Date;
use scraper::{Html, Node};
use serde_json::Value;

use crate::load::dateline;

/// A byline longer than this (in characters) is a sentence, not a name.
const BYLINE_MAX_CHARS: usize = 100;
/// JSON-LD deeper than this is not looked into.
const JSON_DEPTH: usize = 32;

/// What the page says about itself.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    /// The headline, without the site's name.
    pub title: Option<String>,
    /// The publication date and where it was found: `json_ld`, `meta`, `time` or `url`.
    pub published: Option<(Date, &'static str)>,
    /// The publication (`og:site_name`, the JSON-LD publisher).
    pub source: Option<String>,
    /// The author(s), as the page names them.
    pub byline: Option<String>,
    /// The canonical address (absolute when the page's own address is known).
    pub canonical: Option<String>,
}

/// Everything gathered in one walk over the page.
#[derive(Default)]
struct Found {
    /// `<meta>` tags: (name or property, lowercased; content).
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    json_ld: Vec<Value>,
    h1: Option<String>,
    title: Option<String>,
    /// `datetime` of `<time>` elements, the ones marked as the publication date first.
    times: Vec<(bool, String)>,
    /// Text of elements marked as the author (`rel=author`, `itemprop=author`, class `byline`).
    authors: Vec<String>,
}

impl Meta {
    /// The metadata of a parsed page; `url` is the page's own address, when known.
    pub fn of(doc: &Html, url: Option<&str>) -> Self {
        let mut found = Found::default();
        for node in doc.tree.root().descendants() {
            if let Node::Element(el) = node.value() {
                gather(&mut found, node, el);
            }
        }
        let meta = |keys: &[&str]| -> Option<String> {
            keys.iter().find_map(|k| {
                found
                    .metas
                    .iter()
                    .find(|(n, v)| n == k && !v.trim().is_empty())
                    .map(|(_, v)| clean(v))
            })
        };
        let ld = LdFacts::of(&found.json_ld);
        let source = meta(&["og:site_name"])
            .or_else(|| ld.publisher.clone())
            .or_else(|| meta(&["application-name"]));
        let title = meta(&["og:title", "twitter:title"])
            .or_else(|| ld.headline.clone())
            .or_else(|| found.h1.clone())
            .or_else(|| found.title.clone())
            .map(|t| strip_site(&t, source.as_deref()))
            .filter(|t| !t.is_empty());
        let published = ld
            .published
            .map(|d| (d, "json_ld"))
            .or_else(|| {
                meta(&[
                    "article:published_time",
                    "og:published_time",
                    "datepublished",
                    "pubdate",
                    "publishdate",
                    "publish-date",
                    "published_time",
                    "parsely-pub-date",
                    "sailthru.date",
                    "dc.date.issued",
                    "dcterms.created",
                    "dc.date",
                    "date",
                    "article.published",
                    "og:updated_time",
                    "article:modified_time",
                ])
                .and_then(|v| parse_date(&v))
                .map(|d| (d, "meta"))
            })
            .or_else(|| {
                let mut times = found.times.clone();
                times.sort_by_key(|(marked, _)| !marked);
                times
                    .iter()
                    .find_map(|(_, v)| parse_date(v))
                    .map(|d| (d, "time"))
            })
            .or_else(|| url.and_then(date_in_url).map(|d| (d, "url")));
        let byline = meta(&[
            "author",
            "article:author",
            "byl",
            "dc.creator",
            "sailthru.author",
        ])
        .filter(|a| !a.contains("://"))
        .or(ld.author.clone())
        .or_else(|| found.authors.iter().find(|a| !a.is_empty()).cloned())
        .map(|a| strip_by(&a))
        .filter(|a| !a.is_empty() && a.chars().count() <= BYLINE_MAX_CHARS);
        let canonical = found
            .canonical
            .clone()
            .or_else(|| meta(&["og:url"]))
            .and_then(|c| absolute(&c, url));
        Meta {
            title,
            published,
            source: source.filter(|s| !s.is_empty()),
            byline,
            canonical,
        }
    }
}

fn gather(found: &mut Found, node: NodeRef<'_, Node>, el: &scraper::node::Element) {
    match el.name() {
        "meta" => {
            let key = el
                .attr("property")
                .or_else(|| el.attr("name"))
                .or_else(|| el.attr("itemprop"));
            if let (Some(k), Some(v)) = (key, el.attr("content")) {
                found
                    .metas
                    .push((k.trim().to_ascii_lowercase(), v.to_string()));
            }
        }
        "link" => {
            let canonical = el.attr("rel").is_some_and(|r| {
                r.split_whitespace()
                    .any(|t| t.eq_ignore_ascii_case("canonical"))
            });
            if canonical && found.canonical.is_none() {
                found.canonical = el.attr("href").map(|h| h.trim().to_string());
            }
        }
        "script" => {
            let ld = el
                .attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            if ld {
                let src = text_of(node);
                if let Ok(v) = serde_json::from_str::<Value>(src.trim()) {
                    found.json_ld.push(v);
                }
            }
        }
        "title" if found.title.is_none() => {
            let t = clean(&text_of(node));
            if !t.is_empty() {
                found.title = Some(t);
            }
        }
        "h1" if found.h1.is_none() => {
            let t = clean(&text_of(node));
            if !t.is_empty() {
                found.h1 = Some(t);
            }
        }
        "time" => {
            if let Some(v) = el.attr("datetime") {
                let marked = el.attr("pubdate").is_some()
                    || el
                        .attr("itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"));
                found.times.push((marked, v.to_string()));
            }
        }
        _ => {}
    }
    if el
        .attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
        && el.name() != "time"
        && el.name() != "meta"
        && let Some(v) = el.attr("content").or_else(|| el.attr("datetime"))
    {
        found.times.insert(0, (true, v.to_string()));
    }
    let author_rel = el.attr("rel").is_some_and(|r| {
        r.split_whitespace()
            .any(|t| t.eq_ignore_ascii_case("author"))
    });
    let author_prop = el
        .attr("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("author"));
    let byline_class = el.classes().any(|c| {
        let c = c.to_ascii_lowercase();
        c == "byline" || c == "author-name" || c == "byline__name"
    });
    if (author_rel || author_prop || byline_class) && found.authors.len() < 8 {
        let t = clean(&text_of(node));
        if !t.is_empty() && t.chars().count() <= BYLINE_MAX_CHARS {
            found.authors.push(t);
        }
    }
}

/// The facts JSON-LD gives, from the first object that has each.
#[derive(Default)]
struct LdFacts {
    published: Option<Date>,
    headline: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
}

impl LdFacts {
    fn of(values: &[Value]) -> Self {
        let mut facts = LdFacts::default();
        for v in values {
            facts.visit(v, 0);
        }
        facts
    }

    fn visit(&mut self, v: &Value, depth: usize) {
        if depth > JSON_DEPTH {
            return;
        }
        match v {
            Value::Array(list) => list.iter().for_each(|x| self.visit(x, depth + 1)),
            Value::Object(obj) => {
                if self.published.is_none()
                    && let Some(Value::String(s)) = obj.get("datePublished")
                {
                    self.published = parse_date(s);
                }
                if self.headline.is_none()
                    && let Some(Value::String(s)) = obj.get("headline")
                {
                    let s = clean(s);
                    if !s.is_empty() {
                        self.headline = Some(s);
                    }
                }
                if self.author.is_none()
                    && let Some(a) = obj.get("author")
                {
                    self.author = names(a);
                }
                if self.publisher.is_none()
                    && let Some(p) = obj.get("publisher")
                {
                    self.publisher = names(p);
                }
                if let Some(g) = obj.get("@graph") {
                    self.visit(g, depth + 1);
                }
                if let Some(m) = obj.get("mainEntity") {
                    self.visit(m, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// A name, or names joined with "and", from a JSON-LD person or organisation (or a list).
fn names(v: &Value) -> Option<String> {
    let one = |x: &Value| match x {
        Value::String(s) => Some(clean(s)),
        Value::Object(o) => match o.get("name") {
            Some(Value::String(s)) => Some(clean(s)),
            _ => None,
        },
        _ => None,
    };
    let list: Vec<String> = match v {
        Value::Array(items) => items.iter().take(8).filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    let list: Vec<String> = list
        .into_iter()
        .filter(|s| !s.is_empty() && !s.contains("://"))
        .collect();
    match list.len() {
        0 => None,
        1 => list.into_iter().next(),
        _ => {
            let (last, rest) = list.split_last()?;
            Some(format!("{} and {last}", rest.join(", ")))
        }
    }
}

/// A date at the start of a metadata value: ISO 8601 (`2025-02-18T09:00:00Z`), `2025/02/18`,
/// or a written date (`Tue, 18 Feb 2025 09:00:00 GMT`, `February 18, 2025`).
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some((d, _)) = dateline::parse_date_at(s) {
        return Some(d);
    }
    let b = s.as_bytes();
    if b.len() >= 10 && b[4] == b'/' && b[7] == b'/' {
        let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<i16>().ok());
        return Date::new(
            n(0..4)?,
            i8::try_from(n(5..7)?).ok()?,
            i8::try_from(n(8..10)?).ok()?,
        )
        .ok();
    }
    None
}

/// A date in a page's address: `/2025/02/18/` or `/2025-02-18`.
pub fn date_in_url(url: &str) -> Option<Date> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let parts: Vec<&str> = path.split('/').collect();
    for w in parts.windows(3) {
        let year = w[0]
            .parse::<i16>()
            .ok()
            .filter(|y| (1990..=2100).contains(y) && w[0].len() == 4);
        let month = w[1].parse::<i8>().ok().filter(|_| w[1].len() == 2);
        let day = w[2].get(..2).and_then(|d| d.parse::<i8>().ok());
        let day_ok = w[2].len() == 2 || w[2].as_bytes().get(2).is_some_and(|b| !b.is_ascii_digit());
        if let (Some(y), Some(m), Some(d), true) = (year, month, day, day_ok)
            && let Ok(date) = Date::new(y, m, d)
        {
            return Some(date);
        }
    }
    for part in parts {
        let b = part.as_bytes();
        for i in 0..b.len().saturating_sub(9) {
            let at_start = i == 0 || !b[i - 1].is_ascii_alphanumeric();
            let ends = b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
            if at_start
                && ends
                && let Some(seg) = part.get(i..i + 10)
                && let Some((d, 10)) = dateline::parse_date_at(seg)
                && (1990..=2100).contains(&d.year())
            {
                return Some(d);
            }
        }
    }
    None
}

/// `title` without a site's name before or after a separator (`Headline | Site`).
pub fn strip_site(title: &str, site: Option<&str>) -> String {
    const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » "];
    let title = clean(title);
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    for sep in SEPARATORS {
        let Some(i) = title.rfind(sep) else {
            continue;
        };
        let (head, tail) = (&title[..i], &title[i + sep.len()..]);
        let site_n = site.map(norm).unwrap_or_default();
        let tail_is_site = !site_n.is_empty()
            && (norm(tail) == site_n
                || norm(tail).contains(&site_n)
                || site_n.contains(&norm(tail)));
        let short_tail = tail.split_whitespace().count() <= 4 && head.len() > tail.len() * 2;
        if !head.trim().is_empty() && (tail_is_site || short_tail) {
            return head.trim().to_string();
        }
        if let Some(j) = title.find(sep) {
            let (first, rest) = (&title[..j], &title[j + sep.len()..]);
            if !site_n.is_empty() && norm(first) == site_n && !rest.trim().is_empty() {
                return rest.trim().to_string();
            }
        }
    }
    title
}

/// A byline without a leading "By".
fn strip_by(s: &str) -> String {
    let t = s.trim();
    for p in ["By ", "by ", "BY "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim().to_string();
        }
    }
    t.to_string()
}

/// An absolute address for `href`, against the page's own address when it is relative.
pub fn absolute(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(href.to_string());
    }
    if lower.contains(':') && !lower.starts_with('/') && lower.find(':') < lower.find('/') {
        // Another scheme (`javascript:`, `data:`): not an address to keep.
        return None;
    }
    let base = base?;
    let scheme_end = base.find("://")?;
    let scheme = &base[..scheme_end];
    let rest = &base[scheme_end + 3..];
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    if let Some(h) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{h}"));
    }
    if href.starts_with('/') {
        return Some(format!("{scheme}://{host}{href}"));
    }
    let path = base.split(['?', '#']).next().unwrap_or(base);
    let dir = match path.rfind('/') {
        Some(i) if i > scheme_end + 2 => &path[..=i],
        _ => return Some(format!("{scheme}://{host}/{href}")),
    };
    Some(format!("{dir}{href}"))
}

/// All the text below a node, as it is.
fn text_of(node: NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            s.push_str(t);
        }
    }
    s
}

/// Whitespace runs as one space, control characters dropped, ends trimmed.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !c.is_control() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}
