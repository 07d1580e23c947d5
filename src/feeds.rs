//! The `feeds` file in the config folder: the feeds `brief fetch` reads (feature `net`).
//!
//! One feed a line, in the syntax of newsboat's `urls` file, so that file can be copied as it
//! is: the URL, then optional quoted or bare words, `"~Name"` for the feed's name and any other
//! word a tag. Blank lines and lines starting with `#` are comments.
//!
//! ```text
//! # world news
//! https://example.org/world/rss.xml "~Example World" news world
//! https://example.net/atom.xml tech
//! ```

use std::io::Write as _;
use std::path::{Path, PathBuf};

/// One line of the feeds file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Feed {
    /// Where the feed is.
    pub url: String,
    /// A name given by the user (`"~Name"`).
    pub name: Option<String>,
    /// Tags given by the user.
    pub tags: Vec<String>,
}

impl Feed {
    /// The feed's line in the feeds file.
    pub fn line(&self) -> String {
        let mut line = self.url.clone();
        if let Some(n) = &self.name {
            line.push(' ');
            line.push_str(&quote(&format!("~{n}")));
        }
        // A word starting with `~` is a name: a tag cannot start with one.
        for t in self.tags.iter().map(|t| t.trim_start_matches('~')) {
            if !t.is_empty() {
                line.push(' ');
                line.push_str(&quote(t));
            }
        }
        line
    }
}

/// A word in double quotes, `"` and `\` escaped, when it needs them.
fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && !word.starts_with('~')
        && !word.starts_with('#')
        && !word
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == '\\' || c.is_control());
    if plain {
        return word.to_string();
    }
    let mut out = String::from("\"");
    for c in word.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // A name is one line: a control character in it would break the file.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The feeds file: `config/feeds`.
pub fn path() -> Option<PathBuf> {
    crate::paths::config_dir().map(|d| d.join("feeds"))
}

/// The feeds of a feeds file's text, in order, the first of duplicate URLs kept; problems are
/// one line each, with the line number.
pub fn parse(src: &str) -> (Vec<Feed>, Vec<String>) {
    let mut feeds: Vec<Feed> = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = match words(line) {
            Ok(w) => w.into_iter(),
            Err(e) => {
                problems.push(format!("line {n}: {e}"));
                continue;
            }
        };
        let Some(url) = words.next() else { continue };
        let mut feed = Feed {
            url,
            ..Feed::default()
        };
        for w in words {
            if let Some(name) = w.strip_prefix('~') {
                feed.name = Some(name.trim().to_string()).filter(|s| !s.is_empty());
            } else if !w.is_empty() && !feed.tags.contains(&w) {
                feed.tags.push(w);
            }
        }
        if feeds.iter().any(|f| same_url(&f.url, &feed.url)) {
            problems.push(format!("line {n}: {} is listed twice; ignored", feed.url));
            continue;
        }
        feeds.push(feed);
    }
    (feeds, problems)
}

/// The words of a line: bare, or in double quotes with `\"` and `\\` escapes.
fn words(line: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(&c) = chars.peek() else { break };
        if c == '#' {
            break; // A comment to the end of the line.
        }
        let mut word = String::new();
        if c == '"' {
            chars.next();
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '\\' => word.extend(chars.next()),
                    '"' => {
                        closed = true;
                        break;
                    }
                    c => word.push(c),
                }
            }
            if !closed {
                return Err(String::from("a quote is not closed"));
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                word.push(c);
            }
        }
        out.push(word);
    }
    Ok(out)
}

/// Whether two URLs name the same feed (a trailing slash or the case of the host aside).
pub fn same_url(a: &str, b: &str) -> bool {
    normal(a) == normal(b)
}

fn normal(u: &str) -> String {
    url::Url::parse(u.trim())
        .map(|mut p| {
            p.set_fragment(None);
            p.to_string()
        })
        .unwrap_or_else(|_| u.trim().to_string())
        .trim_end_matches('/')
        .to_string()
}

/// The feeds file read: its feeds (none when it does not exist) and its problems.
pub fn read(path: &Path) -> Result<(Vec<Feed>, Vec<String>), String> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(parse(&String::from_utf8_lossy(&bytes))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok((Vec::new(), Vec::new())),
        Err(e) => Err(format!(
            "{}: {}",
            path.display(),
            crate::load::io_problem(&e)
        )),
    }
}

/// Appends feeds to the file (created, with its folder, when missing); its other lines and
/// comments are kept as they are.
pub fn append(path: &Path, feeds: &[Feed]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let needs_newline = std::fs::read(path).is_ok_and(|b| b.last().is_some_and(|&c| c != b'\n'));
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    let mut text = String::new();
    if needs_newline {
        text.push('\n');
    }
    for feed in feeds {
        text.push_str(&feed.line());
        text.push('\n');
    }
    f.write_all(text.as_bytes())
}

/// `brief feeds add URL [--name N] [--tag T]...`: appends the feed; returns the exit status.
pub fn run_add(url: &str, name: Option<String>, tags: Vec<String>) -> u8 {
    use crate::safe::sanitize;
    let Some(path) = path() else {
        eprintln!("brief: error: no home folder, so no config folder for the feeds file");
        return 2;
    };
    let parsed = match crate::net::check_url(url) {
        Ok(u) => u,
        Err(e) => {
            eprintln!("brief: error: {}: {}", sanitize(url), sanitize(&e.message));
            return 2;
        }
    };
    let (feeds, _) = match read(&path) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("brief: error: {}", sanitize(&e));
            return 2;
        }
    };
    let url = parsed.to_string();
    if feeds.iter().any(|f| same_url(&f.url, &url)) {
        println!("already in {}: {}", path.display(), sanitize(&url));
        return 0;
    }
    let feed = Feed {
        url,
        name: name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty()),
        tags: tags
            .into_iter()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
    };
    match append(&path, std::slice::from_ref(&feed)) {
        Ok(()) => {
            println!("added to {}: {}", path.display(), sanitize(&feed.line()));
            0
        }
        Err(e) => {
            eprintln!(
                "brief: error: {}: {}",
                sanitize(&path.display().to_string()),
                crate::load::io_problem(&e)
            );
            2
        }
    }
}

/// `brief feeds list`: one feed a line, name, URL and tags; returns the exit status.
pub fn run_list() -> u8 {
    use crate::safe::sanitize;
    let Some(path) = path() else {
        eprintln!("brief: error: no home folder, so no config folder for the feeds file");
        return 2;
    };
    let Some(feeds) = read_reporting(&path) else {
        return 2;
    };
    if feeds.is_empty() {
        eprintln!(
            "no feeds in {}; add one with `brief feeds add URL`",
            sanitize(&path.display().to_string())
        );
        return 0;
    }
    let mut out = String::new();
    for f in &feeds {
        let name = f.name.as_deref().unwrap_or("-");
        out.push_str(&format!("{}\t{}", sanitize(name), sanitize(&f.url)));
        if !f.tags.is_empty() {
            out.push_str(&format!("\t{}", sanitize(&f.tags.join(", "))));
        }
        out.push('\n');
    }
    print!("{out}");
    0
}

/// `brief feeds import FILE.opml`: appends the feeds not there yet; returns the exit status.
pub fn run_import(file: &Path) -> u8 {
    use crate::safe::sanitize;
    let shown = sanitize(&file.display().to_string()).into_owned();
    let Some(path) = path() else {
        eprintln!("brief: error: no home folder, so no config folder for the feeds file");
        return 2;
    };
    const MAX_OPML: u64 = 16 * 1024 * 1024;
    let bytes = match std::fs::metadata(file) {
        Ok(m) if m.len() > MAX_OPML => {
            eprintln!("brief: error: {shown}: too large for an OPML file (over 16 MB)");
            return 2;
        }
        Ok(_) => std::fs::read(file),
        Err(e) => Err(e),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("brief: error: {shown}: {}", crate::load::io_problem(&e));
            return 2;
        }
    };
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes));
    let imported = match crate::opml::parse(&text) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("brief: error: {shown}: {}", sanitize(&e));
            return 2;
        }
    };
    let (mut known, _) = match read(&path) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("brief: error: {}", sanitize(&e));
            return 2;
        }
    };
    let (mut new, mut skipped) = (Vec::new(), Vec::new());
    for f in imported {
        if known.iter().any(|k| same_url(&k.url, &f.url)) {
            continue;
        }
        if let Err(e) = crate::net::check_url(&f.url) {
            skipped.push(format!("{}: {}", f.url, e.message));
            continue;
        }
        known.push(f.clone());
        new.push(f);
    }
    for s in &skipped {
        eprintln!("brief: warning: {shown}: skipped {}", sanitize(s));
    }
    if let Err(e) = append(&path, &new) {
        eprintln!(
            "brief: error: {}: {}",
            sanitize(&path.display().to_string()),
            crate::load::io_problem(&e)
        );
        return 2;
    }
    println!(
        "imported {} feed{} into {} ({} already there)",
        new.len(),
        if new.len() == 1 { "" } else { "s" },
        path.display(),
        known.len() - new.len()
    );
    0
}

/// `brief feeds export`: the feeds as OPML on standard output; returns the exit status.
pub fn run_export() -> u8 {
    use crate::safe::sanitize;
    use std::io::Write as _;
    let Some(path) = path() else {
        eprintln!("brief: error: no home folder, so no config folder for the feeds file");
        return 2;
    };
    let feeds = match read(&path) {
        Ok((f, _)) => f,
        Err(e) => {
            eprintln!("brief: error: {}", sanitize(&e));
            return 2;
        }
    };
    let doc = crate::opml::export(&feeds);
    match std::io::stdout().lock().write_all(doc.as_bytes()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("brief: cannot write the output: {e}");
            1
        }
    }
}

/// The feeds file read, its problems printed to stderr as warnings; `None` (with one error
/// line) when it cannot be read. Shared by `brief feeds list` and `brief fetch`.
pub(crate) fn read_reporting(path: &Path) -> Option<Vec<Feed>> {
    use crate::safe::sanitize;
    let (feeds, problems) = match read(path) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("brief: error: {}", sanitize(&e));
            return None;
        }
    };
    for p in &problems {
        eprintln!(
            "brief: warning: {}: {}",
            sanitize(&path.display().to_string()),
            sanitize(p)
        );
    }
    Some(feeds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newsboat_lines_parse_into_url_name_and_tags() {
        let src = "# comment\n\nhttps://a.example/rss \"~Daily Wire\" world \"long tag\"\n\
                   https://b.example/atom.xml\n  https://c.example/feed ~C # trailing\n";
        let (feeds, problems) = parse(src);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(feeds.len(), 3);
        assert_eq!(feeds[0].name.as_deref(), Some("Daily Wire"));
        assert_eq!(feeds[0].tags, ["world", "long tag"]);
        assert_eq!(feeds[1].name, None);
        assert_eq!(feeds[2].name.as_deref(), Some("C"));
    }

    #[test]
    fn lines_round_trip_with_quotes_and_escapes() {
        let feed = Feed {
            url: "https://a.example/rss?x=1".into(),
            name: Some("The \"Quoted\" \\ Name".into()),
            tags: vec!["plain".into(), "two words".into(), "~tilde".into()],
        };
        let (back, problems) = parse(&feed.line());
        assert!(problems.is_empty());
        let tags = vec!["plain".into(), "two words".into(), "tilde".into()];
        assert_eq!(back, vec![Feed { tags, ..feed }]);
    }

    #[test]
    fn duplicates_and_open_quotes_are_reported_by_line() {
        let (feeds, problems) = parse("https://a.example/\nhttps://A.example\nhttps://b \"~open\n");
        assert_eq!(feeds.len(), 1);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].starts_with("line 2:"));
        assert!(problems[1].starts_with("line 3:"));
    }
}
