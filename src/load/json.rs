//! JSON briefings, brief's own format (schema: `assets/briefing.schema.json`).
//!
//! A file holds one article object, or `{"articles": [ ... ]}` (a bare array of articles is
//! read too). An article has `text` (required, not blank) and optional `title`, `source`,
//! `published` (`YYYY-MM-DD`, or a timestamp starting with one), `url`, `byline`, `fetched` and
//! `feed` (written by `brief add` and `brief fetch`; the reader marks articles fetched since it
//! last listed the library as new, and one saved with no `source` shows its site's host), and
//! curated `actors` and `events`. Each
//! article is checked on its own: one with a missing `text` or a field of the wrong type is an
//! error and the others still load. An unknown field is a warning and is
//! ignored, so files carrying extra metadata (an author, tags) load. A curated entry that does
//! not fit the schema is dropped with a warning; the article loads.

use std::path::Path;

use serde_json::{Map, Value};

use crate::model::{Article, Curated, CuratedActor, CuratedEvent, DateOrigin};

use super::{LoadError, dateline, markdown::parse_meta_date, plain};

/// The fields an article may have (`$schema` lets an editor find the schema).
pub const ARTICLE_FIELDS: [&str; 12] = [
    "$schema",
    "title",
    "source",
    "published",
    "url",
    "byline",
    "fetched",
    "feed",
    "text",
    "markdown",
    "actors",
    "events",
];

/// The articles of a JSON briefing; per-article errors and warnings are pushed to `problems`.
/// Fails as a whole only when the file is not JSON or not shaped like a briefing.
pub fn parse(
    src: &str,
    path: &Path,
    problems: &mut Vec<LoadError>,
) -> Result<Vec<Article>, LoadError> {
    let root: Value = serde_json::from_str(src).map_err(|e| LoadError::error(path, syntax(&e)))?;
    let items: Vec<(String, &Value)> = match &root {
        Value::Object(obj) if obj.contains_key("articles") => {
            let Some(Value::Array(list)) = obj.get("articles") else {
                return Err(LoadError::error(
                    path,
                    format!(
                        "\"articles\" must be a list of articles, found {}",
                        kind(obj.get("articles"))
                    ),
                ));
            };
            for key in obj.keys().filter(|k| *k != "articles" && *k != "$schema") {
                problems.push(LoadError::warning(
                    path,
                    format!("unknown field \"{key}\" next to \"articles\"; ignored"),
                ));
            }
            numbered(list)
        }
        Value::Object(_) => vec![(String::new(), &root)],
        Value::Array(list) => numbered(list),
        other => {
            return Err(LoadError::error(
                path,
                format!(
                    "expected an article object or {{\"articles\": [...]}}, found {}",
                    kind(Some(other))
                ),
            ));
        }
    };
    if items.is_empty() {
        return Err(LoadError::error(path, "the briefing has no articles"));
    }
    let mut articles = Vec::with_capacity(items.len());
    for (at, value) in items {
        let Value::Object(obj) = value else {
            problems.push(LoadError::error(
                path,
                format!(
                    "{at}expected an article object, found {}",
                    kind(Some(value))
                ),
            ));
            continue;
        };
        match article(obj, &at, path, problems) {
            Ok(a) => articles.push(a),
            Err(e) => problems.push(e),
        }
    }
    Ok(articles)
}

/// "malformed JSON at line 3, column 5: expected `,` or `}`".
fn syntax(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let what = msg.strip_suffix(&suffix).unwrap_or(&msg);
    format!(
        "malformed JSON at line {}, column {}: {what}",
        e.line(),
        e.column()
    )
}

/// The entries of a list, each with where it is (`articles[2]: `).
fn numbered(list: &[Value]) -> Vec<(String, &Value)> {
    list.iter()
        .enumerate()
        .map(|(i, v)| (format!("articles[{i}]: "), v))
        .collect()
}

fn kind(v: Option<&Value>) -> &'static str {
    match v {
        None | Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "a boolean",
        Some(Value::Number(_)) => "a number",
        Some(Value::String(_)) => "a string",
        Some(Value::Array(_)) => "a list",
        Some(Value::Object(_)) => "an object",
    }
}

/// An optional string field: absent and `null` are `None`; another type is an error.
fn string_field<'a>(
    obj: &'a Map<String, Value>,
    key: &str,
    at: &str,
    path: &Path,
) -> Result<Option<&'a str>, LoadError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        other => Err(LoadError::error(
            path,
            format!("{at}\"{key}\" must be a string, found {}", kind(other)),
        )),
    }
}

fn article(
    obj: &Map<String, Value>,
    at: &str,
    path: &Path,
    problems: &mut Vec<LoadError>,
) -> Result<Article, LoadError> {
    let text = match obj.get("text") {
        None | Some(Value::Null) => {
            return Err(LoadError::error(
                path,
                format!("{at}missing the required field \"text\""),
            ));
        }
        Some(Value::String(s)) => s,
        other => {
            return Err(LoadError::error(
                path,
                format!("{at}\"text\" must be a string, found {}", kind(other)),
            ));
        }
    };
    if text.trim().is_empty() {
        return Err(LoadError::error(path, format!("{at}\"text\" is empty")));
    }
    let title = string_field(obj, "title", at, path)?;
    let source = string_field(obj, "source", at, path)?;
    let url = string_field(obj, "url", at, path)?;
    let byline = string_field(obj, "byline", at, path)?;
    let published = string_field(obj, "published", at, path)?;
    let fetched = fetched_field(obj, at, path, problems);
    let markup = match string_field(obj, "markdown", at, path)? {
        // Shown with its styles when it gives the text (`brief add` of a Markdown file).
        Some(md) => {
            let rendered = super::markdown::render(md);
            if rendered.text == *text {
                Some(rendered.markup)
            } else {
                problems.push(LoadError::warning(
                    path,
                    format!("{at}\"markdown\" does not give the text; shown plain"),
                ));
                None
            }
        }
        None => None,
    };
    // A saved article with no source shows the site it came from: the page's host, else the
    // feed's (a feed may be served from another host, a feed service's).
    let source = source.map(str::to_string).or_else(|| {
        fetched?;
        ["url", "feed"]
            .iter()
            .filter_map(|k| obj.get(*k).and_then(Value::as_str))
            .find_map(host)
    });
    for key in obj.keys().filter(|k| !ARTICLE_FIELDS.contains(&k.as_str())) {
        problems.push(LoadError::warning(
            path,
            format!("{at}unknown field \"{key}\"; ignored"),
        ));
    }
    let mut date = None;
    if let Some(p) = published {
        match parse_meta_date(p) {
            Some(d) => date = Some((d, DateOrigin::Metadata)),
            None => problems.push(LoadError::warning(
                path,
                format!("{at}\"published\" is '{p}', not a date (YYYY-MM-DD); ignored"),
            )),
        }
    }
    let date = date.or_else(|| dateline::find(text));
    let curated = Curated {
        actors: curated::<CuratedActor>(obj, "actors", at, path, problems),
        events: curated::<CuratedEvent>(obj, "events", at, path, problems),
    };
    Ok(Article {
        title: title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map_or_else(|| plain::title(text, Some(path)), str::to_string),
        source,
        published: date.map(|(d, _)| d),
        date_origin: date.map_or(DateOrigin::Unknown, |(_, o)| o),
        url: url.map(str::to_string),
        byline: byline.map(str::to_string),
        fetched,
        path: Some(path.to_path_buf()),
        text: text.clone(),
        curated,
        markup,
        ..Article::default()
    })
}

/// The host of an `http(s)` URL, without `www.`: `https://www.example.org:8080/a` gives
/// `example.org`. (No URL crate: loading works without the `net` feature.)
fn host(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = match host.rsplit_once(':') {
        Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
        _ => host,
    };
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

/// When `brief add` or `brief fetch` saved the article (`fetched`, RFC 3339); a value that is
/// not such a time is a warning and ignored (it only marks articles new in the reader).
fn fetched_field(
    obj: &Map<String, Value>,
    at: &str,
    path: &Path,
    problems: &mut Vec<LoadError>,
) -> Option<jiff::Timestamp> {
    let v = obj.get("fetched")?;
    let parsed = v
        .as_str()
        .and_then(|s| s.trim().parse::<jiff::Timestamp>().ok());
    if parsed.is_none() && !v.is_null() {
        problems.push(LoadError::warning(
            path,
            format!("{at}\"fetched\" is not a time (RFC 3339, as brief writes it); ignored"),
        ));
    }
    parsed
}

/// The curated entries of one list; an entry that does not fit is dropped with a warning.
fn curated<T: serde::de::DeserializeOwned>(
    obj: &Map<String, Value>,
    key: &str,
    at: &str,
    path: &Path,
    problems: &mut Vec<LoadError>,
) -> Vec<T> {
    let list = match obj.get(key) {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(list)) => list,
        other => {
            problems.push(LoadError::warning(
                path,
                format!(
                    "{at}\"{key}\" must be a list, found {}; ignored",
                    kind(other)
                ),
            ));
            return Vec::new();
        }
    };
    let mut out = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        match T::deserialize(v) {
            Ok(x) => out.push(x),
            Err(e) => problems.push(LoadError::warning(
                path,
                format!("{at}{key}[{i}]: {e}; ignored"),
            )),
        }
    }
    out
}
