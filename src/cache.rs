//! The analysis cache: one small JSON file per article under [`crate::paths::cache_dir`], so a
//! second start of the same library does no analysis.
//!
//! An entry is valid only when everything the analysis depends on is unchanged: the file's path,
//! size and modification time, [`ANALYZER_VERSION`] and the build of brief ([`build_id`]), the
//! `--date` option, and a fingerprint of
//! what was loaded (text, date, curated additions), so a file rewritten within the clock's
//! resolution, or an article from the same path with other content, is never served stale.
//! Anything wrong with an entry (missing, truncated, corrupt, another version) is a miss, and the
//! next [`Cache::put`] rewrites it. Writes go to a temporary file renamed into place, so a reader
//! never sees half an entry, even with two `brief` processes at once.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::analysis::{ANALYZER_VERSION, Options};
use crate::model::{Analysis, Article};

/// A folder of cached analyses.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    /// Corrupt entries set aside and not reported yet (shared by clones of the cache).
    set_aside: std::sync::Arc<std::sync::Mutex<Vec<PathBuf>>>,
}

/// What identifies a file on disk at the time it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch (0 when the system does not say).
    pub mtime_ns: u64,
}

impl Stamp {
    /// The stamp of a file now, or `None` when it cannot be read.
    pub fn of(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp::from_meta(&m))
    }

    /// The stamp from metadata already read.
    pub fn from_meta(m: &std::fs::Metadata) -> Stamp {
        let mtime_ns = m
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
        Stamp {
            size: m.len(),
            mtime_ns,
        }
    }
}

/// What identifies the analyser that wrote an entry: [`ANALYZER_VERSION`], the package version
/// and the size and modification time of the running executable. The version is bumped by hand
/// and can be forgotten; the executable changes with every build, so an entry written by another
/// build of brief is never trusted. (When the executable cannot be found, the versions alone.)
pub fn build_id() -> &'static str {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let exe = std::env::current_exe()
            .ok()
            .and_then(|p| Stamp::of(&p))
            .map_or_else(String::new, |s| format!("-{}-{}", s.size, s.mtime_ns));
        format!("{ANALYZER_VERSION}-{}{exe}", env!("CARGO_PKG_VERSION"))
    })
}

#[derive(Serialize, Deserialize)]
struct CachedAnalysis {
    version: u32,
    build: String,
    path: PathBuf,
    stamp: Stamp,
    date: Option<jiff::civil::Date>,
    fingerprint: String,
    analysis: Analysis,
}

/// Borrowed twin of [`CachedAnalysis`], so a put does not clone the analysis.
#[derive(Serialize)]
struct CachedAnalysisRef<'a> {
    version: u32,
    build: &'static str,
    path: &'a Path,
    stamp: Stamp,
    date: Option<jiff::civil::Date>,
    fingerprint: String,
    analysis: &'a Analysis,
}

impl Cache {
    /// The cache in the user's cache folder (`analysis/` below it), created when missing;
    /// `None` when there is no such folder or it cannot be made (brief then just analyses).
    pub fn open() -> Option<Cache> {
        Cache::at(crate::paths::cache_dir()?.join("analysis"))
    }

    /// A cache in a given folder, created when missing.
    pub fn at(dir: impl Into<PathBuf>) -> Option<Cache> {
        let dir = dir.into();
        std::fs::create_dir_all(&dir).ok()?;
        Some(Cache {
            dir,
            set_aside: Default::default(),
        })
    }

    /// Its folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cached analysis of an article read from a file, when still valid. Articles without a
    /// path (standard input, the bundled sample) are never cached.
    pub fn get(&self, article: &Article, options: &Options) -> Option<Analysis> {
        let path = article.path.as_deref()?;
        let stamp = Stamp::of(path)?;
        let file = self.entry_path(path, &article.title);
        let bytes = std::fs::read(&file).ok()?;
        let entry: CachedAnalysis = match serde_json::from_slice(&bytes) {
            Ok(e) => e,
            Err(_) => {
                // Corrupt (a torn disk, a hand edit): set aside with a suffix and reported,
                // never silently overwritten.
                if let Some(to) = crate::paths::set_aside(&file)
                    && let Ok(mut aside) = self.set_aside.lock()
                {
                    aside.push(to);
                }
                return None;
            }
        };
        let valid = entry.version == ANALYZER_VERSION
            && entry.build == build_id()
            && entry.path == path
            && entry.stamp == stamp
            && entry.date == options.date
            && entry.fingerprint == fingerprint_hex(article);
        valid.then_some(entry.analysis)
    }

    /// The cache entries found corrupt and set aside since the last call (for a warning).
    pub fn take_set_aside(&self) -> Vec<PathBuf> {
        self.set_aside
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default()
    }

    /// Stores an analysis; failures (a full disk, a read-only folder) are ignored: the cache is
    /// an optimisation, never a reason to fail.
    pub fn put(&self, article: &Article, options: &Options, analysis: &Analysis) {
        let Some(path) = article.path.as_deref() else {
            return;
        };
        let Some(stamp) = Stamp::of(path) else {
            return;
        };
        let entry = CachedAnalysisRef {
            version: ANALYZER_VERSION,
            build: build_id(),
            path,
            stamp,
            date: options.date,
            fingerprint: fingerprint_hex(article),
            analysis,
        };
        if let Ok(json) = serde_json::to_vec(&entry) {
            let _ = write_atomic(&self.entry_path(path, &article.title), &json);
        }
    }

    /// The analysis from the cache, or analysed now and stored ([`analyse`]).
    pub fn get_or_analyze(&self, article: &Article, options: &Options) -> Analysis {
        analyse(Some(self), article, options).0
    }

    /// Keeps the cache from growing without end (articles deleted, temporary files analysed
    /// once): past `max_entries` entries, the least recently written are removed until a fifth
    /// of the room is free again; leftover temporary files of interrupted writes go too.
    /// Returns how many files were removed. Errors are ignored, as everywhere in the cache.
    pub fn prune(&self, max_entries: usize) -> usize {
        let Ok(dir) = std::fs::read_dir(&self.dir) else {
            return 0;
        };
        let mut entries = Vec::new();
        let mut removed = 0;
        for e in dir.flatten() {
            let path = e.path();
            let name = e.file_name();
            let name = name.to_string_lossy();
            let modified = e.metadata().and_then(|m| m.modified()).ok();
            if name.starts_with('.') && name.ends_with(".tmp") {
                // Another process may be writing it right now: only old ones are leftovers.
                let old = modified
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age.as_secs() > 3600);
                if old && std::fs::remove_file(&path).is_ok() {
                    removed += 1;
                }
            } else if name.ends_with(".json") {
                entries.push((modified, path));
            } else if name.contains(".json.corrupt-") {
                // Set-aside entries are kept for a week for whoever wants to look, then go.
                let old = modified
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age.as_secs() > 7 * 24 * 3600);
                if old && std::fs::remove_file(&path).is_ok() {
                    removed += 1;
                }
            }
        }
        if entries.len() <= max_entries {
            return removed;
        }
        entries.sort();
        let keep = max_entries - max_entries / 5;
        let excess = entries.len() - keep;
        for (_, path) in entries.into_iter().take(excess) {
            if std::fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        removed
    }

    /// One file per article: the hash of its path and title (a JSON file may hold several
    /// articles), so a changed file overwrites its old entry instead of piling up new ones.
    fn entry_path(&self, path: &Path, title: &str) -> PathBuf {
        let mut h = Hasher64::default();
        h.write(path.as_os_str().as_encoded_bytes());
        h.write(&[0]);
        h.write(title.as_bytes());
        self.dir.join(format!("{:016x}.json", h.finish()))
    }
}

/// Where an analysis came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fresh {
    /// From the cache.
    Cached,
    /// Analysed now (and stored when there is a cache).
    Analysed,
    /// The analysis failed (a bug in an extractor): empty lists with the article's reference
    /// date; not stored.
    Failed,
}

/// The one way brief analyses an article, used by `brief analyze`, the reader's worker and
/// [`Cache::get_or_analyze`]: from `cache` when it holds a valid entry, else analysed now and
/// stored. A panic in an extractor is caught here: the article gets empty lists (and its
/// reference date), so the other articles, and the reader, go on.
pub fn analyse(cache: Option<&Cache>, article: &Article, options: &Options) -> (Analysis, Fresh) {
    // The article's folder may give the reference date (`.brief.json`); the cache is keyed on
    // the date used.
    let options = &crate::folder::options_for(article, options);
    if let Some(hit) = cache.and_then(|c| c.get(article, options)) {
        return (hit, Fresh::Cached);
    }
    let run = std::panic::AssertUnwindSafe(|| crate::analysis::analyze(article, options));
    match std::panic::catch_unwind(run) {
        Ok(analysis) => {
            if let Some(c) = cache {
                c.put(article, options, &analysis);
            }
            (analysis, Fresh::Analysed)
        }
        Err(_) => {
            let analysis = Analysis {
                reference: crate::analysis::reference(article, options),
                ..Analysis::default()
            };
            (analysis, Fresh::Failed)
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so the
/// file is either the old one or the whole new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "entry".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// A fingerprint of what the analysis of an article reads: its text, date and curated additions.
pub fn fingerprint(article: &Article) -> u64 {
    let mut h = Hasher64::default();
    h.write(article.text.as_bytes());
    h.write(&[0xff]);
    let date = article.published.map(|d| d.to_string()).unwrap_or_default();
    h.write(date.as_bytes());
    h.write(&[article.date_origin as u8]);
    if let Ok(c) = serde_json::to_vec(&article.curated) {
        h.write(&c);
    }
    h.finish()
}

fn fingerprint_hex(article: &Article) -> String {
    format!("{:016x}", fingerprint(article))
}

/// A fast, deterministic 64-bit hash (8 bytes at a time, multiply and rotate, then a final
/// avalanche): stable across runs and platforms, unlike `std`'s randomly seeded hasher, which
/// matters for names on disk. Not for adversarial input; it only has to tell files apart.
#[derive(Debug, Clone)]
pub struct Hasher64 {
    h: u64,
    len: u64,
}

impl Default for Hasher64 {
    fn default() -> Self {
        Self {
            h: 0x243f_6a88_85a3_08d3,
            len: 0,
        }
    }
}

impl Hasher64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;

    /// Adds bytes.
    pub fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
        self.len = self.len.wrapping_add(bytes.len() as u64);
    }

    fn mix(&mut self, w: u64) {
        self.h = (self.h.rotate_left(23) ^ w).wrapping_mul(Self::K);
    }

    /// The hash of everything added.
    pub fn finish(&self) -> u64 {
        let mut x = self.h ^ self.len.wrapping_mul(Self::K);
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article_in(dir: &Path, name: &str, text: &str) -> Article {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        crate::load::load_file(&path).unwrap().remove(0)
    }

    #[test]
    fn a_put_analysis_comes_back_until_the_file_or_the_date_changes() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::at(tmp.path().join("cache")).unwrap();
        let a = article_in(
            tmp.path(),
            "a.txt",
            "Talks\n\nThe minister met Pavel Ivanov in Riyadh.",
        );
        let options = Options::default();
        assert!(cache.get(&a, &options).is_none());
        let analysis = crate::analyze(&a, &options);
        assert!(!analysis.actors.is_empty());
        cache.put(&a, &options, &analysis);
        assert_eq!(cache.get(&a, &options), Some(analysis));
        let dated = Options {
            date: jiff::civil::Date::new(2025, 2, 18).ok(),
        };
        assert!(cache.get(&a, &dated).is_none(), "another --date is a miss");
        let b = article_in(
            tmp.path(),
            "a.txt",
            "Talks\n\nThe minister met Anna Berg in Oslo.",
        );
        assert!(
            cache.get(&b, &options).is_none(),
            "a changed file is a miss"
        );
    }

    #[test]
    fn an_entry_from_another_build_is_a_miss() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::at(tmp.path().join("cache")).unwrap();
        let a = article_in(tmp.path(), "a.txt", "Leaders met in Geneva on Monday.");
        let options = Options::default();
        cache.put(&a, &options, &crate::analyze(&a, &options));
        assert!(cache.get(&a, &options).is_some());
        for e in std::fs::read_dir(cache.dir()).unwrap().flatten() {
            let json = std::fs::read_to_string(e.path()).unwrap();
            let other = json.replace(build_id(), "0-0.0.0-1-1");
            assert_ne!(json, other);
            std::fs::write(e.path(), other).unwrap();
        }
        assert!(cache.get(&a, &options).is_none());
    }

    #[test]
    fn a_corrupt_entry_is_a_miss_set_aside_and_rewritten() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::at(tmp.path().join("cache")).unwrap();
        let a = article_in(tmp.path(), "a.txt", "Leaders met in Geneva on Monday.");
        let options = Options::default();
        let analysis = crate::analyze(&a, &options);
        cache.put(&a, &options, &analysis);
        let entry = std::fs::read_dir(cache.dir())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "json"))
            .unwrap();
        for junk in [
            &b"{\"version\": 2, \"analysis\": ["[..],
            b"",
            b"\xff\x00garbage",
        ] {
            std::fs::write(&entry, junk).unwrap();
            assert!(cache.get(&a, &options).is_none());
            let aside = cache.take_set_aside();
            assert_eq!(aside.len(), 1, "set aside, not lost");
            assert_eq!(std::fs::read(&aside[0]).unwrap(), junk);
        }
        assert_eq!(cache.get_or_analyze(&a, &options), analysis);
        assert_eq!(cache.get(&a, &options), Some(analysis));
    }

    #[test]
    fn pruning_keeps_the_newest_entries_and_drops_old_leftovers() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::at(tmp.path().join("cache")).unwrap();
        let options = Options::default();
        for i in 0..10 {
            let a = article_in(
                tmp.path(),
                &format!("{i}.txt"),
                &format!("Report {i} from Oslo."),
            );
            cache.put(&a, &options, &crate::analyze(&a, &options));
        }
        let fresh_tmp = cache.dir().join(".x.json.1.1.tmp");
        std::fs::write(&fresh_tmp, b"partial").unwrap();
        assert_eq!(cache.prune(20), 0, "under the limit nothing goes");
        assert_eq!(cache.prune(5), 6, "down to four fifths of the limit");
        let left = std::fs::read_dir(cache.dir()).unwrap().count();
        assert_eq!(left, 4 + 1, "four entries and the fresh temporary file");
        assert!(fresh_tmp.exists());
    }

    #[test]
    fn articles_without_a_file_are_not_cached() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::at(tmp.path()).unwrap();
        let a = crate::load::sample();
        let options = Options::default();
        cache.put(&a, &options, &crate::analyze(&a, &options));
        assert!(cache.get(&a, &options).is_none());
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
    }

    #[test]
    fn the_hash_tells_lengths_and_bytes_apart() {
        let h = |b: &[u8]| {
            let mut x = Hasher64::default();
            x.write(b);
            x.finish()
        };
        assert_ne!(h(b""), h(b"\0"));
        assert_ne!(h(b"abcdefgh"), h(b"abcdefgi"));
        assert_eq!(h(b"same"), h(b"same"));
    }
}
