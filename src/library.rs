//! A library that opens at once: the list of articles (title, date, source, size) without their
//! texts, which are loaded on demand.
//!
//! The list reads at most the first [`HEAD_BYTES`] of each file (a title, a date line, front
//! matter), and keeps what it read in a title cache (`titles.json` in
//! [`crate::paths::cache_dir`]) keyed by path, size, modification time and build of brief, so a
//! second scan of an unchanged folder reads no article at all, only the folder's metadata. Files
//! are read on every core.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::cache::{Stamp, write_atomic};
use crate::load::{self, LoadError};
use crate::model::{Article, DateOrigin};
use crate::parallel;

/// How much of a file the list reads: articles are a few kilobytes, so this is usually the
/// whole file; a book-length text costs no more than a short one.
pub const HEAD_BYTES: usize = 16 * 1024;

/// Bumped whenever the loaders may give another title or date for the same file, so that the
/// title cache is not reused across such changes.
pub const INDEX_VERSION: u32 = 2;

/// One article in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    /// The file it is read from.
    pub path: PathBuf,
    /// Which article of that file (a JSON briefing may hold several): 0 for most.
    pub index: usize,
    /// Its headline.
    pub title: String,
    /// Its publication date, when known.
    pub published: Option<Date>,
    /// Where that date came from.
    pub date_origin: DateOrigin,
    /// Its publication, when known.
    pub source: Option<String>,
    /// When `brief add` or `brief fetch` saved it, when known.
    #[serde(default)]
    pub fetched: Option<jiff::Timestamp>,
    /// The file's size and modification time when the entry was made.
    pub stamp: Stamp,
}

/// The list of a library's articles, in the order [`load::load_paths`] would give them.
#[derive(Debug, Clone, Default)]
pub struct Library {
    entries: Vec<Listing>,
}

/// What the title cache holds for one file.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Cached {
    stamp: Stamp,
    entries: Vec<Listing>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct TitleCache {
    version: u32,
    /// The build that wrote it ([`crate::cache::build_id`]): loaders change between builds.
    #[serde(default)]
    build: String,
    files: HashMap<PathBuf, Cached>,
}

/// How a scan went, for measuring.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanStats {
    /// Files listed.
    pub files: usize,
    /// Files whose entries came from the title cache.
    pub cached: usize,
}

impl Library {
    /// Lists the articles under `paths` (files and folders; `-` is left to the caller, since
    /// standard input cannot be read lazily), using the title cache in the user's cache folder.
    pub fn scan(paths: &[PathBuf]) -> (Library, Vec<LoadError>) {
        let cache = crate::paths::cache_dir().map(|d| d.join("titles.json"));
        let (library, problems, _) = Library::scan_with(paths, cache.as_deref());
        (library, problems)
    }

    /// [`Library::scan`] with the title cache in a given file (`None`: no title cache), and
    /// how many files came from it.
    pub fn scan_with(
        paths: &[PathBuf],
        title_cache: Option<&Path>,
    ) -> (Library, Vec<LoadError>, ScanStats) {
        let (files, mut problems) = list_files(paths);
        let mut cache = title_cache.map(read_cache).unwrap_or_default();
        let cwd = std::env::current_dir().unwrap_or_default();
        // First the file's stamps and the title cache (entries moved out of it, not copied),
        // then the files it does not know read on every core.
        enum Found {
            Known(Vec<Listing>),
            Unknown(PathBuf, Stamp),
            Failed(LoadError),
        }
        let mut found = Vec::with_capacity(files.len());
        let mut stats = ScanStats {
            files: files.len(),
            cached: 0,
        };
        for path in files {
            let key = cwd.join(&path);
            let stamp = match std::fs::metadata(&path) {
                Ok(m) => Stamp::from_meta(&m),
                Err(e) => {
                    found.push((
                        key,
                        Found::Failed(LoadError::error(&path, load::io_problem(&e))),
                    ));
                    continue;
                }
            };
            match cache.files.remove(&key) {
                Some(c) if c.stamp == stamp && c.entries.iter().all(|e| e.path == path) => {
                    stats.cached += 1;
                    found.push((key, Found::Known(c.entries)));
                }
                _ => found.push((key, Found::Unknown(path, stamp))),
            }
        }
        let unknown: Vec<(PathBuf, Stamp)> = found
            .iter()
            .filter_map(|(_, f)| match f {
                Found::Unknown(p, s) => Some((p.clone(), *s)),
                _ => None,
            })
            .collect();
        let mut read = parallel::map_in_order(&unknown, parallel::threads(), |(path, stamp)| {
            let articles = load::load_head(path, HEAD_BYTES)?;
            Ok::<_, LoadError>(
                articles
                    .into_iter()
                    .enumerate()
                    .map(|(index, a)| Listing {
                        path: path.clone(),
                        index,
                        title: a.title,
                        published: a.published,
                        date_origin: a.date_origin,
                        source: a.source,
                        fetched: a.fetched,
                        stamp: *stamp,
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .into_iter();
        let changed = !unknown.is_empty();
        let mut entries = Vec::with_capacity(found.len());
        let mut files_seen = Vec::with_capacity(found.len());
        for (key, f) in found {
            let mut stamp = None;
            let list = match f {
                Found::Known(list) => list,
                Found::Unknown(_, s) => match read.next() {
                    Some(Ok(list)) => {
                        stamp = Some(s);
                        list
                    }
                    Some(Err(e)) => {
                        problems.push(e);
                        continue;
                    }
                    None => continue,
                },
                Found::Failed(e) => {
                    problems.push(e);
                    continue;
                }
            };
            let stamp = stamp.or_else(|| list.first().map(|e| e.stamp));
            files_seen.push((key, stamp, entries.len(), list.len()));
            entries.extend(list);
        }
        if changed && let Some(file) = title_cache {
            // Files of other libraries stay in the cache; this library's are written afresh.
            for (key, stamp, at, n) in files_seen {
                if let Some(stamp) = stamp {
                    let list = entries[at..at + n].to_vec();
                    cache.files.insert(
                        key,
                        Cached {
                            stamp,
                            entries: list,
                        },
                    );
                }
            }
            cache.version = INDEX_VERSION;
            cache.build = crate::cache::build_id().to_string();
            if let Ok(json) = serde_json::to_vec(&cache) {
                if let Some(dir) = file.parent() {
                    let _ = std::fs::create_dir_all(dir);
                }
                let _ = write_atomic(file, &json);
            }
        }
        (Library { entries }, problems, stats)
    }

    /// A list to show while [`Library::scan`] runs: one entry per file (a JSON briefing's
    /// other articles appear when the scan is done), titled with the file's name, no date.
    /// Only the folders are read, so a library of any size lists at once.
    pub fn placeholders(paths: &[PathBuf]) -> (Library, Vec<LoadError>) {
        let (files, problems) = list_files(paths);
        let entries = files
            .into_iter()
            .map(|path| Listing {
                title: path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.display().to_string()),
                path,
                index: 0,
                published: None,
                date_origin: DateOrigin::default(),
                source: None,
                fetched: None,
                stamp: Stamp {
                    size: 0,
                    mtime_ns: 0,
                },
            })
            .collect();
        (Library { entries }, problems)
    }

    /// [`Library::scan`] on another thread: the result comes through the channel (which
    /// disconnects without one if the thread cannot start or fails).
    pub fn scan_in_background(paths: Vec<PathBuf>) -> Receiver<(Library, Vec<LoadError>)> {
        let (tx, rx) = mpsc::channel();
        let _ = std::thread::Builder::new()
            .name("brief-scan".into())
            .spawn(move || {
                let _ = tx.send(Library::scan(&paths));
            });
        rx
    }

    /// The articles, in order.
    pub fn entries(&self) -> &[Listing] {
        &self.entries
    }

    /// How many articles.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it has no article.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Loads article `i` in full (its text read now). An error when it is out of range, or its
    /// file is gone, unreadable, or no longer holds that article.
    pub fn load(&self, i: usize) -> Result<Article, LoadError> {
        let Some(e) = self.entries.get(i) else {
            return Err(LoadError::error(
                Path::new("-"),
                format!("no article {i} in a library of {}", self.entries.len()),
            ));
        };
        let mut articles = load::load_file(&e.path)?;
        if e.index < articles.len() {
            Ok(articles.swap_remove(e.index))
        } else {
            Err(LoadError::error(
                &e.path,
                "the file changed: it no longer holds this article",
            ))
        }
    }
}

/// The files under `paths` in [`load::load_paths`]'s order, and the problems met listing them
/// (folder metadata only: no file is read).
fn list_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        if path == Path::new("-") {
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => {
                let found = load::files_in(path, &mut problems);
                if found.is_empty() {
                    problems.push(LoadError::error(
                        path,
                        format!(
                            "no articles in this folder (brief reads {})",
                            load::SUPPORTED
                        ),
                    ));
                }
                files.extend(found);
            }
            Ok(_) => files.push(path.clone()),
            Err(e) => problems.push(LoadError::error(path, load::io_problem(&e))),
        }
    }
    (files, problems)
}

/// The title cache, or an empty one when it is missing, corrupt or of another version.
fn read_cache(file: &Path) -> TitleCache {
    std::fs::read(file)
        .ok()
        .and_then(|b| serde_json::from_slice::<TitleCache>(&b).ok())
        .filter(|c| c.version == INDEX_VERSION && c.build == crate::cache::build_id())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        std::fs::create_dir(d.join("sub")).unwrap();
        std::fs::write(
            d.join("b.md"),
            "---\ntitle: Front matter title\ndate: 2025-02-18\nsource: Wire\n---\nLeaders met in Geneva.",
        )
        .unwrap();
        std::fs::write(
            d.join("sub/a.txt"),
            "Ceasefire holds\n\nThe truce held on Monday.",
        )
        .unwrap();
        let long = format!(
            "Long read\n\n{}",
            "Delegates talked for hours. ".repeat(2000)
        );
        std::fs::write(d.join("c.txt"), long).unwrap();
        std::fs::write(
            d.join("d.json"),
            r#"[{"title": "One", "text": "First text."}, {"title": "Two", "text": "Second text."}]"#,
        )
        .unwrap();
        std::fs::write(d.join("e.png"), [0x89, b'P', b'N', b'G']).unwrap();
        tmp
    }

    #[test]
    fn the_list_matches_what_loading_gives_and_loads_on_demand() {
        let tmp = folder();
        let paths = [tmp.path().to_path_buf()];
        let (lib, problems, stats) = Library::scan_with(&paths, None);
        let loaded = load::load_paths(&paths);
        assert_eq!(lib.len(), loaded.articles.len());
        assert_eq!(
            stats,
            ScanStats {
                files: 4,
                cached: 0
            }
        );
        assert!(
            problems
                .iter()
                .any(|p| p.warning && p.problem.contains("e.png"))
        );
        for (i, (e, a)) in lib.entries().iter().zip(&loaded.articles).enumerate() {
            assert_eq!(Some(&e.path), a.path.as_ref());
            assert_eq!(
                (&e.title, e.published, &e.source),
                (&a.title, a.published, &a.source)
            );
            assert_eq!(lib.load(i).unwrap(), *a);
        }
        assert!(lib.load(lib.len()).is_err());
    }

    #[test]
    fn a_second_scan_reads_titles_from_the_cache_until_a_file_changes() {
        let tmp = folder();
        let cache = tmp.path().join("cache/titles.json");
        let paths = [tmp.path().to_path_buf()];
        let (first, _, s1) = Library::scan_with(&paths, Some(&cache));
        assert_eq!(s1.cached, 0);
        let (second, _, s2) = Library::scan_with(&paths, Some(&cache));
        assert_eq!(s2.cached, 4);
        assert_eq!(first.entries(), second.entries());
        std::fs::write(
            tmp.path().join("sub/a.txt"),
            "Talks collapse\n\nNo deal was reached.",
        )
        .unwrap();
        let (third, _, s3) = Library::scan_with(&paths, Some(&cache));
        assert_eq!(s3.cached, 3);
        assert!(third.entries().iter().any(|e| e.title == "Talks collapse"));
        std::fs::write(&cache, b"{ not json").unwrap();
        let (fourth, _, s4) = Library::scan_with(&paths, Some(&cache));
        assert_eq!((s4.cached, fourth.entries()), (0, third.entries()));
    }

    #[test]
    fn a_deleted_file_is_an_error_on_load_not_a_panic() {
        let tmp = folder();
        let (lib, _, _) = Library::scan_with(&[tmp.path().to_path_buf()], None);
        std::fs::remove_file(tmp.path().join("b.md")).unwrap();
        let i = lib
            .entries()
            .iter()
            .position(|e| e.path.ends_with("b.md"))
            .unwrap();
        assert!(lib.load(i).is_err());
    }
}
