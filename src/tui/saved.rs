//! Memory between runs: the last article, the reading position in each article, the selected
//! actor and the order of the actors panel, in `state.json` in the state folder. Several readers may run at once (windows on one
//! server): a save re-reads the file under a lock file (`state.json.lock`), merges in only the
//! entries this process changed and writes atomically (a temporary file renamed over the old
//! one), so a crash never leaves half a file and no reader undoes another's. A corrupt file is
//! set aside (renamed with a `.corrupt-SECONDS` suffix) with a notice, never a crash and never
//! silently lost.
//!
//! Each file read is remembered with its size and a hash of its first KB ([`Print`]): when its
//! path is gone and a file of the library with nothing remembered matches both, the file was
//! moved or renamed, and it takes over the position, read mark and actor ([`relocate`]).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Article;

/// What the reader remembers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Saved {
    /// The key of the article open last.
    pub last: Option<String>,
    /// The byte offset at the top of the body, per article key.
    pub positions: BTreeMap<String, usize>,
    /// The selected actor's id, per article key.
    pub actors: BTreeMap<String, String>,
    /// How far each article was read, in percent.
    pub read: BTreeMap<String, u8>,
    /// When a reader last listed the library (opened, or reloaded it with `r`): articles
    /// fetched after this are new to the next reader.
    pub listed: Option<jiff::Timestamp>,
    /// What each remembered file is recognised by should it move: its size and a hash of its
    /// first KB, per article key (absent from state files written before; filled on save).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub files: BTreeMap<String, Print>,
    /// The order of the actors panel (`s`): `mentions` or `name`; absent for the default
    /// (salience) and in state files from before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor_sort: Option<String>,
}

/// How a moved file is recognised: its size in bytes and the FNV-1a 64 hash of its first KB,
/// written in hexadecimal (stable across runs and platforms).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Print {
    /// The file's size in bytes.
    pub size: u64,
    /// FNV-1a 64 of its first [`HEAD`] bytes, 16 hexadecimal digits.
    pub head: String,
}

/// How much of a file [`Print`] hashes.
pub const HEAD: u64 = 1024;

/// FNV-1a, 64 bits: a few lines, and the same on every platform and run.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The [`Print`] of the file at `path`; `None` when it cannot be read.
pub fn print(path: &Path) -> Option<Print> {
    use std::io::Read as _;
    let f = std::fs::File::open(path).ok()?;
    let size = f.metadata().ok()?.len();
    let mut head = Vec::with_capacity(HEAD as usize);
    f.take(HEAD).read_to_end(&mut head).ok()?;
    Some(Print {
        size,
        head: format!("{:016x}", fnv1a64(&head)),
    })
}

/// Whether a key names a file (not an article without one, known by its title).
fn is_file_key(key: &str) -> bool {
    !key.starts_with("title:")
}

/// Finds moved files again. Each remembered file that is gone, whose [`Print`] matches an
/// article's file that has nothing remembered, hands that file its position, read mark, actor
/// and print (and the last article, if it was that one); the old entry goes, and the next save
/// drops it from the file too (it is a change of this process, see [`merge`]). Returns how many
/// files were found again. Cheap when nothing is gone: one `stat` per remembered file.
pub fn relocate(saved: &mut Saved, articles: &[Article]) -> usize {
    use std::collections::{HashMap, HashSet};
    let mut gone: HashMap<&Print, Vec<&str>> = HashMap::new();
    for (k, p) in &saved.files {
        let remembered = saved.positions.contains_key(k) || saved.read.contains_key(k);
        if remembered && is_file_key(k) && !Path::new(k).exists() {
            gone.entry(p).or_default().push(k);
        }
    }
    if gone.is_empty() {
        return 0;
    }
    let sizes: HashSet<u64> = gone.keys().map(|p| p.size).collect();
    let mut seen = HashSet::new();
    let mut moves: Vec<(String, String)> = Vec::new();
    for a in articles {
        let Some(path) = &a.path else { continue };
        let new = key(a);
        if !seen.insert(new.clone())
            || saved.positions.contains_key(&new)
            || saved.read.contains_key(&new)
        {
            continue;
        }
        let Ok(meta) = std::fs::metadata(path) else {
            continue;
        };
        if !sizes.contains(&meta.len()) {
            continue;
        }
        let Some(p) = print(path) else { continue };
        // Several gone files with the same print: the first (in key order) moves first.
        if let Some(olds) = gone.get_mut(&p)
            && !olds.is_empty()
        {
            let old = olds.remove(0);
            moves.push((old.to_string(), new));
        }
    }
    for (old, new) in &moves {
        if let Some(v) = saved.positions.remove(old) {
            saved.positions.insert(new.clone(), v);
        }
        if let Some(v) = saved.read.remove(old) {
            saved.read.insert(new.clone(), v);
        }
        if let Some(v) = saved.actors.remove(old) {
            saved.actors.insert(new.clone(), v);
        }
        if let Some(v) = saved.files.remove(old) {
            saved.files.insert(new.clone(), v);
        }
        if saved.last.as_ref() == Some(old) {
            saved.last = Some(new.clone());
        }
    }
    moves.len()
}

/// `mine` with the prints of its files: recomputed for the entries this process changed (the
/// file may have been edited), filled in for those without one (state written before prints
/// existed); the others keep theirs (their file may be gone, and be found again later).
fn with_prints(base: &Saved, mine: &Saved) -> Saved {
    let mut out = mine.clone();
    let keys: std::collections::BTreeSet<&String> =
        mine.positions.keys().chain(mine.read.keys()).collect();
    for k in keys {
        if !is_file_key(k) {
            continue;
        }
        let changed =
            base.positions.get(k) != mine.positions.get(k) || base.read.get(k) != mine.read.get(k);
        if (changed || !out.files.contains_key(k))
            && let Some(p) = print(Path::new(k))
        {
            out.files.insert(k.clone(), p);
        }
    }
    out
}

/// The key an article is remembered by: its file's canonical absolute path (so `brief
/// politics` and `brief /abs/politics` find the same place, and two files with the same
/// relative path do not share one), or its title when it has no file.
pub fn key(article: &Article) -> String {
    match &article.path {
        Some(p) => canonical(p),
        None => format!("title:{}", article.title),
    }
}

/// `path` canonical (links resolved) and absolute, or absolute when it cannot be resolved (a
/// file gone since); remembered for the run, as the library asks for every row it draws.
fn canonical(path: &Path) -> String {
    use std::collections::HashMap;
    use std::sync::{Mutex, PoisonError};
    static KNOWN: Mutex<Option<HashMap<PathBuf, String>>> = Mutex::new(None);
    let mut known = KNOWN.lock().unwrap_or_else(PoisonError::into_inner);
    let known = known.get_or_insert_with(HashMap::new);
    if let Some(k) = known.get(path) {
        return k.clone();
    }
    let k = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    // A relative path is relative to the working folder, which does not change during a run.
    known.insert(path.to_path_buf(), k.clone());
    k
}

/// The state file in a folder.
pub fn file(dir: &Path) -> PathBuf {
    dir.join("state.json")
}

/// Reads the state; a missing file is a fresh start, an unreadable one a fresh start with a
/// notice.
pub fn load(dir: Option<&Path>) -> (Saved, Option<String>) {
    let Some(dir) = dir else {
        return (Saved::default(), None);
    };
    let path = file(dir);
    match std::fs::read(&path) {
        Ok(bytes) => match serde_json::from_slice(&bytes) {
            Ok(saved) => (saved, None),
            // Set aside, not overwritten: the next save would lose it for good.
            Err(_) => {
                let notice = match crate::paths::set_aside(&path) {
                    Some(to) => format!(
                        "reading state was corrupt: set aside as {} (starting fresh)",
                        to.file_name()
                            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
                    ),
                    None => "reading state unreadable, ignored (starting fresh)".into(),
                };
                (
                    Saved::default(),
                    Some(crate::safe::sanitize(&notice).into_owned()),
                )
            }
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => (Saved::default(), None),
        Err(e) => (
            Saved::default(),
            Some(format!("reading state ignored: {e}")),
        ),
    }
}

/// How long a save waits for another reader holding the lock before it writes anyway.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// A lock file left by a reader that died while saving is taken over after this long (a save
/// holds it for milliseconds).
const LOCK_STALE: std::time::Duration = std::time::Duration::from_secs(10);

/// The lock file beside the state, made (exclusively) while a save re-reads, merges and
/// writes, so two readers quitting at once do not lose each other's changes; removed after.
pub fn lock_file(dir: &Path) -> PathBuf {
    dir.join("state.json.lock")
}

/// The lock, held while alive: the lock file, made by this process, removed when dropped.
struct Lock(Option<PathBuf>);

impl Lock {
    /// Takes the lock in `dir`, waiting for another reader's save at most [`LOCK_WAIT`]; a lock
    /// file older than [`LOCK_STALE`] is a dead reader's and is taken over. Past the wait the
    /// save goes on without it (a position is not worth hanging the exit for).
    fn take(dir: &Path) -> Lock {
        let path = lock_file(dir);
        let started = std::time::Instant::now();
        loop {
            match std::fs::File::options()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut f) => {
                    let _ = write!(f, "{}", std::process::id());
                    return Lock(Some(path));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let stale = std::fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age > LOCK_STALE);
                    if stale {
                        let _ = std::fs::remove_file(&path);
                        continue;
                    }
                }
                Err(_) => return Lock(None),
            }
            if started.elapsed() > LOCK_WAIT {
                return Lock(None);
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        if let Some(p) = self.0.take() {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// `disk` with the entries this process changed (those where `mine` differs from `base`, the
/// state it read at start) taken from `mine`: other readers' changes since are kept. How far an
/// article was read only grows.
pub fn merge(base: &Saved, mine: &Saved, mut disk: Saved) -> Saved {
    fn changed<V: Clone + PartialEq>(
        base: &BTreeMap<String, V>,
        mine: &BTreeMap<String, V>,
        disk: &mut BTreeMap<String, V>,
        keep: impl Fn(&V, &V) -> V,
    ) {
        for (k, v) in mine {
            if base.get(k) != Some(v) {
                let v = match disk.get(k) {
                    Some(d) => keep(d, v),
                    None => v.clone(),
                };
                disk.insert(k.clone(), v);
            }
        }
        for k in base.keys() {
            if !mine.contains_key(k) {
                disk.remove(k);
            }
        }
    }
    changed(
        &base.positions,
        &mine.positions,
        &mut disk.positions,
        |_, m| *m,
    );
    changed(&base.actors, &mine.actors, &mut disk.actors, |_, m| {
        m.clone()
    });
    changed(&base.read, &mine.read, &mut disk.read, |d, m| (*d).max(*m));
    changed(&base.files, &mine.files, &mut disk.files, |_, m| m.clone());
    if mine.last != base.last {
        disk.last.clone_from(&mine.last);
    }
    if mine.actor_sort != base.actor_sort {
        disk.actor_sort.clone_from(&mine.actor_sort);
    }
    // The latest listing of any reader counts.
    if mine.listed != base.listed {
        disk.listed = disk.listed.max(mine.listed);
    }
    disk
}

/// Saves the changes this process made to the state (`mine` against `base`, the state read at
/// start): under the lock file, the state is read again, the changes merged in (see [`merge`])
/// and the file written atomically (a temporary file renamed over it).
pub fn save(dir: &Path, base: &Saved, mine: &Saved) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let lock = Lock::take(dir);
    let path = file(dir);
    let disk = match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|_| {
            // Broken since we started: set aside, never overwritten.
            let _ = crate::paths::set_aside(&path);
            Saved::default()
        }),
        Err(_) => Saved::default(),
    };
    let result = write(dir, &merge(base, &with_prints(base, mine), disk));
    drop(lock);
    result
}

/// Writes the state atomically: a temporary file, synced, renamed over the old one.
fn write(dir: &Path, saved: &Saved) -> io::Result<()> {
    let json = serde_json::to_vec_pretty(saved).map_err(io::Error::other)?;
    static SAVES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!("state.json.{}.{n}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
        std::fs::rename(&tmp, file(dir))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tempdir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("brief-state-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    /// The names of the files in `d`: a save leaves no temporary or lock file behind.
    fn file_names(d: &std::path::Path) -> Vec<String> {
        std::fs::read_dir(d)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn round_trips_and_leaves_no_temporary_file() {
        let d = tempdir("rt");
        let mut s = Saved {
            last: Some("a".into()),
            ..Saved::default()
        };
        s.positions.insert("a".into(), 42);
        save(&d, &Saved::default(), &s).unwrap();
        assert_eq!(load(Some(&d)), (s, None));
        // No temporary file, no lock file left.
        assert_eq!(file_names(&d), ["state.json"]);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_corrupt_file_is_set_aside_with_a_notice() {
        let d = tempdir("corrupt");
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(file(&d), b"{\"last\": [").unwrap();
        let (s, notice) = load(Some(&d));
        assert_eq!(s, Saved::default());
        assert!(notice.unwrap().contains("set aside as state.json.corrupt-"));
        assert!(!file(&d).exists());
        let aside: Vec<_> = std::fs::read_dir(&d).unwrap().flatten().collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(std::fs::read(aside[0].path()).unwrap(), b"{\"last\": [");
        let _ = std::fs::remove_dir_all(&d);
    }

    /// What one reader changes: its own article's position, read mark and actor.
    fn reading(base: &Saved, article: &str, pos: usize) -> Saved {
        let mut s = base.clone();
        s.last = Some(article.into());
        s.positions.insert(article.into(), pos);
        s.read.insert(article.into(), 100);
        s.actors.insert(article.into(), format!("actor-{pos}"));
        s
    }

    #[test]
    fn two_readers_quitting_in_turn_keep_each_others_changes() {
        let d = tempdir("two");
        let mut start = Saved::default();
        start.positions.insert("old".into(), 7);
        save(&d, &Saved::default(), &start).unwrap();
        // Both opened before either quits: the same state read at start.
        let (base_a, _) = load(Some(&d));
        let (base_b, _) = load(Some(&d));
        save(&d, &base_a, &reading(&base_a, "010.txt", 500)).unwrap();
        let b = reading(&base_b, "020.txt", 30);
        save(&d, &base_b, &b).unwrap();
        let (now, _) = load(Some(&d));
        assert_eq!(now.positions.get("010.txt"), Some(&500), "{now:?}");
        assert_eq!(now.read.get("010.txt"), Some(&100));
        assert_eq!(
            now.actors.get("010.txt").map(String::as_str),
            Some("actor-500")
        );
        assert_eq!(now.positions.get("020.txt"), Some(&30));
        assert_eq!(now.positions.get("old"), Some(&7));
        assert_eq!(now.last.as_deref(), Some("020.txt"));
        // A reader that changed nothing about an article leaves the other's value alone; an
        // actor it unselected is removed; a read mark only grows.
        let mut c = base_b.clone();
        c.read.insert("010.txt".into(), 20);
        save(&d, &base_b, &c).unwrap();
        assert_eq!(load(Some(&d)).0.read.get("010.txt"), Some(&100));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn the_latest_listing_of_any_reader_is_kept() {
        let d = tempdir("listed");
        let t = |s: &str| Some(s.parse::<jiff::Timestamp>().unwrap());
        let start = Saved {
            listed: t("2026-03-01T00:00:00Z"),
            ..Saved::default()
        };
        save(&d, &Saved::default(), &start).unwrap();
        let (base_a, _) = load(Some(&d));
        let (base_b, _) = load(Some(&d));
        assert_eq!(base_a.listed, start.listed);
        // B listed later than A but quits first; A's earlier listing does not undo it.
        let b = Saved {
            listed: t("2026-03-02T12:00:00Z"),
            ..base_b.clone()
        };
        save(&d, &base_b, &b).unwrap();
        let a = Saved {
            listed: t("2026-03-02T09:00:00Z"),
            ..base_a.clone()
        };
        save(&d, &base_a, &a).unwrap();
        assert_eq!(load(Some(&d)).0.listed, b.listed);
        // A reader that did not list leaves it alone.
        save(&d, &base_a, &base_a).unwrap();
        assert_eq!(load(Some(&d)).0.listed, b.listed);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn readers_saving_at_once_in_threads_lose_nothing() {
        let d = tempdir("threads");
        let dir = std::sync::Arc::new(d.clone());
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let dir = std::sync::Arc::clone(&dir);
                std::thread::spawn(move || {
                    // Each thread is an independent reader: its own state read at start.
                    let (base, _) = load(Some(&dir));
                    for round in 0..10 {
                        let mine = reading(&base, &format!("{t}-{round}.txt"), t * 100 + round);
                        let mut all = base.clone();
                        for r in 0..=round {
                            let one = reading(&base, &format!("{t}-{r}.txt"), t * 100 + r);
                            all.positions.extend(one.positions);
                            all.read.extend(one.read);
                            all.actors.extend(one.actors);
                        }
                        all.last = mine.last;
                        save(&dir, &base, &all).unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let (now, notice) = load(Some(&d));
        assert_eq!(notice, None);
        for t in 0..8 {
            for round in 0..10 {
                let k = format!("{t}-{round}.txt");
                assert_eq!(now.positions.get(&k), Some(&(t * 100 + round)), "{k} lost");
            }
        }
        assert_eq!(file_names(&d), ["state.json"]);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn articles_are_known_by_their_canonical_absolute_path() {
        let d = tempdir("keys");
        std::fs::create_dir_all(d.join("politics")).unwrap();
        std::fs::write(d.join("politics/010.txt"), "Talks.\n").unwrap();
        let at = |p: PathBuf| Article {
            path: Some(p),
            ..Article::default()
        };
        let abs = key(&at(d.join("politics/010.txt")));
        assert_eq!(key(&at(d.join("politics/../politics/./010.txt"))), abs);
        assert!(Path::new(&abs).is_absolute(), "{abs}");
        // A relative path is read from the working folder: the same file, the same key.
        let cwd = std::env::current_dir().unwrap();
        let rel = pathdiff(&d.join("politics/010.txt"), &cwd);
        assert_eq!(key(&at(rel)), abs);
        // Another folder's file with the same relative name is another article.
        std::fs::create_dir_all(d.join("other/politics")).unwrap();
        std::fs::write(d.join("other/politics/010.txt"), "Other.\n").unwrap();
        assert_ne!(key(&at(d.join("other/politics/010.txt"))), abs);
        let _ = std::fs::remove_dir_all(&d);
    }

    /// `path` relative to `base` (both absolute), with `..` steps.
    fn pathdiff(path: &Path, base: &Path) -> PathBuf {
        let p: Vec<_> = path.components().collect();
        let b: Vec<_> = base.components().collect();
        let same = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let mut out = PathBuf::new();
        for _ in same..b.len() {
            out.push("..");
        }
        for c in &p[same..] {
            out.push(c);
        }
        out
    }

    #[test]
    fn fnv1a64_is_the_published_function() {
        // The reference values of FNV-1a 64 (Fowler, Noll, Vo).
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn a_state_file_without_prints_still_reads() {
        let d = tempdir("old");
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(
            file(&d),
            br#"{"last":"/x/a.txt","positions":{"/x/a.txt":40},"actors":{},"read":{"/x/a.txt":55}}"#,
        )
        .unwrap();
        let (s, notice) = load(Some(&d));
        assert_eq!(notice, None);
        assert_eq!(s.positions.get("/x/a.txt"), Some(&40));
        assert!(s.files.is_empty());
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_moved_file_is_found_again_and_its_old_entry_dropped_on_save() {
        let d = tempdir("moved");
        let lib = d.join("lib");
        std::fs::create_dir_all(&lib).unwrap();
        let text = "A made-up story about a canal.\n".repeat(60);
        std::fs::write(lib.join("old.txt"), &text).unwrap();
        let at = |p: PathBuf| Article {
            path: Some(p),
            ..Article::default()
        };
        let old = key(&at(lib.join("old.txt")));
        let state = d.join("state");
        // Read to some place; the save stores the file's print. Another reader (opened
        // before) also saved something of its own.
        let mut mine = Saved {
            last: Some(old.clone()),
            ..Saved::default()
        };
        mine.positions.insert(old.clone(), 700);
        mine.read.insert(old.clone(), 60);
        mine.actors.insert(old.clone(), "canal".into());
        save(&state, &Saved::default(), &mine).unwrap();
        let (base, _) = load(Some(&state));
        let p = base.files.get(&old).cloned().unwrap();
        assert_eq!(p.size, text.len() as u64);
        assert_eq!(p.head.len(), 16);
        // Moved into a subfolder under another name.
        let new_path = lib.join("sub").join("renamed.txt");
        std::fs::create_dir_all(new_path.parent().unwrap()).unwrap();
        std::fs::rename(lib.join("old.txt"), &new_path).unwrap();
        let (mut s, _) = load(Some(&state));
        let other = base.clone();
        let articles = [at(lib.join("unrelated.txt")), at(new_path.clone())];
        std::fs::write(lib.join("unrelated.txt"), "Short.\n").unwrap();
        assert_eq!(relocate(&mut s, &articles), 1);
        let new = key(&at(new_path.clone()));
        assert_eq!(s.positions.get(&new), Some(&700));
        assert_eq!(s.read.get(&new), Some(&60));
        assert_eq!(s.actors.get(&new).map(String::as_str), Some("canal"));
        assert_eq!(s.last.as_deref(), Some(new.as_str()));
        assert!(!s.positions.contains_key(&old));
        // Found once: a second call finds nothing more.
        assert_eq!(relocate(&mut s, &articles), 0);
        // Another reader saves its own change first; then this one: both kept, old gone.
        let mut o = other.clone();
        o.positions.insert("/elsewhere/b.txt".into(), 3);
        save(&state, &other, &o).unwrap();
        save(&state, &base, &s).unwrap();
        let (now, _) = load(Some(&state));
        assert_eq!(now.positions.get(&new), Some(&700));
        assert_eq!(now.read.get(&new), Some(&60));
        assert_eq!(now.positions.get("/elsewhere/b.txt"), Some(&3));
        assert!(!now.positions.contains_key(&old), "{now:?}");
        assert!(!now.read.contains_key(&old) && !now.files.contains_key(&old));
        assert_eq!(now.files.get(&new), Some(&p));
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_gone_file_with_no_match_stays_and_a_remembered_file_is_not_taken_over() {
        let d = tempdir("nomatch");
        std::fs::create_dir_all(&d).unwrap();
        std::fs::write(d.join("a.txt"), "Alpha text.\n").unwrap();
        std::fs::write(d.join("b.txt"), "Alpha text.\n").unwrap();
        let at = |p: PathBuf| Article {
            path: Some(p),
            ..Article::default()
        };
        let (a, b) = (key(&at(d.join("a.txt"))), key(&at(d.join("b.txt"))));
        let mut s = Saved::default();
        s.positions.insert(a.clone(), 5);
        s.positions.insert(b.clone(), 9);
        s = with_prints(&Saved::default(), &s);
        assert_eq!(s.files.len(), 2);
        std::fs::remove_file(d.join("a.txt")).unwrap();
        // b.txt matches a.txt's print but has a place of its own: it keeps it.
        let before = s.clone();
        assert_eq!(relocate(&mut s, &[at(d.join("b.txt"))]), 0);
        assert_eq!(s, before);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_missing_file_is_a_quiet_fresh_start() {
        let d = tempdir("missing");
        assert_eq!(load(Some(&d)), (Saved::default(), None));
    }
}
