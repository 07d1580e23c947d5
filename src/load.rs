//! Loading articles: plain text, Markdown, JSON briefings, directories and standard input.
//!
//! Every problem is one [`LoadError`] naming the file; a file with a problem never stops the
//! others from loading. Which loader reads a file is decided by its extension:
//!
//! | extension | loader |
//! |---|---|
//! | `.txt`, none | [`plain`]: the content unchanged, title from the first line or sentence |
//! | `.md`, `.markdown` | [`markdown`]: front matter, then the body |
//! | `.json` | [`json`]: a JSON briefing (`assets/briefing.schema.json`) |
//! | `.html`, `.htm` | [`html`]: a saved web page, read as the article it holds |
//!
//! Standard input (`-`) is sniffed instead: `<` first (after blanks and a byte-order mark) is
//! an HTML page, `{` first (or a `[` list that parses as JSON) is a JSON briefing, a `---` first
//! line is Markdown front matter, anything else plain text.

pub mod dateline;
pub mod html;
pub mod json;
pub mod markdown;
pub mod plain;

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::model::Article;

/// The bundled sample briefing, compiled into the binary.
pub const SAMPLE_JSON: &str = include_str!("../assets/briefings/riyadh-talks.json");

/// The extensions brief reads, for messages.
pub const SUPPORTED: &str = ".txt, .md, .markdown, .json, .html, .htm or no extension";

/// A file larger than this is refused: an article is text, and reading a disk image by mistake
/// should not take the memory of the machine. 128 MB leaves room for a 100 MB article, which
/// the reader opens in about 2 s and scrolls at once while the analysis (about 15 s of CPU and
/// 1.3 GB at its peak, release build) fills the panels in on its worker thread.
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;

/// Something wrong with one input; the others still load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file (or `-` for standard input).
    pub path: PathBuf,
    /// What is wrong, in one line.
    pub problem: String,
    /// Whether the file still loaded (lossily), or was skipped on purpose: a warning rather than
    /// an error.
    pub warning: bool,
}

impl LoadError {
    /// An error: the file (or one article of it) did not load.
    pub fn error(path: &Path, problem: impl Into<String>) -> Self {
        Self {
            path: path.to_path_buf(),
            problem: problem.into(),
            warning: false,
        }
    }

    /// A warning: the file loaded, or was skipped on purpose.
    pub fn warning(path: &Path, problem: impl Into<String>) -> Self {
        Self {
            warning: true,
            ..Self::error(path, problem)
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // File names and field names come from the user's files: an ESC or a newline in them
        // must neither drive the terminal nor break the one-line message.
        let level = if self.warning { "warning" } else { "error" };
        let problem = crate::safe::sanitize(&self.problem);
        if self.path == Path::new("-") {
            write!(f, "{level}: standard input: {problem}")
        } else {
            let path = self.path.display().to_string();
            write!(f, "{level}: {}: {problem}", crate::safe::sanitize(&path))
        }
    }
}

/// What loading some paths gave: the articles, and one line per problem.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Articles, in input order (a directory's files in sorted order).
    pub articles: Vec<Article>,
    /// Errors and warnings, in input order.
    pub problems: Vec<LoadError>,
}

impl Loaded {
    /// Whether any problem is an error (not only warnings).
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| !p.warning)
    }

    fn absorb(&mut self, result: Result<Vec<Article>, LoadError>) {
        match result {
            Ok(a) => self.articles.extend(a),
            Err(e) => self.problems.push(e),
        }
    }
}

/// The bundled sample as an article (its `path` is `None`: it lives in the binary).
pub fn sample() -> Article {
    let mut problems = Vec::new();
    // The sample is checked by the tests; should it ever break, the reader still opens.
    let mut article = json::parse(SAMPLE_JSON, Path::new("riyadh-talks.json"), &mut problems)
        .ok()
        .and_then(|mut a| a.pop())
        .unwrap_or_else(|| Article {
            title: String::from("Sample"),
            text: String::from("The bundled sample could not be read."),
            ..Article::default()
        });
    article.path = None;
    article
}

/// Loads every path (`-` is standard input), in order; a directory gives its supported files
/// (recursively, hidden ones left out) in sorted order.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    let mut loaded = Loaded::default();
    for path in paths {
        if path == Path::new("-") {
            let result = match read_bounded(io::stdin().lock(), path) {
                Ok(bytes) => load_stdin(&bytes, &mut loaded.problems),
                Err(e) => Err(e),
            };
            loaded.absorb(result);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => load_dir(path, &mut loaded),
            Ok(_) => {
                let result = load_one(path, &mut loaded.problems);
                loaded.absorb(result);
            }
            Err(e) => loaded.problems.push(LoadError::error(path, io_problem(&e))),
        }
    }
    loaded
}

/// Loads one file; its warnings are dropped (use [`load_paths`] to see them).
pub fn load_file(path: &Path) -> Result<Vec<Article>, LoadError> {
    let mut problems = Vec::new();
    let articles = load_one(path, &mut problems)?;
    match problems.into_iter().find(|p| !p.warning) {
        Some(e) if articles.is_empty() => Err(e),
        _ => Ok(articles),
    }
}

/// Loads one file from at most its first `max_bytes` bytes: enough for a title, a date line and
/// front matter, without reading a long text whole. A JSON briefing is always read whole (its
/// title may follow its text), and so is any file no longer than `max_bytes`, so for those the
/// articles are exactly what [`load_file`] gives. A cut inside a character is moved back to the
/// character's start.
pub fn load_head(path: &Path, max_bytes: usize) -> Result<Vec<Article>, LoadError> {
    use std::io::Read as _;
    let format = Format::of(path);
    let len = std::fs::metadata(path)
        .map_err(|e| LoadError::error(path, io_problem(&e)))?
        .len();
    // A web page's article may start anywhere in it: read whole too.
    let whole = matches!(format, Some(Format::Json | Format::Html) | None);
    if whole || len <= max_bytes as u64 {
        return load_file(path);
    }
    let file = std::fs::File::open(path).map_err(|e| LoadError::error(path, io_problem(&e)))?;
    let mut bytes = Vec::with_capacity(max_bytes);
    file.take(max_bytes as u64)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::error(path, io_problem(&e)))?;
    // A multi-byte character cut in two at the end is not an encoding error of the file.
    if let Err(e) = std::str::from_utf8(&bytes)
        && e.error_len().is_none()
    {
        bytes.truncate(e.valid_up_to());
    }
    let mut problems = Vec::new();
    let src = decode(&bytes, path, &mut problems)?;
    parse(src, format.unwrap_or(Format::Text), path, &mut problems)
}

/// The files a folder holds that brief reads, recursively, hidden ones left out, sorted: what
/// [`load_paths`] would load from it, without reading them. Unreadable folders and the files
/// brief does not read are reported in `problems`.
pub fn files_in(dir: &Path, problems: &mut Vec<LoadError>) -> Vec<PathBuf> {
    let mut walked = Walk::default();
    walk(dir, &mut walked, problems);
    walked.files.sort();
    if !walked.skipped.is_empty() {
        problems.push(LoadError::warning(dir, skipped_note(dir, &walked.skipped)));
    }
    walked.files
}

/// Which loader reads a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown with optional front matter.
    Markdown,
    /// A JSON briefing.
    Json,
    /// A saved web page.
    Html,
}

impl Format {
    /// The format for a file name, or `None` when brief does not read it.
    pub fn of(path: &Path) -> Option<Format> {
        let Some(ext) = path.extension() else {
            return Some(Format::Text);
        };
        match ext.to_string_lossy().to_ascii_lowercase().as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Reads, decodes and parses one file.
fn load_one(path: &Path, problems: &mut Vec<LoadError>) -> Result<Vec<Article>, LoadError> {
    let Some(format) = Format::of(path) else {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Err(LoadError::error(
            path,
            format!("unsupported file type '.{ext}' (brief reads {SUPPORTED})"),
        ));
    };
    let bytes = read(path)?;
    if format == Format::Html {
        return html_article(&bytes, Some(path)).map(|a| vec![a]);
    }
    let src = decode(&bytes, path, problems)?;
    parse(src, format, path, problems)
}

/// The article of a web page's bytes (its character set found in the page).
fn html_article(bytes: &[u8], path: Option<&Path>) -> Result<Article, LoadError> {
    let shown = path.unwrap_or(Path::new("-"));
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(LoadError::error(
            shown,
            if bytes.is_empty() {
                "empty file"
            } else {
                "only whitespace, no text"
            },
        ));
    }
    let mut article =
        html::article_from_html(bytes, None, None).map_err(|e| LoadError::error(shown, e))?;
    article.path = path.map(Path::to_path_buf);
    Ok(article)
}

/// Whether bytes start like an HTML page: `<` after blanks and a byte-order mark (UTF-8 or
/// UTF-16).
fn starts_like_html(bytes: &[u8]) -> bool {
    if let Some(text) = utf16(bytes.get(..bytes.len().min(4096)).unwrap_or(bytes)) {
        return html::looks_like_html(&text);
    }
    let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    rest.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

fn parse(
    src: String,
    format: Format,
    path: &Path,
    problems: &mut Vec<LoadError>,
) -> Result<Vec<Article>, LoadError> {
    match format {
        Format::Text => Ok(vec![plain::parse(src, Some(path))]),
        Format::Markdown => markdown::parse(&src, path, problems).map(|a| vec![a]),
        Format::Json => json::parse(&src, path, problems),
        Format::Html => html::article_from_str(&src, None)
            .map(|mut a| {
                a.path = Some(path.to_path_buf());
                vec![a]
            })
            .map_err(|e| LoadError::error(path, e)),
    }
}

/// One article from standard input (`path` is `None`), its format sniffed from its first bytes.
pub fn load_stdin(bytes: &[u8], problems: &mut Vec<LoadError>) -> Result<Vec<Article>, LoadError> {
    let dash = Path::new("-");
    if bytes.is_empty() {
        // Not a file: "empty file" would send the user looking for one.
        return Err(LoadError::error(dash, "empty, no text given"));
    }
    if starts_like_html(bytes) {
        return html_article(bytes, None).map(|a| vec![a]);
    }
    let src = decode(bytes, dash, problems)?;
    let head = src.trim_start();
    // "[Updated] Talks resume" is text; a list is JSON only when it parses as JSON.
    let json_list = || serde_json::from_str::<serde::de::IgnoredAny>(&src).is_ok();
    let format = if head.starts_with('{') || (head.starts_with('[') && json_list()) {
        Format::Json
    } else if src.starts_with("---\n") || src.starts_with("---\r\n") {
        Format::Markdown
    } else {
        Format::Text
    };
    let mut articles = parse(src, format, dash, problems)?;
    for a in &mut articles {
        a.path = None;
    }
    Ok(articles)
}

fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| LoadError::error(path, io_problem(&e)))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(path, meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| LoadError::error(path, io_problem(&e)))?;
    // The size said is not always the size read (`/dev/zero`, a file still growing): the read
    // itself stops at the limit.
    read_bounded(file, path)
}

/// Everything `r` gives, up to [`MAX_FILE_BYTES`]; more is refused rather than held in memory.
fn read_bounded(r: impl Read, path: &Path) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    r.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::error(path, io_problem(&e)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(path: &Path, len: u64) -> LoadError {
    let mb = |n: u64| n / (1024 * 1024);
    let size = if len > MAX_FILE_BYTES && mb(len) == mb(MAX_FILE_BYTES) {
        format!("over {}", mb(MAX_FILE_BYTES))
    } else {
        mb(len).to_string()
    };
    LoadError::error(
        path,
        format!(
            "too large ({size} MB; brief reads files up to {} MB)",
            mb(MAX_FILE_BYTES)
        ),
    )
}

/// Bytes to text: a byte-order mark dropped, UTF-16 with a BOM decoded, invalid UTF-8 replaced
/// with a warning; empty, blank and binary files refused.
pub fn decode(
    bytes: &[u8],
    path: &Path,
    problems: &mut Vec<LoadError>,
) -> Result<String, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::error(path, "empty file"));
    }
    let text = if let Some(utf16) = utf16(bytes) {
        utf16
    } else if bytes.contains(&0) {
        return Err(LoadError::error(
            path,
            "binary file (it contains NUL bytes), not an article",
        ));
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(e) => {
                problems.push(LoadError::warning(
                    path,
                    format!(
                        "not valid UTF-8 (first bad byte at offset {}); loaded with the bad bytes replaced by U+FFFD",
                        e.valid_up_to()
                    ),
                ));
                String::from_utf8_lossy(bytes).into_owned()
            }
        }
    };
    if text.trim().is_empty() {
        return Err(LoadError::error(path, "only whitespace, no text"));
    }
    Ok(text)
}

/// UTF-16 text with a byte-order mark (Windows tools write it), decoded; its BOM dropped.
fn utf16(bytes: &[u8]) -> Option<String> {
    let (le, rest) = if let Some(r) = bytes.strip_prefix(b"\xFF\xFE") {
        (true, r)
    } else if let Some(r) = bytes.strip_prefix(b"\xFE\xFF") {
        (false, r)
    } else {
        return None;
    };
    let units = rest.chunks_exact(2).map(|c| {
        let pair = [c[0], c[1]];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{FFFD}'))
            .collect(),
    )
}

/// One line for an I/O error, without the OS's error number.
pub fn io_problem(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => String::from("no such file or folder"),
        io::ErrorKind::PermissionDenied => String::from("cannot read it: permission denied"),
        io::ErrorKind::IsADirectory => String::from("is a folder"),
        io::ErrorKind::InvalidData => String::from("cannot read it: not text"),
        _ => {
            let msg = e.to_string();
            let msg = msg.split(" (os error").next().unwrap_or(&msg);
            format!("cannot read it: {}", msg.to_lowercase())
        }
    }
}

/// Every supported file below `dir`, sorted, loaded in that order. The files brief does not
/// read are named in one note for the folder, so a folder of pictures does not flood the screen.
fn load_dir(dir: &Path, loaded: &mut Loaded) {
    let mut walked = Walk::default();
    walk(dir, &mut walked, &mut loaded.problems);
    walked.files.sort();
    let before = loaded.articles.len();
    let errors_before = loaded.problems.iter().filter(|p| !p.warning).count();
    for f in walked.files {
        let result = load_one(&f, &mut loaded.problems);
        loaded.absorb(result);
    }
    let errors_after = loaded.problems.iter().filter(|p| !p.warning).count();
    if loaded.articles.len() == before && errors_after == errors_before {
        let problem = if walked.skipped.is_empty() {
            format!("no articles in this folder (brief reads {SUPPORTED})")
        } else {
            format!(
                "no articles in this folder: {}",
                skipped_note(dir, &walked.skipped)
            )
        };
        loaded.problems.push(LoadError::error(dir, problem));
    } else if !walked.skipped.is_empty() {
        loaded
            .problems
            .push(LoadError::warning(dir, skipped_note(dir, &walked.skipped)));
    }
}

/// How many files were skipped, and the first few names (relative to the folder).
fn skipped_note(dir: &Path, skipped: &[PathBuf]) -> String {
    const NAMED: usize = 3;
    let names: Vec<String> = skipped
        .iter()
        .take(NAMED)
        .map(|p| p.strip_prefix(dir).unwrap_or(p).display().to_string())
        .collect();
    let more = skipped.len().saturating_sub(NAMED);
    let files = if skipped.len() == 1 { "file" } else { "files" };
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!(
        "skipped {} {files} brief does not read ({}{tail}); it reads {SUPPORTED}",
        skipped.len(),
        names.join(", ")
    )
}

/// What a walk through a folder found.
#[derive(Default)]
struct Walk {
    files: Vec<PathBuf>,
    skipped: Vec<PathBuf>,
    /// Folders already walked (canonical paths): a symbolic link back up the tree would make
    /// the walk endless.
    seen: std::collections::HashSet<PathBuf>,
}

/// Depth first, each folder's entries in sorted order; a stack of folders rather than recursion,
/// so a tree as deep as paths allow cannot overflow the stack of the thread that loads.
fn walk(dir: &Path, found: &mut Walk, problems: &mut Vec<LoadError>) {
    let mut open: Vec<Open> = Vec::new();
    open.extend(enter(dir, dir.canonicalize().ok(), found, problems));
    while let Some((canonical, entries)) = open.last_mut() {
        let Some((path, kind)) = entries.next() else {
            open.pop();
            continue;
        };
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        // (is a folder, is a regular file, is a link). The entry's type comes with the folder
        // listing on most systems: no `stat` per file, which is most of the time a folder of
        // 10,000 articles takes to list. Links and unknown types are followed with `metadata`.
        let kind = match kind {
            Some(k) if k.is_file() => Ok((false, true, false)),
            Some(k) if k.is_dir() => Ok((true, false, false)),
            k => std::fs::metadata(&path)
                .map(|m| (m.is_dir(), m.is_file(), k.is_none_or(|k| k.is_symlink()))),
        };
        match kind {
            Ok((true, _, link)) => {
                // Canonicalising costs a call per component of the path: only a link needs it.
                let canonical = match (&canonical, path.file_name()) {
                    (Some(parent), Some(name)) if !link => Some(parent.join(name)),
                    _ => path.canonicalize().ok(),
                };
                open.extend(enter(&path, canonical, found, problems));
            }
            // A named pipe or a device in a folder would block the read or never end.
            Ok((false, true, _)) if Format::of(&path).is_some() => found.files.push(path),
            Ok(_) => found.skipped.push(path),
            Err(e) => problems.push(LoadError::error(&path, io_problem(&e))),
        }
    }
}

/// A folder being walked: its canonical path (if known) and the entries still to visit, each
/// with its type from the listing when the system gives it.
type Open = (
    Option<PathBuf>,
    std::vec::IntoIter<(PathBuf, Option<std::fs::FileType>)>,
);

/// A folder's entries, sorted, with its canonical path; `None` when it was walked already or
/// cannot be listed.
fn enter(
    dir: &Path,
    canonical: Option<PathBuf>,
    found: &mut Walk,
    problems: &mut Vec<LoadError>,
) -> Option<Open> {
    if let Some(c) = &canonical
        && !found.seen.insert(c.clone())
    {
        return None;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(LoadError::error(dir, io_problem(&e)));
            return None;
        }
    };
    let mut entries: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| (e.path(), e.file_type().ok()))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Some((canonical, entries.into_iter()))
}
