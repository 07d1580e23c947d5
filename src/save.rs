//! Articles saved into the library as JSON briefings (feature `net`), never overwriting.
//!
//! A saved article's file name ends in 12 hex digits, a hash of its key (its URL, normalised:
//! fragment and `utm_*` parameters dropped), so finding whether a URL is in the library is a
//! walk over file names, not a read of every file: `talks-resume-4f1c2a9b0d3e.json`. The file
//! is the truth; nothing else records what the library holds.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

/// A briefing as brief writes it (`assets/briefing.schema.json`).
#[derive(Debug, Serialize)]
pub struct Briefing<'a> {
    /// The headline.
    pub title: &'a str,
    /// The feed or site.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    /// When it was published (RFC 3339, or YYYY-MM-DD).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<&'a str>,
    /// Where it lives on the web.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// Who wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<&'a str>,
    /// When brief fetched it (RFC 3339, UTC).
    pub fetched: &'a str,
    /// The feed it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feed: Option<&'a str>,
    /// The article's text.
    pub text: &'a str,
    /// The Markdown `text` was made from, when it was a Markdown file (`brief add`): the
    /// reader shows the text with its styles again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markdown: Option<&'a str>,
}

/// The current time, RFC 3339 in UTC to the second.
pub fn now() -> String {
    let t = jiff::Timestamp::now();
    jiff::Timestamp::from_second(t.as_second()).map_or_else(|_| t.to_string(), |t| t.to_string())
}

/// A URL as a key: parsed, fragment and `utm_*` tracking parameters dropped; anything that
/// does not parse is its trimmed self.
pub fn url_key(url: &str) -> String {
    let Ok(mut u) = url::Url::parse(url.trim()) else {
        return url.trim().to_string();
    };
    u.set_fragment(None);
    if u.query().is_some() {
        let kept: Vec<(String, String)> = u
            .query_pairs()
            .filter(|(k, _)| !k.starts_with("utm_"))
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            u.set_query(None);
        } else {
            u.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    u.to_string()
}

/// 12 hex digits of a 64-bit FNV-1a hash of `key`: stable across versions and machines.
pub fn hash(key: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:012x}", h >> 16)
}

/// A name for a file or folder: lowercase ASCII letters and digits, words joined by `-`, at
/// most `max` bytes; `fallback` when nothing is left.
pub fn slug(s: &str, max: usize, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
            if out.len() >= max {
                break;
            }
        } else if c != '\'' && c != '\u{2019}' {
            dash = true;
        }
    }
    out.truncate(max);
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// The saved articles of a library by hash (see the module's documentation).
#[derive(Debug, Default)]
pub struct Index {
    by_hash: HashMap<String, Vec<PathBuf>>,
}

impl Index {
    /// Walks the library's folders for saved articles' names.
    pub fn scan(library: &Path) -> Self {
        let mut index = Self::default();
        let mut open = vec![library.to_path_buf()];
        let mut seen = std::collections::HashSet::new();
        while let Some(dir) = open.pop() {
            if !dir.canonicalize().is_ok_and(|c| seen.insert(c)) {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for e in entries.filter_map(Result::ok) {
                let path = e.path();
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                if e.file_type().is_ok_and(|t| t.is_dir()) {
                    open.push(path);
                } else if let Some(h) = hash_of_name(&name) {
                    index.by_hash.entry(h).or_default().push(path);
                }
            }
        }
        index
    }

    /// The file holding the article with this key, if any: same hash, and the file's `url`
    /// is the key (or cannot be read: then it counts, so that nothing is overwritten).
    pub fn find(&self, key: &str) -> Option<PathBuf> {
        let candidates = self.by_hash.get(&hash(key))?;
        candidates
            .iter()
            .find(|p| match url_in(p) {
                Some(u) => url_key(&u) == key,
                None => true,
            })
            .cloned()
    }

    fn add(&mut self, key: &str, path: PathBuf) {
        self.by_hash.entry(hash(key)).or_default().push(path);
    }

    /// Saves a briefing under `dir` as `SLUG-HASH.json` (another number appended should that
    /// name be taken by a different article), never replacing a file; returns its path.
    pub fn save(
        &mut self,
        dir: &Path,
        slug: &str,
        key: &str,
        briefing: &Briefing<'_>,
    ) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(dir)?;
        let json = to_json(briefing)?;
        let h = hash(key);
        for n in 1..1000 {
            let name = if n == 1 {
                format!("{slug}-{h}.json")
            } else {
                format!("{slug}-{h}-{n}.json")
            };
            let to = dir.join(name);
            match write_new(&to, &json) {
                Ok(()) => {
                    self.add(key, to.clone());
                    return Ok(to);
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("no free file name"))
    }
}

/// Replaces a saved article in place (`--refresh`): written beside it, then renamed over it.
pub fn replace(path: &Path, briefing: &Briefing<'_>) -> std::io::Result<()> {
    let json = to_json(briefing)?;
    let tmp = temp_beside(path);
    std::fs::write(&tmp, json)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

fn to_json(briefing: &Briefing<'_>) -> std::io::Result<Vec<u8>> {
    let mut json = serde_json::to_vec_pretty(briefing).map_err(std::io::Error::other)?;
    json.push(b'\n');
    Ok(json)
}

fn temp_beside(path: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

/// Writes a file that must not exist yet, whole or not at all: the bytes go to a hidden
/// temporary file, which is then linked to its name (a link fails when the name is taken).
fn write_new(to: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = temp_beside(to);
    let result = (|| {
        let mut f = std::fs::File::create_new(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        match std::fs::hard_link(&tmp, to) {
            Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                // A file system without hard links: a fresh file, created only if absent.
                let mut f = std::fs::File::create_new(to)?;
                f.write_all(bytes)
            }
            other => other,
        }
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

/// The hash in a saved article's file name (`...-HASH.json` or `...-HASH-N.json`).
fn hash_of_name(name: &str) -> Option<String> {
    let stem = name.strip_suffix(".json")?;
    let mut parts = stem.rsplit('-');
    let last = parts.next()?;
    let h = if last.len() != 12 && last.bytes().all(|b| b.is_ascii_digit()) {
        parts.next()?
    } else {
        last
    };
    (h.len() == 12
        && h.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()))
    .then(|| h.to_string())
}

/// The `url` field of a saved briefing.
fn url_in(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    v.get("url")?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_keys_drop_fragments_and_tracking() {
        assert_eq!(
            url_key("https://Example.org/a?utm_source=x&id=3#top"),
            "https://example.org/a?id=3"
        );
        assert_eq!(
            url_key("https://example.org/a?utm_medium=rss"),
            "https://example.org/a"
        );
    }

    #[test]
    fn slugs_are_short_ascii() {
        assert_eq!(
            slug("Talks resume in Geneva — day 2!", 60, "x"),
            "talks-resume-in-geneva-day-2"
        );
        assert_eq!(slug("It's fine", 60, "x"), "its-fine");
        assert_eq!(slug("¿¡", 60, "article"), "article");
        assert!(slug(&"word ".repeat(40), 30, "x").len() <= 30);
    }

    #[test]
    fn names_carry_their_hash() {
        let h = hash("https://example.org/a");
        assert_eq!(h.len(), 12);
        assert_eq!(hash_of_name(&format!("a-b-{h}.json")), Some(h.clone()));
        assert_eq!(hash_of_name(&format!("a-{h}-2.json")), Some(h));
        assert_eq!(hash_of_name("notes.json"), None);
    }

    #[test]
    fn saving_never_overwrites_and_finds_the_url_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut index = Index::scan(dir.path());
        let key = url_key("https://example.org/story");
        let b = Briefing {
            title: "A story",
            source: None,
            published: None,
            url: Some(&key),
            byline: None,
            fetched: "2026-01-01T00:00:00Z",
            feed: None,
            text: "Text.",
            markdown: None,
        };
        let p = index.save(dir.path(), "a-story", &key, &b).unwrap();
        assert_eq!(index.find(&key), Some(p.clone()));
        let again = Index::scan(dir.path());
        assert_eq!(again.find(&key), Some(p.clone()));
        // The same name taken by another URL's file: a new name, the old file untouched.
        let before = std::fs::read(&p).unwrap();
        let other = Briefing {
            url: Some("https://example.org/other"),
            ..b
        };
        let q = index.save(dir.path(), "a-story", &key, &other).unwrap();
        assert_ne!(p, q);
        assert_eq!(std::fs::read(&p).unwrap(), before);
    }
}
